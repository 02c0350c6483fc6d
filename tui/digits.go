package tui

import (
	"fmt"
	"slices"
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
	out := make([]string, 0, DigitRows*sy)
	for _, dots := range bigDots(s, sy) {
		line := dotLine(dots, reverse)
		for range sy {
			out = append(out, line)
		}
	}
	return out
}

// placeBig is Big(s, sy, true) placed at cell at, row by row (bigRow), and
// Big's own rows beside it. Each row of dots is worked out once, not read
// back from what Big wrote.
func placeBig(s string, sy, at int) (placed, rows []string) {
	placed = make([]string, 0, DigitRows*sy)
	rows = make([]string, 0, DigitRows*sy)
	for _, dots := range bigDots(s, sy) {
		line := dotLine(dots, true)
		p := bigRow(at, dots, line)
		for range sy {
			placed, rows = append(placed, p), append(rows, line)
		}
	}
	return placed, rows
}

// bigDots is each of the DigitRows rows of s in block digits at dot height
// sy, cell by cell, true for a dot, with no blank cells after the last dot.
func bigDots(s string, sy int) [DigitRows][]bool {
	sx := 2 * sy
	rs := []rune(s)
	var out [DigitRows][]bool
	for row := range DigitRows {
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
		out[row] = cells
	}
	return out
}

// dotLine writes one row of dots as Big draws it: blanks as spaces, dots
// as "█", or as reverse-video spaces when reverse is set and the run is
// long enough for that to be shorter.
func dotLine(cells []bool, reverse bool) string {
	var b strings.Builder
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
	return b.String()
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

// bigRow places one row of Big at cell at, in few bytes: it erases the
// whole line (EL 2), turns reverse video on, writes each run of dots as
// spaces (one byte a cell) and moves over each blank run (CUF) rather than
// writing it, so that moving over paints nothing; reverse video is off
// again at the row's end. The line must be the start of a screen row,
// since all of it is erased. Only the dots are written: that is what a
// countdown sends to the terminal each second. dots are the row's cells
// (bigDots) and row is the row as Big wrote it in reverse video.
//
// A row of one or two runs (a single digit) is shorter as Big wrote it,
// after a skip; that is used where it is.
func bigRow(at int, dots []bool, row string) string {
	lead := len(row) - len(strings.TrimLeft(row, " "))
	plain := skip(at+lead) + row[lead:]
	if placed := placeDots(at, dots); len(placed) < len(plain) {
		return placed
	}
	return plain
}

// placeDots is bigRow's reverse-video form.
func placeDots(at int, dots []bool) string {
	var b strings.Builder
	b.WriteString("\x1b[2K")
	first := slices.Index(dots, true)
	if first < 0 {
		return b.String()
	}
	if n := at + first; n > 0 {
		fmt.Fprintf(&b, "\x1b[%dC", n)
	}
	b.WriteString("\x1b[7m")
	for i := first; i < len(dots); {
		j := i
		for j < len(dots) && dots[j] == dots[i] {
			j++
		}
		if dots[i] {
			b.WriteString(strings.Repeat(" ", j-i))
		} else {
			fmt.Fprintf(&b, "\x1b[%dC", j-i)
		}
		i = j
	}
	b.WriteString("\x1b[27m")
	return b.String()
}
