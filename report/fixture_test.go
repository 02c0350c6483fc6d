package report

import (
	"sync"
	"testing"
	"time"

	"limber/coach"
	"limber/content"
	"limber/exercises"
	"limber/journal"
	"limber/profile"
)

// fixtureNow is when the fixture's report is made: a Thursday.
var fixtureNow = time.Date(2026, 3, 5, 18, 0, 0, 0, time.UTC)

// fixtureProfile is who the fixture is about: a woman of 72 (her chair
// stand norm is the one for women 70-74, below 10).
var fixtureProfile = &profile.Profile{Name: "Ann Lee", Born: 1954, Sex: "F", Clinician: "Dr Rao"}

// fixtureInput is the fixture as a report's input, with the profile.
func fixtureInput(t testing.TB) Input {
	lib, _, p := fixture(t)
	return Input{Lib: lib, Progress: p, Profile: fixtureProfile, Now: fixtureNow}
}

// fixture is the built-in library and a fixed month and a half of
// sessions: feet-daily most days, balance-3x on Mondays and Fridays, with
// one painful day, one unsettled next morning, a red flag (a fall and a
// foot wound), an older red flag that does not say which, one stop, a
// feet-daily session left part-way on a rest day, a therapist's adjust
// with a note, hands-daily logged exercise by exercise (all of it on one
// day, three exercises on each of two more), and outcome measures: the
// chair stand below the norm, then in it, and the balance test.
func fixture(t testing.TB) (*exercises.Library, []journal.Record, *coach.Progress) {
	t.Helper()
	fixtureOnce.Do(func() { fixLib, fixRecs, fixErr = buildFixture() })
	if fixErr != nil {
		t.Fatal(fixErr)
	}
	return fixLib, fixRecs, coach.Replay(fixLib, fixRecs)
}

var (
	fixtureOnce sync.Once
	fixLib      *exercises.Library
	fixRecs     []journal.Record
	fixErr      error
)

func buildFixture() (*exercises.Library, []journal.Record, error) {
	lib, errs := exercises.Load(exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"})
	if len(errs) > 0 {
		return nil, nil, errs[0]
	}
	var recs []journal.Record
	state := map[string]exercises.Rung{}
	day0 := fixtureNow.AddDate(0, 0, -45)
	for d := 0; d < 45; d++ {
		at := time.Date(day0.Year(), day0.Month(), day0.Day()+d, 9, 0, 0, 0, time.UTC)
		if d%7 == 3 { // a rest day each week; on one, a session left part-way
			if d == 38 {
				recs = append(recs, partWay(lib, at)...)
			}
			continue
		}
		routines := []string{"feet-daily"}
		if at.Weekday() == time.Monday || at.Weekday() == time.Friday {
			routines = append(routines, "balance-3x")
		}
		for ri, rid := range routines {
			at := at.Add(time.Duration(ri) * 2 * time.Hour)
			sid := at.Format("20060102T1504") + "-" + rid
			baseline := 3 - d/15
			if d == 20 {
				baseline = 5
			}
			b := baseline
			start := journal.Record{Kind: journal.KindSessionStart, At: at, Session: sid, Routine: rid, Baseline: &b}
			if d == 21 && ri == 0 {
				no := false
				start.Settled = &no
			}
			if d == 30 && ri == 0 {
				start = coach.CheckIn{Baseline: b, RedFlags: []coach.RedFlag{coach.Fall, coach.FootWound}}.Record(at, sid, rid)
				recs = append(recs, start, journal.Record{Kind: journal.KindSessionEnd, At: at, Session: sid, Routine: rid, Outcome: "red_flag"})
				continue
			}
			if d == 9 && ri == 0 { // an older record: one red-flag answer, no names
				yes := true
				start.RedFlag = &yes
				recs = append(recs, start, journal.Record{Kind: journal.KindSessionEnd, At: at, Session: sid, Routine: rid, Outcome: "red_flag"})
				continue
			}
			recs = append(recs, start)
			rt, _ := lib.Routine(rid)
			for xi, it := range rt.Items {
				x, _ := lib.Exercise(it.ID)
				rung, ok := state[x.ID]
				if !ok {
					rung = it.Start.Rung()
				}
				effort, pain := 2, 1
				if d == 20 && xi == 0 {
					pain = 6
				}
				stopped := d == 40 && rid == "feet-daily" && xi == 2
				if stopped {
					pain = 7
				}
				for s := 1; s <= rung.Sets; s++ {
					sides := []string{""}
					if it.Start.Sides == 2 {
						sides = []string{"left", "right"}
					}
					for _, side := range sides {
						rg := rung
						recs = append(recs, journal.Record{Kind: journal.KindSet, At: at, Session: sid, Routine: rid, Exercise: x.ID,
							Set: s, Side: side, Rung: &rg, Target: rung.Value, Achieved: rung.Value, Effort: effort})
					}
				}
				p := pain
				var score *int
				if x.Score != nil {
					sc := x.Score.OutOf * 9 / 10
					score = &sc
				}
				recs = append(recs, journal.Record{Kind: journal.KindExerciseEnd, At: at, Session: sid, Routine: rid, Exercise: x.ID,
					Pain: &p, Score: score, Stopped: stopped})
				// Keep the fixture's rungs in step with the rules.
				prog := coach.Replay(lib, recs)
				if st, ok := prog.State(x.ID); ok {
					state[x.ID] = st.Rung
				}
				if stopped {
					break
				}
			}
			recs = append(recs, journal.Record{Kind: journal.KindSessionEnd, At: at, Session: sid, Routine: rid, Outcome: "finished"})
		}
		evening := time.Date(at.Year(), at.Month(), at.Day(), 19, 0, 0, 0, time.UTC)
		switch d {
		case 5:
			recs = append(recs, assessed(lib, "chair-stand-30s", evening, 9))
		case 40:
			recs = append(recs, assessed(lib, "chair-stand-30s", evening, 11), assessed(lib, "balance-4-stage", evening.Add(time.Minute), 2))
		case 42:
			recs = logged(lib, recs, evening, "wrist-circles", "forearm-turns", "tendon-gliding", "median-nerve-glide", "thumb-touches",
				"finger-spreads", "button-practice", "wrist-flexor-stretch", "wrist-extensor-stretch")
		case 43, 44:
			recs = logged(lib, recs, evening, "wrist-circles", "forearm-turns", "finger-spreads")
		}
		if d == 44 {
			// The therapist eases calf stretches at the wall by one step.
			x, _ := lib.Exercise("calf-stretch-wall")
			st, _ := coach.Replay(lib, recs).State(x.ID)
			to, _ := x.Ladder.Down(st.Rung)
			at := evening.Add(time.Hour)
			dec := exercises.Adjusted(x, st.State, to)
			recs = append(recs, journal.Record{Kind: journal.KindAdjust, At: at, Session: "adjust-" + at.Format("0102"), Exercise: x.ID,
				Rung: &to, Note: "Easier until the heel pain settles; see 10 Mar.", Decision: &journal.Decision{From: dec.From, To: dec.To, Reason: dec.Reason}})
		}
	}
	return lib, recs, nil
}

// assessed is an outcome measure's result, as the coach records it, with
// the fixture's age and sex.
func assessed(lib *exercises.Library, id string, at time.Time, result int) journal.Record {
	a, _ := lib.Assessment(id)
	age, _ := fixtureProfile.Age(at)
	return coach.AssessmentRecord(a, at, result, age, fixtureProfile.Sex)
}

// logged records exercises one by one, as limber log does: a session each.
func logged(lib *exercises.Library, recs []journal.Record, at time.Time, ids ...string) []journal.Record {
	for i, id := range ids {
		x, _ := lib.Exercise(id)
		p := coach.Replay(lib, recs)
		dose, _ := p.Now(x, x.Dose)
		done := make([]int, dose.Sets)
		for j := range done {
			done[j] = dose.Value()
		}
		b := 2
		more, _ := p.Log(x, at.Add(time.Duration(i)*time.Minute), done, 2, 2, &b, nil)
		recs = append(recs, more...)
	}
	return recs
}

// partWay is a feet-daily session quit after its first two exercises.
func partWay(lib *exercises.Library, at time.Time) []journal.Record {
	sid := at.Format("20060102T1504") + "-partway"
	b := 3
	recs := []journal.Record{{Kind: journal.KindSessionStart, At: at, Session: sid, Routine: "feet-daily", Baseline: &b}}
	rt, _ := lib.Routine("feet-daily")
	for _, it := range rt.Items[:2] {
		rg := it.Start.Rung()
		recs = append(recs, journal.Record{Kind: journal.KindSet, At: at, Session: sid, Routine: "feet-daily", Exercise: it.ID,
			Set: 1, Rung: &rg, Target: rg.Value, Achieved: rg.Value, Effort: 3})
	}
	return append(recs, journal.Record{Kind: journal.KindSessionEnd, At: at, Session: sid, Routine: "feet-daily", Outcome: "quit"})
}

func TestFixtureHasWhatTheReportShows(t *testing.T) {
	r := Build(fixtureInput(t))
	kinds := map[string]int{}
	for _, f := range r.Flags {
		kinds[f.Kind]++
	}
	if kinds["safety"] == 0 || kinds["not-settled"] == 0 || kinds["red-flag"] != 2 || kinds["stop"] != 1 || kinds["feet"] != 1 || len(r.Waiting) == 0 {
		t.Fatalf("flags: %v", kinds)
	}
	moved := 0
	for _, x := range r.Exercises {
		moved += len(x.Moves)
	}
	if r.Sessions < 40 || len(r.Pain) == 0 || moved == 0 || len(r.Exercises) < 10 {
		t.Fatalf("sessions %d pain %d moves %d exercises %d", r.Sessions, len(r.Pain), moved, len(r.Exercises))
	}
	feet := r.Calendar.Routines[0]
	if feet.ID != "feet-daily" {
		for _, rw := range r.Calendar.Routines {
			if rw.ID == "feet-daily" {
				feet = rw
			}
		}
	}
	if feet.Done[Weeks-1] == 0 || feet.Done[0] != 0 {
		t.Fatalf("feet-daily weeks: %v", feet.Done)
	}
}

func emptyProgress(lib *exercises.Library) *coach.Progress { return coach.Replay(lib, nil) }

// emptyInput is the built-in library with nothing recorded.
func emptyInput(t testing.TB) Input {
	lib, _, _ := fixture(t)
	return Input{Lib: lib, Progress: emptyProgress(lib), Now: fixtureNow}
}
