// Package remind says what today holds for each routine, in plain words
// (limber status, the home screen), and installs the reminder that the
// system runs at the times a person chooses: a systemd user timer, else a
// crontab line. Working out the words is pure; reading the journal's end
// and running system commands are kept apart, behind small seams.
package remind

import (
	"time"

	"limber/coach"
	"limber/exercises"
)

// InUseDays is how long a routine counts as one the person follows after
// its last session with work in it: this week and the four weeks before.
// A routine never done in that time is left out of the status line, so a
// library of eight routines does not read as eight things to do.
const InUseDays = 28

// Routine is what the journal says of one routine today and this week.
type Routine struct {
	ID, Name  string // Name as the library has it, cleaned of control characters
	Frequency string // "daily" or "3x/week"
	PerWeek   int    // 7 for daily
	Items     int    // exercises in the routine

	// Done says the routine is done today: a finished session, or its
	// exercises all finished across the day's sessions (coach.Day).
	Done bool
	// Started says a session today was left part-way; Finished counts the
	// routine's exercises finished today.
	Started  bool
	Finished int
	// ThisWeek counts the days from Monday to today on which the routine
	// was done.
	ThisWeek int
	// Due says the routine is still to do: not done today, and done on
	// fewer days this week than it plans.
	Due bool
	// InUse says the routine had work in it this week or in the four
	// weeks before (InUseDays).
	InUse bool
	// MissedYesterday says a daily routine in use before yesterday was
	// not done yesterday (and yesterday was not a day of rest).
	MissedYesterday bool
	// Behind says a routine of a few days a week has more sessions left
	// this week than days left, today included.
	Behind bool
}

// Today is what today holds: each routine of the library, in library
// order, and whether a check-in today asked for no exercise.
type Today struct {
	Date time.Time // midnight at the start of today, local
	// Resting says a check-in today recorded a high-pain day with rest
	// chosen; Advised that a red flag (or ketones) ended a check-in today,
	// with advice not to exercise. Either way nothing is to do today.
	Resting, Advised bool
	Routines         []Routine
}

// Summarize works out today from the journal's replay. p may hold only
// the journal's recent records (Recent), as long as they cover Since(now).
func Summarize(lib *exercises.Library, p *coach.Progress, now time.Time) Today {
	today := coach.Midnight(now)
	weekday := (int(today.Weekday()) + 6) % 7 // Monday is 0
	monday := today.AddDate(0, 0, -weekday)
	yesterday := today.AddDate(0, 0, -1)
	since := Since(now)

	// The routines with work in them in the window, and before yesterday.
	inUse, before := map[string]bool{}, map[string]bool{}
	for i := len(p.Sessions) - 1; i >= 0; i-- {
		s := p.Sessions[i]
		if s.Start.Before(since) || !s.HasWork() {
			continue
		}
		inUse[s.Routine] = true
		if s.Start.Before(yesterday) {
			before[s.Routine] = true
		}
	}

	t := Today{Date: today}
	for _, rt := range lib.Routines() {
		r := Routine{ID: rt.ID, Name: exercises.Clean(rt.Name, false), Frequency: rt.Frequency,
			PerWeek: rt.PerWeek, Items: len(rt.Items), InUse: inUse[rt.ID]}
		d := p.Day(rt, now)
		t.Resting = t.Resting || d.Rested
		t.Advised = t.Advised || d.RedFlag
		r.Done = d.Done
		r.Started = !d.Done && d.Resume != nil
		r.Finished = len(d.Finished)
		for day := monday; !day.After(today); day = day.AddDate(0, 0, 1) {
			if p.Day(rt, day).Done {
				r.ThisWeek++
			}
		}
		r.Due = !r.Done && r.ThisWeek < r.PerWeek
		if r.PerWeek == 7 && before[rt.ID] {
			y := p.Day(rt, yesterday)
			r.MissedYesterday = !y.Done && !y.Rested && !y.RedFlag
		}
		left := 7 - weekday // days left this week, today included
		r.Behind = r.PerWeek < 7 && r.Due && r.PerWeek-r.ThisWeek > left
		t.Routines = append(t.Routines, r)
	}
	return t
}

// Since is the start of the time Summarize looks at: midnight on the
// Monday InUseDays before this week's. Yesterday is always after it.
func Since(now time.Time) time.Time {
	today := coach.Midnight(now)
	weekday := (int(today.Weekday()) + 6) % 7
	return today.AddDate(0, 0, -weekday-InUseDays)
}

// ToDo is the routines in use that are still due today; none on a day of
// rest or when a check-in advised no exercise.
func (t Today) ToDo() []Routine {
	if t.Resting || t.Advised {
		return nil
	}
	var out []Routine
	for _, r := range t.Routines {
		if r.InUse && r.Due {
			out = append(out, r)
		}
	}
	return out
}

// InUse is the routines the person follows: those with work in them
// this week or in the four weeks before.
func (t Today) InUse() []Routine {
	var out []Routine
	for _, r := range t.Routines {
		if r.InUse {
			out = append(out, r)
		}
	}
	return out
}

// Remind reports whether a reminder should go off now: something in use
// is still to do today, or nothing is in use and nothing was done today
// (the person asked to be reminded, and the coach has a routine ready).
// Never on a day of rest or when a check-in advised no exercise.
func (t Today) Remind() bool {
	if t.Resting || t.Advised {
		return false
	}
	if len(t.InUse()) == 0 {
		for _, r := range t.Routines {
			if r.Done || r.Started {
				return false
			}
		}
		return len(t.Routines) > 0
	}
	return len(t.ToDo()) > 0
}
