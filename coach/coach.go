// Package coach replays the journal through the rules: where each exercise
// stands on its ladder (rung, easy streak, since when), what the therapist
// must see (flags), the next session's plan, what today holds for each
// routine, and what the check-in's answers mean for the session. It reads
// records and the library; it draws nothing, and writes nothing but its
// state cache (cache.go), which is derived from the journal.
package coach

import (
	"math"
	"time"

	"limber/exercises"
	"limber/journal"
)

// Flag kinds: what the therapist must see, and why.
const (
	FlagSafety     = "safety"      // a flare at the end of an exercise stepped it down
	FlagStop       = "stop"        // the stop rule ended an exercise
	FlagRedFlag    = "red-flag"    // a red flag at the check-in ended the session
	FlagFeet       = "feet"        // a feet answer at the check-in left out feet work
	FlagKetones    = "ketones"     // ketones with a high blood sugar: no exercise that day
	FlagNotSettled = "not-settled" // pain had not settled by the next morning
	FlagFlare      = "flare"       // a flare reported mid-set at or above the flare threshold
	FlagReady      = "ready"       // waits at its gate for the therapist (not a safety matter)
)

// Session outcomes, as session_end records them.
const (
	OutcomeFinished = "finished" // reached the summary
	OutcomeStopped  = "stopped"  // the stop rule ended the session
	OutcomeQuit     = "quit"     // left part-way
	OutcomeRedFlag  = "red_flag" // a red flag at the check-in
	OutcomeKetones  = "ketones"  // high blood sugar with ketones
	OutcomeRest     = "rest"     // a high-pain day, rest chosen
)

// Today's choices on a high-pain day (session_start's "today").
const (
	TodayEasier = "easier" // every exercise one rung lower, for today only
	TodayRest   = "rest"   // no exercise today, recorded
)

// ExerciseState is what the journal says of one exercise: where the patient
// stands on its ladder now, where they started, and how they got there.
type ExerciseState struct {
	ID string
	exercises.State
	Start    exercises.Rung
	Last     *exercises.Decision // the latest decision, for its reason
	Moves    []Move              // every change of rung, oldest first
	Sessions int                 // sessions in which it was finished
	LastDone time.Time
	// Waiting says the exercise waits at its gate for the therapist: the
	// latest decision found it ready, and nothing has moved it since.
	Waiting bool

	lastLevel int    // the level it was last done at; 0 if never
	levels    []bool // levels it has been done at, by level

	// The latest decision, when it was reached quietly: its reason is
	// written once, at the end of the replay.
	lastQuiet bool
	lastState exercises.State
	// The latest sets were done at a rung the library no longer has
	// (libFrom): the reason says the library changed.
	libChanged bool
	libFrom    exercises.Rung
	lastPerf   exercises.Performance
	lastSets   []exercises.SetResult
}

// doneAt reports whether the exercise was ever done at level n.
func (st *ExerciseState) doneAt(n int) bool { return n >= 0 && n < len(st.levels) && st.levels[n] }

// Move is one change of rung and why.
type Move struct {
	At       time.Time
	Session  string
	Decision exercises.Decision
	Cause    string // "rules", "next-morning" or "adjust"
}

// Session is one session as the journal tells it.
type Session struct {
	ID       string
	Routine  string
	Start    time.Time
	End      time.Time // zero if it never ended (quit by a crash)
	Baseline *int
	RedFlag  bool     // a red flag ended it before any exercise
	RedFlags []string // the red flags answered yes, by name
	Settled  *bool
	Glucose  float64 // 0 when not asked
	Unit     string  // the glucose reading's unit
	Ketones  *bool
	Today    string // TodayEasier, TodayRest or ""
	Resumes  string // the part-way session this one carries on
	Outcome  string
	// Exercises are the ids finished in it (an exercise end recorded), in
	// the order they ended.
	Exercises []string
	Sets      int // set records, each side counted: the work done
	Flares    int // flares reported mid-set

	raised     bool            // some exercise ended with pain above the baseline
	steppedOwn map[string]bool // exercises its own decisions stepped down
	morning    bool            // a later session answered the next-morning question
	key        string          // the id as recorded, which ID is cleaned from
	// The ends recorded under key, one per exercise: those the state
	// cache held, as places in Progress.cachedEnds, then the rest.
	cachedEnds [2]int32
	ends       []end
}

// Finished reports whether the session reached its end: the summary, or
// the stop rule. A session quit part-way, or never ended, did not.
func (s *Session) Finished() bool {
	return s.Outcome == OutcomeFinished || s.Outcome == OutcomeStopped
}

// HasWork reports whether anything was done in the session: a set, or an
// exercise finished.
func (s *Session) HasWork() bool { return s.Sets > 0 || len(s.Exercises) > 0 }

// PartWay reports whether the session was left part-way: work done, and
// no finished or stopped end.
func (s *Session) PartWay() bool { return s.HasWork() && !s.Finished() }

// Counts reports whether the session counts as a session done in progress
// and adherence figures: it was finished, with work in it.
func (s *Session) Counts() bool { return s.HasWork() && s.Finished() }

// RaisedPain reports whether some exercise of the session ended with pain
// above the session's usual pain (0 where none was given): what asks the
// next-morning question.
func (s *Session) RaisedPain() bool { return s.raised }

// baseline is the session's usual pain b, 0 where none was given.
func (s *Session) baseline() int {
	if s.Baseline == nil {
		return 0
	}
	return *s.Baseline
}

// Flag is something the therapist must see.
type Flag struct {
	At       time.Time
	Session  string
	Exercise string // empty for a whole-session flag
	Kind     string // one of the Flag constants
	Reason   string
}

// Progress is the journal replayed through the rules: the only source of
// the patient's current rungs.
type Progress struct {
	lib      *exercises.Library
	states   map[string]*ExerciseState
	Sessions []*Session
	Flags    []Flag
	Unknown  map[string]int // records of exercises the library no longer has, by id (cleaned)
	// Implausible counts records passed over for values no session can
	// give (pain outside 0 to 10, effort outside 0 to 5, negative counts).
	Implausible int
	// Duplicates counts records that repeat an earlier one and so were
	// counted once; OffLadder, adjusts to a rung not on the ladder.
	Duplicates, OffLadder int
	// Warnings say which records were skipped and why, in line order.
	// Their File is empty: the replay does not know it.
	Warnings []journal.Warning
	names    map[string]string // the recorded names of exercises the library lacks
	// Results are the outcome measures' results, oldest first, as
	// Results reads them from the journal.
	Results []Result

	lastWithWork *Session            // the latest session in which an exercise ended
	byKey        map[string]*Session // the sessions by id as recorded
	notes        map[string][]Note   // therapists' notes, by exercise as recorded
	// endsApart are the ends recorded when the replay had no session
	// for them (demo sessions, damage); the rest are in their session.
	endsApart  map[sessionExercise]end
	cachedEnds endColumns
	repeats    map[int32]bool // the lines of records counted once, as repeats of an earlier one
}

// Repeat reports whether the record on the journal's line n repeats an
// earlier record and was counted once (Duplicates), so that what lists
// records (limber history) lists it once too.
func (p *Progress) Repeat(n int) bool { return n > 0 && n <= math.MaxInt32 && p.repeats[int32(n)] }

// Note is a therapist's note on an exercise (limber adjust --note), as
// the journal has it: its text is not cleaned.
type Note struct {
	At   time.Time
	Text string
}

// Notes are the therapists' notes on the exercise, oldest first.
func (p *Progress) Notes(id string) []Note { return p.notes[id] }

// State returns the exercise's state, and false if it was never done.
func (p *Progress) State(id string) (*ExerciseState, bool) {
	s, ok := p.states[id]
	return s, ok
}

// Current is where the exercise stands for its next session: the journal's
// rung, else the routine's starting dose, else the exercise's own.
func (p *Progress) Current(e *exercises.Exercise, start exercises.Dose) (exercises.Dose, *ExerciseState) {
	if s, ok := p.states[e.ID]; ok {
		return start.WithRung(s.Rung), s
	}
	return start, nil
}

// Now is where an exercise stands for its next session: its dose and its
// state (rung, easy streak, since when), from the journal, else from start.
func (p *Progress) Now(e *exercises.Exercise, start exercises.Dose) (exercises.Dose, exercises.State) {
	if s, ok := p.states[e.ID]; ok {
		return start.WithRung(s.Rung), s.State
	}
	return start, exercises.State{Rung: start.Rung()}
}

// Waiting reports whether the exercise waits at its gate for the
// therapist (plan --json's "gate").
func (p *Progress) Waiting(id string) bool {
	s, ok := p.states[id]
	return ok && s.Waiting
}

// NewLevel reports whether the exercise's next session is its first at a
// new level: its level changed since its last session, or it was never
// done at this level (or never done at all). The coach then says "New
// level today: have someone with you" for standing exercises.
func (p *Progress) NewLevel(e *exercises.Exercise, start exercises.Dose) bool {
	dose, st := p.Current(e, start)
	if st == nil || st.lastLevel == 0 {
		return true
	}
	return st.lastLevel != dose.Level || !st.doneAt(dose.Level)
}

// NeedsNextMorning reports whether the check-in at now asks the
// next-morning question: the latest session with work raised pain, began
// on an earlier day, and no session since has answered for it.
func (p *Progress) NeedsNextMorning(now time.Time) bool {
	last := p.lastWithWork
	return last != nil && last.raised && !last.morning && last.Start.Before(Midnight(now))
}

// LastSession is the latest session in which an exercise was finished:
// the one the next-morning question asks about. Nil if there is none.
func (p *Progress) LastSession() *Session { return p.lastWithWork }

// Midnight is the start of t's day, in t's location: where "today" and
// "yesterday" begin for the coach and its reminders.
func Midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}
