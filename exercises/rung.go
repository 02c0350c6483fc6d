package exercises

import "fmt"

// Rung is one place on an exercise's ladder: how many sets, at which level
// (1-based, as in YAML), and the per-set value (reps, or seconds for hold and
// timed exercises).
type Rung struct {
	Sets  int `json:"sets"`
	Level int `json:"level"`
	Value int `json:"value"`
}

func (r Rung) String() string { return fmt.Sprintf("%d×%d@L%d", r.Sets, r.Value, r.Level) }
