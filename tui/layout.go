package tui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
)

// fit cuts or pads lines to exactly h lines no wider than w cells.
func fit(lines []string, h, w int) []string {
	var out []string
	for _, l := range lines {
		out = append(out, strings.Split(l, "\n")...)
	}
	if len(out) > h {
		out = out[:h]
		if h > 0 {
			out[h-1] = "…"
		}
	}
	for i, l := range out {
		if lipgloss.Width(l) > w {
			out[i] = truncate(l, w)
		}
		out[i] = " " + out[i]
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// center places lines in the middle of h rows.
func center(lines []string, h int) []string {
	var flat []string
	for _, l := range lines {
		flat = append(flat, strings.Split(l, "\n")...)
	}
	pad := max(0, (h-len(flat))/2)
	return append(make([]string, pad), flat...)
}

// centerIn pads each line to sit in the middle of w cells.
func centerIn(s string, w int) string {
	lines := strings.Split(s, "\n")
	width := 0
	for _, l := range lines {
		width = max(width, lipgloss.Width(l))
	}
	pad := strings.Repeat(" ", max(0, (w-width)/2))
	for i, l := range lines {
		if l != "" {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n")
}

// spread puts left and right at the two ends of w cells.
func spread(left, right string, w int) string {
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return left
	}
	return left + strings.Repeat(" ", gap) + right
}

// wrapText breaks plain text into lines of at most w cells at spaces.
func wrapText(s string, w int) string {
	if w < 10 {
		w = 10
	}
	var b strings.Builder
	for pi, para := range strings.Split(s, "\n") {
		if pi > 0 {
			b.WriteByte('\n')
		}
		n := 0
		for i, word := range strings.Fields(para) {
			ww := lipgloss.Width(word)
			if i > 0 && n+1+ww > w {
				b.WriteByte('\n')
				n = 0
			} else if i > 0 {
				b.WriteByte(' ')
				n++
			}
			b.WriteString(word)
			n += ww
		}
	}
	return b.String()
}

// indent wraps text to w and indents every line after the first by prefix
// width, for lists.
func hang(prefix, text string, w int) []string {
	pw := lipgloss.Width(prefix)
	lines := strings.Split(wrapText(text, w-pw), "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", pw) + lines[i]
		}
	}
	return lines
}

// bar is a progress bar of w cells, with the share done drawn solid.
func (m *Model) bar(frac float64, w int) string {
	full := int(frac*float64(w) + 0.5)
	full = min(max(full, 0), w)
	return m.st.BarFull.Render(strings.Repeat("█", full)) + m.st.BarEmpty.Render(strings.Repeat("░", w-full))
}

// truncate cuts a styled line to w cells, ending it with "…" and keeping
// its escape sequences (which take no cells) intact.
func truncate(s string, w int) string {
	var b strings.Builder
	width := 0
	for i := 0; i < len(s); {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			if j < len(s) {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		rw := lipgloss.Width(string(r))
		if width+rw > w-1 {
			b.WriteString("…")
			if strings.Contains(s, "\x1b[") {
				b.WriteString("\x1b[0m")
			}
			return b.String()
		}
		b.WriteRune(r)
		width += rw
		i += size
	}
	return b.String()
}
