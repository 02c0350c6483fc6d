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
	hand := f.view == exercises.ViewHand
	// In the hand view lengths are hand lengths: about nine to a height.
	unit := 1.0
	if hand {
		unit = 5
	}
	first := len(d.Segments)
	line := func(a, b vec) {
		pa, pb, ok := cam.segment(a, b)
		if !ok {
			return
		}
		for _, s := range d.Segments[first:] {
			if near(s.A, pa) && near(s.B, pb) || near(s.A, pb) && near(s.B, pa) {
				return
			}
		}
		d.Segments = append(d.Segments, Segment{pa, pb, Thing})
	}
	// box draws a box's edges, all but those on the floor.
	box := func(x0, x1, y0, y1, z0, z1 float64) {
		for _, z := range []float64{z0, z1} {
			line(vec{x0, y1, z}, vec{x1, y1, z})
			line(vec{x0, y0, z}, vec{x0, y1, z})
			line(vec{x1, y0, z}, vec{x1, y1, z})
			if y0 > 0 {
				line(vec{x0, y0, z}, vec{x1, y0, z})
			}
		}
		line(vec{x0, y1, z0}, vec{x0, y1, z1})
		line(vec{x1, y1, z0}, vec{x1, y1, z1})
		if y0 > 0 {
			line(vec{x0, y0, z0}, vec{x0, y0, z1})
			line(vec{x1, y0, z0}, vec{x1, y0, z1})
		}
	}
	pt := func(name string) vec {
		p, _ := sk.point(f.view, name)
		return p
	}
	for _, p := range f.props {
		if cam.feet && (p.Kind == exercises.PropChair || p.Kind == exercises.PropCounter || p.Kind == exercises.PropWall) {
			continue // a close-up of the feet shows what is on the floor
		}
		// x runs along the view's own floor direction: forward in the side
		// view, to the left in the front view, across the hand.
		x := p.X
		at := func(along, y, across float64) vec {
			switch f.view {
			case exercises.ViewSide:
				return vec{along, y, across}
			}
			return vec{across, y, along}
		}
		orDefault := func(has exercises.PropHas, v, def float64) float64 {
			if p.Has&has != 0 {
				return v
			}
			return def
		}
		switch p.Kind {
		case exercises.PropChair:
			// The chair faces the way the person faces, its back behind.
			o := vec{x, 0, 0}
			if f.view != exercises.ViewSide {
				o = vec{-0.05, 0, x}
			}
			c := func(ax, y, az float64) vec { return o.add(vec{ax, y, az}) }
			const b, fr = -seatDepth / 2, seatDepth / 2
			line(c(b, seatHigh, -seatHalf), c(fr, seatHigh, -seatHalf))
			line(c(b, seatHigh, seatHalf), c(fr, seatHigh, seatHalf))
			line(c(b, seatHigh, -seatHalf), c(b, seatHigh, seatHalf))
			line(c(fr, seatHigh, -seatHalf), c(fr, seatHigh, seatHalf))
			// Seen from the front the back is hidden by whoever sits there.
			back := math.Abs(cam.sy) > 0.5
			for _, z := range []float64{-seatHalf, seatHalf} {
				top := seatHigh
				if back {
					top = chairBack
				}
				line(c(b, 0, z), c(b, top, z))
				line(c(fr, 0, z), c(fr, seatHigh, z))
				if p.Arms {
					line(c(b, armHigh, z), c(fr, armHigh, z))
					line(c(fr, seatHigh, z), c(fr, armHigh, z))
				}
			}
			if back {
				line(c(b, chairBack, -seatHalf), c(b, chairBack, seatHalf))
			}
		case exercises.PropCounter:
			y := orDefault(exercises.HasY, p.Y, counterHigh)
			w := orDefault(exercises.HasW, p.W, counterDeep)
			switch {
			case hand:
				line(at(x, y, -0.3), at(x+w, y, -0.3))
			case p.Along:
				// Beside the person, on their left, as long as the frame.
				box(-0.8, 0.8, 0, y, 0.22, 0.22+w)
			case f.view == exercises.ViewFront:
				// In front of the person, x moves it to the side.
				box(0.22, 0.22+w, 0, y, x-counterHalf, x+counterHalf)
			default:
				x0, x1 := x, x+w
				if x < 0 && p.Has&exercises.HasW == 0 {
					x0, x1 = x-w, x // behind the person, it runs away behind
				}
				box(x0, x1, 0, y, -counterHalf, counterHalf)
			}
		case exercises.PropWall:
			for _, z := range []float64{-wallHalf, wallHalf} {
				line(at(x, 0, z), at(x, wallHigh, z))
			}
			line(at(x, wallHigh, -wallHalf), at(x, wallHigh, wallHalf))
		case exercises.PropStep:
			w := orDefault(exercises.HasW, p.W, stepWide)
			h := orDefault(exercises.HasH, p.H, stepHigh)
			a, b := at(x-w/2, 0, -stepHalf), at(x+w/2, h, stepHalf)
			box(min(a.x, b.x), max(a.x, b.x), 0, h, min(a.z, b.z), max(a.z, b.z))
		case exercises.PropTowel:
			if p.From != "" {
				line(pt(p.From), pt(p.To))
				break
			}
			w := orDefault(exercises.HasW, p.W, towelWide*unit)
			y := orDefault(exercises.HasY, p.Y, 0)
			th := towelThick * unit
			if hand {
				line(at(x, y, -0.25), at(x+w, y, -0.25))
				line(at(x, y+th, -0.25), at(x+w, y+th, -0.25))
				break
			}
			a, b := at(x, y, -towelHalf), at(x+w, y+th, towelHalf)
			box(min(a.x, b.x), max(a.x, b.x), y, y+th, min(a.z, b.z), max(a.z, b.z))
		case exercises.PropBand:
			if p.From != "" {
				line(pt(p.From), pt(p.To))
				break
			}
			for i, name := range p.Around {
				line(pt(name), pt(p.Around[(i+1)%len(p.Around)]))
			}
		case exercises.PropBall:
			r := orDefault(exercises.HasR, p.R, ballR*unit)
			c := at(x, orDefault(exercises.HasY, p.Y, r), 0)
			if p.At != "" {
				// At a point of the figure, x and y move it from there.
				c = pt(p.At).add(at(x, p.Y, 0))
			}
			pc, _ := cam.project(c)
			d.Circles = append(d.Circles, Circle{pc, r, Thing})
		case exercises.PropBowl, exercises.PropBag:
			w := orDefault(exercises.HasW, p.W, bowlWide*unit)
			pc, _ := cam.project(at(x, orDefault(exercises.HasY, p.Y, 0), 0))
			if p.Kind == exercises.PropBowl {
				bowl(d, pc, w)
			} else {
				bag(d, pc, w)
			}
		}
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
