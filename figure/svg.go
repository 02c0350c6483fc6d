package figure

import (
	"math"
	"strconv"
	"strings"
)

// SVGOptions say how to draw a figure as SVG.
type SVGOptions struct {
	// Title names the picture and Desc describes it, for screen readers;
	// both are plain text, escaped here.
	Title, Desc string
	// Height is the height of the drawing in CSS pixels (default 120).
	Height float64
	Side   Side
	// Ends draws only the first pose and the last.
	Ends bool
}

// Colours and strokes of the printed figure: the near side darkest, the
// far side grey, props lighter and thinner. Black on white, so that a
// photocopy keeps them apart.
const (
	svgNear  = `stroke="#111" stroke-width="2.6"`
	svgFar   = `stroke="#8c8c8c" stroke-width="2.2"`
	svgThing = `stroke="#777" stroke-width="1.4"`
	svgFloor = `stroke="#aaa" stroke-width="1.2"`
)

// SVG draws every pose of the figure side by side, first to last, with an
// arrow between each pose and the next, as one <svg role="img"> element
// with a title and a description.
func (f *Figure) SVG(o SVGOptions) string {
	h := o.Height
	if !(h > 0) {
		h = 120
	}
	bb := f.Bounds(o.Side)
	pad := 0.06 * max(bb.W(), bb.H())
	bb.MinX, bb.MaxX, bb.MinY, bb.MaxY = bb.MinX-pad, bb.MaxX+pad, bb.MinY-pad, bb.MaxY+pad
	scale := h / bb.H()
	pw := bb.W() * scale
	aw := math.Max(22, 0.22*h) // room for an arrow
	poses := make([]int, f.Poses())
	for i := range poses {
		poses[i] = i
	}
	if o.Ends && len(poses) > 2 {
		poses = []int{0, len(poses) - 1}
	}
	n := len(poses)
	w := float64(n)*pw + float64(n-1)*aw

	var b strings.Builder
	b.Grow(2048 * n)
	b.WriteString(`<svg class="figure" role="img" viewBox="0 0 `)
	b.WriteString(num(w) + " " + num(h) + `" width="` + num(w) + `" height="` + num(h) + `">`)
	b.WriteString("<title>" + xmlEscape(o.Title) + "</title>")
	b.WriteString("<desc>" + xmlEscape(o.Desc) + "</desc>")
	b.WriteString(`<g fill="none" stroke-linecap="round" stroke-linejoin="round">`)
	var d Drawing
	for i, pose := range poses {
		x0 := float64(i) * (pw + aw)
		at := func(p Point) (string, string) {
			return num(x0 + (p.X-bb.MinX)*scale), num((bb.MaxY - p.Y) * scale)
		}
		f.DrawInto(&d, f.PoseAt(pose), o.Side)
		if d.Floor {
			fy := num(bb.MaxY * scale)
			b.WriteString(`<path ` + svgFloor + ` d="M` + num(x0) + " " + fy + "H" + num(x0+pw) + `"/>`)
		}
		for _, k := range []Kind{Thing, Far, Near} {
			var path strings.Builder
			for _, s := range d.Segments {
				if s.Kind != k {
					continue
				}
				ax, ay := at(s.A)
				bx, by := at(s.B)
				path.WriteString("M" + ax + " " + ay + "L" + bx + " " + by)
			}
			for _, c := range d.Circles {
				if c.Kind != k {
					continue
				}
				_, cy := at(c.C)
				r := num(c.R * scale)
				// A circle as two arcs, so that it joins its kind's path.
				path.WriteString("M" + num(x0+(c.C.X-c.R-bb.MinX)*scale) + " " + cy + "a" + r + " " + r + " 0 1 0 " + num(2*c.R*scale) + " 0" +
					"a" + r + " " + r + " 0 1 0 " + num(-2*c.R*scale) + " 0")
			}
			if path.Len() > 0 {
				b.WriteString(`<path ` + map[Kind]string{Near: svgNear, Far: svgFar, Thing: svgThing}[k] + ` d="` + path.String() + `"/>`)
			}
		}
		if i+1 < n {
			// An arrow from this pose to the next, at mid height.
			ax0, ax1, ay := x0+pw+aw*0.15, x0+pw+aw*0.85, h*0.5
			hd := aw * 0.22
			b.WriteString(`<path stroke="#444" stroke-width="2" d="M` + num(ax0) + " " + num(ay) + "H" + num(ax1) +
				"M" + num(ax1-hd) + " " + num(ay-hd) + "L" + num(ax1) + " " + num(ay) + "L" + num(ax1-hd) + " " + num(ay+hd) + `"/>`)
		}
	}
	b.WriteString("</g></svg>")
	return b.String()
}

// num writes a coordinate with at most one decimal.
func num(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

func xmlEscape(s string) string { return xmlEscaper.Replace(s) }
