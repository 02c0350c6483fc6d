package exercises

import (
	"strings"
	"testing"
	"testing/fstest"
)

// loadFiles loads in-memory files as one library source labelled "lib".
func loadFiles(files map[string]string) (*Library, []*Error) {
	fsys, _ := loadFilesFS(files)
	return Load(Source{FS: fsys, Root: ".", Label: "lib"})
}

func loadFilesFS(files map[string]string) (fstest.MapFS, int) {
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys, len(files)
}

func errStrings(errs []*Error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

// A valid exercise that each case below breaks in one place.
const good = `category: balance
exercises:
  - id: tandem-stance
    name: Tandem stance
    position: standing
    safety: [Stand at a counter.]
    dose:
      kind: hold
      sets: 3
      hold: 10s
      rest: 30s
      sides: both
    levels: [Two hands, One hand, No hands]
    progression:
      hold: {min: 10s, max: 30s, step: 5s}
`

func TestGoodFileLoads(t *testing.T) {
	lib, errs := loadFiles(map[string]string{"a.yaml": good})
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errStrings(errs))
	}
	e, ok := lib.Exercise("tandem-stance")
	if !ok {
		t.Fatal("tandem-stance not loaded")
	}
	want := Ladder{Levels: 3, Min: 10, Max: 30, Step: 5, BaseSets: 3, MaxSets: 3}
	if e.Ladder != want {
		t.Errorf("ladder = %+v, want %+v", e.Ladder, want)
	}
	if e.Category != Balance || e.Dose.Sides != 2 || e.Dose.Rest.Seconds() != 30 || e.Origin != "lib/a.yaml" {
		t.Errorf("decoded wrong: %+v", e)
	}
	if e.Pos.Line != 3 || e.Pos.Col != 5 {
		t.Errorf("pos = %+v, want 3:5", e.Pos)
	}
}

func TestValidationErrors(t *testing.T) {
	cases := []struct {
		name string
		yaml string
		want []string // every error, in order
	}{
		{"unknown top field", "titel: x\n", []string{
			`lib/a.yaml:1:1: titel: unknown field "titel"; did you mean "title"?`}},
		{"unknown exercise field", strings.Replace(good, "    name:", "    nmae: x\n    name:", 1), []string{
			`lib/a.yaml:4:5: exercises[0].nmae: unknown field "nmae"; did you mean "name"?`}},
		{"unknown field without a near miss", strings.Replace(good, "    name:", "    colour: red\n    name:", 1), []string{
			`lib/a.yaml:4:5: exercises[0].colour: unknown field "colour"; valid fields here: id, name, category, summary, position, areas, equipment, safety, steps, cues, dose, levels, progression, score, rules, source, figure`}},
		{"duplicate key", strings.Replace(good, "    position: standing\n", "    position: standing\n    position: seated\n", 1), []string{
			`lib/a.yaml:6:5: exercises[0].position: duplicate key "position"; give each field once`}},
		{"bad category", strings.Replace(good, "category: balance", "category: balanse", 1), []string{
			`lib/a.yaml:1:11: category: "balanse" is not one of rom | stretching | strengthening | balance | sensory; did you mean "balance"?`}},
		{"bad kind", strings.Replace(good, "kind: hold", "kind: holds", 1), []string{
			`lib/a.yaml:8:13: exercises[0].dose.kind: "holds" is not one of reps | hold | timed; did you mean "hold"?`}},
		{"bad position", strings.Replace(good, "position: standing", "position: upright", 1), []string{
			`lib/a.yaml:5:15: exercises[0].position: "upright" is not one of lying | seated | standing | any`}},
		{"bad id", strings.Replace(good, "id: tandem-stance", "id: Tandem Stance", 1), []string{
			`lib/a.yaml:3:9: exercises[0].id: "Tandem Stance" is not a valid id; use lowercase words joined by hyphens, such as "tandem-stance"`}},
		{"missing id and dose", "exercises:\n  - name: X\n    category: rom\n", []string{
			`lib/a.yaml:2:5: exercises[0]: id is required`,
			`lib/a.yaml:2:5: exercises[0]: dose is required`}},
		{"wrong type for steps", strings.Replace(good, "    position:", "    steps: Stand up.\n    position:", 1), []string{
			`lib/a.yaml:5:12: exercises[0].steps: expected a list of short texts, found the text "Stand up."`}},
		{"wrong type for sets", strings.Replace(good, "sets: 3", "sets: three", 1), []string{
			`lib/a.yaml:9:13: exercises[0].dose.sets: expected a whole number from 1 to 10, found the text "three"`}},
		{"sets out of range", strings.Replace(good, "sets: 3", "sets: 0", 1), []string{
			`lib/a.yaml:9:13: exercises[0].dose.sets: 0 is out of range; use a whole number from 1 to 10`}},
		{"bad duration", strings.Replace(good, "rest: 30s", "rest: 30 secs", 1), []string{
			`lib/a.yaml:11:13: exercises[0].dose.rest: "30 secs" is not a duration; use whole seconds (45) or a duration such as "30s" or "1m30s", from 1s to 1h`}},
		{"fractional duration", strings.Replace(good, "rest: 30s", "rest: 1.5s", 1), []string{
			`lib/a.yaml:11:13: exercises[0].dose.rest: 1.5s is not a whole number of seconds; use whole seconds (45) or a duration such as "30s" or "1m30s", from 1s to 1h`}},
		{"duration too long", strings.Replace(good, "rest: 30s", "rest: 2h", 1), []string{
			`lib/a.yaml:11:13: exercises[0].dose.rest: 2h is out of range; use whole seconds (45) or a duration such as "30s" or "1m30s", from 1s to 1h`}},
		{"seconds as a number", strings.Replace(good, "rest: 30s", "rest: 0", 1), []string{
			`lib/a.yaml:11:13: exercises[0].dose.rest: 0 is out of range; use whole seconds (45) or a duration such as "30s" or "1m30s", from 1s to 1h`}},
		{"field of another kind", strings.Replace(good, "hold: 10s\n", "hold: 10s\n      reps: 5\n", 1), []string{
			`lib/a.yaml:11:13: exercises[0].dose.reps: reps does not apply to kind hold; use hold`}},
		{"missing value", strings.Replace(good, "      hold: 10s\n", "", 1), []string{
			`lib/a.yaml:8:7: exercises[0].dose.hold: kind hold needs hold`}},
		{"tempo on a hold", strings.Replace(good, "rest: 30s", "rest: 30s\n      tempo: {up: 2s, down: 2s}", 1), []string{
			`lib/a.yaml:12:14: exercises[0].dose.tempo: tempo applies only to kind reps`}},
		{"start below min", strings.Replace(good, "min: 10s", "min: 15s", 1), []string{
			`lib/a.yaml:15:13: exercises[0].progression.hold: the starting hold 10s lies outside 15s to 30s`}},
		{"start off grid", strings.Replace(good, "hold: 10s\n      rest", "hold: 12s\n      rest", 1), []string{
			`lib/a.yaml:15:13: exercises[0].progression.hold: the starting hold 12s is not on the grid 10s, 15s, … by 5s`}},
		{"max off grid", strings.Replace(good, "max: 30s", "max: 32s", 1), []string{
			`lib/a.yaml:15:13: exercises[0].progression.hold: max 32s is not on the grid: (max − min) = 22s must be a multiple of step 5s`}},
		{"max below min", strings.Replace(good, "max: 30s", "max: 5s", 1), []string{
			`lib/a.yaml:15:13: exercises[0].progression.hold: max 5s is below min 10s`}},
		{"progression of another kind", strings.Replace(good, "hold: {min", "reps: {min", 1), []string{
			`lib/a.yaml:15:13: exercises[0].progression.reps: reps does not apply to kind hold; use hold`}},
		{"sets max below start", strings.Replace(good, "      hold: {min", "      sets: {max: 2}\n      hold: {min", 1), []string{
			`lib/a.yaml:15:13: exercises[0].progression.sets.max: max 2 is below the starting 3 sets`}},
		{"level past the last", strings.Replace(good, "sides: both", "sides: both\n      level: 4", 1), []string{
			`lib/a.yaml:13:14: exercises[0].dose.level: level 4 is past the last of 3 levels`}},
		{"name too long", strings.Replace(good, "name: Tandem stance", "name: "+strings.Repeat("x", 61), 1), []string{
			`lib/a.yaml:4:11: exercises[0].name: is 61 characters long; keep it to 60`}},
		{"escape in text", strings.Replace(good, "name: Tandem stance", `name: "Tandem \e[31mstance"`, 1), []string{
			`lib/a.yaml:4:11: exercises[0].name: holds a control or escape character \x1b at character 8 ("Tandem \x1b[31mstance"); remove it`}},
		{"bidi override in text", strings.Replace(good, "name: Tandem stance", "name: \"Tandem \u202estance\"", 1), []string{
			`lib/a.yaml:4:11: exercises[0].name: holds a control or escape character \u202e at character 8 ("Tandem \u202estance"); remove it`}},
		{"empty text", strings.Replace(good, "name: Tandem stance", `name: ""`, 1), []string{
			`lib/a.yaml:4:11: exercises[0].name: is empty; write some text or leave the field out`}},
		{"null name", strings.Replace(good, "name: Tandem stance", `name:`, 1), []string{
			`lib/a.yaml:4:10: exercises[0].name: expected text, found nothing`}},
		{"alias", "exercises:\n  - &a\n    id: a\n  - *a\n", []string{
			`lib/a.yaml:2:5: exercises[0]: name is required`,
			`lib/a.yaml:2:5: exercises[0]: category (here or at the top of the file) is required`,
			`lib/a.yaml:2:5: exercises[0]: dose is required`,
			`lib/a.yaml:4:5: exercises[1]: aliases (*name) are not allowed in limber files; write the value out`}},
		{"rules out of range", "rules:\n  regress: {pain_at_least: 11}\n  sessions_to_progress: 0\n", []string{
			`lib/a.yaml:2:28: rules.regress.pain_at_least: 11 is out of range; use a whole number from 0 to 10`,
			`lib/a.yaml:3:25: rules.sessions_to_progress: 0 is out of range; use a whole number from 1 to 20`}},
		{"score wrong", strings.Replace(good, "    levels:", "    score: {out_of: many}\n    levels:", 1), []string{
			`lib/a.yaml:13:21: exercises[0].score.out_of: expected a whole number from 1 to 1000, found the text "many"`}},
		{"not a mapping", "- a\n- b\n", []string{
			`lib/a.yaml:1:1: expected a mapping with fields (title, category, rules, exercises, routines, tips, assessments), found a list`}},
		{"yaml syntax", "exercises: [\n", []string{
			"lib/a.yaml:1:12: exercises: the list opened with \"[\" is never closed; end it with \"]\" on the same line\n  yaml: did not find expected node content"}},
		{"tab indentation", "exercises:\n\t- id: x\n", []string{
			"lib/a.yaml:2:1: exercises: line 2 is indented with a tab; YAML allows only spaces there; indent it with spaces, more than \"exercises:\" on line 1\n  yaml: found character that cannot start any token"}},
		{"invalid utf-8", "title: caf\xe9\n", []string{
			`lib/a.yaml:1:11: the file is not valid UTF-8 text; save it as UTF-8`}},
		{"empty file", "", []string{
			`lib/a.yaml:1:1: the file is empty; a library needs exercises, routines or tips`}},
		{"two documents", "title: a\n---\ntitle: b\n", []string{
			`lib/a.yaml:2:1: a second YAML document (after ---); put one library in each file`}},
		{"bad frequency", "routines:\n  - id: r\n    name: R\n    frequency: 9x/week\n    exercises: [x]\n", []string{
			`lib/a.yaml:4:16: routines[0].frequency: "9x/week" is not a frequency; use daily, or 1x/week to 7x/week`}},
		{"unknown reference", good + "routines:\n  - id: r\n    name: R\n    exercises: [tandem-stanse]\n", []string{
			`lib/a.yaml:19:17: routines[0].exercises[0]: no exercise has the id "tandem-stanse"; did you mean "tandem-stance"?`}},
		{"override off the grid", good + "routines:\n  - id: r\n    name: R\n    exercises:\n      - id: tandem-stance\n        dose: {hold: 12s}\n", []string{
			`lib/a.yaml:20:9: routines[0].exercises[0].dose: this starting dose is not on tandem-stance's ladder: 12 is not on its grid 10 to 30 by 5`}},
		{"override of the wrong kind", good + "routines:\n  - id: r\n    name: R\n    exercises:\n      - id: tandem-stance\n        dose: {reps: 12}\n", []string{
			`lib/a.yaml:21:22: routines[0].exercises[0].dose.reps: tandem-stance is a hold exercise; use hold`}},
		{"empty routine", "routines:\n  - id: r\n    name: R\n    exercises: []\n", []string{
			`lib/a.yaml:4:16: routines[0].exercises: a routine needs at least one exercise`}},
		{"tip missing text", "tips:\n  - id: t\n    title: T\n", []string{
			`lib/a.yaml:2:5: tips[0]: text is required`}},
		{"many errors in one file", "exercises:\n  - id: A\n  - id: b\n    name: " + strings.Repeat("y", 70) + "\n", []string{
			`lib/a.yaml:2:9: exercises[0].id: "A" is not a valid id; use lowercase words joined by hyphens, such as "a"`,
			`lib/a.yaml:2:5: exercises[0]: name is required`,
			`lib/a.yaml:2:5: exercises[0]: category (here or at the top of the file) is required`,
			`lib/a.yaml:2:5: exercises[0]: dose is required`,
			`lib/a.yaml:4:11: exercises[1].name: is 70 characters long; keep it to 60`,
			`lib/a.yaml:3:5: exercises[1]: category (here or at the top of the file) is required`,
			`lib/a.yaml:3:5: exercises[1]: dose is required`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs := loadFiles(map[string]string{"a.yaml": c.yaml})
			got := errStrings(errs)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("errors:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(c.want, "\n      "))
			}
		})
	}
}
