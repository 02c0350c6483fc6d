package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"limber/exercises"
	"limber/journal"
	"limber/report"
	"limber/text"
)

// homeItem is a routine with what the journal says of it this week.
type homeItem struct {
	rt        *exercises.Routine
	doneToday bool
	thisWeek  int // sessions finished or begun with work, Monday to today
	due       bool
}

// refreshHome orders the routines: those due today first (by how far
// behind their frequency they are), then the rest.
func (m *Model) refreshHome() {
	now := m.opt.Now()
	y, mo, d := now.Date()
	today := time.Date(y, mo, d, 0, 0, 0, 0, now.Location())
	weekday := (int(today.Weekday()) + 6) % 7 // Monday is 0
	monday := today.AddDate(0, 0, -weekday)
	var items []homeItem
	for _, rt := range m.opt.Library.Routines() {
		it := homeItem{rt: rt}
		days := map[string]bool{}
		for _, s := range m.progress.Sessions {
			if s.Routine != rt.ID || len(s.Exercises) == 0 || s.Start.Before(monday) {
				continue
			}
			day := s.Start.In(now.Location()).Format("2006-01-02")
			if !days[day] {
				days[day] = true
				it.thisWeek++
			}
			if !s.Start.Before(today) {
				it.doneToday = true
			}
		}
		it.due = !it.doneToday && it.thisWeek < rt.PerWeek
		items = append(items, it)
	}
	// Most behind first: the share of this week's sessions still to do,
	// against the share of the week left.
	need := func(it homeItem) float64 {
		if !it.due {
			return -1
		}
		left := float64(it.rt.PerWeek-it.thisWeek) / float64(7-weekday)
		return left
	}
	slices.SortStableFunc(items, func(a, b homeItem) int {
		na, nb := need(a), need(b)
		switch {
		case na > nb:
			return -1
		case na < nb:
			return 1
		}
		return 0
	})
	m.routines = items
	m.homeCursor = min(m.homeCursor, max(0, len(items)-1))
}

func (m *Model) updateHome(k tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Up):
		m.homeCursor = max(0, m.homeCursor-1)
	case key.Matches(k, m.keys.Down):
		m.homeCursor = min(len(m.routines)-1, m.homeCursor+1)
	case key.Matches(k, m.keys.Enter):
		if len(m.routines) > 0 {
			m.startRoutine(m.routines[m.homeCursor].rt.ID)
		}
	case key.Matches(k, m.keys.Library):
		m.screen, m.tipScroll = scrLibrary, 0
	case key.Matches(k, m.keys.Tips):
		m.screen, m.tipScroll = scrTips, 0
	case key.Matches(k, m.keys.Progress):
		m.screen, m.tipScroll = scrProgress, 0
		m.progressLines = strings.Split(report.Build(m.opt.Library, m.progress, m.opt.Now()).Text(m.width-4), "\n")
	case key.Matches(k, m.keys.Quit):
		m.confirmQuit = true
	}
	return nil
}

func (m *Model) viewHome(h int) []string {
	w := m.width - 4
	var lines []string
	if len(m.routines) == 0 {
		return []string{"No routines in the library. Add one with --library DIR."}
	}
	first := m.routines[0]
	if first.due {
		lines = append(lines, m.st.Heading.Render("Today"),
			m.st.Title.Render(clean(first.rt.Name))+m.st.Subtle.Render(fmt.Sprintf("  %d exercises", len(first.rt.Items))))
		if first.rt.Summary != "" {
			lines = append(lines, text.Wrap(clean(first.rt.Summary), w))
		}
	} else {
		lines = append(lines, m.st.Heading.Render("Today"), m.st.Good.Render("✓ All done for today. Well done."))
	}
	lines = append(lines, "", m.st.Heading.Render("Routines"))
	for i, it := range m.routines {
		status := fmt.Sprintf("%d of %d this week", it.thisWeek, it.rt.PerWeek)
		if it.rt.PerWeek == 7 {
			status = "not yet today"
		}
		if it.doneToday {
			status = "✓ done today"
		}
		name := clean(it.rt.Name)
		row := fmt.Sprintf("%-34s %-9s %s", text.Truncate(name, 34), it.rt.Frequency, status)
		if i == m.homeCursor {
			lines = append(lines, m.st.Selected.Render("▸ "+row))
		} else {
			lines = append(lines, "  "+row)
		}
	}
	lines = append(lines, "", m.st.Subtle.Render("l  the exercise library     t  tips     g  your progress"))
	for _, p := range m.opt.Problems {
		lines = append(lines, m.st.Warn.Render("! "+exercises.Escape(p)))
	}
	if tips := m.opt.Library.Tips(); len(tips) > 0 && len(lines)+4 <= h {
		t := tips[m.opt.Now().YearDay()%len(tips)]
		lines = append(lines, "", m.st.Heading.Render("Tip of the day: "+clean(t.Title)))
		lines = append(lines, strings.Split(text.Wrap(exercises.Clean(t.Text, true), w), "\n")...)
	}
	return lines
}

func (m *Model) updateLibrary(k tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Up):
		m.libCursor = max(0, m.libCursor-1)
	case key.Matches(k, m.keys.Down):
		m.libCursor = min(len(m.libList)-1, m.libCursor+1)
	case key.Matches(k, m.keys.Enter):
		if len(m.libList) > 0 {
			m.card, m.screen, m.tipScroll = m.libList[m.libCursor], scrCard, 0
		}
	case key.Matches(k, m.keys.Back), k.Type == tea.KeyEsc:
		m.screen = scrHome
	case key.Matches(k, m.keys.Quit):
		m.confirmQuit = true
	}
	return nil
}

// viewLibrary lists exercises by category, scrolled to keep the cursor in
// view.
func (m *Model) viewLibrary(h int) []string {
	var lines []string
	cursorLine := 0
	for _, c := range exercises.Categories {
		heading := false
		for i, x := range m.libList {
			if x.Category != c {
				continue
			}
			if !heading {
				if len(lines) > 0 {
					lines = append(lines, "")
				}
				lines = append(lines, m.st.Heading.Render(c.Title()))
				heading = true
			}
			dose := m.cardDose(x)
			row := fmt.Sprintf("%-32s %s", text.Truncate(clean(x.Name), 32), exercises.RungText(x, dose.Rung()))
			if i == m.libCursor {
				cursorLine = len(lines)
				lines = append(lines, m.st.Selected.Render("▸ "+row))
			} else {
				lines = append(lines, "  "+row)
			}
		}
	}
	start := max(0, min(cursorLine-h/2, len(lines)-h))
	return lines[start:]
}

// cardDose is the exercise's dose for the patient now.
func (m *Model) cardDose(x *exercises.Exercise) exercises.Dose {
	if x == nil {
		return exercises.Dose{}
	}
	d, _ := m.progress.Now(x, x.Dose)
	return d
}

func (m *Model) updateCard(k tea.KeyMsg) tea.Cmd {
	if m.adjusting {
		return m.updateAdjust(k)
	}
	if key.Matches(k, m.keys.Adjust) {
		i, _ := m.card.Ladder.Index(m.cardDose(m.card).Rung())
		m.adjusting, m.adjustIdx = true, i
		return nil
	}
	return m.updatePage(k, scrLibrary)
}

// viewCard is the exercise card: name, level, dose, safety, steps, cues,
// equipment. Safety comes before the steps so it is never cut off.
func (m *Model) viewCard(x *exercises.Exercise, d exercises.Dose, h, scroll int) []string {
	if x == nil {
		return nil
	}
	w := m.width - 4
	lines := []string{m.st.Title.Render(clean(x.Name)) + m.st.Subtle.Render("  "+x.Category.Title()+" · "+string(x.Position))}
	if lv := x.LevelName(d.Level); lv != "" {
		lines = append(lines, fmt.Sprintf("Level %d of %d: %s", d.Level, len(x.Levels), clean(lv)))
	}
	lines = append(lines, m.st.Key.Render(exercises.DoseText(d, exercises.DoseCard)))
	if x.Summary != "" {
		lines = append(lines, strings.Split(text.Wrap(exercises.Clean(x.Summary, true), w), "\n")...)
	}
	if len(x.Safety) > 0 {
		lines = append(lines, "", m.st.Warn.Render("⚠ Safety"))
		for _, s := range x.Safety {
			lines = append(lines, text.Hang("  • ", clean(s), w)...)
		}
	}
	if len(x.Steps) > 0 {
		lines = append(lines, "", m.st.Heading.Render("Steps"))
		for i, s := range x.Steps {
			lines = append(lines, text.Hang(fmt.Sprintf("  %d. ", i+1), clean(s), w)...)
		}
	}
	if len(x.Cues) > 0 {
		var cs []string
		for _, c := range x.Cues {
			cs = append(cs, clean(c))
		}
		lines = append(lines, "")
		lines = append(lines, text.Hang("Cues: ", strings.Join(cs, " · "), w)...)
	}
	if len(x.Equipment) > 0 {
		var es []string
		for _, e := range x.Equipment {
			es = append(es, clean(e))
		}
		lines = append(lines, text.Hang("You need: ", strings.Join(es, ", "), w)...)
	}
	if x.Source != "" {
		lines = append(lines, m.st.Subtle.Render(text.Truncate("Source: "+clean(x.Source), w)))
	}
	if scroll > 0 {
		scroll = min(scroll, max(0, len(lines)-h))
		lines = lines[scroll:]
	}
	return lines
}

// updatePage handles a page that only scrolls (a card, tips, progress):
// b goes back to where it was opened from.
func (m *Model) updatePage(k tea.KeyMsg, back screen) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Up):
		m.tipScroll = max(0, m.tipScroll-1)
	case key.Matches(k, m.keys.Down):
		m.tipScroll++
	case key.Matches(k, m.keys.Back), k.Type == tea.KeyEsc:
		m.screen = back
	case key.Matches(k, m.keys.Quit):
		m.confirmQuit = true
	}
	return nil
}

func (m *Model) viewTips(h int) []string {
	w := min(m.width-4, 76)
	var lines []string
	for _, t := range m.opt.Library.Tips() {
		lines = append(lines, m.st.Heading.Render(clean(t.Title)))
		lines = append(lines, strings.Split(text.Wrap(exercises.Clean(t.Text, true), w), "\n")...)
		if t.Source != "" {
			lines = append(lines, m.st.Subtle.Render(text.Truncate("Source: "+clean(t.Source), w)))
		}
		lines = append(lines, "")
	}
	scroll := min(m.tipScroll, max(0, len(lines)-h))
	return lines[scroll:]
}

// updateAdjust is the therapist's ladder picker on a card: move along the
// rungs, then confirm; the placement is journalled like everything else.
func (m *Model) updateAdjust(k tea.KeyMsg) tea.Cmd {
	l := m.card.Ladder
	if m.adjustConfirm {
		switch {
		case key.Matches(k, m.keys.Yes):
			now := m.opt.Now()
			to := l.At(m.adjustIdx)
			_, st := m.progress.Now(m.card, m.card.Dose)
			d := exercises.Adjusted(m.card, st, to)
			m.record(journal.Record{Kind: journal.KindAdjust, At: now, Session: journal.NewSessionID(now), Exercise: m.card.ID,
				Rung: &to, Note: "placed from the exercise card",
				Decision: &journal.Decision{From: d.From, To: d.To, Reason: d.Reason}})
			m.replay()
			m.adjusting, m.adjustConfirm = false, false
		case key.Matches(k, m.keys.No), k.Type == tea.KeyEsc:
			m.adjustConfirm = false
		}
		return nil
	}
	switch {
	case key.Matches(k, m.keys.Up):
		m.adjustIdx = min(l.Len()-1, m.adjustIdx+1)
	case key.Matches(k, m.keys.Down):
		m.adjustIdx = max(0, m.adjustIdx-1)
	case key.Matches(k, m.keys.Enter):
		m.adjustConfirm = true
	case key.Matches(k, m.keys.Back), k.Type == tea.KeyEsc:
		m.adjusting = false
	}
	return nil
}

// viewAdjust shows where the patient is and where the picker points.
func (m *Model) viewAdjust(h int) []string {
	x := m.card
	now := m.cardDose(x).Rung()
	to := x.Ladder.At(m.adjustIdx)
	ni, _ := x.Ladder.Index(now)
	lines := []string{
		m.st.Title.Render("Adjust "+clean(x.Name)) + m.st.Subtle.Render("  (for therapists)"),
		"",
		fmt.Sprintf("Now:      %s   (step %d of %d)", clean(exercises.RungText(x, now)), ni+1, x.Ladder.Len()),
		m.st.Selected.Render(fmt.Sprintf("Place on: %s   (step %d of %d)", clean(exercises.RungText(x, to)), m.adjustIdx+1, x.Ladder.Len())),
		"",
		"↑ harder   ↓ easier   enter place here   b cancel",
	}
	if m.adjustConfirm {
		lines = append(lines, "", m.st.Warn.Render("Place the patient on this step? It is recorded in the journal."), "y  yes      n  no")
	}
	if m.opt.Demo {
		lines = append(lines, "", m.st.Subtle.Render("Demo: nothing is recorded."))
	}
	return center(lines, h)
}

func (m *Model) viewProgress(h int) []string {
	scroll := min(m.tipScroll, max(0, len(m.progressLines)-h))
	return m.progressLines[scroll:]
}
