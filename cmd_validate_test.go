package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// A small library whose routine uses a built-in exercise.
const mylib = `title: Hands for Mr Diaz
category: rom
exercises:
  - id: finger-lifts
    name: Finger lifts
    steps:
      - Rest your hand flat on a table.
      - Lift your index finger.
    dose: {kind: reps, reps: 8}
routines:
  - id: diaz-hands
    name: Hands, daily
    exercises: [finger-lifts, wrist-circles]
`

func writeLib(t *testing.T, text string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "mylib")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "hands.yaml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// validate PATH resolves references against the built-in content, and
// counts only what PATH defines.
func TestValidatePathUsesBuiltInExercises(t *testing.T) {
	dir := writeLib(t, mylib)
	code, out, stderr := limber(t, "validate", dir)
	if code != 0 || out != "1 files: 1 exercises, 1 routines, 0 tips; all valid\n" || stderr != "" {
		t.Fatalf("exit %d\nstdout %q\nstderr %q", code, out, stderr)
	}
	// An id that is in neither library still fails, with a suggestion.
	dir = writeLib(t, strings.Replace(mylib, "wrist-circles]", "wrist-circle]", 1))
	code, _, stderr = limber(t, "validate", dir)
	want := filepath.Join(dir, "hands.yaml") + `:13:31: routines[0].exercises[1]: no exercise has the id "wrist-circle"; did you mean "wrist-circles"?` + "\n" +
		"1 files: 1 exercises, 0 routines, 0 tips; 1 error(s)\n"
	if code != 1 || stderr != want {
		t.Fatalf("exit %d\nstderr %q\nwant   %q", code, stderr, want)
	}
}

// The three mistakes of issue 17, tried as a new author would.
func TestValidateIssue17(t *testing.T) {
	// rest: one space short of its siblings, on line 15.
	short := strings.Replace(mylib, "    dose: {kind: reps, reps: 8}\n", "    dose:\n      kind: reps\n      reps: 8\n     rest: 30s\n", 1)
	dir := writeLib(t, short)
	code, _, stderr := limber(t, "validate", dir)
	want := filepath.Join(dir, "hands.yaml") + `:12:6: exercises[0].dose.rest: "rest:" is indented 5 spaces; the other fields of "dose:" are at 6; indent it 6 spaces, like "reps:" on line 11` + "\n" +
		"  yaml: did not find expected key\n" +
		"1 files: 0 exercises, 0 routines, 0 tips; 1 error(s)\n"
	if code != 1 || stderr != want {
		t.Errorf("rest short: exit %d\nstderr %q\nwant   %q", code, stderr, want)
	}
	// A step one space too deep: valid YAML, joined to the step above; a
	// warning, exit 0, and exit 1 with --strict.
	deep := strings.Replace(mylib, "      - Lift your", "       - Lift your", 1)
	dir = writeLib(t, deep)
	code, out, stderr := limber(t, "validate", dir)
	warning := filepath.Join(dir, "hands.yaml") + `:8:8: exercises[0].steps[0]: line 8 continues the step above, which reads "Rest your hand flat on a table. - Lift your index …"; to make it a step of its own, indent it 6 spaces, like the others (warning)` + "\n"
	if code != 0 || stderr != warning || out != "1 files: 1 exercises, 1 routines, 0 tips; all valid, 1 warning(s)\n" {
		t.Errorf("step deep: exit %d\nstdout %q\nstderr %q", code, out, stderr)
	}
	code, out, stderr = limber(t, "validate", "--strict", dir)
	if code != 1 || out != "" || stderr != warning+"1 files: 1 exercises, 1 routines, 0 tips; 1 warning(s), refused with --strict\n" {
		t.Errorf("step deep, --strict: exit %d\nstdout %q\nstderr %q", code, out, stderr)
	}
	// Warnings are for authors: the other commands, and the coach, say
	// nothing of them.
	if code, out, stderr := limber(t, "--library", dir, "list"); code != 0 || stderr != "" || !strings.Contains(out, "finger-lifts") {
		t.Errorf("list with a warned library: exit %d, stderr %q", code, stderr)
	}
	// The built-in content has no warnings: --strict passes it.
	if code, out, stderr := limber(t, "validate", "--strict"); code != 0 || !strings.HasSuffix(out, "; all valid\n") || stderr != "" {
		t.Errorf("built-in, --strict: exit %d %q %q", code, out, stderr)
	}
}

// syncBuffer is a bytes.Buffer that the watch writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor waits until the output holds n checks (each starts with the
// --watch header) and returns the last one; the test fails after 5 s.
func waitFor(t *testing.T, out *syncBuffer, n int) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if checks := strings.Split(out.String(), "limber validate --watch · "); len(checks)-1 >= n {
			last := checks[len(checks)-1]
			if strings.Contains(last, " files: ") || strings.Contains(last, "no .yaml files") {
				return last
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no check number %d within 5 s; output:\n%s", n, out.String())
	return ""
}

// --watch checks again after a save in place, a save by rename (a new file
// renamed over the old one, as vim and many editors do), a broken save and
// the fixed one; a change to a file that is not a library file (an
// editor's swap file) is not a reason to check.
func TestValidateWatch(t *testing.T) {
	dir := writeLib(t, mylib)
	file := filepath.Join(dir, "hands.yaml")
	var out syncBuffer
	e := &env{stdout: &out, stderr: &out}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.watchValidate(ctx, []string{dir}, false, false) }()

	header := regexp.MustCompile(`^\d\d:\d\d:\d\d · ` + regexp.QuoteMeta(dir) + ` \(Ctrl\+C to stop\)\n`)
	first := waitFor(t, &out, 1)
	if !header.MatchString(first) || !strings.Contains(first, "1 files: 1 exercises, 1 routines, 0 tips; all valid") {
		t.Fatalf("first check:\n%s", first)
	}
	// A broken save, written in place.
	broken := strings.Replace(mylib, "    name: Finger lifts\n", "   name: Finger lifts\n", 1)
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	second := waitFor(t, &out, 2)
	if !strings.Contains(second, file+`:5:4: exercises[0].name: "name:" is indented 3 spaces`) || !strings.Contains(second, "; 1 error(s)") {
		t.Fatalf("after a broken save:\n%s", second)
	}
	// An editor's swap file is not a library file.
	if err := os.WriteFile(filepath.Join(dir, ".hands.yaml.swp"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(4 * settle)
	if n := strings.Count(out.String(), "limber validate --watch · "); n != 2 {
		t.Fatalf("a swap file started a check: %d checks", n)
	}
	// The fixed file, saved by rename.
	tmp := filepath.Join(dir, "hands.yaml.tmp")
	if err := os.WriteFile(tmp, []byte(strings.Replace(mylib, "Finger lifts", "Finger lifts, slowly", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
	third := waitFor(t, &out, 3)
	if !strings.Contains(third, "1 files: 1 exercises, 1 routines, 0 tips; all valid") || strings.Contains(third, "error") {
		t.Fatalf("after a save by rename:\n%s", third)
	}
	// A new file in a new folder under the library is watched too.
	sub := filepath.Join(dir, "more")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	waitFor(t, &out, 4) // the new folder itself
	if err := os.WriteFile(filepath.Join(sub, "tips.yaml"), []byte("tips:\n  - {id: warm, title: Warm hands, text: Warm water first.}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifth := waitFor(t, &out, 5)
	if !strings.Contains(fifth, "2 files: 1 exercises, 1 routines, 1 tips; all valid") {
		t.Fatalf("after a new file in a new folder:\n%s", fifth)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the watch ended with %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the watch did not stop within 2 s of Ctrl+C")
	}
}

func TestValidateWatchNeedsSomethingToWatch(t *testing.T) {
	code, _, stderr := limber(t, "validate", "--watch")
	if code != 2 || stderr != "limber: validate --watch needs a PATH or a --library to watch\n" {
		t.Errorf("exit %d %q", code, stderr)
	}
	code, _, stderr = limber(t, "validate", "--watch", filepath.Join(t.TempDir(), "nothing"))
	if code != 1 || !strings.Contains(stderr, "cannot watch") || !strings.Contains(stderr, "no such file or directory") {
		t.Errorf("exit %d %q", code, stderr)
	}
}

// Commands that use the library warn about a layout mistake in one line;
// validate gives both.
func TestLayoutMistakeInOneLineElsewhere(t *testing.T) {
	dir := writeLib(t, strings.Replace(mylib, "    name: Finger lifts\n", "   name: Finger lifts\n", 1))
	code, _, stderr := limber(t, "--library", dir, "list")
	want := "limber: warning: " + filepath.Join(dir, "hands.yaml") + `:5:4: exercises[0].name: "name:" is indented 3 spaces; the other fields of this exercise are at 4; indent it 4 spaces, like "id:" on line 4` + "\n" +
		"limber: warning: 1 problem(s) in library files; what they affect was skipped (run limber validate)\n"
	if code != 0 || stderr != want {
		t.Errorf("exit %d\nstderr %q\nwant   %q", code, stderr, want)
	}
}
