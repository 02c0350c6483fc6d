package figure

import (
	"math"

	"limber/exercises"
)

// Props are drawn in the figure's own space, so that one chair serves every
// view; a ball and a bowl look the same from anywhere and are drawn on the
// page directly.

// Sizes of props, in standing heights.
const (
	seatHigh    = 0.265
	seatDepth   = 0.24
	seatHalf    = 0.13
	chairBack   = 0.56
	armHigh     = 0.38
	counterHigh = 0.53
	counterDeep = 0.3
	counterHalf = 0.35
	wallHigh    = 1.15
	wallHalf    = 0.4
	stepWide    = 0.2
	stepHigh    = 0.12
	stepHalf    = 0.12
	towelWide   = 0.2
	towelHalf   = 0.09
	towelThick  = 0.012
	ballR       = 0.04
	bowlWide    = 0.22
)

func (f *Figure) drawProps(d *Drawing, sk *skeleton, cam camera) {
	pn := &pen{f: f, d: d, sk: sk, cam: cam, first: len(d.Segments), hand: f.view == exercises.ViewHand, unit: 1}
	if pn.hand {
		// In the hand view lengths are hand lengths: about nine to a height.
		pn.unit = 5
	}
	for _, p := range f.props {
		if cam.feet && (p.Kind == exercises.PropChair || p.Kind == exercises.PropCounter || p.Kind == exercises.PropWall) {
			continue // a close-up of the feet shows what is on the floor
		}
		if draw := propDrawers[p.Kind]; draw != nil {
			draw(pn, p)
		}
	}
}

// propDrawers draw each kind of prop.
var propDrawers = map[exercises.PropKind]func(*pen, exercises.FigureProp){
	exercises.PropChair:   (*pen).chair,
	exercises.PropCounter: (*pen).counter,
	exercises.PropWall:    (*pen).wall,
	exercises.PropStep:    (*pen).step,
	exercises.PropTowel:   (*pen).towel,
	exercises.PropBand:    (*pen).band,
	exercises.PropBall:    (*pen).ball,
	exercises.PropBowl:    (*pen).container,
	exercises.PropBag:     (*pen).container,
}

// pen draws props into a drawing through the camera.
type pen struct {
	f     *Figure
	d     *Drawing
	sk    *skeleton
	cam   camera
	first int // the first segment of the props: repeats among them are dropped
	hand  bool
	unit  float64
}

// line draws the edge a-b once.
func (pn *pen) line(a, b vec) {
	pa, pb, ok := pn.cam.segment(a, b)
	if !ok {
		return
	}
	for _, s := range pn.d.Segments[pn.first:] {
		if near(s.A, pa) && near(s.B, pb) || near(s.A, pb) && near(s.B, pa) {
			return
		}
	}
	pn.d.Segments = append(pn.d.Segments, Segment{pa, pb, Thing})
}

// box draws a box's edges, all but those on the floor.
func (pn *pen) box(x0, x1, y0, y1, z0, z1 float64) {
	for _, z := range []float64{z0, z1} {
		pn.line(vec{x0, y1, z}, vec{x1, y1, z})
		pn.line(vec{x0, y0, z}, vec{x0, y1, z})
		pn.line(vec{x1, y0, z}, vec{x1, y1, z})
		if y0 > 0 {
			pn.line(vec{x0, y0, z}, vec{x1, y0, z})
		}
	}
	pn.line(vec{x0, y1, z0}, vec{x0, y1, z1})
	pn.line(vec{x1, y1, z0}, vec{x1, y1, z1})
	if y0 > 0 {
		pn.line(vec{x0, y0, z0}, vec{x0, y0, z1})
		pn.line(vec{x1, y0, z0}, vec{x1, y0, z1})
	}
}

// pt is a named point of the figure.
func (pn *pen) pt(name string) vec {
	p, _ := pn.sk.point(pn.f.view, name)
	return p
}

// at places a point: x runs along the view's own floor direction
// (forward in the side view, to the left in the front view, across the
// hand).
func (pn *pen) at(along, y, across float64) vec {
	if pn.f.view == exercises.ViewSide {
		return vec{along, y, across}
	}
	return vec{across, y, along}
}

// orDefault is the prop's own value where it gives one.
func orDefault(p exercises.FigureProp, has exercises.PropHas, v, def float64) float64 {
	if p.Has&has != 0 {
		return v
	}
	return def
}

// chair faces the way the person faces, its back behind.
func (pn *pen) chair(p exercises.FigureProp) {
	o := vec{p.X, 0, 0}
	if pn.f.view != exercises.ViewSide {
		o = vec{-0.05, 0, p.X}
	}
	c := func(ax, y, az float64) vec { return o.add(vec{ax, y, az}) }
	const b, fr = -seatDepth / 2, seatDepth / 2
	pn.line(c(b, seatHigh, -seatHalf), c(fr, seatHigh, -seatHalf))
	pn.line(c(b, seatHigh, seatHalf), c(fr, seatHigh, seatHalf))
	pn.line(c(b, seatHigh, -seatHalf), c(b, seatHigh, seatHalf))
	pn.line(c(fr, seatHigh, -seatHalf), c(fr, seatHigh, seatHalf))
	// Seen from the front the back is hidden by whoever sits there.
	back := math.Abs(pn.cam.sy) > 0.5
	for _, z := range []float64{-seatHalf, seatHalf} {
		top := seatHigh
		if back {
			top = chairBack
		}
		pn.line(c(b, 0, z), c(b, top, z))
		pn.line(c(fr, 0, z), c(fr, seatHigh, z))
		if p.Arms {
			pn.line(c(b, armHigh, z), c(fr, armHigh, z))
			pn.line(c(fr, seatHigh, z), c(fr, armHigh, z))
		}
	}
	if back {
		pn.line(c(b, chairBack, -seatHalf), c(b, chairBack, seatHalf))
	}
}

func (pn *pen) counter(p exercises.FigureProp) {
	x := p.X
	y := orDefault(p, exercises.HasY, p.Y, counterHigh)
	w := orDefault(p, exercises.HasW, p.W, counterDeep)
	switch {
	case pn.hand:
		pn.line(pn.at(x, y, -0.3), pn.at(x+w, y, -0.3))
	case p.Along:
		// Beside the person, on their left, as long as the frame.
		pn.box(-0.8, 0.8, 0, y, 0.22, 0.22+w)
	case pn.f.view == exercises.ViewFront:
		// In front of the person, x moves it to the side.
		pn.box(0.22, 0.22+w, 0, y, x-counterHalf, x+counterHalf)
	default:
		x0, x1 := x, x+w
		if x < 0 && p.Has&exercises.HasW == 0 {
			x0, x1 = x-w, x // behind the person, it runs away behind
		}
		pn.box(x0, x1, 0, y, -counterHalf, counterHalf)
	}
}

func (pn *pen) wall(p exercises.FigureProp) {
	for _, z := range []float64{-wallHalf, wallHalf} {
		pn.line(pn.at(p.X, 0, z), pn.at(p.X, wallHigh, z))
	}
	pn.line(pn.at(p.X, wallHigh, -wallHalf), pn.at(p.X, wallHigh, wallHalf))
}

func (pn *pen) step(p exercises.FigureProp) {
	w := orDefault(p, exercises.HasW, p.W, stepWide)
	h := orDefault(p, exercises.HasH, p.H, stepHigh)
	a, b := pn.at(p.X-w/2, 0, -stepHalf), pn.at(p.X+w/2, h, stepHalf)
	pn.box(min(a.x, b.x), max(a.x, b.x), 0, h, min(a.z, b.z), max(a.z, b.z))
}

func (pn *pen) towel(p exercises.FigureProp) {
	if p.From != "" {
		pn.line(pn.pt(p.From), pn.pt(p.To))
		return
	}
	x := p.X
	w := orDefault(p, exercises.HasW, p.W, towelWide*pn.unit)
	y := orDefault(p, exercises.HasY, p.Y, 0)
	th := towelThick * pn.unit
	if pn.hand {
		pn.line(pn.at(x, y, -0.25), pn.at(x+w, y, -0.25))
		pn.line(pn.at(x, y+th, -0.25), pn.at(x+w, y+th, -0.25))
		return
	}
	a, b := pn.at(x, y, -towelHalf), pn.at(x+w, y+th, towelHalf)
	pn.box(min(a.x, b.x), max(a.x, b.x), y, y+th, min(a.z, b.z), max(a.z, b.z))
}

func (pn *pen) band(p exercises.FigureProp) {
	if p.From != "" {
		pn.line(pn.pt(p.From), pn.pt(p.To))
		return
	}
	for i, name := range p.Around {
		pn.line(pn.pt(name), pn.pt(p.Around[(i+1)%len(p.Around)]))
	}
}

func (pn *pen) ball(p exercises.FigureProp) {
	r := orDefault(p, exercises.HasR, p.R, ballR*pn.unit)
	c := pn.at(p.X, orDefault(p, exercises.HasY, p.Y, r), 0)
	if p.At != "" {
		// At a point of the figure, x and y move it from there.
		c = pn.pt(p.At).add(pn.at(p.X, p.Y, 0))
	}
	pc, _ := pn.cam.project(c)
	pn.d.Circles = append(pn.d.Circles, Circle{pc, r, Thing})
}

// container is a bowl or a bag.
func (pn *pen) container(p exercises.FigureProp) {
	w := orDefault(p, exercises.HasW, p.W, bowlWide*pn.unit)
	pc, _ := pn.cam.project(pn.at(p.X, orDefault(p, exercises.HasY, p.Y, 0), 0))
	if p.Kind == exercises.PropBowl {
		bowl(pn.d, pc, w)
	} else {
		bag(pn.d, pc, w)
	}
}

// bowl draws a bowl standing at base: its rim and a rounded side.
func bowl(d *Drawing, base Point, w float64) {
	h := w * 0.42
	const n = 8
	prev := Point{base.X - w/2, base.Y + h}
	for i := 1; i <= n; i++ {
		a := math.Pi * float64(i) / n
		p := Point{base.X - w/2*math.Cos(a), base.Y + h - h*math.Sin(a)}
		d.Segments = append(d.Segments, Segment{prev, p, Thing})
		prev = p
	}
	d.Segments = append(d.Segments, Segment{Point{base.X - w/2 - 0.01, base.Y + h}, Point{base.X + w/2 + 0.01, base.Y + h}, Thing})
}

// bag draws a cloth bag standing at base, open at the top.
func bag(d *Drawing, base Point, w float64) {
	h := w * 1.1
	pts := []Point{
		{base.X - w*0.3, base.Y + h}, {base.X - w*0.42, base.Y + h*0.55}, {base.X - w/2, base.Y + h*0.1},
		{base.X - w*0.42, base.Y}, {base.X + w*0.42, base.Y}, {base.X + w/2, base.Y + h*0.1},
		{base.X + w*0.42, base.Y + h*0.55}, {base.X + w*0.3, base.Y + h},
	}
	for i := 1; i < len(pts); i++ {
		d.Segments = append(d.Segments, Segment{pts[i-1], pts[i], Thing})
	}
}

func near(a, b Point) bool { return math.Abs(a.X-b.X) < 1e-6 && math.Abs(a.Y-b.Y) < 1e-6 }
