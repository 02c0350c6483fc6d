package braille

import (
	"strings"
	"testing"
	"unicode/utf8"

	"limber/exercises"
	"limber/figure"
)

func standing() *figure.Figure {
	return figure.New(&exercises.Figure{View: exercises.ViewSide, Poses: []exercises.FigurePose{
		{Joints: []exercises.JointAngle{{Name: "knee", Deg: 0}}},
		{Joints: []exercises.JointAngle{{Name: "shoulder", Deg: 90}}},
	}})
}

// A canvas is exactly the size asked, in braille cells and spaces, and
// draws something.
func TestRenderSize(t *testing.T) {
	f := standing()
	for _, c := range [][2]int{{1, 1}, {8, 4}, {16, 8}, {33, 17}} {
		rows := Render(f, 1, figure.Left, c[0], c[1])
		if len(rows) != c[1] {
			t.Fatalf("%v: %d rows", c, len(rows))
		}
		dots := 0
		for _, r := range rows {
			if n := utf8.RuneCountInString(r); n != c[0] {
				t.Errorf("%v: a row of %d cells: %q", c, n, r)
			}
			for _, ch := range r {
				switch {
				case ch == ' ':
				case ch > 0x2800 && ch <= 0x28ff:
					dots++
				default:
					t.Errorf("%v: %q is neither braille nor a space", c, ch)
				}
			}
		}
		if dots == 0 {
			t.Errorf("%v: nothing drawn", c)
		}
	}
}

// Fit keeps the figure's shape: a tall standing figure gets about a third
// as many columns as rows at most, and a narrow limit cuts the rows.
func TestFit(t *testing.T) {
	f := standing()
	b := f.Bounds(figure.Left)
	cols, rows := Fit(f, figure.Left, 100, 12)
	want := int(float64(12*4)*b.W()/b.H()/2 + 0.999)
	if rows != 12 || cols != want {
		t.Errorf("Fit(100, 12) = %d×%d, want %d×12", cols, rows, want)
	}
	cols, rows = Fit(f, figure.Left, 4, 12)
	if cols != 4 || rows >= 12 || rows < 1 {
		t.Errorf("Fit(4, 12) = %d×%d", cols, rows)
	}
}

// The right side is drawn as the left's mirror: the same dots, reversed.
func TestRightMirrorsLeft(t *testing.T) {
	f := standing()
	l := Render(f, 1, figure.Left, 20, 10)
	r := Render(f, 1, figure.Right, 20, 10)
	if strings.Join(l, "\n") == strings.Join(r, "\n") {
		t.Fatal("the two sides are the same drawing")
	}
	count := func(rows []string) (n int) {
		for _, row := range rows {
			for _, ch := range row {
				if ch != ' ' {
					for b := ch - 0x2800; b > 0; b &= b - 1 {
						n++
					}
				}
			}
		}
		return n
	}
	if a, b := count(l), count(r); a == 0 || a < b*9/10 || a > b*11/10 {
		t.Errorf("the sides have %d and %d dots", a, b)
	}
}

func TestJoin(t *testing.T) {
	got := Join(2, []string{"ab", "cd"}, []string{"x"}, []string{"p", "q", "r"})
	want := []string{"ab  x  p", "cd     q", "       r"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Join = %q, want %q", got, want)
	}
}
