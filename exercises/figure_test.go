package exercises

import (
	"fmt"
	"strings"
	"testing"
)

// withFigure is the good exercise with a figure block (indented under it).
func withFigure(fig string) string {
	return good + "    figure:\n" + fig
}

func loadFigure(t *testing.T, fig string) (*Figure, []string) {
	t.Helper()
	lib, errs := loadFiles(map[string]string{"a.yaml": withFigure(fig)})
	if len(errs) > 0 {
		return nil, errStrings(errs)
	}
	x, ok := lib.Exercise("tandem-stance")
	if !ok {
		t.Fatal("no exercise and no error")
	}
	return x.Figure, nil
}

func TestFigureDecodes(t *testing.T) {
	f, errs := loadFigure(t, `      view: side
      turn: -30
      tilt: 20.5
      anchor: feet
      alt: Up on the toes.
      props: [chair, {counter: {x: 0.2, w: 0.4}}, {ball: {at: left_hand, y: -0.1, r: 0.05}}, {band: {around: [left_hand, right_hand]}}]
      poses:
        - {knee: 0, left_ankle: 10}
        - {ankle: -25, toes: 25}
`)
	if errs != nil {
		t.Fatal(errs)
	}
	if f.View != ViewSide || f.Turn != -30 || f.Tilt != 20.5 || f.Anchor != AnchorFeet || f.Alt != "Up on the toes." {
		t.Errorf("decoded %+v", f)
	}
	if len(f.Poses) != 2 || f.Poses[0].Pos.Line != 24 || fmt.Sprint(f.Poses[0].Joints) != "[{knee 0} {left_ankle 10}]" ||
		fmt.Sprint(f.Poses[1].Joints) != "[{ankle -25} {toes 25}]" {
		t.Errorf("poses %+v", f.Poses)
	}
	if len(f.Props) != 4 || f.Props[0].Kind != PropChair || f.Props[0].Has != 0 ||
		f.Props[1].X != 0.2 || f.Props[1].W != 0.4 || f.Props[1].Has != HasX|HasW ||
		f.Props[2].At != "left_hand" || f.Props[2].Y != -0.1 || f.Props[2].Has != HasY|HasR ||
		strings.Join(f.Props[3].Around, ",") != "left_hand,right_hand" {
		t.Errorf("props %+v", f.Props)
	}
}

func TestFigureErrors(t *testing.T) {
	const poses = "      poses:\n        - {knee: 0}\n        - {knee: 10}\n"
	side := "      view: side\n"
	cases := []struct {
		name, fig, want string
	}{
		{"no view", poses, `exercises[0].figure: view is required: side, front or hand`},
		{"no poses", side, `exercises[0].figure: poses is required`},
		{"a bad view", "      view: top\n" + poses, `figure.view: "top" is not one of side | front | hand`},
		{"unknown joint", side + "      poses:\n        - {kne: 0}\n        - {knee: 10}\n", `lib/a.yaml:19:12: exercises[0].figure.poses[0].kne: unknown joint "kne"; did you mean "knee"?`},
		{"unknown joint, nothing near", side + "      poses:\n        - {elephant: 0}\n        - {knee: 10}\n", `unknown joint "elephant"; the side view's joints are trunk, trunk_side`},
		{"a hand joint in a body view", side + "      poses:\n        - {index_pip: 0}\n        - {knee: 10}\n", `it is a joint of the hand view, not the side view`},
		{"a body joint in the hand view", "      view: hand\n      poses:\n        - {knee: 0}\n        - {wrist: 10}\n", `it is a joint of the side and front views, not the hand view`},
		{"a side on the hand", "      view: hand\n      poses:\n        - {left_wrist: 0}\n        - {wrist: 10}\n", `unknown joint "left_wrist"`},
		{"a side on a middle joint", side + "      poses:\n        - {right_head: 0}\n        - {knee: 10}\n", `head has no left and right; write head`},
		{"a duplicate joint", side + "      poses:\n        - {knee: 0, knee: 5}\n        - {knee: 10}\n", `duplicate joint "knee"`},
		{"an empty pose", side + "      poses:\n        - {}\n        - {knee: 10}\n", `a pose needs at least one joint`},
		{"a pose that is a list", side + "      poses:\n        - [knee, 0]\n        - {knee: 10}\n", `expected a pose: a mapping of joints to degrees`},
		{"degrees as text", side + "      poses:\n        - {knee: bent}\n        - {knee: 10}\n", `poses[0].knee: expected a number of degrees, found the text "bent"`},
		{"an alias", side + "      poses:\n        - &p {knee: 0}\n        - *p\n", `aliases (*name) are not allowed`},
		{"a prop that is a list", side + poses + "      props: [[chair]]\n", `expected a prop such as chair or {chair: {x: -0.4}}`},
		{"two kinds in one prop", side + poses + "      props: [{chair: {}, wall: {}}]\n", `expected a prop such as chair`},
		{"a near miss of a prop", side + poses + "      props: [chiar]\n", `"chiar" is not one of chair | counter | wall | towel | ball | band | step | bowl | bag; did you mean "chair"?`},
		{"a towel half held", side + poses + "      props: [{towel: {from: left_hand}}]\n", `a held towel needs both from and to`},
		{"a towel held and laid", side + poses + "      props: [{towel: {from: left_hand, to: right_hand, x: 0.1}}]\n", `a towel is either held (from, to) or on the floor (x, w), not both`},
		{"a band with no points", side + poses + "      props: [band]\n", `a band needs from and to, or around`},
		{"a band with no fields", side + poses + "      props: [{band: {}}]\n", `a band needs from and to, or around`},
		{"a band both ways", side + poses + "      props: [{band: {from: left_hand, to: right_hand, around: [left_hand, right_hand]}}]\n", `a band needs from and to, or around, but not both`},
		{"a band round one point", side + poses + "      props: [{band: {around: [left_hand]}}]\n", `a band goes around at least 2 points`},
		{"arms not a boolean", side + poses + "      props: [{chair: {arms: yes please}}]\n", `chair.arms: expected true or false, found the text "yes please"`},
		{"an unknown point", side + poses + "      props: [{ball: {at: nose}}]\n", `"nose" is not a point of the figure; use one of left_hand`},
		{"a hand point in a body view", side + poses + "      props: [{ball: {at: palm}}]\n", `"palm" is not a point of the figure`},
		{"zoom on a hand", "      view: hand\n      zoom: feet\n      poses:\n        - {wrist: 0}\n        - {wrist: 10}\n", `figure.zoom: zoom: feet is for the side and front views`},
		{"turn past half a circle", side + "      turn: 181\n" + poses, `figure.turn: 181 is out of range; use degrees from -180 to 180`},
		{"tilt from below", side + "      tilt: -1\n" + poses, `figure.tilt: -1 is out of range; use degrees from 0 to 60`},
		{"a bad anchor", side + "      anchor: hands\n" + poses, `"hands" is not one of feet | seat`},
		{"an unknown field", side + "      pose: []\n" + poses, `figure.pose: unknown field "pose"; did you mean "poses"?`},
		{"alt with an escape", side + "      alt: \"Up\\e[2J\"\n" + poses, `figure.alt: holds a control or escape character`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs := loadFigure(t, c.fig)
			if c.want == "" {
				if errs != nil {
					t.Errorf("unexpected errors: %v", errs)
				}
				return
			}
			if !strings.Contains(strings.Join(errs, "\n"), c.want) {
				t.Errorf("want an error with %q, got %q", c.want, errs)
			}
		})
	}
}

// Every limit at its value and one step either side.
func TestFigureLimits(t *testing.T) {
	pose := func(body string) string { return "        - {" + body + "}\n" }
	nposes := func(n int) string { return "      poses:\n" + strings.Repeat(pose("knee: 5"), n) }
	nprops := func(n int) string {
		return "      props: [" + strings.TrimSuffix(strings.Repeat("wall, ", n), ", ") + "]\n"
	}
	side := "      view: side\n"
	two := nposes(2)
	cases := []struct {
		name, fig string
		ok        bool
	}{
		{"ankle at its lowest", side + "      poses:\n" + pose("ankle: -50") + pose("knee: 0"), true},
		{"ankle just below", side + "      poses:\n" + pose("ankle: -50.5") + pose("knee: 0"), false},
		{"ankle at its highest", side + "      poses:\n" + pose("left_ankle: 30") + pose("knee: 0"), true},
		{"ankle just above", side + "      poses:\n" + pose("left_ankle: 31") + pose("knee: 0"), false},
		{"one pose", side + nposes(1), false},
		{"two poses", side + nposes(2), true},
		{"eight poses", side + nposes(8), true},
		{"nine poses", side + nposes(9), false},
		{"eight props", side + two + nprops(8), true},
		{"nine props", side + two + nprops(9), false},
		{"x at the frame's edge", side + two + "      props: [{wall: {x: 0.9}}]\n", true},
		{"x past the frame's edge", side + two + "      props: [{wall: {x: 0.91}}]\n", false},
		{"x at the front frame's edge", "      view: front\n" + two + "      props: [{wall: {x: -0.7}}]\n", true},
		{"x past the front frame's edge", "      view: front\n" + two + "      props: [{wall: {x: -0.71}}]\n", false},
		{"a counter to the edge", side + two + "      props: [{counter: {x: 0.5, w: 0.4}}]\n", true},
		{"a counter past the edge", side + two + "      props: [{counter: {x: 0.5, w: 0.41}}]\n", false},
		{"y at the top", side + two + "      props: [{bowl: {y: 1.25}}]\n", true},
		{"y above the top", side + two + "      props: [{bowl: {y: 1.26}}]\n", false},
		{"y below the floor", side + two + "      props: [{bowl: {y: -0.01}}]\n", false},
		{"y below the hand's floor", "      view: hand\n      poses:\n" + pose("wrist: 0") + pose("wrist: 5") + "      props: [{bowl: {y: -0.7}}]\n", true},
		{"a shift at its most", side + two + "      props: [{ball: {at: left_hand, x: -0.3}}]\n", true},
		{"a shift too far", side + two + "      props: [{ball: {at: left_hand, x: -0.31}}]\n", false},
		{"the smallest ball", side + two + "      props: [{ball: {r: 0.005}}]\n", true},
		{"a smaller ball", side + two + "      props: [{ball: {r: 0.004}}]\n", false},
		{"tilt at 60", side + "      tilt: 60\n" + two, true},
		{"tilt at 61", side + "      tilt: 61\n" + two, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs := loadFigure(t, c.fig)
			if (errs == nil) != c.ok {
				t.Errorf("ok = %v, errors %q", errs == nil, errs)
			}
		})
	}
}

// Every joint's name resolves, with a side only where it has one, and
// every joint of one view is unknown to the other.
func TestLookupJoint(t *testing.T) {
	for _, j := range BodyJoints {
		if got, side, ok := LookupJoint(ViewSide, j.Name); !ok || got.Name != j.Name || side != "" {
			t.Errorf("%s: %v %q %v", j.Name, got, side, ok)
		}
		_, side, ok := LookupJoint(ViewFront, "left_"+j.Name)
		if ok != j.Paired || ok && side != "left" {
			t.Errorf("left_%s: ok %v side %q, paired %v", j.Name, ok, side, j.Paired)
		}
	}
	for _, j := range HandJoints {
		if _, _, ok := LookupJoint(ViewHand, j.Name); !ok {
			t.Errorf("%s is not a hand joint", j.Name)
		}
		if _, _, ok := LookupJoint(ViewHand, "right_"+j.Name); ok {
			t.Errorf("right_%s is a hand joint", j.Name)
		}
	}
	if _, _, ok := LookupJoint(ViewHand, "knee"); ok {
		t.Error("knee is a hand joint")
	}
	if len(HandJoints) != 11+12 {
		t.Errorf("%d hand joints, want the 11 of the hand and 3 for each of 4 fingers", len(HandJoints))
	}
}
