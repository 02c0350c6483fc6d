// Package figure draws an exercise's figure (DESIGN section 10): it turns
// the poses of a small named skeleton, given as joint angles in degrees,
// and the props beside it into line segments and circles on a flat page.
// It is pure geometry: no terminal and no HTML. svg.go writes the lines as
// SVG; the braille package draws them in braille dots for the terminal.
package figure

import (
	"math"

	"limber/exercises"
)

// Side is the side of the body a set works. Left draws the figure as its
// poses say; Right draws its mirror image, as the other side does it.
type Side int

const (
	Left Side = iota
	Right
)

// Point is a place on the page, in the figure's unit (the person's
// standing height, or the hand's length), y up.
type Point struct{ X, Y float64 }

// Kind is what a line or circle belongs to, for renderers that style them.
type Kind uint8

const (
	Near  Kind = iota // the body, on the side nearer the viewer
	Far               // the body, on the far side
	Thing             // a prop: chair, counter, wall, towel, ball, band, step, bowl
)

// Segment is a straight line on the page.
type Segment struct {
	A, B Point
	Kind Kind
}

// Circle is a circle on the page: a head or a ball.
type Circle struct {
	C    Point
	R    float64
	Kind Kind
}

// Drawing is one moment of a figure, on the page. Things come first, then
// the far side, then the near side, so that a renderer drawing in order
// puts the near side on top.
type Drawing struct {
	Segments []Segment
	Circles  []Circle
	Floor    bool // the view stands on a floor at y = 0
}

// Box is a rectangle on the page.
type Box struct{ MinX, MaxX, MinY, MaxY float64 }

// W and H are the box's width and height.
func (b Box) W() float64 { return b.MaxX - b.MinX }
func (b Box) H() float64 { return b.MaxY - b.MinY }

func emptyBox() Box { return Box{math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)} }

func (b *Box) add(p Point) {
	b.MinX, b.MaxX = min(b.MinX, p.X), max(b.MaxX, p.X)
	b.MinY, b.MaxY = min(b.MinY, p.Y), max(b.MaxY, p.Y)
}

// Figure is an exercise's figure, ready to draw: every pose as a full set
// of joint angles.
type Figure struct {
	view   exercises.FigureView
	zoom   string
	turn   float64
	tilt   float64
	anchor string
	poses  [][]float64
	props  []exercises.FigureProp
	bounds Box // of the left side, over every moment and prop
}

// New prepares an exercise's figure for drawing. Each pose starts from the
// one before it (the first from rest); a side's own angle (left_knee)
// wins over one for both (knee), and a finger's over the group's.
func New(f *exercises.Figure) *Figure {
	t := tableFor(f.View)
	fig := &Figure{view: f.View, zoom: f.Zoom, turn: f.Turn, tilt: f.Tilt, anchor: f.Anchor, props: f.Props}
	prev := make([]float64, t.n)
	for _, p := range f.Poses {
		cur := append([]float64(nil), prev...)
		for level := range 4 {
			for _, ja := range p.Joints {
				if t.level[ja.Name] != level {
					continue
				}
				for _, s := range t.index[ja.Name] {
					cur[s] = ja.Deg
				}
			}
		}
		fig.poses = append(fig.poses, cur)
		prev = cur
	}
	if len(fig.poses) == 0 {
		fig.poses = [][]float64{prev}
	}
	if fig.anchor == "" {
		fig.anchor = exercises.AnchorFeet
		if f.View.Body() {
			first := fig.poses[0]
			if first[bHip[0]] >= 45 && first[bHip[1]] >= 45 {
				fig.anchor = exercises.AnchorSeat
			}
		}
	}
	fig.bounds = fig.measure()
	return fig
}

// View is how the figure is seen.
func (f *Figure) View() exercises.FigureView { return f.view }

// Poses is how many poses the figure has.
func (f *Figure) Poses() int { return len(f.poses) }

// PoseAt is the place of pose i (from 0) on the way from the first pose
// (0) to the last (1).
func (f *Figure) PoseAt(i int) float64 {
	if len(f.poses) < 2 {
		return 0
	}
	return float64(i) / float64(len(f.poses)-1)
}

// angles are the joint angles at t, from the first pose (0) through those
// between to the last (1), each angle moving in a straight line.
func (f *Figure) angles(t float64, out []float64) []float64 {
	n := len(f.poses)
	out = append(out[:0], f.poses[0]...)
	if n == 1 || !(t > 0) {
		return out
	}
	if t >= 1 {
		return append(out[:0], f.poses[n-1]...)
	}
	seg := t * float64(n-1)
	i := int(seg)
	k := seg - float64(i)
	a, b := f.poses[i], f.poses[i+1]
	for j := range out {
		out[j] = a[j] + (b[j]-a[j])*k
	}
	return out
}

// Draw is the figure at t (0 the first pose, 1 the last), for a side.
func (f *Figure) Draw(t float64, side Side) Drawing {
	var d Drawing
	f.draw(&d, t, side)
	return d
}

// DrawInto is Draw reusing d's storage, for renderers that draw often.
func (f *Figure) DrawInto(d *Drawing, t float64, side Side) { f.draw(d, t, side) }

func (f *Figure) draw(d *Drawing, t float64, side Side) {
	var buf [64]float64
	f.drawAt(d, f.angles(t, buf[:0]), f.camera(), side)
}

// drawAt draws the figure at joint angles a through a camera.
func (f *Figure) drawAt(d *Drawing, a []float64, cam camera, side Side) {
	d.Segments, d.Circles = d.Segments[:0], d.Circles[:0]
	// A floor is drawn under a body seen level; seen from above it would
	// cut through the feet.
	d.Floor = f.view.Body() && f.tilt < 20
	var sk skeleton
	if f.view == exercises.ViewHand {
		sk = handSkeleton(a)
	} else {
		sk = bodySkeleton(a, f.anchor)
	}
	f.drawProps(d, &sk, cam)
	sk.draw(d, cam)
	if side == Right {
		for i := range d.Segments {
			d.Segments[i].A.X, d.Segments[i].B.X = -d.Segments[i].A.X, -d.Segments[i].B.X
		}
		for i := range d.Circles {
			d.Circles[i].C.X = -d.Circles[i].C.X
		}
	}
}

// Bounds is the box every moment of the figure and its props fill, for a
// side: a renderer that keeps to it holds the figure steady as it moves.
func (f *Figure) Bounds(side Side) Box {
	b := f.bounds
	if side == Right {
		b.MinX, b.MaxX = -b.MaxX, -b.MinX
	}
	return b
}

// Frame is the view's frame (exercises.FigureFrame) as a box.
func (f *Figure) Frame() Box {
	fr := exercises.FigureFrame(f.view)
	return Box{fr.MinX, fr.MaxX, fr.MinY, fr.MaxY}
}

// measure finds the box of every moment: each pose and the way between.
func (f *Figure) measure() Box {
	b := emptyBox()
	steps := 4 * max(1, len(f.poses)-1)
	var d Drawing
	for i := 0; i <= steps; i++ {
		f.draw(&d, float64(i)/float64(steps), Left)
		d.extend(&b)
	}
	if d.Floor {
		b.MinY = min(b.MinY, 0)
	}
	if math.IsInf(b.MinX, 0) {
		return Box{-0.5, 0.5, 0, 1}
	}
	return b
}

// extend grows b to hold the drawing.
func (d *Drawing) extend(b *Box) {
	for _, s := range d.Segments {
		b.add(s.A)
		b.add(s.B)
	}
	for _, c := range d.Circles {
		b.add(Point{c.C.X - c.R, c.C.Y - c.R})
		b.add(Point{c.C.X + c.R, c.C.Y + c.R})
	}
}

// Box is the box the drawing fills.
func (d *Drawing) Box() Box {
	b := emptyBox()
	d.extend(&b)
	return b
}

// slotTable maps the names a pose uses to the places of a joint vector.
type slotTable struct {
	n     int
	index map[string][]int
	// level orders the names a pose applies: a group for both sides
	// (toes), a group for one side (left_toes), a joint for both sides
	// (big_toe), a joint for one side (left_big_toe). Each wins over those
	// before it, whatever order the pose writes them in.
	level map[string]int
}

func (t *slotTable) one(name string) int { return t.index[name][0] }

// pair is a paired joint's slots, left then right.
func (t *slotTable) pair(name string) [2]int {
	return [2]int{t.index["left_"+name][0], t.index["right_"+name][0]}
}

var bodyTable, handTable = buildTable(exercises.BodyJoints), buildTable(exercises.HandJoints)

func tableFor(v exercises.FigureView) *slotTable {
	if v == exercises.ViewHand {
		return handTable
	}
	return bodyTable
}

func buildTable(joints []exercises.Joint) *slotTable {
	t := &slotTable{index: map[string][]int{}, level: map[string]int{}}
	sides := func(j exercises.Joint) []string {
		if j.Paired {
			return []string{"left_", "right_"}
		}
		return []string{""}
	}
	for _, j := range joints {
		if len(j.Group) > 0 {
			continue
		}
		for _, side := range sides(j) {
			t.index[side+j.Name] = []int{t.n}
			t.level[side+j.Name] = 2
			if side != "" {
				t.level[side+j.Name] = 3
				t.index[j.Name] = append(t.index[j.Name], t.n)
				t.level[j.Name] = 2
			}
			t.n++
		}
	}
	for _, j := range joints {
		for _, m := range j.Group {
			for _, side := range sides(j) {
				t.index[side+j.Name] = append(t.index[side+j.Name], t.index[side+m]...)
				t.level[side+j.Name] = 0
				t.level[j.Name] = 0
				if side != "" {
					t.level[side+j.Name] = 1
					t.index[j.Name] = append(t.index[j.Name], t.index[side+m]...)
				}
			}
		}
	}
	return t
}

// Alt is the words a screen reader says for an exercise's figure: the
// figure's own alt, else the exercise's summary, cleaned of anything a
// page or a terminal would read as markup.
func Alt(x *exercises.Exercise) string {
	if x.Figure != nil && x.Figure.Alt != "" {
		return exercises.Clean(x.Figure.Alt, false)
	}
	return exercises.Clean(x.Summary, false)
}
