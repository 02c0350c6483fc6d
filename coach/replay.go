package coach

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"limber/exercises"
	"limber/journal"
)

// Replay runs every record through the rules in time order. Records of
// demo sessions are passed over. A record that cannot be applied is
// skipped with a warning that names its line (Progress.Warnings), never
// applied: one with values no session can give, one of an exercise the
// library does not have, a therapist's adjust to a rung that is not on the
// exercise's ladder, and a repeat of a record, byte for byte.
func Replay(lib *exercises.Library, recs []journal.Record) *Progress {
	rp := NewReplayer(lib)
	rp.Add(recs) // never refused: nothing was replayed before
	return rp.Progress()
}

// NewReplayer starts a replay of a journal through lib's rules.
func NewReplayer(lib *exercises.Library) *Replayer {
	return &Replayer{
		p: &Progress{lib: lib, states: map[string]*ExerciseState{}, Unknown: map[string]int{}, names: map[string]string{},
			byKey: map[string]*Session{}, endsApart: map[sessionExercise]end{}, notes: map[string][]Note{}, repeats: map[int32]bool{}},
		lib:     lib,
		demo:    map[string]bool{},
		open:    map[string]*pending{},
		unknown: map[string]*unknownExercise{},
		now:     time.Now(),
	}
}

// Add replays recs, the records that follow in the journal those added
// before, in time order. Replaying a journal in two calls gives what one
// call gives, as long as no record of the second is earlier than the
// latest of the first: Add refuses such records, replaying none of them and
// returning false, and the journal must then be replayed from its start.
func (rp *Replayer) Add(recs []journal.Record) bool {
	if len(recs) == 0 {
		return true
	}
	order := timeOrder(recs)
	at := func(i int) *journal.Record {
		if order == nil {
			return &recs[i]
		}
		return &recs[order[i]]
	}
	if rp.added > 0 && at(0).At.Before(rp.last) {
		return false
	}
	rp.now = time.Now()
	for i := range recs {
		r := at(i)
		seq := rp.added + i
		if order != nil {
			seq = rp.added + int(order[i])
		}
		rp.keep(r, seq)
		if rp.repeat(at, i) {
			continue
		}
		rp.record(r)
	}
	rp.keepTail(at, len(recs))
	rp.added += len(recs)
	return true
}

// keepTail keeps the records at the latest time, the only ones a record
// added later can repeat.
func (rp *Replayer) keepTail(at func(int) *journal.Record, n int) {
	last := at(n - 1).At
	k := n - 1
	for k > 0 && at(k-1).At.Equal(last) {
		k--
	}
	if k > 0 || rp.added == 0 || !last.Equal(rp.last) {
		rp.tail = rp.tail[:0]
	}
	for i := k; i < n; i++ {
		rp.tail = append(rp.tail, *at(i))
	}
	rp.last = last
}

// Progress is the journal replayed so far. The replay may go on after it
// (Add), which changes the Progress it returned.
func (rp *Replayer) Progress() *Progress {
	rp.explainLast()
	warns := slices.Clone(rp.warns)
	warns = append(warns, rp.unknownWarnings()...)
	slices.SortStableFunc(warns, func(a, b journal.Warning) int { return a.Line - b.Line })
	rp.p.Warnings = warns
	return rp.p
}

// repeat reports whether the i-th record in time order repeats a record
// before it, and warns once it does. A repeat has the same time, so it is
// among the records just before it with that time, or among those kept
// from an earlier Add: few, as only limber log gives records one time.
func (rp *Replayer) repeat(at func(int) *journal.Record, i int) bool {
	r := at(i)
	var first *journal.Record // the record it repeats: the earliest alike, not another repeat
	j := i - 1
	for ; j >= 0 && at(j).At.Equal(r.At); j-- {
		if journal.Same(at(j), r) {
			first = at(j)
		}
	}
	if j < 0 {
		for k := len(rp.tail) - 1; k >= 0 && rp.tail[k].At.Equal(r.At); k-- {
			if journal.Same(&rp.tail[k], r) {
				first = &rp.tail[k]
			}
		}
	}
	if first == nil {
		return false
	}
	rp.p.Duplicates++
	if r.Line > 0 {
		rp.p.repeats[r.Line] = true
	}
	rp.warn(r, fmt.Sprintf("skipped a repeat of the record on line %d: it counts once", first.Line))
	return true
}

// timeOrder returns the order of recs by time, or nil when they are in
// it. A therapist may back-fill past sessions with limber log --at;
// records of one session share or increase their time, and the stable
// sort keeps their order.
func timeOrder(recs []journal.Record) []int32 {
	byTime := func(a, b journal.Record) int { return a.At.Compare(b.At) }
	if slices.IsSortedFunc(recs, byTime) {
		return nil
	}
	order := make([]int32, len(recs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return recs[a].At.Compare(recs[b].At) })
	return order
}

// keep takes from r what the replay does not use but the report and the
// coach read: outcome measures' results, therapists' notes and each
// exercise's end. Every record counts here, repeats and demo sessions
// too, as the report has always read them; seq is r's place in the
// journal, so that a later line wins.
func (rp *Replayer) keep(r *journal.Record, seq int) {
	switch r.Kind {
	case journal.KindAssessment:
		if res, ok := result(r); ok {
			rp.p.Results = append(rp.p.Results, res)
		}
	case journal.KindAdjust:
		if r.Note != "" {
			rp.p.notes[r.Exercise] = append(rp.p.notes[r.Exercise], Note{At: r.At, Text: r.Note})
		}
	case journal.KindExerciseEnd:
		e := end{exercise: r.Exercise, seq: seq, pain: -1, stopped: r.Stopped}
		if r.Pain != nil && *r.Pain >= 0 && *r.Pain <= 10 {
			e.pain = int8(*r.Pain)
		}
		rp.p.setEnd(r.Session, e)
	}
}

// Replayer is a replay of the journal that can go on: the journal so far,
// then what is appended to it, as when limber starts from its state cache
// (cache.go) or the coach records a session. It holds the state of the
// replay between records.
type Replayer struct {
	p    *Progress
	lib  *exercises.Library
	demo map[string]bool
	// Sets of one exercise in one session stand together: keyed by the
	// exercise, a pending list is restarted when the session changes.
	open map[string]*pending
	cur  *Session
	// unknown gathers records of exercises the library does not have.
	unknown map[string]*unknownExercise
	now     time.Time // a record more than a day past it is refused
	// warns are the replay's own warnings so far; Progress adds one for
	// each exercise the library lacks.
	warns []journal.Warning

	added int              // records added so far
	last  time.Time        // the latest time among them
	tail  []journal.Record // the records at that time, for repeats
}

// pending is one exercise's work in one session until its exercise_end.
type pending struct {
	ex      *exercises.Exercise // nil when the library does not have it
	session string
	sets    []exercises.SetResult
	rung    *exercises.Rung
	flare   int      // the highest pain reported mid-set
	unrated []sideAt // left sides saved before their effort, awaiting the right side
}

// sideAt is a left side without its effort: its place in sets and its set.
type sideAt struct{ idx, set int }

// unknownExercise gathers the records of one exercise that the library
// does not have, for one warning at the earliest line.
type unknownExercise struct {
	exercise string // as recorded on that line
	line     int32
	count    int
}

// warn records why r was skipped, at r's line.
func (rp *Replayer) warn(r *journal.Record, msg string) {
	rp.warns = append(rp.warns, journal.Warning{Line: int(r.Line), Msg: msg})
}

func (rp *Replayer) record(r *journal.Record) {
	if r.Demo {
		rp.demo[r.Session] = true
	}
	if len(rp.demo) > 0 && rp.demo[r.Session] {
		return
	}
	// The reader checked what it read (Line is set); a record made in
	// memory is checked here.
	if r.Line == 0 {
		if msg := r.Check(rp.now); msg != "" {
			rp.p.Implausible++
			rp.warn(r, msg)
			return
		}
	}
	switch r.Kind {
	case journal.KindSessionStart:
		rp.sessionStart(r)
	case journal.KindSet:
		rp.set(r)
	case journal.KindFlare:
		rp.flare(r)
	case journal.KindExerciseEnd:
		rp.exerciseEnd(r)
	case journal.KindSessionEnd:
		s := rp.session(r)
		s.End, s.Outcome = r.At, clean(r.Outcome)
	case journal.KindAdjust:
		rp.adjust(r)
	}
}

// existing returns the session of r if another record began it, else nil.
func (rp *Replayer) existing(r *journal.Record) *Session {
	if rp.cur != nil && rp.cur.ID == r.Session {
		return rp.cur
	}
	return rp.p.byKey[r.Session]
}

// session returns the session of r, creating it at r's time.
func (rp *Replayer) session(r *journal.Record) *Session {
	if rp.cur != nil && rp.cur.ID == r.Session {
		return rp.cur
	}
	s, ok := rp.p.byKey[r.Session]
	if !ok {
		// The journal is a file anyone can edit: its words reach the
		// report and the coach's screens only cleaned.
		s = &Session{ID: clean(r.Session), Routine: clean(r.Routine), Start: r.At, key: r.Session}
		rp.p.byKey[r.Session] = s
		rp.p.Sessions = append(rp.p.Sessions, s)
	}
	rp.cur = s
	return s
}

// sessionStart takes the check-in's answers and their consequences: red
// flags for the therapist, and the next-morning rule.
func (rp *Replayer) sessionStart(r *journal.Record) {
	s := rp.session(r)
	s.Routine, s.Start, s.Baseline, s.Settled = clean(r.Routine), r.At, r.Baseline, r.Settled
	if a := r.Answers; a != nil {
		s.RedFlags, s.Glucose, s.Unit, s.Ketones = cleanAll(a.RedFlags), a.Glucose, clean(a.GlucoseUnit), a.Ketones
		s.Today, s.Resumes = clean(a.Today), clean(a.Resumes)
	}
	rp.redFlags(s, r)
	if s.Ketones != nil && *s.Ketones {
		rp.flag(r, "", FlagKetones, "Ketones with a high blood sugar at the check-in: advised not to exercise that day.")
	}
	if last := rp.p.lastWithWork; r.Settled != nil && last != nil && last != s && !last.morning {
		last.morning = true
		if !*r.Settled {
			rp.stepDownAfter(last, r)
		}
	}
}

// redFlags flags the red flags answered yes: those that stop the session,
// and the feet answers that leave feet work out. An older record's single
// red_flag: true, with no names, still means a red flag.
func (rp *Replayer) redFlags(s *Session, r *journal.Record) {
	var stops, feet []string
	for _, name := range s.RedFlags {
		q, known := Question(RedFlag(name))
		switch {
		case known && !q.Stops:
			feet = append(feet, q.Short)
		case known:
			stops = append(stops, q.Short)
		default: // a name from a newer limber: read it as the safer kind
			stops = append(stops, name)
		}
	}
	s.RedFlag = len(stops) > 0 || (r.RedFlag != nil && *r.RedFlag)
	switch {
	case len(stops) > 0:
		rp.flag(r, "", FlagRedFlag, "Answered yes to "+strings.Join(stops, "; ")+": advised not to exercise and to contact the clinician.")
	case s.RedFlag:
		rp.flag(r, "", FlagRedFlag, "Answered yes to the red-flag question: advised not to exercise and to contact the clinician.")
	}
	if len(feet) > 0 {
		rp.flag(r, "", FlagFeet, "Answered yes to "+strings.Join(feet, "; ")+": standing and feet exercises were left out, advised to contact the foot team today.")
	}
}

func (rp *Replayer) flag(r *journal.Record, exercise, kind, reason string) {
	rp.p.Flags = append(rp.p.Flags, Flag{At: r.At, Session: clean(r.Session), Exercise: exercise, Kind: kind, Reason: reason})
}

// work returns the pending work of r's exercise in r's session, starting
// it afresh when the session changed.
func (rp *Replayer) work(r *journal.Record) *pending {
	pd := rp.open[r.Exercise]
	if pd == nil {
		pd = &pending{}
		pd.ex, _ = rp.lib.Exercise(r.Exercise)
		rp.open[r.Exercise] = pd
	}
	if pd.session != r.Session {
		pd.session, pd.sets, pd.rung, pd.flare, pd.unrated = r.Session, pd.sets[:0], nil, 0, pd.unrated[:0]
	}
	return pd
}

// set adds one set (or one side of it) to its exercise's work. A left
// side saved before its effort was asked (effort 0) takes the effort of
// the same set's right side; one never followed by its right side is work
// done, not a finished set.
func (rp *Replayer) set(r *journal.Record) {
	pd := rp.work(r)
	if pd.ex == nil {
		if s := rp.existing(r); s != nil {
			s.Sets++ // work done, whatever the library says now
		}
		rp.unknownRecord(r)
		return
	}
	rp.session(r).Sets++
	if pd.rung == nil && r.Rung != nil {
		rg := *r.Rung
		pd.rung = &rg
	}
	res := exercises.SetResult{Target: r.Target, Achieved: r.Achieved, Effort: r.Effort}
	if r.Effort == 0 {
		pd.unrated = append(pd.unrated, sideAt{idx: len(pd.sets), set: r.Set})
	} else if r.Side == "right" {
		for i, u := range pd.unrated {
			if u.set == r.Set {
				pd.sets[u.idx].Effort = r.Effort
				pd.unrated = slices.Delete(pd.unrated, i, i+1)
				break
			}
		}
	}
	pd.sets = append(pd.sets, res)
}

// finished is the exercise's finished sets: every set but those still
// without an effort.
func (pd *pending) finished() []exercises.SetResult {
	if len(pd.unrated) == 0 {
		return pd.sets
	}
	out := make([]exercises.SetResult, 0, len(pd.sets))
	for i, s := range pd.sets {
		if !slices.ContainsFunc(pd.unrated, func(u sideAt) bool { return u.idx == i }) {
			out = append(out, s)
		}
	}
	return out
}

// flare is a pain flare reported mid-set: the exercise's decision reads
// the highest, and one at the flare threshold is flagged at once.
func (rp *Replayer) flare(r *journal.Record) {
	pd := rp.work(r)
	e := pd.ex
	if e == nil {
		if s := rp.existing(r); s != nil {
			s.Flares++
		}
		rp.unknownRecord(r)
		return
	}
	s := rp.session(r)
	s.Flares++
	if r.Pain == nil {
		return
	}
	pd.flare = max(pd.flare, *r.Pain)
	if threshold, _, _ := exercises.Thresholds(e.Rules, s.baseline()); *r.Pain >= threshold {
		side := ""
		if sd := clean(r.Side); sd != "" {
			side = " (" + sd + ")"
		}
		rp.flag(r, e.ID, FlagFlare, fmt.Sprintf("Pain flared to %d during set %d%s of %s; usual pain %d.",
			*r.Pain, r.Set, side, e.Name, s.baseline()))
	}
}

// exerciseEnd decides the exercise's next rung from its work in the
// session, and notes what the session and the therapist need to know.
func (rp *Replayer) exerciseEnd(r *journal.Record) {
	e, ok := rp.known(r)
	if !ok {
		// It moves no rung, but it was done in a session that was: the
		// session still counts, and a stop for pain still reaches the
		// therapist. A record of no session adds none.
		if s := rp.existing(r); s != nil {
			id := clean(r.Exercise)
			s.Exercises = append(s.Exercises, id)
			if r.Stopped {
				rp.flag(r, id, FlagStop, "Stopped for pain during "+rp.p.ExerciseName(id)+".")
			}
		}
		return
	}
	s := rp.session(r)
	perf := exercises.Performance{Score: r.Score, At: r.At, Baseline: s.baseline(), HasBaseline: s.Baseline != nil,
		Easier: s.Today == TodayEasier}
	if r.Pain != nil {
		perf.Pain = *r.Pain
	}
	var first *exercises.Rung
	if pd := rp.open[r.Exercise]; pd != nil && pd.session == r.Session {
		perf.Sets, perf.Flare, first = pd.finished(), pd.flare, pd.rung
		pd.session = "" // used: the next session starts afresh
	}
	doneAt := first
	if perf.Easier {
		first = nil // done a rung below its place: not where it starts
	}
	st := rp.p.state(e, r, first)
	if doneAt == nil {
		doneAt = &st.Rung
	}
	st.markDone(doneAt.Level)
	d := rp.decide(e, st, perf)
	rp.p.apply(st, r, d, "rules")
	// Sets done at a rung the library no longer has: the reason says so
	// (written once, at the end of the replay), or the patient is left to
	// wonder why the dose changed.
	if st.libChanged = first != nil && !e.Ladder.Contains(*first) && !d.Flag && !d.Ready; st.libChanged {
		st.libFrom, st.lastQuiet = *first, false
	}
	if d.Flag {
		rp.flag(r, e.ID, FlagSafety, d.Reason)
	}
	if r.Stopped {
		rp.flag(r, e.ID, FlagStop, "Stopped for pain during "+e.Name+".")
	}
	st.Sessions++
	st.LastDone = r.At
	s.Exercises = append(s.Exercises, e.ID)
	s.raised = s.raised || perf.Pain > perf.Baseline
	if d.Move == exercises.Down {
		if s.steppedOwn == nil {
			s.steppedOwn = map[string]bool{}
		}
		s.steppedOwn[e.ID] = true
	}
	rp.p.lastWithWork = s
}

// decide runs the rules quietly, as most sessions change nothing, and
// explains only what moved or is flagged; the latest quiet decision of
// each exercise is explained at the end of the replay.
func (rp *Replayer) decide(e *exercises.Exercise, st *ExerciseState, perf exercises.Performance) exercises.Decision {
	d := exercises.DecideQuiet(e, st.State, perf)
	if d.Move != exercises.Stay || d.Flag || d.Ready {
		return exercises.Decide(e, st.State, perf)
	}
	st.lastQuiet, st.lastState = true, st.State
	st.lastSets = append(st.lastSets[:0], perf.Sets...)
	st.lastPerf = perf
	st.lastPerf.Sets = st.lastSets
	return d
}

// markDone notes the level the exercise was done at, for the new-level
// banner.
func (st *ExerciseState) markDone(level int) {
	if level < 1 {
		return
	}
	for len(st.levels) <= level {
		st.levels = append(st.levels, false)
	}
	st.levels[level] = true
	st.lastLevel = level
}

// adjust is a therapist placing the patient on a rung.
// An adjust to a rung that is not on the ladder is skipped, never moved to
// the nearest rung: "your therapist set" must only ever name the rung the
// therapist chose, and limber adjust refuses any other.
func (rp *Replayer) adjust(r *journal.Record) {
	e, ok := rp.known(r)
	if !ok {
		return
	}
	if r.Rung == nil {
		rp.warn(r, "skipped a therapist's adjust of "+exercises.Quote(e.ID)+" with no rung to adjust to")
		return
	}
	if !e.Ladder.Contains(*r.Rung) {
		rp.p.OffLadder++
		rp.warn(r, fmt.Sprintf("skipped a therapist's adjust of %s to %s: %s (the library changed, or the line was edited); adjust again",
			exercises.Quote(e.ID), exercises.Escape(exercises.RungText(e, *r.Rung)), exercises.OffLadder(e, *r.Rung)))
		return
	}
	st := rp.p.state(e, r, nil)
	rp.p.apply(st, r, exercises.Adjusted(e, st.State, *r.Rung), "adjust")
}

// stepDownAfter applies the next-morning rule to the last session with
// work in it: each of its exercises that its own decision did not already
// step down goes one rung down, once, flagged.
func (rp *Replayer) stepDownAfter(last *Session, r *journal.Record) {
	seen := map[string]bool{}
	for _, id := range last.Exercises {
		if seen[id] || last.steppedOwn[id] {
			continue
		}
		seen[id] = true
		e, ok := rp.lib.Exercise(id)
		if !ok {
			continue
		}
		st := rp.p.state(e, r, nil)
		d := exercises.NotSettled(e, st.State)
		rp.p.apply(st, r, d, "next-morning")
		rp.flag(r, id, FlagNotSettled, d.Reason)
	}
}

// explainLast writes the reason of each exercise's latest decision, when
// it was reached quietly. It leaves what it read as it was, so that the
// replay can go on after it as if it had not run.
func (rp *Replayer) explainLast() {
	for id, st := range rp.p.states {
		if st.libChanged {
			e, _ := rp.lib.Exercise(id)
			st.Last = libraryChanged(e, st.libFrom, st.Rung)
		}
		if st.lastQuiet {
			e, _ := rp.lib.Exercise(id)
			d := exercises.Decide(e, st.lastState, st.lastPerf)
			st.Last = &d
		}
	}
}

// state returns the exercise's state, creating it at its starting rung: the
// first set's rung where the journal has one, else the routine's start,
// else the exercise's own dose. The rung begins with the record.
func (p *Progress) state(e *exercises.Exercise, r *journal.Record, first *exercises.Rung) *ExerciseState {
	if st, ok := p.states[e.ID]; ok {
		if !e.Ladder.Contains(st.Rung) {
			was := st.Rung
			st.Rung = e.Ladder.Nearest(st.Rung)
			st.Last, st.lastQuiet = libraryChanged(e, was, st.Rung), false
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
	st := &ExerciseState{ID: e.ID, State: exercises.State{Rung: start, Since: r.At}, Start: start}
	p.states[e.ID] = st
	return st
}

// libraryChanged is the reason for a rung moved to the nearest one on the
// ladder because the journal's is no longer on it: the library changed,
// not the therapist's mind.
func libraryChanged(e *exercises.Exercise, was, now exercises.Rung) *exercises.Decision {
	return &exercises.Decision{From: was, To: now, Reason: fmt.Sprintf("Your library changed: %s is now %s, as %s is no longer one of its steps.",
		e.Name, exercises.RungText(e, now), exercises.RungText(e, was))}
}

// apply moves the exercise as d says. A new rung begins at the record's
// time (for progress.min_days); a gate's ready flag is raised once, when
// the exercise comes to wait.
func (p *Progress) apply(st *ExerciseState, r *journal.Record, d exercises.Decision, cause string) {
	if d.To != st.Rung {
		st.Since = r.At
	}
	st.Rung, st.Streak = d.To, d.Streak
	if d.Reason != "" {
		d2 := d
		st.Last, st.lastQuiet, st.libChanged = &d2, false, false
	}
	if d.To != d.From {
		st.Moves = append(st.Moves, Move{At: r.At, Session: clean(r.Session), Decision: d, Cause: cause})
	}
	if d.Ready && !st.Waiting {
		p.Flags = append(p.Flags, Flag{At: r.At, Session: clean(r.Session), Exercise: st.ID, Kind: FlagReady, Reason: d.Reason})
	}
	st.Waiting = d.Ready || (st.Waiting && d.To == d.From && cause == "rules")
}
