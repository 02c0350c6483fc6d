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
func (s *sessionModel) startSide() tea.Cmd {
	now := s.ctx.Now()
	if s.side == 0 {
		s.sideDone, s.saved = [2]int{}, 0
	}
	if s.dose.Kind == exercises.Reps && s.dose.Tempo == nil {
		s.phase, s.untimed, s.count = phWork, true, 0
		s.flashUntil = time.Time{}
		return s.ctx.Cues.cue("Go")
	}
	s.untimed = false
	s.phase = phReady
	s.timer = newCountdown(now, GetReady, s.ctx.Speed)
	s.lastCue = -1
	return s.schedule(now)
}

// beginWork starts the hold, the timed set, or the paced reps.
func (s *sessionModel) beginWork(now time.Time) tea.Cmd {
	s.phase, s.count, s.lastCue, s.lastWord = phWork, 0, -1, ""
	total := time.Duration(s.rung.Value) * time.Second
	words := "Hold"
	switch {
	case s.dose.Kind == exercises.Timed:
		words = "Go"
	case s.dose.Kind == exercises.Reps && s.dose.Tempo != nil:
		total = time.Duration(s.rung.Value) * s.dose.Tempo.Total()
		words = "Up"
	}
	s.timer = newCountdown(now, total, s.ctx.Speed)
	s.flashUntil = now.Add(250 * time.Millisecond)
	return tea.Batch(s.ctx.Cues.cue(words), s.schedule(now))
}

func (s *sessionModel) paced() bool { return s.dose.Kind == exercises.Reps && s.dose.Tempo != nil }

// schedule wakes the session when something on screen will change: the
// shown second, the end of a flash, the next tempo word, or the deadline
// itself. Never on a fixed fast tick.
func (s *sessionModel) schedule(now time.Time) tea.Cmd {
	var wake time.Duration
	if s.timerRunning() {
		wake = s.timer.nextWake(now)
		if s.phase == phWork && s.paced() {
			wake = min(wake, s.tempoWake(now))
		}
		if fw := s.figureWake(now); fw > 0 {
			wake = min(wake, fw)
		}
	}
	wake = withFlash(wake, s.flashUntil, now)
	if wake <= 0 {
		return nil
	}
	s.gen++
	gen := s.gen
	return tea.Tick(wake, func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}

// tempo returns the paced rep being done (from 0), its word and the
// exercise time until the next word.
func (s *sessionModel) tempo(now time.Time) (rep int, word string, next time.Duration) {
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

func (s *sessionModel) tempoWake(now time.Time) time.Duration {
	_, _, next := s.tempo(now)
	return max(s.timer.wall(next), time.Millisecond)
}

// tick handles a timer's wake.
func (s *sessionModel) tick(msg tickMsg) tea.Cmd {
	if msg.gen != s.gen {
		return nil // from a timer since paused, skipped or replaced
	}
	now := s.ctx.Now()
	switch s.phase {
	case phReady, phRest, phWork:
	default:
		return nil
	}
	if !s.timerRunning() {
		return s.schedule(now)
	}
	if s.timer.done(now) {
		return s.timerDone(now)
	}
	var cmds []tea.Cmd
	countsDown := s.phase != phWork || s.dose.Kind != exercises.Reps
	if n := s.timer.shown(now); countsDown && n <= 3 && n != s.lastCue {
		s.lastCue = n
		s.flashUntil = now.Add(250 * time.Millisecond)
		cmds = append(cmds, s.ctx.Cues.cue(fmt.Sprint(n)))
	}
	if s.phase == phWork && s.paced() {
		rep, word, _ := s.tempo(now)
		s.count = rep
		if word != s.lastWord {
			s.lastWord = word
			cmds = append(cmds, s.ctx.Cues.say(word))
		}
	}
	cmds = append(cmds, s.schedule(now))
	return tea.Batch(cmds...)
}

// timerDone moves on when a countdown reaches its deadline.
func (s *sessionModel) timerDone(now time.Time) tea.Cmd {
	s.flashUntil = now.Add(300 * time.Millisecond)
	switch s.phase {
	case phReady:
		return s.beginWork(now)
	case phWork:
		if s.ctx.Trace != nil {
			fmt.Fprintf(s.ctx.Trace, "work-end exercise=%s deadline=%d seen=%d late_ms=%.3f\n", s.ex.ID,
				s.timer.deadline.UnixNano(), now.UnixNano(), float64(now.Sub(s.timer.deadline))/float64(time.Millisecond))
		}
		s.count = s.rung.Value
		s.sideDone[s.side] = s.rung.Value
		return tea.Batch(s.ctx.Cues.cue("Done"), s.endSide(now))
	case phRest:
		return tea.Batch(s.ctx.Cues.cue("Rest is over"), s.nextSet())
	}
	return nil
}

// nextSet starts the set after a rest.
func (s *sessionModel) nextSet() tea.Cmd {
	s.set++
	s.side = 0
	return s.startSide()
}

// endSide saves a finished left side at once, then starts the other side
// the way the first began; after the last side it asks how hard the set
// was.
func (s *sessionModel) endSide(now time.Time) tea.Cmd {
	s.gen++
	if s.side+1 < s.sides() {
		return s.saveSides(0, func() tea.Cmd {
			s.side++
			return tea.Batch(s.ctx.Cues.say("Other side"), s.startSide())
		})
	}
	s.phase = phEffort
	s.pick = picker{pick: 3, lo: 1, hi: 5}
	return s.schedule(now)
}

// timerRunning reports a countdown that is going now.
func (s *sessionModel) timerRunning() bool {
	return (s.phase == phReady || s.phase == phWork || s.phase == phRest) && !s.untimed && !s.timer.paused
}

// carryOn resumes a countdown that asking to quit paused.
func (s *sessionModel) carryOn() tea.Cmd {
	if !s.resumeAfterQuit {
		return nil
	}
	s.resumeAfterQuit = false
	now := s.ctx.Now()
	s.timer.resume(now)
	return s.schedule(now)
}

// pause stops a running countdown where it is (q, ctrl+z, a small window).
func (s *sessionModel) pause() {
	if s.phase == phReady || s.phase == phWork || s.phase == phRest {
		s.timer.pause(s.ctx.Now())
		s.gen++
	}
}

// pauseForSize pauses a running countdown when the window is too small to
// show it; space goes on once the window is big enough again.
func (s *sessionModel) pauseForSize() {
	if s.timerRunning() {
		s.pause()
		s.sizePaused = true
	}
}

// updateTimed handles keys while a countdown or a rep count runs.
func (s *sessionModel) updateTimed(k tea.KeyMsg) (tea.Cmd, nav) {
	keys := &s.ctx.Keys
	now := s.ctx.Now()
	switch {
	case s.untimed && s.phase == phWork && key.Matches(k, keys.Count, keys.Plus):
		s.count++
	case s.untimed && s.phase == phWork && key.Matches(k, keys.Minus):
		s.count = max(0, s.count-1)
	case !s.untimed && key.Matches(k, keys.Pause):
		s.sizePaused = false
		if s.timer.paused {
			s.timer.resume(now)
		} else {
			s.timer.pause(now)
			s.gen++
		}
		return s.schedule(now), nav{}
	case key.Matches(k, keys.Pain):
		s.pause()
		s.resume, s.phase = s.phase, phFlare
		s.pick = picker{pick: s.pain, lo: 0, hi: 10}
	case s.phase == phRest && key.Matches(k, keys.Extend):
		s.timer.extend(RestExtra)
		return s.schedule(now), nav{}
	case key.Matches(k, keys.Enter), key.Matches(k, keys.Skip):
		switch s.phase {
		case phReady:
			return s.beginWork(now), nav{}
		case phRest:
			return s.nextSet(), nav{}
		case phWork:
			done := s.count
			switch {
			case s.dose.Kind != exercises.Reps:
				done = int(s.timer.elapsed(now) / time.Second)
			case !s.untimed:
				done, _, _ = s.tempo(now)
			}
			if key.Matches(k, keys.Skip) {
				done = 0
			}
			s.sideDone[s.side] = min(done, s.rung.Value*10)
			return s.endSide(now), nav{}
		}
	}
	return nil, nav{}
}
