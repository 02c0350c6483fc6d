package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
)

// pager scrolls a long page (a card, tips, progress, the summary) with a
// bubbles viewport, and says when there is more above or below, so text is
// never cut off without a way to reach it.
type pager struct {
	vp      viewport.Model
	ctx     *Context
	content []string
}

func newPager(ctx *Context) pager {
	vp := viewport.New(0, 0)
	k := ctx.Keys
	// Only our keys scroll: b is "back" here, not "page up".
	vp.KeyMap = viewport.KeyMap{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown}
	return pager{vp: vp, ctx: ctx}
}

// setSize gives the pager w×h cells, one row of which may say "more".
func (p *pager) setSize(w, h int) {
	p.vp.Width, p.vp.Height = w, max(1, h-1)
	p.vp.SetContent(strings.Join(p.content, "\n"))
}

func (p *pager) setContent(lines []string) {
	var flat []string
	for _, l := range lines {
		flat = append(flat, strings.Split(l, "\n")...)
	}
	p.content = flat
	p.vp.SetContent(strings.Join(flat, "\n"))
}

// scrolls reports whether the page is longer than its window.
func (p *pager) scrolls() bool { return p.vp.TotalLineCount() > p.vp.Height }

// update scrolls on ↑ ↓ pgup pgdn (and space, where a page has no other use
// for it); it reports whether the key was a scroll key.
func (p *pager) update(k tea.KeyMsg) bool {
	km := p.vp.KeyMap
	if !key.Matches(k, km.Up, km.Down, km.PageUp, km.PageDown) {
		return false
	}
	p.vp, _ = p.vp.Update(k)
	return true
}

// keys are the scroll keys, when there is anything to scroll.
func (p *pager) keys() []key.Binding {
	if !p.scrolls() {
		return nil
	}
	return []key.Binding{as(p.ctx.Keys.Up, "scroll up"), as(p.ctx.Keys.Down, "scroll down")}
}

func (p *pager) view() string {
	v := p.vp.View()
	if !p.scrolls() {
		return v
	}
	more := ""
	switch {
	case p.vp.AtBottom():
		more = "↑ more above"
	case p.vp.AtTop():
		more = "↓ more below: press ↓"
	default:
		more = fmt.Sprintf("↕ %d%%: ↑ and ↓ scroll", int(p.vp.ScrollPercent()*100))
	}
	return v + "\n" + p.ctx.Styles.Subtle.Render(more)
}
