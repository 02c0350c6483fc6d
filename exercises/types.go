// Package exercises is limber's domain: exercises, doses, ladders, routines
// and the progression rules, and the loading and validation of the YAML
// libraries that define them. It does no terminal I/O.
package exercises

import "time"

// Category is one of the five kinds of therapy exercise.
type Category string

const (
	RangeOfMotion Category = "rom"
	Stretching    Category = "stretching"
	Strengthening Category = "strengthening"
	Balance       Category = "balance"
	Sensory       Category = "sensory"
)

// Categories in the order screens and listings show them.
var Categories = []Category{RangeOfMotion, Stretching, Strengthening, Balance, Sensory}

// Title is the category's name for people.
func (c Category) Title() string {
	switch c {
	case RangeOfMotion:
		return "Range of motion"
	case Stretching:
		return "Stretching"
	case Strengthening:
		return "Strengthening"
	case Balance:
		return "Balance"
	case Sensory:
		return "Sensory re-education"
	}
	return string(c)
}

// Kind says what a set's value counts.
type Kind string

const (
	Reps  Kind = "reps"  // value is repetitions
	Hold  Kind = "hold"  // value is seconds held
	Timed Kind = "timed" // value is seconds of continuous work
)

// Unit is the word for the kind's value in a sentence: reps or seconds.
func (k Kind) Unit() string {
	if k == Reps {
		return "reps"
	}
	return "seconds"
}

// Field is the dose field, progression field and command-line flag that
// hold the kind's value: reps, hold or duration.
func (k Kind) Field() string {
	switch k {
	case Hold:
		return "hold"
	case Timed:
		return "duration"
	}
	return "reps"
}

// Position is how the person is placed for an exercise.
type Position string

const (
	Lying    Position = "lying"
	Seated   Position = "seated"
	Standing Position = "standing"
	Any      Position = "any"
)

// Tempo paces each repetition; the coach counts by itself when it is set.
type Tempo struct {
	Up, Hold, Down time.Duration
}

// Total is the length of one paced repetition.
func (t Tempo) Total() time.Duration { return t.Up + t.Hold + t.Down }

// Dose is a prescription for one exercise in one session.
type Dose struct {
	Kind     Kind
	Sets     int
	Level    int // 1-based
	Reps     int
	Hold     time.Duration
	Duration time.Duration
	Rest     time.Duration
	Sides    int // 1, or 2 for both sides (left, then right)
	Tempo    *Tempo
	Source   string
}

// Value is the dose's per-set value: reps, or whole seconds.
func (d Dose) Value() int {
	switch d.Kind {
	case Hold:
		return int(d.Hold / time.Second)
	case Timed:
		return int(d.Duration / time.Second)
	}
	return d.Reps
}

// WithRung returns the dose placed on rung r.
func (d Dose) WithRung(r Rung) Dose {
	d.Sets, d.Level = r.Sets, r.Level
	switch d.Kind {
	case Hold:
		d.Hold = time.Duration(r.Value) * time.Second
	case Timed:
		d.Duration = time.Duration(r.Value) * time.Second
	default:
		d.Reps = r.Value
	}
	return d
}

// Rung is the dose's place on a ladder.
func (d Dose) Rung() Rung { return Rung{Sets: d.Sets, Level: d.Level, Value: d.Value()} }

// Bounds is a value grid: min, min+step, ... max.
type Bounds struct {
	Min, Max, Step int
}

// Progression says how far an exercise's dose may move.
type Progression struct {
	Value   Bounds // in the kind's unit (reps or seconds)
	SetsMin int
	SetsMax int
	// Gate is the first level the rules never climb to by themselves
	// (progression.gate): only a therapist's adjust moves past it. 0 means
	// no gate; otherwise 2 to the number of levels.
	Gate   int
	Source string
}

// Score asks for a result after the exercise, such as objects named by touch.
type Score struct {
	OutOf int
}

// Rules are the thresholds of the progression decision (DESIGN section 4).
// The pain thresholds are read against the session's usual pain b:
// Thresholds turns them into the three numbers a session uses.
type Rules struct {
	SessionsToProgress int // sessions_to_progress

	RegressPainAtLeast   int // regress.pain_at_least: flare at this pain whatever b
	RegressPainRise      int // regress.pain_rise_at_least: flare at b plus this
	RegressEffortAtLeast int // regress.effort_at_least

	StopPainAtLeast int // stop.pain_at_least
	StopPainRise    int // stop.pain_rise_at_least

	ProgressPainAtMost   int // progress.pain_at_most: calm up to this pain whatever b
	ProgressPainRise     int // progress.pain_rise_at_most: calm up to b plus this
	ProgressEffortAtMost int // progress.effort_at_most
	ProgressScoreAtLeast int // progress.score_at_least: percent of Score.OutOf
	ProgressMinDays      int // progress.min_days: days a rung is held before it goes up

	CheckinHighPain int // checkin.high_pain_at_least: usual pain that offers an easier day

	Source string
}

// DefaultRules are the built-in thresholds (DESIGN section 4).
var DefaultRules = Rules{
	SessionsToProgress:   2,
	RegressPainAtLeast:   6,
	RegressPainRise:      2,
	RegressEffortAtLeast: 5,
	StopPainAtLeast:      7,
	StopPainRise:         3,
	ProgressPainAtMost:   3,
	ProgressPainRise:     1,
	ProgressEffortAtMost: 2,
	ProgressScoreAtLeast: 80,
	ProgressMinDays:      0,
	CheckinHighPain:      7,
}

// Exercise is one exercise with its starting dose and its ladder.
type Exercise struct {
	ID          string
	Name        string
	Category    Category
	Summary     string
	Position    Position
	Areas       []string
	Equipment   []string
	Safety      []string
	Steps       []string
	Cues        []string
	Dose        Dose
	Levels      []string
	Progression Progression
	Score       *Score
	Rules       Rules
	Source      string
	Figure      *Figure // how to draw it; nil when it has none

	Ladder Ladder
	Origin string // "built-in" or the file it came from
	Pos    Pos    // where it was defined
}

// LevelName is the name of level n (1-based), or "" when it has none.
func (e *Exercise) LevelName(n int) string {
	if n >= 1 && n <= len(e.Levels) {
		return e.Levels[n-1]
	}
	return ""
}

// Routine is an ordered list of exercises done together.
type Routine struct {
	ID        string
	Name      string
	Summary   string
	PerWeek   int // 7 for daily
	Frequency string
	Before    []string
	After     []string
	Items     []RoutineItem
	Source    string
	Origin    string
	Pos       Pos
}

// RoutineItem is one exercise of a routine, with the dose it starts from.
type RoutineItem struct {
	ID    string
	Start Dose // the exercise's dose with the routine's override applied
	Pos   Pos
}

// Tip is a short education card.
type Tip struct {
	ID     string
	Title  string
	Text   string
	Source string
	Origin string
	Pos    Pos
}

// Pos is a place in a source file.
type Pos struct {
	File      string
	Line, Col int
}
