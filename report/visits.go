package report

// What the report counts as a session. The journal has one session per
// check-in; the report counts what a person did: a routine's sessions of
// one day are one session (quit, then carried on, is still one), and so
// are all of one day's limber log calls, which each write a session of
// their own. A session left part-way is not done (DESIGN section 7).

import (
	"slices"
	"time"

	"limber/coach"
	"limber/exercises"
)

// visit is one routine's sessions on one day, or one day's log calls.
type visit struct {
	day      time.Time // midnight, in the report's location
	start    time.Time // the first session's start
	routine  string    // "" for log calls
	sessions []*coach.Session
	// finished are the exercises finished in the visit.
	finished map[string]bool
	work     bool            // a set was done or an exercise finished
	done     bool            // it counts as a session done
	p        *coach.Progress // for each exercise's end
}

// visits groups the replayed sessions by day and routine, in time order.
// A routine's visit is done when one of its sessions was finished with
// work in it, or its sessions and the day's log calls together finished
// every exercise of the routine; a day's log calls are done when they hold
// work.
func visits(lib *exercises.Library, p *coach.Progress, loc *time.Location) []*visit {
	var out []*visit
	index := map[string]*visit{}
	for _, s := range p.Sessions {
		day := coach.Midnight(s.Start.In(loc))
		key := day.Format(time.DateOnly) + "\x00" + s.Routine
		v := index[key]
		if v == nil {
			v = &visit{day: day, start: s.Start, routine: s.Routine, finished: map[string]bool{}, p: p}
			index[key] = v
			out = append(out, v)
		}
		v.sessions = append(v.sessions, s)
		for _, id := range s.Exercises {
			v.finished[id] = true
		}
		v.work = v.work || s.HasWork()
		v.done = v.done || s.Counts()
	}
	for _, v := range out {
		switch {
		case v.routine == "":
			v.done = v.work
		case !v.done:
			rt, ok := lib.Routine(v.routine)
			logged := index[v.day.Format(time.DateOnly)+"\x00"]
			v.done = ok && len(rt.Items) > 0 && covers(rt, v.finished, logged)
		}
	}
	return out
}

// covers reports whether the exercises finished, with those logged the
// same day, take in every exercise of the routine.
func covers(rt *exercises.Routine, finished map[string]bool, logged *visit) bool {
	for _, it := range rt.Items {
		if !finished[it.ID] && (logged == nil || !logged.finished[it.ID]) {
			return false
		}
	}
	return true
}

// painPoint is the visit's usual pain at its first check-in that gave one,
// and the highest pain at the end of any of its exercises. A visit with
// neither has none. A visit left part-way has one too: it is not a
// session done, but its pain is what the person felt, and a session left
// because it hurt is the one the therapist most needs to see.
func (v *visit) painPoint() (PainPoint, bool) {
	pt := PainPoint{At: v.start, Routine: v.routine}
	for _, s := range v.sessions {
		if pt.Before == nil && s.Baseline != nil {
			b := *s.Baseline
			pt.Before = &b
		}
		for _, id := range s.Exercises {
			if e, ok := end(v.p, sessionExercise{s.ID, id}); ok && e.pain >= 0 && (pt.After == nil || e.pain > *pt.After) {
				a := e.pain
				pt.After = &a
			}
		}
	}
	return pt, pt.Before != nil || pt.After != nil
}

func buildCalendar(lib *exercises.Library, vs []*visit, now time.Time) Calendar {
	today := coach.Midnight(now)
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
	dayOf := func(v *visit) (int, bool) {
		i := int(v.day.Sub(c.Start).Hours()+0.5) / 24
		return i, !v.day.Before(c.Start) && i < len(c.Days)
	}
	byDay := map[int][]*visit{}
	for _, v := range vs {
		if i, ok := dayOf(v); ok {
			byDay[i] = append(byDay[i], v)
		}
	}
	for i, day := range byDay {
		d := &c.Days[i]
		var logged *visit
		for _, v := range day {
			if v.routine == "" && v.done {
				logged = v
			}
		}
		for _, v := range day {
			switch {
			case v.routine != "" && v.done:
				if !slices.Contains(d.Routines, v.routine) {
					d.Routines = append(d.Routines, v.routine)
				}
			case v.work && !v.done:
				d.PartWay = true
			}
		}
		// A day's log calls count toward each routine they (with its own
		// part-way sessions) finished whole.
		if logged != nil {
			whole := false
			for _, rt := range lib.Routines() {
				if len(rt.Items) > 0 && covers(rt, map[string]bool{}, logged) {
					whole = true
					if !slices.Contains(d.Routines, rt.ID) {
						d.Routines = append(d.Routines, rt.ID)
					}
				}
			}
			d.Logged = true
			if !whole {
				c.Logged[i/7]++
			}
		}
		if d.Done() {
			d.PartWay = false
		}
		slices.SortFunc(d.Routines, func(a, b string) int { return index[a] - index[b] })
		for _, id := range d.Routines {
			if k, ok := index[id]; ok {
				c.Routines[k].Done[i/7]++
			}
		}
	}
	return c
}
