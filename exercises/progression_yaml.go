package exercises

import (
	"strconv"
	"time"

	"gopkg.in/yaml.v3"
)

// Default progression bounds where an exercise's progression is silent.
func defaultStep(k Kind) int {
	switch k {
	case Hold:
		return 5
	case Timed:
		return 15
	}
	return 1
}

func defaultCap(k Kind) int {
	switch k {
	case Hold:
		return 60
	case Timed:
		return 300
	}
	return 15
}

// progressionInput is what an exercise's `progression:` block wrote, before
// defaults; nil where a key was left out.
type progressionInput struct {
	min, max, step *int
	setsMin        *int
	setsMax        *int
	gate           *int
	valueNode      *yaml.Node // the reps, hold or duration mapping
	setsNode       *yaml.Node
	gateNode       *yaml.Node
}

// ladder reads the progression, fills its defaults, builds the ladder and
// checks the starting dose lies on its grid and the gate among the levels.
func (d *decoder) ladder(e *Exercise, n, levelNode *yaml.Node, field string) (setsMinGiven bool) {
	in := d.progression(e, n, field+".progression")
	b := valueBounds(e.Dose.Kind, e.Dose.Value(), in)
	at := n
	if in.valueNode != nil {
		at = in.valueNode
	}
	if at == nil {
		at = &yaml.Node{Line: e.Pos.Line, Column: e.Pos.Col}
	}
	d.checkGrid(e, b, at, field+".progression."+e.Dose.Kind.Field())
	e.Progression.Value = b
	levels := max(1, len(e.Levels))
	if e.Dose.Level > levels {
		d.errorf(levelNode, field+".dose.level", "level %d is past the last of %d levels", e.Dose.Level, levels)
	}
	if in.setsNode != nil {
		at = in.setsNode
	}
	d.checkSets(e, in, levels, at, field+".progression.sets")
	d.checkGate(e, in, levels, field+".progression.gate")
	p := &e.Progression
	e.Ladder = Ladder{Levels: levels, Min: b.Min, Max: b.Max, Step: b.Step, BaseSets: p.SetsMin, MaxSets: p.SetsMax}
	if e.Ladder.Len() > 1_000_000 {
		d.errorf(at, field+".progression."+e.Dose.Kind.Field(), "the ladder has %d rungs; use a larger step", e.Ladder.Len())
	}
	return in.setsMin != nil
}

// progression reads the `progression:` mapping (n may be nil).
func (d *decoder) progression(e *Exercise, n *yaml.Node, field string) progressionInput {
	var in progressionInput
	if n == nil {
		return in
	}
	k := e.Dose.Kind
	valueKey := k.Field()
	d.fields(n, field, []string{"reps", "hold", "duration", "sets", "gate", "source"}, func(key string, v *yaml.Node) {
		f := field + "." + key
		switch key {
		case "reps", "hold", "duration":
			if key != valueKey {
				d.errorf(v, f, "%s does not apply to kind %s; use %s", key, k, valueKey)
				return
			}
			in.valueNode = v
			d.valueGrid(k, v, f, &in)
		case "sets":
			in.setsNode = v
			d.fields(v, f, []string{"min", "max"}, func(kk string, v *yaml.Node) {
				if x, ok := d.integer(v, f+"."+kk, 1, 10); ok {
					if kk == "min" {
						in.setsMin = &x
					} else {
						in.setsMax = &x
					}
				}
			})
		case "gate":
			in.gateNode = v
			if x, ok := d.integer(v, f, 0, 100); ok {
				in.gate = &x
			}
		case "source":
			e.Progression.Source = d.text(v, f, MaxTextLen, false)
		}
	})
	return in
}

// valueGrid reads {min, max, step} of the kind's value: reps, or durations.
func (d *decoder) valueGrid(k Kind, n *yaml.Node, field string, in *progressionInput) {
	d.fields(n, field, []string{"min", "max", "step"}, func(kk string, v *yaml.Node) {
		var x int
		var ok bool
		if k == Reps {
			x, ok = d.integer(v, field+"."+kk, 1, 1000)
		} else {
			var dur time.Duration
			dur, ok = d.duration(v, field+"."+kk)
			x = int(dur / time.Second)
		}
		if !ok {
			return
		}
		switch kk {
		case "min":
			in.min = &x
		case "max":
			in.max = &x
		case "step":
			in.step = &x
		}
	})
}

// valueBounds fills the grid's defaults (DESIGN section 3): min is the
// starting value, step the kind's, max the highest grid value under the
// kind's cap, or the starting value if that is higher.
func valueBounds(k Kind, start int, in progressionInput) Bounds {
	b := Bounds{Min: start, Step: defaultStep(k)}
	if in.min != nil {
		b.Min = *in.min
	}
	if in.step != nil {
		b.Step = *in.step
	}
	if in.max != nil {
		b.Max = *in.max
		return b
	}
	c := defaultCap(k)
	b.Max = b.Min
	if c > b.Min {
		b.Max = b.Min + (c-b.Min)/b.Step*b.Step
	}
	return b
}

// checkGrid checks the grid is whole and holds the starting value.
func (d *decoder) checkGrid(e *Exercise, b Bounds, at *yaml.Node, pf string) {
	k, start, valueKey := e.Dose.Kind, e.Dose.Value(), e.Dose.Kind.Field()
	unit := func(v int) string {
		if k == Reps {
			return strconv.Itoa(v)
		}
		return (time.Duration(v) * time.Second).String()
	}
	switch {
	case b.Max < b.Min:
		d.errorf(at, pf, "max %s is below min %s", unit(b.Max), unit(b.Min))
	case (b.Max-b.Min)%b.Step != 0:
		d.errorf(at, pf, "max %s is not on the grid: (max − min) = %s must be a multiple of step %s", unit(b.Max), unit(b.Max-b.Min), unit(b.Step))
	case start < b.Min || start > b.Max:
		d.errorf(at, pf, "the starting %s %s lies outside %s to %s", valueKey, unit(start), unit(b.Min), unit(b.Max))
	case (start-b.Min)%b.Step != 0:
		d.errorf(at, pf, "the starting %s %s is not on the grid %s, %s, … by %s", valueKey, unit(start), unit(b.Min), unit(b.Min+b.Step), unit(b.Step))
	}
}

// checkSets fills the sets range and checks it holds the starting sets,
// which climb only at the top level.
func (d *decoder) checkSets(e *Exercise, in progressionInput, levels int, at *yaml.Node, field string) {
	p := &e.Progression
	p.SetsMin, p.SetsMax = e.Dose.Sets, e.Dose.Sets
	if in.setsMin != nil {
		p.SetsMin = *in.setsMin
	}
	if in.setsMax != nil {
		p.SetsMax = *in.setsMax
	}
	switch {
	case p.SetsMin > e.Dose.Sets:
		d.errorf(at, field+".min", "min %d is above the starting %d sets", p.SetsMin, e.Dose.Sets)
	case p.SetsMax < e.Dose.Sets:
		d.errorf(at, field+".max", "max %d is below the starting %d sets", p.SetsMax, e.Dose.Sets)
	case p.SetsMin < e.Dose.Sets && levels > 1 && e.Dose.Level < levels:
		d.errorf(at, field+".min", "sets climb only at the top level: with %d levels, start at %d sets or at level %d", levels, p.SetsMin, levels)
	}
}

// checkGate keeps a gate among the levels the rules could climb to: level
// 2 up to the last. Level 1 is where every ladder starts, so a gate there
// would gate nothing.
func (d *decoder) checkGate(e *Exercise, in progressionInput, levels int, field string) {
	if in.gate == nil {
		return
	}
	g := *in.gate
	switch {
	case levels < 2:
		d.errorf(in.gateNode, field, "gate %d needs levels: this exercise has none to gate; add levels or leave gate out", g)
	case g < 2 || g > levels:
		d.errorf(in.gateNode, field, "gate %d is outside the levels; use a level from 2 to %d (the rules never climb to it by themselves)", g, levels)
	default:
		e.Progression.Gate = g
	}
}
