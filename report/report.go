// Package report turns the journal into what patients and therapists read:
// the progress report (terminal text and a printable HTML page) and the
// take-home handout of a routine. It only reads; it never records.
package report

import (
	"slices"
	"time"

	"limber/coach"
	"limber/exercises"
)

// Weeks is how far back the adherence calendar reaches.
const Weeks = 12

// PainSessions is how many of the latest sessions the pain chart shows.
const PainSessions = 60

// Report is everything the progress screen and the report show.
type Report struct {
	Generated time.Time
	Sessions  int       // sessions with work, in all
	First     time.Time // the first session, zero if none
	Pain      []PainPoint
	Calendar  Calendar
	Exercises []ExerciseRow
	Flags     []coach.Flag // of the last Weeks weeks
	// OlderFlags counts flags before the calendar's first week.
	OlderFlags int
	names      map[string]string // exercise names by id
}

// ExerciseName is an exercise's name, or its id if the library lost it.
func (r *Report) ExerciseName(id string) string {
	if n, ok := r.names[id]; ok {
		return n
	}
	return id
}

// PainPoint is one session's pain before starting (its baseline).
type PainPoint struct {
	At       time.Time
	Routine  string
	Baseline int
}

// Calendar is the last Weeks weeks, Monday first, with what was done each
// day, against each routine's frequency.
type Calendar struct {
	Start    time.Time // a Monday, midnight local time
	Days     [Weeks * 7]Day
	Routines []RoutineWeeks
}

// Day is one day of the calendar.
type Day struct {
	Date     time.Time
	Routines []string // ids of routines with work that day
	Future   bool     // after today
}

// RoutineWeeks is one routine's adherence, week by week.
type RoutineWeeks struct {
	ID      string
	Name    string
	PerWeek int
	Done    [Weeks]int // days with a session of this routine, each week
}

// ExerciseRow is one exercise's place on its ladder.
type ExerciseRow struct {
	Exercise *exercises.Exercise
	Start    exercises.Rung
	Now      exercises.Rung
	Index    int // Now's place on the ladder, from 0
	Len      int // rungs on the ladder
	Sessions int
	LastDone time.Time
	Moves    []coach.Move
	Last     string // the latest decision's reason
}

// Build assembles the report from the replayed journal.
func Build(lib *exercises.Library, p *coach.Progress, now time.Time) *Report {
	r := &Report{Generated: now, names: map[string]string{}}
	for _, x := range lib.Exercises() {
		r.names[x.ID] = x.Name
	}
	for id := range p.Unknown { // gone from the library: named as the journal recorded them
		r.names[id] = p.ExerciseName(id)
	}
	for _, s := range p.Sessions {
		// A red-flag day has a baseline and no work: its pain counts.
		if s.Baseline != nil {
			r.Pain = append(r.Pain, PainPoint{At: s.Start, Routine: s.Routine, Baseline: *s.Baseline})
		}
		if len(s.Exercises) == 0 {
			continue
		}
		r.Sessions++
		if r.First.IsZero() {
			r.First = s.Start
		}
	}
	if len(r.Pain) > PainSessions {
		r.Pain = r.Pain[len(r.Pain)-PainSessions:]
	}
	r.Calendar = buildCalendar(lib, p, now)
	for _, x := range lib.Exercises() {
		st, ok := p.State(x.ID)
		if !ok {
			continue
		}
		i, _ := x.Ladder.Index(st.Rung)
		row := ExerciseRow{Exercise: x, Start: st.Start, Now: st.Rung, Index: i, Len: x.Ladder.Len(),
			Sessions: st.Sessions, LastDone: st.LastDone, Moves: st.Moves}
		if st.Last != nil {
			row.Last = st.Last.Reason
		}
		r.Exercises = append(r.Exercises, row)
	}
	// Most recently done first: what the therapist asks about.
	slices.SortStableFunc(r.Exercises, func(a, b ExerciseRow) int { return b.LastDone.Compare(a.LastDone) })
	// Flags of the calendar's weeks; older ones are counted.
	for _, f := range p.Flags {
		if f.At.Before(r.Calendar.Start) {
			r.OlderFlags++
		} else {
			r.Flags = append(r.Flags, f)
		}
	}
	return r
}

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

func buildCalendar(lib *exercises.Library, p *coach.Progress, now time.Time) Calendar {
	today := midnight(now)
	monday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	c := Calendar{Start: monday.AddDate(0, 0, -7*(Weeks-1))}
	for i := range c.Days {
		c.Days[i].Date = c.Start.AddDate(0, 0, i)
		c.Days[i].Future = c.Days[i].Date.After(today)
	}
	index := map[string]int{}
	for _, rt := range lib.Routines() {
		index[rt.ID] = len(c.Routines)
		c.Routines = append(c.Routines, RoutineWeeks{ID: rt.ID, Name: rt.Name, PerWeek: rt.PerWeek})
	}
	for _, s := range p.Sessions {
		if len(s.Exercises) == 0 {
			continue
		}
		day := midnight(s.Start.In(now.Location()))
		i := int(day.Sub(c.Start).Hours()+0.5) / 24
		if day.Before(c.Start) || i >= len(c.Days) {
			continue
		}
		d := &c.Days[i]
		if slices.Contains(d.Routines, s.Routine) {
			continue
		}
		d.Routines = append(d.Routines, s.Routine)
		if k, ok := index[s.Routine]; ok {
			c.Routines[k].Done[i/7]++
		}
	}
	return c
}
