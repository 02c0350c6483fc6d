package exercises

// An exercise's figure (DESIGN section 10): how it is seen, the poses of a
// small named skeleton as joint angles in degrees, and the props drawn
// beside it. This file holds the vocabulary (views, joints and their
// ranges, props, frames); figure_parse.go reads it from YAML, and the
// figure package turns poses into lines.

import "strings"

// FigureView is how a figure is seen.
type FigureView string

const (
	ViewSide  FigureView = "side"  // the whole body, seen from its left side
	ViewFront FigureView = "front" // the whole body, facing you
	ViewHand  FigureView = "hand"  // one hand and forearm, close up
)

// FigureViews in the order the docs list them.
var FigureViews = []FigureView{ViewSide, ViewFront, ViewHand}

// Body reports whether the view draws the whole body.
func (v FigureView) Body() bool { return v == ViewSide || v == ViewFront }

// Figure is an exercise's `figure:` block.
type Figure struct {
	View FigureView
	// Turn moves the viewpoint around the body (or hand), in degrees to the
	// person's left, from the view's own direction; Tilt looks down from
	// above, in degrees.
	Turn, Tilt float64
	// Anchor is what stays put as the poses change: AnchorFeet (standing
	// work, sit to stand: the foot on the floor stays put) or AnchorSeat
	// (seated work: the hips rest on a seat). "" picks by the first pose:
	// the seat when it sits, else the feet.
	Anchor string
	// Zoom draws only part of the figure, larger: ZoomFeet shows the feet
	// and lower legs (side and front views).
	Zoom  string
	Poses []FigurePose
	Props []FigureProp
	// Alt describes the movement in words for screen readers; "" means the
	// exercise's summary.
	Alt string
	Pos Pos
}

// Anchors of a figure.
const (
	AnchorFeet = "feet"
	AnchorSeat = "seat"
	ZoomFeet   = "feet"
)

// FigurePose is one pose: the joints it sets, in the order written. A
// joint a pose leaves out keeps its angle from the pose before (or its
// rest angle, in the first pose).
type FigurePose struct {
	Joints []JointAngle
	Pos    Pos
}

// JointAngle is one joint's angle in degrees. Name is as written: a joint
// of the view, with left_ or right_ before a paired body joint to set one
// side only.
type JointAngle struct {
	Name string
	Deg  float64
}

// FigureProp is one thing drawn beside the figure. Lengths are in the
// figure's unit: the standing height of the person for side and front
// views, the length of the hand for the hand view. Has tells which of the
// optional numbers were given.
type FigureProp struct {
	Kind PropKind
	// X is along the floor: in the side view forward (+) of the person or
	// behind (−); in the front view to the person's left (+, your right as
	// you face them) or right (−); in the hand view across the hand, toward
	// the little finger (+) or the thumb (−).
	X, Y, W, H, R float64
	Has           PropHas
	At, From, To  string   // points of the figure (ball, towel, band)
	Around        []string // points a band goes around
	Arms          bool     // a chair with arms
	Along         bool     // a counter that runs beside the person
	Pos           Pos
}

// PropHas marks the optional numbers of a prop that were written.
type PropHas uint8

const (
	HasX PropHas = 1 << iota
	HasY
	HasW
	HasH
	HasR
)

// PropKind is a kind of prop.
type PropKind string

const (
	PropChair   PropKind = "chair"
	PropCounter PropKind = "counter"
	PropWall    PropKind = "wall"
	PropTowel   PropKind = "towel"
	PropBall    PropKind = "ball"
	PropBand    PropKind = "band"
	PropStep    PropKind = "step"
	PropBowl    PropKind = "bowl"
	PropBag     PropKind = "bag"
)

// PropKinds in the order the docs list them.
var PropKinds = []PropKind{PropChair, PropCounter, PropWall, PropTowel, PropBall, PropBand, PropStep, PropBowl, PropBag}

// propFields are the fields each kind of prop takes.
var propFields = map[PropKind][]string{
	PropChair:   {"x", "arms"},
	PropCounter: {"x", "y", "w", "along"},
	PropWall:    {"x"},
	PropTowel:   {"x", "y", "w", "from", "to"},
	PropBall:    {"x", "y", "r", "at"},
	PropBand:    {"from", "to", "around"},
	PropStep:    {"x", "w", "h"},
	PropBowl:    {"x", "y", "w"},
	PropBag:     {"x", "y", "w"},
}

// PropFields lists the fields a kind of prop takes.
func PropFields(k PropKind) []string { return propFields[k] }

// Frame is the area a view draws, in the figure's unit: every pose and
// every prop lies inside it.
type Frame struct{ MinX, MaxX, MinY, MaxY float64 }

// FigureFrame is the frame of a view.
func FigureFrame(v FigureView) Frame {
	switch v {
	case ViewFront:
		return Frame{MinX: -0.7, MaxX: 0.7, MinY: 0, MaxY: 1.25}
	case ViewHand:
		return Frame{MinX: -0.9, MaxX: 0.9, MinY: -0.7, MaxY: 1.3}
	}
	return Frame{MinX: -0.9, MaxX: 0.9, MinY: 0, MaxY: 1.25}
}

// Joint is a joint of the skeleton: its name, the angles it takes, and
// what its angles mean.
type Joint struct {
	Name     string
	Min, Max float64
	// Paired joints take left_ and right_ before the name to set one side;
	// the bare name sets both.
	Paired bool
	Hand   bool   // a joint of the hand view; otherwise of the body views
	Zero   string // the rest position, at 0
	Plus   string // which way a positive angle moves
	// Group names the joints this name sets all at once (toes sets
	// big_toe and small_toes); a joint's own name wins over its group's.
	Group []string
}

// BodyJoints are the joints of the side and front views.
var BodyJoints = []Joint{
	{Name: "trunk", Min: -60, Max: 90, Zero: "upright", Plus: "leaning forward"},
	{Name: "trunk_side", Min: -40, Max: 40, Zero: "upright", Plus: "bending to the left"},
	{Name: "trunk_turn", Min: -90, Max: 90, Zero: "shoulders square", Plus: "shoulders turned to the left"},
	{Name: "body_turn", Min: -180, Max: 180, Zero: "facing the view's way", Plus: "the whole body turned to the left"},
	{Name: "head", Min: -45, Max: 60, Zero: "looking ahead", Plus: "nodding down"},
	{Name: "head_turn", Min: -80, Max: 80, Zero: "looking ahead", Plus: "looking to the left"},
	{Name: "shoulder", Min: -60, Max: 180, Paired: true, Zero: "arm hanging down", Plus: "arm raised forward (90 level, 180 overhead)"},
	{Name: "shoulder_out", Min: -20, Max: 180, Paired: true, Zero: "arm by the side", Plus: "arm raised out to the side"},
	{Name: "shoulder_turn", Min: -60, Max: 90, Paired: true, Zero: "a bent elbow's forearm pointing ahead", Plus: "turned in, the forearm across the body"},
	{Name: "elbow", Min: 0, Max: 150, Paired: true, Zero: "straight", Plus: "bent"},
	{Name: "forearm", Min: -90, Max: 90, Paired: true, Zero: "thumb forward (up with the elbow bent)", Plus: "palm turned up"},
	{Name: "wrist", Min: -80, Max: 80, Paired: true, Zero: "straight", Plus: "bent toward the palm"},
	{Name: "fingers", Min: 0, Max: 100, Paired: true, Zero: "straight", Plus: "curled toward the palm"},
	{Name: "hip", Min: -40, Max: 130, Paired: true, Zero: "thigh straight down", Plus: "thigh forward (90 level, as in sitting), whatever the trunk does"},
	{Name: "hip_out", Min: -20, Max: 60, Paired: true, Zero: "thigh straight down", Plus: "leg out to the side"},
	{Name: "hip_turn", Min: -45, Max: 80, Paired: true, Zero: "knee pointing ahead", Plus: "turned out, the foot toward the other leg (as in crossing a leg)"},
	{Name: "knee", Min: 0, Max: 150, Paired: true, Zero: "straight", Plus: "bent"},
	{Name: "ankle", Min: -50, Max: 30, Paired: true, Zero: "foot at a right angle to the shin", Plus: "toes toward the shin; negative points the toes"},
	{Name: "arch", Min: 0, Max: 25, Paired: true, Zero: "sole flat", Plus: "arch lifted, the foot a little shorter"},
	{Name: "toes", Min: -45, Max: 60, Paired: true, Zero: "straight", Plus: "all the toes lifted up; negative curls them down", Group: []string{"big_toe", "small_toes"}},
	{Name: "big_toe", Min: -45, Max: 60, Paired: true, Zero: "straight", Plus: "lifted up; negative curls it down"},
	{Name: "small_toes", Min: -45, Max: 60, Paired: true, Zero: "straight", Plus: "lifted up; negative curls them down"},
	{Name: "toe_spread", Min: 0, Max: 25, Paired: true, Zero: "toes side by side", Plus: "toes spread apart"},
}

// HandFingers are the fingers of the hand view, thumb first.
var HandFingers = []string{"thumb", "index", "middle", "ring", "little"}

// HandJoints are the joints of the hand view.
var HandJoints = []Joint{
	{Name: "wrist", Min: -80, Max: 80, Hand: true, Zero: "straight", Plus: "bent toward the palm"},
	{Name: "wrist_side", Min: -30, Max: 30, Hand: true, Zero: "straight", Plus: "bent toward the thumb"},
	{Name: "forearm", Min: -90, Max: 90, Hand: true, Zero: "palm facing you", Plus: "turned so the thumb goes away from you"},
	{Name: "spread", Min: -5, Max: 20, Hand: true, Zero: "fingers side by side", Plus: "spread apart (degrees between neighbours)"},
	{Name: "thumb_cmc", Min: 0, Max: 70, Hand: true, Zero: "thumb beside the palm", Plus: "thumb swung across the palm"},
	{Name: "thumb_out", Min: -10, Max: 60, Hand: true, Zero: "thumb at rest", Plus: "thumb eased away from the first finger"},
	{Name: "thumb_mcp", Min: -10, Max: 70, Hand: true, Zero: "straight", Plus: "bent"},
	{Name: "thumb_ip", Min: -20, Max: 90, Hand: true, Zero: "straight", Plus: "bent"},
}

func init() {
	// The four fingers' joints as groups, then each finger's own three,
	// which win over the groups.
	for _, joint := range []struct {
		name     string
		min, max float64
		where    string
	}{{"mcp", -30, 95, "the big knuckles"}, {"pip", 0, 110, "the middle joints"}, {"dip", -10, 90, "the end joints"}} {
		var group []string
		for _, f := range HandFingers[1:] {
			group = append(group, f+"_"+joint.name)
		}
		HandJoints = append(HandJoints, Joint{Name: "fingers_" + joint.name, Min: joint.min, Max: joint.max, Hand: true,
			Zero: "straight", Plus: "the four fingers bent at " + joint.where, Group: group})
	}
	for _, f := range HandFingers[1:] {
		HandJoints = append(HandJoints,
			Joint{Name: f + "_mcp", Min: -30, Max: 95, Hand: true, Zero: "straight", Plus: "bent at the big knuckle"},
			Joint{Name: f + "_pip", Min: 0, Max: 110, Hand: true, Zero: "straight", Plus: "bent at the middle joint"},
			Joint{Name: f + "_dip", Min: -10, Max: 90, Hand: true, Zero: "straight", Plus: "bent at the end joint"})
	}
}

// Joints are the joints of a view.
func Joints(v FigureView) []Joint {
	if v == ViewHand {
		return HandJoints
	}
	return BodyJoints
}

// LookupJoint finds a joint of the view by the name a pose uses, with or
// without a side. side is "left", "right" or "".
func LookupJoint(v FigureView, name string) (j Joint, side string, ok bool) {
	base := name
	if v.Body() {
		base, side = splitSide(name)
	}
	for _, j := range Joints(v) {
		if j.Name == base && (side == "" || j.Paired) {
			return j, side, true
		}
	}
	return Joint{}, "", false
}

// splitSide splits "left_knee" into "knee" and "left"; a name with no
// side comes back whole, with side "".
func splitSide(name string) (base, side string) {
	for _, s := range []string{"left", "right"} {
		if b, ok := strings.CutPrefix(name, s+"_"); ok {
			return b, s
		}
	}
	return name, ""
}

// jointNames are every name a pose of the view may use, for did-you-mean.
func jointNames(v FigureView) []string {
	var out []string
	for _, j := range Joints(v) {
		out = append(out, j.Name)
		if j.Paired {
			out = append(out, "left_"+j.Name, "right_"+j.Name)
		}
	}
	return out
}

// FigurePoints are the named points of a view that props attach to.
func FigurePoints(v FigureView) []string {
	if v == ViewHand {
		return []string{"wrist", "palm", "thumb_tip", "index_tip", "middle_tip", "ring_tip", "little_tip"}
	}
	var out []string
	for _, p := range []string{"hand", "fingertips", "elbow", "shoulder", "knee", "ankle", "heel", "ball", "toes"} {
		out = append(out, "left_"+p, "right_"+p)
	}
	return append(out, "head", "chest", "hips")
}

// Limits of a figure block.
const (
	MinPoses = 2
	MaxPoses = 8
	MaxProps = 8
)
