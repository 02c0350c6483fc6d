package coach

// Outcome measures (DESIGN section 7): their results as the journal holds
// them, when each is next due, and whether the home screen offers one
// today. They stand apart from the replay: a result moves no rung.

import (
	"slices"
	"time"

	"limber/exercises"
	"limber/journal"
)

// Result is one outcome measure's result.
type Result struct {
	Test    string // the assessment's id
	At      time.Time
	Session string
	Result  int
	Age     int    // years when it was done, where the profile knew; else 0
	Sex     string // "F" or "M" where the profile knew; else ""
}

// MaxAge is the oldest age a result may carry.
const MaxAge = 120

// Results reads every outcome measure's result from the journal, oldest
// first. A record with values no test can give (a negative result, an age
// past MaxAge, a sex other than F or M) is passed over, as the replay
// passes over impossible sets.
// Progress.Results holds the same, read during the replay.
func Results(recs []journal.Record) []Result {
	var out []Result
	for i := range recs {
		if res, ok := result(&recs[i]); ok {
			out = append(out, res)
		}
	}
	slices.SortStableFunc(out, func(a, b Result) int { return a.At.Compare(b.At) })
	return out
}

// result is the outcome measure's result that r records, if it records a
// possible one.
func result(r *journal.Record) (Result, bool) {
	a := r.Assessed
	if r.Kind != journal.KindAssessment || a == nil || a.Test == "" || r.Demo {
		return Result{}, false
	}
	if a.Result < 0 || a.Result > exercises.MaxCount || a.Age < 0 || a.Age > MaxAge || (a.Sex != "" && a.Sex != "F" && a.Sex != "M") {
		return Result{}, false
	}
	return Result{Test: a.Test, At: r.At, Session: r.Session, Result: a.Result, Age: a.Age, Sex: a.Sex}, true
}

// ResultsOf returns the results of one test, oldest first, leaving out any past
// what the test can give (a stage its library no longer has).
func ResultsOf(a *exercises.Assessment, results []Result) []Result {
	var out []Result
	for _, r := range results {
		if r.Test == a.ID && r.Result <= a.MaxResult() {
			out = append(out, r)
		}
	}
	return out
}

// AssessmentRecord is the journal record of a result done at at. age and sex are
// the profile's (0 and "" where it is silent). The caller checks the
// result lies in 0 to a.MaxResult().
func AssessmentRecord(a *exercises.Assessment, at time.Time, result, age int, sex string) journal.Record {
	return journal.Record{Kind: journal.KindAssessment, At: at, Session: journal.NewSessionID(at),
		Assessed: &journal.Assessed{Test: a.ID, Result: result, Age: age, Sex: sex}}
}

// Due is when an outcome measure is next offered.
type Due struct {
	Assessment *exercises.Assessment
	Last       *Result // the latest result; nil if it was never done
	// On is the day it is due, at midnight: Every days after the day of
	// the last result. Zero when it was never done: due now.
	On time.Time
}

// DueAt reports whether the test is due on now's day.
func (d Due) DueAt(now time.Time) bool { return d.On.IsZero() || !Midnight(now).Before(d.On) }

// Dues lists every outcome measure of the library, in its order, with its
// last result and the day it is next due. Days are counted in now's
// location, so that a result at 23:00 is due again on the same weekday.
func Dues(lib *exercises.Library, results []Result, now time.Time) []Due {
	var out []Due
	for _, a := range lib.Assessments() {
		d := Due{Assessment: a}
		if rs := ResultsOf(a, results); len(rs) > 0 {
			last := rs[len(rs)-1]
			d.Last = &last
			d.On = Midnight(last.At.In(now.Location())).AddDate(0, 0, a.Every)
		}
		out = append(out, d)
	}
	return out
}

// Offer is the outcome measure the home screen offers at now: the first
// that is due. None is offered on a day a check-in answered a red flag
// (the feet questions too: both tests are done standing), found ketones,
// or chose rest.
func (p *Progress) Offer(lib *exercises.Library, results []Result, now time.Time) (*exercises.Assessment, bool) {
	if p.StopDay(now) {
		return nil, false
	}
	for _, d := range Dues(lib, results, now) {
		if d.DueAt(now) {
			return d.Assessment, true
		}
	}
	return nil, false
}

// StopDay reports whether a check-in on now's day answered a red flag,
// found ketones, or chose rest: no test is offered that day.
func (p *Progress) StopDay(now time.Time) bool {
	start := Midnight(now)
	for _, s := range p.sessionsBetween(start, start.AddDate(0, 0, 1)) {
		switch {
		case s.RedFlag, len(s.RedFlags) > 0, s.Ketones != nil && *s.Ketones,
			s.Outcome == OutcomeRedFlag, s.Outcome == OutcomeKetones, s.Outcome == OutcomeRest, s.Today == TodayRest:
			return true
		}
	}
	return false
}
