package exercises

import (
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

var assessmentFields = []string{"id", "name", "kind", "summary", "duration", "unit", "stages", "steps", "safety", "every", "norms", "source"}

// Limits of an outcome measure.
const (
	maxStages = 10
	maxEvery  = 52 * 7 // days
	maxAge    = 120
)

var (
	everyPattern = regexp.MustCompile(`^([0-9]{1,3})([dw])$`)
	agePattern   = regexp.MustCompile(`^([0-9]{1,3})(?:-([0-9]{1,3})|(\+))?$`)
)

// assessment decodes one outcome measure (DESIGN section 2).
func (d *decoder) assessment(n *yaml.Node, field string) *Assessment {
	a := &Assessment{Pos: d.pos(n), Every: DefaultEvery}
	var kindNode, unitNode, stagesNode, normsNode *yaml.Node
	ok := d.fields(n, field, assessmentFields, func(key string, v *yaml.Node) {
		f := field + "." + key
		switch key {
		case "id":
			a.ID = d.id(v, f)
		case "name":
			a.Name = d.text(v, f, MaxNameLen, false)
		case "kind":
			kindNode = v
			a.Kind = AssessmentKind(d.oneOf(v, f, "count", "stages"))
		case "summary":
			a.Summary = d.text(v, f, MaxTextLen, true)
		case "duration":
			a.Duration, _ = d.duration(v, f)
		case "unit":
			unitNode = v
			a.Unit = d.text(v, f, MaxNameLen, false)
		case "stages":
			stagesNode = v
			a.Stages = d.texts(v, f, MaxNameLen)
		case "steps":
			a.Steps = d.texts(v, f, MaxTextLen)
		case "safety":
			a.Safety = d.texts(v, f, MaxTextLen)
		case "every":
			a.Every = d.every(v, f)
		case "norms":
			normsNode = v
		case "source":
			a.Source = d.text(v, f, MaxTextLen, false)
		}
	})
	if !ok {
		return nil
	}
	d.require(n, field, "id", "name", "duration", "steps")
	if kindNode == nil {
		d.errorf(n, field+".kind", "kind is required: count (how many in the duration) or stages (how many stages held)")
	}
	switch a.Kind {
	case Count:
		if stagesNode != nil {
			d.errorf(stagesNode, field+".stages", "stages apply only to kind stages; a count has a unit, such as unit: stands")
		}
		if a.Unit == "" && unitNode == nil {
			a.Unit = "reps"
		}
	case Stages:
		if unitNode != nil {
			d.errorf(unitNode, field+".unit", "unit applies only to kind count; a stages test counts stages")
		}
		switch {
		case stagesNode == nil:
			d.errorf(n, field+".stages", "kind stages needs stages: the positions, easiest first")
		case stagesNode.Kind == yaml.SequenceNode && (len(stagesNode.Content) < 2 || len(stagesNode.Content) > maxStages):
			d.errorf(stagesNode, field+".stages", "a stages test has 2 to %d stages; this one has %d", maxStages, len(stagesNode.Content))
		}
	}
	if normsNode != nil {
		d.norms(a, normsNode, field+".norms")
	}
	return a
}

// every reads how often an outcome measure is offered: days or weeks, such
// as 4w or 28d, from 1 day to 52 weeks.
func (d *decoder) every(n *yaml.Node, field string) int {
	const hint = "use days or weeks, such as 4w or 28d, from 1d to 52w"
	if !d.scalar(n, field, "a period such as 4w") {
		return DefaultEvery
	}
	m := everyPattern.FindStringSubmatch(n.Value)
	if m == nil {
		d.errorf(n, field, "%s is not a period; %s", Quote(clip(n.Value, 40)), hint)
		return DefaultEvery
	}
	days, _ := strconv.Atoi(m[1])
	if m[2] == "w" {
		days *= 7
	}
	if days < 1 || days > maxEvery {
		d.errorf(n, field, "%s is out of range; %s", Quote(n.Value), hint)
		return DefaultEvery
	}
	return days
}

// norms reads the usual ranges by age band and sex, and refuses two that
// would both cover one person.
func (d *decoder) norms(a *Assessment, n *yaml.Node, field string) {
	d.list(n, field, "norms", func(_ int, f string, v *yaml.Node) {
		before := d.count()
		nm := Norm{Pos: d.pos(v)}
		var ageNode, belowNode *yaml.Node
		if !d.fields(v, f, []string{"age", "sex", "below"}, func(key string, x *yaml.Node) {
			switch key {
			case "age":
				ageNode = x
				nm.AgeFrom, nm.AgeTo = d.ageBand(x, f+".age")
			case "sex":
				nm.Sex = d.sex(x, f+".sex")
			case "below":
				belowNode = x
			}
		}) {
			return
		}
		if ageNode == nil {
			d.errorf(v, f, "age is required: an age band such as 70-74, or 65+")
		}
		if belowNode == nil {
			d.errorf(v, f, "below is required: the lowest result in the usual range")
		} else if a.Kind == Stages && len(a.Stages) >= 2 {
			nm.Below, _ = d.integer(belowNode, f+".below", 1, len(a.Stages))
		} else {
			nm.Below, _ = d.integer(belowNode, f+".below", 1, MaxCount)
		}
		if d.count() > before {
			return
		}
		for _, o := range a.Norms {
			if o.overlaps(nm) {
				d.errorf(v, f, "this norm covers people that the norm at line %d also covers (%s); give each age band and sex one norm", o.Pos.Line, o.Group())
				return
			}
		}
		a.Norms = append(a.Norms, nm)
	})
}

// ageBand reads "70-74", "65+" or a single year, from 0 to 120.
func (d *decoder) ageBand(n *yaml.Node, field string) (from, to int) {
	const hint = "use an age band such as 70-74, or 65+ for 65 and over"
	if !d.scalar(n, field, "an age band such as 70-74") {
		return 0, 0
	}
	m := agePattern.FindStringSubmatch(n.Value)
	if m == nil {
		d.errorf(n, field, "%s is not an age band; %s", Quote(clip(n.Value, 40)), hint)
		return 0, 0
	}
	from, _ = strconv.Atoi(m[1])
	switch {
	case m[3] == "+":
		to = 0
	case m[2] != "":
		to, _ = strconv.Atoi(m[2])
	default:
		to = from
	}
	if from < 1 || from > maxAge || to > maxAge || (to != 0 && to < from) {
		d.errorf(n, field, "%s is out of range; ages run from 1 to %d, the first no higher than the second", Quote(n.Value), maxAge)
		return 0, 0
	}
	return from, to
}

// sex reads F or M; a small letter is named as such, as "did you mean"
// would guess between two one-letter words.
func (d *decoder) sex(n *yaml.Node, field string) string {
	if !d.scalar(n, field, "F or M") {
		return ""
	}
	if n.Value == "f" || n.Value == "m" {
		d.errorf(n, field, "%s is not one of F | M; write it as a capital: %q", Quote(n.Value), strings.ToUpper(n.Value))
		return ""
	}
	return d.oneOf(n, field, "F", "M")
}
