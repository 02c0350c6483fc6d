package journal

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"limber/exercises"
)

func ptr[T any](v T) *T { return &v }

// everyKind has one record of each kind with every field it uses set, and
// the zero answers (pain 0, no red flag) that pointers exist to keep.
func everyKind() []Record {
	at := time.Date(2025, 3, 1, 6, 30, 0, 123456789, time.UTC)
	s := "20250301T063000Z-3f9a1c"
	return []Record{
		{V: 1, Kind: KindSessionStart, At: at, Session: s, Routine: "knee-daily",
			Baseline: ptr(0), RedFlag: ptr(false), Settled: ptr(true), Demo: true},
		{V: 1, Kind: KindSet, At: at.Add(time.Minute), Session: s, Routine: "knee-daily", Exercise: "step-down",
			Set: 2, Side: "left", Rung: &exercises.Rung{Sets: 3, Level: 2, Value: 12}, Target: 12, Achieved: 11, Effort: 4},
		{V: 1, Kind: KindExerciseEnd, At: at.Add(2 * time.Minute), Session: s, Routine: "knee-daily", Exercise: "step-down",
			Pain: ptr(0), Score: ptr(87), Stopped: true,
			Decision: &Decision{From: exercises.Rung{Sets: 3, Level: 2, Value: 12}, To: exercises.Rung{Sets: 3, Level: 2, Value: 13},
				Streak: 3, Flag: true, Reason: "3 sessions at target, effort ≤ 3 & no pain <2: up one step"}},
		{V: 1, Kind: KindSessionEnd, At: at.Add(3 * time.Minute), Session: s, Routine: "knee-daily", Outcome: "finished"},
		{V: 1, Kind: KindAdjust, At: at.Add(4 * time.Minute), Session: s, Exercise: "wall-sit",
			Rung: &exercises.Rung{Sets: 2, Level: 1, Value: 20}, Note: "physio said \"go easier\"\nfor a week\t✓"},
		{V: 1, Kind: KindSessionStart, At: at.Add(24 * time.Hour), Session: "s2", Baseline: ptr(7), RedFlag: ptr(true)},
		{V: 1, Kind: KindSessionEnd, At: at.Add(24 * time.Hour), Session: "s2", Outcome: "red_flag"},
		// The check-in's answers by name, a flare, a left side not yet rated.
		{V: 1, Kind: KindSessionStart, At: at.Add(48 * time.Hour), Session: "s3", Routine: "feet-daily", Baseline: ptr(6),
			RedFlag: ptr(false), Settled: ptr(false), Answers: &Answers{RedFlags: []string{"foot-wound", "foot-red-warm-swollen"},
				Glucose: 5.4, GlucoseUnit: "mmol/L", Ketones: ptr(false), Today: "easier", Resumes: "s2"}},
		{V: 1, Kind: KindSet, At: at.Add(49 * time.Hour), Session: "s3", Exercise: "step-down",
			Set: 1, Side: "left", Rung: &exercises.Rung{Sets: 3, Level: 2, Value: 12}, Target: 12, Achieved: 12},
		{V: 1, Kind: KindFlare, At: at.Add(49 * time.Hour), Session: "s3", Exercise: "step-down", Set: 1, Side: "right", Pain: ptr(8)},
		{V: 1, Kind: KindSessionStart, At: at.Add(72 * time.Hour), Session: "s4", Baseline: ptr(2), Answers: &Answers{Glucose: 112, GlucoseUnit: "mg/dL"}},
		{V: 1, Kind: KindSessionEnd, At: at.Add(72 * time.Hour), Session: "s4", Outcome: "rest"},
	}
}

func openTemp(t *testing.T) *Journal {
	t.Helper()
	j, err := Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// lineless is recs without the line numbers the reader gave them, to
// compare with records as they were appended.
func lineless(recs []Record) []Record {
	out := slices.Clone(recs)
	for i := range out {
		out[i].Line = 0
	}
	return out
}

func mustRead(t *testing.T, path string) ([]Record, []Warning) {
	t.Helper()
	recs, warns, err := Read(path)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return recs, warns
}

func TestRoundTripEveryKind(t *testing.T) {
	j := openTemp(t)
	want := everyKind()
	for _, r := range want[:3] {
		if err := j.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := j.Append(want[3:]...); err != nil { // several in one call
		t.Fatal(err)
	}
	got, warns := mustRead(t, j.Path())
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	if !reflect.DeepEqual(lineless(got), want) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, want)
	}
	for i, r := range got {
		if int(r.Line) != i+1 {
			t.Errorf("record %d says it is on line %d", i+1, r.Line)
		}
	}
	// The same through the copying reader.
	f, err := os.Open(j.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got2, _, err := ReadFrom(f, "x")
	if err != nil || !reflect.DeepEqual(got2, got) {
		t.Errorf("ReadFrom differs from Read (err %v)", err)
	}
}

func TestAppendKeepsTheOffset(t *testing.T) {
	j := openTemp(t)
	at := time.Date(2025, 7, 1, 7, 30, 0, 0, time.FixedZone("CEST", 2*3600))
	if err := j.Append(Record{Kind: KindSessionEnd, At: at, Session: "s"}); err != nil {
		t.Fatal(err)
	}
	got, _ := mustRead(t, j.Path())
	if len(got) != 1 || !got[0].At.Equal(at) {
		t.Fatalf("got %v, want %v", got, at)
	}
	if _, off := got[0].At.Zone(); off != 2*3600 {
		t.Errorf("offset %d, want the +02:00 it was written with", off)
	}
}

func TestAppendFillsVersionWithoutTouchingTheCaller(t *testing.T) {
	j := openTemp(t)
	recs := []Record{{Kind: KindSessionEnd, At: time.Now(), Session: "s"}}
	if err := j.Append(recs...); err != nil {
		t.Fatal(err)
	}
	if recs[0].V != 0 {
		t.Errorf("Append changed the caller's record: V = %d", recs[0].V)
	}
	raw, err := os.ReadFile(j.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(raw, []byte(`{"v":1,"kind":"session_end",`)) || !bytes.HasSuffix(raw, []byte("}\n")) {
		t.Errorf("line = %s", raw)
	}
}

func TestAppendRefusesIncompleteRecords(t *testing.T) {
	good := Record{Kind: KindSet, At: time.Now(), Session: "s"}
	tests := []struct {
		name string
		edit func(*Record)
		want string
	}{
		{"no kind", func(r *Record) { r.Kind = "" }, "no kind"},
		{"no session", func(r *Record) { r.Session = "" }, "no session"},
		{"no time", func(r *Record) { r.At = time.Time{} }, "no time"},
		{"future schema", func(r *Record) { r.V = SchemaVersion + 1 }, "schema version"},
		{"negative schema", func(r *Record) { r.V = -1 }, "schema version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := openTemp(t)
			bad := good
			tt.edit(&bad)
			err := j.Append(good, bad) // the good one must not be written either
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Append = %v, want an error about %q", err, tt.want)
			}
			if _, err := os.Stat(j.Path()); !os.IsNotExist(err) {
				t.Errorf("the journal exists after a refused Append (stat: %v)", err)
			}
		})
	}
}

func TestOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	j, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		t.Errorf("data directory mode %v, want it private", perm)
	}
	if j.Path() != Path(dir) {
		t.Errorf("Path = %q, want %q", j.Path(), Path(dir))
	}
	if _, err := os.Stat(j.Path()); !os.IsNotExist(err) {
		t.Errorf("Open created the journal file (stat: %v)", err)
	}
	if err := j.Append(everyKind()[0]); err != nil {
		t.Fatal(err)
	}
	fi, err = os.Stat(j.Path())
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		t.Errorf("journal mode %v, want it private", perm)
	}
	if _, err := Open(""); err == nil {
		t.Error("Open(\"\") succeeded")
	}
}

func TestReadMissingFile(t *testing.T) {
	recs, warns, err := Read(filepath.Join(t.TempDir(), "nope", FileName))
	if recs != nil || warns != nil || err != nil {
		t.Errorf("Read of a missing file = %v, %v, %v; want nothing at all", recs, warns, err)
	}
}

func TestReadUnreadableFile(t *testing.T) {
	if _, _, err := Read(t.TempDir()); err == nil { // a directory
		t.Error("Read of a directory succeeded")
	}
}

// line encodes r as Append would.
func line(t *testing.T, r Record) string {
	t.Helper()
	var buf bytes.Buffer
	if err := encodeRecord(&buf, &r); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestReadSkipsBadLinesWithWarnings(t *testing.T) {
	recs := everyKind()
	full := line(t, recs[1])
	future := strings.Replace(line(t, recs[2]), `{"v":1,`, `{"v":2,`, 1)
	tests := []struct {
		name      string
		file      string
		wantRecs  []Record
		wantWarns []string
	}{
		{
			name:      "torn middle line (hand edit)",
			file:      line(t, recs[0]) + full[:40] + "\n" + line(t, recs[3]),
			wantRecs:  []Record{recs[0], recs[3]},
			wantWarns: []string{"f:2: skipped a damaged line (unexpected end of JSON input)"},
		},
		{
			name:      "torn last line (crash mid-write)",
			file:      line(t, recs[0]) + line(t, recs[3]) + full[:60],
			wantRecs:  []Record{recs[0], recs[3]},
			wantWarns: []string{"f:3: skipped a torn last line (unexpected end of JSON input)"},
		},
		{
			name:     "whole last line without its newline counts",
			file:     line(t, recs[0]) + strings.TrimSuffix(full, "\n"),
			wantRecs: []Record{recs[0], recs[1]},
		},
		{
			name:      "future schema version",
			file:      line(t, recs[0]) + future + line(t, recs[3]),
			wantRecs:  []Record{recs[0], recs[3]},
			wantWarns: []string{"f:2: skipped a record from a newer limber (schema v2; this one reads up to v1): update limber to see it"},
		},
		{
			name: "records Append would refuse",
			file: `{"v":1,"at":"2025-03-01T07:00:00Z","session":"s"}` + "\n" +
				`{"v":1,"kind":"set","at":"2025-03-01T07:00:00Z"}` + "\n" +
				`{"v":1,"kind":"set","session":"s"}` + "\n" +
				`{"kind":"set","at":"2025-03-01T07:00:00Z","session":"s"}` + "\n" +
				"null\n" + "[]\n" + "garbage\n",
			wantWarns: []string{
				"f:1: skipped a record with no kind",
				"f:2: skipped a record with no session id",
				"f:3: skipped a record with no time",
				`f:4: skipped a record with no schema version ("v")`,
				`f:5: skipped a record with no schema version ("v")`,
				"f:6: skipped a damaged line (json: cannot unmarshal array into Go value of type journal.Record)",
				"f:7: skipped a damaged line (invalid character 'g' looking for beginning of value)",
			},
		},
		{
			name: "wrong type",
			file: `{"v":1,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s","effort":"hard"}` + "\n",
			wantWarns: []string{
				"f:1: skipped a damaged line (json: cannot unmarshal string into Go struct field Record.effort of type int)",
			},
		},
		{
			name:     "blank lines, CRLF, spaces and a byte-order mark are fine",
			file:     "\uFEFF" + line(t, recs[0]) + "\n  \n" + strings.Replace(line(t, recs[3]), "\n", "\r\n", 1) + "\t" + line(t, recs[4]) + "\n\n",
			wantRecs: []Record{recs[0], recs[3], recs[4]},
		},
		{name: "empty file", file: ""},
		{name: "only blank lines", file: "\n\n \n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), FileName)
			if err := os.WriteFile(path, []byte(tt.file), 0o600); err != nil {
				t.Fatal(err)
			}
			for _, read := range []struct {
				name string
				fn   func() ([]Record, []Warning, error)
			}{
				{"Read", func() ([]Record, []Warning, error) { return Read(path) }},
				{"ReadFrom", func() ([]Record, []Warning, error) { return ReadFrom(strings.NewReader(tt.file), "f") }},
			} {
				got, warns, err := read.fn()
				if err != nil {
					t.Fatalf("%s: %v", read.name, err)
				}
				if len(got) != len(tt.wantRecs) || (len(got) > 0 && !reflect.DeepEqual(lineless(got), tt.wantRecs)) {
					t.Errorf("%s: records\n%+v\nwant\n%+v", read.name, got, tt.wantRecs)
				}
				var msgs []string
				for _, w := range warns {
					if read.name == "Read" {
						w.File = strings.Replace(w.File, path, "f", 1)
					}
					msgs = append(msgs, w.String())
				}
				if !slices.Equal(msgs, tt.wantWarns) {
					t.Errorf("%s: warnings\n%q\nwant\n%q", read.name, msgs, tt.wantWarns)
				}
			}
		})
	}
}

func TestWarningString(t *testing.T) {
	w := Warning{File: "journal.jsonl", Line: 17, Msg: "skipped a damaged line (unexpected end of JSON input)"}
	if got, want := w.String(), "journal.jsonl:17: skipped a damaged line (unexpected end of JSON input)"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
}

func TestAppendAfterTornLastLine(t *testing.T) {
	j := openTemp(t)
	recs := everyKind()
	if err := j.Append(recs[0], recs[1]); err != nil {
		t.Fatal(err)
	}
	// A crash left half a line at the end.
	f, err := os.OpenFile(j.Path(), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(line(t, recs[2])[:50]); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, warns := mustRead(t, j.Path()); len(warns) != 1 || !strings.Contains(warns[0].Msg, "torn last line") || warns[0].Line != 3 {
		t.Fatalf("before the append: warnings %v, want the torn line 3", warns)
	}

	if err := j.Append(recs[3]); err != nil {
		t.Fatal(err)
	}
	got, warns := mustRead(t, j.Path())
	if want := []Record{recs[0], recs[1], recs[3]}; !reflect.DeepEqual(lineless(got), want) {
		t.Errorf("records\n%+v\nwant\n%+v", got, want)
	}
	if len(warns) != 1 || warns[0].Line != 3 || !strings.Contains(warns[0].Msg, "damaged line") {
		t.Errorf("warnings %v, want line 3 reported as damaged", warns)
	}
	// Appending again must not add a blank line: the file ends cleanly now.
	if err := j.Append(recs[4]); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(j.Path())
	if n := bytes.Count(raw, []byte("\n")); n != 5 || bytes.Contains(raw, []byte("\n\n")) {
		t.Errorf("file has %d lines (want 5) or a blank line:\n%s", n, raw)
	}
}

func TestLongLines(t *testing.T) {
	j := openTemp(t)
	plain := strings.Repeat("abcdefgh", 40_000) // 320 KB, fast path
	escaped := strings.Repeat("a\"b\\c\nd€", 30_000)
	want := []Record{
		{V: 1, Kind: KindAdjust, At: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Session: "s", Note: plain},
		{V: 1, Kind: KindAdjust, At: time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC), Session: "s", Note: escaped},
	}
	if err := j.Append(want...); err != nil {
		t.Fatal(err)
	}
	got, warns := mustRead(t, j.Path())
	if len(warns) != 0 || !reflect.DeepEqual(lineless(got), want) {
		t.Errorf("long notes did not survive (warnings %v, %d records)", warns, len(got))
	}
}

// TestReadInParts checks that splitting the work changes nothing: order,
// line numbers and the gaps of skipped lines across the parts.
func TestReadInParts(t *testing.T) {
	lines := strings.SplitAfter(string(History(2000)), "\n")
	lines = lines[:len(lines)-1] // the empty string after the last newline
	bad := map[int]string{       // 0-based line index: replacement
		0: "{not json\n", 1: "\n", 700: `{"v":9}` + "\n", 701: "\n", 702: "oops\n",
		999: "\n", 1000: "x\n", 1998: "\n",
	}
	for i, s := range bad {
		lines[i] = s
	}
	lines[len(lines)-1] = lines[len(lines)-1][:30] // torn last line
	data := []byte(strings.Join(lines, ""))

	// What a line-by-line reading with encoding/json gives.
	var want []Record
	var wantLines []int
	for i, l := range lines {
		var r Record
		if strings.TrimSpace(l) == "" {
			continue
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil || r.V != 1 {
			wantLines = append(wantLines, i+1)
			continue
		}
		r.Line = int32(i + 1)
		want = append(want, r)
	}

	for n := 1; n <= 5; n++ {
		got, warns, err := parseIn(data, "f", false, time.Now(), n)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%d parts: %d records differ from the %d expected", n, len(got), len(want))
		}
		var gotLines []int
		for _, w := range warns {
			gotLines = append(gotLines, w.Line)
		}
		if !slices.Equal(gotLines, wantLines) {
			t.Errorf("%d parts: warnings on lines %v, want %v", n, gotLines, wantLines)
		}
		if cap(got) != len(got) {
			t.Errorf("%d parts: cap %d, len %d: the result should hold no spare slots", n, cap(got), len(got))
		}
	}
}

func TestReadSurvivesTruncationWhileMapped(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(path, bytes.Repeat([]byte(line(t, everyKind()[1])), 5000), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	data, unmap, ok := mapFile(f, fi.Size())
	if !ok {
		t.Skip("no file mapping here")
	}
	defer unmap()
	if err := os.Truncate(path, 0); err != nil { // what another program might do
		t.Fatal(err)
	}
	if _, _, err := parseIn(data, path, true, time.Now(), 2); err != errTruncated {
		t.Errorf("parse of a shrunken mapping: err %v, want %v", err, errTruncated)
	}
}

func TestConcurrentAppendsInOneProcess(t *testing.T) {
	j := openTemp(t)
	const goroutines, each = 8, 25
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			j2, _ := Open(filepath.Dir(j.Path())) // a Journal of its own, like another window
			for i := 1; i <= each; i++ {
				r := Record{Kind: KindSet, At: time.Now(), Session: string(rune('a' + g)), Target: i, Note: strings.Repeat("n", 3000)}
				if err := j2.Append(r); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	recs, warns := mustRead(t, j.Path())
	if len(warns) != 0 || len(recs) != goroutines*each {
		t.Fatalf("%d records, warnings %v; want %d and none", len(recs), warns, goroutines*each)
	}
	next := map[string]int{}
	for _, r := range recs {
		next[r.Session]++
		if r.Target != next[r.Session] {
			t.Fatalf("session %s: set %d after %d", r.Session, r.Target, next[r.Session]-1)
		}
	}
}

func TestNewSessionID(t *testing.T) {
	at := time.Date(2025, 3, 1, 7, 30, 5, 0, time.FixedZone("", 3600))
	id := NewSessionID(at)
	if !regexp.MustCompile(`^20250301T063005Z-[0-9a-f]{6}$`).MatchString(id) {
		t.Errorf("NewSessionID = %q", id)
	}
	if NewSessionID(at) == id {
		t.Error("two ids for the same second are equal")
	}
	if later := NewSessionID(at.Add(time.Second)); later <= id {
		t.Errorf("%q does not sort after %q", later, id)
	}
}
