package content_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"limber/content"
	"limber/exercises"
)

// Phrases the built-in content promises to carry. They are printed on
// handouts, so the checks look for the words a patient reads.
const (
	minPerCategory = 10
	breathingCue   = "breathe out as you push, never hold your breath"
	footTeamLine   = "ask your foot team"
	besideYou      = "someone beside you"
)

var (
	supportWords = []string{"counter", "chair", "wall"}
	spiky        = regexp.MustCompile(`(?i)\bspik(y|ed)\b`)
	coach        = regexp.MustCompile(`(?i)coach`)
	eyesClosed   = regexp.MustCompile(`(?i)eyes closed`)
	// A level without hand support: no hands, or hands held above the
	// counter. It and every eyes-closed level are only for the therapist
	// to open (progression.gate).
	unsupported = regexp.MustCompile(`(?i)eyes closed|\bno hands?\b|above the counter`)
)

func load(t *testing.T) *exercises.Library {
	t.Helper()
	lib, errs := exercises.Load(exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"})
	if len(errs) > 0 {
		t.Fatalf("built-in content is invalid: %v", errs)
	}
	return lib
}

func containsFold(list []string, word string) bool {
	word = strings.ToLower(word)
	return slices.ContainsFunc(list, func(s string) bool { return strings.Contains(strings.ToLower(s), word) })
}

// exerciseProblems lists every promise one exercise breaks.
func exerciseProblems(x *exercises.Exercise) []string {
	var p []string
	bad := func(format string, a ...any) { p = append(p, x.ID+": "+fmt.Sprintf(format, a...)) }
	if strings.TrimSpace(x.Source) == "" {
		bad("cites no source of its own")
	}
	if len(x.Steps) == 0 || x.Summary == "" {
		bad("has no steps or summary")
	}
	if x.Figure == nil {
		bad("has no figure: every built-in exercise is drawn (issue 15)")
	}
	if x.Position == exercises.Standing {
		if len(x.Safety) == 0 {
			bad("is done standing and has no safety notes")
		}
		if !slices.ContainsFunc(supportWords, func(w string) bool {
			return containsFold(x.Equipment, w) || containsFold(x.Steps, w)
		}) {
			bad("is done standing with no counter, chair or wall named in its equipment or steps")
		}
	}
	texts := map[string][]string{
		"name": {x.Name}, "summary": {x.Summary}, "steps": x.Steps, "cues": x.Cues,
		"safety": x.Safety, "levels": x.Levels, "equipment": x.Equipment,
	}
	for _, field := range []string{"name", "summary", "steps", "cues", "safety", "levels", "equipment"} {
		for _, s := range texts[field] {
			if coach.MatchString(s) {
				bad("%s says %q, which reads oddly on a handout", field, s)
			}
		}
	}
	for _, s := range append(slices.Clone(x.Steps), x.Safety...) {
		l := strings.ToLower(s)
		if strings.Contains(l, "hot water") && !strings.Contains(l, "never") && !strings.Contains(l, "not") {
			bad("suggests hot water: %q", s)
		}
	}
	for _, s := range append(slices.Clone(x.Steps), x.Levels...) {
		if spiky.MatchString(s) {
			bad("suggests a spiked ball: %q", s)
		}
	}
	if x.Category == exercises.Strengthening && !containsFold(x.Cues, breathingCue) {
		bad("is strengthening and lacks the cue %q", breathingCue)
	}
	if slices.Contains(x.Areas, "feet") && !containsFold(x.Safety, footTeamLine) {
		bad("works the feet and lacks the foot-team safety line (%q)", footTeamLine)
	}
	// Every eyes-closed or unsupported level is behind the therapist's gate.
	for i, l := range x.Levels {
		if unsupported.MatchString(l) && (x.Progression.Gate == 0 || x.Progression.Gate > i+1) {
			bad("level %d (%q) is without support or eyes closed, but the gate is %d", i+1, l, x.Progression.Gate)
			break
		}
	}
	// Every eyes-closed level, the top one included, has someone beside you.
	if x.Category == exercises.Balance {
		for i, l := range x.Levels {
			if eyesClosed.MatchString(l) && !strings.Contains(strings.ToLower(l), besideYou) {
				bad("level %d is done with eyes closed and does not say %q: %q", i+1, besideYou, l)
			}
		}
	}
	return p
}

// categoryProblems lists each category with too few exercises.
func categoryProblems(xs []*exercises.Exercise) []string {
	n := map[exercises.Category]int{}
	for _, x := range xs {
		n[x.Category]++
	}
	var p []string
	for _, c := range exercises.Categories {
		if n[c] < minPerCategory {
			p = append(p, fmt.Sprintf("%s has %d exercises, want at least %d", c, n[c], minPerCategory))
		}
	}
	return p
}

func routineProblems(rt *exercises.Routine) []string {
	var p []string
	for _, s := range append(append([]string{rt.Name, rt.Summary}, rt.Before...), rt.After...) {
		if coach.MatchString(s) {
			p = append(p, fmt.Sprintf("routine %s says %q", rt.ID, s))
		}
	}
	return p
}

func tipProblems(tip *exercises.Tip) []string {
	var p []string
	if tip.Source == "" {
		p = append(p, "tip "+tip.ID+" cites no source")
	}
	if coach.MatchString(tip.Title) || coach.MatchString(tip.Text) {
		p = append(p, "tip "+tip.ID+" says coach")
	}
	return p
}

// The built-in content keeps the promises the issues and DESIGN make of it.
func TestBuiltInContent(t *testing.T) {
	lib := load(t)
	var problems []string
	withLadder := 0
	for _, x := range lib.Exercises() {
		problems = append(problems, exerciseProblems(x)...)
		if len(x.Levels) >= 3 {
			withLadder++
		}
	}
	problems = append(problems, categoryProblems(lib.Exercises())...)
	for _, rt := range lib.Routines() {
		problems = append(problems, routineProblems(rt)...)
	}
	for _, tip := range lib.Tips() {
		problems = append(problems, tipProblems(tip)...)
	}
	for _, p := range problems {
		t.Error(p)
	}
	if withLadder < 15 {
		t.Errorf("%d exercises have real level ladders, want at least 15", withLadder)
	}
	for _, id := range []string{"feet-daily", "hands-daily", "balance-3x", "sensory-daily", "full-3x", "walk-daily", "walking-skills-2x"} {
		rt, ok := lib.Routine(id)
		if !ok {
			t.Errorf("routine %s is missing", id)
			continue
		}
		if (id == "feet-daily" || id == "walk-daily") && !strings.Contains(strings.ToLower(strings.Join(rt.After, " ")), "feet") {
			t.Errorf("%s does not end with a foot check: %v", id, rt.After)
		}
	}
	if rt, _ := lib.Routine("balance-3x"); rt == nil || rt.PerWeek != 3 {
		t.Error("balance-3x is not three times a week")
	}
	if rt, _ := lib.Routine("hands-daily"); rt == nil || !containsFold(rt.After, "tingling") {
		t.Error("hands-daily does not ask afterwards whether tingling lingered")
	}
	var tips []string
	for _, tip := range lib.Tips() {
		tips = append(tips, strings.ToLower(tip.Title+" "+tip.Text))
	}
	if len(tips) < 8 {
		t.Errorf("%d tips, want at least 8", len(tips))
	}
	all := strings.Join(tips, "\n")
	for _, topic := range []string{"shoe", "mirror", "rug", "grab bar", "night light", "blood sugar", "breath", "clinician", "floor"} {
		if !strings.Contains(all, topic) {
			t.Errorf("no tip mentions %q", topic)
		}
	}
}

// Strength work starts at 1 set of 10 (Otago; ADA 2016: 10 to 15 reps).
func TestStrengthStartsAtOneByTen(t *testing.T) {
	for _, x := range load(t).Exercises() {
		if x.Category == exercises.Strengthening && (x.Dose.Sets != 1 || x.Dose.Reps != 10) {
			t.Errorf("%s starts at %d x %d, want 1 x 10", x.ID, x.Dose.Sets, x.Dose.Reps)
		}
	}
}

// Each check above must be able to fail: a good exercise, broken in one way,
// draws exactly the complaint for that way.
func TestChecksCatchBrokenContent(t *testing.T) {
	lib := load(t)
	get := func(id string) exercises.Exercise {
		x, ok := lib.Exercise(id)
		if !ok {
			t.Fatalf("no exercise %s", id)
		}
		c := *x
		c.Steps, c.Safety, c.Cues = slices.Clone(x.Steps), slices.Clone(x.Safety), slices.Clone(x.Cues)
		c.Levels, c.Equipment, c.Areas = slices.Clone(x.Levels), slices.Clone(x.Equipment), slices.Clone(x.Areas)
		return c
	}
	without := func(list []string, word string) []string {
		return slices.DeleteFunc(list, func(s string) bool { return strings.Contains(strings.ToLower(s), word) })
	}
	cases := []struct {
		name, id, want string
		breakIt        func(x *exercises.Exercise)
	}{
		{"no source", "ankle-pumps", "cites no source", func(x *exercises.Exercise) { x.Source = "" }},
		{"no figure", "tendon-gliding", "has no figure", func(x *exercises.Exercise) { x.Figure = nil }},
		{"only a dose source", "ankle-pumps", "cites no source", func(x *exercises.Exercise) { x.Source, x.Dose.Source = " ", "ADA 2016" }},
		{"standing without safety", "side-leg-raise", "no safety notes", func(x *exercises.Exercise) { x.Safety = nil }},
		{"standing without support", "heel-raises", "no counter, chair or wall", func(x *exercises.Exercise) {
			x.Equipment = []string{"shoes"}
			x.Steps = []string{"Rise up onto your toes."}
		}},
		{"coach in a step", "tandem-stance", "steps says", func(x *exercises.Exercise) { x.Steps[2] = "Hold steady while the coach counts." }},
		{"coach in a cue", "tandem-stance", "cues says", func(x *exercises.Exercise) { x.Cues = append(x.Cues, "Listen to the Coach") }},
		{"coach in a level", "tandem-stance", "levels says", func(x *exercises.Exercise) { x.Levels[0] = "When the coach says, hold on" }},
		{"coach in the summary", "tandem-stance", "summary says", func(x *exercises.Exercise) { x.Summary = "The coach counts." }},
		{"coach in safety", "tandem-stance", "safety says", func(x *exercises.Exercise) { x.Safety[0] = "Ask the coach." }},
		{"coach in the name", "tandem-stance", "name says", func(x *exercises.Exercise) { x.Name = "Coach stance" }},
		{"strength without the breathing cue", "sit-to-stand", "lacks the cue", func(x *exercises.Exercise) { x.Cues = without(x.Cues, "breathe out") }},
		{"feet without the foot-team line", "ankle-pumps", "foot-team", func(x *exercises.Exercise) { x.Safety = without(x.Safety, footTeamLine) }},
		{"spiky ball in a level", "sole-ball-roll", "spiked ball", func(x *exercises.Exercise) { x.Levels = append(x.Levels, "Spiky massage ball") }},
		{"spiked ball in a step", "sole-ball-roll", "spiked ball", func(x *exercises.Exercise) { x.Steps[0] = "Use a spiked ball." }},
		{"eyes closed top level alone", "tandem-stance", "level 5 is done with eyes closed", func(x *exercises.Exercise) {
			x.Levels[len(x.Levels)-1] = "Eyes closed, fingertips on the counter"
		}},
		{"eyes closed lower level alone", "tandem-stance", "level 4 is done with eyes closed", func(x *exercises.Exercise) {
			x.Levels[3] = "Eyes closed, two hands on the counter"
		}},
		{"no gate", "tandem-stance", "without support or eyes closed, but the gate is 0", func(x *exercises.Exercise) { x.Progression.Gate = 0 }},
		{"a gate one level late", "heel-raises", "but the gate is 5", func(x *exercises.Exercise) { x.Progression.Gate = 5 }},
		{"hot water", "rice-bean-bin", "hot water", func(x *exercises.Exercise) { x.Steps[0] = "Warm the bowl with hot water." }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := get(c.id)
			if p := exerciseProblems(&x); len(p) != 0 {
				t.Fatalf("%s is not clean before breaking it: %v", c.id, p)
			}
			c.breakIt(&x)
			p := exerciseProblems(&x)
			if len(p) != 1 || !strings.Contains(p[0], c.want) {
				t.Errorf("got %q, want one problem mentioning %q", p, c.want)
			}
		})
	}
	// Eyes open with no one beside you is fine: the rule is about eyes closed.
	x := get("tandem-stance")
	x.Levels[len(x.Levels)-1] = "No hands, counter within reach"
	if p := exerciseProblems(&x); len(p) != 0 {
		t.Errorf("an eyes-open top level drew %v", p)
	}

	// The category count at its threshold and one either side.
	var rom []*exercises.Exercise
	for _, x := range lib.Exercises() {
		if x.Category == exercises.RangeOfMotion {
			rom = append(rom, x)
		}
	}
	if len(rom) < minPerCategory+1 {
		t.Fatalf("need at least %d rom exercises to test the threshold, have %d", minPerCategory+1, len(rom))
	}
	others := slices.DeleteFunc(slices.Clone(lib.Exercises()), func(x *exercises.Exercise) bool { return x.Category == exercises.RangeOfMotion })
	for _, n := range []int{minPerCategory - 1, minPerCategory, minPerCategory + 1} {
		p := categoryProblems(append(slices.Clone(others), rom[:n]...))
		if failed := len(p) == 1 && strings.HasPrefix(p[0], "rom has"); failed != (n < minPerCategory) || (len(p) > 1) {
			t.Errorf("%d rom exercises: got %q", n, p)
		}
	}

	rt, _ := lib.Routine("feet-daily")
	r := *rt
	r.After = append(slices.Clone(r.After), "Tell the coach how it went.")
	if p := routineProblems(&r); len(p) != 1 {
		t.Errorf("a routine that says coach drew %q", p)
	}
	r = *rt
	r.Before = append(slices.Clone(r.Before), "The coach will count.")
	if p := routineProblems(&r); len(p) != 1 {
		t.Errorf("a routine that says coach before drew %q", p)
	}
	tip := *lib.Tips()[0]
	tip.Text += " Your coach knows best."
	if p := tipProblems(&tip); len(p) != 1 {
		t.Errorf("a tip that says coach drew %q", p)
	}
	tip = *lib.Tips()[0]
	tip.Source = ""
	if p := tipProblems(&tip); len(p) != 1 {
		t.Errorf("a tip with no source drew %q", p)
	}
}

// steadiChairStand is the CDC STEADI 30-Second Chair Stand table: a score
// below these is below average for the age and sex (Rikli & Jones 1999).
var steadiChairStand = []struct {
	from, to   int
	men, women int
}{
	{60, 64, 14, 12}, {65, 69, 12, 11}, {70, 74, 12, 10}, {75, 79, 11, 10},
	{80, 84, 10, 9}, {85, 89, 8, 8}, {90, 94, 7, 4},
}

// assessmentProblems lists every promise one outcome measure breaks.
func assessmentProblems(a *exercises.Assessment) []string {
	var p []string
	bad := func(format string, args ...any) { p = append(p, a.ID+": "+fmt.Sprintf(format, args...)) }
	if !strings.Contains(a.Source, "STEADI") {
		bad("does not cite CDC STEADI: %q", a.Source)
	}
	if len(a.Steps) < 3 || a.Summary == "" {
		bad("has %d steps and summary %q", len(a.Steps), a.Summary)
	}
	if !containsFold(a.Safety, besideYou) {
		bad("its safety does not say %q", besideYou)
	}
	if a.Every != exercises.DefaultEvery {
		bad("is offered every %d days, want %d", a.Every, exercises.DefaultEvery)
	}
	for field, texts := range map[string][]string{"steps": a.Steps, "safety": a.Safety, "summary": {a.Summary}, "stages": a.Stages} {
		for _, s := range texts {
			if coach.MatchString(s) {
				bad("%s says %q, which reads oddly on a page", field, s)
			}
		}
	}
	if len(a.Norms) == 0 {
		bad("has no norms")
	}
	return p
}

// The two built-in outcome measures hold the STEADI procedure and norms.
func TestBuiltInAssessments(t *testing.T) {
	lib := load(t)
	for _, a := range lib.Assessments() {
		for _, p := range assessmentProblems(a) {
			t.Error(p)
		}
	}
	cs, ok := lib.Assessment("chair-stand-30s")
	if !ok {
		t.Fatal("no chair-stand-30s")
	}
	if cs.Kind != exercises.Count || cs.Duration != 30*time.Second || cs.Unit != "stands" || !containsFold(cs.Steps, "arms") || !containsFold(cs.Steps, "halfway") {
		t.Errorf("chair-stand-30s: %+v", cs)
	}
	if len(cs.Norms) != 2*len(steadiChairStand) {
		t.Errorf("chair-stand-30s has %d norms, want %d", len(cs.Norms), 2*len(steadiChairStand))
	}
	// Every band at its first and last year and one either side, for each
	// sex, and the result at the norm and one either side.
	for _, row := range steadiChairStand {
		for _, sx := range []struct {
			sex   string
			below int
		}{{"M", row.men}, {"F", row.women}} {
			for _, age := range []int{row.from, row.from + 1, row.to - 1, row.to} {
				n, ok := cs.NormFor(age, sx.sex)
				if !ok || n.Below != sx.below {
					t.Errorf("%s aged %d: norm %+v %v, want below %d", sx.sex, age, n, ok, sx.below)
					continue
				}
				if !n.Under(sx.below-1) || n.Under(sx.below) || n.Under(sx.below+1) {
					t.Errorf("%s aged %d: %d, %d, %d stands read wrong against %d", sx.sex, age, sx.below-1, sx.below, sx.below+1, sx.below)
				}
			}
		}
	}
	for _, age := range []int{59, 95} {
		if n, ok := cs.NormFor(age, "F"); ok {
			t.Errorf("a norm for age %d, which the table does not cover: %+v", age, n)
		}
	}
	if n, _ := cs.NormFor(72, "F"); n.Group() != "women 70-74" {
		t.Errorf("group %q", n.Group())
	}

	bs, ok := lib.Assessment("balance-4-stage")
	if !ok {
		t.Fatal("no balance-4-stage")
	}
	if bs.Kind != exercises.Stages || bs.Duration != 10*time.Second || len(bs.Stages) != 4 || !strings.Contains(strings.ToLower(bs.Stages[2]), "tandem") {
		t.Errorf("balance-4-stage: %+v", bs)
	}
	// Not holding the tandem stance (stage 3) is below; at 64 the STEADI
	// criterion for older adults does not apply.
	for _, c := range []struct {
		age, held int
		under, ok bool
	}{{64, 2, false, false}, {65, 2, true, true}, {65, 3, false, true}, {66, 4, false, true}, {90, 1, true, true}} {
		n, ok := bs.NormFor(c.age, "")
		if ok != c.ok || (ok && n.Under(c.held) != c.under) {
			t.Errorf("aged %d, %d stages held: norm %+v %v", c.age, c.held, n, ok)
		}
	}
}

func TestAssessmentChecksCatchBrokenContent(t *testing.T) {
	lib := load(t)
	orig, _ := lib.Assessment("chair-stand-30s")
	if p := assessmentProblems(orig); len(p) != 0 {
		t.Fatalf("chair-stand-30s is not clean: %v", p)
	}
	for _, c := range []struct {
		name, want string
		breakIt    func(a *exercises.Assessment)
	}{
		{"no STEADI", "does not cite", func(a *exercises.Assessment) { a.Source = "A web page" }},
		{"no one beside", "safety does not say", func(a *exercises.Assessment) { a.Safety = a.Safety[1:] }},
		{"every 2 weeks", "every 14 days", func(a *exercises.Assessment) { a.Every = 14 }},
		{"coach", "steps says", func(a *exercises.Assessment) { a.Steps = append(slices.Clone(a.Steps), "The coach counts.") }},
		{"no norms", "no norms", func(a *exercises.Assessment) { a.Norms = nil }},
		{"two steps", "has 2 steps", func(a *exercises.Assessment) { a.Steps = a.Steps[:2] }},
	} {
		a := *orig
		c.breakIt(&a)
		if p := assessmentProblems(&a); len(p) != 1 || !strings.Contains(p[0], c.want) {
			t.Errorf("%s: got %q, want one problem mentioning %q", c.name, p, c.want)
		}
	}
}
