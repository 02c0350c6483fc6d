package tui

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// paintRow plays the few sequences bigRow writes (EL 1 and 2, CUF, SGR 7 and
// 27, spaces, "█") onto a line that already holds other text, then the
// erase to the end of the line (EL 0) that bubbletea's renderer writes
// after every line narrower than the window, and returns
// each cell: '#' for a dot (reverse space or block), ' ' for a blank, and
// what was there before for a cell never written nor erased.
func paintRow(t *testing.T, before []rune, s string) []rune {
	t.Helper()
	line := append([]rune(nil), before...)
	s += "\x1b[K"
	x, reverse := 0, false
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "\x1b["):
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
				j++
			}
			params := strings.Split(s[i+2:j], ";")
			n, _ := strconv.Atoi(params[0])
			switch s[j] {
			case 'K':
				switch n {
				case 0: // from the cursor to the end of the line
					for k := x; k < len(line); k++ {
						line[k] = ' '
					}
				case 1: // from the start of the line to the cursor
					for k := 0; k <= x && k < len(line); k++ {
						line[k] = ' '
					}
				case 2: // all of the line
					for k := range line {
						line[k] = ' '
					}
				default:
					t.Fatalf("unexpected erase %q", s[i:j+1])
				}
			case 'C':
				x += n
			case 'X': // erase n cells from the cursor, which stays
				for k := x; k < x+max(n, 1) && k < len(line); k++ {
					line[k] = ' '
				}
			case 'm':
				for _, p := range params {
					switch p {
					case "7":
						reverse = true
					case "27", "0", "":
						reverse = false
					}
				}
			default:
				t.Fatalf("unexpected sequence %q", s[i:j+1])
			}
			i = j + 1
		case strings.HasPrefix(s[i:], "█"):
			if x < len(line) {
				line[x] = '#'
			}
			x++
			i += len("█")
		case s[i] == ' ':
			if x < len(line) {
				line[x] = ' '
				if reverse {
					line[x] = '#'
				}
			}
			x++
			i++
		default: // any other text: what it shows, a cell a rune
			r, size := utf8.DecodeRuneInString(s[i:])
			if x < len(line) {
				line[x] = r
			}
			x++
			i += size
		}
	}
	if reverse {
		t.Errorf("reverse video left on at the end of %q", s)
	}
	return line
}

// A row placed by bigRow shows on the terminal exactly the dots of Big,
// at its place, over whatever the line held before; and a number placed so
// costs no more bytes than Big's rows after a skip, as before.
func TestBigRowShowsTheDotsOverAnyLine(t *testing.T) {
	const w = 80
	stale := []rune(strings.Repeat("x", w))
	for n := 0; n <= 100; n++ {
		for _, sy := range []int{1, 2} {
			s := fmt.Sprint(n)
			at := (w - BigWidth(len(s), sy)) / 2
			placed, old := 0, 0
			rows, bigRows := placeBig(s, sy, at)
			for r, row := range Big(s, sy, true) {
				if bigRows[r] != row {
					t.Fatalf("%q at scale %d, row %d: placeBig has Big's row %q, Big %q", s, sy, r, bigRows[r], row)
				}
				want := []rune(strings.Repeat(" ", w))
				for i, d := range dotsOf(row) {
					if d {
						want[at+i] = '#'
					}
				}
				got := paintRow(t, stale, rows[r])
				if dots := paintRow(t, stale, placeDots(at, dotsOf(row))); string(dots) != string(want) {
					t.Fatalf("%q at scale %d in reverse video:\nwant %q\n got %q", s, sy, string(want), string(dots))
				}
				if string(got) != string(want) {
					t.Fatalf("%q at scale %d:\nwant %q\n got %q", s, sy, string(want), string(got))
				}
				placed += len(rows[r])
				lead := len(row) - len(strings.TrimLeft(row, " "))
				old += len(skip(at+lead)) + len(row) - lead
			}
			if placed > old {
				t.Errorf("%q at scale %d: %d bytes placed, %d before", s, sy, placed, old)
			}
		}
	}
}

// dotsOf reads a row of Big back into its cells, true for a dot, with no
// blank cells after the last dot: what the tests expect on the screen,
// read from Big's output, not from the cells it was drawn from.
func dotsOf(row string) []bool {
	var dots []bool
	reverse := false
	for i := 0; i < len(row); {
		switch {
		case strings.HasPrefix(row[i:], "\x1b[7m"):
			reverse = true
			i += len("\x1b[7m")
		case strings.HasPrefix(row[i:], "\x1b[27m"):
			reverse = false
			i += len("\x1b[27m")
		case strings.HasPrefix(row[i:], "█"):
			dots = append(dots, true)
			i += len("█")
		default:
			dots = append(dots, reverse) // a space
			i++
		}
	}
	for len(dots) > 0 && !dots[len(dots)-1] {
		dots = dots[:len(dots)-1]
	}
	return dots
}

// dotsOf reads back what Big drew: a '#' in the glyph is a dot.
func TestDotsOfReadsBig(t *testing.T) {
	for _, sy := range []int{1, 2} {
		rev, plain := Big("0123456789", sy, true), Big("0123456789", sy, false)
		for i := range rev {
			a, b := dotsOf(rev[i]), dotsOf(plain[i])
			if fmt.Sprint(a) != fmt.Sprint(b) {
				t.Fatalf("row %d: reverse %v, blocks %v", i, a, b)
			}
			if strings.Count(plain[i], "█") != strings.Count(fmt.Sprint(b), "true") {
				t.Fatalf("row %d: %d blocks, %d dots", i, strings.Count(plain[i], "█"), strings.Count(fmt.Sprint(b), "true"))
			}
		}
	}
}
