package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"limber/exercises"
	"limber/journal"
	"limber/text"
)

// cardModel is an exercise's card from the library, and the therapist's
// ladder picker on it (a).
type cardModel struct {
	ctx  *Context
	ex   *exercises.Exercise
	w, h int
	pg   pager

	adjusting bool
	confirm   bool
	idx       int    // the rung the picker points at
	err       string // a placement the journal refused
}

func newCard(ctx *Context, x *exercises.Exercise) *cardModel {
	return &cardModel{ctx: ctx, ex: x, pg: newPager(ctx)}
}

func (c *cardModel) SetSize(w, h int) {
	c.w, c.h = w, h
	c.pg.setSize(w, h)
	c.pg.setContent(cardLines(c.ctx, c.ex, c.dose(), w))
}

func (c *cardModel) Title() string { return "library" }

func (c *cardModel) dose() exercises.Dose {
	d, _ := c.ctx.Progress.Now(c.ex, c.ex.Dose)
	return d
}

func (c *cardModel) Keys() []key.Binding {
	k := c.ctx.Keys
	switch {
	case c.confirm:
		return []key.Binding{k.Yes, k.No}
	case c.adjusting:
		return []key.Binding{as(k.Up, "harder"), as(k.Down, "easier"), as(k.Enter, "place here"), as(k.Back, "cancel")}
	}
	return append(c.pg.keys(), k.Back, k.Adjust, k.Quit)
}

func (c *cardModel) Update(k tea.KeyMsg) (tea.Cmd, nav) {
	keys := &c.ctx.Keys
	if c.adjusting {
		c.updateAdjust(k)
		return nil, nav{}
	}
	switch {
	case key.Matches(k, keys.Adjust):
		c.idx, _ = c.ex.Ladder.Index(c.dose().Rung())
		c.adjusting, c.err = true, ""
	case c.pg.update(k):
	case key.Matches(k, keys.Back), key.Matches(k, keys.Close):
		return nil, nav{to: scrLibrary}
	case key.Matches(k, keys.Quit):
		return nil, nav{ask: true}
	}
	return nil, nav{}
}

// updateAdjust moves along the rungs, then asks; the placement is
// journalled like everything else.
func (c *cardModel) updateAdjust(k tea.KeyMsg) {
	keys := &c.ctx.Keys
	l := c.ex.Ladder
	if c.confirm {
		switch {
		case key.Matches(k, keys.Yes):
			now := c.ctx.Now()
			to := l.At(c.idx)
			_, st := c.ctx.Progress.Now(c.ex, c.ex.Dose)
			d := exercises.Adjusted(c.ex, st, to)
			ok := c.ctx.Record(journal.Record{Kind: journal.KindAdjust, At: now, Session: journal.NewSessionID(now), Exercise: c.ex.ID,
				Rung: &to, Note: "placed from the exercise card",
				Decision: &journal.Decision{From: d.From, To: d.To, Reason: d.Reason}})
			if !ok {
				_, err := c.ctx.Unsaved()
				c.err = fmt.Sprintf("Could not save this placement: %v. Nothing was changed.", err)
				c.ctx.unsaved = nil // an adjust is not kept for later: the therapist tries again
				c.ctx.Records = c.ctx.Records[:len(c.ctx.Records)-1]
			}
			c.ctx.Replay()
			c.adjusting, c.confirm = false, false
			c.pg.setContent(cardLines(c.ctx, c.ex, c.dose(), c.w))
		case key.Matches(k, keys.No), key.Matches(k, keys.Close):
			c.confirm = false
		}
		return
	}
	switch {
	case key.Matches(k, keys.Up):
		c.idx = min(l.Len()-1, c.idx+1)
	case key.Matches(k, keys.Down):
		c.idx = max(0, c.idx-1)
	case key.Matches(k, keys.Enter):
		c.confirm = true
	case key.Matches(k, keys.Back), key.Matches(k, keys.Close):
		c.adjusting = false
	}
}

func (c *cardModel) View() string {
	if !c.adjusting {
		v := c.pg.view()
		if c.err != "" {
			v = c.ctx.Styles.Stop.Render(text.Wrap(c.err, c.w)) + "\n" + v
		}
		return v
	}
	st := c.ctx.Styles
	x := c.ex
	now := c.dose().Rung()
	to := x.Ladder.At(c.idx)
	ni, _ := x.Ladder.Index(now)
	lines := []string{
		st.Title.Render("Adjust "+clean(x.Name)) + st.Subtle.Render("  (for therapists)"),
		"",
		fmt.Sprintf("Now:      %s   (step %d of %d)", clean(exercises.RungText(x, now)), ni+1, x.Ladder.Len()),
		st.Selected.Render(fmt.Sprintf("Place on: %s   (step %d of %d)", clean(exercises.RungText(x, to)), c.idx+1, x.Ladder.Len())),
		"",
		"↑ harder   ↓ easier   enter place here   b cancel",
	}
	if c.confirm {
		lines = append(lines, "", st.Warn.Render("Place the patient on this step? It is recorded in the journal."), "y  yes      n  no")
	}
	if c.ctx.Demo {
		lines = append(lines, "", st.Subtle.Render("Demo: nothing is recorded."))
	}
	var out []string
	for _, l := range lines {
		out = append(out, text.Lines(l, c.w)...)
	}
	return strings.Join(center(out, c.h), "\n")
}

// cardLines is an exercise's card: name, level, dose, safety, steps, cues,
// equipment. Safety comes before the steps.
func cardLines(ctx *Context, x *exercises.Exercise, d exercises.Dose, w int) []string {
	st := ctx.Styles
	lines := []string{st.Title.Render(clean(x.Name)) + st.Subtle.Render("  "+x.Category.Title()+" · "+string(x.Position))}
	if lv := x.LevelName(d.Level); lv != "" {
		lines = append(lines, text.Lines(fmt.Sprintf("Level %d of %d: %s", d.Level, len(x.Levels), clean(lv)), w)...)
	}
	lines = append(lines, st.Key.Render(exercises.DoseText(d, exercises.DoseCard)))
	lines = append(lines, cardFigure(ctx, x, w)...)
	if x.Summary != "" {
		lines = append(lines, text.Lines(exercises.Clean(x.Summary, true), w)...)
	}
	if len(x.Safety) > 0 {
		lines = append(lines, "", st.Warn.Render("⚠ Safety"))
		for _, s := range x.Safety {
			lines = append(lines, text.Hang("  • ", clean(s), w)...)
		}
	}
	if len(x.Steps) > 0 {
		lines = append(lines, "", st.Heading.Render("Steps"))
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
		for _, l := range text.Lines("Source: "+clean(x.Source), w) {
			lines = append(lines, st.Subtle.Render(l))
		}
	}
	return lines
}
