package exercises

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

var figureFields = []string{"view", "turn", "tilt", "anchor", "zoom", "poses", "props", "alt"}

// figure decodes an exercise's `figure:` block. Like every other field, a
// mistake in it leaves the exercise out, with the mistake's place.
func (d *decoder) figure(n *yaml.Node, field string) *Figure {
	f := &Figure{Pos: d.pos(n)}
	before := d.count()
	var poses, props *yaml.Node
	ok := d.fields(n, field, figureFields, func(key string, v *yaml.Node) {
		fk := field + "." + key
		switch key {
		case "view":
			f.View = FigureView(d.oneOf(v, fk, "side", "front", "hand"))
		case "turn":
			f.Turn, _ = d.number(v, fk, -180, 180, "degrees")
		case "tilt":
			f.Tilt, _ = d.number(v, fk, 0, 60, "degrees")
		case "anchor":
			f.Anchor = d.oneOf(v, fk, AnchorFeet, AnchorSeat)
		case "zoom":
			f.Zoom = d.oneOf(v, fk, ZoomFeet)
		case "poses":
			poses = v
		case "props":
			props = v
		case "alt":
			f.Alt = d.text(v, fk, MaxTextLen, false)
		}
	})
	if !ok {
		return nil
	}
	if !hasKey(n, "view") {
		d.errorf(n, field, "view is required: side, front or hand")
	}
	if f.View == "" {
		return nil // the joints and the frame depend on the view
	}
	if f.Zoom != "" && !f.View.Body() {
		d.errorf(n, field+".zoom", "zoom: feet is for the side and front views; the hand view is a close-up already")
	}
	if poses == nil {
		d.errorf(n, field, "poses is required: a list of %d to %d poses, such as {hip: 90, knee: 90}", MinPoses, MaxPoses)
	} else {
		d.poses(f, poses, field+".poses")
	}
	if props != nil {
		d.props(f, props, field+".props")
	}
	if d.count() > before {
		return nil
	}
	return f
}

// poses reads the list of poses: each a mapping of joint names to degrees.
func (d *decoder) poses(f *Figure, n *yaml.Node, field string) {
	d.list(n, field, "poses", func(i int, sub string, v *yaml.Node) {
		if i >= MaxPoses {
			if i == MaxPoses {
				d.errorf(v, sub, "a figure has at most %d poses", MaxPoses)
			}
			return
		}
		f.Poses = append(f.Poses, d.pose(f.View, v, sub))
	})
	if n.Kind == yaml.SequenceNode && len(n.Content) < MinPoses {
		d.errorf(n, field, "a figure needs at least %d poses: where the movement starts and where it ends", MinPoses)
	}
}

// pose reads one pose. Its keys are joints, not fields, so it has its own
// loop: the messages name joints and the view's joints.
func (d *decoder) pose(v FigureView, n *yaml.Node, field string) FigurePose {
	p := FigurePose{Pos: d.pos(n)}
	if !d.plain(n, field) {
		return p
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, field, "expected a pose: a mapping of joints to degrees such as {hip: 90, knee: 90}, found %s", describe(n))
		return p
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, field, "a joint must be a plain word, found %s", describe(k))
			continue
		}
		name := k.Value
		sub := field + "." + name
		if seen[name] {
			d.errorf(k, sub, "duplicate joint %s; give each joint once", Quote(name))
			continue
		}
		seen[name] = true
		j, _, ok := LookupJoint(v, name)
		if !ok {
			d.errorf(k, sub, "%s", unknownJoint(v, name))
			continue
		}
		deg, ok := d.number(val, sub, math.Inf(-1), math.Inf(1), "degrees")
		if !ok {
			continue
		}
		if deg < j.Min || deg > j.Max {
			d.errorf(val, sub, "%s is outside the range of %s; use %s to %s degrees (0 is %s; positive is %s)",
				num(deg), j.Name, num(j.Min), num(j.Max), j.Zero, j.Plus)
			continue
		}
		p.Joints = append(p.Joints, JointAngle{Name: name, Deg: deg})
	}
	if len(n.Content) == 0 {
		d.errorf(n, field, "a pose needs at least one joint, such as {knee: 0}")
	}
	return p
}

// unknownJoint says why a name is not a joint of the view, and what is.
func unknownJoint(v FigureView, name string) string {
	msg := fmt.Sprintf("unknown joint %s", Quote(clip(name, 40)))
	base, _ := splitSide(name)
	for _, j := range Joints(v) {
		if j.Name == base && !j.Paired {
			return fmt.Sprintf("%s: %s has no left and right; write %s", msg, j.Name, j.Name)
		}
	}
	if v.Body() {
		if _, _, ok := LookupJoint(ViewHand, name); ok {
			return fmt.Sprintf("%s: it is a joint of the hand view, not the %s view", msg, v)
		}
	} else if _, _, ok := LookupJoint(ViewSide, name); ok {
		return fmt.Sprintf("%s: it is a joint of the side and front views, not the hand view", msg)
	}
	if s := Meant(name, jointNames(v), ""); s != "" {
		return msg + s
	}
	var names []string
	for _, j := range Joints(v) {
		if !strings.Contains(j.Name, "_") || !strings.HasPrefix(j.Name, "index") && !strings.HasPrefix(j.Name, "middle") &&
			!strings.HasPrefix(j.Name, "ring") && !strings.HasPrefix(j.Name, "little") {
			names = append(names, j.Name)
		}
	}
	if v.Body() {
		return msg + fmt.Sprintf("; the %s view's joints are %s (left_ or right_ before an arm or leg joint sets one side)", v, strings.Join(names, ", "))
	}
	return msg + fmt.Sprintf("; the hand view's joints are %s, and index, middle, ring and little with _mcp, _pip or _dip", strings.Join(names, ", "))
}

// props reads the list of props: each a kind alone (chair) or a mapping
// of one kind to its fields ({chair: {x: -0.4}}).
func (d *decoder) props(f *Figure, n *yaml.Node, field string) {
	kinds := make([]string, len(PropKinds))
	for i, k := range PropKinds {
		kinds[i] = string(k)
	}
	d.list(n, field, "props", func(i int, sub string, v *yaml.Node) {
		if i >= MaxProps {
			if i == MaxProps {
				d.errorf(v, sub, "a figure has at most %d props", MaxProps)
			}
			return
		}
		if !d.plain(v, sub) {
			return
		}
		var kindNode, body *yaml.Node
		switch {
		case v.Kind == yaml.ScalarNode:
			kindNode = v
		case v.Kind == yaml.MappingNode && len(v.Content) == 2:
			kindNode, body = v.Content[0], v.Content[1]
		default:
			d.errorf(v, sub, "expected a prop such as chair or {chair: {x: -0.4}}, found %s", describe(v))
			return
		}
		kind := PropKind(d.oneOf(kindNode, sub, kinds...))
		if kind == "" {
			return
		}
		p := FigureProp{Kind: kind, Pos: d.pos(v)}
		if body != nil && !(body.Kind == yaml.ScalarNode && body.ShortTag() == "!!null") {
			d.prop(f.View, &p, body, sub+"."+string(kind))
		} else if kind == PropBand {
			d.errorf(v, sub, "a band needs from and to, or around, such as {band: {around: [thumb_tip, index_tip]}}")
		}
		f.Props = append(f.Props, p)
	})
}

// prop reads a prop's fields and checks it lies inside the view's frame.
func (d *decoder) prop(v FigureView, p *FigureProp, n *yaml.Node, field string) {
	fr := FigureFrame(v)
	points := FigurePoints(v)
	var xNode, yNode, wNode *yaml.Node
	d.fields(n, field, propFields[p.Kind], func(key string, val *yaml.Node) {
		f := field + "." + key
		switch key {
		case "x":
			xNode = val
			if x, ok := d.number(val, f, math.Inf(-1), math.Inf(1), "units"); ok {
				p.X, p.Has = x, p.Has|HasX
			}
		case "y":
			yNode = val
			if y, ok := d.number(val, f, math.Inf(-1), math.Inf(1), "units"); ok {
				p.Y, p.Has = y, p.Has|HasY
			}
		case "w":
			wNode = val
			if w, ok := d.number(val, f, 0.01, fr.MaxX-fr.MinX, "units"); ok {
				p.W, p.Has = w, p.Has|HasW
			}
		case "h":
			if h, ok := d.number(val, f, 0.01, fr.MaxY-fr.MinY, "units"); ok {
				p.H, p.Has = h, p.Has|HasH
			}
		case "r":
			if r, ok := d.number(val, f, 0.005, 0.3, "units"); ok {
				p.R, p.Has = r, p.Has|HasR
			}
		case "at":
			p.At = d.point(val, f, points)
		case "from":
			p.From = d.point(val, f, points)
		case "to":
			p.To = d.point(val, f, points)
		case "around":
			d.list(val, f, "points", func(_ int, sub string, pv *yaml.Node) {
				if s := d.point(pv, sub, points); s != "" {
					p.Around = append(p.Around, s)
				}
			})
			if val.Kind == yaml.SequenceNode && len(val.Content) < 2 {
				d.errorf(val, f, "a band goes around at least 2 points")
			}
		case "arms":
			p.Arms = d.boolean(val, f)
		case "along":
			p.Along = d.boolean(val, f)
		}
	})
	if p.At != "" {
		// At a point, x and y move the prop a little from it.
		for _, c := range []struct {
			n   *yaml.Node
			key string
			v   float64
			has PropHas
		}{{xNode, "x", p.X, HasX}, {yNode, "y", p.Y, HasY}} {
			if p.Has&c.has != 0 && math.Abs(c.v) > maxOffset {
				d.errorf(c.n, field+"."+c.key, "%s is too far from %s; with at, %s moves the %s at most %s either way", num(c.v), p.At, c.key, p.Kind, num(maxOffset))
			}
		}
		return
	}
	if yNode != nil && p.Has&HasY != 0 && (p.Y < fr.MinY || p.Y > fr.MaxY) {
		d.errorf(yNode, field+".y", "%s is outside the %s view's frame; use %s to %s (%s)", num(p.Y), v, num(fr.MinY), num(fr.MaxY), frameUnit(v))
	}
	if xNode != nil && p.Has&HasX != 0 {
		switch {
		case p.X < fr.MinX || p.X > fr.MaxX:
			d.errorf(xNode, field+".x", "%s is outside the %s view's frame; use %s to %s (%s)", num(p.X), v, num(fr.MinX), num(fr.MaxX), frameUnit(v))
		case p.Has&HasW != 0 && p.X+p.W > fr.MaxX+1e-9:
			d.errorf(wNode, field+".w", "the %s runs from x %s to %s, past the frame's edge at %s; move it or make w smaller", p.Kind, num(p.X), num(p.X+p.W), num(fr.MaxX))
		}
	}
	held := p.From != "" || p.To != ""
	switch p.Kind {
	case PropTowel, PropBand:
		if held && (p.From == "" || p.To == "") {
			d.errorf(n, field, "a held %s needs both from and to", p.Kind)
		}
		if p.Kind == PropTowel && held && p.Has&(HasX|HasW) != 0 {
			d.errorf(n, field, "a towel is either held (from, to) or on the floor (x, w), not both")
		}
		if p.Kind == PropBand && held == (len(p.Around) > 0) {
			d.errorf(n, field, "a band needs from and to, or around, but not both")
		}
	}
}

// maxOffset is how far x and y may move a prop from the point it is at.
const maxOffset = 0.3

func frameUnit(v FigureView) string {
	switch v {
	case ViewHand:
		return "in hand lengths, the thumb's side negative"
	case ViewFront:
		return "in heights of the person, to their left positive"
	}
	return "in heights of the person, forward positive"
}

// point reads the name of a point of the figure.
func (d *decoder) point(n *yaml.Node, field string, points []string) string {
	if !d.scalar(n, field, "a point of the figure") {
		return ""
	}
	if slices.Contains(points, n.Value) {
		return n.Value
	}
	d.errorf(n, field, "%s is not a point of the figure%s", Quote(clip(n.Value, 40)),
		Meant(n.Value, points, "; use one of "+strings.Join(points, ", ")))
	return ""
}

// number reads a whole or decimal number in [lo, hi].
func (d *decoder) number(n *yaml.Node, field string, lo, hi float64, unit string) (float64, bool) {
	want := fmt.Sprintf("a number of %s from %s to %s", unit, num(lo), num(hi))
	if math.IsInf(lo, 0) {
		want = "a number of " + unit
	}
	if !d.scalar(n, field, want) {
		return 0, false
	}
	tag := n.ShortTag()
	x, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	if (tag != "!!int" && tag != "!!float") || err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		d.errorf(n, field, "expected %s, found %s", want, describe(n))
		return 0, false
	}
	if x < lo || x > hi {
		d.errorf(n, field, "%s is out of range; use %s", num(x), strings.TrimPrefix(want, "a number of "))
		return 0, false
	}
	return x, true
}

// boolean reads true or false.
func (d *decoder) boolean(n *yaml.Node, field string) bool {
	if !d.scalar(n, field, "true or false") {
		return false
	}
	if n.ShortTag() != "!!bool" {
		d.errorf(n, field, "expected true or false, found %s", describe(n))
		return false
	}
	return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
}

func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
