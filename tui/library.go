package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"limber/exercises"
	"limber/text"
)

// libraryModel lists the exercises by category; enter opens a card.
type libraryModel struct {
	ctx    *Context
	w, h   int
	list   []*exercises.Exercise
	cursor int
	pg     pager
}

func newLibrary(ctx *Context) *libraryModel {
	l := &libraryModel{ctx: ctx, list: byCategory(ctx.Lib.Exercises()), pg: newPager(ctx)}
	return l
}

// byCategory orders exercises as the library screen groups them.
func byCategory(xs []*exercises.Exercise) []*exercises.Exercise {
	var out []*exercises.Exercise
	for _, c := range exercises.Categories {
		for _, x := range xs {
			if x.Category == c {
				out = append(out, x)
			}
		}
	}
	return out
}

func (l *libraryModel) SetSize(w, h int) {
	l.w, l.h = w, h
	l.pg.setSize(w, h)
	l.render()
}

func (l *libraryModel) Title() string { return "library" }

func (l *libraryModel) Keys() []key.Binding {
	k := l.ctx.Keys
	return []key.Binding{as(k.Enter, "open"), k.Up, k.Down, k.Back, k.Quit}
}

func (l *libraryModel) Update(k tea.KeyMsg) (tea.Cmd, nav) {
	keys := &l.ctx.Keys
	switch {
	case key.Matches(k, keys.Up):
		l.cursor = max(0, l.cursor-1)
	case key.Matches(k, keys.Down):
		l.cursor = min(len(l.list)-1, l.cursor+1)
	case key.Matches(k, keys.PageDown):
		l.cursor = min(len(l.list)-1, l.cursor+max(1, l.h-4))
	case key.Matches(k, keys.PageUp):
		l.cursor = max(0, l.cursor-max(1, l.h-4))
	case key.Matches(k, keys.Enter):
		if len(l.list) > 0 {
			return nil, nav{to: scrCard, ex: l.list[l.cursor]}
		}
	case key.Matches(k, keys.Back), key.Matches(k, keys.Close):
		return nil, nav{to: scrHome}
	case key.Matches(k, keys.Quit):
		return nil, nav{ask: true}
	}
	l.render()
	return nil, nav{}
}

// render lays the list out and scrolls the viewport to keep the cursor in
// the middle third of the window.
func (l *libraryModel) render() {
	st := l.ctx.Styles
	var lines []string
	at := 0
	nameW := min(32, max(16, l.w/3))
	for _, c := range exercises.Categories {
		heading := false
		for i, x := range l.list {
			if x.Category != c {
				continue
			}
			if !heading {
				if len(lines) > 0 {
					lines = append(lines, "")
				}
				lines = append(lines, st.Heading.Render(c.Title()))
				heading = true
			}
			d, _ := l.ctx.Progress.Now(x, x.Dose)
			row := text.Pad(text.Truncate(clean(x.Name), nameW), nameW) + " " + clean(x.DoseLine(d, exercises.DoseShort))
			if i == l.cursor {
				at = len(lines)
				lines = append(lines, st.Selected.Render(text.Truncate("▸ "+row, l.w)))
			} else {
				lines = append(lines, text.Truncate("  "+row, l.w))
			}
		}
	}
	l.pg.setContent(lines)
	vh := l.pg.vp.Height
	if at < l.pg.vp.YOffset+vh/3 || at >= l.pg.vp.YOffset+vh*2/3 {
		l.pg.vp.SetYOffset(at - vh/2)
	}
}

func (l *libraryModel) View() string { return l.pg.view() }
