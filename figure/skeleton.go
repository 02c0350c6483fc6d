package figure

import (
	"math"

	"limber/exercises"
)

// A skeleton is one moment of a figure in its own space: bones, heads and
// the named points props attach to, before the camera flattens them.

type bone struct {
	a, b vec
	side int8 // 0 the middle of the body, 1 left, -1 right
	// facing, when not zero, is the way the surface the bone is drawn on
	// faces: it shows only when it faces the viewer (a palm's creases).
	facing vec
	// leg marks a shin and foot a foot: what a close-up of the feet
	// shows (from above, only the feet).
	leg, foot bool
}

type sphere struct {
	c    vec
	r    float64
	side int8
}

const maxBones = 64

type skeleton struct {
	bones   [maxBones]bone
	nb      int
	spheres [4]sphere
	ns      int
	points  [24]vec // by pointIndex of the view
	// roots are the left and right sides' roots (shoulders or hips), to
	// tell the near side from the far one.
	rootL, rootR vec
}

func (s *skeleton) line(a, b vec, side int8) { s.add(bone{a: a, b: b, side: side}) }

func (s *skeleton) add(b bone) {
	if s.nb < maxBones {
		s.bones[s.nb] = b
		s.nb++
	}
}

func (s *skeleton) ball(c vec, r float64, side int8) {
	if s.ns < len(s.spheres) {
		s.spheres[s.ns] = sphere{c, r, side}
		s.ns++
	}
}

// camera flattens the figure's space onto the page: it looks from the
// view's direction, turned by yaw degrees to the person's left, and down by
// tilt degrees. With feet set it draws only the shins and feet, and
// what lies on the floor.
type camera struct {
	sy, cy, st, ct float64
	feet           bool
}

// shows reports whether the camera draws a bone: a close-up of the feet
// shows only shins and feet, and from well above only the feet.
func (c camera) shows(b *bone) bool {
	if !c.feet {
		return true
	}
	return b.foot || b.leg && c.st < 0.5
}

func (f *Figure) camera() camera {
	base := 0.0
	if f.view == exercises.ViewSide {
		base = 90 // from the person's left: they face the page's left
	}
	return cameraAt(base+f.turn, f.tilt, f.zoom == exercises.ZoomFeet)
}

// cameraAt is a camera turned yaw degrees to the person's left of looking
// at them from the front, and looking down by tilt degrees.
func cameraAt(yaw, tilt float64, feet bool) camera {
	sy, cy := math.Sincos(rad(yaw))
	st, ct := math.Sincos(rad(tilt))
	return camera{sy, cy, st, ct, feet}
}

// segment flattens a line onto the page; ok is false when it would be a
// dot.
func (c camera) segment(a, b vec) (Point, Point, bool) {
	pa, _ := c.project(a)
	pb, _ := c.project(b)
	return pa, pb, math.Hypot(pb.X-pa.X, pb.Y-pa.Y) >= minLen
}

// faces reports whether a surface facing n faces the viewer.
func (c camera) faces(n vec) bool {
	_, d := c.project(n)
	return d > 0.05
}

// project returns a point's place on the page and its depth (toward the
// viewer is more).
func (c camera) project(v vec) (Point, float64) {
	px := v.z*c.cy - v.x*c.sy
	depth := v.x*c.cy + v.z*c.sy
	py := v.y*c.ct - depth*c.st
	return Point{px, py}, v.y*c.st + depth*c.ct
}

// minLen is the shortest line drawn: a bone seen end-on is left out rather
// than drawn as a dot.
const minLen = 1e-3

// draw flattens the skeleton onto the page: the far side first, then the
// middle, then the near side.
func (s *skeleton) draw(d *Drawing, cam camera) {
	_, dl := cam.project(s.rootL)
	_, dr := cam.project(s.rootR)
	kindOf := func(side int8) Kind {
		switch {
		case side == 1 && dl < dr-0.01, side == -1 && dr < dl-0.01:
			return Far
		}
		return Near
	}
	for pass := range 2 {
		for i := range s.nb {
			b := &s.bones[i]
			k := kindOf(b.side)
			if (k == Far) != (pass == 0) || !cam.shows(b) {
				continue
			}
			if b.facing != (vec{}) && !cam.faces(b.facing) {
				continue
			}
			if pa, pb, ok := cam.segment(b.a, b.b); ok {
				d.Segments = append(d.Segments, Segment{pa, pb, k})
			}
		}
	}
	for i := range s.ns {
		sp := &s.spheres[i]
		if cam.feet {
			continue
		}
		c, _ := cam.project(sp.c)
		d.Circles = append(d.Circles, Circle{c, sp.r, kindOf(sp.side)})
	}
}

// Points of the views that props attach to, by name.
var pointIndex = map[exercises.FigureView]map[string]int{}

func init() {
	for _, v := range exercises.FigureViews {
		m := map[string]int{}
		for i, p := range exercises.FigurePoints(v) {
			m[p] = i
		}
		pointIndex[v] = m
	}
}

// point is a named point of the skeleton.
func (s *skeleton) point(v exercises.FigureView, name string) (vec, bool) {
	i, ok := pointIndex[v][name]
	if !ok {
		return vec{}, false
	}
	return s.points[i], true
}

func (s *skeleton) setPoint(v exercises.FigureView, name string, p vec) {
	s.points[pointIndex[v][name]] = p
}
