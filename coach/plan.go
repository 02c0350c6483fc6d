package coach

import (
	"slices"
	"strings"

	"limber/exercises"
)

// PlanItem is one exercise of the next session's prescription.
type PlanItem struct {
	Exercise *exercises.Exercise
	Dose     exercises.Dose
	Reason   string
	Flag     bool // the latest decision is a safety matter
	// Gate says the exercise waits at its gate for the therapist
	// (plan --json's "gate").
	Gate bool
	// NewLevel says the next session is the first at this level: the
	// coach says "New level today: have someone with you" for standing
	// exercises.
	NewLevel bool
}

// Plan is the next session of a routine: each exercise at its current rung.
func (p *Progress) Plan(rt *exercises.Routine) []PlanItem {
	var out []PlanItem
	for _, it := range rt.Items {
		e, ok := p.lib.Exercise(it.ID)
		if !ok {
			continue
		}
		out = append(out, p.PlanExercise(e, it.Start))
	}
	return out
}

// PlanExercise is one exercise's next dose, from a given starting dose.
func (p *Progress) PlanExercise(e *exercises.Exercise, start exercises.Dose) PlanItem {
	dose, st := p.Current(e, start)
	item := PlanItem{Exercise: e, Dose: dose, Reason: "Your starting dose.", NewLevel: p.NewLevel(e, start)}
	if st != nil {
		item.Gate = st.Waiting
		if st.Last != nil {
			item.Reason, item.Flag = st.Last.Reason, st.Last.Flag
		}
	}
	return item
}

// Easier is a plan for a high-pain day: every exercise one rung lower, for
// today only. It is not a step down: the journal's rungs stay where they
// are, and the check-in records today: "easier" so that the replay reads
// the session as such.
func Easier(items []PlanItem) []PlanItem {
	out := slices.Clone(items)
	for i := range out {
		it := &out[i]
		e := it.Exercise
		if down, ok := e.Ladder.Down(it.Dose.Rung()); ok {
			it.Dose = it.Dose.WithRung(down)
			it.Reason = "An easier day: " + exercises.RungText(e, down) + " for today only, one step below your usual " +
				exercises.RungText(e, items[i].Dose.Rung()) + "."
		} else {
			it.Reason = "An easier day: this is already the easiest step, so take it gently."
		}
		it.Flag, it.Gate = false, false
	}
	return out
}

// FeetLeftOut says why a feet answer changes the session.
const FeetLeftOut = "Because of your answer about your feet, today's session leaves out exercises done standing and exercises for the feet and ankles."

// feetAreas are the areas that a foot wound or a red, warm, swollen foot
// keeps out of today's session: the feet and ankles, and the parts of the
// foot authors name on their own.
var feetAreas = []string{"feet", "foot", "ankles", "ankle", "toes", "toe", "heels", "heel", "soles", "sole", "arches", "arch"}

// LeftOut is an exercise a feet answer left out, and why.
type LeftOut struct {
	Item PlanItem
	Why  string // "it is done standing" or "it works the feet or ankles"
}

// LeaveOutFeet filters a plan after a feet answer at the check-in: every
// standing exercise and every exercise whose areas include the feet or
// ankles is left out, each with why. What remains keeps its order.
func LeaveOutFeet(items []PlanItem) (kept []PlanItem, left []LeftOut) {
	for _, it := range items {
		switch why := feetWhy(it.Exercise); why {
		case "":
			kept = append(kept, it)
		default:
			left = append(left, LeftOut{Item: it, Why: why})
		}
	}
	return kept, left
}

func feetWhy(e *exercises.Exercise) string {
	if e.Position == exercises.Standing {
		return "it is done standing"
	}
	for _, a := range e.Areas {
		if slices.Contains(feetAreas, strings.ToLower(strings.TrimSpace(a))) {
			return "it works the feet or ankles"
		}
	}
	return ""
}
