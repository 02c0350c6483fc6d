package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"limber/exercises"
	"limber/report"
	"limber/text"
)

// pageKind is a page that only scrolls.
type pageKind int

const (
	pageTips pageKind = iota
	pageProgress
)

// pageModel is tips or progress: read, scroll, go back home.
type pageModel struct {
	ctx  *Context
	kind pageKind
	w, h int
	pg   pager
}

func newPage(ctx *Context, kind pageKind) *pageModel {
	return &pageModel{ctx: ctx, kind: kind, pg: newPager(ctx)}
}

func (p *pageModel) SetSize(w, h int) {
	p.w, p.h = w, h
	p.pg.setSize(w, h)
	p.pg.setContent(p.lines())
}

func (p *pageModel) Title() string {
	if p.kind == pageTips {
		return "tips"
	}
	return "progress"
}

func (p *pageModel) Keys() []key.Binding {
	return append(p.pg.keys(), p.ctx.Keys.Back, p.ctx.Keys.Quit)
}

func (p *pageModel) Update(k tea.KeyMsg) (tea.Cmd, nav) {
	keys := &p.ctx.Keys
	switch {
	case p.pg.update(k):
	case key.Matches(k, keys.Back), key.Matches(k, keys.Close):
		return nil, nav{to: scrHome}
	case key.Matches(k, keys.Quit):
		return nil, nav{ask: true}
	}
	return nil, nav{}
}

func (p *pageModel) lines() []string {
	if p.kind == pageProgress {
		r := report.Build(report.Input{Lib: p.ctx.Lib, Progress: p.ctx.Progress,
			Profile: p.ctx.Profile.person(), Now: p.ctx.Now()})
		return strings.Split(r.Text(p.w-2), "\n")
	}
	st := p.ctx.Styles
	w := min(p.w-2, 76)
	var lines []string
	for _, t := range p.ctx.Lib.Tips() {
		lines = append(lines, st.Heading.Render(clean(t.Title)))
		lines = append(lines, text.Lines(exercises.Clean(t.Text, true), w)...)
		if t.Source != "" {
			for _, l := range text.Lines("Source: "+clean(t.Source), w) {
				lines = append(lines, st.Subtle.Render(l))
			}
		}
		lines = append(lines, "")
	}
	return lines
}

func (p *pageModel) View() string { return p.pg.view() }
