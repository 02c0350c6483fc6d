package exercises

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// ruleKey is one number a `rules:` block may set: its place in the block,
// its range, and the field of Rules it sets.
type ruleKey struct {
	block, key string // block "" is the top of the rules block
	lo, hi     int
	field      func(*Rules) *int
}

// ruleKeys are every number of DESIGN section 2's `rules:` block.
var ruleKeys = []ruleKey{
	{"", "sessions_to_progress", 1, 20, func(r *Rules) *int { return &r.SessionsToProgress }},
	{"regress", "pain_at_least", 0, 10, func(r *Rules) *int { return &r.RegressPainAtLeast }},
	{"regress", "pain_rise_at_least", 1, 10, func(r *Rules) *int { return &r.RegressPainRise }},
	{"regress", "effort_at_least", 1, 5, func(r *Rules) *int { return &r.RegressEffortAtLeast }},
	{"stop", "pain_at_least", 0, 10, func(r *Rules) *int { return &r.StopPainAtLeast }},
	{"stop", "pain_rise_at_least", 1, 10, func(r *Rules) *int { return &r.StopPainRise }},
	{"progress", "pain_at_most", 0, 10, func(r *Rules) *int { return &r.ProgressPainAtMost }},
	{"progress", "pain_rise_at_most", 0, 10, func(r *Rules) *int { return &r.ProgressPainRise }},
	{"progress", "effort_at_most", 1, 5, func(r *Rules) *int { return &r.ProgressEffortAtMost }},
	{"progress", "score_at_least", 0, 100, func(r *Rules) *int { return &r.ProgressScoreAtLeast }},
	{"progress", "min_days", 0, 365, func(r *Rules) *int { return &r.ProgressMinDays }},
	{"checkin", "high_pain_at_least", 1, 10, func(r *Rules) *int { return &r.CheckinHighPain }},
}

// ruleBlocks are the sub-blocks of `rules:`, in the order of DESIGN section 2.
var ruleBlocks = []string{"regress", "stop", "progress", "checkin"}

// ruleSet is a partial Rules from a file's or an exercise's `rules:` block;
// keys it does not set leave the rule below them in force.
type ruleSet struct {
	has    [16]bool // by index in ruleKeys
	val    [16]int
	source string
}

func (s *ruleSet) apply(r Rules) Rules {
	for i, k := range ruleKeys {
		if s.has[i] {
			*k.field(&r) = s.val[i]
		}
	}
	if s.source != "" {
		r.Source = s.source
	}
	return r
}

// rules reads a `rules:` block that applies over base (the defaults, or the
// file's rules for an exercise) and checks that the result keeps calm below
// flare and stop at or above flare. A block with errors sets nothing.
func (d *decoder) rules(n *yaml.Node, field string, base Rules) *ruleSet {
	s := &ruleSet{}
	before := d.count()
	num := func(i int, v *yaml.Node, f string) {
		k := ruleKeys[i]
		if x, ok := d.integer(v, f, k.lo, k.hi); ok {
			s.has[i], s.val[i] = true, x
		}
	}
	top := []string{"sessions_to_progress"}
	top = append(top, ruleBlocks...)
	top = append(top, "source")
	d.fields(n, field, top, func(key string, v *yaml.Node) {
		f := field + "." + key
		switch key {
		case "sessions_to_progress":
			num(0, v, f)
		case "source":
			s.source = d.text(v, f, MaxTextLen, false)
		default:
			var allowed []string
			for _, k := range ruleKeys {
				if k.block == key {
					allowed = append(allowed, k.key)
				}
			}
			d.fields(v, f, allowed, func(k string, v *yaml.Node) {
				for i, rk := range ruleKeys {
					if rk.block == key && rk.key == k {
						num(i, v, f+"."+k)
					}
				}
			})
		}
	})
	if d.count() > before {
		return &ruleSet{}
	}
	for _, msg := range RulesConflicts(s.apply(base)) {
		d.errorf(n, field, "%s", msg)
	}
	if d.count() > before {
		return &ruleSet{}
	}
	return s
}

// RulesConflicts says, in an author's words, where rules contradict
// themselves: calm reaching flare, stop below flare, for some usual pain
// from 0 to 10, or an easy effort that is also too hard. Empty when the
// rules are sound. The pain thresholds are compared before the cap at 10,
// where the order of the rules (safety first) settles the top of the scale.
func RulesConflicts(r Rules) []string {
	var out []string
	for b := 0; b <= 10; b++ {
		flare, flareKey := bound(b, r.RegressPainAtLeast, r.RegressPainRise, "regress")
		calm, calmKey := bound(b, r.ProgressPainAtMost, r.ProgressPainRise, "progress")
		if calm >= flare {
			out = append(out, fmt.Sprintf("with usual pain %d, calm reaches pain %d (%s) but a flare starts at %d (%s); keep %s below %s",
				b, calm, calmKey, flare, flareKey, strings.Fields(calmKey)[0], strings.Fields(flareKey)[0]))
			break
		}
	}
	for b := 0; b <= 10; b++ {
		flare, flareKey := bound(b, r.RegressPainAtLeast, r.RegressPainRise, "regress")
		stop, stopKey := bound(b, r.StopPainAtLeast, r.StopPainRise, "stop")
		if stop < flare {
			out = append(out, fmt.Sprintf("with usual pain %d, stop comes at pain %d (%s), below a flare at %d (%s); stop must be at or above flare",
				b, stop, stopKey, flare, flareKey))
			break
		}
	}
	if r.ProgressEffortAtMost >= r.RegressEffortAtLeast {
		out = append(out, fmt.Sprintf("progress.effort_at_most %d is not below regress.effort_at_least %d: an effort cannot be both easy and too hard",
			r.ProgressEffortAtMost, r.RegressEffortAtLeast))
	}
	return out
}

// bound is max(atLeast, b+rise) before the cap at 10, and the key that
// gives it: "regress.pain_at_least 6" or "regress.pain_rise_at_least 2 over
// usual pain 5". For progress the keys are pain_at_most and pain_rise_at_most.
func bound(b, fixed, rise int, block string) (int, string) {
	fixedKey, riseKey := "pain_at_least", "pain_rise_at_least"
	if block == "progress" {
		fixedKey, riseKey = "pain_at_most", "pain_rise_at_most"
	}
	if b+rise > fixed {
		return b + rise, fmt.Sprintf("%s.%s %d over usual pain %d", block, riseKey, rise, b)
	}
	return fixed, fmt.Sprintf("%s.%s %d", block, fixedKey, fixed)
}
