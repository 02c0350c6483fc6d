package coach

import (
	"cmp"
	"fmt"
	"slices"
	"unicode/utf8"

	"limber/exercises"
	"limber/journal"
)

// known returns the exercise of r from the library, or notes r as a
// record of an exercise it does not have.
func (rp *Replayer) known(r *journal.Record) (*exercises.Exercise, bool) {
	if e, ok := rp.lib.Exercise(r.Exercise); ok {
		return e, true
	}
	rp.unknownRecord(r)
	return nil, false
}

// unknownRecord notes a record of an exercise the library does not have:
// removed since, renamed, or damage. It moves no rung; one warning per
// exercise says so, at its first line.
func (rp *Replayer) unknownRecord(r *journal.Record) {
	id := clean(r.Exercise)
	rp.p.Unknown[id]++
	if r.Name != "" && utf8.RuneCountInString(r.Name) <= exercises.MaxNameLen {
		// The latest name it was recorded under; a longer one than any
		// library allows was not written by limber.
		rp.p.names[id] = clean(r.Name)
	}
	u := rp.unknown[id]
	if u == nil {
		u = &unknownExercise{exercise: r.Exercise, line: r.Line}
		rp.unknown[id] = u
	} else if r.Line < u.line {
		u.exercise, u.line = r.Exercise, r.Line
	}
	u.count++
}

// unknownWarnings are one warning for each exercise the library lacks.
func (rp *Replayer) unknownWarnings() []journal.Warning {
	ids := make([]string, 0, len(rp.unknown))
	for id := range rp.unknown {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Compare(rp.unknown[a].line, rp.unknown[b].line) })
	var out []journal.Warning
	for _, id := range ids {
		u := rp.unknown[id]
		what := exercises.Quote(u.exercise) // as written, escapes shown
		if n, ok := rp.p.names[id]; ok && n != id {
			what += " (" + n + ")"
		}
		if id == "" {
			what = "no exercise"
		}
		out = append(out, journal.Warning{Line: int(u.line), Msg: fmt.Sprintf("%s is not in the library: its %d record(s) move no rung (the first is on this line)", what, u.count)})
	}
	return out
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
