package figure

import "limber/exercises"

// The hand view: a left hand and its forearm, in hand lengths (wrist to the
// tip of the middle finger), fingers up, palm toward the viewer, thumb on
// the page's left.

var (
	hWrist     = handTable.one("wrist")
	hWristSide = handTable.one("wrist_side")
	hForearm   = handTable.one("forearm")
	hSpread    = handTable.one("spread")
	hThumbCMC  = handTable.one("thumb_cmc")
	hThumbOut  = handTable.one("thumb_out")
	hThumbMCP  = handTable.one("thumb_mcp")
	hThumbIP   = handTable.one("thumb_ip")
	hFinger    [4][3]int // index, middle, ring, little; mcp, pip, dip
)

func init() {
	for i, f := range exercises.HandFingers[1:] {
		for j, joint := range []string{"mcp", "pip", "dip"} {
			hFinger[i][j] = handTable.one(f + "_" + joint)
		}
	}
}

// finger is one finger's shape at rest: where its big knuckle sits on the
// palm (x across toward the little finger, y along the hand), how far it
// fans out, and the lengths of its three bones.
type finger struct {
	x, y, fan float64
	fanPer    float64 // how much of spread it takes
	bones     [3]float64
	tip       string
}

var fingers = [4]finger{
	{-0.12, 0.44, -7, -1, [3]float64{0.24, 0.14, 0.10}, "index_tip"},
	{-0.04, 0.46, 0, 0, [3]float64{0.27, 0.17, 0.11}, "middle_tip"},
	{0.04, 0.44, 6, 1, [3]float64{0.25, 0.16, 0.10}, "ring_tip"},
	{0.115, 0.40, 13, 2, [3]float64{0.19, 0.12, 0.09}, "little_tip"},
}

// palmHalf is half the palm's thickness.
const palmHalf = 0.035

// hv turns a point of the hand's own frame (across, along, out of the
// palm) into the figure's space, where the front camera sees the palm.
func hv(x, y, z float64) vec { return vec{z, y, x} }

// handSkeleton builds the hand at joint angles a.
func handSkeleton(a []float64) skeleton {
	var s skeleton
	const v = exercises.ViewHand
	// Rotations here are in the hand's own frame (x across, y along, z out
	// of the palm), turned into the figure's space point by point.
	fore := ry(-a[hForearm])
	hand := fore.mul(rx(a[hWrist])).mul(rz(a[hWristSide]))
	at := func(m mat, x, y, z float64) vec { return m.apply(vec{x, y, z}) }
	put := func(p vec) vec { return hv(p.x, p.y, p.z) }
	line := func(a, b vec) { s.line(put(a), put(b), 0) }
	// The forearm and the palm have some depth, so that they show as
	// outlines from the side as well as from the front.
	for _, x := range []float64{-0.075, 0.075} {
		for _, z := range []float64{-0.045, 0.045} {
			line(at(fore, x*0.9, -0.6, z*0.9), at(fore, x, -0.02, z))
		}
	}
	var knuckles [4]vec
	for i, f := range fingers {
		knuckles[i] = at(hand, f.x, f.y, 0)
	}
	for _, z := range []float64{-palmHalf, palmHalf} {
		wristT := at(hand, -0.09, 0.02, z)
		wristL := at(hand, 0.085, 0.02, z)
		line(wristT, wristL)
		line(wristT, at(hand, fingers[0].x, fingers[0].y, z))
		line(wristL, at(hand, fingers[3].x, fingers[3].y, z))
		for i := range 3 {
			line(at(hand, fingers[i].x, fingers[i].y, z), at(hand, fingers[i+1].x, fingers[i+1].y, z))
		}
	}
	for i, f := range fingers {
		m := hand.mul(rz(-(f.fan + f.fanPer*a[hSpread])))
		p := knuckles[i]
		for j, l := range f.bones {
			m = m.mul(rx(a[hFinger[i][j]]))
			q := p.add(m.apply(vec{0, l, 0}))
			line(p, q)
			p = q
		}
		s.setPoint(v, f.tip, put(p))
	}
	// Creases on the palm, drawn only when the palm faces the viewer, tell
	// the palm from the back of the hand.
	palmOut := put(hand.apply(vec{0, 0, 1}))
	crease := func(pts ...[2]float64) {
		for i := 1; i < len(pts); i++ {
			a := put(at(hand, pts[i-1][0], pts[i-1][1], palmHalf))
			b := put(at(hand, pts[i][0], pts[i][1], palmHalf))
			s.add(bone{a: a, b: b, facing: palmOut})
		}
	}
	crease([2]float64{-0.1, 0.3}, [2]float64{-0.055, 0.2}, [2]float64{-0.035, 0.08})
	crease([2]float64{-0.07, 0.36}, [2]float64{0.02, 0.33}, [2]float64{0.09, 0.32})
	// The thumb rises from the wrist on the thumb's side, out at an angle
	// and a little in front of the palm; thumb_cmc swings it across the
	// palm, thumb_out away from the first finger.
	cmc := at(hand, -0.09, 0.06, 0.03)
	m := hand.mul(rz(35 + a[hThumbOut] - 1.6*a[hThumbCMC])).mul(rx(30 + 0.5*a[hThumbCMC]))
	p := cmc
	for j, l := range [3]float64{0.24, 0.17, 0.13} {
		switch j {
		case 1:
			m = m.mul(rz(-0.6 * a[hThumbMCP])).mul(rx(0.5 * a[hThumbMCP]))
		case 2:
			m = m.mul(rz(-0.6 * a[hThumbIP])).mul(rx(0.5 * a[hThumbIP]))
		}
		q := p.add(m.apply(vec{0, l, 0}))
		line(p, q)
		p = q
	}
	s.setPoint(v, "thumb_tip", put(p))
	s.setPoint(v, "wrist", vec{})
	s.setPoint(v, "palm", put(at(hand, 0, 0.24, 0.04)))
	return s
}
