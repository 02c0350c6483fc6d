package exercises

import "gopkg.in/yaml.v3"

// ruleSet is a partial Rules from a file's or an exercise's `rules:` block;
// nil fields leave the rule below them in force.
type ruleSet struct {
	sessions                        *int
	regPain, regRise, regEffort     *int
	progEffort, progPain, progScore *int
	stopPain                        *int
	source                          string
}

func (s *ruleSet) apply(r Rules) Rules {
	set := func(dst *int, v *int) {
		if v != nil {
			*dst = *v
		}
	}
	set(&r.SessionsToProgress, s.sessions)
	set(&r.RegressPainAtLeast, s.regPain)
	set(&r.RegressPainRise, s.regRise)
	set(&r.RegressEffortAtLeast, s.regEffort)
	set(&r.ProgressEffortAtMost, s.progEffort)
	set(&r.ProgressPainAtMost, s.progPain)
	set(&r.ProgressScoreAtLeast, s.progScore)
	set(&r.StopPainAtLeast, s.stopPain)
	if s.source != "" {
		r.Source = s.source
	}
	return r
}

func (d *decoder) rules(n *yaml.Node, field string) *ruleSet {
	s := &ruleSet{}
	num := func(dst **int, v *yaml.Node, f string, lo, hi int) {
		if x, ok := d.integer(v, f, lo, hi); ok {
			*dst = &x
		}
	}
	d.fields(n, field, []string{"sessions_to_progress", "regress", "progress", "stop", "source"}, func(key string, v *yaml.Node) {
		f := field + "." + key
		switch key {
		case "sessions_to_progress":
			num(&s.sessions, v, f, 1, 20)
		case "regress":
			d.fields(v, f, []string{"pain_at_least", "pain_rise_at_least", "effort_at_least"}, func(k string, v *yaml.Node) {
				switch k {
				case "pain_at_least":
					num(&s.regPain, v, f+"."+k, 0, 10)
				case "pain_rise_at_least":
					num(&s.regRise, v, f+"."+k, 1, 10)
				case "effort_at_least":
					num(&s.regEffort, v, f+"."+k, 1, 5)
				}
			})
		case "progress":
			d.fields(v, f, []string{"effort_at_most", "pain_at_most", "score_at_least"}, func(k string, v *yaml.Node) {
				switch k {
				case "effort_at_most":
					num(&s.progEffort, v, f+"."+k, 1, 5)
				case "pain_at_most":
					num(&s.progPain, v, f+"."+k, 0, 10)
				case "score_at_least":
					num(&s.progScore, v, f+"."+k, 0, 100)
				}
			})
		case "stop":
			d.fields(v, f, []string{"pain_at_least"}, func(k string, v *yaml.Node) {
				num(&s.stopPain, v, f+"."+k, 0, 10)
			})
		case "source":
			s.source = d.text(v, f, MaxTextLen, false)
		}
	})
	return s
}
