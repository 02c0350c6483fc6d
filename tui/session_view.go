package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"

	"limber/exercises"
	"limber/journal"
	"limber/text"
)

// Keys are the keys of the session's current phase, for the footer.
func (s *sessionModel) Keys() []key.Binding {
	k := s.ctx.Keys
	var out []key.Binding
	switch s.phase {
	case phBefore, phAfter:
		out = append(s.pg.keys(), k.Enter)
	case phCard:
		out = append([]key.Binding{as(k.Enter, "start"), as(k.Skip, "skip this exercise")}, s.pg.keys()...)
		if s.idx > 0 {
			out = append(out, as(k.Back, "previous exercise"))
		}
	case phSkipAsk:
		return []key.Binding{as(k.Yes, "yes, skip it"), as(k.No, "no, do it")}
	case phReady:
		out = []key.Binding{k.Pause, as(k.Enter, "start now"), k.Pain}
	case phRest:
		out = []key.Binding{k.Pause, as(k.Enter, "end rest"), k.Extend, k.Pain}
	case phWork:
		if s.untimed {
			out = []key.Binding{k.Count, k.Plus, k.Minus, as(k.Enter, "set done"), k.Pain}
		} else {
			out = []key.Binding{k.Pause, as(k.Enter, "end set now"), as(k.Skip, "skip set"), k.Pain}
		}
	case phEffort:
		out = []key.Binding{label(k.Number, "1–5", "answer"), as(k.Up, "easier"), as(k.Down, "harder"), as(k.Enter, "choose")}
	case phFlare, phPain, phScore:
		out = s.pick.keys(s.ctx)
	case phStop:
		return []key.Binding{as(k.Enter, "end the session"), as(k.GoOn, "go on to the next exercise")}
	case phSummary:
		return append(s.pg.keys(), k.Enter)
	case phSaveFailed:
		return []key.Binding{k.Retry, as(k.Quit, "leave")}
	}
	if s.ctx.Demo && s.phase >= phCard && s.phase <= phStop && s.phase != phEffort {
		// In a demo s and b step between exercises, whatever they do
		// in a session (Update): say only that.
		out = slices.DeleteFunc(out, func(b key.Binding) bool {
			return slices.Equal(b.Keys(), k.Skip.Keys()) || slices.Equal(b.Keys(), k.Back.Keys())
		})
		out = append(out, as(k.Skip, "next exercise"), as(k.Back, "previous exercise"))
	}
	return append(out, k.Quit)
}

// about names the set a question asks about: "Heel raises, set 2 of 3,
// right side".
func (s *sessionModel) about() string {
	a := fmt.Sprintf("%s, set %d of %d", clean(s.ex.Name), s.set, s.rung.Sets)
	if s.sides() == 2 {
		a += ", both sides"
	}
	return a + "."
}

// View draws the session's current phase.
func (s *sessionModel) View() string {
	st := s.ctx.Styles
	w, h := s.w, s.h
	switch s.phase {
	case phBefore, phAfter, phSummary:
		return s.pg.view() + "\n\n" + st.Key.Render("enter") + "  " + map[phase]string{phBefore: "begin", phAfter: "done", phSummary: "close"}[s.phase]
	case phCard:
		v := s.pg.view()
		tail := st.Key.Render("enter") + "  start when you are ready"
		if s.hint != "" {
			tail += "     " + st.Warn.Render(s.hint)
		}
		return v + "\n\n" + tail
	case phSkipAsk:
		return viewYesNo(s.ctx, fmt.Sprintf("Skip %s today?", clean(s.ex.Name)), nil, w, h)
	case phReady, phWork, phRest:
		return s.viewTimed()
	case phEffort:
		return viewEffort(s.ctx, s.about(), s.pick.pick, w, h, s.hint)
	case phFlare:
		return viewScale(s.ctx, fmt.Sprintf("%s: how much pain do you have right now?", clean(s.ex.Name)), s.pick.pick, w, h, "")
	case phPain:
		return viewScale(s.ctx, fmt.Sprintf("%s is done. How much pain do you have now?", clean(s.ex.Name)), s.pick.pick, w, h, "")
	case phScore:
		return s.viewScore()
	case phStop:
		var lines []string
		lines = append(lines, st.Stop.Render("■ Please stop this exercise now."), "")
		lines = append(lines, text.Lines("Sit or lie down and rest. Breathe slowly. If the pain does not settle, or it worries you, contact your clinician.", min(w, 70))...)
		lines = append(lines, "", st.Subtle.Render(s.savedWords()), "",
			st.Key.Render("enter")+"  end the session (best today)",
			st.Key.Render("c")+"      go on to the next exercise")
		return strings.Join(center(lines, h), "\n")
	case phSaveFailed:
		return s.viewSaveFailed()
	}
	return ""
}

func (s *sessionModel) savedWords() string {
	switch {
	case s.ctx.Demo:
		return "Demo: nothing is recorded."
	case len(s.ctx.unsaved) > 0:
		return "Some of what you did could not be saved."
	}
	return "What you did is saved, and your therapist will see this."
}

// viewSaveFailed says plainly what was not saved and why.
func (s *sessionModel) viewSaveFailed() string {
	st := s.ctx.Styles
	w := min(s.w, 76)
	unsaved, err := s.ctx.Unsaved()
	lines := []string{st.Stop.Render("Your journal could not be saved."), ""}
	lines = append(lines, text.Lines(fmt.Sprintf("The reason: %v.", err), w)...)
	lines = append(lines, "", st.Heading.Render("Not saved yet"))
	for _, r := range unsaved {
		lines = append(lines, text.Hang("  • ", recordWords(s.ctx, r), w)...)
	}
	lines = append(lines, "", text.Wrap("Nothing is lost while limber stays open. Free some space or fix the folder, then press r to try again.", w), "",
		st.Key.Render("r")+"  try to save again      "+st.Key.Render("q")+"  leave without saving these")
	return strings.Join(center(lines, s.h), "\n")
}

// recordWords describes a record for a person.
func recordWords(ctx *Context, r journal.Record) string {
	name := r.Exercise
	if x, ok := ctx.Lib.Exercise(r.Exercise); ok {
		name = clean(x.Name)
	}
	switch r.Kind {
	case journal.KindSessionStart:
		return "the start of this session and your check-in answers"
	case journal.KindSessionEnd:
		return "the end of this session"
	case journal.KindSet:
		side := ""
		if r.Side != "" {
			side = ", " + r.Side + " side"
		}
		return fmt.Sprintf("%s: set %d%s, %d done", name, r.Set, side, r.Achieved)
	case journal.KindExerciseEnd:
		if r.Pain != nil {
			return fmt.Sprintf("%s: finished, pain %d", name, *r.Pain)
		}
		return name + ": finished"
	}
	return string(r.Kind) + " " + name
}

// viewTimed is the set screen: what, which set and side, the big count
// (at least a third of the window's height, centred), the bar, and a cue.
func (s *sessionModel) viewTimed() string {
	st := s.ctx.Styles
	now := s.ctx.Now()
	w := s.w
	c := s.countNow(now)
	count := s.countRows(now, c)
	labelStyle, labelOn := st.Paused, s.timer.paused && !s.untimed
	if c.hot && !labelOn {
		labelStyle, labelOn = st.DigitsHot, true
	}
	label := c.label
	if s.flashUntil.After(now) {
		labelStyle, labelOn = st.Flash, true
		label = "● " + label + " ●"
	}
	lines := s.setHeading()
	body := append(count, "", centerLine(labelStyle, label, w, labelOn), centerLine(st.Normal, s.ctx.bar(c.frac, 20), w, false))
	if s.note != "" {
		for _, l := range text.Lines(s.note, w) {
			body = append(body, st.Warn.Render(l))
		}
	} else if len(s.ex.Cues) > 0 {
		cue := s.ex.Cues[(s.set-1+s.side)%len(s.ex.Cues)]
		body = append(body, "", centerLine(st.Subtle, "Tip: "+clean(cue), w, true))
	}
	// The what and which stay at the top; the count sits in the middle of
	// what is left, where the eye finds it from across the room.
	padTop := max(0, (s.h-len(lines)-len(body))/2)
	out := append(lines, s.padWithFigure(now, padTop, w)...)
	return strings.Join(append(out, body...), "\n")
}

// setHeading is what and which: the exercise and its level, the set and
// the side (or the rest), and the new-level banner.
func (s *sessionModel) setHeading() []string {
	st := s.ctx.Styles
	title := st.Title.Render(clean(s.ex.Name))
	if lv := s.ex.LevelName(s.rung.Level); lv != "" {
		title += st.Subtle.Render(fmt.Sprintf("  level %d: %s", s.rung.Level, clean(lv)))
	}
	where := fmt.Sprintf("Set %d of %d", s.set, s.rung.Sets)
	if side := s.sideName(); side != "" {
		where += " · " + strings.ToUpper(side) + " side"
	}
	if s.phase == phRest {
		where = fmt.Sprintf("Rest · next: set %d of %d", s.set+1, s.rung.Sets)
	}
	where = st.Heading.Render(where)
	if s.newLevel {
		where += "   " + st.Warn.Render(newLevelBanner)
	}
	return []string{title, where}
}

// count is what the set screen counts now: the number, the words under
// it, how far the bar is, whether these are the last three seconds, and
// how many digits its widest number has.
type count struct {
	big, label string
	frac       float64
	hot        bool
	slots      int
}

func (s *sessionModel) countNow(now time.Time) count {
	var c count
	switch {
	case s.phase == phWork && s.untimed:
		c.big = fmt.Sprint(s.count)
		c.slots = len(fmt.Sprint(s.rung.Value))
		c.label = fmt.Sprintf("reps done, of %d: press space for each one", s.rung.Value)
		c.frac = float64(s.count) / float64(max(1, s.rung.Value))
	case s.phase == phWork && s.paced():
		rep, word, _ := s.tempo(now)
		c.big = fmt.Sprint(min(rep+1, s.rung.Value))
		c.slots = len(fmt.Sprint(s.rung.Value))
		c.label = fmt.Sprintf("rep %d of %d:  %s…", min(rep+1, s.rung.Value), s.rung.Value, word)
		c.frac = float64(rep) / float64(max(1, s.rung.Value))
	default:
		n := s.timer.shown(now)
		c.big = fmt.Sprint(n)
		c.slots = len(fmt.Sprint(int(s.timer.total.Seconds())))
		c.hot = n <= 3
		c.frac = s.timer.fraction(now)
		switch s.phase {
		case phReady:
			c.label = "get ready"
			if s.side == 1 {
				c.label = "now the right side: get ready"
			}
		case phRest:
			c.label = "seconds of rest"
		default:
			c.label = "seconds left"
			if s.dose.Kind == exercises.Hold {
				c.label = "seconds left in the hold"
			}
		}
	}
	if s.timer.paused && !s.untimed {
		c.label = "⏸ PAUSED: press space to go on"
		if s.sizePaused {
			c.label = "⏸ PAUSED while the window was too small: press space to go on"
		}
	}
	return c
}

// countRows draws the count in block digits. It keeps one size for the
// whole countdown (that of its widest number), and is centred as it
// stands: it moves only when it loses a digit, at 99 and at 9. Digits are
// drawn in the terminal's own colour, which is the clearest; the last
// three seconds and a flash light the line under them, not all of them,
// so that a second costs few bytes.
func (s *sessionModel) countRows(now time.Time, c count) []string {
	sy := digitScale(s.ctx.Height, s.w, max(c.slots, len(c.big)))
	pad := (s.w - BigWidth(len(c.big), sy)) / 2
	// The margin and the blanks are skipped, not written: a row that
	// changes costs only its dots.
	rows, digits := placeBig(c.big, sy, pad)
	return s.countWithFigure(now, rows, digits, pad)
}

// centerLine centres one short line in w cells, styled when on.
func centerLine(style interface{ Render(...string) string }, s string, w int, on bool) string {
	s = text.Truncate(s, w)
	pad := skip((w - text.Width(s)) / 2)
	if on {
		s = style.Render(s)
	}
	return pad + s
}

func (s *sessionModel) viewScore() string {
	st := s.ctx.Styles
	out := s.ex.Score.OutOf
	lines := []string{st.Title.Render(fmt.Sprintf("%s: how many did you get right, out of %d?", clean(s.ex.Name), out)), ""}
	for _, row := range Big(fmt.Sprint(s.pick.pick), 1, false) {
		lines = append(lines, st.Digits.Render(row))
	}
	lines = append(lines, "")
	if out <= 10 {
		lines = append(lines, "Press a number (t for 10), or ← → and enter.")
	} else {
		lines = append(lines, "Use ← →, then enter.")
	}
	return strings.Join(center(lines, s.h), "\n")
}

// listLines is the routine's before or after list.
func (s *sessionModel) listLines(title string, items []string) []string {
	st := s.ctx.Styles
	lines := []string{st.Title.Render(title), ""}
	for _, a := range items {
		lines = append(lines, text.Hang("  • ", clean(a), s.w)...)
	}
	return lines
}

// summaryLines show, for each exercise, next time and why.
func (s *sessionModel) summaryLines() []string {
	st := s.ctx.Styles
	w := s.w
	lines := []string{st.Good.Render("✓ Session done. Well done for showing up today."), ""}
	if s.stopEarly {
		lines[0] = st.Warn.Render("Session ended early. Rest now.")
	}
	if sw := s.savedWords(); len(s.ctx.unsaved) > 0 || s.ctx.Demo {
		if s.ctx.Demo {
			sw = "Demo: nothing was recorded."
		}
		lines = append(lines, st.Warn.Render(sw), "")
	}
	if len(s.summary) > 0 {
		lines = append(lines, st.Heading.Render("Next time"))
	}
	for _, it := range s.summary {
		name := clean(it.ex.Name)
		if it.skipped {
			lines = append(lines, "  "+name+": skipped today")
			continue
		}
		mark := "="
		switch it.d.Move {
		case exercises.Up:
			mark = "↑"
		case exercises.Down:
			mark = "↓"
		}
		lines = append(lines, text.Hang(mark+" ", name+": "+clean(exercises.RungText(it.ex, it.d.To)), w)...)
		reason := clean(it.d.Reason)
		if it.d.Flag {
			reason = "[!] " + reason
		}
		lines = append(lines, text.Hang("    ", reason, w)...)
	}
	return lines
}
