package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"limber/text"
)

// noticeModel is the one-time notice on first start.
type noticeModel struct {
	ctx  *Context
	w, h int
	seen func()
	next nav
}

func newNotice(ctx *Context) *noticeModel { return &noticeModel{ctx: ctx} }

func (n *noticeModel) SetSize(w, h int) { n.w, n.h = w, h }
func (n *noticeModel) Title() string    { return "" }

func (n *noticeModel) Keys() []key.Binding {
	return []key.Binding{as(n.ctx.Keys.Enter, "I understand"), n.ctx.Keys.Quit}
}

func (n *noticeModel) Update(k tea.KeyMsg) (tea.Cmd, nav) {
	switch {
	case key.Matches(k, n.ctx.Keys.Enter):
		if n.seen != nil {
			n.seen()
		}
		return nil, n.next
	case key.Matches(k, n.ctx.Keys.Quit):
		return nil, nav{ask: true}
	}
	return nil, nav{}
}

func (n *noticeModel) View() string {
	st := n.ctx.Styles
	w := min(n.w-4, 70)
	lines := []string{st.Title.Render("Welcome to limber"), ""}
	for _, p := range []string{
		"limber guides your exercises, counts for you, and adjusts them to how you feel.",
		"It supports, and does not replace, advice from your doctor, nurse or therapist. Follow the plan they gave you.",
		"Stop and rest if you feel chest pain, faintness or sharp pain, and contact your clinician.",
	} {
		lines = append(lines, text.Lines(p, w)...)
		lines = append(lines, "")
	}
	lines = append(lines, st.Key.Render("enter")+"  I understand")
	return strings.Join(center(lines, n.h), "\n")
}
