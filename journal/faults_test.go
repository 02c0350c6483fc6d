//go:build unix

package journal

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"limber/exercises"
	"limber/regfile"
)

// batch is what one limber log call appends: a session of one exercise.
func batch(session string, at time.Time) []Record {
	rg := &exercises.Rung{Sets: 2, Level: 1, Value: 10}
	return []Record{
		{Kind: KindSessionStart, At: at, Session: session, Baseline: ptr(1)},
		{Kind: KindSet, At: at, Session: session, Exercise: "heel-raises", Name: "Heel raises", Unit: "reps", Set: 1, Rung: rg, Target: 10, Achieved: 10, Effort: 2},
		{Kind: KindSet, At: at, Session: session, Exercise: "heel-raises", Name: "Heel raises", Unit: "reps", Set: 2, Rung: rg, Target: 10, Achieved: 9, Effort: 2},
		{Kind: KindExerciseEnd, At: at, Session: session, Exercise: "heel-raises", Name: "Heel raises", Unit: "reps", Pain: ptr(1)},
		{Kind: KindSessionEnd, At: at, Session: session, Outcome: "finished"},
	}
}

// failAfter makes writeAndSync write the first n bytes of each write and
// then fail with err, as a disk that fills up part-way does; with n < 0 it
// writes everything and fails the sync instead.
func failAfter(t *testing.T, n int, err error) {
	t.Helper()
	old := writeAndSync
	writeAndSync = func(f *os.File, data []byte) error {
		if n < 0 {
			if _, werr := f.Write(data); werr != nil {
				t.Fatal(werr)
			}
			return err
		}
		if _, werr := f.Write(data[:min(n, len(data))]); werr != nil {
			t.Fatal(werr)
		}
		return err
	}
	t.Cleanup(func() { writeAndSync = old })
}

// A failed append leaves the file exactly as it was: no whole records of
// the call and no torn one, so that a retry records the session once.
func TestFailedAppendLeavesNothing(t *testing.T) {
	at := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		n    int // bytes written before the failure; -1: all, then the sync fails
	}{
		{"torn in the first record", 40},
		{"three whole records and a torn one", -2}, // set below: past three lines
		{"all written, the sync fails", -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			j := openTemp(t)
			if err := j.Append(batch("before", at)...); err != nil {
				t.Fatal(err)
			}
			before, err := os.ReadFile(j.Path())
			if err != nil {
				t.Fatal(err)
			}
			n := tc.n
			if n == -2 {
				var buf bytes.Buffer
				for _, r := range batch("s", at.Add(time.Hour))[:3] {
					r.V = SchemaVersion
					encodeRecord(&buf, &r)
				}
				n = buf.Len() + 25
			}
			failAfter(t, n, syscall.ENOSPC)
			err = j.Append(batch("s", at.Add(time.Hour))...)
			if err == nil || !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "no space left on device") ||
				!strings.Contains(err.Error(), "nothing of it was kept") {
				t.Fatalf("Append on a full disk: %v", err)
			}
			after, _ := os.ReadFile(j.Path())
			if !bytes.Equal(after, before) {
				t.Fatalf("the failed append left %d bytes behind:\n%s", len(after)-len(before), after[len(before):])
			}
			// The disk has room again: the retry records the session once.
			writeAndSync = func(f *os.File, data []byte) error {
				if _, err := f.Write(data); err != nil {
					return err
				}
				return f.Sync()
			}
			if err := j.Append(batch("s", at.Add(time.Hour))...); err != nil {
				t.Fatal(err)
			}
			recs, warns := mustRead(t, j.Path())
			if len(warns) != 0 || len(recs) != 10 || recs[5].Session != "s" || recs[9].Kind != KindSessionEnd {
				t.Fatalf("after the retry: %d records, warnings %v", len(recs), warns)
			}
		})
	}
}

// A journal that already ended in a torn line (a crash) keeps it after a
// failed append: the cut goes back to the length before the call, not to
// the last newline, as limber never rewrites what was there.
func TestFailedAppendKeepsWhatWasThere(t *testing.T) {
	j := openTemp(t)
	if err := os.WriteFile(j.Path(), []byte(`{"v":1,"kind":"set","at":"2026-01`), 0o600); err != nil {
		t.Fatal(err)
	}
	failAfter(t, 10, syscall.EIO)
	if err := j.Append(batch("s", time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))...); !errors.Is(err, syscall.EIO) {
		t.Fatalf("Append: %v", err)
	}
	if b, _ := os.ReadFile(j.Path()); string(b) != `{"v":1,"kind":"set","at":"2026-01` {
		t.Fatalf("the file is now %q", b)
	}
}

// noWait runs f and fails the test if it takes longer than a few seconds:
// limber must refuse a FIFO, never wait on it.
func noWait(t *testing.T, what string, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatalf("%s waited on a file that is not a regular one", what)
		return nil
	}
}

// journal.jsonl that is not a regular file is refused at once by Read and
// by Append, with an error that says what it is.
func TestNotARegularJournal(t *testing.T) {
	for _, tc := range []struct {
		name, what string
		make       func(path string) error
	}{
		{"FIFO", "a named pipe (FIFO)", func(p string) error { return syscall.Mkfifo(p, 0o600) }},
		{"folder", "a folder", func(p string) error { return os.Mkdir(p, 0o700) }},
		{"device", "a character device", func(p string) error { return os.Symlink("/dev/null", p) }},
		{"link to a FIFO", "a named pipe (FIFO)", func(p string) error {
			fifo := filepath.Join(filepath.Dir(p), "elsewhere")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				return err
			}
			return os.Symlink(fifo, p)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			j := openTemp(t)
			if err := tc.make(j.Path()); err != nil {
				t.Skipf("cannot make %s here: %v", tc.what, err)
			}
			want := j.Path() + " is " + tc.what + ", not a regular file"
			err := noWait(t, "Read", func() error { _, _, err := Read(j.Path()); return err })
			if !errors.Is(err, regfile.ErrNotRegular) || !strings.Contains(err.Error(), want) {
				t.Errorf("Read: %v, want %q", err, want)
			}
			err = noWait(t, "Append", func() error { return j.Append(batch("s", time.Now())...) })
			if !errors.Is(err, regfile.ErrNotRegular) || !strings.Contains(err.Error(), want) {
				t.Errorf("Append: %v, want %q", err, want)
			}
		})
	}
}

// Append refuses what the reader would skip, before writing anything: a
// batch with one impossible record is not half written.
func TestAppendRefusesWhatTheReaderWouldSkip(t *testing.T) {
	j := openTemp(t)
	recs := batch("s", time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))
	recs[3].Pain = ptr(11)
	err := j.Append(recs...)
	if err == nil || err.Error() != "journal: refusing to append record 4 of 5, an exercise end with pain 11: pain is 0 to 10" {
		t.Fatalf("Append: %v", err)
	}
	if _, err := os.Stat(j.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the journal was written: %v", err)
	}
	recs[3].Pain = ptr(10)
	recs[0].At = time.Now().Add(25 * time.Hour)
	if err := j.Append(recs...); err == nil || !strings.Contains(err.Error(), "more than a day ahead") {
		t.Fatalf("Append of tomorrow but one: %v", err)
	}
}
