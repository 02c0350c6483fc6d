// Package text measures, wraps and cuts text in terminal cells, for the
// screens, the command line and the printed pages alike. It counts cells the
// way a terminal does (wide characters take two, escape sequences none), on
// github.com/charmbracelet/x/ansi, so that every caller wraps the same way.
package text

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Width is the number of terminal cells s takes; escape sequences take none.
func Width(s string) int { return ansi.StringWidth(s) }

// Wrap breaks s into lines of at most w cells, at spaces where it can and
// inside a word only when the word alone is longer than a line. Newlines in
// s start new paragraphs. A paragraph that fits is left exactly as it is.
func Wrap(s string, w int) string {
	w = max(w, 1)
	paras := strings.Split(s, "\n")
	for i, p := range paras {
		if Width(p) <= w {
			continue
		}
		p = ansi.Wrap(strings.Join(strings.Fields(p), " "), w, "")
		// A line ends where it was broken: no spaces left hanging.
		lines := strings.Split(p, "\n")
		for j, l := range lines {
			lines[j] = strings.TrimRight(l, " ")
		}
		paras[i] = strings.Join(lines, "\n")
	}
	return strings.Join(paras, "\n")
}

// Lines is Wrap split into its lines.
func Lines(s string, w int) []string { return strings.Split(Wrap(s, w), "\n") }

// Hang wraps s to w cells after a prefix, indenting the lines that follow
// by the prefix's width, as in a list: "  • first line" / "    next line".
func Hang(prefix, s string, w int) []string {
	return Indent(prefix, strings.Repeat(" ", Width(prefix)), s, w)
}

// Indent wraps s to w cells, the first line after first and the others
// after rest.
func Indent(first, rest, s string, w int) []string {
	lines := Lines(s, max(w-max(Width(first), Width(rest)), 10))
	for i := range lines {
		if i == 0 {
			lines[i] = first + lines[i]
		} else {
			lines[i] = rest + lines[i]
		}
	}
	return lines
}

// Truncate cuts s to at most w cells, ending it with "…" when anything was
// cut. Escape sequences are kept whole, so styles still close.
func Truncate(s string, w int) string {
	if Width(s) <= w {
		return s
	}
	return ansi.Truncate(s, max(w, 1), "…")
}

// Pad fills s with spaces on the right to w cells (never cuts).
func Pad(s string, w int) string {
	if n := Width(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// Thousands writes n with commas between groups of three digits: 99,995,
// -1,000.
func Thousands(n int) string {
	if n < 0 {
		return "-" + Thousands(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
