package coach

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"limber/content"
	"limber/exercises"
	"limber/journal"
	"limber/journal/journaltest"
)

// cacheDir is a data folder with a journal of n limber log sessions of
// heel raises, a day apart up to yesterday.
func cacheDir(t *testing.T, n int) (dir, path string, lib *exercises.Library) {
	t.Helper()
	lib = scenarioLibrary(t)
	dir = t.TempDir()
	j, err := journal.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	logSessions(t, j, lib, time.Now().AddDate(0, 0, -n), n)
	return dir, j.Path(), lib
}

// logSessions appends n sessions of heel raises, a day apart from first.
func logSessions(t *testing.T, j *journal.Journal, lib *exercises.Library, first time.Time, n int) {
	t.Helper()
	x, _ := lib.Exercise("heel-raises")
	for i := range n {
		recs, _, err := journal.Read(j.Path())
		if err != nil {
			t.Fatal(err)
		}
		out, _ := Replay(lib, recs).Log(x, first.AddDate(0, 0, i), []int{8, 8}, 2, 1, nil, nil)
		if err := j.Append(out...); err != nil {
			t.Fatal(err)
		}
	}
}

// mustResume is Resume, failing the test on an error.
func mustResume(t *testing.T, path string, lib *exercises.Library) *Start {
	t.Helper()
	st, err := Resume(path, lib)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// warm writes the cache of the journal at path as it is.
func warm(t *testing.T, path string, lib *exercises.Library) {
	t.Helper()
	defer SetSaveAfter(0)()
	st := mustResume(t, path, lib)
	if !st.WouldSave() {
		t.Fatal("no cache to save")
	}
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
}

func appendLine(t *testing.T, path, line string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(line); err != nil {
		t.Fatal(err)
	}
}

// A start from the cache reads only what was appended since: the cache
// covers the journal up to where it was written, and the answer is the
// full replay's.
func TestResumeReadsOnlyWhatWasAppended(t *testing.T) {
	dir, path, lib := cacheDir(t, 10)
	warm(t, path, lib)
	fi, _ := os.Stat(path)
	j, _ := journal.Open(dir)
	logSessions(t, j, lib, time.Now().Add(-time.Hour), 1)
	st := mustResume(t, path, lib)
	if st.Cached != fi.Size() || st.Rebuilt != "" {
		t.Fatalf("cached %d of %d bytes (%s)", st.Cached, fi.Size(), st.Rebuilt)
	}
	recs, _, _ := journal.Read(path)
	want := Replay(lib, recs)
	if got := st.Progress; len(got.Sessions) != 11 || !sameJSON(got.Sessions, want.Sessions) || !sameJSON(got.states, want.states) {
		t.Errorf("from the cache: %d sessions; the full replay: %d", len(got.Sessions), len(want.Sessions))
	}
}

func sameJSON(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}

// The cache is rebuilt whenever it does not match, and says why.
func TestCacheIsRebuiltWhenItDoesNotMatch(t *testing.T) {
	other, errs := exercises.Load(exercises.Source{FS: fstest.MapFS{"a.yaml": {Data: []byte(strings.Replace(scenarioLib, "max: 10", "max: 12", 1))}}, Root: "."})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	cases := []struct {
		name, why string
		change    func(t *testing.T, dir, path string) *exercises.Library
	}{
		{"another library", "the library, its rules or limber changed", func(t *testing.T, dir, path string) *exercises.Library { return other }},
		{"another limber", "the library, its rules or limber changed", func(t *testing.T, dir, path string) *exercises.Library {
			was := buildKey
			buildKey = func() string { return "limber 2" }
			t.Cleanup(func() { buildKey = was })
			return nil
		}},
		{"a shorter journal", "the journal changed before the place the cache covers", func(t *testing.T, dir, path string) *exercises.Library {
			data, _ := os.ReadFile(path)
			os.WriteFile(path, data[:len(data)-10], 0o600)
			return nil
		}},
		{"an edit before the place", "the journal changed before the place the cache covers", func(t *testing.T, dir, path string) *exercises.Library {
			f, _ := os.OpenFile(path, os.O_WRONLY, 0)
			fi, _ := f.Stat()
			f.WriteAt([]byte("X"), fi.Size()-40) // in the last line, in place
			f.Close()
			return nil
		}},
		{"another file in its place", "the journal changed before the place the cache covers", func(t *testing.T, dir, path string) *exercises.Library {
			// The same bytes, saved as an editor saves them: a new file
			// renamed over the old.
			data, _ := os.ReadFile(path)
			os.WriteFile(path+".new", data, 0o600)
			os.Rename(path+".new", path)
			return nil
		}},
		{"a damaged cache", "the cache is damaged", func(t *testing.T, dir, path string) *exercises.Library {
			p := filepath.Join(dir, StateFile)
			data, _ := os.ReadFile(p)
			data[len(data)-3] ^= 0x55
			os.WriteFile(p, data, 0o600)
			return nil
		}},
		{"a cache of another format", "the cache is of another format", func(t *testing.T, dir, path string) *exercises.Library {
			p := filepath.Join(dir, StateFile)
			data, _ := os.ReadFile(p)
			os.WriteFile(p, bytes.Replace(data, []byte(`"format":1`), []byte(`"format":0`), 1), 0o600)
			return nil
		}},
		{"a clock set back", "the clock was set back", func(t *testing.T, dir, path string) *exercises.Library {
			p := filepath.Join(dir, StateFile)
			data, _ := os.ReadFile(p)
			var h header
			head, rest, _ := bytes.Cut(data, []byte{'\n'})
			json.Unmarshal(head, &h)
			h.Built = time.Now().Add(time.Hour)
			head, _ = json.Marshal(h)
			os.WriteFile(p, append(append(head, '\n'), rest...), 0o600)
			return nil
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir, path, lib := cacheDir(t, 6)
			warm(t, path, lib)
			if l := c.change(t, dir, path); l != nil {
				lib = l
			}
			st := mustResume(t, path, lib)
			if st.Cached != 0 || st.Rebuilt != c.why {
				t.Errorf("cached %d bytes, rebuilt %q; want %q", st.Cached, st.Rebuilt, c.why)
			}
			recs, warns, _ := journal.Read(path)
			if want := Replay(lib, recs); !sameJSON(st.Progress.Sessions, want.Sessions) || !sameJSON(st.Warnings, warns) ||
				!sameJSON(st.Progress.Warnings, want.Warnings) {
				t.Errorf("the rebuilt replay differs from the full one")
			}
			// Rebuilt, it is written again, and matches.
			warm(t, path, lib)
			if st := mustResume(t, path, lib); st.Cached == 0 {
				t.Errorf("the new cache was not used: %s", st.Rebuilt)
			}
		})
	}
}

// A repeat counts once across the place the cache covers: the line again
// after it is skipped, with a warning naming the first line.
func TestRepeatAcrossTheCacheCountsOnce(t *testing.T) {
	_, path, lib := cacheDir(t, 3)
	data, _ := os.ReadFile(path)
	lines := strings.SplitAfter(string(data), "\n")
	last := lines[len(lines)-2] // the session's end: every record of a log has one time
	warm(t, path, lib)
	appendLine(t, path, last)
	st := mustResume(t, path, lib)
	if st.Cached == 0 {
		t.Fatalf("not from the cache: %s", st.Rebuilt)
	}
	n := len(lines) - 1
	want := []journal.Warning{{Line: n + 1, Msg: "skipped a repeat of the record on line " + itoa(n) + ": it counts once"}}
	if p := st.Progress; p.Duplicates != 1 || !sameJSON(p.Warnings, want) {
		t.Errorf("%d repeats, warnings %v; want %v", p.Duplicates, p.Warnings, want)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// The reader's warnings before the place are kept in the cache with their
// lines; a torn last line is read at every start but never cached, and a
// record dated ahead of the clock is read once the clock reaches it.
func TestCacheKeepsWarningsAndLeavesTheLastLine(t *testing.T) {
	_, path, lib := cacheDir(t, 2)
	appendLine(t, path, "not json\n")
	data, _ := os.ReadFile(path)
	damaged := strings.Count(string(data), "\n")
	ahead := time.Now().Add(journal.Ahead + time.Hour).UTC()
	appendLine(t, path, `{"v":1,"kind":"session_start","at":"`+ahead.Format(time.RFC3339Nano)+`","session":"f"}`+"\n")
	appendLine(t, path, `{"v":1,"kind":"session_start","at":"`+time.Now().Add(-time.Minute).UTC().Format(time.RFC3339Nano)+`","session":"torn"}`)
	warm(t, path, lib)
	st := mustResume(t, path, lib)
	if st.Cached == 0 {
		t.Fatalf("not from the cache: %s", st.Rebuilt)
	}
	if len(st.Warnings) != 2 || st.Warnings[0].Line != damaged || st.Warnings[0].File != path || !strings.Contains(st.Warnings[1].Msg, "ahead") {
		t.Errorf("warnings %v", st.Warnings)
	}
	if n := len(st.Progress.Sessions); n != 3 || st.Progress.Sessions[2].ID != "torn" {
		t.Errorf("%d sessions: the torn last line, whole JSON, counts now", n)
	}
	fi, _ := os.Stat(path)
	if st.Cached >= fi.Size() {
		t.Errorf("the cache covers the torn last line")
	}
	// Once the clock reaches the record dated ahead, the cache is not used.
	c, why := readCache(filepath.Join(filepath.Dir(path), StateFile), mustKey(t, lib), ahead.Add(-journal.Ahead))
	if c != nil || why != "a record dated ahead of the clock is due now" {
		t.Errorf("at the record's day: %v %q", c != nil, why)
	}
	if c, _ := readCache(filepath.Join(filepath.Dir(path), StateFile), mustKey(t, lib), ahead.Add(-journal.Ahead-time.Second)); c == nil {
		t.Errorf("a second before, the cache was refused")
	}
}

func mustKey(t *testing.T, lib *exercises.Library) string {
	k, err := Key(lib)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// A start writes a cache only when the journal grew by saveAfter bytes or
// more since the one it found.
func TestCacheIsSavedFromSaveAfterBytesOn(t *testing.T) {
	_, path, lib := cacheDir(t, 4)
	fi, _ := os.Stat(path)
	size := fi.Size()
	for _, c := range []struct {
		after int64
		save  bool
	}{{size - 1, true}, {size, true}, {size + 1, false}} {
		restore := SetSaveAfter(c.after)
		if st := mustResume(t, path, lib); st.WouldSave() != c.save {
			t.Errorf("%d bytes uncovered, saveAfter %d: saves %v, want %v", size, c.after, st.WouldSave(), c.save)
		}
		restore()
	}
	warm(t, path, lib)
	appendLine(t, path, "x\n")
	restore := SetSaveAfter(2)
	defer restore()
	if st := mustResume(t, path, lib); !st.WouldSave() {
		t.Error("2 bytes appended, saveAfter 2: no save")
	}
	SetSaveAfter(3)
	if st := mustResume(t, path, lib); st.WouldSave() {
		t.Error("2 bytes appended, saveAfter 3: a save")
	}
}

// The cache is written whole, readable by its owner only, and a FIFO or a
// folder in its place is neither waited on nor replaced.
func TestCacheFileIsTheOwnersAndOnlyAFile(t *testing.T) {
	dir, path, lib := cacheDir(t, 3)
	warm(t, path, lib)
	state := filepath.Join(dir, StateFile)
	fi, err := os.Stat(state)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("%v %v", fi, err)
	}
	if temps, _ := filepath.Glob(filepath.Join(dir, StateFile+".*")); len(temps) > 0 {
		t.Errorf("left behind: %v", temps)
	}
	for _, kind := range []string{"fifo", "folder"} {
		os.Remove(state)
		if kind == "fifo" {
			if err := syscall.Mkfifo(state, 0o600); err != nil {
				t.Skip("no FIFOs here:", err)
			}
		} else {
			os.Mkdir(state, 0o700)
		}
		done := make(chan *Start)
		go func() {
			// saveAfter is put back before the send: the test goes on
			// (and sets it again) once it has the answer.
			restore := SetSaveAfter(0)
			st, err := Resume(path, lib)
			if err == nil {
				st.Save()
			}
			restore()
			done <- st
		}()
		select {
		case st := <-done:
			if st == nil {
				t.Fatalf("%s: the start failed", kind)
			}
			if st.Cached != 0 || !strings.Contains(st.Rebuilt, "not a regular file") {
				t.Errorf("%s: cached %d, %q", kind, st.Cached, st.Rebuilt)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("a %s in the cache's place hangs the start", kind)
		}
		if fi, err := os.Lstat(state); err != nil || fi.Mode().IsRegular() {
			t.Errorf("the %s was replaced", kind)
		}
		os.Remove(state)
	}
	// A temporary file that a killed writer left is swept once it is old.
	old := filepath.Join(dir, StateFile+".123.tmp")
	os.WriteFile(old, []byte("x"), 0o600)
	os.Chtimes(old, time.Now().Add(-time.Hour), time.Now().Add(-time.Hour))
	warm(t, path, lib)
	if _, err := os.Stat(old); err == nil {
		t.Error("an old temporary cache was left")
	}
}

// A snapshot read back and taken again is the same snapshot.
func TestSnapshotRoundTrip(t *testing.T) {
	recs, _, err := journal.ReadFrom(bytes.NewReader(journaltest.History(3000)), "h")
	if err != nil {
		t.Fatal(err)
	}
	lib, _ := benchLibrary(t)
	rp := NewReplayer(lib)
	rp.Add(recs)
	data := encodeCache("k", journal.Mark{}, time.Now(), time.Time{}, nil, rp)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, StateFile), data, 0o600)
	c, why := readCache(filepath.Join(dir, StateFile), "k", time.Now())
	if c == nil {
		t.Fatal(why)
	}
	back, err := c.State.replayer(lib)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := rp.snapshot()
	b, _ := back.snapshot()
	if !sameJSON(a, b) {
		t.Error("the snapshot changed on its way through the cache")
	}
}

// ResumeCached answers from a cache that matches the journal, and gives
// up, having read nothing of it, where there is none, it does not match,
// or much was appended since.
func TestResumeCachedGivesUpRatherThanRead(t *testing.T) {
	_, path, lib := cacheDir(t, 4)
	if st, ok := ResumeCached(path, lib); ok || st != nil {
		t.Error("no cache: answered")
	}
	warm(t, path, lib)
	st, ok := ResumeCached(path, lib)
	if !ok || st.Cached == 0 || st.WouldSave() {
		t.Fatalf("a matching cache: %v %+v", ok, st)
	}
	if full := mustResume(t, path, lib); !sameJSON(st.Progress.Sessions, full.Progress.Sessions) {
		t.Error("the cached answer differs")
	}
	// Appended: read from the cache on, up to saveAfter bytes.
	fi, _ := os.Stat(path)
	appendLine(t, path, "x\n")
	for _, c := range []struct {
		after int64
		ok    bool
	}{{1, false}, {2, false}, {3, true}} {
		restore := SetSaveAfter(c.after)
		if _, ok := ResumeCached(path, lib); ok != c.ok {
			t.Errorf("2 bytes past the cache, saveAfter %d: answered %v, want %v", c.after, ok, c.ok)
		}
		restore()
	}
	// A journal changed before the cache's place: given up.
	os.Truncate(path, fi.Size()-5)
	if _, ok := ResumeCached(path, lib); ok {
		t.Error("a shorter journal: answered")
	}
}

// The key sums up the library: the same library gives the same key, and a
// change to a rule, a ladder or a routine's start gives another.
func TestKeyFollowsTheLibrary(t *testing.T) {
	load := func(yaml string) *exercises.Library {
		lib, errs := exercises.Load(exercises.Source{FS: fstest.MapFS{"a.yaml": {Data: []byte(yaml)}}, Root: "."})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		return lib
	}
	base := mustKey(t, load(scenarioLib))
	if again := mustKey(t, load(scenarioLib)); again != base {
		t.Error("one library, two keys")
	}
	for what, changed := range map[string]string{
		"a rule":          strings.Replace(scenarioLib, "min_days: 7", "min_days: 6", 1),
		"a ladder":        strings.Replace(scenarioLib, "max: 10}}", "max: 11}}", 1),
		"a name":          strings.Replace(scenarioLib, "name: Heel raises", "name: Heel raises, slowly", 1),
		"a routine":       strings.Replace(scenarioLib, "exercises: [heel-raises, wall-push, step-ups]", "exercises: [heel-raises, step-ups]", 1),
		"a starting dose": strings.Replace(scenarioLib, "dose: {kind: reps, sets: 2, reps: 8}", "dose: {kind: reps, sets: 2, reps: 9}", 1),
	} {
		if changed == scenarioLib {
			t.Fatalf("%s: the change did not apply", what)
		}
		if mustKey(t, load(changed)) == base {
			t.Errorf("%s changed, the key did not", what)
		}
	}
	// The built-in content has a key: a library that cannot be summed up
	// would never be cached.
	if _, err := Key(mustBuiltin(t)); err != nil {
		t.Errorf("the built-in library: %v", err)
	}
}

func mustBuiltin(t *testing.T) *exercises.Library {
	lib, errs := exercises.Load(exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

// Quick follows the journal's size and the cache: a small journal is
// quick; a big one only with a cache beside it, and a folder in the
// cache's place is none.
func TestQuick(t *testing.T) {
	dir, path, lib := cacheDir(t, 3)
	if !Quick(path) {
		t.Fatal("a small journal is not quick")
	}
	defer SetSaveAfter(1)()
	if Quick(path) {
		t.Fatal("a big journal without a cache is quick")
	}
	warm(t, path, lib)
	if !Quick(path) {
		t.Fatal("a big journal with a cache is not quick")
	}
	os.Remove(filepath.Join(dir, StateFile))
	os.Mkdir(filepath.Join(dir, StateFile), 0o700)
	if Quick(path) {
		t.Fatal("a folder taken for a cache")
	}
}
