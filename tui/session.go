package tui

// The session: one routine being done, from the "before" list to the
// summary. Update dispatches by phase to one handler each; the timed work
// (get-ready, holds, timed sets, paced reps, rests) is in
// session_timing.go and the views in session_view.go.

import (
	"fmt"
	"slices"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
)

// phase is where a session stands.
type phase int

const (
	phBefore     phase = iota // the routine's before list
	phCard                    // the exercise card
	phSkipAsk                 // skip this exercise? (recorded sessions ask)
	phReady                   // get ready (5 s), also between sides
	phWork                    // the hold, the timed set, or the reps
	phEffort                  // how hard was that set
	phRest                    // rest between sets
	phFlare                   // pain reported during an exercise
	phPain                    // pain now, after the exercise
	phScore                   // the result, where the exercise asks one
	phStop                    // pain too high: stop
	phAfter                   // the routine's after list (foot check)
	phSummary                 // next time, for each exercise
	phSaveFailed              // the journal refused a write: stop and say so
)

// GetReady is the countdown before every hold or timed set.
const GetReady = 5 * time.Second

// RestExtra is what + adds to a rest.
const RestExtra = 15 * time.Second

// tickMsg wakes a timer; gen drops ticks from a timer since replaced.
type tickMsg struct{ gen int }

type summaryItem struct {
	ex      *exercises.Exercise
	skipped bool
	stopped bool
	d       exercises.Decision
}

// newLevelBanner is shown on the card and the set the first time a
// standing exercise is done at a level (DESIGN section 4).
const newLevelBanner = "⚠ New level today: have someone with you."

// sessionModel is one routine being done.
type sessionModel struct {
	ctx  *Context
	w, h int
	ci   checkIn
	rt   *exercises.Routine
	id   string
	plan []coach.PlanItem
	idx  int

	phase   phase
	started bool // session_start recorded
	ended   bool // session_end recorded

	ex       *exercises.Exercise
	dose     exercises.Dose // the plan's dose for this exercise
	rung     exercises.Rung // now: eased rungs are lower
	set      int            // from 1
	side     int            // 0 (left or only) and 1 (right)
	results  []exercises.SetResult
	sideDone [2]int
	saved    int    // sides of this set already in the journal
	note     string // "the rest is now easier", shown until the exercise ends
	newLevel bool   // the first session at this level of a standing exercise
	hint     string // a short answer to a key that does nothing here

	timer      countdown
	gen        int
	flashUntil time.Time
	count      int // reps counted (untimed) or done (tempo)
	untimed    bool
	lastCue    int
	lastWord   string
	sizePaused bool // paused because the window became too small

	pick      picker
	resume    phase // where a pain flare returns to
	pain      int   // the latest pain answer: the next question starts there
	maxPain   int   // the highest pain reported during this exercise
	stopEarly bool
	summary   []summaryItem
	pg        pager // the card and the summary

	resumeAfterQuit bool           // q paused a running countdown; n carries on
	then            func() tea.Cmd // what follows a save the journal refused
}

func newSession(ctx *Context, ci checkIn) *sessionModel {
	s := &sessionModel{ctx: ctx, ci: ci, rt: ci.rt, pain: ci.Baseline, pg: newPager(ctx)}
	return s
}

func (s *sessionModel) SetSize(w, h int) {
	s.w, s.h = w, h
	s.pg.setSize(w, h-2)
	s.refreshPage()
}

func (s *sessionModel) Title() string { return s.rt.Name }

func (s *sessionModel) sides() int { return max(1, s.dose.Sides) }

func (s *sessionModel) sideName() string {
	if s.sides() == 1 {
		return ""
	}
	return [2]string{"left", "right"}[s.side]
}

// where is the header's right side: which exercise of how many.
func (s *sessionModel) where() string {
	if s.ex == nil || s.phase >= phAfter {
		return ""
	}
	return fmt.Sprintf("exercise %d of %d", s.idx+1, len(s.plan))
}

// begin records the session's start and opens the before list or the
// first exercise.
func (s *sessionModel) begin() tea.Cmd {
	now := s.ctx.Now()
	s.id = journal.NewSessionID(now)
	s.started = true
	return s.save(func() tea.Cmd {
		// The next-morning answer may have moved rungs: replay, then plan.
		s.ctx.Replay()
		plan := slices.DeleteFunc(s.ctx.Progress.Plan(s.rt), func(it coach.PlanItem) bool {
			return slices.Contains(s.ci.done, it.Exercise.ID)
		})
		if s.ci.feet {
			plan, _ = coach.LeaveOutFeet(plan)
		}
		if s.ci.Today == coach.TodayEasier {
			plan = coach.Easier(plan)
		}
		s.plan = plan
		if len(s.rt.Before) > 0 {
			s.phase = phBefore
			s.refreshPage()
			return nil
		}
		return s.startExercise(0)
	}, s.ci.Record(now, s.id, s.rt.ID))
}

// save journals records, then goes on with next. When the journal refuses
// them the session stops on a screen that says what was not saved; r
// tries again and, once saved, goes on with next.
func (s *sessionModel) save(next func() tea.Cmd, recs ...journal.Record) tea.Cmd {
	if s.ctx.Record(recs...) && s.then == nil {
		return next()
	}
	if s.then == nil {
		s.then = next
	} else if next != nil {
		// Already stopped: what comes after waits its turn.
		prev := s.then
		s.then = func() tea.Cmd { return tea.Batch(prev(), next()) }
	}
	s.gen++
	s.phase = phSaveFailed
	return nil
}

func (s *sessionModel) startExercise(i int) tea.Cmd {
	s.gen++ // any running timer is dropped
	if i >= len(s.plan) {
		return s.afterLast()
	}
	s.idx = max(0, i)
	it := s.plan[s.idx]
	s.ex, s.dose = it.Exercise, it.Dose
	s.newLevel = it.NewLevel && s.ex.Position == exercises.Standing && len(s.ex.Levels) > 0
	s.rung = s.dose.Rung()
	s.set, s.side, s.saved, s.results, s.note, s.hint = 1, 0, 0, nil, "", ""
	s.maxPain = 0
	s.phase = phCard
	s.refreshPage()
	return nil
}

// afterLast records the session's end, then shows the after list and the
// summary.
func (s *sessionModel) afterLast() tea.Cmd {
	s.gen++
	outcome := "finished"
	if s.stopEarly {
		outcome = "stopped"
	}
	return s.closeAs(outcome, func() tea.Cmd {
		s.phase = phSummary
		if len(s.rt.After) > 0 {
			s.phase = phAfter
		}
		s.refreshPage()
		return nil
	})
}

// closeAs records the session's end once.
func (s *sessionModel) closeAs(outcome string, next func() tea.Cmd) tea.Cmd {
	if !s.started || s.ended {
		return next()
	}
	s.ended = true
	return s.save(next, journal.Record{Kind: journal.KindSessionEnd, At: s.ctx.Now(), Session: s.id, Routine: s.rt.ID, Outcome: outcome})
}

// quit is leaving part-way (q then y, or ctrl+c): a side waiting for its
// effort answer is saved as done, and the session is closed as "quit".
func (s *sessionModel) quit() {
	if s.phase == phEffort {
		s.saveSides(0, func() tea.Cmd { return nil })
	}
	s.closeAs("quit", func() tea.Cmd { return nil })
}

// setRecord is one side of the current set.
func (s *sessionModel) setRecord(side, effort int) journal.Record {
	rg := s.rung
	name := ""
	if s.sides() == 2 {
		name = [2]string{"left", "right"}[side]
	}
	return journal.Record{Kind: journal.KindSet, At: s.ctx.Now(), Session: s.id, Routine: s.rt.ID, Exercise: s.ex.ID,
		Name: s.ex.Name, Unit: s.ex.Dose.Kind.Unit(),
		Set: s.set, Side: name, Rung: &rg, Target: s.rung.Value, Achieved: s.sideDone[side], Effort: effort}
}

// saveSides journals every finished side of the set not yet saved, then
// goes on. A left side is saved the moment it ends (effort 0: not yet
// asked); the last side carries the effort.
func (s *sessionModel) saveSides(effort int, next func() tea.Cmd) tea.Cmd {
	var recs []journal.Record
	for side := s.saved; side <= min(s.side, s.sides()-1); side++ {
		recs = append(recs, s.setRecord(side, effort))
	}
	s.saved += len(recs)
	if len(recs) == 0 {
		return next()
	}
	return s.save(next, recs...)
}

// answerEffort records the set, eases a set rated too hard, then rests or
// asks for pain.
func (s *sessionModel) answerEffort(effort int) tea.Cmd {
	for side := range s.sides() {
		s.results = append(s.results, exercises.SetResult{Target: s.rung.Value, Achieved: s.sideDone[side], Effort: effort})
	}
	if eased, ok := exercises.Ease(s.ex, s.rung, effort, 0, s.ci.Baseline); ok {
		s.rung = eased
		s.note = "That was too hard, so the rest of this exercise is easier: " + exercises.RungText(s.ex, eased) + "."
	}
	return s.saveSides(effort, func() tea.Cmd {
		now := s.ctx.Now()
		if s.set < s.rung.Sets {
			s.phase, s.untimed = phRest, false
			s.timer = newCountdown(now, s.dose.Rest, s.ctx.Speed)
			s.lastCue = -1
			s.flashUntil = now.Add(250 * time.Millisecond)
			return tea.Batch(s.ctx.Cues.cue("Rest"), s.schedule(now))
		}
		s.phase = phPain
		s.pick = picker{pick: s.pain, lo: 0, hi: 10}
		return nil
	})
}

// endExercise decides the next rung, records it, then goes on.
func (s *sessionModel) endExercise(pain int, score *int, stopped bool, next func() tea.Cmd) tea.Cmd {
	s.pain = pain
	_, state := s.ctx.Progress.Now(s.ex, s.dose)
	perf := exercises.Performance{Sets: s.results, Pain: pain, Flare: s.maxPain, Baseline: s.ci.Baseline, HasBaseline: true,
		Score: score, At: s.ctx.Now(), Easier: s.ci.Today == coach.TodayEasier}
	d := exercises.Decide(s.ex, state, perf)
	p := pain
	s.summary = append(s.summary, summaryItem{ex: s.ex, stopped: stopped, d: d})
	return s.save(next, journal.Record{Kind: journal.KindExerciseEnd, At: s.ctx.Now(), Session: s.id, Routine: s.rt.ID, Exercise: s.ex.ID,
		Name: s.ex.Name, Unit: s.ex.Dose.Kind.Unit(), Pain: &p, Score: score, Stopped: stopped,
		Decision: &journal.Decision{From: d.From, To: d.To, Streak: d.Streak, Flag: d.Flag, Reason: d.Reason}})
}

// nextExercise is what follows an exercise's end.
func (s *sessionModel) nextExercise() tea.Cmd { return s.startExercise(s.idx + 1) }

// stop is the stop rule: the exercise ends now, recorded with its pain,
// and the stop screen says so.
func (s *sessionModel) stop(pain int) tea.Cmd {
	s.gen++
	return s.saveSides(0, func() tea.Cmd {
		return s.endExercise(pain, nil, true, func() tea.Cmd {
			s.phase = phStop
			return s.ctx.Cues.cue("Please stop and rest")
		})
	})
}

// leave closes the session screen.
func (s *sessionModel) leave() (tea.Cmd, nav) { return nil, nav{done: true} }

func (s *sessionModel) Update(k tea.KeyMsg) (tea.Cmd, nav) {
	keys := &s.ctx.Keys
	s.hint = ""
	if key.Matches(k, keys.Quit) && s.phase != phSummary && s.phase != phAfter {
		s.resumeAfterQuit = s.timerRunning()
		s.pause()
		return nil, nav{ask: true}
	}
	// Demo: step freely between exercises.
	if s.ctx.Demo && s.phase >= phCard && s.phase <= phStop && s.phase != phEffort {
		switch {
		case key.Matches(k, keys.Skip):
			return s.startExercise(s.idx + 1), nav{}
		case key.Matches(k, keys.Back):
			return s.startExercise(s.idx - 1), nav{}
		}
	}
	h := sessionHandlers[s.phase]
	if h == nil {
		return nil, nav{}
	}
	return h(s, k)
}

// sessionHandlers answer a key in each phase.
var sessionHandlers = map[phase]func(s *sessionModel, k tea.KeyMsg) (tea.Cmd, nav){
	phBefore:     (*sessionModel).updateBefore,
	phCard:       (*sessionModel).updateCard,
	phSkipAsk:    (*sessionModel).updateSkipAsk,
	phReady:      (*sessionModel).updateTimed,
	phWork:       (*sessionModel).updateTimed,
	phRest:       (*sessionModel).updateTimed,
	phEffort:     (*sessionModel).updateEffort,
	phFlare:      (*sessionModel).updateFlare,
	phPain:       (*sessionModel).updatePain,
	phScore:      (*sessionModel).updateScore,
	phStop:       (*sessionModel).updateStop,
	phAfter:      (*sessionModel).updateAfter,
	phSummary:    (*sessionModel).updateSummary,
	phSaveFailed: (*sessionModel).updateSaveFailed,
}

func (s *sessionModel) updateBefore(k tea.KeyMsg) (tea.Cmd, nav) {
	if s.pg.update(k) {
		return nil, nav{}
	}
	if key.Matches(k, s.ctx.Keys.Enter) {
		return s.startExercise(0), nav{}
	}
	return nil, nav{}
}

func (s *sessionModel) updateCard(k tea.KeyMsg) (tea.Cmd, nav) {
	keys := &s.ctx.Keys
	switch {
	case key.Matches(k, keys.Enter):
		return s.startSide(), nav{}
	case key.Matches(k, keys.Skip):
		s.phase = phSkipAsk
	case key.Matches(k, keys.Back):
		// Back to the exercise before, to do it after all when it was
		// skipped; one already done stays done (its result is saved).
		switch {
		case s.idx == 0:
			s.hint = "This is the first exercise."
		case s.skipped(s.idx - 1):
			prev := s.plan[s.idx-1].Exercise
			s.summary = slices.DeleteFunc(s.summary, func(it summaryItem) bool { return it.ex == prev && it.skipped })
			return s.startExercise(s.idx - 1), nav{}
		default:
			s.hint = clean(s.plan[s.idx-1].Exercise.Name) + " is done for today."
		}
	case key.Matches(k, keys.No):
		s.hint = "To skip this exercise, press s."
	case s.pg.update(k):
	}
	return nil, nav{}
}

// skipped reports whether the plan's exercise i was skipped today.
func (s *sessionModel) skipped(i int) bool {
	for _, it := range s.summary {
		if it.ex == s.plan[i].Exercise {
			return it.skipped
		}
	}
	return false
}

func (s *sessionModel) updateSkipAsk(k tea.KeyMsg) (tea.Cmd, nav) {
	keys := &s.ctx.Keys
	switch {
	case key.Matches(k, keys.Yes):
		s.summary = append(s.summary, summaryItem{ex: s.ex, skipped: true})
		return s.startExercise(s.idx + 1), nav{}
	case key.Matches(k, keys.No), key.Matches(k, keys.Close), key.Matches(k, keys.Back):
		s.phase = phCard
	}
	return nil, nav{}
}

func (s *sessionModel) updateEffort(k tea.KeyMsg) (tea.Cmd, nav) {
	n, ok, moved := s.pick.update(&s.ctx.Keys, k)
	switch {
	case ok:
		return s.answerEffort(n), nav{}
	case !moved:
		s.hint = "Please answer with a number from 1 to 5."
	}
	return nil, nav{}
}

func (s *sessionModel) updateFlare(k tea.KeyMsg) (tea.Cmd, nav) {
	n, ok, _ := s.pick.update(&s.ctx.Keys, k)
	if ok {
		return s.answerFlare(n), nav{}
	}
	return nil, nav{}
}

func (s *sessionModel) updatePain(k tea.KeyMsg) (tea.Cmd, nav) {
	n, ok, _ := s.pick.update(&s.ctx.Keys, k)
	if !ok {
		return nil, nav{}
	}
	if s.mustStop(n) {
		return s.stop(n), nav{}
	}
	if s.ex.Score != nil {
		s.pain = n
		s.phase = phScore
		s.pick = picker{pick: s.ex.Score.OutOf, lo: 0, hi: s.ex.Score.OutOf}
		return nil, nav{}
	}
	return s.endExercise(n, nil, false, s.nextExercise), nav{}
}

func (s *sessionModel) updateScore(k tea.KeyMsg) (tea.Cmd, nav) {
	n, ok, _ := s.pick.update(&s.ctx.Keys, k)
	if !ok {
		return nil, nav{}
	}
	return s.endExercise(s.pain, &n, false, s.nextExercise), nav{}
}

// updateStop: after a stop for pain, enter ends the session; going on
// needs its own key.
func (s *sessionModel) updateStop(k tea.KeyMsg) (tea.Cmd, nav) {
	keys := &s.ctx.Keys
	switch {
	case key.Matches(k, keys.Enter), key.Matches(k, keys.End):
		s.stopEarly = true
		return s.afterLast(), nav{}
	case key.Matches(k, keys.GoOn):
		return s.startExercise(s.idx + 1), nav{}
	}
	return nil, nav{}
}

func (s *sessionModel) updateAfter(k tea.KeyMsg) (tea.Cmd, nav) {
	if s.pg.update(k) {
		return nil, nav{}
	}
	if key.Matches(k, s.ctx.Keys.Enter) {
		s.phase = phSummary
		s.refreshPage()
	}
	return nil, nav{}
}

func (s *sessionModel) updateSummary(k tea.KeyMsg) (tea.Cmd, nav) {
	if s.pg.update(k) {
		return nil, nav{}
	}
	if key.Matches(k, s.ctx.Keys.Enter, s.ctx.Keys.Quit) {
		return s.leave()
	}
	return nil, nav{}
}

// updateSaveFailed retries the write on r; q leaves, saying what is lost.
func (s *sessionModel) updateSaveFailed(k tea.KeyMsg) (tea.Cmd, nav) {
	keys := &s.ctx.Keys
	switch {
	case key.Matches(k, keys.Retry):
		if s.ctx.Retry() {
			next := s.then
			s.then = nil
			if next != nil {
				return next(), nav{}
			}
		}
	}
	return nil, nav{}
}

// answerFlare records a pain flare, whatever its value: stop, ease the
// rest of the exercise when it is a flare, or carry on where it was.
func (s *sessionModel) answerFlare(pain int) tea.Cmd {
	s.pain, s.maxPain = pain, max(s.maxPain, pain)
	p := pain
	return s.save(func() tea.Cmd {
		now := s.ctx.Now()
		if s.mustStop(pain) {
			return s.stop(pain)
		}
		if eased, ok := exercises.Ease(s.ex, s.rung, 0, pain, s.ci.Baseline); ok {
			s.rung = eased
			s.note = fmt.Sprintf("Pain is up to %d, so the rest of this exercise is easier: %s.", pain, exercises.RungText(s.ex, eased))
		} else {
			s.note = fmt.Sprintf("Pain noted: %d. Go gently, and press p again if it rises.", pain)
		}
		s.phase = s.resume
		s.timer.resume(now)
		return s.schedule(now)
	}, journal.Record{Kind: journal.KindFlare, At: s.ctx.Now(), Session: s.id, Routine: s.rt.ID, Exercise: s.ex.ID,
		Set: s.set, Side: s.sideName(), Pain: &p})
}

// mustStop is the stop rule at this session's usual pain.
func (s *sessionModel) mustStop(pain int) bool { return exercises.MustStop(s.ex, pain, s.ci.Baseline) }

func (s *sessionModel) refreshPage() {
	if s.w == 0 {
		return
	}
	switch s.phase {
	case phCard:
		if s.ex != nil {
			lines := cardLines(s.ctx, s.ex, s.dose.WithRung(s.rung), s.w)
			if s.newLevel {
				lines = append([]string{s.ctx.Styles.Warn.Render(newLevelBanner)}, lines...)
			}
			s.pg.setContent(lines)
		}
	case phSummary:
		s.pg.setContent(s.summaryLines())
	case phBefore:
		s.pg.setContent(s.listLines("Before you start", s.rt.Before))
	case phAfter:
		s.pg.setContent(s.listLines("Before you go", s.rt.After))
	}
}
