package exercises

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// AssessmentKind says what an outcome measure's result counts.
type AssessmentKind string

const (
	// Count is how many times something is done in a fixed time, such as
	// the stands of the 30-second chair stand.
	Count AssessmentKind = "count"
	// Stages is how many of a series of harder and harder positions were
	// each held for the whole time, such as the 4-stage balance test.
	Stages AssessmentKind = "stages"
)

// DefaultEvery is how many days after the last result an outcome measure
// is offered again, where its `every` is silent: four weeks.
const DefaultEvery = 28

// MaxCount is the highest result a count may have.
const MaxCount = 1000

// Assessment is an outcome measure (DESIGN section 7): a short standard
// test, done now and then, whose result is read against the usual range
// for the person's age and sex.
type Assessment struct {
	ID      string
	Name    string
	Kind    AssessmentKind
	Summary string
	// Duration is how long the count runs (Count), or how long each stage
	// is held (Stages).
	Duration time.Duration
	// Unit is what a Count counts, in the plural: "stands". "reps" where
	// the file is silent.
	Unit string
	// Stages are the positions of a Stages test, easiest first.
	Stages []string
	Steps  []string
	Safety []string
	// Every is the days from one result to the next offer.
	Every  int
	Norms  []Norm
	Source string

	Origin string // "built-in" or the file it came from
	Pos    Pos
}

// Norm is where the usual range of a result starts, for one age band and
// sex: a result under Below is below it.
type Norm struct {
	AgeFrom int    // years, inclusive
	AgeTo   int    // years, inclusive; 0 for no upper end ("65+")
	Sex     string // "F", "M", or "" for everyone
	Below   int
	Pos     Pos
}

// Covers reports whether the norm is for a person of age and sex. An
// unknown age (0 or less) is covered by no norm, an unknown sex ("") only
// by a norm for everyone.
func (n Norm) Covers(age int, sex string) bool {
	if age <= 0 || age < n.AgeFrom || (n.AgeTo != 0 && age > n.AgeTo) {
		return false
	}
	return n.Sex == "" || n.Sex == sex
}

// Under reports whether a result is below the usual range.
func (n Norm) Under(result int) bool { return result < n.Below }

// Ages is the norm's age band in words: "70-74", "65 and over".
func (n Norm) Ages() string {
	if n.AgeTo == 0 {
		return fmt.Sprintf("%d and over", n.AgeFrom)
	}
	return fmt.Sprintf("%d-%d", n.AgeFrom, n.AgeTo)
}

// Group names the people the norm is for: "women 70-74", "adults 65 and
// over".
func (n Norm) Group() string {
	who := "adults"
	switch n.Sex {
	case "F":
		who = "women"
	case "M":
		who = "men"
	}
	return who + " " + n.Ages()
}

// overlaps reports whether two norms could cover one person.
func (n Norm) overlaps(o Norm) bool {
	if n.Sex != "" && o.Sex != "" && n.Sex != o.Sex {
		return false
	}
	end := func(x Norm) int {
		if x.AgeTo == 0 {
			return 1 << 30
		}
		return x.AgeTo
	}
	return n.AgeFrom <= end(o) && o.AgeFrom <= end(n)
}

// NormFor is the norm for a person of age and sex, and false when the
// assessment has none for them (or their age or sex is not known).
func (a *Assessment) NormFor(age int, sex string) (Norm, bool) {
	for _, n := range a.Norms {
		if n.Covers(age, sex) {
			return n, true
		}
	}
	return Norm{}, false
}

// MaxResult is the highest result the assessment can have: the number of
// stages, or MaxCount.
func (a *Assessment) MaxResult() int {
	if a.Kind == Stages {
		return len(a.Stages)
	}
	return MaxCount
}

// ResultText is a result in words: "11 stands", "1 stand", "stage 3 of 4
// (Tandem stance)", "no stage held".
func (a *Assessment) ResultText(v int) string {
	if a.Kind == Stages {
		if v <= 0 || len(a.Stages) == 0 {
			return "no stage held"
		}
		v = min(v, len(a.Stages))
		return fmt.Sprintf("stage %d of %d (%s)", v, len(a.Stages), a.Stages[v-1])
	}
	return CountText(v, a.Unit)
}

// CountText is n of a plural unit: "11 stands", "1 stand".
func CountText(n int, unit string) string {
	if n == 1 && strings.HasSuffix(unit, "s") {
		unit = strings.TrimSuffix(unit, "s")
	}
	return fmt.Sprintf("%d %s", n, unit)
}

// Assessment returns the outcome measure with the id.
func (l *Library) Assessment(id string) (*Assessment, bool) {
	a, ok := l.assessments[id]
	return a, ok
}

// Assessments lists every outcome measure in definition order.
func (l *Library) Assessments() []*Assessment { return inOrder(l.assessments, l.asOrder) }

// AssessmentIDs lists every outcome measure's id, for suggestions.
func (l *Library) AssessmentIDs() []string { return slices.Clone(l.asOrder) }

// addAssessment keeps a file's outcome measure; a later source's replaces
// an earlier one of the same id, in its place.
func (l *Library) addAssessment(a *Assessment) {
	if old, ok := l.assessments[a.ID]; ok {
		l.Notices = append(l.Notices, Notice{a.Pos, fmt.Sprintf("assessment %q replaces the one from %s", a.ID, Escape(old.Origin))})
	} else {
		l.asOrder = append(l.asOrder, a.ID)
	}
	l.assessments[a.ID] = a
}
