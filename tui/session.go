package tui

import (
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
	phBaseline      phase = iota // pain before starting, 0–10
	phRedFlag                    // the red-flag question
	phRedFlagAdvice              // yes: advice not to exercise today
	phSettled                    // had the last session's pain settled by next morning
	phCard                       // the exercise card
	phReady                      // get ready (5 s), also between sides
	phWork                       // the hold, the timed set, or the reps
	phEffort                     // how hard was that set
	phRest                       // rest between sets
	phFlare                      // pain reported during an exercise
	phPain                       // pain now, after the exercise
	phScore                      // the result, where the exercise asks one
	phStop                       // pain too high: stop
	phSummary                    // next time, for each exercise
	phAfter                      // the routine's after reminders (foot check)
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

// session is one routine being done.
type session struct {
	rt      *exercises.Routine
	id      string
	plan    []coach.PlanItem
	idx     int
	phase   phase
	started bool // session_start recorded
	ended   bool // session_end recorded

	baseline   int
	settled    *bool
	askSettled bool
	hadSession bool // the journal has an earlier session with work

	ex        *exercises.Exercise
	dose      exercises.Dose // the plan's dose for this exercise
	rung      exercises.Rung // now: eased rungs are lower
	set, side int            // set from 1; side 0 (left or only) and 1 (right)
	results   []exercises.SetResult
	sideDone  [2]int
	note      string // "the rest is now easier", shown until the exercise ends

	timer      countdown
	gen        int
	flashUntil time.Time
	count      int // reps counted (untimed) or done (tempo)
	untimed    bool
	lastCue    int
	lastWord   string

	pick      int   // the highlighted answer
	resume    phase // where a pain flare returns to
	pain      int
	stopEarly bool
	summary   []summaryItem
	scroll    int // the summary, when it is longer than the window

	resumeAfterQuit bool // q paused a running countdown; n carries on
}

func (s *session) sides() int { return max(1, s.dose.Sides) }

func (s *session) sideName() string {
	if s.sides() == 1 {
		return ""
	}
	return [2]string{"left", "right"}[s.side]
}

// startRoutine opens the check-in of a routine.
func (m *Model) startRoutine(id string) {
	rt, ok := m.opt.Library.Routine(id)
	if !ok {
		return
	}
	s := &session{rt: rt, baseline: -1, pick: 0}
	s.plan = m.progress.Plan(rt)
	now := m.opt.Now()
	y, mo, d := now.Date()
	today := time.Date(y, mo, d, 0, 0, 0, 0, now.Location())
	for i := len(m.progress.Sessions) - 1; i >= 0; i-- {
		if last := m.progress.Sessions[i]; len(last.Exercises) > 0 {
			s.hadSession = true
			s.askSettled = last.Start.Before(today)
			break
		}
	}
	m.sess, m.screen = s, scrSession
	m.syncKeys()
}

// begin records the session's start and opens the first exercise.
func (s *session) begin(m *Model) tea.Cmd {
	now := m.opt.Now()
	s.id = journal.NewSessionID(now)
	b := s.baseline
	no := false
	m.record(journal.Record{Kind: journal.KindSessionStart, At: now, Session: s.id, Routine: s.rt.ID,
		Baseline: &b, RedFlag: &no, Settled: s.settled, Demo: m.opt.Demo})
	s.started = true
	// The next-morning rule may have moved rungs: replay, then plan.
	m.replay()
	s.plan = m.progress.Plan(s.rt)
	return s.startExercise(m, 0)
}

func (s *session) startExercise(m *Model, i int) tea.Cmd {
	s.gen++ // any running timer is dropped
	if i >= len(s.plan) {
		return s.finish(m)
	}
	s.idx = max(0, i)
	it := s.plan[s.idx]
	s.ex, s.dose = it.Exercise, it.Dose
	s.rung = s.dose.Rung()
	s.set, s.side, s.results, s.note = 1, 0, nil, ""
	s.phase = phCard
	return nil
}

// answerEffort records the set (each side) and eases or rests.
func (s *session) answerEffort(m *Model, effort int) tea.Cmd {
	now := m.opt.Now()
	for side := range s.sides() {
		rg := s.rung
		sideName := ""
		if s.sides() == 2 {
			sideName = [2]string{"left", "right"}[side]
		}
		m.record(journal.Record{Kind: journal.KindSet, At: now, Session: s.id, Routine: s.rt.ID, Exercise: s.ex.ID,
			Set: s.set, Side: sideName, Rung: &rg, Target: s.rung.Value, Achieved: s.sideDone[side], Effort: effort})
		s.results = append(s.results, exercises.SetResult{Target: s.rung.Value, Achieved: s.sideDone[side], Effort: effort})
	}
	if eased, ok := exercises.Ease(s.ex, s.rung, effort, 0, s.baseline); ok {
		s.rung = eased
		s.note = "That was too hard, so the rest of this exercise is easier: " + exercises.RungText(s.ex, eased) + "."
	}
	if s.set < s.rung.Sets {
		s.phase, s.untimed = phRest, false
		s.timer = newCountdown(now, s.dose.Rest, m.opt.Speed)
		s.lastCue = -1
		s.flashUntil = now.Add(250 * time.Millisecond)
		return tea.Batch(m.opt.Cues.cue("Rest"), s.schedule(m, now))
	}
	s.phase, s.pick = phPain, 0
	return nil
}

// state is where the exercise stood when the session began.
func (s *session) state(m *Model) exercises.State {
	_, st := m.progress.Now(s.ex, s.dose)
	return st
}

// endExercise decides the next rung, records it, and opens the next card.
func (s *session) endExercise(m *Model, pain int, score *int, stopped bool) exercises.Decision {
	perf := exercises.Performance{Sets: s.results, Pain: pain, Baseline: s.baseline, HasBaseline: s.baseline >= 0, Score: score}
	d := exercises.Decide(s.ex, s.state(m), perf)
	p := pain
	m.record(journal.Record{Kind: journal.KindExerciseEnd, At: m.opt.Now(), Session: s.id, Routine: s.rt.ID, Exercise: s.ex.ID,
		Pain: &p, Score: score, Stopped: stopped,
		Decision: &journal.Decision{From: d.From, To: d.To, Streak: d.Streak, Flag: d.Flag, Reason: d.Reason}})
	s.summary = append(s.summary, summaryItem{ex: s.ex, stopped: stopped, d: d})
	return d
}

// finish records the session's end and shows the summary.
func (s *session) finish(m *Model) tea.Cmd {
	s.gen++
	if s.started && !s.ended {
		outcome := "finished"
		if s.stopEarly {
			outcome = "stopped"
		}
		m.record(journal.Record{Kind: journal.KindSessionEnd, At: m.opt.Now(), Session: s.id, Routine: s.rt.ID, Outcome: outcome})
		s.ended = true
	}
	s.phase = phSummary
	return nil
}

// leave closes the session screen: home, or out of limber after `run`.
func (s *session) leave(m *Model) tea.Cmd {
	if m.opt.Routine != "" {
		m.quitting = true
		return tea.Quit
	}
	m.toHome()
	return nil
}

// number reads a digit key (t is ten).
func (m *Model) number(k tea.KeyMsg) (int, bool) {
	if key.Matches(k, m.keys.Ten) {
		return 10, true
	}
	if key.Matches(k, m.keys.Number) && len(k.Runes) == 1 {
		return int(k.Runes[0] - '0'), true
	}
	return 0, false
}

// picked moves the highlighted answer or confirms it; it returns the
// answer and true when one was given.
func (s *session) picked(m *Model, k tea.KeyMsg, lo, hi int) (int, bool) {
	if n, ok := m.number(k); ok && n >= lo && n <= hi {
		return n, true
	}
	switch {
	case key.Matches(k, m.keys.Up):
		s.pick = max(lo, s.pick-1)
	case key.Matches(k, m.keys.Down):
		s.pick = min(hi, s.pick+1)
	case key.Matches(k, m.keys.Enter):
		return min(max(s.pick, lo), hi), true
	}
	return 0, false
}

// update handles a key in the session.
func (s *session) update(m *Model, k tea.KeyMsg) tea.Cmd {
	now := m.opt.Now()
	if key.Matches(k, m.keys.Quit) && s.phase != phRedFlagAdvice && s.phase != phSummary && s.phase != phAfter {
		s.resumeAfterQuit = s.timerRunning()
		s.pauseTimer(now)
		m.confirmQuit = true
		return nil
	}
	// Demo: step freely between exercises.
	if m.opt.Demo && s.phase >= phCard && s.phase <= phStop {
		switch {
		case key.Matches(k, m.keys.Skip) && s.phase != phEffort:
			return s.startExercise(m, s.idx+1)
		case key.Matches(k, m.keys.Back):
			return s.startExercise(m, s.idx-1)
		}
	}
	switch s.phase {
	case phBaseline:
		if n, ok := s.picked(m, k, 0, 10); ok {
			s.baseline, s.phase = n, phRedFlag
		}
	case phRedFlag:
		switch {
		case key.Matches(k, m.keys.Yes):
			s.id = journal.NewSessionID(now)
			b, yes := s.baseline, true
			m.record(journal.Record{Kind: journal.KindSessionStart, At: now, Session: s.id, Routine: s.rt.ID, Baseline: &b, RedFlag: &yes},
				journal.Record{Kind: journal.KindSessionEnd, At: now, Session: s.id, Routine: s.rt.ID, Outcome: "red_flag"})
			s.started, s.ended = true, true
			s.phase = phRedFlagAdvice
		case key.Matches(k, m.keys.No):
			if s.askSettled {
				s.phase = phSettled
				return nil
			}
			return s.begin(m)
		case key.Matches(k, m.keys.Back):
			s.phase = phBaseline
		}
	case phRedFlagAdvice:
		if key.Matches(k, m.keys.Enter) || key.Matches(k, m.keys.Quit) {
			return s.leave(m)
		}
	case phSettled:
		switch {
		case key.Matches(k, m.keys.Yes):
			yes := true
			s.settled = &yes
			return s.begin(m)
		case key.Matches(k, m.keys.No):
			no := false
			s.settled = &no
			return s.begin(m)
		case key.Matches(k, m.keys.Back):
			s.phase = phRedFlag
		}
	case phCard:
		switch {
		case key.Matches(k, m.keys.Enter):
			return s.startSide(m)
		case key.Matches(k, m.keys.Skip):
			s.summary = append(s.summary, summaryItem{ex: s.ex, skipped: true})
			return s.startExercise(m, s.idx+1)
		}
	case phReady, phRest, phWork:
		return s.updateTimed(m, k, now)
	case phEffort:
		if n, ok := s.picked(m, k, 1, 5); ok {
			return s.answerEffort(m, n)
		}
	case phFlare:
		if n, ok := s.picked(m, k, 0, 10); ok {
			return s.answerFlare(m, n, now)
		}
	case phPain:
		if n, ok := s.picked(m, k, 0, 10); ok {
			s.pain = n
			if exercises.MustStop(s.ex, n, s.baseline) {
				return s.stop(m, n)
			}
			if s.ex.Score != nil {
				s.phase, s.pick = phScore, s.ex.Score.OutOf
				return nil
			}
			s.endExercise(m, n, nil, false)
			return s.startExercise(m, s.idx+1)
		}
	case phScore:
		if n, ok := s.picked(m, k, 0, s.ex.Score.OutOf); ok {
			s.endExercise(m, s.pain, &n, false)
			return s.startExercise(m, s.idx+1)
		}
	case phStop:
		switch {
		case key.Matches(k, m.keys.Enter):
			return s.startExercise(m, s.idx+1)
		case key.Matches(k, m.keys.End):
			s.stopEarly = true
			return s.finish(m)
		}
	case phSummary:
		switch {
		case key.Matches(k, m.keys.Up):
			s.scroll = max(0, s.scroll-1)
		case key.Matches(k, m.keys.Down):
			s.scroll++
		}
		if key.Matches(k, m.keys.Enter) || key.Matches(k, m.keys.Quit) {
			if len(s.rt.After) > 0 {
				s.phase = phAfter
				return nil
			}
			return s.leave(m)
		}
	case phAfter:
		if key.Matches(k, m.keys.Enter) || key.Matches(k, m.keys.Quit) {
			return s.leave(m)
		}
	}
	return nil
}

// answerFlare handles pain reported during an exercise: stop, ease, or
// carry on where it was.
func (s *session) answerFlare(m *Model, pain int, now time.Time) tea.Cmd {
	if exercises.MustStop(s.ex, pain, s.baseline) {
		s.pain = pain
		return s.stop(m, pain)
	}
	if eased, ok := exercises.Ease(s.ex, s.rung, 0, pain, s.baseline); ok {
		s.rung = eased
		s.note = "Pain is up, so the rest of this exercise is easier: " + exercises.RungText(s.ex, eased) + "."
	}
	s.phase = s.resume
	s.timer.resume(now)
	return s.schedule(m, now)
}

// stop is the stop rule: the exercise ends now, recorded with its pain.
func (s *session) stop(m *Model, pain int) tea.Cmd {
	s.gen++
	s.endExercise(m, pain, nil, true)
	s.phase = phStop
	return m.opt.Cues.cue("Please stop and rest")
}

// syncKeys enables the keys that do something in this phase.
func (s *session) syncKeys(m *Model) {
	k := &m.keys
	k.Enter.SetHelp("enter", "continue")
	k.Skip.SetHelp("n", "skip")
	switch s.phase {
	case phBaseline, phFlare, phPain:
		k.only(&k.Number, &k.Ten, &k.Up, &k.Down, &k.Enter, &k.Quit)
		k.Enter.SetHelp("enter", "choose")
	case phEffort:
		k.only(&k.Number, &k.Up, &k.Down, &k.Enter, &k.Quit)
		k.Enter.SetHelp("enter", "choose")
	case phScore:
		k.only(&k.Number, &k.Up, &k.Down, &k.Enter, &k.Quit)
		k.Ten.SetEnabled(s.ex.Score.OutOf >= 10)
		k.Enter.SetHelp("enter", "choose")
	case phRedFlag, phSettled:
		k.only(&k.Yes, &k.No, &k.Back, &k.Quit)
	case phRedFlagAdvice, phAfter:
		k.only(&k.Enter)
	case phSummary:
		k.only(&k.Enter, &k.Up, &k.Down)
	case phCard:
		k.only(&k.Enter, &k.Skip, &k.Quit)
		k.Enter.SetHelp("enter", "start")
		k.Skip.SetHelp("n", "skip this exercise")
	case phReady:
		k.only(&k.Pause, &k.Enter, &k.Pain, &k.Quit)
		k.Enter.SetHelp("enter", "start now")
	case phRest:
		k.only(&k.Pause, &k.Enter, &k.Extend, &k.Pain, &k.Quit)
		k.Enter.SetHelp("enter", "end rest")
	case phWork:
		if s.untimed {
			k.only(&k.Count, &k.Plus, &k.Minus, &k.Enter, &k.Pain, &k.Quit)
			k.Enter.SetHelp("enter", "set done")
		} else {
			k.only(&k.Pause, &k.Enter, &k.Skip, &k.Pain, &k.Quit)
			k.Enter.SetHelp("enter", "end set now")
			k.Skip.SetHelp("n", "skip set")
		}
	case phStop:
		k.only(&k.Enter, &k.End)
		k.Enter.SetHelp("enter", "next exercise")
	}
	if m.opt.Demo && s.phase >= phCard && s.phase <= phStop {
		k.Skip.SetEnabled(s.phase != phEffort)
		k.Skip.SetHelp("n", "next exercise")
		k.Back.SetEnabled(true)
		k.Back.SetHelp("b", "previous exercise")
	}
}
