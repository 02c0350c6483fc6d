// Package braille draws a figure in braille dots, two across and four down
// in each terminal cell, on the braille canvas of ntcharts. A terminal
// cell is about twice as tall as it is wide, so the dots come out square
// and the figure keeps its shape.
package braille

import (
	"math"
	"strings"

	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/NimbleMarkets/ntcharts/canvas/graph"

	"limber/figure"
)

// Canvas draws one figure, for one side, in cols×rows cells. It keeps the
// figure's whole range of movement in view, so that the figure does not
// grow or jump as it moves.
type Canvas struct {
	f          *figure.Figure
	side       figure.Side
	cols, rows int
	grid       *graph.BrailleGrid
	box        figure.Box
	scale      float64 // dots per unit
	d          figure.Drawing
	runes      []rune
}

// New makes a canvas of cols×rows cells (at least 1×1).
func New(f *figure.Figure, side figure.Side, cols, rows int) *Canvas {
	cols, rows = max(1, cols), max(1, rows)
	c := &Canvas{f: f, side: side, cols: cols, rows: rows}
	b := f.Bounds(side)
	// A dot's margin all round, then widen the narrower way so that a
	// unit is as many dots across as down.
	gw, gh := float64(cols*2-1), float64(rows*4-1)
	scale := math.Min((gw-2)/b.W(), (gh-2)/b.H())
	cx, cy := (b.MinX+b.MaxX)/2, (b.MinY+b.MaxY)/2
	c.box = figure.Box{MinX: cx - gw/scale/2, MaxX: cx + gw/scale/2, MinY: cy - gh/scale/2, MaxY: cy + gh/scale/2}
	c.scale = scale
	c.grid = graph.NewBrailleGrid(cols, rows, c.box.MinX, c.box.MaxX, c.box.MinY, c.box.MaxY)
	return c
}

// Render draws f at t for a side in cols×rows cells: one string per row,
// each cols cells wide, blank cells as spaces.
func Render(f *figure.Figure, t float64, side figure.Side, cols, rows int) []string {
	return New(f, side, cols, rows).Draw(t)
}

// Draw draws the figure at t (0 its first pose, 1 its last).
func (c *Canvas) Draw(t float64) []string {
	c.grid.Clear()
	c.f.DrawInto(&c.d, t, c.side)
	pt := func(p figure.Point) canvas.Point {
		return c.grid.GridPoint(canvas.Float64Point{X: p.X, Y: p.Y})
	}
	line := func(a, b figure.Point) {
		for _, p := range graph.GetLinePoints(pt(a), pt(b)) {
			c.grid.Set(p)
		}
	}
	if c.d.Floor {
		line(figure.Point{X: c.box.MinX, Y: 0}, figure.Point{X: c.box.MaxX, Y: 0})
	}
	for _, s := range c.d.Segments {
		line(s.A, s.B)
	}
	for _, k := range c.d.Circles {
		r := max(1, int(math.Round(k.R*c.scale)))
		for _, p := range graph.GetCirclePoints(pt(k.C), r) {
			c.grid.Set(p)
		}
	}
	out := make([]string, 0, c.rows)
	for _, row := range c.grid.BraillePatterns() {
		c.runes = c.runes[:0]
		for _, r := range row {
			if r == 0x2800 {
				r = ' '
			}
			c.runes = append(c.runes, r)
		}
		out = append(out, string(c.runes))
	}
	return out
}

// Size is the canvas's size in cells.
func (c *Canvas) Size() (cols, rows int) { return c.cols, c.rows }

// Fit is the largest canvas, at most cols×rows cells, that holds the figure
// at its own shape without wasted width: the width it needs at that height.
func Fit(f *figure.Figure, side figure.Side, cols, rows int) (int, int) {
	b := f.Bounds(side)
	need := int(math.Ceil(float64(rows*4) * b.W() / b.H() / 2))
	if need <= cols {
		return max(1, need), rows
	}
	h := int(math.Ceil(float64(cols*2) * b.H() / b.W() / 4))
	return cols, max(1, min(rows, h))
}

// Join puts rows side by side with gap spaces between, for a contact sheet.
func Join(gap int, blocks ...[]string) []string {
	n := 0
	for _, b := range blocks {
		n = max(n, len(b))
	}
	out := make([]string, n)
	for i := range out {
		var sb strings.Builder
		for j, b := range blocks {
			if j > 0 {
				sb.WriteString(strings.Repeat(" ", gap))
			}
			w := 0
			if len(b) > 0 {
				w = len([]rune(b[0]))
			}
			if i < len(b) {
				sb.WriteString(b[i])
			} else {
				sb.WriteString(strings.Repeat(" ", w))
			}
		}
		out[i] = strings.TrimRight(sb.String(), " ")
	}
	return out
}
