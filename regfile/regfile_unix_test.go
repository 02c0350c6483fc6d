//go:build unix

package regfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within fails the test if f takes longer than a few seconds: what it
// opens must never be waited on.
func within(t *testing.T, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("waited on a file that is not a regular one")
		return nil
	}
}

func TestOpenRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link-to-fifo")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ path, what string }{
		{fifo, "a named pipe (FIFO)"},
		{link, "a named pipe (FIFO)"},
		{folder, "a folder"},
		{"/dev/null", "a character device"},
	}
	flags := map[string]int{
		"read":   os.O_RDONLY,
		"append": os.O_RDWR | os.O_APPEND | os.O_CREATE,
		"write":  os.O_WRONLY | os.O_APPEND,
	}
	for _, c := range cases {
		for name, flag := range flags {
			err := within(t, func() error {
				f, err := Open(c.path, flag, 0o600)
				if err == nil {
					f.Close()
				}
				return err
			})
			var nr *NotRegularError
			if !errors.As(err, &nr) || !errors.Is(err, ErrNotRegular) || nr.What != c.what ||
				err.Error() != c.path+" is "+c.what+", not a regular file" {
				t.Errorf("%s %s: %v, want it refused as %s", name, c.path, err, c.what)
			}
		}
	}
}

func TestOpenTakesARegularFileAndCreates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.jsonl")
	if _, err := Open(path, os.O_RDONLY, 0); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a missing file: %v, want fs.ErrNotExist", err)
	}
	f, err := Open(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("one\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// Through a symbolic link to a regular file too.
	link := filepath.Join(dir, "link")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	f, err = Open(link, os.O_RDONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b [16]byte
	n, err := f.Read(b[:])
	if err != nil || string(b[:n]) != "one\n" {
		t.Fatalf("read %q, %v", b[:n], err)
	}
}

func TestWhat(t *testing.T) {
	cases := map[fs.FileMode]string{
		0o644:                             "a regular file",
		fs.ModeDir | 0o755:                "a folder",
		fs.ModeNamedPipe:                  "a named pipe (FIFO)",
		fs.ModeSocket:                     "a socket",
		fs.ModeDevice | fs.ModeCharDevice: "a character device",
		fs.ModeDevice:                     "a device",
		fs.ModeSymlink:                    "a symbolic link",
		fs.ModeIrregular:                  "a special file (?---------)",
	}
	for m, want := range cases {
		if got := What(m); got != want {
			t.Errorf("What(%v) = %q, want %q", m, got, want)
		}
	}
	if err := Check("x", 0o600); err != nil {
		t.Errorf("a regular file: %v", err)
	}
	if err := (&NotRegularError{What: "a folder"}); !strings.HasPrefix(err.Error(), "a folder, not") {
		t.Errorf("no path: %q", err)
	}
}
