// Package report turns the journal into what patients and therapists read:
// the progress report (terminal text and a printable HTML page) and the
// take-home handout of a routine. It only reads; it never records.
package report

import (
	"fmt"
	"slices"
	"time"

	"limber/coach"
	"limber/exercises"
	"limber/profile"
)

// Weeks is how far back the adherence calendar reaches.
const Weeks = 12

// PainSessions is how many of the latest check-ins the pain chart shows.
const PainSessions = 60

// Input is what a report is made from.
type Input struct {
	Lib *exercises.Library
	// Progress is the journal replayed through the rules; the pain after
	// each exercise, therapists' notes and the outcome measures come from
	// it too, so that a report never holds the journal.
	Progress *coach.Progress
	Profile  *profile.Profile // who it is about; nil or empty when not known
	Now      time.Time
}

// Report is everything the progress screen and the report show.
type Report struct {
	Generated time.Time
	Person    Person
	// Sessions counts the sessions done: a routine's sessions of one day
	// count once, and so do all of one day's limber log calls; a session
	// left part-way does not count (DESIGN section 6).
	Sessions int
	First    time.Time // the first session done, zero if none
	// Pain is one point per check-in (a routine's sessions of one day, or
	// one day's log calls), the latest PainSessions of them.
	Pain      []PainPoint
	Calendar  Calendar
	Exercises []ExerciseRow
	// Flags are the safety flags of the last Weeks weeks, oldest first;
	// FlagRows groups them. Ready flags are apart, in Waiting.
	Flags []coach.Flag
	// OlderFlags counts safety flags before the calendar's first week.
	OlderFlags int
	// Waiting are the exercises waiting at their gate for the therapist.
	Waiting []Waiting
	// Measures are the outcome measures of the library, with their results.
	Measures []Measure

	names    map[string]string         // exercise names by id
	sessions map[string]*coach.Session // by id, for the red flags' names
	progress *coach.Progress
	moves    map[sessionExercise]coach.Move
}

// Person is who the report or handout is about, from the profile.
type Person struct {
	Name      string
	Born      int
	Clinician string
}

// PersonOf is the profile's name, year of birth and clinician, cleaned.
func PersonOf(p *profile.Profile) Person {
	if p == nil {
		return Person{}
	}
	return Person{Name: pageClean(p.Name), Born: p.Born, Clinician: pageClean(p.Clinician)}
}

// Line is the person on one line: "Ann Lee · born 1954 · clinician Dr
// Rao", or "" when the profile says nothing.
func (p Person) Line() string {
	var parts []string
	if p.Name != "" {
		parts = append(parts, p.Name)
	}
	if p.Born > 0 {
		parts = append(parts, fmt.Sprintf("born %d", p.Born))
	}
	if p.Clinician != "" {
		parts = append(parts, "clinician "+p.Clinician)
	}
	return joinDot(parts)
}

func joinDot(parts []string) string {
	out := ""
	for i, s := range parts {
		if i > 0 {
			out += " · "
		}
		out += s
	}
	return out
}

// ExerciseName is an exercise's name, or its id if the library lost it.
func (r *Report) ExerciseName(id string) string {
	if n, ok := r.names[id]; ok {
		return n
	}
	return id
}

// Period is the dates the report covers: "19 Jan 2026 to 5 Mar 2026", or
// "no sessions yet".
func (r *Report) Period() string {
	if r.First.IsZero() {
		return "no sessions yet"
	}
	loc := r.Generated.Location()
	return pageDate(r.First.In(loc)) + " to " + pageDate(r.Generated)
}

// PainPoint is one check-in's pain: the usual pain given before starting,
// and the highest pain after an exercise. Either may be missing: a red
// flag ends a check-in before any exercise, and limber log may be called
// without --baseline.
type PainPoint struct {
	At      time.Time
	Routine string // "" for a day's log calls
	Before  *int
	After   *int
}

// Calendar is the last Weeks weeks, Monday first, with what was done each
// day, against each routine's frequency.
type Calendar struct {
	Start    time.Time // a Monday, midnight local time
	Days     [Weeks * 7]Day
	Routines []RoutineWeeks
	// Logged counts, each week, the days with exercises recorded by
	// limber log that made up no whole routine.
	Logged [Weeks]int
}

// Day is one day of the calendar.
type Day struct {
	Date     time.Time
	Routines []string // ids of the routines done that day
	Logged   bool     // exercises recorded with limber log
	// PartWay says work was started that day and nothing was finished: a
	// session left part-way does not count as done.
	PartWay bool
	Future  bool // after today
}

// Done reports whether a session was done that day.
func (d Day) Done() bool { return len(d.Routines) > 0 || d.Logged }

// RoutineWeeks is one routine's adherence, week by week.
type RoutineWeeks struct {
	ID      string
	Name    string
	PerWeek int
	Done    [Weeks]int // days with the routine done, each week
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
	Notes    []Note // the therapist's notes (limber adjust --note), oldest first
}

// Note is a therapist's note on an exercise.
type Note struct {
	At   time.Time
	Text string
}

// Build assembles the report.
func Build(in Input) *Report {
	lib, p, now := in.Lib, in.Progress, in.Now
	r := &Report{Generated: now, Person: PersonOf(in.Profile), names: map[string]string{}, sessions: map[string]*coach.Session{},
		progress: p, moves: map[sessionExercise]coach.Move{}}
	for _, x := range lib.Exercises() {
		r.names[x.ID] = x.Name
	}
	for id := range p.Unknown { // gone from the library: named as the journal recorded them
		r.names[id] = p.ExerciseName(id)
	}
	for _, s := range p.Sessions {
		r.sessions[s.ID] = s
	}
	vs := visits(lib, p, now.Location())
	for _, v := range vs {
		if v.done {
			r.Sessions++
			if r.First.IsZero() {
				r.First = v.start
			}
		}
		if pt, ok := v.painPoint(); ok {
			r.Pain = append(r.Pain, pt)
		}
	}
	if len(r.Pain) > PainSessions {
		r.Pain = r.Pain[len(r.Pain)-PainSessions:]
	}
	r.Calendar = buildCalendar(lib, vs, now)
	for _, x := range lib.Exercises() {
		st, ok := p.State(x.ID)
		if !ok {
			continue
		}
		i, _ := x.Ladder.Index(st.Rung)
		row := ExerciseRow{Exercise: x, Start: st.Start, Now: st.Rung, Index: i, Len: x.Ladder.Len(),
			Sessions: st.Sessions, LastDone: st.LastDone, Moves: st.Moves, Notes: notes(p, x.ID)}
		if st.Last != nil {
			row.Last = st.Last.Reason
		}
		r.Exercises = append(r.Exercises, row)
		for _, m := range st.Moves {
			r.moves[sessionExercise{m.Session, x.ID}] = m
		}
	}
	// Most recently done first: what the therapist asks about.
	slices.SortStableFunc(r.Exercises, func(a, b ExerciseRow) int { return b.LastDone.Compare(a.LastDone) })
	r.flags(lib, p)
	r.Measures = measures(lib, p.Results, in.Profile, now)
	return r
}

// sessionExercise keys what one session did with one exercise.
type sessionExercise struct{ session, exercise string }

// endInfo is an exercise's end in one session, as the journal has it.
type endInfo struct {
	pain    int // -1 when none was given
	stopped bool
}

// end is the exercise's end in the session, from the journal.
func end(p *coach.Progress, k sessionExercise) (endInfo, bool) {
	pain, stopped, ok := p.End(k.session, k.exercise)
	return endInfo{pain: pain, stopped: stopped}, ok
}

// notes are the therapists' notes on an exercise, cleaned for the page.
func notes(p *coach.Progress, id string) []Note {
	var out []Note
	for _, n := range p.Notes(id) {
		out = append(out, Note{At: n.At, Text: pageClean(n.Text)})
	}
	return out
}
