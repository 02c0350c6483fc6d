package tui

// The outcome measure screen (DESIGN section 7): a standard test run with
// the session's timers. A count (the 30-second chair stand) has a get-ready,
// then the count with a rep counter, then asks how many; a stages test (the
// 4-stage balance test) has a get-ready and a hold for each stage, asks
// whether it was held, and stops at the first that was not. The result is
// journalled once, at the end, with the person's age and sex.

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"limber/coach"
	"limber/exercises"
	"limber/report"
	"limber/text"
)

type asPhase int

const (
	asIntro      asPhase = iota // what the test is, safety, steps
	asNotToday                  // a red flag was answered today
	asReady                     // get ready (5 s)
	asCount                     // the count runs: space counts
	asHold                      // a stage is held
	asHeld                      // was the stage held?
	asResult                    // how many? (a count, to confirm)
	asDone                      // saved: the result against its norm
	asSaveFailed                // the journal refused the result
)

// assessTickMsg wakes the test's timer; gen drops ticks of a replaced one.
type assessTickMsg struct{ gen int }

// assessModel is one outcome measure being done.
type assessModel struct {
	ctx  *Context
	a    *exercises.Assessment
	w, h int
	pg   pager

	phase      asPhase
	stage      int // the stage being held, from 0
	count      int // stands counted, or the result being confirmed
	typed      string
	result     int
	saved      bool
	timer      countdown
	gen        int
	lastCue    int
	flashUntil time.Time
	sizePaused bool
	pausedAsk  bool // q paused a running timer; carry on resumes it
}

func newAssess(ctx *Context, id string) (*assessModel, bool) {
	a, ok := ctx.Lib.Assessment(id)
	if !ok {
		return nil, false
	}
	m := &assessModel{ctx: ctx, a: a, pg: newPager(ctx)}
	if ctx.Progress.StopDay(ctx.Now()) {
		m.phase = asNotToday
	}
	return m, true
}

func (m *assessModel) SetSize(w, h int) {
	m.w, m.h = w, h
	m.pg.setSize(w, h-2)
	m.pg.setContent(m.introLines())
}

func (m *assessModel) Title() string { return m.a.Name }

func (m *assessModel) stages() bool { return m.a.Kind == exercises.Stages }

func (m *assessModel) Keys() []key.Binding {
	k := m.ctx.Keys
	switch m.phase {
	case asIntro:
		return append(append([]key.Binding{as(k.Enter, "start")}, m.pg.keys()...), as(k.Back, "not now"), k.Quit)
	case asNotToday:
		return []key.Binding{as(k.Enter, "back"), k.Quit}
	case asReady:
		return []key.Binding{k.Pause, as(k.Enter, "start now"), k.Quit}
	case asCount:
		return []key.Binding{as(k.Count, "count one"), k.Minus, as(k.Enter, "stop the test now"), k.Quit}
	case asHold:
		return []key.Binding{as(k.No, "my feet moved or I held on"), k.Pause, k.Quit}
	case asHeld:
		return []key.Binding{as(k.Yes, "yes, held"), as(k.No, "no"), k.Quit}
	case asResult:
		return []key.Binding{label(k.Number, "0–9", "type it"), as(k.Left, "one less"), as(k.Right, "one more"), as(k.Enter, "save"), k.Quit}
	case asSaveFailed:
		return []key.Binding{k.Retry, as(k.Quit, "leave")}
	}
	return []key.Binding{as(k.Enter, "done")}
}

func (m *assessModel) Update(k tea.KeyMsg) (tea.Cmd, nav) {
	keys := &m.ctx.Keys
	now := m.ctx.Now()
	if key.Matches(k, keys.Quit) && m.phase != asDone {
		if m.timerRunning() {
			m.timer.pause(now)
			m.gen++
			m.pausedAsk = true
		}
		return nil, nav{ask: true}
	}
	switch m.phase {
	case asIntro:
		switch {
		case m.pg.update(k):
		case key.Matches(k, keys.Enter):
			return m.getReady(now), nav{}
		case key.Matches(k, keys.Back), key.Matches(k, keys.Close):
			return nil, nav{done: true}
		}
	case asNotToday:
		if key.Matches(k, keys.Enter, keys.Back, keys.Close) {
			return nil, nav{done: true}
		}
	case asReady, asCount, asHold:
		return m.updateTimed(k, now), nav{}
	case asHeld:
		switch {
		case key.Matches(k, keys.Yes):
			if m.stage+1 < len(m.a.Stages) {
				m.stage++
				return m.getReady(now), nav{}
			}
			return m.finish(len(m.a.Stages)), nav{}
		case key.Matches(k, keys.No):
			return m.finish(m.stage), nav{}
		}
	case asResult:
		m.updateResult(k)
		if key.Matches(k, keys.Enter) {
			return m.finish(m.count), nav{}
		}
	case asSaveFailed:
		if key.Matches(k, keys.Retry) && m.ctx.Retry() {
			m.ctx.Replay()
			m.phase, m.saved = asDone, true
		}
	case asDone:
		if key.Matches(k, keys.Enter, keys.Back, keys.Close, keys.Quit) {
			return nil, nav{done: true}
		}
	}
	return nil, nav{}
}

// getReady starts the 5 s get-ready before the count or a stage's hold.
func (m *assessModel) getReady(now time.Time) tea.Cmd {
	m.phase = asReady
	m.timer = newCountdown(now, GetReady, m.ctx.Speed)
	m.lastCue = -1
	return m.schedule(now)
}

// begin starts the count or the hold, with a cue.
func (m *assessModel) begin(now time.Time) tea.Cmd {
	m.phase, m.lastCue = asCount, -1
	words := "Go"
	if m.stages() {
		m.phase, words = asHold, "Hold"
	} else {
		m.count = 0
	}
	m.timer = newCountdown(now, m.a.Duration, m.ctx.Speed)
	m.flashUntil = now.Add(250 * time.Millisecond)
	return tea.Batch(m.ctx.Cues.cue(words), m.schedule(now))
}

func (m *assessModel) updateTimed(k tea.KeyMsg, now time.Time) tea.Cmd {
	keys := &m.ctx.Keys
	switch {
	case m.phase == asCount && key.Matches(k, keys.Count, keys.Plus):
		m.count = min(m.count+1, m.a.MaxResult())
	case m.phase == asCount && key.Matches(k, keys.Minus):
		m.count = max(0, m.count-1)
	case m.phase == asCount && key.Matches(k, keys.Enter):
		return m.timeUp(now)
	case m.phase == asHold && key.Matches(k, keys.No):
		m.gen++
		return m.finish(m.stage)
	case m.phase == asReady && key.Matches(k, keys.Enter):
		return m.begin(now)
	case m.phase != asCount && key.Matches(k, keys.Pause):
		m.sizePaused = false
		if m.timer.paused {
			m.timer.resume(now)
		} else {
			m.timer.pause(now)
			m.gen++
		}
		return m.schedule(now)
	}
	return nil
}

// timeUp ends the count: the result screen asks how many, starting from
// the stands counted.
func (m *assessModel) timeUp(now time.Time) tea.Cmd {
	m.gen++
	m.phase, m.typed = asResult, ""
	m.flashUntil = now.Add(300 * time.Millisecond)
	return m.ctx.Cues.cue("Stop")
}

// updateResult moves the count: digits type it, the arrows and +/- step.
func (m *assessModel) updateResult(k tea.KeyMsg) {
	keys := &m.ctx.Keys
	hi := min(m.a.MaxResult(), 999)
	switch {
	case key.Matches(k, keys.Number) && len(k.Runes) == 1:
		m.typed += string(k.Runes)
		if len(m.typed) > 3 {
			m.typed = string(k.Runes)
		}
		fmt.Sscan(m.typed, &m.count)
		m.count = min(m.count, hi)
	case key.Matches(k, keys.Left, keys.Down, keys.Minus):
		m.count, m.typed = max(0, m.count-1), ""
	case key.Matches(k, keys.Right, keys.Up, keys.Plus):
		m.count, m.typed = min(hi, m.count+1), ""
	}
}

// finish records the result: in demo mode nothing is kept.
func (m *assessModel) finish(result int) tea.Cmd {
	m.gen++
	now := m.ctx.Now()
	m.result = result
	age := 0
	if m.ctx.Profile.Born > 0 {
		age = now.Year() - m.ctx.Profile.Born
	}
	if !m.ctx.Record(coach.AssessmentRecord(m.a, now, result, age, m.ctx.Profile.Sex)) {
		m.phase = asSaveFailed
		return nil
	}
	m.ctx.Replay()
	m.phase, m.saved = asDone, !m.ctx.Demo
	return m.ctx.Cues.cue("Done")
}

// schedule wakes the screen when the shown second changes, a flash ends,
// or the deadline comes.
func (m *assessModel) schedule(now time.Time) tea.Cmd {
	var wake time.Duration
	if m.timerRunning() {
		wake = m.timer.nextWake(now)
	}
	wake = withFlash(wake, m.flashUntil, now)
	if wake <= 0 {
		return nil
	}
	m.gen++
	gen := m.gen
	return tea.Tick(wake, func(time.Time) tea.Msg { return assessTickMsg{gen: gen} })
}

func (m *assessModel) timerRunning() bool {
	return (m.phase == asReady || m.phase == asCount || m.phase == asHold) && !m.timer.paused
}

// tick handles a timer's wake.
func (m *assessModel) tick(msg assessTickMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	now := m.ctx.Now()
	if !m.timerRunning() {
		return m.schedule(now)
	}
	if m.timer.done(now) {
		m.flashUntil = now.Add(300 * time.Millisecond)
		switch m.phase {
		case asReady:
			return m.begin(now)
		case asCount:
			return m.timeUp(now)
		case asHold:
			m.gen++
			m.phase = asHeld
			return m.ctx.Cues.cue("Stop")
		}
		return nil
	}
	var cmds []tea.Cmd
	if n := m.timer.shown(now); n <= 3 && n != m.lastCue {
		m.lastCue = n
		m.flashUntil = now.Add(250 * time.Millisecond)
		cmds = append(cmds, m.ctx.Cues.cue(fmt.Sprint(n)))
	}
	return tea.Batch(append(cmds, m.schedule(now))...)
}

// pause stops a running timer (ctrl+z, a window too small).
func (m *assessModel) pause(forSize bool) {
	if m.timerRunning() {
		m.timer.pause(m.ctx.Now())
		m.gen++
		m.sizePaused = forSize
	}
}

// carryOn resumes a timer that asking to quit paused.
func (m *assessModel) carryOn() tea.Cmd {
	if !m.pausedAsk {
		return nil
	}
	m.pausedAsk = false
	now := m.ctx.Now()
	m.timer.resume(now)
	return m.schedule(now)
}

// introLines say what the test is, how often, the last result, safety
// first, then the steps.
func (m *assessModel) introLines() []string {
	st := m.ctx.Styles
	a, w := m.a, max(20, m.w)
	lines := []string{st.Title.Render(clean(a.Name))}
	if a.Summary != "" {
		lines = append(lines, text.Lines(exercises.Clean(a.Summary, true), w)...)
	}
	if rs := coach.ResultsOf(a, m.ctx.Progress.Results); len(rs) > 0 {
		last := rs[len(rs)-1]
		lines = append(lines, st.Subtle.Render(fmt.Sprintf("Last time, %s: %s.", last.At.In(m.ctx.Now().Location()).Format("2 Jan 2006"), clean(a.ResultText(last.Result)))))
	}
	if len(a.Safety) > 0 {
		lines = append(lines, "", st.Warn.Render("⚠ Safety"))
		for _, s := range a.Safety {
			lines = append(lines, text.Hang("  • ", clean(s), w)...)
		}
	}
	if m.stages() {
		lines = append(lines, "", st.Heading.Render(fmt.Sprintf("The %d stages, %d seconds each", len(a.Stages), int(a.Duration.Seconds()))))
		for i, s := range a.Stages {
			lines = append(lines, text.Hang(fmt.Sprintf("  %d. ", i+1), clean(s), w)...)
		}
	}
	lines = append(lines, "", st.Heading.Render("How to do it"))
	for i, s := range a.Steps {
		lines = append(lines, text.Hang(fmt.Sprintf("  %d. ", i+1), clean(s), w)...)
	}
	if a.Source != "" {
		lines = append(lines, "")
		for _, l := range text.Lines("Source: "+clean(a.Source), w) {
			lines = append(lines, st.Subtle.Render(l))
		}
	}
	return lines
}

func (m *assessModel) View() string {
	st := m.ctx.Styles
	switch m.phase {
	case asIntro:
		return m.pg.view() + "\n\n" + st.Key.Render("enter") + "  start when you are ready, with someone beside you"
	case asNotToday:
		return m.viewLines([]string{st.Warn.Render("Not today."), "",
			"At today's check-in you answered yes to a red flag, or chose to rest. Please rest today, and contact your clinician if you have not yet.",
			"", st.Key.Render("enter") + "  back"})
	case asReady, asCount, asHold:
		return m.viewTimed()
	case asHeld:
		return viewYesNo(m.ctx, fmt.Sprintf("Stage %d: did you hold it for the whole %d seconds, without moving your feet or holding on?",
			m.stage+1, int(m.a.Duration.Seconds())), []string{clean(m.a.Stages[m.stage])}, m.w, m.h)
	case asResult:
		return m.viewResult()
	case asSaveFailed:
		_, err := m.ctx.Unsaved()
		return m.viewLines([]string{st.Stop.Render("Your result could not be saved."), "",
			fmt.Sprintf("The reason: %v.", err), "",
			"Not saved yet: " + clean(m.a.Name) + ", " + clean(m.a.ResultText(m.result)) + ".",
			"Nothing is lost while limber stays open. Free some space or fix the folder, then press r to try again.", "",
			st.Key.Render("r") + "  try to save again      " + st.Key.Render("q") + "  leave without saving"})
	}
	return m.viewDone()
}

// viewLines wraps and centres a short message.
func (m *assessModel) viewLines(in []string) string {
	var out []string
	for _, l := range in {
		out = append(out, text.Lines(l, min(m.w, 72))...)
	}
	return strings.Join(center(out, m.h), "\n")
}

// one is what a count counts, one of: "stand".
func (m *assessModel) one() string { return strings.TrimSuffix(clean(m.a.Unit), "s") }

// where says which part of the test this is.
func (m *assessModel) where() string {
	if m.stages() {
		return fmt.Sprintf("Stage %d of %d: %s", m.stage+1, len(m.a.Stages), clean(m.a.Stages[m.stage]))
	}
	return fmt.Sprintf("Count each %s for %d seconds", m.one(), int(m.a.Duration.Seconds()))
}

// viewTimed is the get-ready, the count or the hold: the seconds in block
// digits a third of the window high, the bar, and for a count the stands
// counted so far.
func (m *assessModel) viewTimed() string {
	st := m.ctx.Styles
	now := m.ctx.Now()
	w := m.w
	n := m.timer.shown(now)
	slots := len(fmt.Sprint(int(m.timer.total.Seconds())))
	big := fmt.Sprint(n)
	big = strings.Repeat(" ", max(0, slots-len(big))) + big
	sy := digitScale(m.ctx.Height, w, slots)
	pad := (w - BigWidth(slots, sy)) / 2
	count, _ := placeBig(big, sy, pad)
	label := "seconds left"
	switch m.phase {
	case asReady:
		label = "get ready"
		if m.stages() {
			label = "get into position, holding on: get ready"
		}
	case asHold:
		label = "seconds left: hold, feet still"
	}
	labelStyle, on := st.Normal, false
	if n <= 3 {
		labelStyle, on = st.DigitsHot, true
	}
	if m.timer.paused {
		label, labelStyle, on = "⏸ PAUSED: press space to go on", st.Paused, true
		if m.sizePaused {
			label = "⏸ PAUSED while the window was too small: press space to go on"
		}
	}
	if m.flashUntil.After(now) {
		label, labelStyle, on = "● "+label+" ●", st.Flash, true
	}
	head := []string{st.Title.Render(clean(m.a.Name)), st.Heading.Render(m.where())}
	body := append(count, "", centerLine(labelStyle, label, w, on), centerLine(st.Normal, m.ctx.bar(m.timer.fraction(now), 20), w, false))
	switch m.phase {
	case asCount:
		body = append(body, "", centerLine(st.Title, fmt.Sprintf("%s counted", exercises.CountText(m.count, m.a.Unit)), w, true),
			centerLine(st.Subtle, "space for each "+m.one()+" · - to take one back", w, true))
	case asHold:
		body = append(body, "", centerLine(st.Subtle, "n  if your feet moved or you held on", w, true))
	}
	padTop := max(0, (m.h-len(head)-len(body))/2)
	out := append(head, make([]string, padTop)...)
	return strings.Join(append(out, body...), "\n")
}

func (m *assessModel) viewResult() string {
	st := m.ctx.Styles
	lines := []string{st.Title.Render(fmt.Sprintf("Time is up. How many %s?", clean(m.a.Unit))), ""}
	for _, row := range Big(fmt.Sprint(m.count), 1, false) {
		lines = append(lines, st.Digits.Render(row))
	}
	lines = append(lines, "", "Type the number, or use ← →, then enter to save it.")
	return strings.Join(center(lines, m.h), "\n")
}

// viewDone says what was saved and reads it against the norm.
func (m *assessModel) viewDone() string {
	st := m.ctx.Styles
	a := m.a
	now := m.ctx.Now()
	head := st.Good.Render("✓ Saved: " + clean(a.ResultText(m.result)) + ".")
	if m.ctx.Demo {
		head = st.Warn.Render("Demo: " + clean(a.ResultText(m.result)) + ", not recorded.")
	}
	lines := []string{head, ""}
	age := 0
	if m.ctx.Profile.Born > 0 {
		age = now.Year() - m.ctx.Profile.Born
	}
	rd := report.Read(a, m.result, age, m.ctx.Profile.Sex)
	if words := rd.Words(a); words != "" {
		style := st.Normal
		if rd.Below {
			style = st.Warn
		}
		for _, l := range text.Lines(words, min(m.w, 72)) {
			lines = append(lines, style.Render(l))
		}
	}
	if a.Source != "" {
		lines = append(lines, "")
		for _, l := range text.Lines("Norms: "+clean(a.Source), min(m.w, 72)) {
			lines = append(lines, st.Subtle.Render(l))
		}
	}
	next := coach.Midnight(now).AddDate(0, 0, a.Every)
	lines = append(lines, "", fmt.Sprintf("limber offers this test again in %s, from %s.", everyWords(a.Every), next.Format("Mon 2 Jan")),
		"", st.Key.Render("enter")+"  done")
	return strings.Join(center(lines, m.h), "\n")
}

// everyWords is a number of days in words: "4 weeks", "10 days", "1 week".
func everyWords(days int) string {
	if days%7 == 0 {
		return exercises.CountText(days/7, "weeks")
	}
	return exercises.CountText(days, "days")
}
