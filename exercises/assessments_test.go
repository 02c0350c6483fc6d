package exercises

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// goodAssessments is a valid file with one outcome measure of each kind,
// which the cases below break in one place each.
const goodAssessments = `assessments:
  - id: chair-stand
    name: Chair stand
    kind: count
    duration: 30s
    unit: stands
    steps: [Sit, Stand up and sit down as many times as you can.]
    safety: [Chair against a wall.]
    every: 4w
    norms:
      - {age: 60-64, sex: F, below: 12}
      - {age: 60-64, sex: M, below: 14}
      - {age: 65-69, sex: F, below: 11}
    source: A source
  - id: balance-stages
    name: Balance stages
    kind: stages
    duration: 10s
    stages: [Side by side, Semi-tandem, Tandem, One foot]
    steps: [Hold each position.]
    norms:
      - {age: 65+, below: 3}
`

func TestAssessmentsLoad(t *testing.T) {
	lib, errs := loadFiles(map[string]string{"a.yaml": goodAssessments})
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errStrings(errs))
	}
	if got := lib.AssessmentIDs(); strings.Join(got, ",") != "chair-stand,balance-stages" {
		t.Fatalf("ids %v", got)
	}
	cs, _ := lib.Assessment("chair-stand")
	if cs.Kind != Count || cs.Duration != 30*time.Second || cs.Unit != "stands" || cs.Every != 28 ||
		len(cs.Norms) != 3 || cs.Origin != "lib/a.yaml" || cs.Pos.Line != 2 || cs.Source != "A source" || len(cs.Safety) != 1 {
		t.Errorf("chair-stand decoded wrong: %+v", cs)
	}
	if n := cs.Norms[1]; n.AgeFrom != 60 || n.AgeTo != 64 || n.Sex != "M" || n.Below != 14 || n.Pos.Line != 12 {
		t.Errorf("norm decoded wrong: %+v", n)
	}
	bs, _ := lib.Assessment("balance-stages")
	if bs.Kind != Stages || bs.Duration != 10*time.Second || len(bs.Stages) != 4 || bs.Every != DefaultEvery || bs.Unit != "" || bs.MaxResult() != 4 {
		t.Errorf("balance-stages decoded wrong: %+v", bs)
	}
	if n := bs.Norms[0]; n.AgeFrom != 65 || n.AgeTo != 0 || n.Sex != "" || n.Below != 3 {
		t.Errorf("open-ended norm decoded wrong: %+v", n)
	}
	if cs.MaxResult() != MaxCount {
		t.Errorf("a count's highest result is %d", cs.MaxResult())
	}
}

func TestAssessmentEvery(t *testing.T) {
	for _, c := range []struct {
		every string
		days  int
		err   string
	}{
		{"1d", 1, ""},
		{"28d", 28, ""},
		{"4w", 28, ""},
		{"52w", 364, ""},
		{"364d", 364, ""},
		{"365d", 0, `"365d" is out of range`},
		{"53w", 0, `"53w" is out of range`},
		{"0d", 0, `"0d" is out of range`},
		{"0w", 0, `"0w" is out of range`},
		{"4 weeks", 0, `"4 weeks" is not a period; use days or weeks, such as 4w or 28d, from 1d to 52w`},
		{"4", 0, `"4" is not a period`},
	} {
		yaml := strings.Replace(goodAssessments, "every: 4w", "every: "+c.every, 1)
		lib, errs := loadFiles(map[string]string{"a.yaml": yaml})
		got := strings.Join(errStrings(errs), "\n")
		if c.err == "" {
			a, ok := lib.Assessment("chair-stand")
			if got != "" || !ok || a.Every != c.days {
				t.Errorf("every %s: errors %q, every %v", c.every, got, a)
			}
			continue
		}
		if !strings.Contains(got, "lib/a.yaml:9:12: assessments[0].every: "+c.err) {
			t.Errorf("every %s: got %q, want %q at 9:12", c.every, got, c.err)
		}
		if _, ok := lib.Assessment("chair-stand"); ok {
			t.Errorf("every %s: an assessment with an error was kept", c.every)
		}
	}
}

// Each norm is tested at its edges: the age band's ends and one year
// either side, and the result at below and one either side.
func TestNormThresholds(t *testing.T) {
	women7074 := Norm{AgeFrom: 70, AgeTo: 74, Sex: "F", Below: 10}
	for _, c := range []struct {
		age  int
		sex  string
		want bool
	}{
		{69, "F", false}, {70, "F", true}, {71, "F", true},
		{73, "F", true}, {74, "F", true}, {75, "F", false},
		{72, "M", false}, {72, "", false}, {0, "F", false}, {-1, "F", false},
	} {
		if got := women7074.Covers(c.age, c.sex); got != c.want {
			t.Errorf("women 70-74 covers %d %q = %v, want %v", c.age, c.sex, got, c.want)
		}
	}
	for _, c := range []struct {
		result int
		under  bool
	}{{9, true}, {10, false}, {11, false}, {0, true}} {
		if got := women7074.Under(c.result); got != c.under {
			t.Errorf("result %d under below 10 = %v, want %v", c.result, got, c.under)
		}
	}
	older := Norm{AgeFrom: 65, Below: 3}
	for _, c := range []struct {
		age  int
		sex  string
		want bool
	}{{64, "F", false}, {65, "F", true}, {66, "", true}, {120, "M", true}} {
		if got := older.Covers(c.age, c.sex); got != c.want {
			t.Errorf("65+ covers %d %q = %v, want %v", c.age, c.sex, got, c.want)
		}
	}
	if women7074.Group() != "women 70-74" || older.Group() != "adults 65 and over" || (Norm{AgeFrom: 60, AgeTo: 64, Sex: "M"}).Group() != "men 60-64" {
		t.Errorf("groups: %q %q", women7074.Group(), older.Group())
	}
	a := &Assessment{Norms: []Norm{{AgeFrom: 60, AgeTo: 64, Sex: "F", Below: 12}, {AgeFrom: 65, AgeTo: 69, Sex: "F", Below: 11}}}
	for _, c := range []struct {
		age   int
		below int
		ok    bool
	}{{59, 0, false}, {60, 12, true}, {64, 12, true}, {65, 11, true}, {69, 11, true}, {70, 0, false}} {
		n, ok := a.NormFor(c.age, "F")
		if ok != c.ok || n.Below != c.below {
			t.Errorf("NormFor(%d, F) = %+v %v, want below %d %v", c.age, n, ok, c.below, c.ok)
		}
	}
}

func TestAssessmentResultText(t *testing.T) {
	cs := &Assessment{Kind: Count, Unit: "stands"}
	bs := &Assessment{Kind: Stages, Stages: []string{"Side by side", "Semi-tandem", "Tandem", "One foot"}}
	for _, c := range []struct {
		a    *Assessment
		v    int
		want string
	}{
		{cs, 0, "0 stands"}, {cs, 1, "1 stand"}, {cs, 11, "11 stands"},
		{bs, 0, "no stage held"}, {bs, 1, "stage 1 of 4 (Side by side)"}, {bs, 4, "stage 4 of 4 (One foot)"},
	} {
		if got := c.a.ResultText(c.v); got != c.want {
			t.Errorf("ResultText(%d) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestAssessmentErrors(t *testing.T) {
	cases := []struct {
		name     string
		from, to string
		want     []string
	}{
		{"no kind", "    kind: count\n    duration: 30s\n    unit", "    duration: 30s\n    unit", []string{
			"lib/a.yaml:2:5: assessments[0].kind: kind is required: count (how many in the duration) or stages (how many stages held)"}},
		{"wrong kind", "kind: count", "kind: counted", []string{
			`lib/a.yaml:4:11: assessments[0].kind: "counted" is not one of count | stages; did you mean "count"?`}},
		{"unknown field", "    unit: stands", "    units: stands", []string{
			`lib/a.yaml:6:5: assessments[0].units: unknown field "units"; did you mean "unit"?`}},
		{"no duration", "    duration: 30s\n    unit", "    unit", []string{
			"lib/a.yaml:2:5: assessments[0]: duration is required"}},
		{"no steps", "    steps: [Sit, Stand up and sit down as many times as you can.]\n", "", []string{
			"lib/a.yaml:2:5: assessments[0]: steps is required"}},
		{"stages on a count", "    unit: stands", "    stages: [a, b]", []string{
			"lib/a.yaml:6:13: assessments[0].stages: stages apply only to kind stages; a count has a unit, such as unit: stands"}},
		{"unit on stages", "    stages: [Side", "    unit: stages\n    stages: [Side", []string{
			"lib/a.yaml:19:11: assessments[1].unit: unit applies only to kind count; a stages test counts stages"}},
		{"no stages", "    stages: [Side by side, Semi-tandem, Tandem, One foot]\n", "", []string{
			"lib/a.yaml:15:5: assessments[1].stages: kind stages needs stages: the positions, easiest first"}},
		{"one stage", "[Side by side, Semi-tandem, Tandem, One foot]", "[Side by side]", []string{
			"lib/a.yaml:19:13: assessments[1].stages: a stages test has 2 to 10 stages; this one has 1"}},
		{"below past the last stage", "{age: 65+, below: 3}", "{age: 65+, below: 5}", []string{
			"lib/a.yaml:22:27: assessments[1].norms[0].below: 5 is out of range; use a whole number from 1 to 4"}},
		{"below 0", "{age: 60-64, sex: F, below: 12}", "{age: 60-64, sex: F, below: 0}", []string{
			"lib/a.yaml:11:37: assessments[0].norms[0].below: 0 is out of range; use a whole number from 1 to 1000"}},
		{"age band the wrong way", "age: 60-64, sex: F", "age: 64-60, sex: F", []string{
			`lib/a.yaml:11:15: assessments[0].norms[0].age: "64-60" is out of range; ages run from 1 to 120, the first no higher than the second`}},
		{"age band in words", "age: 60-64, sex: F", "age: sixty, sex: F", []string{
			`lib/a.yaml:11:15: assessments[0].norms[0].age: "sixty" is not an age band; use an age band such as 70-74, or 65+ for 65 and over`}},
		{"age past 120", "age: 65+", "age: 121+", []string{
			`lib/a.yaml:22:15: assessments[1].norms[0].age: "121+" is out of range; ages run from 1 to 120, the first no higher than the second`}},
		{"sex in lower case", "sex: M,", "sex: m,", []string{
			`lib/a.yaml:12:27: assessments[0].norms[1].sex: "m" is not one of F | M; write it as a capital: "M"`}},
		{"no age", "{age: 60-64, sex: M, below: 14}", "{sex: M, below: 14}", []string{
			"lib/a.yaml:12:9: assessments[0].norms[1]: age is required: an age band such as 70-74, or 65+"}},
		{"no below", "{age: 60-64, sex: M, below: 14}", "{age: 60-64, sex: M}", []string{
			"lib/a.yaml:12:9: assessments[0].norms[1]: below is required: the lowest result in the usual range"}},
		{"overlapping norms", "{age: 65-69, sex: F, below: 11}", "{age: 64-69, sex: F, below: 11}", []string{
			"lib/a.yaml:13:9: assessments[0].norms[2]: this norm covers people that the norm at line 11 also covers (women 60-64); give each age band and sex one norm"}},
		{"a norm for everyone over one for women", "{age: 65-69, sex: F, below: 11}", "{age: 62, below: 11}", []string{
			"lib/a.yaml:13:9: assessments[0].norms[2]: this norm covers people that the norm at line 11 also covers (women 60-64); give each age band and sex one norm"}},
		{"bad id", "id: chair-stand", "id: Chair Stand", []string{
			`lib/a.yaml:2:9: assessments[0].id: "Chair Stand" is not a valid id; use lowercase words joined by hyphens, such as "chair-stand"`}},
		{"not a list", "assessments:\n  - id: chair-stand", "assessments:\n  x: 1\n  y:\n  - id: chair-stand", []string{
			"lib/a.yaml:2:3: assessments: expected a list of assessments, found a mapping"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			yaml := strings.Replace(goodAssessments, c.from, c.to, 1)
			if yaml == goodAssessments {
				t.Fatalf("the case changes nothing: %q not found", c.from)
			}
			lib, errs := loadFiles(map[string]string{"a.yaml": yaml})
			got := errStrings(errs)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if n := len(lib.Assessments()); n > 1 {
				t.Errorf("%d assessments kept; the broken one must be left out", n)
			}
		})
	}
}

func TestAssessmentIDsAcrossSources(t *testing.T) {
	// Twice in one source is an error; a later source replaces an earlier.
	twice := goodAssessments + strings.ReplaceAll(strings.SplitN(goodAssessments, "\n", 2)[1], "balance-stages", "other")
	_, errs := loadFiles(map[string]string{"a.yaml": twice})
	if got := strings.Join(errStrings(errs), "\n"); !strings.Contains(got, `assessment "chair-stand" is defined twice in this library (first at lib/a.yaml:2)`) {
		t.Errorf("errors: %s", got)
	}
	base := fstest.MapFS{"a.yaml": {Data: []byte(goodAssessments)}}
	over := fstest.MapFS{"b.yaml": {Data: []byte(strings.Replace(strings.SplitN(goodAssessments, "  - id: balance-stages", 2)[0], "every: 4w", "every: 2w", 1))}}
	lib, errs := Load(Source{FS: base, Root: ".", Label: "base", Origin: "built-in"}, Source{FS: over, Root: ".", Label: "mine"})
	if len(errs) > 0 {
		t.Fatal(errStrings(errs))
	}
	a, _ := lib.Assessment("chair-stand")
	if a.Every != 14 || a.Origin != "mine/b.yaml" || strings.Join(lib.AssessmentIDs(), ",") != "chair-stand,balance-stages" {
		t.Errorf("override: every %d origin %s ids %v", a.Every, a.Origin, lib.AssessmentIDs())
	}
	if len(lib.Notices) != 1 || !strings.Contains(lib.Notices[0].String(), `assessment "chair-stand" replaces the one from built-in`) {
		t.Errorf("notices: %v", lib.Notices)
	}
}

func TestNormSexNotAWord(t *testing.T) {
	yaml := strings.Replace(goodAssessments, "sex: M,", "sex: [M],", 1)
	_, errs := loadFiles(map[string]string{"a.yaml": yaml})
	if got := errStrings(errs); len(got) != 1 || !strings.Contains(got[0], "assessments[0].norms[1].sex: expected F or M, found a list") {
		t.Errorf("errors: %q", got)
	}
}

// The limits of a stages test and of an age band, at their ends and one
// past.
func TestAssessmentLimits(t *testing.T) {
	stages := func(n int) string {
		var s []string
		for i := range n {
			s = append(s, fmt.Sprintf("S%d", i+1))
		}
		return "[" + strings.Join(s, ", ") + "]"
	}
	for _, c := range []struct {
		from, to string
		ok       bool
	}{
		{"[Side by side, Semi-tandem, Tandem, One foot]", stages(1), false},
		{"[Side by side, Semi-tandem, Tandem, One foot]", stages(2), true},
		{"[Side by side, Semi-tandem, Tandem, One foot]", stages(10), true},
		{"[Side by side, Semi-tandem, Tandem, One foot]", stages(11), false},
		{"age: 65+", "age: 0+", false},
		{"age: 65+", "age: 1+", true},
		{"age: 65+", "age: 120+", true},
		{"age: 65+", "age: 121+", false},
		{"age: 65+", "age: 1-120", true},
		{"age: 65+", "age: 1-121", false},
		{"age: 65+", "age: 70-70", true},
		{"age: 65+", "age: 71-70", false},
	} {
		yaml := strings.Replace(goodAssessments, c.from, c.to, 1)
		if c.to == stages(2) {
			yaml = strings.Replace(yaml, "below: 3}", "below: 2}", 1)
		}
		if c.to == stages(1) {
			yaml = strings.Replace(yaml, "below: 3}", "below: 1}", 1)
		}
		lib, errs := loadFiles(map[string]string{"a.yaml": yaml})
		_, kept := lib.Assessment("balance-stages")
		if (len(errs) == 0) != c.ok || kept != c.ok {
			t.Errorf("%s: errors %v, kept %v; want ok %v", c.to, errStrings(errs), kept, c.ok)
		}
	}
}
