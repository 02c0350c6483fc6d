package coach

import (
	"slices"
	"time"

	"limber/exercises"
)

// Day is what one routine's sessions of one day add up to.
type Day struct {
	// Done says the routine is done that day: one of its sessions was
	// finished (or stopped by the rules), or its sessions together finished
	// every exercise. A session left part-way is not done.
	Done bool
	// Finished are the routine's exercises finished that day, in routine
	// order.
	Finished []string
	// Left are the routine's exercises not yet finished that day, in
	// routine order: what carrying on offers, from the first.
	Left []string
	// Resume is the latest session of the routine left part-way that day,
	// when the routine is not done: a session that carries it on records
	// resumes: Resume.ID.
	Resume *Session
	// Rested says a high-pain day was recorded with rest chosen; RedFlag
	// that a red flag (or ketones) ended a check-in that day.
	Rested, RedFlag bool
}

// Day returns what the journal shows of routine rt on day's date (in day's
// location).
func (p *Progress) Day(rt *exercises.Routine, day time.Time) Day {
	start := Midnight(day)
	end := start.AddDate(0, 0, 1)
	var d Day
	finished := map[string]bool{}
	for _, s := range p.sessionsBetween(start, end) {
		if s.Routine != rt.ID {
			continue
		}
		switch {
		case s.Outcome == OutcomeRest || s.Today == TodayRest:
			d.Rested = true
		case s.RedFlag || s.Outcome == OutcomeRedFlag || s.Outcome == OutcomeKetones:
			d.RedFlag = true
		}
		for _, id := range s.Exercises {
			finished[id] = true
		}
		if s.Counts() {
			d.Done = true
		}
		if s.PartWay() {
			d.Resume = s
		}
	}
	for _, it := range rt.Items {
		if finished[it.ID] {
			d.Finished = append(d.Finished, it.ID)
		} else if !slices.Contains(d.Left, it.ID) {
			d.Left = append(d.Left, it.ID)
		}
	}
	if len(d.Left) == 0 && len(d.Finished) > 0 {
		d.Done = true
	}
	if d.Done {
		d.Resume = nil
	}
	return d
}

// sessionsBetween returns the sessions that began in [from, to). Sessions
// are in journal order, which is time order after Replay's sort, so this
// looks only at the end of the list.
func (p *Progress) sessionsBetween(from, to time.Time) []*Session {
	i := len(p.Sessions)
	for i > 0 && !p.Sessions[i-1].Start.Before(from) {
		i--
	}
	var out []*Session
	for _, s := range p.Sessions[i:] {
		if s.Start.Before(to) {
			out = append(out, s)
		}
	}
	return out
}
