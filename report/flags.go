package report

// Flags for the therapist, grouped so that one event reads as one row: a
// pain stop is listed once (not also as the step-down and the flare it
// caused), each day's flags of one cause share a row that names the
// exercises, and a red flag says which one was answered. The ready flags
// (an exercise waiting at its gate) are not safety matters: they are a
// short list of their own.

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"limber/coach"
	"limber/exercises"
)

// Causes, in the words a row is headed with.
const (
	CauseStop       = "Stopped for pain"
	CauseFlare      = "Pain flare: stepped down"
	CauseMidSet     = "Pain flared during a set"
	CauseNotSettled = "Pain not settled next morning"
	CauseRedFlag    = "Red flag"
	CauseFeet       = "Foot problem"
	CauseKetones    = "Ketones"
)

// FlagRow is one day's flags of one cause.
type FlagRow struct {
	Day       time.Time // midnight, in the report's location
	Cause     string
	Exercises []string // names, in the order flagged; none for a whole session
	// Details say what happened: one line per exercise, or the answers.
	Details []string
}

// Waiting is an exercise waiting at its gate for the therapist.
type Waiting struct {
	Name  string
	Since time.Time // when it became ready
	Next  string    // the level it waits to open: "level 4 (No hands, counter within reach)"
}

// Words say the exercise, since when it is ready and for which level:
// "Marching in place at a counter: ready since 16 Feb 2026, for level 4
// (No hands, counter within reach)."
func (w Waiting) Words(loc *time.Location) string {
	s := w.Name + ": ready"
	if !w.Since.IsZero() {
		s += " since " + w.Since.In(loc).Format("2 Jan 2006")
	}
	if w.Next != "" {
		s += ", for " + w.Next
	}
	return s + "."
}

// FlagWords names a flag's kind for people.
func FlagWords(kind string) string {
	switch kind {
	case coach.FlagSafety:
		return CauseFlare
	case coach.FlagStop:
		return CauseStop
	case coach.FlagRedFlag:
		return CauseRedFlag
	case coach.FlagNotSettled:
		return CauseNotSettled
	case coach.FlagFlare:
		return CauseMidSet
	case coach.FlagFeet:
		return CauseFeet
	case coach.FlagKetones:
		return CauseKetones
	case coach.FlagReady:
		return "Ready for the next level"
	}
	return kind
}

// flags splits the replay's flags: safety flags of the calendar's weeks
// (older ones counted), and the exercises still waiting at their gate.
func (r *Report) flags(lib *exercises.Library, p *coach.Progress) {
	since := map[string]time.Time{}
	for _, f := range p.Flags {
		if f.Kind == coach.FlagReady {
			since[f.Exercise] = f.At
			continue
		}
		if f.At.Before(r.Calendar.Start) {
			r.OlderFlags++
		} else {
			r.Flags = append(r.Flags, f)
		}
	}
	for _, x := range lib.Exercises() {
		if !p.Waiting(x.ID) {
			continue
		}
		w := Waiting{Name: pageClean(x.Name), Since: since[x.ID]}
		if g := x.Progression.Gate; g > 0 {
			w.Next = fmt.Sprintf("level %d", g)
			if name := x.LevelName(g); name != "" {
				w.Next += " (" + pageClean(name) + ")"
			}
		}
		r.Waiting = append(r.Waiting, w)
	}
	slices.SortStableFunc(r.Waiting, func(a, b Waiting) int { return a.Since.Compare(b.Since) })
}

// FlagRows groups the safety flags by day and cause, newest first.
func (r *Report) FlagRows() []FlagRow {
	loc := r.Generated.Location()
	// What a stop or a step-down already says is not said again.
	stops := map[sessionExercise]bool{}
	downs := map[sessionExercise]bool{}
	for _, f := range r.Flags {
		k := sessionExercise{f.Session, f.Exercise}
		switch f.Kind {
		case coach.FlagStop:
			stops[k] = true
		case coach.FlagSafety:
			downs[k] = true
		}
	}
	var rows []FlagRow
	at := map[string]int{} // day and cause to the row's index
	seen := map[string]bool{}
	for _, f := range r.Flags {
		k := sessionExercise{f.Session, f.Exercise}
		cause := FlagWords(f.Kind)
		switch {
		case f.Kind == coach.FlagSafety && stops[k], f.Kind == coach.FlagFlare && (stops[k] || downs[k]):
			continue
		case f.Kind == coach.FlagStop:
			if seen[f.Session+"\x00"+f.Exercise] {
				continue // one stop, once
			}
			seen[f.Session+"\x00"+f.Exercise] = true
		}
		day := coach.Midnight(f.At.In(loc))
		key := day.Format(time.DateOnly) + "\x00" + cause
		i, ok := at[key]
		if !ok {
			i = len(rows)
			at[key] = i
			rows = append(rows, FlagRow{Day: day, Cause: cause})
		}
		row := &rows[i]
		if f.Exercise != "" {
			name := pageClean(r.ExerciseName(f.Exercise))
			if !slices.Contains(row.Exercises, name) {
				row.Exercises = append(row.Exercises, name)
			}
		}
		if d := r.flagDetail(f, stops[k]); d != "" && !slices.Contains(row.Details, d) {
			row.Details = append(row.Details, d)
		}
	}
	slices.Reverse(rows)
	return rows
}

// flagDetail says what one flag means, for the therapist.
func (r *Report) flagDetail(f coach.Flag, stopped bool) string {
	k := sessionExercise{f.Session, f.Exercise}
	name := pageClean(r.ExerciseName(f.Exercise))
	s := r.sessions[f.Session]
	usual := ""
	if s != nil && s.Baseline != nil {
		usual = fmt.Sprintf(", usual %d", *s.Baseline)
	}
	switch f.Kind {
	case coach.FlagStop, coach.FlagSafety:
		e, ok := end(r.progress, k)
		if !ok || e.pain < 0 {
			return name + ": " + pageClean(f.Reason)
		}
		what := ""
		if stopped {
			what = "stopped, and "
		}
		return fmt.Sprintf("%s: pain %d of 10%s; %s%s", name, e.pain, usual, what, r.stepWords(k))
	case coach.FlagNotSettled:
		return name + ": " + r.stepWords(k)
	case coach.FlagRedFlag, coach.FlagFeet:
		if s == nil || len(s.RedFlags) == 0 {
			if f.Kind == coach.FlagRedFlag {
				return "Answered yes to the red-flag question (this record does not say which). Advised not to exercise and to contact the clinician."
			}
			return pageClean(f.Reason)
		}
		var names []string
		for _, n := range s.RedFlags {
			q, known := coach.Question(coach.RedFlag(n))
			switch {
			case !known:
				names = append(names, pageClean(n))
			case q.Stops == (f.Kind == coach.FlagRedFlag):
				names = append(names, q.Short)
			}
		}
		if f.Kind == coach.FlagFeet {
			return "Answered yes to " + strings.Join(names, "; ") + ". Standing and feet exercises were left out; advised to contact the foot team today."
		}
		return "Answered yes to " + strings.Join(names, "; ") + ". Advised not to exercise and to contact the clinician."
	}
	return pageClean(f.Reason)
}

// stepWords say where a session's step down left the exercise.
func (r *Report) stepWords(k sessionExercise) string {
	m, ok := r.moves[k]
	if !ok || m.Decision.Move != exercises.Down {
		return "already at its easiest step"
	}
	x, ok := r.exercise(k.exercise)
	if !ok {
		return "down one step"
	}
	return "down one step to " + pageClean(exercises.RungText(x, m.Decision.To))
}

func (r *Report) exercise(id string) (*exercises.Exercise, bool) {
	for _, row := range r.Exercises {
		if row.Exercise.ID == id {
			return row.Exercise, true
		}
	}
	return nil, false
}
