package tui

// Exercise figures on screen (DESIGN section 10), in braille dots: on the
// card, every pose side by side; during a set, beside the count when the
// count changes once a rep (moving with the tempo), or in the free rows
// above it when the count changes every second (still, so that a second
// costs no more to redraw than the digits do). --no-figures turns them
// off.

import (
	"strconv"
	"strings"
	"time"

	"limber/exercises"
	"limber/figure"
	"limber/figure/braille"
)

// figureFrame is the exercise time between two frames of a moving figure:
// two a second is enough to follow "up... hold... down", and cheap to send.
const figureFrame = 500 * time.Millisecond

// figureCache compiles each exercise's figure once and keeps the last few
// drawings, so that View only joins strings.
type figureCache struct {
	compiled map[*exercises.Figure]*figure.Figure
	drawn    map[figureKey][]string
}

type figureKey struct {
	f          *figure.Figure
	side       figure.Side
	cols, rows int
	t          float64
}

// figureOf is the exercise's figure, or nil when it has none or figures
// are off.
func (c *Context) figureOf(x *exercises.Exercise) *figure.Figure {
	if c.NoFigures || x == nil || x.Figure == nil {
		return nil
	}
	if c.figures.compiled == nil {
		c.figures.compiled = map[*exercises.Figure]*figure.Figure{}
	}
	f, ok := c.figures.compiled[x.Figure]
	if !ok {
		f = figure.New(x.Figure)
		c.figures.compiled[x.Figure] = f
	}
	return f
}

// figureRows draws f at t in cols×rows cells, from the cache when it can.
func (c *Context) figureRows(f *figure.Figure, side figure.Side, t float64, cols, rows int) []string {
	k := figureKey{f, side, cols, rows, t}
	if lines, ok := c.figures.drawn[k]; ok {
		return lines
	}
	if c.figures.drawn == nil || len(c.figures.drawn) > 64 {
		c.figures.drawn = map[figureKey][]string{}
	}
	lines := braille.Render(f, t, side, cols, rows)
	c.figures.drawn[k] = lines
	return lines
}

// cardFigure is the card's drawing: every pose, first to last, with an
// arrow between each and the next; only the first and last when the
// window is too narrow for all. It grows with the window.
func cardFigure(ctx *Context, x *exercises.Exercise, w int) []string {
	f := ctx.figureOf(x)
	if f == nil {
		return nil
	}
	const arrow, indent = " → ", 2
	rows := min(14, max(6, ctx.Height/3))
	for ; rows >= 4; rows-- {
		cols, r := braille.Fit(f, figure.Left, w, rows)
		poses := make([]int, f.Poses())
		for i := range poses {
			poses[i] = i
		}
		for _, set := range [][]int{poses, {0, len(poses) - 1}} {
			if indent+len(set)*cols+(len(set)-1)*len([]rune(arrow)) > w {
				continue
			}
			blocks := make([][]string, 0, 2*len(set))
			for i, p := range set {
				if i > 0 {
					mark := make([]string, r)
					for j := range mark {
						mark[j] = strings.Repeat(" ", len([]rune(arrow)))
					}
					mark[r/2] = arrow
					blocks = append(blocks, mark)
				}
				blocks = append(blocks, ctx.figureRows(f, figure.Left, f.PoseAt(p), cols, r))
			}
			out := []string{""}
			for _, l := range braille.Join(0, blocks...) {
				out = append(out, strings.Repeat(" ", indent)+l)
			}
			return out
		}
	}
	return nil
}

// setSide is the side the set works, as the figure draws it.
func (s *sessionModel) setSide() figure.Side {
	if s.sideName() == "right" {
		return figure.Right
	}
	return figure.Left
}

// figureBeside reports whether the figure goes beside the count: while
// working through reps, whose count changes once a rep, not once a second.
func (s *sessionModel) figureBeside() bool {
	return s.phase == phWork && (s.paced() || s.untimed)
}

// figureMoment is where the set's figure is, from the first pose (0) to the
// last (1), and the exercise time until it next moves (0: not in this
// phase). With a tempo it goes to the last pose on "up", holds, and comes
// back on "down", a frame each figureFrame; otherwise it stands still: in
// the last pose while working, the first while getting ready or resting.
func (s *sessionModel) figureMoment(now time.Time) (float64, time.Duration) {
	if s.phase != phWork {
		return 0, 0
	}
	if !s.paced() || s.timer.paused {
		return 1, 0
	}
	t := s.dose.Tempo
	in := s.timer.elapsed(now) % t.Total()
	frames := func(d time.Duration) time.Duration { return min(8, max(1, (d+figureFrame/2)/figureFrame)) }
	switch {
	case in < t.Up:
		n := frames(t.Up)
		k := in * n / t.Up
		return float64(k) / float64(n), t.Up*(k+1)/n - in
	case in < t.Up+t.Hold:
		return 1, t.Up + t.Hold - in
	}
	d := in - t.Up - t.Hold
	n := frames(t.Down)
	k := d * n / t.Down
	return 1 - float64(k)/float64(n), t.Down*(k+1)/n - d
}

// figureWake is the wall time until a moving figure's next frame, or 0.
func (s *sessionModel) figureWake(now time.Time) time.Duration {
	if !s.figureBeside() || s.ctx.figureOf(s.ex) == nil {
		return 0
	}
	_, next := s.figureMoment(now)
	if next <= 0 {
		return 0
	}
	return max(s.timer.wall(next), time.Millisecond)
}

// countWithFigure puts the figure to the left of the count's rows. pad is
// where the count's glyphs start; each row is rewritten whole when any of
// it changes, so the figure is drawn in the rows it shares with the count
// only while the count changes once a rep.
func (s *sessionModel) countWithFigure(now time.Time, count, digits []string, pad int) []string {
	f := s.ctx.figureOf(s.ex)
	if f == nil || !s.figureBeside() {
		return count
	}
	room := pad - 4
	cols, rows := braille.Fit(f, s.setSide(), room, len(count))
	if cols < 6 || rows < 4 {
		return count
	}
	t, _ := s.figureMoment(now)
	fig := s.ctx.figureRows(f, s.setSide(), t, cols, rows)
	at := max(1, (pad-cols)/2)
	top := (len(count) - rows) / 2
	out := make([]string, len(count))
	for i, row := range digits {
		j := i - top
		if j < 0 || j >= rows {
			out[i] = count[i]
			continue
		}
		line := skip(at) + cells(fig[j])
		// What lies between the figure and the digits is erased in place
		// (ECH), then stepped over, so nothing of an earlier screen shows.
		lead := len(row) - len(strings.TrimLeft(row, " "))
		drawn := len([]rune(strings.TrimRight(fig[j], " ")))
		gap := max(0, pad+lead-at-drawn)
		if digits := strings.TrimLeft(row, " "); digits != "" {
			out[i] = line + blank(gap) + digits
		} else {
			out[i] = line
		}
	}
	return out
}

// padWithFigure is the blank rows above the count, with the figure in them
// when there is room: at least five rows, so that it can be made out.
func (s *sessionModel) padWithFigure(now time.Time, pad, w int) []string {
	out := make([]string, pad)
	f := s.ctx.figureOf(s.ex)
	if f == nil || s.figureBeside() || pad < 5 {
		return out
	}
	t, _ := s.figureMoment(now)
	cols, rows := braille.Fit(f, s.setSide(), w-4, min(pad-1, 14))
	fig := s.ctx.figureRows(f, s.setSide(), t, cols, rows)
	at := max(0, (w-cols)/2)
	for i, l := range fig {
		out[pad-1-rows+i] = skip(at) + cells(l)
	}
	return out
}

// cells writes a row of braille with its long blank runs stepped over
// (erased in place, then skipped), and no blanks at its end.
func cells(row string) string {
	row = strings.TrimRight(row, " ")
	var b strings.Builder
	for {
		i := strings.Index(row, "         ")
		if i < 0 {
			b.WriteString(row)
			return b.String()
		}
		b.WriteString(row[:i])
		rest := strings.TrimLeft(row[i:], " ")
		b.WriteString(blank(len(row) - i - len(rest)))
		row = rest
	}
}

// blank clears n cells from the cursor and moves past them: spaces when
// that is shorter, else erase-characters (ECH) and a cursor move (CUF),
// which every width counter takes as nothing.
func blank(n int) string {
	if n < 12 {
		return strings.Repeat(" ", n)
	}
	return "\x1b[" + strconv.Itoa(n) + "X\x1b[" + strconv.Itoa(n) + "C"
}
