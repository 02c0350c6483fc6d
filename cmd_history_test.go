package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"limber/content"
	"limber/exercises"
	"limber/journal"
)

// hostileJournal is a journal someone edited by hand: escape sequences
// that clear the screen or write the clipboard (OSC 52), and cells a
// spreadsheet would run as formulas.
const hostileJournal = `{"v":1,"kind":"set","at":"2026-01-05T09:00:00Z","session":"s1","exercise":"heel-raises","set":1,"side":"\u001b[2J","rung":{"level":1,"sets":1,"value":8},"target":8,"achieved":8,"effort":2}
{"v":1,"kind":"set","at":"2026-01-05T09:00:01Z","session":"s1","exercise":"\u001b]52;c;aGVsbG8=\u0007","set":1,"rung":{"level":1,"sets":1,"value":8},"target":8,"achieved":8,"effort":2}
{"v":1,"kind":"set","at":"2026-01-05T09:00:02Z","session":"=HYPERLINK(\"http://x\")","routine":"+cmd|' /C calc'!A0","exercise":"@SUM(1+1)","set":1,"side":"-2+3","rung":{"level":1,"sets":1,"value":8},"target":8,"achieved":8,"effort":2}
{"v":1,"kind":"set","at":"2026-01-05T09:00:03Z","session":"s2\u009b31m","exercise":"\u202eheel-raises","set":1,"rung":{"level":1,"sets":1,"value":8},"target":8,"achieved":8,"effort":2}
`

func hostileHistory(t *testing.T, format ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "journal.jsonl"), []byte(hostileJournal), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := limber(t, append([]string{"--data-dir", dir, "history"}, format...)...)
	// Their exercises are not in the library: each is named in a warning,
	// with its escapes written out.
	if code != 0 || rawControl(stderr) || strings.Count(stderr, "limber: warning: ") != 3 ||
		!strings.Contains(stderr, `journal.jsonl:2: "\x1b]52;c;aGVsbG8=\x07" is not in the library: its 1 record(s) move no rung`) {
		t.Fatalf("history %v: exit %d, stderr %q", format, code, stderr)
	}
	return out
}

// rawControl reports whether s holds a control or escape character a
// terminal would act on: C0 (but newline), DEL, C1, or a bidi override.
func rawControl(s string) bool {
	for _, r := range s {
		if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) {
			return true
		}
	}
	return false
}

func TestHistoryTextStripsEscapes(t *testing.T) {
	out := hostileHistory(t)
	if rawControl(out) {
		t.Errorf("history printed a raw control character:\n%q", out)
	}
	if strings.Contains(out, `\x1b`) || !strings.Contains(out, "1 [2J") || !strings.Contains(out, "]52;c;aGVsbG8=") {
		t.Errorf("history should strip the escape bytes and keep the rest:\n%s", out)
	}
}

func TestHistoryJSONStripsEscapes(t *testing.T) {
	out := hostileHistory(t, "--json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 4 {
		t.Fatalf("%v, %d rows", err, len(rows))
	}
	// Decoded, as a program that prints it would see it.
	for _, r := range rows {
		for k, v := range r {
			if s, ok := v.(string); ok && rawControl(s) {
				t.Errorf("row %v: %s = %q", r["date"], k, s)
			}
		}
	}
	if rows[0]["side"] != "[2J" || rows[3]["exercise"] != "heel-raises" || rows[3]["session"] != "s231m" {
		t.Errorf("rows: %v", rows)
	}
}

func TestHistoryCSVStripsEscapesAndDefusesFormulas(t *testing.T) {
	out := hostileHistory(t, "--csv")
	if rawControl(strings.ReplaceAll(out, "\r\n", "\n")) {
		t.Errorf("CSV holds a raw control character:\n%q", out)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 5 {
		t.Fatalf("%v, %d rows", err, len(rows))
	}
	got := rows[3]
	want := map[int]string{1: `'=HYPERLINK("http://x")`, 2: `'+cmd|' /C calc'!A0`, 3: "'@SUM(1+1)", 5: "'-2+3"}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("cell %d (%s) = %q, want %q", i, rows[0][i], got[i], w)
		}
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts as a formula", cell)
			}
		}
	}
}

func TestCSVCell(t *testing.T) {
	cases := map[string]string{
		"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@A1": "'@A1", "\tx": "'\tx", "\rx": "'\rx",
		"": "", "a=1": "a=1", "1": "1", "'=1": "'=1", " =1": " =1", "heel-raises": "heel-raises",
	}
	for in, want := range cases {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// history streams what it printed when it held the whole journal: the
// same bytes in text, CSV and JSON, for random journals with repeats
// (at once and much later), demo sessions, sets that leave their routine
// to their session's start (which may come twice, or after them),
// exercise ends with and without pain, exercises the library lacks,
// names wide and narrow, and damaged lines.
func TestHistoryStreamsWhatItHeld(t *testing.T) {
	lib, errs := exercises.Load(exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for seed := range 60 {
		rng := rand.New(rand.NewPCG(uint64(seed), 7))
		data := randomHistory(rng, lib)
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "journal.jsonl"), data, 0o600); err != nil {
			t.Fatal(err)
		}
		recs, _, err := journal.Read(filepath.Join(dir, "journal.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		for _, format := range []string{"", "--csv", "--json"} {
			args := []string{"--data-dir", dir, "history"}
			if format != "" {
				args = append(args, format)
			}
			code, out, stderr := limber(t, args...)
			if want := heldHistory(t, lib, recs, format); code != 0 || out != want {
				t.Fatalf("seed %d, history %s: exit %d (%s)\n%s\nwant:\n%s\njournal:\n%s", seed, format, code, stderr, out, want, data)
			}
		}
	}
}

func randomHistory(rng *rand.Rand, lib *exercises.Library) []byte {
	var lines []string
	add := func(v map[string]any) {
		v["v"] = 1
		b, _ := json.Marshal(v)
		lines = append(lines, string(b)+"\n")
	}
	at := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	xs := lib.Exercises()
	routines := lib.Routines()
	names := []string{"", "Heel raises", "Ćwiczenie stóp", "足の運動", "\u001b[31mred"}
	for range rng.IntN(12) {
		sid := journal.NewSessionID(at)
		rt := routines[rng.IntN(len(routines))].ID
		start := map[string]any{"kind": "session_start", "at": at.Format(time.RFC3339Nano), "session": sid, "routine": rt}
		if rng.IntN(8) == 0 {
			start["demo"] = true
		}
		late := rng.IntN(6) == 0
		if !late {
			add(start)
		}
		for range 1 + rng.IntN(3) {
			x := xs[rng.IntN(len(xs))]
			id := x.ID
			if rng.IntN(10) == 0 {
				id = "gone-exercise"
			}
			for set := 1; set <= 1+rng.IntN(3); set++ {
				if rng.IntN(3) > 0 {
					at = at.Add(time.Duration(1+rng.IntN(90)) * time.Second)
				}
				rec := map[string]any{"kind": "set", "at": at.Format(time.RFC3339Nano), "session": sid, "exercise": id, "set": set,
					"rung": map[string]int{"sets": 2, "level": 1 + rng.IntN(3), "value": 8}, "target": 8, "achieved": rng.IntN(9), "effort": rng.IntN(6)}
				if rng.IntN(2) == 0 {
					rec["routine"] = rt
				}
				if n := names[rng.IntN(len(names))]; n != "" {
					rec["name"], rec["unit"] = n, "reps"
				}
				if rng.IntN(3) == 0 {
					rec["side"] = []string{"left", "right"}[rng.IntN(2)]
				}
				add(rec)
				if rng.IntN(8) == 0 {
					lines = append(lines, lines[len(lines)-1]) // a repeat, at once
				}
			}
			end := map[string]any{"kind": "exercise_end", "at": at.Format(time.RFC3339Nano), "session": sid, "exercise": id}
			if rng.IntN(4) > 0 {
				end["pain"] = rng.IntN(11)
			}
			add(end)
		}
		if late || rng.IntN(10) == 0 { // its start after its sets, or a second one
			start["routine"] = routines[rng.IntN(len(routines))].ID
			add(start)
		}
		if rng.IntN(10) == 0 {
			lines = append(lines, "not json\n")
		}
		at = at.Add(time.Duration(5+rng.IntN(40)) * time.Hour)
	}
	for range rng.IntN(3) { // repeats much later
		if len(lines) > 0 {
			lines = append(lines, lines[rng.IntN(len(lines))])
		}
	}
	return []byte(strings.Join(lines, ""))
}

// heldHistory is limber history as it was when it held the journal.
func heldHistory(t *testing.T, lib *exercises.Library, recs []journal.Record, format string) string {
	t.Helper()
	pain := map[[2]string]*int{}
	routine := map[string]string{}
	for _, r := range recs {
		if r.Kind == journal.KindExerciseEnd {
			pain[[2]string{r.Session, r.Exercise}] = r.Pain
		}
		if r.Kind == journal.KindSessionStart {
			routine[r.Session] = r.Routine
		}
	}
	type setKey struct {
		at         int64
		session    string
		set        int
		side, name string
	}
	seen := map[setKey][]*journal.Record{}
	rows := []historyRow{}
	for i := range recs {
		r := &recs[i]
		if r.Kind != journal.KindSet || r.Demo {
			continue
		}
		k := setKey{r.At.UnixNano(), r.Session, r.Set, r.Side, r.Exercise}
		if slices.ContainsFunc(seen[k], func(o *journal.Record) bool { return journal.Same(o, r) }) {
			continue
		}
		seen[k] = append(seen[k], r)
		row := historyRow{At: r.At, Session: r.Session, Routine: r.Routine, Exercise: r.Exercise, Name: r.Name, Unit: r.Unit,
			Set: r.Set, Side: r.Side, Target: r.Target, Achieved: r.Achieved, Effort: r.Effort, Pain: pain[[2]string{r.Session, r.Exercise}]}
		if x, ok := lib.Exercise(r.Exercise); ok {
			if row.Name == "" {
				row.Name = x.Name
			}
			if row.Unit == "" {
				row.Unit = x.Dose.Kind.Unit()
			}
		}
		if row.Name == "" {
			row.Name = r.Exercise
		}
		if row.Routine == "" {
			row.Routine = routine[r.Session]
		}
		if r.Rung != nil {
			row.Level = r.Rung.Level
		}
		for _, s := range []*string{&row.Session, &row.Routine, &row.Exercise, &row.Name, &row.Side, &row.Unit} {
			*s = exercises.Clean(*s, false)
		}
		rows = append(rows, row)
	}
	var b bytes.Buffer
	switch format {
	case "--json":
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		enc.Encode(rows)
	case "--csv":
		w := csv.NewWriter(&b)
		w.Write([]string{"date", "session", "routine", "exercise", "set", "side", "level", "target", "achieved", "effort", "pain", "name", "unit"})
		for _, r := range rows {
			p := ""
			if r.Pain != nil {
				p = strconv.Itoa(*r.Pain)
			}
			rec := []string{r.At.Format(time.RFC3339), r.Session, r.Routine, r.Exercise, strconv.Itoa(r.Set), r.Side,
				strconv.Itoa(r.Level), strconv.Itoa(r.Target), strconv.Itoa(r.Achieved), strconv.Itoa(r.Effort), p, r.Name, r.Unit}
			for i := range rec {
				rec[i] = csvCell(rec[i])
			}
			w.Write(rec)
		}
		w.Flush()
	default:
		if len(rows) == 0 {
			return "Nothing recorded yet.\n"
		}
		tw := tabwriter.NewWriter(&b, 2, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "date\texercise\tset\tlevel\ttarget\tdone\tunit\teffort\tpain")
		for _, r := range rows {
			p := "-"
			if r.Pain != nil {
				p = strconv.Itoa(*r.Pain)
			}
			set := strconv.Itoa(r.Set)
			if r.Side != "" {
				set += " " + r.Side
			}
			unit := r.Unit
			if unit == "" {
				unit = "-"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%s\t%d %s\t%s\n", r.At.Local().Format("2006-01-02 15:04"), r.Name, set,
				r.Level, r.Target, r.Achieved, unit, r.Effort, exercises.EffortWords[min(max(r.Effort, 0), 5)], p)
		}
		tw.Flush()
	}
	return b.String()
}
