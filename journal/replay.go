package journal

import (
	"slices"
	"time"

	"limber/exercises"
)

// ExerciseState is what the journal says of one exercise: where the patient
// stands on its ladder now, where they started, and how they got there.
type ExerciseState struct {
	ID string
	exercises.State
	Start    exercises.Rung
	Last     *exercises.Decision // the latest decision, for its reason
	Moves    []Move              // every change of rung, oldest first
	Sessions int                 // sessions in which it was done
	LastDone time.Time

	// The latest decision, when it was reached quietly: its reason is
	// written once, at the end of the replay.
	lastQuiet bool
	lastState exercises.State
	lastPerf  exercises.Performance
	lastSets  []exercises.SetResult
}

// Move is one change of rung and why.
type Move struct {
	At       time.Time
	Session  string
	Decision exercises.Decision
	Cause    string // "rules", "next-morning" or "adjust"
}

// Session is one session as the journal tells it.
type Session struct {
	ID        string
	Routine   string
	Start     time.Time
	End       time.Time // zero if it never ended (quit by a crash)
	Baseline  *int
	RedFlag   bool
	Settled   *bool
	Outcome   string
	Exercises []string // ids, in the order they ended
	Sets      int
}

// Flag is something the therapist must see.
type Flag struct {
	At       time.Time
	Session  string
	Exercise string // empty for a whole-session flag
	Kind     string // "safety", "stop", "red-flag", "not-settled"
	Reason   string
}

// Progress is the journal replayed through the rules: the only source of
// the patient's current rungs (there is no second state file).
type Progress struct {
	lib      *exercises.Library
	states   map[string]*ExerciseState
	Sessions []*Session
	Flags    []Flag
	Unknown  map[string]int // records of exercises the library no longer has
}

// State returns the exercise's state, and false if it was never done.
func (p *Progress) State(id string) (*ExerciseState, bool) {
	s, ok := p.states[id]
	return s, ok
}

// Current is where the exercise stands for its next session: the journal's
// rung, else the routine's starting dose, else the exercise's own.
func (p *Progress) Current(e *exercises.Exercise, start exercises.Dose) (exercises.Dose, *ExerciseState) {
	if s, ok := p.states[e.ID]; ok {
		return start.WithRung(s.Rung), s
	}
	return start, nil
}

// Now is where an exercise stands for its next session: its dose and its
// state (rung and easy streak), from the journal, else from start.
func (p *Progress) Now(e *exercises.Exercise, start exercises.Dose) (exercises.Dose, exercises.State) {
	if s, ok := p.states[e.ID]; ok {
		return start.WithRung(s.Rung), s.State
	}
	return start, exercises.State{Rung: start.Rung()}
}

// pending gathers one exercise's sets until its exercise_end.
type pending struct {
	session string
	sets    []exercises.SetResult
	rung    *exercises.Rung
}

// Replay runs every record through the rules in order. Records of demo
// sessions and of exercises the library no longer has are passed over.
func Replay(lib *exercises.Library, recs []Record) *Progress {
	// A therapist may back-fill past sessions with limber log --at: replay
	// in time order. Records of one session share or increase their time,
	// and the stable sort keeps their order.
	if !slices.IsSortedFunc(recs, byTime) {
		recs = slices.Clone(recs)
		slices.SortStableFunc(recs, byTime)
	}
	p := &Progress{lib: lib, states: map[string]*ExerciseState{}, Unknown: map[string]int{}}
	sessions := map[string]*Session{}
	demo := map[string]bool{}
	// Sets of one exercise in one session stand together: keyed by the
	// exercise, a pending list is restarted when the session changes.
	open := map[string]*pending{}
	var lastWithWork, cur *Session

	session := func(r *Record) *Session {
		if cur != nil && cur.ID == r.Session {
			return cur
		}
		s, ok := sessions[r.Session]
		if !ok {
			s = &Session{ID: r.Session, Routine: r.Routine, Start: r.At}
			sessions[r.Session] = s
			p.Sessions = append(p.Sessions, s)
		}
		cur = s
		return s
	}
	for i := range recs {
		r := &recs[i]
		if r.Demo {
			demo[r.Session] = true
		}
		if len(demo) > 0 && demo[r.Session] {
			continue
		}
		switch r.Kind {
		case KindSessionStart:
			s := session(r)
			s.Routine, s.Start, s.Baseline, s.Settled = r.Routine, r.At, r.Baseline, r.Settled
			if r.RedFlag != nil && *r.RedFlag {
				s.RedFlag = true
				p.Flags = append(p.Flags, Flag{At: r.At, Session: r.Session, Kind: "red-flag",
					Reason: "Answered yes to the red-flag question: advised not to exercise and to contact the clinician."})
			}
			if r.Settled != nil && !*r.Settled && lastWithWork != nil && lastWithWork != s {
				p.stepDownAfter(lastWithWork, r)
			}
		case KindSet:
			session(r).Sets++
			pd := open[r.Exercise]
			if pd == nil {
				pd = &pending{}
				open[r.Exercise] = pd
			}
			if pd.session != r.Session {
				pd.session, pd.sets, pd.rung = r.Session, pd.sets[:0], nil
			}
			if pd.rung == nil && r.Rung != nil {
				rg := *r.Rung
				pd.rung = &rg
			}
			pd.sets = append(pd.sets, exercises.SetResult{Target: r.Target, Achieved: r.Achieved, Effort: r.Effort})
		case KindExerciseEnd:
			e, ok := lib.Exercise(r.Exercise)
			if !ok {
				p.Unknown[r.Exercise]++
				continue
			}
			s := session(r)
			var sets []exercises.SetResult
			var first *exercises.Rung
			if pd := open[r.Exercise]; pd != nil && pd.session == r.Session {
				sets, first = pd.sets, pd.rung
				pd.session = "" // used: the next session starts afresh
			}
			st := p.state(e, r, first)
			perf := exercises.Performance{Sets: sets, Score: r.Score}
			if r.Pain != nil {
				perf.Pain = *r.Pain
			}
			if s.Baseline != nil {
				perf.Baseline, perf.HasBaseline = *s.Baseline, true
			}
			// Most sessions change nothing: decide quietly, and explain
			// only what moved or is flagged (and, at the end, the latest).
			d := exercises.DecideQuiet(e, st.State, perf)
			if d.Move != exercises.Stay || d.Flag {
				d = exercises.Decide(e, st.State, perf)
			} else {
				st.lastQuiet, st.lastState = true, st.State
				st.lastSets = append(st.lastSets[:0], perf.Sets...)
				st.lastPerf = perf
				st.lastPerf.Sets = st.lastSets
			}
			p.apply(st, r, d, "rules")
			if d.Flag {
				p.Flags = append(p.Flags, Flag{At: r.At, Session: r.Session, Exercise: e.ID, Kind: "safety", Reason: d.Reason})
			}
			if r.Stopped {
				p.Flags = append(p.Flags, Flag{At: r.At, Session: r.Session, Exercise: e.ID, Kind: "stop",
					Reason: "Stopped for pain during " + e.Name + "."})
			}
			st.Sessions++
			st.LastDone = r.At
			s.Exercises = append(s.Exercises, e.ID)
			lastWithWork = s
		case KindSessionEnd:
			s := session(r)
			s.End, s.Outcome = r.At, r.Outcome
		case KindAdjust:
			e, ok := lib.Exercise(r.Exercise)
			if !ok || r.Rung == nil {
				p.Unknown[r.Exercise]++
				continue
			}
			st := p.state(e, r, nil)
			to := e.Ladder.Nearest(*r.Rung)
			p.apply(st, r, exercises.Adjusted(e, st.State, to), "adjust")
		}
	}
	for id, st := range p.states {
		if st.lastQuiet {
			e, _ := lib.Exercise(id)
			d := exercises.Decide(e, st.lastState, st.lastPerf)
			st.Last, st.lastQuiet = &d, false
		}
	}
	return p
}

// state returns the exercise's state, creating it at its starting rung: the
// first set's rung where the journal has one, else the routine's start,
// else the exercise's own dose.
func (p *Progress) state(e *exercises.Exercise, r *Record, first *exercises.Rung) *ExerciseState {
	if st, ok := p.states[e.ID]; ok {
		if !e.Ladder.Contains(st.Rung) {
			st.Rung = e.Ladder.Nearest(st.Rung)
		}
		return st
	}
	start := e.Dose.Rung()
	if first != nil {
		start = *first
	} else if rt, ok := p.lib.Routine(r.Routine); ok && r.Routine != "" {
		for _, it := range rt.Items {
			if it.ID == e.ID {
				start = it.Start.Rung()
				break
			}
		}
	}
	start = e.Ladder.Nearest(start)
	st := &ExerciseState{ID: e.ID, State: exercises.State{Rung: start}, Start: start}
	p.states[e.ID] = st
	return st
}

func (p *Progress) apply(st *ExerciseState, r *Record, d exercises.Decision, cause string) {
	st.Rung, st.Streak = d.To, d.Streak
	if d.Reason != "" {
		d2 := d
		st.Last, st.lastQuiet = &d2, false
	}
	if d.To != d.From {
		st.Moves = append(st.Moves, Move{At: r.At, Session: r.Session, Decision: d, Cause: cause})
	}
}

// stepDownAfter applies the next-morning rule to every exercise of the last
// session with work in it.
func (p *Progress) stepDownAfter(last *Session, r *Record) {
	seen := map[string]bool{}
	for _, id := range last.Exercises {
		if seen[id] {
			continue
		}
		seen[id] = true
		e, ok := p.lib.Exercise(id)
		if !ok {
			continue
		}
		st := p.state(e, r, nil)
		d := exercises.NotSettled(e, st.State)
		p.apply(st, r, d, "next-morning")
		p.Flags = append(p.Flags, Flag{At: r.At, Session: r.Session, Exercise: id, Kind: "not-settled", Reason: d.Reason})
	}
}

// PlanItem is one exercise of the next session's prescription.
type PlanItem struct {
	Exercise *exercises.Exercise
	Dose     exercises.Dose
	Reason   string
	Flag     bool
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
	item := PlanItem{Exercise: e, Dose: dose, Reason: "Your starting dose."}
	if st != nil && st.Last != nil {
		item.Reason, item.Flag = st.Last.Reason, st.Last.Flag
	}
	return item
}

func byTime(a, b Record) int { return a.At.Compare(b.At) }
