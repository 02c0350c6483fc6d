// Package regfile opens files that limber reads or appends to (the journal,
// library files) and refuses anything that is not a regular file: a FIFO
// would hang limber on open or read, a device could feed it forever, and
// a folder is never what was meant (DESIGN section 5). It never waits: a
// FIFO is opened without blocking, seen for what it is, and closed unread.
package regfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrNotRegular is what Check and Open return, wrapped, for anything but a
// regular file.
var ErrNotRegular = errors.New("not a regular file")

// NotRegularError says what a path is instead of a regular file.
type NotRegularError struct {
	Path string // as given; may be empty
	What string // "a named pipe (FIFO)", "a folder", "a device"...
}

func (e *NotRegularError) Error() string {
	if e.Path == "" {
		return e.What + ", not a regular file"
	}
	return e.Path + " is " + e.What + ", not a regular file"
}

func (e *NotRegularError) Unwrap() error { return ErrNotRegular }

// What names a kind of file for people.
func What(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "a regular file"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return fmt.Sprintf("a special file (%v)", m.Type())
}

// Check returns a *NotRegularError unless mode is a regular file's.
func Check(path string, mode fs.FileMode) error {
	if mode.IsRegular() {
		return nil
	}
	return &NotRegularError{Path: path, What: What(mode)}
}

// OpenNoWait opens path with flag and perm without ever waiting on it: a
// FIFO with nobody at its other end is opened at once instead of hanging.
// The file may be of any kind; check it before reading it.
func OpenNoWait(path string, flag int, perm fs.FileMode) (*os.File, error) {
	return os.OpenFile(path, flag|oNonblock, perm)
}

// Open opens path, following symbolic links, only if it is a regular file,
// with flag (os.O_RDONLY, os.O_RDWR|os.O_APPEND|os.O_CREATE...) and perm. A
// FIFO, device, socket or folder, or a link to one, is refused with a
// *NotRegularError, never waited on. A missing file is fs.ErrNotExist,
// unless flag creates it.
func Open(path string, flag int, perm fs.FileMode) (*os.File, error) {
	// Looking first gives the clear error where the open itself would
	// fail on a folder (EISDIR) or a FIFO opened to write (ENXIO).
	if fi, err := os.Stat(path); err == nil {
		if err := Check(path, fi.Mode()); err != nil {
			return nil, err
		}
	}
	f, err := OpenNoWait(path, flag, perm)
	if err != nil {
		return nil, err
	}
	// Check what was opened too: the path may have changed since.
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if err := Check(path, fi.Mode()); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
