package tui

import (
	"fmt"
	"strings"

	"limber/exercises"
	"limber/text"
)

// view draws the session's current phase.
func (s *session) view(m *Model, h int) []string {
	switch s.phase {
	case phBaseline:
		return m.viewScale("Before we start: how much pain do you have right now?", s.pick, h)
	case phRedFlag:
		q := "Since your last session, have you had any of these?"
		if !s.hadSession {
			q = "In the last few days, have you had any of these?"
		}
		return m.viewYesNo(q,
			[]string{"new chest pain or pressure", "feeling faint or dizzy", "a new wound, blister or sore on your feet", "a low blood sugar reading"}, h)
	case phRedFlagAdvice:
		return center([]string{
			m.st.Stop.Render("Please do not exercise today."),
			"",
			text.Wrap("Rest, and contact your clinician today about what you noticed. If you have chest pain or feel very unwell, call emergency services.", min(m.width-6, 70)),
			"",
			m.st.Subtle.Render("This has been noted for your therapist."),
		}, h)
	case phSettled:
		return m.viewYesNo("Think of the morning after your last session: had any pain it stirred up settled by then?", nil, h)
	case phCard:
		lines := m.viewCard(s.ex, s.dose.WithRung(s.rung), h-2, 0)
		if len(lines) > h-2 {
			lines = append(lines[:h-3], "…")
		}
		return append(lines, "", m.st.Key.Render("enter")+"  start when you are ready")
	case phReady, phWork, phRest:
		return s.viewTimed(m, h)
	case phEffort:
		return m.viewEffort(s.pick, h)
	case phFlare:
		return m.viewScale("How much pain do you have right now?", s.pick, h)
	case phPain:
		return m.viewScale(fmt.Sprintf("%s is done. How much pain do you have now?", clean(s.ex.Name)), s.pick, h)
	case phScore:
		return m.viewScore(s, h)
	case phStop:
		return center([]string{
			m.st.Stop.Render("■ Please stop this exercise now."),
			"",
			text.Wrap("Sit or lie down and rest. Breathe slowly. If the pain does not settle, or it worries you, contact your clinician.", min(m.width-6, 70)),
			"",
			m.st.Subtle.Render("What you did is saved, and your therapist will see this."),
			"",
			m.st.Key.Render("enter") + "  go on to the next exercise      " + m.st.Key.Render("e") + "  end the session",
		}, h)
	case phSummary:
		return s.viewSummary(m, h)
	case phAfter:
		lines := []string{m.st.Title.Render("Before you go"), ""}
		for _, a := range s.rt.After {
			lines = append(lines, text.Hang("  • ", clean(a), m.width-6)...)
		}
		return center(append(lines, "", m.st.Key.Render("enter")+"  done"), h)
	}
	return nil
}

// viewTimed is the set screen: what, which set and side, the big count,
// the bar, and a cue.
func (s *session) viewTimed(m *Model, h int) []string {
	now := m.opt.Now()
	w := m.width - 4
	title := m.st.Title.Render(clean(s.ex.Name))
	if lv := s.ex.LevelName(s.rung.Level); lv != "" {
		title += m.st.Subtle.Render(fmt.Sprintf("  level %d: %s", s.rung.Level, clean(lv)))
	}
	where := fmt.Sprintf("Set %d of %d", s.set, s.rung.Sets)
	if side := s.sideName(); side != "" {
		where += " · " + strings.ToUpper(side) + " side"
	}
	if s.phase == phRest {
		where = fmt.Sprintf("Rest · next: set %d of %d", s.set+1, s.rung.Sets)
	}
	lines := []string{title, m.st.Heading.Render(where), ""}

	var big, label string
	frac := 0.0
	hot := false
	switch {
	case s.phase == phWork && s.untimed:
		big = fmt.Sprint(s.count)
		label = fmt.Sprintf("reps done, of %d: press space for each one", s.rung.Value)
		frac = float64(s.count) / float64(max(1, s.rung.Value))
	case s.phase == phWork && s.dose.Kind == exercises.Reps:
		rep, word, _ := s.tempo(now)
		big = fmt.Sprint(min(rep+1, s.rung.Value))
		label = fmt.Sprintf("rep %d of %d:  %s…", min(rep+1, s.rung.Value), s.rung.Value, word)
		frac = float64(rep) / float64(max(1, s.rung.Value))
	default:
		n := s.timer.shown(now)
		big = fmt.Sprint(n)
		hot = n <= 3
		frac = s.timer.fraction(now)
		switch s.phase {
		case phReady:
			label = "get ready"
			if s.side == 1 {
				label = "switch to the right side and get ready"
			}
		case phRest:
			label = "seconds of rest"
		default:
			label = "seconds left"
			if s.dose.Kind == exercises.Hold {
				label = "seconds left in the hold"
			}
		}
	}
	// The count is drawn left, under the title, not centred: every second
	// its rows are rewritten whole, and centring spaces would be most of
	// the bytes sent to the terminal (DESIGN section 8: under 500 a second).
	wide := m.width >= 100 && m.height >= 30
	style := m.st.Digits
	if hot {
		style = m.st.DigitsHot
	}
	if s.flashUntil.After(now) {
		style = m.st.Flash
	}
	for _, row := range strings.Split(Big(big, wide), "\n") {
		if m.opt.Color && wide {
			row = reverseRuns(row)
		}
		lines = append(lines, " "+style.Render(row))
	}
	lines = append(lines, "")
	if s.timer.paused && !s.untimed {
		lines = append(lines, " "+m.st.Paused.Render("⏸ PAUSED: press space to go on"))
	} else {
		lines = append(lines, " "+label)
	}
	// A short bar changes every few seconds, not every second.
	lines = append(lines, " "+m.bar(frac, min(w-2, 30)), "")
	if s.note != "" {
		lines = append(lines, m.st.Warn.Render(text.Wrap(s.note, w)))
	} else if len(s.ex.Cues) > 0 {
		cue := s.ex.Cues[(s.set-1+s.side)%len(s.ex.Cues)]
		lines = append(lines, m.st.Subtle.Render("Tip: "+clean(cue)))
	}
	// The what and which stay at the top; the count sits in the middle of
	// what is left, where the eye finds it from across the room.
	head, rest := lines[:3], lines[3:]
	n := 0
	for _, l := range rest {
		n += strings.Count(l, "\n") + 1
	}
	pad := max(0, (h-3-n)/2)
	out := make([]string, 0, len(lines)+pad)
	out = append(append(append(out, head...), make([]string, pad)...), rest...)
	return out
}

// painWords say what a pain number means.
func painWords(n int) string {
	switch {
	case n == 0:
		return "no pain"
	case n <= 3:
		return "mild"
	case n <= 6:
		return "moderate"
	}
	return "severe"
}

// viewScale is the 0–10 pain question: one key answers.
func (m *Model) viewScale(q string, pick, h int) []string {
	var row []string
	for i := 0; i <= 10; i++ {
		cell := fmt.Sprintf(" %d ", i)
		if i == pick {
			row = append(row, m.st.Selected.Render("["+fmt.Sprint(i)+"]"))
		} else {
			row = append(row, cell)
		}
	}
	lines := []string{
		m.st.Title.Render(text.Wrap(q, m.width-6)),
		"",
		strings.Join(row, " "),
		m.st.Subtle.Render("0 none · 1–3 mild · 4–6 moderate · 7–10 severe"),
		"",
		fmt.Sprintf("Press a number (t for 10), or ↑↓ and enter.  Now on: %d, %s", pick, painWords(pick)),
	}
	return center(lines, h)
}

// viewEffort is the effort question, 1 to 5 with words.
func (m *Model) viewEffort(pick, h int) []string {
	lines := []string{m.st.Title.Render("How hard was that set?"), ""}
	for i := 1; i <= 5; i++ {
		row := fmt.Sprintf("  %d   %s", i, exercises.EffortWords[i])
		if i == pick {
			row = m.st.Selected.Render("▸" + row[1:])
		}
		lines = append(lines, row)
	}
	return center(append(lines, "", "Press 1 to 5."), h)
}

func (m *Model) viewScore(s *session, h int) []string {
	out := s.ex.Score.OutOf
	lines := []string{m.st.Title.Render(fmt.Sprintf("How many did you get right, out of %d?", out)), ""}
	lines = append(lines, m.st.Digits.Render(Big(fmt.Sprint(s.pick), false)), "")
	if out <= 10 {
		lines = append(lines, "Press a number (t for 10), or ↑↓ and enter.")
	} else {
		lines = append(lines, "Use ↑↓, then enter.")
	}
	return center(lines, h)
}

func (m *Model) viewYesNo(q string, items []string, h int) []string {
	lines := []string{m.st.Title.Render(text.Wrap(q, min(m.width-6, 70))), ""}
	for _, it := range items {
		lines = append(lines, "  • "+it)
	}
	if len(items) > 0 {
		lines = append(lines, "")
	}
	lines = append(lines, m.st.Key.Render("y")+"  yes        "+m.st.Key.Render("n")+"  no")
	return center(lines, h)
}

// viewSummary shows, for each exercise, next time and why.
func (s *session) viewSummary(m *Model, h int) []string {
	w := m.width - 4
	lines := []string{m.st.Good.Render("✓ Session done. Well done for showing up today."), ""}
	if s.stopEarly {
		lines[0] = m.st.Warn.Render("Session ended early. Rest now; what you did is saved.")
	}
	if len(s.summary) > 0 {
		lines = append(lines, m.st.Heading.Render("Next time"))
	}
	for _, it := range s.summary {
		name := clean(it.ex.Name)
		switch {
		case it.skipped:
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
		next := exercises.RungText(it.ex, it.d.To)
		lines = append(lines, fmt.Sprintf("%s %s: %s", mark, name, clean(next)))
		reason := clean(it.d.Reason)
		if it.d.Flag {
			reason = "[!] " + reason
		}
		lines = append(lines, text.Hang("    ", reason, w)...)
	}
	if m.opt.Demo {
		lines = append(lines, "", m.st.Subtle.Render("Demo: nothing was recorded."))
	}
	lines = append(lines, "", m.st.Key.Render("enter")+"  continue")
	if len(lines) > h {
		scroll := min(s.scroll, len(lines)-h)
		lines = lines[scroll:]
	}
	return lines
}
