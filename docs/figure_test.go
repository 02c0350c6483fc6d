package docs_test

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"limber/docs"
	"limber/exercises"
)

// The schema's figure joints are the loader's: every joint of a view, each
// side of a paired one, with the loader's range, and nothing else.
func TestSchemaFigureJointsMatchLoader(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(docs.Schema))
	if err != nil {
		t.Fatal(err)
	}
	defs := doc.(map[string]any)["$defs"].(map[string]any)
	for _, c := range []struct {
		def    string
		joints []exercises.Joint
	}{{"bodyPose", exercises.BodyJoints}, {"handPose", exercises.HandJoints}} {
		props := defs[c.def].(map[string]any)["properties"].(map[string]any)
		want := map[string][2]float64{}
		for _, j := range c.joints {
			want[j.Name] = [2]float64{j.Min, j.Max}
			if j.Paired {
				want["left_"+j.Name] = [2]float64{j.Min, j.Max}
				want["right_"+j.Name] = [2]float64{j.Min, j.Max}
			}
		}
		for name, p := range props {
			r, ok := want[name]
			if !ok {
				t.Errorf("%s: the schema names %s, which the loader does not know", c.def, name)
				continue
			}
			m := p.(map[string]any)
			lo, hi := fmt.Sprint(m["minimum"]), fmt.Sprint(m["maximum"])
			if lo != fmt.Sprint(r[0]) || hi != fmt.Sprint(r[1]) {
				t.Errorf("%s.%s: the schema says %s to %s, the loader %v to %v", c.def, name, lo, hi, r[0], r[1])
			}
			delete(want, name)
		}
		for name := range want {
			t.Errorf("%s: the loader knows %s, the schema does not", c.def, name)
		}
	}
	var points []string
	for _, p := range defs["figurePoint"].(map[string]any)["enum"].([]any) {
		points = append(points, p.(string))
	}
	for _, v := range exercises.FigureViews {
		for _, p := range exercises.FigurePoints(v) {
			if !slices.Contains(points, p) {
				t.Errorf("figurePoint lacks %s (%s view)", p, v)
			}
		}
	}
}

// withFigure gives the base snippet's walk exercise a figure.
func withFigure(fig string) change {
	return change{"    dose: {kind: timed, duration: 1m}\n", "    dose: {kind: timed, duration: 1m}\n    figure:\n" + fig}
}

const goodFigure = `      view: side
      props: [{chair: {x: -0.4}}, {counter: {x: 0.2}}]
      poses:
        - {trunk: 0, hip: 0, knee: 0, ankle: 0}
        - {ankle: -25, toes: 25}
`

func TestFigureSnippets(t *testing.T) {
	good := []struct {
		name string
		fig  string
	}{
		{"the design's example", "      view: side\n      props: [{chair: {x: -0.4}}, {counter: {x: 0.5}}]\n      poses:\n        - {trunk: 0, hip: 0, knee: 0, ankle: 0}        # standing tall\n        - {trunk: 0, hip: 0, knee: 0, ankle: -25}      # up on the toes\n"},
		{"heel raises at a counter", goodFigure},
		{"a hand view with groups and a finger's own joint", "      view: hand\n      turn: -90\n      poses:\n        - {fingers_mcp: 0}\n        - {fingers_mcp: 85, index_mcp: 60}\n"},
		{"sides, props by name alone, zoom, decimals", "      view: front\n      zoom: feet\n      tilt: 60\n      anchor: seat\n      props: [chair, {towel: {x: -0.2, w: 0.4}}]\n      poses:\n        - {hip: 90, knee: 90}\n        - {left_toes: -20.5, right_big_toe: 10}\n"},
		{"joints at their limits", "      view: side\n      poses:\n        - {knee: 0, ankle: -50, toes: 60}\n        - {knee: 150, ankle: 30, toes: -45}\n"},
		{"a prop at a point, shifted", "      view: side\n      props: [{ball: {at: left_hand, x: 0.3, y: -0.3}}, {band: {around: [left_hand, right_hand]}}]\n      poses:\n        - {elbow: 90}\n        - {elbow: 20}\n"},
		{"a prop at the frame's edge", "      view: side\n      props: [{counter: {x: 0.6, w: 0.3}}, {wall: {x: -0.9}}]\n      poses:\n        - {elbow: 90}\n        - {elbow: 20}\n"},
	}
	for _, c := range good {
		t.Run(c.name, func(t *testing.T) {
			data := mutate(t, withFigure(c.fig))
			if errs := loadSnippet(data); errs != nil {
				t.Errorf("the loader refuses it:\n%s", strings.Join(errs, "\n"))
			}
			if errs := schemaErrors(t, data); errs != nil {
				t.Errorf("the schema refuses it:\n%s", strings.Join(errs, "\n"))
			}
		})
	}
	bad := []struct {
		name, fig, loader, schemaAt string
	}{
		{"unknown joint", strings.Replace(goodFigure, "knee: 0,", "knees: 0,", 1), `lib/a.yaml:32:30: exercises[2].figure.poses[0].knees: unknown joint "knees"; did you mean "knee"?`, "/exercises/2/figure/poses/0"},
		{"a hand joint in the side view", strings.Replace(goodFigure, "ankle: -25,", "thumb_ip: 10,", 1), `unknown joint "thumb_ip": it is a joint of the hand view, not the side view`, "/exercises/2/figure/poses/1"},
		{"a side on a joint with none", strings.Replace(goodFigure, "trunk: 0,", "left_trunk: 0,", 1), `trunk has no left and right; write trunk`, "/exercises/2/figure/poses/0"},
		{"an angle past its range", strings.Replace(goodFigure, "ankle: -25,", "ankle: -51,", 1), `exercises[2].figure.poses[1].ankle: -51 is outside the range of ankle; use -50 to 30 degrees`, "/exercises/2/figure/poses/1/ankle"},
		{"an angle as text", strings.Replace(goodFigure, "ankle: -25,", "ankle: up,", 1), `poses[1].ankle: expected a number of degrees, found the text "up"`, "/exercises/2/figure/poses/1/ankle"},
		{"a prop outside the frame", strings.Replace(goodFigure, "x: -0.4", "x: -1.2", 1), `exercises[2].figure.props[0].chair.x: -1.2 is outside the side view's frame; use -0.9 to 0.9`, "/exercises/2/figure/props/0"},
		{"a prop running out of the frame", strings.Replace(goodFigure, "{counter: {x: 0.2}}", "{counter: {x: 0.7, w: 0.3}}", 1), `the counter runs from x 0.7 to 1, past the frame's edge at 0.9`, ""},
		{"an unknown prop", strings.Replace(goodFigure, "chair:", "stool:", 1), `"stool" is not one of chair | counter`, "/exercises/2/figure/props/0"},
		{"a field a prop does not take", strings.Replace(goodFigure, "{chair: {x: -0.4}}", "{chair: {x: -0.4, r: 0.1}}", 1), `props[0].chair.r: unknown field "r"`, "/exercises/2/figure/props/0"},
		{"one pose", strings.Replace(goodFigure, "        - {ankle: -25, toes: 25}\n", "", 1), `a figure needs at least 2 poses`, "/exercises/2/figure/poses"},
		{"no view", strings.Replace(goodFigure, "      view: side\n", "", 1), `figure: view is required: side, front or hand`, "/exercises/2/figure"},
		{"an unknown view", strings.Replace(goodFigure, "view: side", "view: top", 1), `"top" is not one of side | front | hand`, "/exercises/2/figure/view"},
		{"an unknown point", "      view: side\n      props: [{ball: {at: left_palm}}]\n      poses:\n        - {elbow: 90}\n        - {elbow: 20}\n", `"left_palm" is not a point of the figure; did you mean "left_ball"?`, "/exercises/2/figure/props/0"},
		{"zoom on a hand", "      view: hand\n      zoom: feet\n      poses:\n        - {wrist: 0}\n        - {wrist: 20}\n", `zoom: feet is for the side and front views`, "/exercises/2/figure/zoom"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			data := mutate(t, withFigure(c.fig))
			lerrs := loadSnippet(data)
			if !strings.Contains(strings.Join(lerrs, "\n"), c.loader) {
				t.Errorf("the loader should say %q; it said:\n%s", c.loader, strings.Join(lerrs, "\n"))
			}
			if c.schemaAt == "" {
				return // a mistake between values: the loader's alone
			}
			serrs := schemaErrors(t, data)
			if !slices.ContainsFunc(errorPlaces(serrs), func(at string) bool { return strings.HasPrefix(at, c.schemaAt) }) {
				t.Errorf("the schema should refuse the value at %s; it said:\n%s", c.schemaAt, strings.Join(serrs, "\n"))
			}
		})
	}
}

// library.md names every joint, prop and point the loader knows, so that an
// author can find each one.
func TestLibraryDocNamesEveryJointAndProp(t *testing.T) {
	data, err := os.ReadFile("library.md")
	if err != nil {
		t.Fatal(err)
	}
	md := string(data)
	var names []string
	for _, j := range append(slices.Clone(exercises.BodyJoints), exercises.HandJoints...) {
		if strings.HasPrefix(j.Name, "index_") || strings.HasPrefix(j.Name, "middle_") || strings.HasPrefix(j.Name, "ring_") ||
			strings.HasPrefix(j.Name, "little_") && j.Name != "little_dip" {
			continue // one line names the fingers' own joints
		}
		names = append(names, j.Name)
	}
	for _, k := range exercises.PropKinds {
		names = append(names, string(k))
		names = append(names, exercises.PropFields(k)...)
	}
	names = append(names, exercises.FigurePoints(exercises.ViewHand)...)
	for _, n := range names {
		if !strings.Contains(md, "`"+n+"`") {
			t.Errorf("library.md does not name `%s`", n)
		}
	}
}
