//go:build unix

package exercises

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const goodYAML = `category: strengthening
exercises:
  - id: toe-taps
    name: Toe taps
    summary: Tap the toes.
    steps: [Tap.]
    dose: {kind: reps, sets: 1, reps: 5}
`

// loadWithin loads srcs and fails the test if that takes longer than a
// few seconds: a FIFO must be refused, never waited on.
func loadWithin(t *testing.T, srcs ...Source) (*Library, []*Error) {
	t.Helper()
	type result struct {
		lib  *Library
		errs []*Error
	}
	done := make(chan result, 1)
	go func() { lib, errs := Load(srcs...); done <- result{lib, errs} }()
	select {
	case r := <-done:
		return r.lib, r.errs
	case <-time.After(5 * time.Second):
		t.Fatal("Load waited on a file that is not a regular one")
		return nil, nil
	}
}

// A FIFO, a link to one, or a device named *.yaml in a library folder is
// refused at once with its place; the regular files still load.
func TestLibraryRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "good.yaml"), []byte(goodYAML), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "elsewhere")
	if err := syscall.Mkfifo(outside, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.yaml")); err != nil {
		t.Fatal(err)
	}
	lib, errs := loadWithin(t, PathSource(dir))
	if _, ok := lib.Exercise("toe-taps"); !ok {
		t.Error("the regular file next to them did not load")
	}
	want := map[string]string{
		"link.yaml": "a named pipe (FIFO)",
		"pipe.yaml": "a named pipe (FIFO)",
		"zero.yaml": "a character device",
	}
	if len(errs) != len(want) {
		t.Fatalf("%d errors, want %d: %v", len(errs), len(want), errs)
	}
	for _, e := range errs {
		what := want[filepath.Base(e.Pos.File)]
		if what == "" || e.Pos.Line != 1 || e.Pos.Col != 1 ||
			e.Msg != "this is "+what+", not a regular file; a library file must be a plain text file" {
			t.Errorf("%v", e)
		}
	}

	// Named on its own, as validate PATH and --library FILE take it.
	_, errs = loadWithin(t, PathSource(filepath.Join(dir, "pipe.yaml")))
	if len(errs) != 1 || !strings.HasSuffix(errs[0].Error(), "pipe.yaml:1:1: this is a named pipe (FIFO), not a regular file; a library file must be a plain text file") {
		t.Errorf("the FIFO alone: %v", errs)
	}
}
