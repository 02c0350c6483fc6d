package coach

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"limber/exercises"
	"limber/journal"
)

const scenarioLib = `category: strengthening
exercises:
  - id: heel-raises
    name: Heel raises
    dose: {kind: reps, sets: 2, reps: 8}
    progression: {reps: {min: 8, max: 10}}
  - id: sit-to-stand
    name: Sit to stand
    dose: {kind: reps, sets: 1, reps: 5}
    levels: [Hands on the chair arms, Arms crossed, Holding a weight]
    progression: {reps: {min: 5, max: 6}, gate: 2}
  - id: wall-push
    name: Wall push-ups
    dose: {kind: reps, sets: 1, reps: 8}
    progression: {reps: {min: 8, max: 10}}
    rules: {progress: {min_days: 7}}
  - id: step-ups
    name: Step-ups
    position: standing
    dose: {kind: reps, sets: 2, reps: 6, sides: both}
    progression: {reps: {min: 6, max: 8}}
routines:
  - id: daily
    name: Daily
    exercises: [heel-raises, wall-push, step-ups]
`

func scenarioLibrary(t testing.TB) *exercises.Library {
	t.Helper()
	lib, errs := exercises.Load(exercises.Source{FS: fstest.MapFS{"a.yaml": {Data: []byte(scenarioLib)}}, Root: ".", Label: "lib"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

// diary is a journal written the way limber log writes it: each call one
// session of one exercise, at the rung the replay gives, with its decision.
type diary struct {
	t    *testing.T
	lib  *exercises.Library
	recs []journal.Record
}

func (d *diary) progress() *Progress { return Replay(d.lib, d.recs) }

// log is limber log EXERCISE --done ... --effort E --pain P [--baseline B]
// --at AT, through Progress.Log; baseline -1 leaves it out. It returns the
// decision log prints, and checks the replay reaches the same.
func (d *diary) log(id string, at time.Time, done []int, effort, pain, baseline int) exercises.Decision {
	d.t.Helper()
	x, ok := d.lib.Exercise(id)
	if !ok {
		d.t.Fatalf("no exercise %s", id)
	}
	var b *int
	if baseline >= 0 {
		b = &baseline
	}
	recs, dec := d.progress().Log(x, at, done, effort, pain, b, nil)
	d.recs = append(d.recs, recs...)
	st, _ := d.progress().State(id)
	if st.Rung != dec.To || st.Streak != dec.Streak || st.Last.Reason != dec.Reason {
		d.t.Fatalf("log said %v streak %d %q; the replay has %v streak %d %q", dec.To, dec.Streak, dec.Reason, st.Rung, st.Streak, st.Last.Reason)
	}
	return dec
}

var day0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) // a Monday

func on(days int) time.Time { return day0.AddDate(0, 0, days) }

func flagsOf(p *Progress, kind string) []Flag {
	var out []Flag
	for _, f := range p.Flags {
		if f.Kind == kind {
			out = append(out, f)
		}
	}
	return out
}

// The rules read pain against the usual pain, as limber log --baseline
// records it; the replay agrees with what log printed.
func TestScenarioUsualPain(t *testing.T) {
	lib := scenarioLibrary(t)
	rung := func(p *Progress, id string) exercises.Rung { st, _ := p.State(id); return st.Rung }

	t.Run("usual 6, pain 6 after two easy sessions goes up, unflagged", func(t *testing.T) {
		d := &diary{t: t, lib: lib}
		d.log("heel-raises", on(0), []int{8, 8}, 2, 6, 6)
		dec := d.log("heel-raises", on(1), []int{8, 8}, 1, 6, 6)
		p := d.progress()
		if got := rung(p, "heel-raises"); got != (exercises.Rung{Sets: 2, Level: 1, Value: 9}) || dec.Move != exercises.Up {
			t.Errorf("rung %v, decision %+v", got, dec)
		}
		if len(p.Flags) != 0 {
			t.Errorf("flags: %+v", p.Flags)
		}
	})
	t.Run("usual 6, pain 8 steps down, flagged", func(t *testing.T) {
		d := &diary{t: t, lib: lib}
		d.log("heel-raises", on(0), []int{8, 8}, 2, 1, 0)
		d.log("heel-raises", on(1), []int{8, 8}, 2, 1, 0) // up to 2 × 9
		dec := d.log("heel-raises", on(2), []int{9, 9}, 2, 8, 6)
		p := d.progress()
		fs := flagsOf(p, FlagSafety)
		if rung(p, "heel-raises") != (exercises.Rung{Sets: 2, Level: 1, Value: 8}) || len(fs) != 1 ||
			fs[0].Reason != "Pain rose from your usual 6 to 8: down to 2 × 8 reps for heel raises. Your therapist will see this." ||
			dec.Reason != fs[0].Reason {
			t.Errorf("rung %v, flags %+v, log said %q", rung(p, "heel-raises"), p.Flags, dec.Reason)
		}
	})
	t.Run("usual 0, pain 5 holds", func(t *testing.T) {
		d := &diary{t: t, lib: lib}
		d.log("heel-raises", on(0), []int{8, 8}, 2, 1, 0)
		d.log("heel-raises", on(1), []int{8, 8}, 2, 5, 0)
		p := d.progress()
		st, _ := p.State("heel-raises")
		if st.Rung != (exercises.Rung{Sets: 2, Level: 1, Value: 8}) || st.Streak != 0 || len(p.Flags) != 0 ||
			st.Last.Reason != "Good work: 2 × 8 reps again for heel raises." {
			t.Errorf("state %+v %q flags %+v", st.State, st.Last.Reason, p.Flags)
		}
	})
	t.Run("usual 2, pain 6 steps down", func(t *testing.T) {
		d := &diary{t: t, lib: lib}
		d.log("heel-raises", on(0), []int{8, 8}, 2, 1, 2)
		d.log("heel-raises", on(1), []int{8, 8}, 2, 1, 2) // up to 2 × 9
		d.log("heel-raises", on(2), []int{9, 9}, 2, 6, 2)
		p := d.progress()
		fs := flagsOf(p, FlagSafety)
		if rung(p, "heel-raises") != (exercises.Rung{Sets: 2, Level: 1, Value: 8}) || len(fs) != 1 ||
			!strings.HasPrefix(fs[0].Reason, "Pain was 6 out of 10: down to") {
			t.Errorf("rung %v flags %+v", rung(p, "heel-raises"), p.Flags)
		}
	})
	t.Run("no usual pain given reads as 0", func(t *testing.T) {
		d := &diary{t: t, lib: lib}
		d.log("heel-raises", on(0), []int{8, 8}, 2, 6, -1)
		if fs := flagsOf(d.progress(), FlagSafety); len(fs) != 1 || !strings.HasPrefix(fs[0].Reason, "Pain was 6 out of 10") {
			t.Errorf("flags %+v", fs)
		}
	})
}

// A gated exercise climbs to the top of the level below its gate, waits
// there as ready (flagged once, not as a safety matter) until a therapist's
// adjust, and climbs on from there.
func TestScenarioGate(t *testing.T) {
	lib := scenarioLibrary(t)
	d := &diary{t: t, lib: lib}
	x, _ := lib.Exercise("sit-to-stand")
	day := 0
	easy := func() exercises.Decision {
		day++
		dose, _ := d.progress().Now(x, x.Dose)
		return d.log("sit-to-stand", on(day), []int{dose.Reps}, 1, 0, 0)
	}
	easy()
	easy() // 1 × 6 at level 1: the last rung below the gate
	p := d.progress()
	if st, _ := p.State("sit-to-stand"); st.Rung != (exercises.Rung{Sets: 1, Level: 1, Value: 6}) || p.Waiting("sit-to-stand") {
		t.Fatalf("before the gate: %+v waiting %v", st.State, p.Waiting("sit-to-stand"))
	}
	easy()
	dec := easy()
	p = d.progress()
	st, _ := p.State("sit-to-stand")
	item := p.PlanExercise(x, x.Dose)
	const ready = "Ready for the next level: ask your therapist. Until then, level 1 (Hands on the chair arms), 1 × 6 reps again for sit to stand."
	if st.Rung != (exercises.Rung{Sets: 1, Level: 1, Value: 6}) || !dec.Ready || !p.Waiting("sit-to-stand") || !item.Gate ||
		item.Flag || item.Reason != ready {
		t.Fatalf("at the gate: %+v decision %+v plan %+v", st.State, dec, item)
	}
	if fs := flagsOf(p, FlagReady); len(fs) != 1 || fs[0].Exercise != "sit-to-stand" || len(flagsOf(p, FlagSafety)) != 0 {
		t.Fatalf("flags %+v", p.Flags)
	}
	// More easy sessions: still waiting, no second ready flag.
	easy()
	easy()
	easy()
	p = d.progress()
	if st, _ := p.State("sit-to-stand"); st.Rung.Level != 1 || !p.Waiting("sit-to-stand") || len(flagsOf(p, FlagReady)) != 1 {
		t.Fatalf("still at the gate: %+v flags %+v", st.State, p.Flags)
	}
	// The therapist opens the gate.
	d.recs = append(d.recs, journal.Record{Kind: journal.KindAdjust, At: on(day).Add(time.Hour), Session: "adj", Exercise: "sit-to-stand",
		Rung: &exercises.Rung{Sets: 1, Level: 2, Value: 5}})
	p = d.progress()
	if p.Waiting("sit-to-stand") || p.PlanExercise(x, x.Dose).Gate {
		t.Fatal("still waiting after the adjust")
	}
	easy()
	easy()
	easy()
	easy()
	if st, _ := d.progress().State("sit-to-stand"); st.Rung != (exercises.Rung{Sets: 1, Level: 3, Value: 5}) {
		t.Fatalf("past the gate the rules climb: %+v", st.State)
	}
}

// progress.min_days 7: a rung is held 7 days, by date, before it goes up.
func TestScenarioMinDays(t *testing.T) {
	lib := scenarioLibrary(t)
	for _, c := range []struct {
		third int
		up    bool
	}{{6, false}, {7, true}, {8, true}} {
		d := &diary{t: t, lib: lib}
		d.log("wall-push", on(0), []int{8}, 1, 0, 0)
		second := d.log("wall-push", on(1).Add(3*time.Hour), []int{8}, 1, 0, 0)
		if second.Move != exercises.Stay || second.Streak != 2 {
			t.Fatalf("two easy sessions a day apart moved: %+v", second)
		}
		third := d.log("wall-push", on(c.third).Add(-2*time.Hour), []int{8}, 1, 0, 0) // earlier in the day than the first
		st, _ := d.progress().State("wall-push")
		if (third.Move == exercises.Up) != c.up || (st.Rung.Value == 9) != c.up {
			t.Errorf("day %d: decision %+v, rung %v", c.third, third, st.Rung)
		}
	}
	// The new rung starts its own 7 days.
	d := &diary{t: t, lib: lib}
	d.log("wall-push", on(0), []int{8}, 1, 0, 0)
	d.log("wall-push", on(1), []int{8}, 1, 0, 0)
	d.log("wall-push", on(7), []int{8}, 1, 0, 0) // up to 9
	d.log("wall-push", on(8), []int{9}, 1, 0, 0)
	if st, _ := d.progress().State("wall-push"); st.Rung.Value != 9 || st.Since != on(7) {
		t.Fatalf("new rung: %+v", st.State)
	}
	if dec := d.log("wall-push", on(13), []int{9}, 1, 0, 0); dec.Move != exercises.Stay {
		t.Errorf("6 days on the new rung moved: %+v", dec)
	}
	if dec := d.log("wall-push", on(14), []int{9}, 1, 0, 0); dec.Move != exercises.Up {
		t.Errorf("7 days on the new rung did not move: %+v", dec)
	}
}

// The next-morning question is asked only after a session that raised
// pain, on a later day, once; not settled steps each exercise down once.
func TestScenarioNextMorning(t *testing.T) {
	lib := scenarioLibrary(t)
	d := &diary{t: t, lib: lib}
	d.log("heel-raises", on(0), []int{8, 8}, 2, 3, 3) // pain no higher than usual
	if d.progress().NeedsNextMorning(on(1)) {
		t.Fatal("asked after a session that did not raise pain")
	}
	d.log("heel-raises", on(1), []int{8, 8}, 2, 4, 3) // raised by 1: calm, but raised
	p := d.progress()
	if !p.LastSession().RaisedPain() || p.NeedsNextMorning(on(1).Add(5*time.Hour)) || !p.NeedsNextMorning(on(2)) {
		t.Fatalf("raised %v, same day %v, next day %v", p.LastSession().RaisedPain(), p.NeedsNextMorning(on(1).Add(5*time.Hour)), p.NeedsNextMorning(on(2)))
	}
	before, _ := p.State("heel-raises")
	was := before.Rung
	// A session that did two exercises, one of them twice, and stepped
	// neither down.
	sid := "multi"
	at := on(2)
	b, pain := 3, 5
	r8 := exercises.Rung{Sets: 2, Level: 1, Value: was.Value}
	w8 := exercises.Rung{Sets: 1, Level: 1, Value: 8}
	d.recs = append(d.recs,
		journal.Record{Kind: journal.KindSessionStart, At: at, Session: sid, Routine: "daily", Baseline: &b, Settled: bp(true)},
		journal.Record{Kind: journal.KindSet, At: at, Session: sid, Exercise: "heel-raises", Set: 1, Rung: &r8, Target: r8.Value, Achieved: r8.Value, Effort: 3},
		journal.Record{Kind: journal.KindExerciseEnd, At: at, Session: sid, Exercise: "heel-raises", Pain: &pain},
		journal.Record{Kind: journal.KindSet, At: at, Session: sid, Exercise: "wall-push", Set: 1, Rung: &w8, Target: 8, Achieved: 8, Effort: 3},
		journal.Record{Kind: journal.KindExerciseEnd, At: at, Session: sid, Exercise: "wall-push", Pain: &b},
		journal.Record{Kind: journal.KindSet, At: at, Session: sid, Exercise: "heel-raises", Set: 1, Rung: &r8, Target: r8.Value, Achieved: r8.Value, Effort: 3},
		journal.Record{Kind: journal.KindExerciseEnd, At: at, Session: sid, Exercise: "heel-raises", Pain: &pain},
		journal.Record{Kind: journal.KindSessionEnd, At: at, Session: sid, Outcome: OutcomeFinished})
	p = d.progress()
	if p.NeedsNextMorning(on(2).Add(time.Hour)) {
		t.Fatal("the settled answer did not count for the session before")
	}
	if !p.NeedsNextMorning(on(3)) {
		t.Fatal("not asked after the two-exercise session that raised pain")
	}
	no := false
	d.recs = append(d.recs, journal.Record{Kind: journal.KindSessionStart, At: on(3), Session: "next", Baseline: &b, Settled: &no})
	p = d.progress()
	heel, _ := p.State("heel-raises")
	wall, _ := p.State("wall-push")
	down, _ := lib.Exercise("heel-raises")
	want, _ := down.Ladder.Down(was)
	if heel.Rung != want || wall.Rung != (exercises.Rung{Sets: 1, Level: 1, Value: 8}) { // wall-push is at the bottom already
		t.Fatalf("after not settled: heel %v (want %v), wall %v", heel.Rung, want, wall.Rung)
	}
	if fs := flagsOf(p, FlagNotSettled); len(fs) != 2 || fs[0].Exercise != "heel-raises" || fs[1].Exercise != "wall-push" {
		t.Fatalf("not-settled flags: %+v", fs)
	}
	// Answering again before any new work changes nothing.
	d.recs = append(d.recs, journal.Record{Kind: journal.KindSessionStart, At: on(3).Add(time.Hour), Session: "again", Baseline: &b, Settled: &no})
	p = d.progress()
	if heel2, _ := p.State("heel-raises"); heel2.Rung != want || len(flagsOf(p, FlagNotSettled)) != 2 || p.NeedsNextMorning(on(4)) {
		t.Fatalf("a second answer stepped down again: %v, %d flags", heel2.Rung, len(flagsOf(p, FlagNotSettled)))
	}
}

// An exercise its own decision stepped down is not stepped down again by
// the next-morning rule.
func TestNextMorningSparesOwnStepDown(t *testing.T) {
	lib := scenarioLibrary(t)
	d := &diary{t: t, lib: lib}
	d.log("heel-raises", on(0), []int{8, 8}, 1, 0, 0)
	d.log("heel-raises", on(1), []int{8, 8}, 1, 0, 0) // up to 2 × 9
	d.log("heel-raises", on(2), []int{9, 9}, 2, 8, 3) // flare: down to 2 × 8
	no, b := false, 3
	d.recs = append(d.recs, journal.Record{Kind: journal.KindSessionStart, At: on(3), Session: "n", Baseline: &b, Settled: &no})
	p := d.progress()
	if st, _ := p.State("heel-raises"); st.Rung.Value != 8 || len(flagsOf(p, FlagNotSettled)) != 0 || len(st.Moves) != 2 {
		t.Fatalf("%+v moves %d flags %+v", st.State, len(st.Moves), p.Flags)
	}
}
