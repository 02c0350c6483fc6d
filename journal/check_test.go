package journal

import (
	"strings"
	"testing"
	"time"

	"limber/exercises"
)

// Each limit is tested at its value and one either side.
func TestCheckLimits(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	at := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	set := func(f func(r *Record)) Record {
		r := Record{V: 1, Kind: KindSet, At: at, Session: "s", Exercise: "x", Set: 1,
			Rung: &exercises.Rung{Sets: 1, Level: 1, Value: 1}, Target: 1, Achieved: 1, Effort: 1}
		f(&r)
		return r
	}
	end := func(f func(r *Record)) Record {
		r := Record{V: 1, Kind: KindExerciseEnd, At: at, Session: "s", Exercise: "x"}
		f(&r)
		return r
	}
	start := func(f func(r *Record)) Record {
		r := Record{V: 1, Kind: KindSessionStart, At: at, Session: "s"}
		f(&r)
		return r
	}
	cases := []struct {
		name string
		rec  Record
		want string // "" or a part of the message
	}{
		{"a plain set", set(func(r *Record) {}), ""},
		{"pain -1", end(func(r *Record) { r.Pain = ptr(-1) }), "pain -1: pain is 0 to 10"},
		{"pain 0", end(func(r *Record) { r.Pain = ptr(0) }), ""},
		{"pain 10", end(func(r *Record) { r.Pain = ptr(10) }), ""},
		{"pain 11", end(func(r *Record) { r.Pain = ptr(11) }), "pain 11"},
		{"pain 9999", end(func(r *Record) { r.Pain = ptr(9999) }), "skipped an exercise end with pain 9999"},
		{"baseline -1", start(func(r *Record) { r.Baseline = ptr(-1) }), "usual pain -1"},
		{"baseline 10", start(func(r *Record) { r.Baseline = ptr(10) }), ""},
		{"baseline 11", start(func(r *Record) { r.Baseline = ptr(11) }), "usual pain 11"},
		{"score -1", end(func(r *Record) { r.Score = ptr(-1) }), "score -1"},
		{"score 1000", end(func(r *Record) { r.Score = ptr(1000) }), ""},
		{"score 1001", end(func(r *Record) { r.Score = ptr(1001) }), "score 1001"},
		{"effort -1", set(func(r *Record) { r.Effort = -1 }), "effort -1"},
		{"effort 0 on a set", set(func(r *Record) { r.Effort = 0 }), ""},
		{"effort 5", set(func(r *Record) { r.Effort = 5 }), ""},
		{"effort 6", set(func(r *Record) { r.Effort = 6 }), "effort 6: effort is 1 to 5"},
		{"effort 99", set(func(r *Record) { r.Effort = 99 }), "effort 99"},
		{"effort on an exercise end", end(func(r *Record) { r.Effort = 3 }), "only a set has an effort"},
		{"set -1", set(func(r *Record) { r.Set = -1 }), "set number -1"},
		{"set 100", set(func(r *Record) { r.Set = 100 }), ""},
		{"set 101", set(func(r *Record) { r.Set = 101 }), "set number 101"},
		{"achieved -1", set(func(r *Record) { r.Achieved = -1 }), "-1 done"},
		{"achieved -50", set(func(r *Record) { r.Achieved = -50 }), "skipped a set with -50 done"},
		{"achieved 0", set(func(r *Record) { r.Achieved = 0 }), ""},
		{"achieved 10000", set(func(r *Record) { r.Achieved = 10000 }), ""},
		{"achieved 10001", set(func(r *Record) { r.Achieved = 10001 }), "10001 done: a set is 0 to 10,000"},
		{"target -1", set(func(r *Record) { r.Target = -1 }), "target -1"},
		{"target 10001", set(func(r *Record) { r.Target = 10001 }), "target 10001"},
		{"rung of 0 sets", set(func(r *Record) { r.Rung.Sets = 0 }), "a rung of 0 sets"},
		{"rung of 100 sets", set(func(r *Record) { r.Rung.Sets = 100 }), ""},
		{"rung of 101 sets", set(func(r *Record) { r.Rung.Sets = 101 }), "a rung of 101 sets"},
		{"rung level 0", set(func(r *Record) { r.Rung.Level = 0 }), "level 0"},
		{"rung level 100", set(func(r *Record) { r.Rung.Level = 100 }), ""},
		{"rung level 101", set(func(r *Record) { r.Rung.Level = 101 }), "level 101"},
		{"rung value 0", set(func(r *Record) { r.Rung.Value = 0 }), "a rung of 0 reps"},
		{"rung value 10000", set(func(r *Record) { r.Rung.Value = 10000 }), ""},
		{"rung value 10001", set(func(r *Record) { r.Rung.Value = 10001 }), "a rung of 10001 reps"},
		{"adjust to level 9999, 1,000,000 sets", Record{V: 1, Kind: KindAdjust, At: at, Session: "a", Exercise: "x",
			Rung: &exercises.Rung{Sets: 1_000_000, Level: 9999, Value: 10}}, "skipped a therapist's adjust with a rung of 1000000 sets"},
		{"glucose -1", start(func(r *Record) { r.Answers = &Answers{Glucose: -1} }), "blood sugar reading of -1"},
		{"glucose 1000", start(func(r *Record) { r.Answers = &Answers{Glucose: 1000} }), ""},
		{"glucose 1000.1", start(func(r *Record) { r.Answers = &Answers{Glucose: 1000.1} }), "1000.1"},
		{"an unknown kind", Record{V: 1, Kind: "levitation", At: at, Session: "s"}, `unknown kind "levitation"`},
		{"an escape in a kind", Record{V: 1, Kind: "\x1b[2J", At: at, Session: "s"}, `unknown kind "\x1b[2J"`},
		{"an assessment", Record{V: 1, Kind: "assessment", At: at, Session: "s", Score: ptr(2500)}, ""},
		{"an assessment in 2099", Record{V: 1, Kind: "assessment", At: time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC), Session: "s"}, "more than a day ahead"},
		{"just before 2000", set(func(r *Record) { r.At = Earliest.Add(-time.Nanosecond) }), "before 2000"},
		{"1970", set(func(r *Record) { r.At = time.Unix(0, 0) }), "dated 1970-01-01T00:00:00Z, before 2000"},
		{"at 2000", set(func(r *Record) { r.At = Earliest }), ""},
		{"a day ahead", set(func(r *Record) { r.At = now.Add(Ahead) }), ""},
		{"a day and a second ahead", set(func(r *Record) { r.At = now.Add(Ahead + time.Second) }), "more than a day ahead"},
		{"2099", set(func(r *Record) { r.At = time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC) }), "dated 2099-01-01T00:00:00Z, more than a day ahead"},
	}
	for _, c := range cases {
		got := c.rec.Check(now)
		switch {
		case c.want == "" && got != "":
			t.Errorf("%s: refused: %s", c.name, got)
		case c.want != "" && !strings.Contains(got, c.want):
			t.Errorf("%s: %q, want it to say %q", c.name, got, c.want)
		case c.want != "" && !strings.HasPrefix(got, "skipped "):
			t.Errorf("%s: %q does not say it was skipped", c.name, got)
		}
	}
}

// The reader skips impossible records with a warning that names their
// line, and keeps the rest.
func TestReadSkipsImpossibleValues(t *testing.T) {
	good := `{"v":1,"kind":"set","at":"2026-01-05T09:00:00Z","session":"s","exercise":"x","set":1,"target":8,"achieved":8,"effort":2}`
	file := strings.Join([]string{
		good,
		`{"v":1,"kind":"set","at":"2026-01-05T09:00:01Z","session":"s","exercise":"x","set":1,"target":8,"achieved":-50,"effort":2}`,
		`{"v":1,"kind":"exercise_end","at":"2026-01-05T09:00:02Z","session":"s","exercise":"x","pain":9999}`,
		`{"v":1,"kind":"set","at":"2026-01-05T09:00:03Z","session":"s","exercise":"x","set":1,"target":8,"achieved":8,"effort":99}`,
		`{"v":1,"kind":"teleport","at":"2026-01-05T09:00:04Z","session":"s"}`,
		`{"v":1,"kind":"adjust","at":"2026-01-05T09:00:05Z","session":"a","exercise":"x","rung":{"sets":1000000,"level":9999,"value":8}}`,
		`{"v":1,"kind":"session_start","at":"2099-01-05T09:00:00Z","session":"f"}`,
		`{"v":1,"kind":"session_start","at":"1999-12-31T23:59:59Z","session":"p"}`,
		good,
	}, "\n") + "\n"
	recs, warns, err := ReadFrom(strings.NewReader(file), "j")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Line != 1 || recs[1].Line != 9 {
		t.Fatalf("kept %d records, want lines 1 and 9: %+v", len(recs), recs)
	}
	want := []string{"j:2: skipped a set with -50 done", "j:3: skipped an exercise end with pain 9999", "j:4: skipped a set with effort 99",
		`j:5: skipped a record of an unknown kind "teleport"`, "j:6: skipped a therapist's adjust with a rung of 1000000 sets",
		"j:7: skipped a record dated 2099-01-05T09:00:00Z", "j:8: skipped a record dated 1999-12-31T23:59:59Z"}
	if len(warns) != len(want) {
		t.Fatalf("warnings %v, want %d", warns, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(warns[i].String(), w) {
			t.Errorf("warning %d = %q, want %q...", i+1, warns[i], w)
		}
	}
}
