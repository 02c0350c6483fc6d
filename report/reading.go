package report

import (
	"fmt"

	"limber/coach"
	"limber/exercises"
	"limber/profile"
)

// Reading is one outcome measure's result read against its norm: the
// words the coach, limber assess and the report all say about it.
type Reading struct {
	Norm    exercises.Norm
	HasNorm bool // a norm covers the person
	Below   bool // the result is below the norm's usual range
	// Unknown says the person's age (or sex, where the norms need it) is
	// not known, so no norm could be chosen.
	Unknown bool
	Age     int // the age it was read for; 0 when not known
}

// Read reads a result of a for a person of age and sex (0 and "" where not
// known).
func Read(a *exercises.Assessment, result, age int, sex string) Reading {
	rd := Reading{Age: age}
	if n, ok := a.NormFor(age, sex); ok {
		rd.Norm, rd.HasNorm, rd.Below = n, true, n.Under(result)
		return rd
	}
	if age <= 0 {
		rd.Unknown = len(a.Norms) > 0
		return rd
	}
	// Sex unknown where every norm for this age has one.
	for _, n := range a.Norms {
		if n.Sex != "" && sex == "" && n.Covers(age, n.Sex) {
			rd.Unknown = true
		}
	}
	return rd
}

// ReadResult reads a journalled result, with the age and sex it was
// recorded with, else those of the profile (the age it had then).
func ReadResult(a *exercises.Assessment, r coach.Result, prof *profile.Profile) Reading {
	age, sex := r.Age, r.Sex
	if prof != nil {
		if age == 0 {
			age, _ = prof.Age(r.At)
		}
		if sex == "" {
			sex = prof.Sex
		}
	}
	return Read(a, r.Result, age, sex)
}

// Threshold is where the usual range starts, in words: "10 stands or
// more", "stage 3 or more held".
func Threshold(a *exercises.Assessment, n exercises.Norm) string {
	if a.Kind == exercises.Stages {
		return fmt.Sprintf("stage %d or more held", n.Below)
	}
	return exercises.CountText(n.Below, a.Unit) + " or more"
}

// FallRisk is what a result below its norm asks of the person.
const FallRisk = "talk to your therapist about fall risk"

// ProfileHint says how to let the report compare results with the norms.
const ProfileHint = "add your year of birth and sex (limber profile --born YEAR --sex F|M) to compare it with the usual range"

// Words say the reading in one plain sentence, or "" where the assessment
// has no norms at all.
func (rd Reading) Words(a *exercises.Assessment) string {
	switch {
	case rd.HasNorm && rd.Below:
		return fmt.Sprintf("Below the usual range for %s (%s): %s.", rd.Norm.Group(), Threshold(a, rd.Norm), FallRisk)
	case rd.HasNorm:
		return fmt.Sprintf("In the usual range for %s (%s).", rd.Norm.Group(), Threshold(a, rd.Norm))
	case rd.Unknown:
		return "No comparison yet: " + ProfileHint + "."
	case len(a.Norms) > 0:
		return fmt.Sprintf("The source gives no usual range for age %d.", rd.Age)
	}
	return ""
}
