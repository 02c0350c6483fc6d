package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"limber/exercises"
	"limber/text"
)

// picker is a highlighted answer on a scale from lo to hi: a digit answers
// at once (t is ten), the arrows move, enter chooses.
type picker struct {
	pick, lo, hi int
}

// update returns the answer and true when one was given; it moves the
// highlight otherwise. Other keys return ok false and moved false.
func (p *picker) update(keys *KeyMap, k tea.KeyMsg) (n int, ok, moved bool) {
	if key.Matches(k, keys.Ten) && p.hi >= 10 {
		return 10, true, false
	}
	if key.Matches(k, keys.Number) && len(k.Runes) == 1 {
		if n := int(k.Runes[0] - '0'); n >= p.lo && n <= p.hi {
			return n, true, false
		}
		return 0, false, false
	}
	switch {
	case key.Matches(k, keys.Left, keys.Up):
		p.pick = max(p.lo, p.pick-1)
		return 0, false, true
	case key.Matches(k, keys.Right, keys.Down):
		p.pick = min(p.hi, p.pick+1)
		return 0, false, true
	case key.Matches(k, keys.Enter):
		return min(max(p.pick, p.lo), p.hi), true, false
	}
	return 0, false, false
}

func (p *picker) keys(ctx *Context) []key.Binding {
	k := ctx.Keys
	out := []key.Binding{label(k.Number, fmt.Sprintf("%d–%d", p.lo, min(p.hi, 9)), "answer")}
	if p.hi >= 10 {
		out = append(out, k.Ten)
	}
	return append(out, as(k.Left, "less"), as(k.Right, "more"), as(k.Enter, "choose"))
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

// viewScale is a 0–10 pain question laid out left to right: one key
// answers, or ← → (and ↑ ↓) then enter.
func viewScale(ctx *Context, q string, pick int, w, h int, note string) string {
	st := ctx.Styles
	var row []string
	for i := 0; i <= 10; i++ {
		if i == pick {
			row = append(row, st.Selected.Render(fmt.Sprintf("[%d]", i)))
		} else {
			row = append(row, fmt.Sprintf(" %d ", i))
		}
	}
	var lines []string
	for _, l := range text.Lines(q, w) {
		lines = append(lines, st.Title.Render(l))
	}
	lines = append(lines, "", strings.Join(row, " "),
		st.Subtle.Render("0 none · 1–3 mild · 4–6 moderate · 7–10 severe"), "")
	lines = append(lines, text.Lines(fmt.Sprintf("Press a number (t for 10), or ← → and enter.  Now on: %d, %s", pick, painWords(pick)), w)...)
	if note != "" {
		lines = append(lines, "", st.Warn.Render(note))
	}
	return strings.Join(center(lines, h), "\n")
}

// viewEffort is the effort question, 1 to 5 with words, naming the set it
// asks about.
func viewEffort(ctx *Context, about string, pick, w, h int, note string) string {
	st := ctx.Styles
	var lines []string
	for _, l := range text.Lines("How hard was that set? "+about, w) {
		lines = append(lines, st.Title.Render(l))
	}
	lines = append(lines, "")
	for i := 1; i <= 5; i++ {
		row := fmt.Sprintf("  %d   %s", i, exercises.EffortWords[i])
		if i == pick {
			row = st.Selected.Render("▸" + row[1:])
		}
		lines = append(lines, row)
	}
	lines = append(lines, "", "Press 1 to 5, or ↑ ↓ and enter.")
	if note != "" {
		lines = append(lines, st.Warn.Render(note))
	}
	return strings.Join(center(lines, h), "\n")
}

// viewYesNo is a question answered with y or n.
func viewYesNo(ctx *Context, q string, items []string, w, h int) string {
	st := ctx.Styles
	var lines []string
	for _, l := range text.Lines(q, min(w, 70)) {
		lines = append(lines, st.Title.Render(l))
	}
	lines = append(lines, "")
	for _, it := range items {
		lines = append(lines, text.Hang("  • ", it, w)...)
	}
	if len(items) > 0 {
		lines = append(lines, "")
	}
	lines = append(lines, st.Key.Render("y")+"  yes        "+st.Key.Render("n")+"  no")
	return strings.Join(center(lines, h), "\n")
}
