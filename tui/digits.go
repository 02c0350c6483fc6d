package tui

import (
	"fmt"
	"strings"
)

// The block font: each glyph is 8 dots tall and 4 wide, with strokes one
// dot thick, so that a count a third of the window tall still costs few
// bytes a second to redraw. A dot is drawn 2·sy cells wide and sy rows
// tall: a terminal cell is about twice as tall as it is wide, so dots come
// out square and a glyph is half as wide as it is tall, like the digits
// of a clock.
var glyphs = map[rune][DigitRows]string{
	'0': {" ## ", "#  #", "#  #", "#  #", "#  #", "#  #", "#  #", " ## "},
	'1': {"  # ", " ## ", "  # ", "  # ", "  # ", "  # ", "  # ", "  # "},
	'2': {" ## ", "#  #", "   #", "   #", "  # ", " #  ", "#   ", "####"},
	'3': {" ## ", "#  #", "   #", " ## ", "   #", "   #", "#  #", " ## "},
	'4': {"#  #", "#  #", "#  #", "#  #", "####", "   #", "   #", "   #"},
	'5': {"####", "#   ", "#   ", "### ", "   #", "   #", "#  #", " ## "},
	'6': {" ## ", "#   ", "#   ", "### ", "#  #", "#  #", "#  #", " ## "},
	'7': {"####", "   #", "   #", "  # ", "  # ", " #  ", " #  ", " #  "},
	'8': {" ## ", "#  #", "#  #", " ## ", "#  #", "#  #", "#  #", " ## "},
	'9': {" ## ", "#  #", "#  #", "#  #", " ###", "   #", "#  #", " ## "},
	' ': {"    ", "    ", "    ", "    ", "    ", "    ", "    ", "    "},
}

// DigitRows is the height of the block font in dots.
const DigitRows = 8

// glyphDots is the width of a glyph in dots.
const glyphDots = 4

// digitScale is the dot height sy for a window: the count takes at least a
// third of the window's height (DESIGN section 7), and as many glyphs as
// there are fit across w cells.
func digitScale(winH, w, glyphs int) int {
	sy := max(1, (winH+3*DigitRows-1)/(3*DigitRows))
	for sy > 1 && BigWidth(glyphs, sy) > w {
		sy--
	}
	return sy
}

// BigWidth is the cells n glyphs take at dot height sy, with one dot
// between glyphs.
func BigWidth(n, sy int) int {
	if n == 0 {
		return 0
	}
	sx := 2 * sy
	return n*glyphDots*sx + (n-1)*sx
}

// Big renders s (digits and spaces) in block digits at dot height sy, one
// string per row, with no trailing spaces. With reverse set, a long run of
// dots is drawn as reverse-video spaces: one byte a cell instead of the
// three of "█", which is most of what a countdown writes to the terminal.
func Big(s string, sy int, reverse bool) []string {
	sx := 2 * sy
	rs := []rune(s)
	out := make([]string, 0, DigitRows*sy)
	var b strings.Builder
	for row := range DigitRows {
		b.Reset()
		var cells []bool
		for i, r := range rs {
			g, ok := glyphs[r]
			if !ok {
				g = glyphs[' ']
			}
			if i > 0 {
				cells = append(cells, make([]bool, sx)...)
			}
			for _, c := range g[row] {
				for range sx {
					cells = append(cells, c == '#')
				}
			}
		}
		for len(cells) > 0 && !cells[len(cells)-1] {
			cells = cells[:len(cells)-1]
		}
		for i := 0; i < len(cells); {
			j := i
			for j < len(cells) && cells[j] == cells[i] {
				j++
			}
			n := j - i
			switch {
			case !cells[i]:
				b.WriteString(strings.Repeat(" ", n))
			case reverse && n*3 > n+len("\x1b[7m\x1b[27m"):
				b.WriteString("\x1b[7m" + strings.Repeat(" ", n) + "\x1b[27m")
			default:
				b.WriteString(strings.Repeat("█", n))
			}
			i = j
		}
		line := b.String()
		for range sy {
			out = append(out, line)
		}
	}
	return out
}

// skip moves n cells right over a blank margin in few bytes: move past
// them (CUF), then erase from the start of the line to there (EL 1), so
// nothing from an earlier screen shows through. Both are zero-width to
// every width counter; the cell under the cursor is written next anyway.
func skip(n int) string {
	if n < 9 {
		return strings.Repeat(" ", max(0, n))
	}
	return fmt.Sprintf("\x1b[%dC\x1b[1K", n)
}
