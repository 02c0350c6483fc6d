package coach

import (
	"time"

	"limber/exercises"
	"limber/journal"
)

// Log is one exercise done in one session without the coach screen
// (limber log): done holds what each set achieved, at the exercise's
// current rung, with one effort for every set; baseline and score may be
// nil. It returns the session's records, to append in one call, and the
// decision, which is the one the replay reaches from them. The set and
// exercise end records carry the exercise's name and unit as they are
// now, so that history reads the same after the library changes. The
// caller checks the ranges of what was typed.
func (p *Progress) Log(e *exercises.Exercise, at time.Time, done []int, effort, pain int, baseline, score *int) ([]journal.Record, exercises.Decision) {
	dose, state := p.Now(e, e.Dose)
	rung := dose.Rung()
	sid := journal.NewSessionID(at)
	start := journal.Record{Kind: journal.KindSessionStart, At: at, Session: sid, Baseline: baseline}
	recs := []journal.Record{start}
	perf := exercises.Performance{Pain: pain, Score: score, At: at}
	if baseline != nil {
		perf.Baseline, perf.HasBaseline = *baseline, true
	}
	sides := []string{""}
	if dose.Sides == 2 {
		sides = []string{"left", "right"}
	}
	for i, a := range done {
		for _, side := range sides {
			r := rung
			recs = append(recs, journal.Record{Kind: journal.KindSet, At: at, Session: sid, Exercise: e.ID, Name: e.Name, Unit: e.Dose.Kind.Unit(),
				Set: i + 1, Side: side, Rung: &r, Target: rung.Value, Achieved: a, Effort: effort})
			perf.Sets = append(perf.Sets, exercises.SetResult{Target: rung.Value, Achieved: a, Effort: effort})
		}
	}
	d := exercises.Decide(e, state, perf)
	end := journal.Record{Kind: journal.KindExerciseEnd, At: at, Session: sid, Exercise: e.ID, Name: e.Name, Unit: e.Dose.Kind.Unit(),
		Pain: &pain, Score: score,
		Decision: &journal.Decision{From: d.From, To: d.To, Streak: d.Streak, Flag: d.Flag, Reason: d.Reason}}
	recs = append(recs, end, journal.Record{Kind: journal.KindSessionEnd, At: at, Session: sid, Outcome: OutcomeFinished})
	return recs, d
}
