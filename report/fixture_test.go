package report

import (
	"sync"
	"testing"
	"time"

	"limber/coach"
	"limber/content"
	"limber/exercises"
	"limber/journal"
)

// fixtureNow is when the fixture's report is made: a Thursday.
var fixtureNow = time.Date(2026, 3, 5, 18, 0, 0, 0, time.UTC)

// fixture is the built-in library and a fixed month and a half of
// sessions: feet-daily most days, balance-3x on Mondays and Fridays, with
// one painful day, one unsettled next morning, one red flag and one stop.
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
		if d%7 == 3 { // a rest day each week
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
	}
	return lib, recs, nil
}

func TestFixtureHasWhatTheReportShows(t *testing.T) {
	lib, _, p := fixture(t)
	r := Build(lib, p, fixtureNow)
	kinds := map[string]int{}
	for _, f := range r.Flags {
		kinds[f.Kind]++
	}
	if kinds["safety"] == 0 || kinds["not-settled"] == 0 || kinds["red-flag"] != 1 || kinds["stop"] != 1 {
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
