package coach

import (
	"cmp"
	"fmt"
	"slices"

	"limber/exercises"
	"limber/journal"
)

// known returns the exercise of r from the library, or notes r as a
// record of an exercise it does not have.
func (rp *replayer) known(r *journal.Record) (*exercises.Exercise, bool) {
	if e, ok := rp.lib.Exercise(r.Exercise); ok {
		return e, true
	}
	rp.unknownRecord(r)
	return nil, false
}

// unknownRecord notes a record of an exercise the library does not have:
// removed since, renamed, or damage. It moves no rung; one warning per
// exercise says so, at its first line.
func (rp *replayer) unknownRecord(r *journal.Record) {
	id := clean(r.Exercise)
	rp.p.Unknown[id]++
	if r.Name != "" {
		rp.p.names[id] = clean(r.Name) // the latest name it was recorded under
	}
	u := rp.unknown[id]
	if u == nil {
		u = &unknownExercise{first: *r}
		rp.unknown[id] = u
	} else if r.Line < u.first.Line {
		u.first = *r
	}
	u.count++
}

// warnUnknown gives one warning for each exercise the library lacks.
func (rp *replayer) warnUnknown() {
	ids := make([]string, 0, len(rp.unknown))
	for id := range rp.unknown {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Compare(rp.unknown[a].first.Line, rp.unknown[b].first.Line) })
	for _, id := range ids {
		u := rp.unknown[id]
		what := exercises.Quote(id)
		if n, ok := rp.p.names[id]; ok && n != id {
			what += " (" + n + ")"
		}
		if id == "" {
			what = "no exercise"
		}
		rp.warn(&u.first, fmt.Sprintf("%d record(s) of %s, which is not in the library, move no rung; its work still counts as done (the first is on this line)",
			u.count, what))
	}
}

// ExerciseName is how to name an exercise to people: its name in the
// library, else the latest name the journal recorded for it, else its id.
// Each is clean of control and escape characters.
func (p *Progress) ExerciseName(id string) string {
	if e, ok := p.lib.Exercise(id); ok {
		return exercises.Clean(e.Name, false)
	}
	if n, ok := p.names[id]; ok {
		return n
	}
	return clean(id)
}

// clean strips control and escape characters from the journal's words.
func clean(s string) string { return exercises.Clean(s, false) }

func cleanAll(ss []string) []string {
	for i, s := range ss {
		if c := clean(s); c != s {
			out := slices.Clone(ss)
			for j := i; j < len(out); j++ {
				out[j] = clean(out[j])
			}
			return out
		}
	}
	return ss
}

// sameRecord reports whether a and b say the same thing, field by field,
// wherever they were read from: a line repeated byte for byte.
func sameRecord(a, b *journal.Record) bool {
	if a.V != b.V || a.Kind != b.Kind || !a.At.Equal(b.At) || a.Session != b.Session || a.Routine != b.Routine ||
		a.Exercise != b.Exercise || a.Name != b.Name || a.Unit != b.Unit || a.Set != b.Set || a.Side != b.Side ||
		a.Target != b.Target || a.Achieved != b.Achieved || a.Effort != b.Effort || a.Stopped != b.Stopped ||
		a.Demo != b.Demo || a.Outcome != b.Outcome || a.Note != b.Note {
		return false
	}
	return samePtr(a.Baseline, b.Baseline) && samePtr(a.RedFlag, b.RedFlag) && samePtr(a.Settled, b.Settled) &&
		samePtr(a.Rung, b.Rung) && samePtr(a.Pain, b.Pain) && samePtr(a.Score, b.Score) && samePtr(a.Decision, b.Decision) &&
		sameAnswers(a.Answers, b.Answers)
}

func samePtr[T comparable](a, b *T) bool { return a == b || (a != nil && b != nil && *a == *b) }

func sameAnswers(a, b *journal.Answers) bool {
	if a == nil || b == nil {
		return a == b
	}
	return slices.Equal(a.RedFlags, b.RedFlags) && a.Glucose == b.Glucose && a.GlucoseUnit == b.GlucoseUnit &&
		samePtr(a.Ketones, b.Ketones) && a.Today == b.Today && a.Resumes == b.Resumes
}
