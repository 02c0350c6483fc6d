package coach

import (
	"encoding/json"
	"errors"
	"slices"
	"time"

	"limber/exercises"
	"limber/journal"
)

// snapshot is a Replayer between two records, as the state cache holds
// it: every field of the replay, pointers to sessions turned into places
// in a list. It is encoded with encoding/gob, which leaves out zero
// values and so cannot tell a nil pointer from a pointer to zero: what
// the replay holds behind a pointer (a usual pain of 0, a "no") is held
// here with its own flag (opt), and the records kept for repeats as the
// journal's own JSON lines.
type snapshot struct {
	Exercises   []snapExercise
	Sessions    snapSessions
	Flags       []Flag
	Unknown     map[string]int
	Names       map[string]string
	Implausible int
	Duplicates  int
	OffLadder   int
	Warnings    []snapWarning
	Results     []Result
	Notes       map[string][]Note
	// Ends of sessions the replay has no session for (the rest are
	// with their session).
	Ends         []snapEnd
	LastWithWork int // a place in Sessions, -1 for none
	Cur          int // a place in Sessions, -1 for none
	Demo         []string
	Open         []snapPending
	UnknownFirst []snapUnknown
	Added        int
	Last         time.Time
	Tail         []snapRecord
	Repeats      []int32
}

type snapExercise struct {
	ID         string
	State      exercises.State
	Start      exercises.Rung
	HasLast    bool
	Last       exercises.Decision
	Moves      []Move
	Sessions   int
	LastDone   time.Time
	Waiting    bool
	LastLevel  int
	Levels     []bool
	LastQuiet  bool
	LastState  exercises.State
	LibChanged bool
	LibFrom    exercises.Rung
	LastPerf   exercises.Performance
	LastScore  opt[int] // LastPerf.Score
}

// snapEnd is an exercise's end recorded when the replay had no session
// for it.
type snapEnd struct {
	Session  string
	Exercise string
	Seq      int
	Pain     int8
	Stopped  bool
}

type snapWarning struct {
	Line int
	Msg  string
}

type snapPending struct {
	Exercise string // as recorded
	Session  string
	Sets     []exercises.SetResult
	Rung     opt[exercises.Rung]
	Flare    int
	Unrated  [][2]int // place in sets, set
}

type snapUnknown struct {
	ID       string
	Exercise string
	Line     int32
	Count    int
}

// snapRecord is a record as the journal has it, and its line.
type snapRecord struct {
	Line int32
	JSON []byte
}

// opt is a value that may be missing (a nil pointer in the replay).
type opt[T any] struct {
	Set bool
	V   T
}

func optOf[T any](p *T) opt[T] {
	if p == nil {
		return opt[T]{}
	}
	return opt[T]{Set: true, V: *p}
}

// ptr is the pointer the value was taken from: a new one, or nil.
func (o opt[T]) ptr() *T {
	if !o.Set {
		return nil
	}
	v := o.V
	return &v
}

// snapshot takes the replay's state as it is now.
func (rp *Replayer) snapshot() (*snapshot, error) {
	p := rp.p
	s := &snapshot{Flags: p.Flags, Unknown: p.Unknown, Names: p.names, Implausible: p.Implausible,
		Duplicates: p.Duplicates, OffLadder: p.OffLadder, Results: p.Results, Notes: p.notes,
		LastWithWork: -1, Cur: -1, Added: rp.added, Last: rp.last}
	for _, w := range rp.warns {
		s.Warnings = append(s.Warnings, snapWarning{Line: w.Line, Msg: w.Msg})
	}
	ids := make([]string, 0, len(p.states))
	for id := range p.states {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		st := p.states[id]
		x := snapExercise{ID: st.ID, State: st.State, Start: st.Start, Moves: st.Moves,
			Sessions: st.Sessions, LastDone: st.LastDone, Waiting: st.Waiting, LastLevel: st.lastLevel, Levels: st.levels,
			LastQuiet: st.lastQuiet, LastState: st.lastState, LibChanged: st.libChanged, LibFrom: st.libFrom, LastPerf: st.lastPerf,
			LastScore: optOf(st.lastPerf.Score)}
		x.LastPerf.Score = nil
		if st.Last != nil {
			x.HasLast, x.Last = true, *st.Last
		}
		s.Exercises = append(s.Exercises, x)
	}
	for i, sess := range p.Sessions {
		if sess == p.lastWithWork {
			s.LastWithWork = i
		}
		if sess == rp.cur {
			s.Cur = i
		}
	}
	s.Sessions = snapSessionsOf(p.Sessions, &p.cachedEnds)
	for k, e := range p.endsApart {
		s.Ends = append(s.Ends, snapEnd{Session: k.session, Exercise: k.exercise, Seq: e.seq, Pain: e.pain, Stopped: e.stopped})
	}
	// Maps have no order: sort, so that one state gives one file.
	slices.SortFunc(s.Ends, func(a, b snapEnd) int {
		if c := compareStrings(a.Session, b.Session); c != 0 {
			return c
		}
		return compareStrings(a.Exercise, b.Exercise)
	})
	for id := range rp.demo {
		s.Demo = append(s.Demo, id)
	}
	slices.Sort(s.Demo)
	for ex, pd := range rp.open {
		sp := snapPending{Exercise: ex, Session: pd.session, Sets: pd.sets, Rung: optOf(pd.rung), Flare: pd.flare}
		for _, u := range pd.unrated {
			sp.Unrated = append(sp.Unrated, [2]int{u.idx, u.set})
		}
		s.Open = append(s.Open, sp)
	}
	slices.SortFunc(s.Open, func(a, b snapPending) int { return compareStrings(a.Exercise, b.Exercise) })
	for id, u := range rp.unknown {
		s.UnknownFirst = append(s.UnknownFirst, snapUnknown{ID: id, Exercise: u.exercise, Line: u.line, Count: u.count})
	}
	slices.SortFunc(s.UnknownFirst, func(a, b snapUnknown) int { return compareStrings(a.ID, b.ID) })
	for n := range p.repeats {
		s.Repeats = append(s.Repeats, n)
	}
	slices.Sort(s.Repeats)
	for _, r := range rp.tail {
		line, err := json.Marshal(&r)
		if err != nil {
			return nil, err
		}
		s.Tail = append(s.Tail, snapRecord{Line: r.Line, JSON: line})
	}
	return s, nil
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

var errDamaged = errors.New("the cache is damaged")

// replayer is the replay the snapshot was taken of, going on with lib,
// which must be the library it was made with.
func (s *snapshot) replayer(lib *exercises.Library) (*Replayer, error) {
	rp := NewReplayer(lib)
	p := rp.p
	p.Flags, p.Implausible, p.Duplicates, p.OffLadder, p.Results = s.Flags, s.Implausible, s.Duplicates, s.OffLadder, s.Results
	if s.Unknown != nil {
		p.Unknown = s.Unknown
	}
	if s.Names != nil {
		p.names = s.Names
	}
	if s.Notes != nil {
		p.notes = s.Notes
	}
	for _, w := range s.Warnings {
		rp.warns = append(rp.warns, journal.Warning{Line: w.Line, Msg: w.Msg})
	}
	for _, x := range s.Exercises {
		st := &ExerciseState{ID: x.ID, State: x.State, Start: x.Start, Moves: x.Moves, Sessions: x.Sessions,
			LastDone: x.LastDone, Waiting: x.Waiting, lastLevel: x.LastLevel, levels: x.Levels, lastQuiet: x.LastQuiet,
			lastState: x.LastState, libChanged: x.LibChanged, libFrom: x.LibFrom, lastPerf: x.LastPerf}
		if x.HasLast {
			d := x.Last
			st.Last = &d
		}
		st.lastPerf.Score = x.LastScore.ptr()
		st.lastSets = st.lastPerf.Sets
		p.states[x.ID] = st
	}
	sessions, ends, ok := s.Sessions.sessions()
	if !ok {
		return nil, errDamaged
	}
	p.Sessions, p.cachedEnds = sessions, ends
	p.byKey = make(map[string]*Session, len(sessions))
	for _, sess := range sessions {
		p.byKey[sess.key] = sess
	}
	for _, e := range s.Ends {
		p.endsApart[sessionExercise{e.Session, e.Exercise}] = end{exercise: e.Exercise, seq: e.Seq, pain: e.Pain, stopped: e.Stopped}
	}
	if i := s.LastWithWork; i >= 0 && i < len(p.Sessions) {
		p.lastWithWork = p.Sessions[i]
	}
	if i := s.Cur; i >= 0 && i < len(p.Sessions) {
		rp.cur = p.Sessions[i]
	}
	for _, id := range s.Demo {
		rp.demo[id] = true
	}
	for _, x := range s.Open {
		pd := &pending{session: x.Session, sets: x.Sets, rung: x.Rung.ptr(), flare: x.Flare}
		pd.ex, _ = lib.Exercise(x.Exercise)
		for _, u := range x.Unrated {
			pd.unrated = append(pd.unrated, sideAt{idx: u[0], set: u[1]})
		}
		rp.open[x.Exercise] = pd
	}
	for _, u := range s.UnknownFirst {
		rp.unknown[u.ID] = &unknownExercise{exercise: u.Exercise, line: u.Line, count: u.Count}
	}
	for _, n := range s.Repeats {
		p.repeats[n] = true
	}
	rp.added, rp.last = s.Added, s.Last
	for _, r := range s.Tail {
		var rec journal.Record
		if err := json.Unmarshal(r.JSON, &rec); err != nil {
			return nil, err
		}
		rec.Line = r.Line
		rp.tail = append(rp.tail, rec)
	}
	return rp, nil
}
