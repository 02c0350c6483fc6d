package journal

import (
	"fmt"
	"time"

	"limber/exercises"
	"limber/text"
)

// Limits of what a record may hold. A value past them is no slip of the
// hand but damage or a hand edit, and is never applied (DESIGN section 5):
// a pain of 9999 must not step an exercise down, nor an adjust to level
// 9999 place the patient anywhere. They are wider than any library allows,
// so that no record limber wrote is ever refused.
const (
	MaxPain    = 10     // pain and usual pain: 0 to 10
	MaxEffort  = 5      // effort: 1 to 5; 0 on a set saved before it was asked
	MaxSets    = 100    // sets of a rung, and a set's number
	MaxLevel   = 100    // a rung's level
	MaxValue   = 10_000 // reps or seconds: a rung's value, a set's target and what was done
	MaxScore   = 1000   // an exercise's score
	MaxGlucose = 1000   // a blood sugar reading, in either unit
)

// Earliest is the earliest time a record may carry; a record may be at
// most Ahead past the reader's clock. Older or later is a broken clock or
// an edit, and would count toward a streak that nobody earned.
var Earliest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Ahead is how far past the reader's clock a record may be: a day, for a
// clock a little fast or a time zone crossed.
const Ahead = 24 * time.Hour

// Check returns why r holds a value no session can give, or "" when it
// holds none; now is the reader's clock. Only values are checked here:
// whether the exercise and the rung are in the library is the replay's
// matter, as only it has the library.
func (r *Record) Check(now time.Time) string {
	if !r.Kind.Known() {
		return "skipped a record of an unknown kind " + exercises.Quote(string(r.Kind)) + " (from a newer limber, or damaged)"
	}
	if r.At.Before(Earliest) {
		return "skipped a record dated " + r.At.Format(time.RFC3339) + ", before 2000: check that computer's clock"
	}
	if r.At.After(now.Add(Ahead)) {
		return "skipped a record dated " + r.At.Format(time.RFC3339) + ", more than a day ahead of this computer's clock"
	}
	if r.Kind == KindAssessment {
		return "" // its values are its writer's to check (section 7)
	}
	if msg := r.checkValues(); msg != "" {
		return "skipped " + kindWords(r.Kind) + " with " + msg
	}
	return ""
}

// checkValues checks the range of every value the record holds. What a
// kind needs (an exercise, a rung to adjust to) is the replay's matter.
func (r *Record) checkValues() string {
	switch {
	case !inRange(r.Pain, 0, MaxPain):
		return fmt.Sprintf("pain %d: pain is 0 to %d", *r.Pain, MaxPain)
	case !inRange(r.Baseline, 0, MaxPain):
		return fmt.Sprintf("usual pain %d: pain is 0 to %d", *r.Baseline, MaxPain)
	case !inRange(r.Score, 0, MaxScore):
		return fmt.Sprintf("score %d: a score is 0 to %d", *r.Score, MaxScore)
	case r.Effort < 0 || r.Effort > MaxEffort:
		return fmt.Sprintf("effort %d: effort is 1 to %d", r.Effort, MaxEffort)
	case r.Effort != 0 && r.Kind != KindSet:
		return fmt.Sprintf("effort %d: only a set has an effort", r.Effort)
	case r.Set < 0 || r.Set > MaxSets:
		return fmt.Sprintf("set number %d: sets are numbered 1 to %d", r.Set, MaxSets)
	case r.Target < 0 || r.Target > MaxValue:
		return fmt.Sprintf("target %d: a target is 0 to %s", r.Target, text.Thousands(MaxValue))
	case r.Achieved < 0 || r.Achieved > MaxValue:
		return fmt.Sprintf("%d done: a set is 0 to %s reps or seconds", r.Achieved, text.Thousands(MaxValue))
	case r.Answers != nil && (r.Answers.Glucose < 0 || r.Answers.Glucose > MaxGlucose):
		return fmt.Sprintf("a blood sugar reading of %g: a meter reads 0 to %d", r.Answers.Glucose, MaxGlucose)
	}
	if r.Rung != nil {
		if msg := checkRung(*r.Rung); msg != "" {
			return msg
		}
	}
	return ""
}

func checkRung(g exercises.Rung) string {
	switch {
	case g.Sets < 1 || g.Sets > MaxSets:
		return fmt.Sprintf("a rung of %d sets: a rung has 1 to %d", g.Sets, MaxSets)
	case g.Level < 1 || g.Level > MaxLevel:
		return fmt.Sprintf("a rung at level %d: levels are 1 to %d", g.Level, MaxLevel)
	case g.Value < 1 || g.Value > MaxValue:
		return fmt.Sprintf("a rung of %d reps or seconds: a rung has 1 to %s", g.Value, text.Thousands(MaxValue))
	}
	return ""
}

func inRange(p *int, lo, hi int) bool { return p == nil || (*p >= lo && *p <= hi) }

// kindWords names a kind of record for people, with its article.
func kindWords(k Kind) string {
	switch k {
	case KindSessionStart:
		return "a session start"
	case KindSet:
		return "a set"
	case KindExerciseEnd:
		return "an exercise end"
	case KindSessionEnd:
		return "a session end"
	case KindAdjust:
		return "a therapist's adjust"
	case KindFlare:
		return "a pain flare"
	}
	return "a record"
}
