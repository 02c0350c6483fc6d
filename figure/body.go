package figure

import (
	"math"

	"limber/exercises"
)

// Body proportions, in standing heights (after the usual anthropometric
// fractions of stature): hips at 0.53, shoulders at 0.82, the top of the
// head at 1.
const (
	hipHalf      = 0.05  // hip joint from the middle
	trunkLen     = 0.29  // hips to the base of the neck
	shoulderDrop = 0.02  // shoulders below the base of the neck
	shoulderHalf = 0.10  // shoulder from the middle
	neckLen      = 0.04  //
	headR        = 0.068 // the head is a circle
	upperArm     = 0.17
	foreArm      = 0.145
	palmLen      = 0.06
	palmHalfW    = 0.022 // half the hand's width at the knuckles
	fingerLen    = 0.05
	thumbLen     = 0.045
	thighLen     = 0.245
	shinLen      = 0.245
	ankleHigh    = 0.04 // the ankle above the sole
	heelBack     = 0.045
	soleLen      = 0.155 // heel to the ball of the foot
	bigToeLen    = 0.05
	smallToeLen  = 0.035
	footHalf     = 0.032 // half the foot's width at the ball
	heelHalf     = 0.02  // and at the heel
	// seatHip is the height of the hips of someone sitting on a chair.
	seatHip = seatHigh + 0.02
)

var (
	bTrunk        = bodyTable.one("trunk")
	bTrunkSide    = bodyTable.one("trunk_side")
	bTrunkTurn    = bodyTable.one("trunk_turn")
	bBodyTurn     = bodyTable.one("body_turn")
	bHead         = bodyTable.one("head")
	bHeadTurn     = bodyTable.one("head_turn")
	bShoulder     = bodyTable.pair("shoulder")
	bShoulderOut  = bodyTable.pair("shoulder_out")
	bShoulderTurn = bodyTable.pair("shoulder_turn")
	bElbow        = bodyTable.pair("elbow")
	bForearm      = bodyTable.pair("forearm")
	bWrist        = bodyTable.pair("wrist")
	bFingers      = bodyTable.pair("fingers")
	bHip          = bodyTable.pair("hip")
	bHipOut       = bodyTable.pair("hip_out")
	bHipTurn      = bodyTable.pair("hip_turn")
	bKnee         = bodyTable.pair("knee")
	bAnkle        = bodyTable.pair("ankle")
	bArch         = bodyTable.pair("arch")
	bBigToe       = bodyTable.pair("big_toe")
	bSmallToes    = bodyTable.pair("small_toes")
	bToeSpread    = bodyTable.pair("toe_spread")
)

var down = vec{0, -1, 0}

// bodySkeleton builds the body at joint angles a. Standing (AnchorFeet),
// it rests its lowest point on the floor with the foot that bears weight
// above the origin; sitting (AnchorSeat), its hips rest on a seat above the
// origin, unless a foot pushes down through the floor.
func bodySkeleton(a []float64, anchor string) skeleton {
	var s skeleton
	const v = exercises.ViewSide
	pelvis := yaw(a[bBodyTurn])
	upper := pelvis.mul(rz(-a[bTrunk])).mul(rx(a[bTrunkSide])).mul(yaw(a[bTrunkTurn]))
	hips := vec{}
	neckBase := upper.apply(vec{0, trunkLen, 0})
	neckTop := upper.apply(vec{0, trunkLen + neckLen, 0})
	head := upper.mul(rz(-a[bHead])).mul(yaw(a[bHeadTurn]))
	headC := neckTop.add(head.apply(vec{0, headR + 0.01, 0}))
	s.line(hips, neckBase, 0)
	s.line(neckBase, neckTop, 0)
	s.ball(headC, headR, 0)
	// The nose says which way the head faces; seen from the front it is a
	// dot, and left out.
	s.line(headC.add(head.apply(vec{headR, -0.01, 0})), headC.add(head.apply(vec{headR + 0.025, -0.01, 0})), 0)
	s.setPoint(v, "head", headC)
	s.setPoint(v, "chest", upper.apply(vec{0.06, trunkLen * 0.7, 0}))
	s.setPoint(v, "hips", hips)

	var shoulders, hipJoints, ankles [2]vec
	var soles [2]float64 // the lowest point of each foot
	for i, sd := range []float64{1, -1} {
		side := int8(sd)
		name := [2]string{"left_", "right_"}[i]
		// The arm hangs from the shoulder; abduction takes it out to its
		// own side, flexion forward.
		sh := upper.apply(vec{0, trunkLen - shoulderDrop, sd * shoulderHalf})
		shoulders[i] = sh
		arm := upper.mul(rx(-sd * a[bShoulderOut[i]])).mul(rz(a[bShoulder[i]])).mul(ry(sd * a[bShoulderTurn[i]]))
		el := sh.add(arm.apply(down.scale(upperArm)))
		fore := arm.mul(rz(a[bElbow[i]]))
		wr := el.add(fore.apply(down.scale(foreArm)))
		// With the elbow straight and the forearm at 0 the thumb points
		// forward and the palm faces the body; supination turns the palm
		// up and the thumb out to its own side.
		hand := fore.mul(yaw(sd * a[bForearm[i]])).mul(rx(sd * a[bWrist[i]]))
		kn := wr.add(hand.apply(down.scale(palmLen)))
		tip := kn.add(hand.mul(rx(sd * a[bFingers[i]] * 1.2)).apply(down.scale(fingerLen)))
		thumbBase := wr.add(hand.apply(down.scale(palmLen * 0.3)))
		thumb := thumbBase.add(hand.apply(vec{0.6, -0.8, 0}).scale(thumbLen))
		s.line(neckBase, sh, side)
		s.line(sh, el, side)
		s.line(el, wr, side)
		s.line(wr, kn, side)
		s.line(kn, tip, side)
		s.line(thumbBase, thumb, side)
		// Across the knuckles: which way the palm faces, seen end on.
		s.line(kn.add(hand.apply(vec{palmHalfW, 0, 0})), kn.add(hand.apply(vec{-palmHalfW, 0, 0})), side)
		s.setPoint(v, name+"shoulder", sh)
		s.setPoint(v, name+"elbow", el)
		s.setPoint(v, name+"hand", kn)
		s.setPoint(v, name+"fingertips", tip)

		// The leg hangs from the pelvis, whatever the trunk does; hip_turn
		// turns it about its own length, which swings a bent knee's foot.
		hp := pelvis.apply(vec{0, 0, sd * hipHalf})
		hipJoints[i] = hp
		thigh := pelvis.mul(rz(a[bHip[i]])).mul(rx(-sd * a[bHipOut[i]])).mul(ry(-sd * a[bHipTurn[i]]))
		kneeP := hp.add(thigh.apply(down.scale(thighLen)))
		shin := thigh.mul(rz(-a[bKnee[i]]))
		ank := kneeP.add(shin.apply(down.scale(shinLen)))
		ankles[i] = ank
		soles[i] = s.foot(a, i, sd, shin, ank, name)
		s.line(hips, hp, side)
		s.line(hp, kneeP, side)
		s.add(bone{a: kneeP, b: ank, side: side, leg: true})
		s.setPoint(v, name+"knee", kneeP)
		s.setPoint(v, name+"ankle", ank)
	}
	s.line(shoulders[0], shoulders[1], 0)
	s.line(hipJoints[0], hipJoints[1], 0)
	s.rootL, s.rootR = hipJoints[0], hipJoints[1]

	low := math.Inf(1)
	for i := range s.nb {
		low = min(low, s.bones[i].a.y, s.bones[i].b.y)
	}
	for i := range s.ns {
		low = min(low, s.spheres[i].c.y-s.spheres[i].r)
	}
	if anchor == exercises.AnchorSeat {
		s.shift(vec{0, max(seatHip, -low), 0})
		return s
	}
	// The foot that bears weight stays put: the lower one, or the middle
	// of both when they are level, blending between the two so that a
	// foot lifting moves nothing suddenly.
	w := 0.5 + math.Max(-0.5, math.Min(0.5, (soles[1]-soles[0])/0.06))
	at := ankles[1].lerp(ankles[0], w)
	s.shift(vec{-at.x, -low, -at.z})
	return s
}

// foot draws a foot from its ankle: the sole from the heel to the ball
// (rising in the middle with the arch), the ankle to the ball, the ball's
// width, the big toe on the inner side and the small toes on the outer. It
// returns the foot's lowest height.
func (s *skeleton) foot(a []float64, i int, sd float64, shin mat, ank vec, name string) float64 {
	const v = exercises.ViewSide
	side := int8(sd)
	foot := shin.mul(rz(a[bAnkle[i]]))
	heel := ank.add(foot.apply(vec{-heelBack, -ankleHigh, 0}))
	// The arch lifts the inner edge of the sole in the middle and draws the
	// ball toward the heel: the foot gets shorter.
	arch := a[bArch[i]]
	sa, ca := math.Sincos(rad(arch))
	in, out := -sd, sd // the inner edge is toward the other foot
	heelIn := heel.add(foot.apply(vec{0, 0, in * heelHalf}))
	heelOut := heel.add(foot.apply(vec{0, 0, out * heelHalf}))
	mid := heelIn.add(foot.apply(vec{ca * soleLen / 2, sa * soleLen / 2, in * (footHalf - heelHalf) / 2}))
	ball := heel.add(foot.apply(vec{ca * soleLen, 0, 0}))
	inner := ball.add(foot.apply(vec{0, 0, in * footHalf}))
	outer := ball.add(foot.apply(vec{0, 0, out * footHalf}))
	spread := a[bToeSpread[i]]
	big := inner.add(foot.mul(yaw(-sd * spread)).mul(rz(a[bBigToe[i]])).apply(vec{bigToeLen, 0, 0}))
	small := outer.add(foot.mul(yaw(sd * spread)).mul(rz(a[bSmallToes[i]])).apply(vec{smallToeLen, 0, 0}))
	// The ankle's lines belong to the leg: from above they stand up out of
	// the footprint, and are left out.
	s.add(bone{a: ank, b: heel, side: side, leg: true})
	s.add(bone{a: ank, b: ball, side: side, leg: true})
	for _, b := range [][2]vec{{heelIn, heelOut}, {heelIn, mid}, {mid, inner}, {heelOut, outer},
		{inner, outer}, {inner, big}, {outer, small}} {
		s.add(bone{a: b[0], b: b[1], side: side, foot: true})
	}
	s.setPoint(v, name+"heel", heel)
	s.setPoint(v, name+"ball", ball)
	s.setPoint(v, name+"toes", big)
	return min(heelIn.y, heelOut.y, inner.y, outer.y, big.y, small.y)
}

// shift moves the whole skeleton.
func (s *skeleton) shift(by vec) {
	for i := range s.nb {
		s.bones[i].a = s.bones[i].a.add(by)
		s.bones[i].b = s.bones[i].b.add(by)
	}
	for i := range s.ns {
		s.spheres[i].c = s.spheres[i].c.add(by)
	}
	for i := range s.points {
		s.points[i] = s.points[i].add(by)
	}
	s.rootL, s.rootR = s.rootL.add(by), s.rootR.add(by)
}
