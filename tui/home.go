package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"limber/exercises"
	"limber/remind"
	"limber/text"
)

// homeItem is a routine with what the journal says of it this week.
type homeItem struct {
	rt        *exercises.Routine
	doneToday bool
	partWay   int // exercises finished today in a routine left part-way
	thisWeek  int // days this week with the routine done, Monday to today
	due       bool
	words     string // the day and the week in words, never as guilt
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
	if h.ctx.loading {
		// The routines as the library lists them, with nothing said of
		// them until the journal is read.
		h.items, h.offer = nil, nil
		for _, rt := range h.ctx.Lib.Routines() {
			h.items = append(h.items, homeItem{rt: rt})
		}
		h.cursor = 0
		return
	}
	now := h.ctx.Now()
	today := h.ctx.today()
	weekday := (int(today.Weekday()) + 6) % 7 // Monday is 0
	week := remind.Summarize(h.ctx.Lib, h.ctx.Progress, now)
	var items []homeItem
	for i, rt := range h.ctx.Lib.Routines() {
		r := week.Routines[i]
		it := homeItem{rt: rt, doneToday: r.Done, thisWeek: r.ThisWeek, due: r.Due, words: r.Words()}
		if r.Started {
			it.partWay = r.Finished
		}
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
	h.offer, _ = h.ctx.Progress.Offer(h.ctx.Lib, h.ctx.Progress.Results, now)
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
	if h.ctx.loading {
		// Nothing of the day is known yet: no routine is put first.
		lines = append(lines, st.Subtle.Render(Loading))
	} else if first.due {
		lines = append(lines, st.Title.Render(clean(first.rt.Name))+st.Subtle.Render(fmt.Sprintf("  %d exercises", len(first.rt.Items))))
		if first.rt.Summary != "" {
			lines = append(lines, text.Lines(clean(first.rt.Summary), w)...)
		}
	} else {
		lines = append(lines, st.Good.Render("✓ All done for today. Well done."))
	}
	if a := h.offer; a != nil && !h.ctx.loading {
		lines = append(lines, "", st.Warn.Render("A check is due: "+clean(a.Name)),
			st.Key.Render("m")+"  do it now, with someone beside you")
	}
	lines = append(lines, "", st.Heading.Render("Routines"))
	wordsW, longest := 0, 0
	for _, it := range h.items {
		wordsW = max(wordsW, text.Width(it.words))
		longest = max(longest, text.Width(clean(it.rt.Name)))
	}
	// Names whole where the window has room for them and the words
	// after them; else as much as it has, and never under 16 cells.
	nameW := max(16, min(longest, w-13-wordsW))
	for i, it := range h.items {
		row := text.Pad(text.Truncate(clean(it.rt.Name), nameW), nameW) + " " + text.Pad(it.rt.Frequency, 9)
		var under []string // the words, when the row has no room for them
		switch {
		case it.words == "":
		case 2+text.Width(row)+1+text.Width(it.words) <= w:
			row += " " + it.words
		default:
			under = text.Lines(it.words, w-4)
		}
		if i == h.cursor {
			lines = append(lines, st.Selected.Render("▸ "+row))
		} else {
			lines = append(lines, "  "+row)
		}
		for _, l := range under {
			lines = append(lines, "    "+l)
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
