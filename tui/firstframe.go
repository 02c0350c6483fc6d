package tui

// The first frame, drawn at once. bubbletea v1's renderer writes a frame
// only at its ticks, the first a frame's time after it starts: at a frame
// rate low enough for a countdown to cost little (DESIGN section 8), a
// person would wait that long for the first screen. So Init draws it
// itself, as the renderer's first tick would. Init runs after bubbletea
// has entered the alternate screen and before it has anything to draw:
// the renderer's buffer is still empty, so nothing it writes can come
// before this frame. Its first tick then writes the same frame again, in
// full (the renderer has drawn nothing yet), and goes on as usual.

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// drawFirstFrame writes the screen as it is now to the terminal, the way
// the renderer writes a first frame in the alternate screen.
func (m *Model) drawFirstFrame() {
	w, h := m.ctx.Width, m.ctx.Height
	lines := strings.Split(m.View(), "\n")
	if len(lines) > h {
		lines = lines[len(lines)-h:] // as the renderer does: the top goes
	}
	var b strings.Builder
	b.WriteString(ansi.CursorHomePosition + "\r")
	for i, l := range lines {
		l = ansi.Truncate(l, w, "")
		b.WriteString(l)
		if ansi.StringWidth(l) < w {
			b.WriteString(ansi.EraseLineRight)
		}
		if i < len(lines)-1 {
			b.WriteString("\r\n")
		}
	}
	b.WriteString(ansi.CursorPosition(0, len(lines)))
	m.opt.FirstFrame.Write([]byte(b.String())) // a lost first frame is drawn at the first tick anyway
}
