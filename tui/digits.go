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

// DigitRows is the height of the block font at scale 1.
const DigitRows = 5

// BigWidth is how many cells s takes in block digits at a scale.
func BigWidth(s string, scale int) int {
	n := len([]rune(s))
	if n == 0 {
		return 0
	}
	return (n*5 + (n - 1)) * scale
}

// Big renders s (digits, ':', '/', ' ') in block digits, scale 1 or 2.
func Big(s string, scale int) string {
	scale = max(scale, 1)
	rows := make([]strings.Builder, DigitRows*scale)
	for i, r := range s {
		g, ok := glyphs[r]
		if !ok {
			g = glyphs[' ']
		}
		for row := 0; row < DigitRows; row++ {
			line := g[row]
			if scale > 1 {
				var b strings.Builder
				for _, c := range line {
					for range scale {
						b.WriteRune(c)
					}
				}
				line = b.String()
			}
			for k := range scale {
				if i > 0 {
					rows[row*scale+k].WriteString(strings.Repeat(" ", scale))
				}
				rows[row*scale+k].WriteString(line)
			}
		}
	}
	out := make([]string, len(rows))
	for i := range rows {
		out[i] = rows[i].String()
	}
	return strings.Join(out, "\n")
}
