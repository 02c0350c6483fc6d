package coach

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"limber/journal"
)

// lines writes recs as a journal file would hold them.
func lines(t *testing.T, recs ...journal.Record) []string {
	t.Helper()
	var out []string
	for _, r := range recs {
		r.V = journal.SchemaVersion
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// read reads a journal of these lines, as limber does.
func read(t *testing.T, ls []string) ([]journal.Record, []journal.Warning) {
	t.Helper()
	recs, warns, err := journal.ReadFrom(strings.NewReader(strings.Join(ls, "\n")+"\n"), "j")
	if err != nil {
		t.Fatal(err)
	}
	return recs, warns
}

// rawControl reports a character a terminal would act on.
func rawControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			return true
		}
	}
	return false
}

var t0 = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)

// A record repeated byte for byte counts once, with a warning naming the
// line it repeats; the plan is the one the journal gives without it.
func TestRepeatedRecordCountsOnce(t *testing.T) {
	lib := testLibrary(t)
	rt, _ := lib.Routine("daily")
	var clean []string
	for d := range 3 {
		clean = append(clean, lines(t, session(t0.AddDate(0, 0, d), fmt.Sprint("s", d), 0, bp(true),
			done{"heel-raises", rg(1, 1, 9), []int{9}, 2, 0}, done{"calf-stretch", rg(2, 1, 15), []int{15, 15}, 2, 0})...)...)
	}
	recs, _ := read(t, clean)
	want := Replay(lib, recs)

	// The second session twice over, as a copy-and-paste or a sync
	// tool might leave it: at the end of the file, and line by line.
	second := clean[7:14]
	twice := append(append([]string{}, clean...), second...)
	interleaved := append([]string{}, clean[:7]...)
	for _, l := range second {
		interleaved = append(interleaved, l, l)
	}
	interleaved = append(interleaved, clean[14:]...)
	for name, file := range map[string][]string{"at the end": twice, "line by line": interleaved} {
		recs, warns := read(t, file)
		if len(warns) != 0 {
			t.Fatalf("%s: reader warnings %v", name, warns)
		}
		got := Replay(lib, recs)
		if got.Duplicates != len(second) || len(got.Warnings) != len(second) {
			t.Fatalf("%s: %d duplicates, warnings %v; want %d", name, got.Duplicates, got.Warnings, len(second))
		}
		if w := got.Warnings[0]; !strings.HasPrefix(w.Msg, "skipped a repeat of the record on line 8") || w.Line <= 8 {
			t.Errorf("%s: first warning %v", name, w)
		}
		if !reflect.DeepEqual(got.Plan(rt), want.Plan(rt)) || len(got.Sessions) != 3 || got.Sessions[1].Sets != want.Sessions[1].Sets {
			t.Errorf("%s: the repeat changed the plan or the sessions:\n%+v\nwant\n%+v", name, got.Plan(rt), want.Plan(rt))
		}
		for _, id := range []string{"heel-raises", "calf-stretch"} {
			a, _ := got.State(id)
			b, _ := want.State(id)
			if a.Rung != b.Rung || a.Streak != b.Streak || a.Sessions != b.Sessions {
				t.Errorf("%s: %s is %+v, want %+v", name, id, a.State, b.State)
			}
		}
	}
	// Two records alike but for one field are two records.
	a := session(t0, "s", 0, nil, done{"heel-raises", rg(1, 1, 9), []int{9, 9}, 2, 0})
	if p := Replay(lib, a); p.Duplicates != 0 {
		t.Errorf("sets 1 and 2 of one session were taken for repeats")
	}
}

// A therapist's adjust to a rung that is not on the ladder is skipped with
// a warning naming its line; "your therapist set" never names it.
func TestAdjustOffTheLadderIsSkipped(t *testing.T) {
	lib := testLibrary(t)
	base := lines(t, session(t0, "s1", 0, nil, done{"heel-raises", rg(1, 1, 9), []int{9}, 2, 0})...)
	for _, tc := range []struct {
		name string
		rung string
		warn string // "" when the reader skips it
	}{
		{"level 4 of 1", `{"sets":1,"level":4,"value":9}`, `skipped a therapist's adjust of "heel-raises" to`},
		{"off the grid", `{"sets":1,"level":1,"value":11}`, `11 is not on its grid 8 to 10 by 1`},
		{"too many sets", `{"sets":4,"level":1,"value":9}`, `4 sets is outside 1 to 3`},
		{"level 9999, a million sets", `{"sets":1000000,"level":9999,"value":9}`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			adj := `{"v":1,"kind":"adjust","at":"2026-01-06T09:00:00Z","session":"a","exercise":"heel-raises","rung":` + tc.rung + `}`
			recs, rwarns := read(t, append(append([]string{}, base...), adj))
			p := Replay(lib, recs)
			st, _ := p.State("heel-raises")
			if st.Rung != rg(1, 1, 9) || len(st.Moves) != 0 || strings.Contains(st.Last.Reason, "therapist") {
				t.Errorf("the adjust was applied: %+v, %q", st.State, st.Last.Reason)
			}
			warns := append(rwarns, p.Warnings...)
			if len(warns) != 1 || warns[0].Line != 5 {
				t.Fatalf("warnings %v, want one on line 5", warns)
			}
			if tc.warn != "" && (!strings.Contains(warns[0].Msg, tc.warn) || p.OffLadder != 1) {
				t.Errorf("warning %q, want %q", warns[0].Msg, tc.warn)
			}
		})
	}
	// On the ladder, it is the therapist's.
	adj := `{"v":1,"kind":"adjust","at":"2026-01-06T09:00:00Z","session":"a","exercise":"heel-raises","rung":{"sets":2,"level":1,"value":10}}`
	recs, _ := read(t, append(append([]string{}, base...), adj))
	p := Replay(lib, recs)
	if st, _ := p.State("heel-raises"); st.Rung != rg(2, 1, 10) || st.Last.Reason != "Your therapist set heel raises to 2 × 10 reps." || len(p.Warnings) != 0 {
		t.Errorf("an adjust on the ladder: %+v %q %v", st.State, st.Last.Reason, p.Warnings)
	}
}

// Sets done at a rung the library no longer has: the plan moves to the
// ladder as it is, and the reason says the library changed, never that
// the therapist set it.
func TestClampedRungSaysTheLibraryChanged(t *testing.T) {
	lib := testLibrary(t)
	rt, _ := lib.Routine("daily")
	// Heel raises went up to 12 reps when these were done; they stop at 10
	// now. Then a therapist's adjust to 12 from those days.
	recs := session(t0, "s1", 0, nil, done{"heel-raises", rg(1, 1, 12), []int{12}, 2, 0})
	recs = append(recs, journal.Record{Kind: journal.KindAdjust, At: t0.AddDate(0, 0, 1), Session: "a", Exercise: "heel-raises", Rung: rgp(2, 1, 12)})
	p := Replay(lib, recs)
	st, _ := p.State("heel-raises")
	plan := p.Plan(rt)
	want := "Your library changed: Heel raises is now 1 × 10 reps, as 1 × 12 reps is no longer one of its steps."
	if st.Rung != rg(1, 1, 10) || plan[0].Reason != want {
		t.Fatalf("rung %v, reason %q, want %q", st.Rung, plan[0].Reason, want)
	}
	if strings.Contains(strings.ToLower(plan[0].Reason), "therapist") || len(p.Warnings) != 1 || p.OffLadder != 1 {
		t.Errorf("reason %q, warnings %v", plan[0].Reason, p.Warnings)
	}
	// A safety step-down keeps its own reason.
	recs = session(t0, "s1", 0, nil, done{"heel-raises", rg(1, 1, 12), []int{12}, 2, 7})
	p = Replay(lib, recs)
	if st, _ := p.State("heel-raises"); !st.Last.Flag || strings.Contains(st.Last.Reason, "library") {
		t.Errorf("a flagged decision lost its reason: %+v", st.Last)
	}
}

// Records of an exercise the library no longer has move no rung and give
// one warning at their first line; their sessions still count, a stop for
// pain still reaches the therapist, and they are named as recorded.
func TestRemovedExerciseKeepsItsName(t *testing.T) {
	lib := testLibrary(t)
	ls := lines(t,
		journal.Record{Kind: journal.KindSessionStart, At: t0, Session: "s", Routine: "daily"},
		journal.Record{Kind: journal.KindSet, At: t0, Session: "s", Exercise: "toe-taps", Name: "Toe taps", Unit: "reps", Set: 1, Rung: rgp(1, 1, 5), Target: 5, Achieved: 5, Effort: 2},
		journal.Record{Kind: journal.KindExerciseEnd, At: t0, Session: "s", Exercise: "toe-taps", Name: "Toe taps", Unit: "reps", Pain: ptr(8), Stopped: true},
		journal.Record{Kind: journal.KindSessionEnd, At: t0, Session: "s", Outcome: "stopped"},
	)
	recs, _ := read(t, ls)
	p := Replay(lib, recs)
	if len(p.Warnings) != 1 || p.Warnings[0].Line != 2 ||
		p.Warnings[0].Msg != `"toe-taps" (Toe taps) is not in the library: its 2 record(s) move no rung (the first is on this line)` {
		t.Errorf("warnings %v", p.Warnings)
	}
	if len(p.Sessions) != 1 || !p.Sessions[0].Counts() || p.ExerciseName("toe-taps") != "Toe taps" {
		t.Errorf("sessions %+v, name %q", p.Sessions, p.ExerciseName("toe-taps"))
	}
	if len(p.Flags) != 1 || p.Flags[0].Kind != FlagStop || p.Flags[0].Reason != "Stopped for pain during Toe taps." {
		t.Errorf("flags %+v", p.Flags)
	}
	if _, ok := p.State("toe-taps"); ok {
		t.Error("an exercise the library lacks has a rung")
	}
}

// Words from the journal reach the Progress cleaned of control and escape
// characters: the report and the coach's screens show them.
func TestReplayCleansTheJournalsWords(t *testing.T) {
	lib := testLibrary(t)
	osc52 := "\x1b]52;c;aGVsbG8=\x07"
	clr := "\x1b[2J"
	recs := []journal.Record{
		{Kind: journal.KindSessionStart, At: t0, Session: "s" + clr, Routine: "daily" + osc52, Baseline: ptr(0),
			Answers: &journal.Answers{RedFlags: []string{"chest-pain", "new" + osc52}, GlucoseUnit: clr, Today: clr, Resumes: osc52}},
		{Kind: journal.KindFlare, At: t0, Session: "s" + clr, Exercise: "heel-raises", Set: 1, Side: clr, Pain: ptr(9)},
		{Kind: journal.KindSet, At: t0, Session: "s" + clr, Exercise: osc52, Name: "Gone" + clr, Set: 1, Side: clr, Rung: rgp(1, 1, 9), Target: 9, Achieved: 9, Effort: 2},
		{Kind: journal.KindExerciseEnd, At: t0, Session: "s" + clr, Exercise: osc52, Pain: ptr(9), Stopped: true},
		{Kind: journal.KindSessionEnd, At: t0, Session: "s" + clr, Outcome: "quit" + osc52},
	}
	p := Replay(lib, recs)
	var words []string
	for _, s := range p.Sessions {
		words = append(words, s.ID, s.Routine, s.Unit, s.Today, s.Resumes, s.Outcome)
		words = append(words, s.RedFlags...)
		words = append(words, s.Exercises...)
	}
	for _, f := range p.Flags {
		words = append(words, f.Session, f.Exercise, f.Reason)
	}
	for id := range p.Unknown {
		words = append(words, id, p.ExerciseName(id))
	}
	for _, w := range p.Warnings {
		words = append(words, w.String())
	}
	if len(p.Flags) < 3 {
		t.Fatalf("flags %+v, want the red flag, the flare and the stop", p.Flags)
	}
	for _, w := range words {
		if rawControl(w) {
			t.Errorf("%q reached the Progress raw", w)
		}
	}
	if recs[0].Answers.RedFlags[1] != "new"+osc52 {
		t.Error("cleaning changed the caller's records")
	}
}

// A record dated more than a day ahead is never applied: a 2099 session
// would otherwise count toward a streak, and stay the latest for ever.
func TestFutureRecordIsSkipped(t *testing.T) {
	lib := testLibrary(t)
	rt, _ := lib.Routine("daily")
	clean := session(t0, "s1", 0, nil, done{"heel-raises", rg(1, 1, 9), []int{9}, 2, 0})
	want := Replay(lib, clean).Plan(rt)
	future := session(time.Date(2099, 1, 1, 9, 0, 0, 0, time.UTC), "f", 0, nil, done{"heel-raises", rg(1, 1, 9), []int{9}, 1, 0})
	p := Replay(lib, append(clean, future...))
	if !reflect.DeepEqual(p.Plan(rt), want) || len(p.Sessions) != 1 || p.Implausible != len(future) {
		t.Errorf("a 2099 session was applied: %+v (implausible %d)", p.Plan(rt), p.Implausible)
	}
	if len(p.Warnings) != len(future) || !strings.Contains(p.Warnings[0].Msg, "more than a day ahead") {
		t.Errorf("warnings %v", p.Warnings)
	}
}

// limber log's records carry the exercise's name and unit as they are.
func TestLogRecordsNameAndUnit(t *testing.T) {
	lib := testLibrary(t)
	p := Replay(lib, nil)
	for _, id := range []string{"heel-raises", "calf-stretch"} {
		e, _ := lib.Exercise(id)
		recs, _ := p.Log(e, t0, []int{8, 8}, 2, 1, nil, nil)
		for _, r := range recs {
			named := r.Kind == journal.KindSet || r.Kind == journal.KindExerciseEnd
			if named && (r.Name != e.Name || r.Unit != e.Dose.Kind.Unit()) || !named && (r.Name != "" || r.Unit != "") {
				t.Errorf("%s %s: name %q unit %q", id, r.Kind, r.Name, r.Unit)
			}
		}
		var b bytes.Buffer
		json.NewEncoder(&b).Encode(recs[1])
		if want := fmt.Sprintf(`"exercise":%q,"name":%q,"unit":%q`, id, e.Name, e.Dose.Kind.Unit()); !strings.Contains(b.String(), want) {
			t.Errorf("the line is %s, want %s", b.String(), want)
		}
	}
}

func ptr[T any](v T) *T { return &v }
