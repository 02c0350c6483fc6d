package tui

import (
	"limber/text"
	"strings"
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
		if text.Width(l) > w {
			out[i] = text.Truncate(l, w)
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

// spread puts left and right at the two ends of w cells.
func spread(left, right string, w int) string {
	gap := w - text.Width(left) - text.Width(right)
	if gap < 1 {
		return left
	}
	return left + strings.Repeat(" ", gap) + right
}

// bar is a progress bar of w cells, with the share done drawn solid.
// The done part is reverse-video spaces between two edges, so that it
// reads without colour and costs one byte a cell to redraw.
func (c *Context) bar(frac float64, w int) string {
	full := int(frac*float64(w) + 0.5)
	full = min(max(full, 0), w)
	done := ""
	if full > 0 {
		done = "\x1b[7m" + strings.Repeat(" ", full) + "\x1b[27m"
	}
	return "▕" + done + strings.Repeat(" ", w-full) + "▏"
}
