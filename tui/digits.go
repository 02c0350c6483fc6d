package tui

import "strings"

// The block font: each glyph is 5 rows of 5 cells, readable from across a
// room. Large screens draw it twice as big.
var glyphs = map[rune][5]string{
	'0': {"█████", "█   █", "█   █", "█   █", "█████"},
	'1': {"  ██ ", "   █ ", "   █ ", "   █ ", "  ███"},
	'2': {"█████", "    █", "█████", "█    ", "█████"},
	'3': {"█████", "    █", " ████", "    █", "█████"},
	'4': {"█   █", "█   █", "█████", "    █", "    █"},
	'5': {"█████", "█    ", "█████", "    █", "█████"},
	'6': {"█████", "█    ", "█████", "█   █", "█████"},
	'7': {"█████", "    █", "   █ ", "  █  ", "  █  "},
	'8': {"█████", "█   █", "█████", "█   █", "█████"},
	'9': {"█████", "█   █", "█████", "    █", "█████"},
	':': {"     ", "  █  ", "     ", "  █  ", "     "},
	'/': {"    █", "   █ ", "  █  ", " █   ", "█    "},
	' ': {"     ", "     ", "     ", "     ", "     "},
}

// DigitRows is the height of the block font.
const DigitRows = 5

// BigWidth is how many cells s takes in block digits; wide digits draw
// each dot two cells wide, which on a terminal's tall cells looks square.
func BigWidth(s string, wide bool) int {
	n := len([]rune(s))
	if n == 0 {
		return 0
	}
	w := n*5 + (n - 1)
	if wide {
		w *= 2
	}
	return w
}

// Big renders s (digits, ':', '/', ' ') in block digits, five rows tall.
func Big(s string, wide bool) string {
	var rows [DigitRows]strings.Builder
	for i, r := range s {
		g, ok := glyphs[r]
		if !ok {
			g = glyphs[' ']
		}
		for row := range DigitRows {
			if i > 0 {
				rows[row].WriteString(" ")
				if wide {
					rows[row].WriteString(" ")
				}
			}
			for _, c := range g[row] {
				rows[row].WriteRune(c)
				if wide {
					rows[row].WriteRune(c)
				}
			}
		}
	}
	out := make([]string, DigitRows)
	for i := range rows {
		out[i] = rows[i].String()
	}
	return strings.Join(out, "\n")
}

// reverseRuns draws long runs of blocks as reverse-video spaces: a block
// is three bytes, a space one, so a countdown that redraws its digits once
// a second writes about half as much to the terminal. The look is the same.
func reverseRuns(row string) string {
	const on, off = "\x1b[7m", "\x1b[27m"
	var b strings.Builder
	rs := []rune(row)
	for i := 0; i < len(rs); {
		if rs[i] != '█' {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j := i
		for j < len(rs) && rs[j] == '█' {
			j++
		}
		if n := j - i; n*3 > n+len(on)+len(off) {
			b.WriteString(on + strings.Repeat(" ", n) + off)
		} else {
			b.WriteString(strings.Repeat("█", n))
		}
		i = j
	}
	return b.String()
}
