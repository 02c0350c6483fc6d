package exercises

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"limber/regfile"
)

// dirFS is os.DirFS, except that Open never waits: a FIFO among the
// library files (or named as one) is opened without blocking, so that
// readLimited sees it for what it is and refuses it instead of hanging
// validate, list and the coach (DESIGN section 5).
type dirFS struct {
	base fs.FS // os.DirFS(dir), for Stat and ReadDir, which open nothing to read
	dir  string
}

func newDirFS(dir string) dirFS { return dirFS{base: os.DirFS(dir), dir: dir} }

func (d dirFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) || runtime.GOOS == "windows" && strings.ContainsAny(name, `\:`) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := regfile.OpenNoWait(filepath.Join(d.dir, filepath.FromSlash(name)), os.O_RDONLY, 0)
	if err != nil {
		return nil, err // *fs.PathError, as os.DirFS gives
	}
	return f, nil
}

func (d dirFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.base, name) }

func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.base, name) }
