//go:build unix

package main

// Faults and hostile input through the command line (issue 11): files
// that are not regular, a full disk, a journal someone edited, a library
// changed under the journal.

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// limberWithin is limber, failing the test if it takes more than a few
// seconds: what it must refuse, it must not wait on.
func limberWithin(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		code, out, err := limber(t, args...)
		done <- result{code, out, err}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.err
	case <-time.After(10 * time.Second):
		t.Fatalf("limber %q hung", args)
		return 0, "", ""
	}
}

// notRegular makes path something other than a regular file.
var notRegular = []struct {
	name, what string
	make       func(path string) error
}{
	{"FIFO", "a named pipe (FIFO)", func(p string) error { return syscall.Mkfifo(p, 0o600) }},
	{"folder", "a folder", func(p string) error { return os.Mkdir(p, 0o700) }},
	{"device", "a character device", func(p string) error { return os.Symlink("/dev/null", p) }},
	{"link to a FIFO", "a named pipe (FIFO)", func(p string) error {
		fifo := p + ".real"
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			return err
		}
		return os.Symlink(fifo, p)
	}},
}

// A journal.jsonl that is not a regular file is refused at once, in one
// line, by every command that reads or writes it.
func TestJournalThatIsNotARegularFile(t *testing.T) {
	for _, nr := range notRegular {
		t.Run(nr.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "journal.jsonl")
			if err := nr.make(path); err != nil {
				t.Fatal(err)
			}
			want := "limber: journal: " + path + " is " + nr.what + ", not a regular file; move it aside, and limber starts a new journal there\n"
			for _, args := range [][]string{
				{"history"}, {"history", "--csv"}, {"report"}, {"plan", "feet-daily"},
				{"log", "heel-raises", "--done", "10", "--effort", "2", "--pain", "1"},
				{"adjust", "heel-raises", "--level", "2"},
			} {
				code, out, stderr := limberWithin(t, append([]string{"--data-dir", dir}, args...)...)
				if code != 1 || stderr != want || out != "" {
					t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1 and %q", args, code, out, stderr, want)
				}
			}
		})
	}
}

// A FIFO (or a link to one, or a device) named *.yaml in a library is an
// error with its place, at once; the rest of the library is used.
func TestLibraryFileThatIsNotARegularFile(t *testing.T) {
	lib := t.TempDir()
	if err := os.WriteFile(filepath.Join(lib, "good.yaml"), []byte(`category: rom
exercises:
  - id: finger-taps
    name: Finger taps
    summary: Tap each finger to the thumb.
    steps: [Tap.]
    dose: {kind: reps, sets: 1, reps: 5}
`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, nr := range notRegular {
		if nr.name != "folder" { // a folder named x.yaml is a folder, and walked
			if err := nr.make(filepath.Join(lib, strings.ReplaceAll(nr.name, " ", "-")+".yaml")); err != nil {
				t.Fatal(err)
			}
		}
	}
	wantErr := regexp.MustCompile(`^` + regexp.QuoteMeta(lib) + `/(FIFO|device|link-to-a-FIFO)\.yaml:1:1: this is (a named pipe \(FIFO\)|a character device), not a regular file; a library file must be a plain text file$`)
	data := t.TempDir()

	code, out, stderr := limberWithin(t, "--data-dir", data, "validate", lib)
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if code != 1 || len(lines) != 4 || lines[3] != "4 files: 1 exercises, 0 routines, 0 tips; 3 error(s)" {
		t.Fatalf("validate: exit %d\nstdout %q\nstderr %q", code, out, stderr)
	}
	for _, l := range lines[:3] {
		if !wantErr.MatchString(l) {
			t.Errorf("validate: %q", l)
		}
	}
	code, out, stderr = limberWithin(t, "--data-dir", data, "--library", lib, "list")
	if code != 0 || !strings.Contains(out, "finger-taps") || strings.Count(stderr, "not a regular file") != 3 ||
		!strings.Contains(stderr, "3 problem(s) in library files") {
		t.Errorf("list: exit %d\nstderr %q", code, stderr)
	}
	// Named directly, as --library FILE.
	code, _, stderr = limberWithin(t, "--data-dir", data, "validate", filepath.Join(lib, "FIFO.yaml"))
	if code != 1 || !strings.Contains(stderr, "FIFO.yaml:1:1: this is a named pipe (FIFO), not a regular file") {
		t.Errorf("validate FIFO.yaml: exit %d, stderr %q", code, stderr)
	}
}

// log --at refuses a time before 2000 or more than a day ahead, in one
// line, and writes nothing; the limits themselves are taken.
func TestLogAtRange(t *testing.T) {
	now := time.Now()
	cases := []struct {
		at   string
		code int
		err  string
	}{
		{"1999-12-31T23:59:59Z", 1, "before 2000"},
		{"1970-01-01", 1, "before 2000"},
		{"2000-01-01T00:00:00Z", 0, ""},
		{"2000-01-01T00:00:01Z", 0, ""},
		{now.Add(24*time.Hour - time.Minute).Format(time.RFC3339), 0, ""},
		{now.Add(24*time.Hour + time.Minute).Format(time.RFC3339), 1, "more than a day ahead"},
		{"2099-01-01", 1, "more than a day ahead"},
	}
	for _, c := range cases {
		dir := t.TempDir()
		code, _, stderr := limber(t, "--data-dir", dir, "log", "heel-raises", "--done", "10", "--effort", "2", "--pain", "1", "--at", c.at)
		if code != c.code || (c.err != "" && (!strings.Contains(stderr, c.err) || strings.Count(stderr, "\n") != 1)) {
			t.Errorf("--at %s: exit %d, stderr %q; want %d %q", c.at, code, stderr, c.code, c.err)
		}
		_, err := os.Stat(filepath.Join(dir, "journal.jsonl"))
		if written := err == nil; written != (c.code == 0) {
			t.Errorf("--at %s: journal written %v", c.at, written)
		}
	}
}

// adjust --note keeps no control or escape character in the journal.
func TestAdjustNoteIsCleaned(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := limber(t, "--data-dir", dir, "adjust", "heel-raises", "--level", "2", "--note", "go\teasy \x1b]52;c;aGk=\x07\x1b[2J\u202eweek\u200b")
	if code != 0 {
		t.Fatalf("adjust: %d %s", code, stderr)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "journal.jsonl"))
	var r struct{ Note string }
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	if r.Note != "go easy ]52;c;aGk=[2Jweek" {
		t.Errorf("the note was kept as %q", r.Note)
	}
}

// writeJournal writes lines as DIR/journal.jsonl.
func writeJournal(t *testing.T, dir string, lines ...string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "journal.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
}

// rec is one journal line at a time some days ago, so that the report's
// twelve weeks show it.
func rec(daysAgo int, fields string) string {
	at := time.Now().Add(-time.Duration(daysAgo) * 24 * time.Hour).UTC().Format(time.RFC3339)
	return `{"v":1,"at":"` + at + `",` + fields + `}`
}

// The report, on the terminal and as a page, never carries a control or
// escape character from the journal, and never applies an impossible
// value: "Pain was 9999 out of 10" must not be written.
func TestReportNeverShowsJournalEscapes(t *testing.T) {
	dir := t.TempDir()
	sess := `"session":"s\u001b[2J"`
	writeJournal(t, dir,
		rec(2, `"kind":"session_start",`+sess+`,"routine":"feet-daily\u001b]52;c;aGVsbG8=\u0007","baseline":1,"red_flags":["chest-pain","new\u001b]52;c;aGk=\u0007"]`),
		rec(2, `"kind":"set",`+sess+`,"exercise":"heel-raises","set":1,"side":"\u001b[2J","rung":{"sets":1,"level":1,"value":10},"target":10,"achieved":10,"effort":2`),
		rec(2, `"kind":"flare",`+sess+`,"exercise":"heel-raises","set":1,"side":"\u001b[2J","pain":9`),
		rec(2, `"kind":"set",`+sess+`,"exercise":"\u001b]52;c;aGVsbG8=\u0007","set":1,"target":5,"achieved":5,"effort":2`),
		rec(2, `"kind":"exercise_end",`+sess+`,"exercise":"\u001b]52;c;aGVsbG8=\u0007","name":"Tap\u009b31m","pain":8,"stopped":true`),
		rec(2, `"kind":"exercise_end",`+sess+`,"exercise":"heel-raises","pain":9999`),
		rec(2, `"kind":"exercise_end",`+sess+`,"exercise":"heel-raises","pain":2`),
		rec(2, `"kind":"session_end",`+sess+`,"outcome":"finished\u001b[2J"`),
	)
	code, out, stderr := limber(t, "--data-dir", dir, "report")
	if code != 0 || rawControl(out) || rawControl(strings.ReplaceAll(stderr, "\n", "")) {
		t.Fatalf("report: exit %d\n%q\nstderr %q", code, out, stderr)
	}
	for _, want := range []string{"Heel raises: Pain reached 9 out of 10", "Stopped for pain during Tap31m", "new]52;c;aGk=",
		"journal.jsonl:6: skipped an exercise end with pain 9999"} {
		if !strings.Contains(out+stderr, want) {
			t.Errorf("the report does not say %q:\n%s\nstderr %s", want, out, stderr)
		}
	}
	if strings.Contains(out, "9999") {
		t.Errorf("the report applied pain 9999:\n%s", out)
	}
	page := filepath.Join(t.TempDir(), "r.html")
	if code, _, stderr := limber(t, "--data-dir", dir, "report", "--html", page); code != 0 {
		t.Fatalf("report --html: %d %s", code, stderr)
	}
	html, _ := os.ReadFile(page)
	if rawControl(string(html)) || strings.Contains(string(html), "9999") || !strings.Contains(string(html), "Stopped for pain during Tap31m") {
		t.Errorf("the page holds a raw control character, or pain 9999, or lost the stop:\n%q", html)
	}
}

// A library changed under the journal does not rewrite history: an
// exercise since removed keeps its recorded name in history and the
// report; one whose kind changed keeps its old sets in their old unit;
// old records without a name take the library's.
func TestLibraryChangeKeepsHistory(t *testing.T) {
	dir, lib := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(lib, "wobble.yaml"), []byte(`category: balance
exercises:
  - id: wobble
    name: Wobble board hold
    summary: Stand on the board.
    steps: [Stand.]
    dose: {kind: hold, sets: 1, hold: 20s}
`), 0o600); err != nil {
		t.Fatal(err)
	}
	sess := `"session":"s1"`
	writeJournal(t, dir,
		rec(3, `"kind":"session_start",`+sess+`,"baseline":1`),
		rec(3, `"kind":"set",`+sess+`,"exercise":"wobble","name":"Wobble board","unit":"reps","set":1,"rung":{"sets":1,"level":1,"value":12},"target":12,"achieved":11,"effort":2`),
		rec(3, `"kind":"set",`+sess+`,"exercise":"toe-taps","name":"Toe taps","unit":"reps","set":1,"rung":{"sets":1,"level":1,"value":8},"target":8,"achieved":8,"effort":2`),
		rec(3, `"kind":"exercise_end",`+sess+`,"exercise":"toe-taps","name":"Toe taps","unit":"reps","pain":7,"stopped":true`),
		rec(3, `"kind":"set",`+sess+`,"exercise":"heel-raises","set":1,"rung":{"sets":1,"level":1,"value":10},"target":10,"achieved":10,"effort":2`),
		rec(3, `"kind":"session_end",`+sess+`,"outcome":"finished"`),
	)
	args := []string{"--data-dir", dir, "--library", lib}
	code, out, stderr := limber(t, append(args, "history")...)
	if code != 0 {
		t.Fatalf("history: %d %s", code, stderr)
	}
	for _, want := range []string{"Wobble board", "Toe taps", "Heel raises"} {
		if !strings.Contains(out, want) {
			t.Errorf("history does not name %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Wobble board hold") || strings.Contains(out, "seconds") {
		t.Errorf("history took today's library over what was recorded:\n%s", out)
	}
	if !strings.Contains(stderr, `journal.jsonl:3: "toe-taps" (Toe taps) is not in the library: its 2 record(s) move no rung`) {
		t.Errorf("stderr %q", stderr)
	}
	_, out, _ = limber(t, append(args, "history", "--csv")...)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 4 {
		t.Fatalf("csv: %v %q", err, out)
	}
	got := fmt.Sprint(rows[1][11:], rows[2][11:], rows[3][11:])
	if want := "[Wobble board reps] [Toe taps reps] [Heel raises reps]"; got != want {
		t.Errorf("csv name and unit: %s, want %s", got, want)
	}
	_, out, _ = limber(t, append(args, "history", "--json")...)
	var hist []map[string]any
	if err := json.Unmarshal([]byte(out), &hist); err != nil || len(hist) != 3 || hist[0]["name"] != "Wobble board" || hist[0]["unit"] != "reps" {
		t.Errorf("json: %v %v", err, hist)
	}
	_, out, _ = limber(t, append(args, "report")...)
	if !strings.Contains(out, "Stopped for pain · Toe taps") || !strings.Contains(out, ": 1 session.") {
		t.Errorf("the report lost the removed exercise:\n%s", out)
	}
}

// Every fuzz target is named in the README, and CI runs every one it
// finds (.ci/run looks for them by name).
func TestREADMENamesEveryFuzzTarget(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile(".ci/run")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(ci), `-fuzz "^$target\$" -fuzztime 20s`) {
		t.Error(".ci/run no longer fuzzes each target")
	}
	found := 0
	fuzz := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(`)
	filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range fuzz.FindAllStringSubmatch(string(b), -1) {
			found++
			pkg := "./" + filepath.Dir(path)
			if want := fmt.Sprintf("go test %s -run '^$' -fuzz '^%s$'", pkg, m[1]); !strings.Contains(string(readme), want) {
				t.Errorf("the README does not say how to fuzz %s: %s", m[1], want)
			}
		}
		return nil
	})
	if found < 3 {
		t.Errorf("found %d fuzz targets, want at least 3 (the library, the journal, the replay)", found)
	}
}

// The replay's warnings are capped with the reader's: five, then a count
// of the rest, in line order whichever skipped them.
func TestReplayWarningsAreCappedToo(t *testing.T) {
	dir := t.TempDir()
	set := rec(3, `"kind":"set","session":"s","exercise":"heel-raises","set":1,"rung":{"sets":1,"level":1,"value":10},"target":10,"achieved":10,"effort":2`)
	lines := []string{rec(3, `"kind":"session_start","session":"s"`), set}
	for range 6 {
		lines = append(lines, set) // repeats: the replay skips them
	}
	lines = append(lines, `{"v":1,"kind":"set","at":"2026-0`, set) // a damaged line, then one more repeat
	writeJournal(t, dir, lines...)
	code, out, stderr := limber(t, "--data-dir", dir, "history")
	got := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if code != 0 || strings.Count(out, "Heel raises") != 1 || len(got) != 6 ||
		got[5] != "limber: warning: ... and 3 more" {
		t.Fatalf("exit %d\nstdout %s\nstderr %q", code, out, stderr)
	}
	for i, l := range got[:5] {
		want := fmt.Sprintf("journal.jsonl:%d: skipped a repeat of the record on line 2: it counts once", i+3)
		if !strings.HasPrefix(l, "limber: warning: ") || !strings.HasSuffix(l, want) {
			t.Errorf("warning %d: %q, want ...%s", i+1, l, want)
		}
	}
}
