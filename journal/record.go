package journal

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"limber/exercises"
)

// SchemaVersion is written in every record's "v" so that an older limber can
// skip lines it does not understand instead of misreading them.
const SchemaVersion = 1

// Kind says which event a record describes.
type Kind string

const (
	KindSessionStart Kind = "session_start"
	KindSet          Kind = "set"
	KindExerciseEnd  Kind = "exercise_end"
	KindSessionEnd   Kind = "session_end"
	KindAdjust       Kind = "adjust"
	// KindFlare is a pain flare reported in the middle of a set
	// (exercise, set, side, pain), recorded whatever its value.
	KindFlare Kind = "flare"
	// KindAssessment is an outcome measure's result (DESIGN section 7):
	// the test, the result, and the person's age and sex where the
	// profile gave them, in Assessed.
	KindAssessment Kind = "assessment"
)

// Known reports whether limber knows kind k. A record of another kind is
// from a newer limber, or damage, and is skipped with a warning.
func (k Kind) Known() bool {
	switch k {
	case KindSessionStart, KindSet, KindExerciseEnd, KindSessionEnd, KindAdjust, KindFlare, KindAssessment:
		return true
	}
	return false
}

// Record is one line of the journal. Fields that do not apply to a kind stay
// at their zero value and are left out of the line; pointers mark the values
// where zero is a real answer (pain 0, "no" to the red-flag question).
type Record struct {
	V        int       `json:"v"`
	Kind     Kind      `json:"kind"`
	At       time.Time `json:"at"`
	Session  string    `json:"session"`
	Routine  string    `json:"routine,omitempty"`
	Exercise string    `json:"exercise,omitempty"`
	// Name and Unit are the exercise's name and the unit of its values
	// ("reps" or "seconds") as they were when the record was written (set,
	// exercise_end), so that history reads the same after the library
	// changes. Older records have neither: readers fall back on the library.
	Name string `json:"name,omitempty"`
	Unit string `json:"unit,omitempty"`

	// session_start: the check-in's answers
	Baseline *int  `json:"baseline,omitempty"` // usual pain 0–10 before starting
	RedFlag  *bool `json:"red_flag,omitempty"` // a red flag that ends the session today (older records: the one question)
	Settled  *bool `json:"settled,omitempty"`  // had the last session's pain settled by next morning
	*Answers       // the rest of the check-in; nil on every other record

	// set (and flare: exercise, set, side, pain)
	Set      int             `json:"set,omitempty"`      // 1-based set number
	Side     string          `json:"side,omitempty"`     // "", "left", "right"
	Rung     *exercises.Rung `json:"rung,omitempty"`     // the rung the set was done at (set); the new rung (adjust)
	Target   int             `json:"target,omitempty"`   // reps or seconds asked
	Achieved int             `json:"achieved,omitempty"` // reps or seconds done
	// Effort is 1–5; 0 on a left side saved before its effort was asked:
	// the same set's right side carries it.
	Effort int `json:"effort,omitempty"`

	// exercise_end
	Pain    *int `json:"pain,omitempty"` // 0–10 after the exercise (exercise_end), or during it (flare)
	Score   *int `json:"score,omitempty"`
	Stopped bool `json:"stopped,omitempty"` // ended by the stop rule
	// Demo marks a session_start of a demo. It sits beside Stopped so that
	// the two booleans share a word: a journal holds hundreds of thousands
	// of records, and their size is most of the time it takes to read them.
	Demo bool `json:"demo,omitempty"`
	// Line is the record's line in the file it was read from, counting from
	// 1, for warnings; 0 for a record that was never read from a file. It
	// is not written. It sits beside the booleans, in the room they leave
	// in their word, so that it costs no memory.
	Line     int32     `json:"-"`
	Decision *Decision `json:"decision,omitempty"`

	// session_end
	Outcome string `json:"outcome,omitempty"` // "finished", "quit", "stopped", "red_flag", "rest", "ketones"

	// adjust
	Note string `json:"note,omitempty"`

	*Assessed // an outcome measure's result; nil on every other record
}

// Assessed is an outcome measure's result. It sits behind one pointer, as
// Answers do: a journal holds a handful of them among hundreds of
// thousands of sets. The fast decoder does not know its keys and leaves
// these lines to encoding/json.
type Assessed struct {
	Test   string `json:"test"`          // the assessment's id, such as "chair-stand-30s"
	Result int    `json:"result"`        // how many (count), or how many stages held
	Age    int    `json:"age,omitempty"` // years, from the profile's year of birth; 0 where not known
	Sex    string `json:"sex,omitempty"` // "F" or "M" from the profile; "" where not known
}

// Answers are the check-in's answers beyond the usual pain. They are
// written in the line like every other field (red_flags, glucose, ...); in
// memory they sit behind one pointer, so that the hundreds of thousands of
// set records a journal holds stay small. Read them through r.Answers,
// which is nil on every record that has none.
type Answers struct {
	// RedFlags names each red flag answered yes, such as "chest-pain" or
	// "foot-wound"; the coach package defines the names.
	RedFlags    []string `json:"red_flags,omitempty"`
	Glucose     float64  `json:"glucose,omitempty"`      // blood sugar reading, in GlucoseUnit
	GlucoseUnit string   `json:"glucose_unit,omitempty"` // "mg/dL" or "mmol/L"
	Ketones     *bool    `json:"ketones,omitempty"`      // ketones present, where a high reading asked
	Today       string   `json:"today,omitempty"`        // a high-pain day: "easier" (one rung lower today) or "rest"
	Resumes     string   `json:"resumes,omitempty"`      // the session, left part-way today, that this one carries on
}

// Decision is what the progression rules concluded at the end of an
// exercise. It is journalled for the person reading the file; the replay
// recomputes it rather than trusting it.
type Decision struct {
	From   exercises.Rung `json:"from"`
	To     exercises.Rung `json:"to"`
	Streak int            `json:"streak"`
	Flag   bool           `json:"flag,omitempty"`
	Reason string         `json:"reason"`
}

// Validate checks what every record needs to be placed in the history: a
// kind, a session and a time, and a schema version this limber can read (0
// means "not set yet": Append fills it in).
func (r *Record) Validate() error {
	switch {
	case r.V < 0 || r.V > SchemaVersion:
		return fmt.Errorf("schema version %d, this limber reads up to %d", r.V, SchemaVersion)
	case r.Kind == "":
		return errors.New("no kind")
	case r.Session == "":
		return errors.New("no session id")
	case r.At.IsZero():
		return errors.New("no time")
	}
	return nil
}

// sessionIDLayout sorts lexically in time order because it is fixed-width UTC.
const sessionIDLayout = "20060102T150405Z"

// NewSessionID returns an id such as "20250301T063000Z-3f9a1c": the start
// time in UTC, so ids sort by time, plus random hex so that two sessions
// started in the same second (two terminals) still differ.
func NewSessionID(now time.Time) string {
	var b [3]byte
	rand.Read(b[:]) // never fails: crypto/rand panics rather than return an error
	return now.UTC().Format(sessionIDLayout) + "-" + hex.EncodeToString(b[:])
}
