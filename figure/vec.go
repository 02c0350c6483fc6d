package figure

import "math"

// vec is a point or a direction in the figure's own space: x forward, y up,
// z to the person's left (for the hand: x across toward the little finger,
// y along the fingers, z out of the palm).
type vec struct{ x, y, z float64 }

func (a vec) add(b vec) vec       { return vec{a.x + b.x, a.y + b.y, a.z + b.z} }
func (a vec) scale(k float64) vec { return vec{a.x * k, a.y * k, a.z * k} }
func (a vec) lerp(b vec, t float64) vec {
	return vec{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t, a.z + (b.z-a.z)*t}
}

// mat is a rotation, rows first.
type mat [3][3]float64

func (m mat) apply(v vec) vec {
	return vec{
		m[0][0]*v.x + m[0][1]*v.y + m[0][2]*v.z,
		m[1][0]*v.x + m[1][1]*v.y + m[1][2]*v.z,
		m[2][0]*v.x + m[2][1]*v.y + m[2][2]*v.z,
	}
}

func (m mat) mul(n mat) mat {
	var out mat
	for i := range 3 {
		for j := range 3 {
			out[i][j] = m[i][0]*n[0][j] + m[i][1]*n[1][j] + m[i][2]*n[2][j]
		}
	}
	return out
}

func rad(deg float64) float64 { return deg * math.Pi / 180 }

// rx turns y toward z; ry turns z toward x; rz turns x toward y, all by
// deg degrees.
func rx(deg float64) mat {
	s, c := math.Sincos(rad(deg))
	return mat{{1, 0, 0}, {0, c, -s}, {0, s, c}}
}

func ry(deg float64) mat {
	s, c := math.Sincos(rad(deg))
	return mat{{c, 0, s}, {0, 1, 0}, {-s, 0, c}}
}

func rz(deg float64) mat {
	s, c := math.Sincos(rad(deg))
	return mat{{c, -s, 0}, {s, c, 0}, {0, 0, 1}}
}

// yaw turns forward (x) toward the left (z).
func yaw(deg float64) mat { return ry(-deg) }
