package figure

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"testing"

	"limber/content"
	"limber/exercises"
)

func builtIn(t testing.TB) *exercises.Library {
	t.Helper()
	lib, errs := exercises.Load(exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"})
	if len(errs) > 0 {
		t.Fatalf("built-in content: %v", errs)
	}
	return lib
}

// figures are every built-in exercise that has a figure, by id.
func figures(t testing.TB) map[string]*Figure {
	t.Helper()
	out := map[string]*Figure{}
	for _, x := range builtIn(t).Exercises() {
		if x.Figure != nil {
			out[x.ID] = New(x.Figure)
		}
	}
	if len(out) < 60 {
		t.Fatalf("only %d built-in figures", len(out))
	}
	return out
}

// moments are the places on the way from the first pose to the last that
// the property tests look at: every pose and many between.
func moments() []float64 {
	var out []float64
	for i := 0; i <= 40; i++ {
		out = append(out, float64(i)/40)
	}
	return out
}

func finite(p Point) bool {
	return !math.IsNaN(p.X) && !math.IsNaN(p.Y) && !math.IsInf(p.X, 0) && !math.IsInf(p.Y, 0)
}

// Every built-in figure, at every moment and on both sides, draws lines
// of real length between real points, and circles of real size.
func TestBuiltInFiguresHaveNoDegenerateLines(t *testing.T) {
	for id, f := range figures(t) {
		for _, side := range []Side{Left, Right} {
			for _, m := range moments() {
				d := f.Draw(m, side)
				if len(d.Segments) < 8 {
					t.Errorf("%s at %.3f: only %d lines", id, m, len(d.Segments))
				}
				for _, s := range d.Segments {
					if !finite(s.A) || !finite(s.B) {
						t.Fatalf("%s at %.3f: a line %v is not finite", id, m, s)
					}
					if l := math.Hypot(s.B.X-s.A.X, s.B.Y-s.A.Y); l < minLen {
						t.Fatalf("%s at %.3f: a line of length %g", id, m, l)
					}
				}
				for _, c := range d.Circles {
					if !finite(c.C) || !(c.R > 0) || math.IsInf(c.R, 0) {
						t.Fatalf("%s at %.3f: a circle %v", id, m, c)
					}
				}
			}
		}
	}
}

// frameCheck draws a figure as its own view sees it straight on (no turn,
// tilt or zoom), so that page and frame share their axes.
func frameCheck(f *Figure, m float64, side Side) Drawing {
	g := *f
	g.turn, g.tilt, g.zoom = 0, 0, ""
	return g.Draw(m, side)
}

// outside lists what of a drawing lies outside a frame.
func outside(d Drawing, fr exercises.Frame) []string {
	const eps = 1e-9
	var out []string
	in := func(p Point) bool {
		return p.X >= fr.MinX-eps && p.X <= fr.MaxX+eps && p.Y >= fr.MinY-eps && p.Y <= fr.MaxY+eps
	}
	for _, s := range d.Segments {
		if !in(s.A) || !in(s.B) {
			out = append(out, fmt.Sprintf("line %.3f,%.3f to %.3f,%.3f", s.A.X, s.A.Y, s.B.X, s.B.Y))
		}
	}
	for _, c := range d.Circles {
		if !in(Point{c.C.X - c.R, c.C.Y - c.R}) || !in(Point{c.C.X + c.R, c.C.Y + c.R}) {
			out = append(out, fmt.Sprintf("circle at %.3f,%.3f r %.3f", c.C.X, c.C.Y, c.R))
		}
	}
	return out
}

// Every built-in figure stays inside its view's frame, at every moment,
// on both sides.
func TestBuiltInFiguresStayInTheirFrame(t *testing.T) {
	for id, f := range figures(t) {
		fr := exercises.FigureFrame(f.view)
		for _, side := range []Side{Left, Right} {
			for _, m := range moments() {
				if out := outside(frameCheck(f, m, side), fr); len(out) > 0 {
					t.Errorf("%s side %d at %.3f: outside the frame: %s", id, side, m, strings.Join(out, "; "))
					break
				}
			}
		}
	}
}

// The frame check can fail: a figure that reaches past its frame is
// caught, at the frame's edge and just past it.
func TestFrameCheckCatchesAFigureOutside(t *testing.T) {
	fig := func(shoulder float64) *Figure {
		return New(&exercises.Figure{View: exercises.ViewFront, Poses: []exercises.FigurePose{
			{Joints: []exercises.JointAngle{{Name: "shoulder_out", Deg: shoulder}}},
			{Joints: []exercises.JointAngle{{Name: "shoulder_out", Deg: shoulder}}},
		}})
	}
	if out := outside(frameCheck(fig(90), 0, Left), exercises.FigureFrame(exercises.ViewFront)); len(out) > 0 {
		t.Errorf("arms out to the side leave the front frame: %v", out)
	}
	narrow := exercises.Frame{MinX: -0.4, MaxX: 0.4, MinY: 0, MaxY: 1.25}
	if out := outside(frameCheck(fig(90), 0, Left), narrow); len(out) == 0 {
		t.Error("arms out to the side fit a frame 0.8 wide")
	}
	// The fingertips of an arm straight out reach 0.1 + 0.17 + 0.145 +
	// 0.06 + 0.05 from the middle.
	reach := shoulderHalf + upperArm + foreArm + palmLen + fingerLen
	for _, c := range []struct {
		edge float64
		ok   bool
	}{{reach + 0.001, true}, {reach - 0.001, false}} {
		fr := exercises.Frame{MinX: -c.edge, MaxX: c.edge, MinY: 0, MaxY: 1.25}
		if out := outside(frameCheck(fig(90), 0, Left), fr); (len(out) == 0) != c.ok {
			t.Errorf("frame edge %.3f: outside %v, want ok %v", c.edge, out, c.ok)
		}
	}
}

// The right side is the left side's mirror image, exactly.
func TestRightIsTheMirrorOfLeft(t *testing.T) {
	for id, f := range figures(t) {
		for _, m := range []float64{0, 0.3, 1} {
			l, r := f.Draw(m, Left), f.Draw(m, Right)
			if len(l.Segments) != len(r.Segments) || len(l.Circles) != len(r.Circles) {
				t.Fatalf("%s: %d and %d lines", id, len(l.Segments), len(r.Segments))
			}
			for i, s := range l.Segments {
				w := Segment{Point{-s.A.X, s.A.Y}, Point{-s.B.X, s.B.Y}, s.Kind}
				if r.Segments[i] != w {
					t.Fatalf("%s at %.1f: line %d is %v on the right, %v mirrored", id, m, i, r.Segments[i], w)
				}
			}
		}
	}
}

// The body is built symmetrically: a pose with its sides swapped, seen
// from the other side, draws the mirror image of the pose. This catches a
// joint that turns the wrong way on one side.
func TestBodyIsSymmetric(t *testing.T) {
	swap := func(a []float64) []float64 {
		b := slices.Clone(a)
		for _, j := range exercises.BodyJoints {
			if j.Paired {
				p := bodyTable.pair(j.Name)
				b[p[0]], b[p[1]] = a[p[1]], a[p[0]]
			}
		}
		// Turns and side bends to the left become turns to the right.
		for _, name := range []string{"trunk_side", "trunk_turn", "body_turn", "head_turn"} {
			b[bodyTable.one(name)] = -a[bodyTable.one(name)]
		}
		return b
	}
	num := func(f float64) string { return strings.Replace(fmt.Sprintf("%.6f", f), "-0.000000", "0.000000", 1) }
	key := func(d Drawing) []string {
		var out []string
		for _, s := range d.Segments {
			if s.Kind == Thing {
				continue // a counter along one side is not symmetric
			}
			a, b := num(s.A.X)+","+num(s.A.Y), num(s.B.X)+","+num(s.B.Y)
			if b < a {
				a, b = b, a
			}
			out = append(out, a+" "+b)
		}
		for _, c := range d.Circles {
			if c.Kind != Thing {
				out = append(out, "o "+num(c.C.X)+","+num(c.C.Y)+" "+num(c.R))
			}
		}
		sort.Strings(out)
		return out
	}
	checked := 0
	for id, f := range figures(t) {
		if !f.view.Body() {
			continue
		}
		base := 0.0
		if f.view == exercises.ViewSide {
			base = 90
		}
		feet := f.zoom == exercises.ZoomFeet
		for _, m := range []float64{0, 0.5, 1} {
			var buf [64]float64
			a := f.angles(m, buf[:0])
			var mine, other Drawing
			f.drawAt(&mine, a, cameraAt(base+f.turn, f.tilt, feet), Right)
			f.drawAt(&other, swap(a), cameraAt(-(base+f.turn), f.tilt, feet), Left)
			km, ko := key(mine), key(other)
			if strings.Join(km, "\n") != strings.Join(ko, "\n") {
				t.Errorf("%s at %.1f: the mirror image is not the other side's pose", id, m)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d moments checked", checked)
	}
}

// A pose starts from the one before; a side's own joint wins over both
// sides', whatever the order; a toe or finger's own joint over its group.
func TestPosesBuildOnEachOther(t *testing.T) {
	pose := func(kv ...any) exercises.FigurePose {
		var p exercises.FigurePose
		for i := 0; i < len(kv); i += 2 {
			p.Joints = append(p.Joints, exercises.JointAngle{Name: kv[i].(string), Deg: float64(kv[i+1].(int))})
		}
		return p
	}
	f := New(&exercises.Figure{View: exercises.ViewSide, Poses: []exercises.FigurePose{
		pose("left_knee", 20, "knee", 90, "toes", 10, "big_toe", -5),
		pose("trunk", 30),
		pose("knee", 0, "right_toes", 40),
	}})
	got := func(p int, name string) float64 { return f.poses[p][bodyTable.index[name][0]] }
	for _, c := range []struct {
		pose int
		name string
		want float64
	}{
		{0, "left_knee", 20}, {0, "right_knee", 90}, {0, "left_big_toe", -5}, {0, "left_small_toes", 10}, {0, "trunk", 0},
		{1, "left_knee", 20}, {1, "trunk", 30}, {1, "right_big_toe", -5},
		{2, "left_knee", 0}, {2, "trunk", 30}, {2, "right_small_toes", 40}, {2, "right_big_toe", 40}, {2, "left_big_toe", -5},
	} {
		if g := got(c.pose, c.name); g != c.want {
			t.Errorf("pose %d %s = %v, want %v", c.pose, c.name, g, c.want)
		}
	}
	h := New(&exercises.Figure{View: exercises.ViewHand, Poses: []exercises.FigurePose{
		pose("index_mcp", 10, "fingers_mcp", 80), pose("wrist", 5),
	}})
	if h.poses[1][hFinger[0][0]] != 10 || h.poses[1][hFinger[3][0]] != 80 || h.poses[1][hWrist] != 5 {
		t.Errorf("hand poses %v", h.poses)
	}
	// Half way between two poses, every angle is half way.
	var buf [64]float64
	mid := f.angles(0.25, buf[:0])
	if v := mid[bodyTable.one("trunk")]; v != 15 {
		t.Errorf("a quarter of the way through three poses the trunk is at %v, want 15", v)
	}
}

func TestAnchor(t *testing.T) {
	sit := exercises.FigurePose{Joints: []exercises.JointAngle{{Name: "hip", Deg: 90}, {Name: "knee", Deg: 90}}}
	stand := exercises.FigurePose{Joints: []exercises.JointAngle{{Name: "hip", Deg: 0}, {Name: "knee", Deg: 0}}}
	half := exercises.FigurePose{Joints: []exercises.JointAngle{{Name: "hip", Deg: 45}, {Name: "left_hip", Deg: 44}}}
	for _, c := range []struct {
		poses []exercises.FigurePose
		given string
		want  string
	}{
		{[]exercises.FigurePose{sit, stand}, "", exercises.AnchorSeat},
		{[]exercises.FigurePose{stand, sit}, "", exercises.AnchorFeet},
		{[]exercises.FigurePose{sit, stand}, exercises.AnchorFeet, exercises.AnchorFeet},
		{[]exercises.FigurePose{half, stand}, "", exercises.AnchorFeet}, // one hip at 44
	} {
		f := New(&exercises.Figure{View: exercises.ViewSide, Anchor: c.given, Poses: c.poses})
		if f.anchor != c.want {
			t.Errorf("anchor %q, want %q", f.anchor, c.want)
		}
	}
	// Standing, the lowest point is on the floor; sitting, the hips rest
	// on the seat, even with both feet lifted.
	f := New(&exercises.Figure{View: exercises.ViewSide, Poses: []exercises.FigurePose{sit,
		{Joints: []exercises.JointAngle{{Name: "knee", Deg: 10}}}}})
	for _, m := range []float64{0, 1} {
		var buf [64]float64
		sk := bodySkeleton(f.angles(m, buf[:0]), f.anchor)
		if hips, _ := sk.point(exercises.ViewSide, "hips"); math.Abs(hips.y-seatHip) > 1e-9 {
			t.Errorf("seated at %v: hips at %.4f, want %.4f", m, hips.y, seatHip)
		}
	}
	g := New(&exercises.Figure{View: exercises.ViewSide, Poses: []exercises.FigurePose{stand,
		{Joints: []exercises.JointAngle{{Name: "ankle", Deg: -30}, {Name: "right_knee", Deg: 60}}}}})
	for _, m := range []float64{0, 0.5, 1} {
		d := g.Draw(m, Left)
		b := d.Box()
		if math.Abs(b.MinY) > 1e-9 {
			t.Errorf("standing at %v: the lowest point is at %.4f", m, b.MinY)
		}
	}
}

// Each point props attach to exists in its view's skeleton.
func TestEveryPointIsBuilt(t *testing.T) {
	var buf [64]float64
	body := bodySkeleton(make([]float64, bodyTable.n), exercises.AnchorFeet)
	hand := handSkeleton(buf[:handTable.n])
	for _, c := range []struct {
		v  exercises.FigureView
		sk *skeleton
	}{{exercises.ViewSide, &body}, {exercises.ViewHand, &hand}} {
		seen := map[vec]string{}
		for _, name := range exercises.FigurePoints(c.v) {
			p, ok := c.sk.point(c.v, name)
			if !ok {
				t.Errorf("%s: no point %s", c.v, name)
			}
			if other, dup := seen[p]; dup && name != "hips" {
				t.Errorf("%s: %s is where %s is: never set?", c.v, name, other)
			}
			seen[p] = name
		}
	}
}
