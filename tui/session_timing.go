package tui

// The session's timed work: get-ready, holds, timed sets, paced reps and
// rests, all counted from wall-clock deadlines and woken only when the
// screen would change.

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"limber/exercises"
)

// startSide begins a set, or its second side: a get-ready countdown for
// timed work, straight to counting for reps without a tempo.
func (s *session) startSide(m *Model) tea.Cmd {
	now := m.opt.Now()
	if s.side == 0 {
		s.sideDone = [2]int{}
	}
	if s.dose.Kind == exercises.Reps && s.dose.Tempo == nil {
		s.phase, s.untimed, s.count = phWork, true, 0
		return m.opt.Cues.cue("Go")
	}
	s.untimed = false
	s.phase = phReady
	s.timer = newCountdown(now, GetReady, m.opt.Speed)
	s.lastCue = -1
	return s.schedule(m, now)
}

// beginWork starts the hold, the timed set, or the paced reps.
func (s *session) beginWork(m *Model, now time.Time) tea.Cmd {
	s.phase, s.count, s.lastCue, s.lastWord = phWork, 0, -1, ""
	total := time.Duration(s.rung.Value) * time.Second
	words := "Hold"
	switch {
	case s.dose.Kind == exercises.Timed:
		words = "Go"
	case s.dose.Kind == exercises.Reps:
		total = time.Duration(s.rung.Value) * s.dose.Tempo.Total()
		words = "Up"
	}
	s.timer = newCountdown(now, total, m.opt.Speed)
	s.flashUntil = now.Add(250 * time.Millisecond)
	return tea.Batch(m.opt.Cues.cue(words), s.schedule(m, now))
}

// schedule wakes the session when something on screen will change: the
// shown second, the end of a flash, the next tempo word, or the deadline
// itself. Never on a fixed fast tick.
func (s *session) schedule(m *Model, now time.Time) tea.Cmd {
	var wake time.Duration
	timed := (s.phase == phReady || s.phase == phRest || s.phase == phWork) && !s.untimed && !s.timer.paused
	if timed {
		wake = s.timer.nextWake(now)
		if s.phase == phWork && s.dose.Kind == exercises.Reps {
			wake = min(wake, s.tempoWake(now))
		}
	}
	if s.flashUntil.After(now) {
		fw := s.flashUntil.Sub(now)
		if wake == 0 || fw < wake {
			wake = fw
		}
	}
	if wake <= 0 {
		return nil
	}
	s.gen++
	gen := s.gen
	return tea.Tick(wake, func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}

// tempo returns the paced rep being done (from 0), its word and the
// exercise time until the next word.
func (s *session) tempo(now time.Time) (rep int, word string, next time.Duration) {
	t := s.dose.Tempo
	e := s.timer.elapsed(now)
	per := t.Total()
	rep = int(e / per)
	in := e % per
	switch {
	case in < t.Up:
		return rep, "up", t.Up - in
	case in < t.Up+t.Hold:
		return rep, "hold", t.Up + t.Hold - in
	}
	return rep, "down", per - in
}

func (s *session) tempoWake(now time.Time) time.Duration {
	_, _, next := s.tempo(now)
	return max(s.timer.wall(next), time.Millisecond)
}

// tick handles a timer's wake.
func (s *session) tick(m *Model, msg tickMsg) tea.Cmd {
	if msg.gen != s.gen {
		return nil // from a timer since paused, skipped or replaced
	}
	now := m.opt.Now()
	switch s.phase {
	case phReady, phRest, phWork:
	default:
		return nil
	}
	if s.untimed || s.timer.paused {
		return s.schedule(m, now)
	}
	if s.timer.done(now) {
		return s.timerDone(m, now)
	}
	var cmds []tea.Cmd
	countsDown := s.phase != phWork || s.dose.Kind != exercises.Reps
	if n := s.timer.shown(now); countsDown && n <= 3 && n != s.lastCue {
		s.lastCue = n
		s.flashUntil = now.Add(250 * time.Millisecond)
		cmds = append(cmds, m.opt.Cues.cue(fmt.Sprint(n)))
	}
	if s.phase == phWork && s.dose.Kind == exercises.Reps {
		rep, word, _ := s.tempo(now)
		s.count = rep
		if word != s.lastWord {
			s.lastWord = word
			cmds = append(cmds, m.opt.Cues.say(word))
		}
	}
	cmds = append(cmds, s.schedule(m, now))
	return tea.Batch(cmds...)
}

// timerDone moves on when a countdown reaches its deadline.
func (s *session) timerDone(m *Model, now time.Time) tea.Cmd {
	s.flashUntil = now.Add(300 * time.Millisecond)
	switch s.phase {
	case phReady:
		return s.beginWork(m, now)
	case phWork:
		if m.opt.Trace != nil {
			fmt.Fprintf(m.opt.Trace, "work-end exercise=%s deadline=%d seen=%d late_ms=%.3f\n", s.ex.ID,
				s.timer.deadline.UnixNano(), now.UnixNano(), float64(now.Sub(s.timer.deadline))/float64(time.Millisecond))
		}
		s.count = s.rung.Value
		s.sideDone[s.side] = s.rung.Value
		return tea.Batch(m.opt.Cues.cue("Done"), s.endSide(m, now))
	case phRest:
		s.set++
		s.side = 0
		return tea.Batch(m.opt.Cues.cue("Rest is over"), s.startSide(m))
	}
	return nil
}

// endSide moves to the other side, or asks how hard the set was.
func (s *session) endSide(m *Model, now time.Time) tea.Cmd {
	s.gen++
	if s.side+1 < s.sides() {
		// The other side starts the way the first did: a get-ready for
		// timed work, straight to counting for reps the person counts.
		s.side++
		return tea.Batch(m.opt.Cues.say("Other side"), s.startSide(m))
	}
	s.phase, s.pick = phEffort, 3
	return s.schedule(m, now)
}

// timerRunning reports a countdown that is going now.
func (s *session) timerRunning() bool {
	return (s.phase == phReady || s.phase == phWork || s.phase == phRest) && !s.untimed && !s.timer.paused
}

// carryOn resumes a countdown that asking to quit paused.
func (s *session) carryOn(m *Model) tea.Cmd {
	if !s.resumeAfterQuit {
		return nil
	}
	s.resumeAfterQuit = false
	now := m.opt.Now()
	s.timer.resume(now)
	return s.schedule(m, now)
}

func (s *session) pauseTimer(now time.Time) {
	if s.phase == phReady || s.phase == phWork || s.phase == phRest {
		s.timer.pause(now)
		s.gen++
	}
}

// updateTimed handles keys while a countdown or a rep count runs.
func (s *session) updateTimed(m *Model, k tea.KeyMsg, now time.Time) tea.Cmd {
	switch {
	case s.untimed && key.Matches(k, m.keys.Count), s.untimed && key.Matches(k, m.keys.Plus):
		s.count++
		return nil
	case s.untimed && key.Matches(k, m.keys.Minus):
		s.count = max(0, s.count-1)
		return nil
	case key.Matches(k, m.keys.Pause):
		if s.timer.paused {
			s.timer.resume(now)
		} else {
			s.timer.pause(now)
			s.gen++
		}
		return s.schedule(m, now)
	case key.Matches(k, m.keys.Pain):
		s.timer.pause(now)
		s.gen++
		s.resume, s.phase, s.pick = s.phase, phFlare, 0
		return nil
	case s.phase == phRest && key.Matches(k, m.keys.Extend):
		s.timer.extend(RestExtra)
		return s.schedule(m, now)
	case key.Matches(k, m.keys.Enter), key.Matches(k, m.keys.Skip):
		switch s.phase {
		case phReady:
			return s.beginWork(m, now)
		case phRest:
			s.set++
			s.side = 0
			return s.startSide(m)
		case phWork:
			done := s.count
			if s.dose.Kind != exercises.Reps {
				done = int(s.timer.elapsed(now) / time.Second)
			} else if !s.untimed {
				done, _, _ = s.tempo(now)
			}
			if key.Matches(k, m.keys.Skip) {
				done = 0
			}
			s.sideDone[s.side] = min(done, s.rung.Value*10)
			return s.endSide(m, now)
		}
	}
	return nil
}
