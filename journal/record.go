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
)

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

	// session_start
	Baseline *int  `json:"baseline,omitempty"` // pain 0–10 before starting
	RedFlag  *bool `json:"red_flag,omitempty"` // yes to the red-flag question: no exercise today
	Settled  *bool `json:"settled,omitempty"`  // had the last session's pain settled by next morning
	Demo     bool  `json:"demo,omitempty"`

	// set
	Set      int             `json:"set,omitempty"`      // 1-based set number
	Side     string          `json:"side,omitempty"`     // "", "left", "right"
	Rung     *exercises.Rung `json:"rung,omitempty"`     // the rung the set was done at (set); the new rung (adjust)
	Target   int             `json:"target,omitempty"`   // reps or seconds asked
	Achieved int             `json:"achieved,omitempty"` // reps or seconds done
	Effort   int             `json:"effort,omitempty"`   // 1–5

	// exercise_end
	Pain     *int      `json:"pain,omitempty"` // 0–10 after the exercise
	Score    *int      `json:"score,omitempty"`
	Stopped  bool      `json:"stopped,omitempty"` // ended by the stop rule
	Decision *Decision `json:"decision,omitempty"`

	// session_end
	Outcome string `json:"outcome,omitempty"` // "finished", "quit", "stopped", "red_flag"

	// adjust
	Note string `json:"note,omitempty"`
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
