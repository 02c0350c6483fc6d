package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"limber/exercises"
)

// A therapist's library on disk, as --library names it: the test library
// and a file of their own that they edit while the coach is open.
const evening = `routines:
  - id: evening
    name: Evening hands
    exercises: [pace, bag]
`

// reloader is what limber's command line gives the coach: it loads the
// folder again when a file in it changed, and returns nil otherwise.
type reloader struct {
	dir   string
	last  []byte
	calls int
}

func (r *reloader) reload() (*exercises.Library, []*exercises.Error) {
	r.calls++
	now, _ := os.ReadFile(filepath.Join(r.dir, "evening.yaml"))
	if bytes.Equal(now, r.last) {
		return nil, nil
	}
	r.last = now
	return exercises.Load(exercises.PathSource(r.dir))
}

// libraryFolder writes the test library and the therapist's own file
// (evening) to a folder, and loads it as the command line does: the
// reloader, the file to edit, and the library first loaded.
func libraryFolder(t *testing.T) (r *reloader, file string, start *exercises.Library, errs []*exercises.Error) {
	t.Helper()
	dir := t.TempDir()
	lib, err := os.ReadFile("testdata/lib.yaml")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "lib.yaml"), string(lib))
	file = filepath.Join(dir, "evening.yaml")
	writeFile(t, file, evening)
	r = &reloader{dir: dir}
	start, errs = r.reload()
	return r, file, start, errs
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReloadAtHome(t *testing.T) {
	r, file, start, errs := libraryFolder(t)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	h := newHarness(t, 80, 30, func(o *Options) {
		o.Library = start
		o.Reload = r.reload
		o.LibraryProblems = []string{"2 problem(s) in library files were skipped: run limber validate"}
	})
	home := func() string {
		t.Helper()
		if h.m.screen != scrHome {
			t.Fatalf("not at home:\n%s", h.m.View())
		}
		return h.m.View()
	}
	if v := home(); !strings.Contains(v, "Evening hands") || !strings.Contains(v, "2 problem(s) in library files") {
		t.Fatalf("at start:\n%s", v)
	}

	// The therapist renames the routine and adds an exercise. Nothing
	// changes on screen until the coach comes back home.
	writeFile(t, file, strings.Replace(evening, "Evening hands", "Evening hands, slowly", 1)+`exercises:
  - id: towel-grip
    name: Towel grip
    category: strengthening
    dose: {kind: reps, reps: 5}
`)
	if v := home(); strings.Contains(v, "slowly") {
		t.Fatalf("reloaded without leaving home:\n%s", v)
	}
	h.keys("l")
	if v := h.m.View(); strings.Contains(v, "Towel grip") {
		t.Fatalf("the library screen shows the new exercise before home was visited:\n%s", v)
	}
	h.keys("b")
	v := home()
	if !strings.Contains(v, "Evening hands, slowly") || strings.Contains(v, "problem(s) in library files") || strings.Contains(v, "error(s)") {
		t.Fatalf("after the change:\n%s", v)
	}
	if _, ok := h.m.ctx.Lib.Exercise("towel-grip"); !ok {
		t.Fatal("the coach's library has no towel-grip")
	}
	h.keys("l")
	if v := h.m.View(); !strings.Contains(v, "Towel grip") {
		t.Fatalf("the library screen lacks the new exercise:\n%s", v)
	}
	h.keys("b")

	// A save with a mistake (a field one space short): the last good
	// library stays, and home says so.
	h.clk.advance(20 * 60e9)
	writeFile(t, file, strings.Replace(evening, "    name: Evening hands", "   name: Evening hands at 7", 1))
	h.keys("l", "b")
	v = home()
	want := "! The library changed but has 1 error(s).\n ! Still using the one from 09:30: run limber validate.\n"
	if !strings.Contains(v, "Evening hands, slowly") || !strings.Contains(v, want) {
		t.Fatalf("after a broken save, home should keep the old library and say\n%s\n%s", want, v)
	}
	if _, ok := h.m.ctx.Lib.Exercise("towel-grip"); !ok {
		t.Fatal("a broken save replaced the library")
	}
	// Said in full even in the narrowest window.
	h.send(tea.WindowSizeMsg{Width: MinWidth, Height: MinHeight})
	if v := home(); !strings.Contains(v, want) {
		t.Fatalf("at %dx%d:\n%s", MinWidth, MinHeight, v)
	}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 30})
	// Home again with nothing changed: still the old one, still said.
	calls := r.calls
	h.keys("l", "b")
	if r.calls != calls+1 || !strings.Contains(home(), want) {
		t.Fatalf("reload called %d times; home:\n%s", r.calls-calls, home())
	}

	// Fixed: taken up, and the warning goes.
	writeFile(t, file, strings.Replace(evening, "Evening hands", "Evening hands at 7", 1))
	h.keys("l", "b")
	v = home()
	if !strings.Contains(v, "Evening hands at 7") || strings.Contains(v, "error(s)") {
		t.Fatalf("after the fix:\n%s", v)
	}
	if _, ok := h.m.ctx.Lib.Exercise("towel-grip"); ok {
		t.Fatal("the fixed library still has the exercise the therapist took out")
	}
}

// Without Reload (no --library), coming home never reloads.
func TestNoReloadWithoutLibrary(t *testing.T) {
	h := newHarness(t, 80, 30, nil)
	before := h.m.ctx.Lib
	h.keys("l", "b")
	if h.m.ctx.Lib != before || h.m.screen != scrHome {
		t.Fatal("the library changed without a Reload")
	}
}
