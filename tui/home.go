package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"limber/coach"
	"limber/exercises"
	"limber/text"
)

// homeItem is a routine with what the journal says of it this week.
type homeItem struct {
	rt        *exercises.Routine
	doneToday bool
	partWay   int // exercises finished today in a routine left part-way
	thisWeek  int // days this week with the routine done, Monday to today
	due       bool
}

// homeModel is the home screen: today's routine first, then all routines.
type homeModel struct {
	ctx      *Context
	w, h     int
	problems []string
	items    []homeItem
	cursor   int
	// offer is the outcome measure due today, if any (never on a day a
	// red flag was answered).
	offer *exercises.Assessment
}

func newHome(ctx *Context, problems []string) *homeModel {
	h := &homeModel{ctx: ctx, problems: problems}
	h.refresh()
	return h
}

func (h *homeModel) SetSize(w, hh int) { h.w, h.h = w, hh }
func (h *homeModel) Title() string     { return "" }

func (h *homeModel) Keys() []key.Binding {
	k := h.ctx.Keys
	out := []key.Binding{as(k.Enter, "start")}
	if h.offer != nil {
		out = append(out, as(k.Measure, "the check"))
	}
	return append(out, k.Up, k.Down, k.Library, k.Tips, k.Progress, k.Quit)
}

// refresh orders the routines: those due today first (by how far behind
// their frequency they are), then the rest.
func (h *homeModel) refresh() {
	now := h.ctx.Now()
	today := h.ctx.today()
	weekday := (int(today.Weekday()) + 6) % 7 // Monday is 0
	monday := today.AddDate(0, 0, -weekday)
	var items []homeItem
	for _, rt := range h.ctx.Lib.Routines() {
		it := homeItem{rt: rt}
		days := map[string]bool{}
		for _, s := range h.ctx.Progress.Sessions {
			if s.Routine != rt.ID || !s.Counts() || s.Start.Before(monday) {
				continue
			}
			days[s.Start.In(now.Location()).Format(time.DateOnly)] = true
		}
		day := h.ctx.Progress.Day(rt, now)
		if it.doneToday = day.Done; it.doneToday {
			days[today.Format(time.DateOnly)] = true
		} else if day.Resume != nil {
			it.partWay = len(day.Finished)
		}
		it.thisWeek = len(days)
		it.due = !it.doneToday && it.thisWeek < rt.PerWeek
		items = append(items, it)
	}
	// Most behind first: the share of this week's sessions still to do,
	// against the share of the week left.
	need := func(it homeItem) float64 {
		if !it.due {
			return -1
		}
		return float64(it.rt.PerWeek-it.thisWeek) / float64(7-weekday)
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
	h.items = items
	h.cursor = min(h.cursor, max(0, len(items)-1))
	h.offer, _ = h.ctx.Progress.Offer(h.ctx.Lib, coach.Results(h.ctx.Records), now)
}

func (h *homeModel) Update(k tea.KeyMsg) (tea.Cmd, nav) {
	keys := &h.ctx.Keys
	switch {
	case key.Matches(k, keys.Up):
		h.cursor = max(0, h.cursor-1)
	case key.Matches(k, keys.Down):
		h.cursor = min(len(h.items)-1, h.cursor+1)
	case key.Matches(k, keys.Enter):
		if len(h.items) > 0 {
			return nil, nav{to: scrCheckin, routine: h.items[h.cursor].rt.ID}
		}
	case key.Matches(k, keys.Library):
		return nil, nav{to: scrLibrary}
	case key.Matches(k, keys.Tips):
		return nil, nav{to: scrPage, page: pageTips}
	case key.Matches(k, keys.Progress):
		return nil, nav{to: scrPage, page: pageProgress}
	case key.Matches(k, keys.Measure) && h.offer != nil:
		return nil, nav{to: scrAssess, test: h.offer.ID}
	case key.Matches(k, keys.Quit):
		return nil, nav{ask: true}
	}
	return nil, nav{}
}

func (h *homeModel) View() string {
	st := h.ctx.Styles
	w := h.w - 2
	if len(h.items) == 0 {
		return "No routines in the library. Add one with --library DIR."
	}
	var lines []string
	first := h.items[0]
	lines = append(lines, st.Heading.Render("Today"))
	if first.due {
		lines = append(lines, st.Title.Render(clean(first.rt.Name))+st.Subtle.Render(fmt.Sprintf("  %d exercises", len(first.rt.Items))))
		if first.rt.Summary != "" {
			lines = append(lines, text.Lines(clean(first.rt.Summary), w)...)
		}
	} else {
		lines = append(lines, st.Good.Render("✓ All done for today. Well done."))
	}
	if a := h.offer; a != nil {
		lines = append(lines, "", st.Warn.Render("A check is due: "+clean(a.Name)),
			st.Key.Render("m")+"  do it now, with someone beside you")
	}
	lines = append(lines, "", st.Heading.Render("Routines"))
	nameW := min(34, max(16, w-32))
	for i, it := range h.items {
		status := fmt.Sprintf("%d of %d this week", it.thisWeek, it.rt.PerWeek)
		if it.rt.PerWeek == 7 {
			status = "not yet today"
		}
		switch {
		case it.doneToday:
			status = "✓ done today"
		case it.partWay > 0:
			status = fmt.Sprintf("started: %d of %d done", it.partWay, len(it.rt.Items))
		}
		row := text.Pad(text.Truncate(clean(it.rt.Name), nameW), nameW) + " " + text.Pad(it.rt.Frequency, 9) + " " + status
		if i == h.cursor {
			lines = append(lines, st.Selected.Render("▸ "+row))
		} else {
			lines = append(lines, "  "+row)
		}
	}
	lines = append(lines, "", st.Subtle.Render("l  the exercise library     t  tips     g  your progress"))
	for _, p := range h.problems {
		lines = append(lines, st.Warn.Render("! "+exercises.Escape(p)))
	}
	if tips := h.ctx.Lib.Tips(); len(tips) > 0 && len(lines)+4 <= h.h {
		t := tips[h.ctx.Now().YearDay()%len(tips)]
		lines = append(lines, "", st.Heading.Render("Tip of the day: "+clean(t.Title)))
		lines = append(lines, text.Lines(exercises.Clean(t.Text, true), w)...)
	}
	return strings.Join(lines, "\n")
}
