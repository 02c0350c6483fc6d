package coach

import (
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"limber/exercises"
	"limber/journal"
)

const replayLib = `category: strengthening
exercises:
  - id: heel-raises
    name: Heel raises
    dose: {kind: reps, sets: 2, reps: 8}
    progression: {reps: {min: 8, max: 10}, sets: {max: 3}}
  - id: calf-stretch
    name: Calf stretch
    category: stretching
    dose: {kind: hold, sets: 2, hold: 15s}
    progression: {hold: {min: 10s, max: 30s, step: 5s}}
routines:
  - id: daily
    name: Daily
    exercises: [{id: heel-raises, dose: {sets: 1, reps: 9}}, calf-stretch]
`

func testLibrary(t testing.TB) *exercises.Library {
	t.Helper()
	lib, errs := exercises.Load(exercises.Source{FS: fstest.MapFS{"a.yaml": {Data: []byte(replayLib)}}, Root: ".", Label: "lib"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

// day builds the records of one session in which every exercise is done
// at its given rung with the same effort and pain.
type done struct {
	id       string
	rung     exercises.Rung
	achieved []int
	effort   int
	pain     int
}

func session(at time.Time, id string, baseline int, settled *bool, work ...done) []journal.Record {
	b := baseline
	recs := []journal.Record{{Kind: journal.KindSessionStart, At: at, Session: id, Routine: "daily", Baseline: &b, Settled: settled}}
	for _, w := range work {
		for i, a := range w.achieved {
			rg := w.rung
			recs = append(recs, journal.Record{Kind: journal.KindSet, At: at, Session: id, Routine: "daily", Exercise: w.id,
				Set: i + 1, Rung: &rg, Target: w.rung.Value, Achieved: a, Effort: w.effort})
		}
		pain := w.pain
		recs = append(recs, journal.Record{Kind: journal.KindExerciseEnd, At: at, Session: id, Routine: "daily", Exercise: w.id, Pain: &pain})
	}
	return append(recs, journal.Record{Kind: journal.KindSessionEnd, At: at, Session: id, Outcome: "finished"})
}

func bp(b bool) *bool { return &b }

func TestReplay(t *testing.T) {
	lib := testLibrary(t)
	t0 := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	var recs []journal.Record
	// Two easy sessions: heel raises climb from the routine's 1 × 9 to 1 × 10 reps.
	recs = append(recs, session(t0, "s1", 0, nil, done{"heel-raises", rg(1, 1, 9), []int{9}, 2, 1})...)
	recs = append(recs, session(t0.AddDate(0, 0, 1), "s2", 0, bp(true), done{"heel-raises", rg(1, 1, 9), []int{9}, 1, 0})...)
	p := Replay(lib, recs)
	st, ok := p.State("heel-raises")
	if !ok || st.Rung != (rg(1, 1, 10)) || st.Streak != 0 || st.Start != (rg(1, 1, 9)) || len(st.Moves) != 1 {
		t.Fatalf("after two easy sessions: %+v", st)
	}
	// A painful third session: safety steps down and flags.
	recs = append(recs, session(t0.AddDate(0, 0, 2), "s3", 1, bp(true),
		done{"heel-raises", rg(1, 1, 10), []int{10}, 3, 6},
		done{"calf-stretch", rg(2, 1, 15), []int{15, 15}, 2, 2})...)
	p = Replay(lib, recs)
	st, _ = p.State("heel-raises")
	if st.Rung != (rg(1, 1, 9)) || len(p.Flags) != 1 || p.Flags[0].Kind != "safety" {
		t.Fatalf("after pain 6: %+v flags %+v", st, p.Flags)
	}
	// Next morning the pain had not settled: calf stretch steps down; heel
	// raises, already stepped down by its own decision, does not again.
	recs = append(recs, journal.Record{Kind: journal.KindSessionStart, At: t0.AddDate(0, 0, 3), Session: "s4", Routine: "daily", Settled: bp(false)})
	p = Replay(lib, recs)
	st, _ = p.State("heel-raises")
	cs, _ := p.State("calf-stretch")
	if st.Rung != (rg(1, 1, 9)) || cs.Rung != (rg(2, 1, 10)) {
		t.Fatalf("after not settled: heel %+v calf %+v", st.Rung, cs.Rung)
	}
	if len(p.Flags) != 2 || p.Flags[1].Kind != "not-settled" || p.Flags[1].Exercise != "calf-stretch" {
		t.Fatalf("flags: %+v", p.Flags)
	}
	// A therapist's adjust places the patient anywhere on the ladder.
	recs = append(recs, journal.Record{Kind: journal.KindAdjust, At: t0.AddDate(0, 0, 4), Session: "adj", Exercise: "heel-raises", Rung: rgp(3, 1, 8)})
	p = Replay(lib, recs)
	st, _ = p.State("heel-raises")
	if st.Rung != (rg(3, 1, 8)) || st.Last.Reason != "Your therapist set heel raises to 3 × 8 reps." {
		t.Fatalf("after adjust: %+v %q", st.Rung, st.Last.Reason)
	}
	// The plan reads the replayed state.
	rt, _ := lib.Routine("daily")
	plan := p.Plan(rt)
	if len(plan) != 2 || plan[0].Dose.Sets != 3 || plan[0].Dose.Reps != 8 || plan[1].Dose.Hold != 10*time.Second || !plan[1].Flag {
		t.Fatalf("plan: %+v", plan)
	}
	if len(p.Sessions) != 4 || p.Sessions[2].Baseline == nil || *p.Sessions[2].Baseline != 1 || len(p.Sessions[2].Exercises) != 2 {
		t.Fatalf("sessions: %+v", p.Sessions)
	}
}

func TestReplaySkipsDemoAndUnknown(t *testing.T) {
	lib := testLibrary(t)
	t0 := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	recs := session(t0, "d1", 0, nil, done{"heel-raises", rg(1, 1, 9), []int{3}, 5, 9})
	recs[0].Demo = true
	recs = append(recs, session(t0, "s1", 0, nil, done{"gone-exercise", rg(1, 1, 9), []int{9}, 2, 0})...)
	p := Replay(lib, recs)
	if _, ok := p.State("heel-raises"); ok {
		t.Error("a demo session changed the state")
	}
	if p.Unknown["gone-exercise"] != 2 { // its set and its exercise end
		t.Errorf("unknown = %v", p.Unknown)
	}
	if len(p.Warnings) != 1 || p.Warnings[0].Msg != `"gone-exercise" is not in the library: its 2 record(s) move no rung (the first is on this line)` {
		t.Errorf("warnings %v", p.Warnings)
	}
	// Its session was done all the same.
	if s := p.Sessions[0]; len(p.Sessions) != 1 || !s.Counts() || !slices.Equal(s.Exercises, []string{"gone-exercise"}) {
		t.Errorf("the session of an exercise since removed: %+v", s)
	}
	rt, _ := lib.Routine("daily")
	if plan := p.Plan(rt); plan[0].Dose.Rung() != (rg(1, 1, 9)) || plan[0].Reason != "Your starting dose." {
		t.Errorf("plan without history: %+v", plan[0])
	}
}

func rg(sets, level, value int) exercises.Rung {
	return exercises.Rung{Sets: sets, Level: level, Value: value}
}

func rgp(sets, level, value int) *exercises.Rung { r := rg(sets, level, value); return &r }
