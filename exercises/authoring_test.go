package exercises

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"limber/content"

	"gopkg.in/yaml.v3"
)

var builtIn = Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"}

// loadAuthoring loads one corpus file as mylib/hands.yaml, over the
// built-in content, as `limber validate mylib` does.
func loadAuthoring(t *testing.T, name string) (*Library, []*Error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "authoring", name))
	if err != nil {
		t.Fatal(err)
	}
	return Load(builtIn, Source{FS: fstest.MapFS{"hands.yaml": {Data: data}}, Root: "hands.yaml", Label: "mylib"})
}

type mistakeKind int

const (
	syntax  mistakeKind = iota // yaml.v3 refused the file: one error, yaml's message on a second line
	refused                    // the decoder refused it; the first error is the one named
	warned                     // valid, but likely not meant: a warning and no error
)

// The corpus: testdata/authoring/hands.yaml is a therapist's small library;
// each other file there is hands.yaml with one realistic mistake. Each gets
// the place a person would point at, the field, and what to write. The
// files end in .yaml.txt so that the repository's schema test, which
// checks every .yaml file, leaves them alone.
var corpus = []struct {
	file      string
	line, col int
	field     string
	kind      mistakeKind
	msg       string
}{
	{"01-rest-one-space-short.yaml.txt", 17, 6, "exercises[0].dose.rest", syntax,
		`"rest:" is indented 5 spaces; the other fields of "dose:" are at 6; indent it 6 spaces, like "reps:" on line 16`},
	{"02-rest-one-space-deep.yaml.txt", 17, 8, "exercises[0].dose.rest", syntax,
		`"rest:" is indented 7 spaces; the other fields of "dose:" are at 6; indent it 6 spaces, like "reps:" on line 16`},
	{"03-exercise-field-short.yaml.txt", 6, 4, "exercises[0].name", syntax,
		`"name:" is indented 3 spaces; the other fields of this exercise are at 4; indent it 4 spaces, like "id:" on line 5`},
	{"04-exercise-field-deep.yaml.txt", 6, 6, "exercises[0].name", syntax,
		`"name:" is indented 5 spaces; the other fields of this exercise are at 4; indent it 4 spaces, like "id:" on line 5`},
	{"05-top-field-indented.yaml.txt", 37, 2, "routines", syntax,
		`"routines:" is indented 1 space; the fields at the top of the file start at the left edge; remove the spaces before it, like "exercises:" on line 4`},
	{"06-first-line-indented.yaml.txt", 2, 3, "title", syntax,
		`line 2 is indented 2 spaces; the fields at the top of the file start at the left edge; remove the spaces before it, like line 3`},
	{"07-top-field-under-title.yaml.txt", 3, 3, "category", syntax,
		`"category:" is indented 2 spaces; the fields at the top of the file start at the left edge; remove the spaces before it, like "title:" on line 2`},
	{"08-second-exercise-dash-deep.yaml.txt", 23, 4, "exercises[1]", syntax,
		`this list item is indented 3 spaces; the other items of "exercises:" are at 2; indent it 2 spaces, like line 5`},
	{"09-second-exercise-dash-short.yaml.txt", 23, 2, "exercises[1]", syntax,
		`this list item is indented 1 space; the other items of "exercises:" are at 2; indent it 2 spaces, like line 5`},
	{"10-step-one-space-short.yaml.txt", 12, 6, "exercises[0].steps[1]", syntax,
		`this list item is indented 5 spaces; the other items of "steps:" are at 6; indent it 6 spaces, like line 11`},
	{"11-step-one-space-deep.yaml.txt", 12, 8, "exercises[0].steps[0]", warned,
		`line 12 continues the step above, which reads "Rest your hand flat on a table. - Lift your index …"; to make it a step of its own, indent it 6 spaces, like the others`},
	{"12-level-two-spaces-deep.yaml.txt", 20, 9, "exercises[0].levels[0]", warned,
		`line 20 continues the level above, which reads "One finger at a time - Two fingers together"; to make it a level of its own, indent it 6 spaces, like the others`},
	{"13-routine-item-deep.yaml.txt", 48, 9, "routines[0].exercises[0]", refused,
		`line 48 continues the exercise id above, which reads "finger-lifts - tendon-glides"; to make it an item of its own, indent it 6 spaces, like the others`},
	{"14-tab-before-field.yaml.txt", 6, 1, "exercises[0].name", syntax,
		`line 6 is indented with a tab; YAML allows only spaces there; indent it with 4 spaces, like line 5`},
	{"15-tab-before-step.yaml.txt", 12, 1, "exercises[0].steps[1]", syntax,
		`line 12 is indented with a tab; YAML allows only spaces there; indent it with 6 spaces, like line 11`},
	{"16-tab-after-spaces.yaml.txt", 15, 5, "exercises[0].dose.kind", syntax,
		`line 15 is indented with a tab; YAML allows only spaces there; indent it with spaces, more than "dose:" on line 14`},
	{"17-missing-colon.yaml.txt", 6, 9, "exercises[0].name", syntax,
		`"name" needs a colon after it: "name: Finger lifts"`},
	{"18-missing-colon-before-group.yaml.txt", 14, 9, "exercises[0].dose", syntax,
		`"dose" needs a colon after it: "dose:"`},
	{"19-missing-space-after-colon.yaml.txt", 16, 12, "exercises[0].dose.reps", syntax,
		`put a space after the colon: "reps: 8"`},
	{"20-missing-dash-in-steps.yaml.txt", 12, 7, "exercises[0].steps[1]", syntax,
		`each item of "steps:" starts with "- "; write "- Lift your index finger.", like line 11`},
	{"21-missing-dash-second-exercise.yaml.txt", 23, 5, "exercises[0].id", refused,
		`a second "id:" in this exercise (the first is on line 5); to start another exercise, put "- " before "id:", lined up with the other items' "- "`},
	{"22-missing-dash-first-routine.yaml.txt", 38, 5, "routines", refused,
		`"routines:" holds a list: each routine starts with "- "; write "- id: diaz-hands-daily" on line 38`},
	{"23-stray-dash-before-field.yaml.txt", 14, 5, "exercises[0].dose", syntax,
		`the "- " in front of "dose:" makes a list item among the fields of this exercise; remove the "- "`},
	{"24-stray-dash-at-top.yaml.txt", 37, 1, "routines", syntax,
		`the "- " in front of "routines:" makes a list item among the fields at the top of the file; remove the "- "`},
	{"25-stray-dash-in-dose.yaml.txt", 16, 7, "exercises[0].dose.reps", syntax,
		`the "- " in front of "reps:" makes a list item among the fields of "dose:"; remove the "- "`},
	{"26-double-quote-left-open.yaml.txt", 6, 11, "exercises[0].name", syntax,
		`the quote (") opened here is not closed on its line; end the text with " on the same line`},
	{"27-single-quote-left-open.yaml.txt", 53, 12, "tips[0].title", syntax,
		`the quote (') opened here is not closed on its line; end the text with ' on the same line`},
	{"28-text-after-closing-quote.yaml.txt", 6, 20, "exercises[0].name", syntax,
		`text after the closing quote: "lifts"; put all of the text inside the quotes: name: "Finger lifts"`},
	{"29-list-left-open.yaml.txt", 9, 12, "exercises[0].areas", syntax,
		`the list opened with "[" is never closed; end it with "]" on the same line`},
	{"30-group-left-open.yaml.txt", 22, 13, "exercises[0].progression.reps", syntax,
		`the group opened with "{" is never closed; end it with "}" on the same line`},
	{"31-missing-comma-in-group.yaml.txt", 22, 21, "exercises[0].progression.reps", syntax,
		`a comma is missing before "max:"; separate the fields in { } with commas`},
	{"32-colon-in-text.yaml.txt", 7, 14, "exercises[0].summary", syntax,
		`the text "Lift each finger in turn: index, middle,…" holds ": ", which YAML reads as the start of a field; put the text in double quotes: summary: "Lift each finger in turn: index, middle, ring."`},
	{"33-colon-in-step.yaml.txt", 12, 9, "exercises[0].steps[1]", refused,
		`"Step 2: lift your index finger." holds ": ", which YAML reads as a field; put the whole step in double quotes: - "Step 2: lift your index finger."`},
	{"34-hash-starts-text.yaml.txt", 53, 11, "tips[0].title", refused,
		`the text after "title:" starts with "#", which YAML reads as a comment, so "title:" is empty; put the text in double quotes: title: "#1 tip: warm hands first"`},
	{"35-at-sign-starts-text.yaml.txt", 55, 13, "tips[0].source", syntax,
		`text starting with "@" needs double quotes: source: "@handclinic leaflet"`},
	{"36-list-where-group-belongs.yaml.txt", 15, 7, "exercises[0].dose", refused,
		`"dose:" holds fields, not a list; remove the "- " before kind, reps, rest`},
	{"37-group-where-list-belongs.yaml.txt", 29, 7, "exercises[1].steps", refused,
		`"steps:" holds a list: write each step on its own line after "- ", such as "- Start with your fingers straight."; "first:" reads as a field`},
	{"38-value-and-fields-under-it.yaml.txt", 14, 11, "exercises[0].dose", syntax,
		`"dose:" has "reps" on its line and fields indented under it (line 15); give it one or the other: "dose:" alone on its line, with its fields under it`},
	{"39-text-then-list-items-under-it.yaml.txt", 31, 11, "exercises[1].cues", refused,
		`"cues:" has the text "Move slowly" on its line and list items under it (line 32), which YAML reads as one text; write "cues:" alone on its line and put each item under it after "- "`},
	{"40-text-then-list-items-beside-it.yaml.txt", 32, 5, "exercises[1].cues", syntax,
		`a list item among the fields of this exercise; "cues:" on line 31 already has "Move slowly" on its line: write "cues:" alone on its line and indent each item under it`},
	{"41-text-after-block-marker.yaml.txt", 40, 14, "routines[0].summary", syntax,
		`after "|" the text starts on the next line, indented under "summary:"; or leave out the "|"`},
	{"42-block-text-not-indented.yaml.txt", 41, 5, "routines[0].summary", syntax,
		`the text after "summary:" (line 40) must be indented more than "summary:"; indent it 6 spaces`},
	{"43-backslash-in-quotes.yaml.txt", 55, 25, "tips[0].source", syntax,
		`"\M" is not an escape YAML knows; inside double quotes write \\ for a backslash, or use single quotes`},
	{"44-two-dashes.yaml.txt", 11, 9, "exercises[0].steps[0]", refused,
		`two "- " in a row make a list inside the list; write one "- " before the step`},
	{"45-fields-not-under-their-group.yaml.txt", 15, 5, "exercises[0].kind", refused,
		`"kind" is a field of "dose:", not of this exercise; indent it under "dose:" on line 14, more than "dose:" itself`},
	{"46-exercise-fields-without-dash.yaml.txt", 5, 3, "exercises", refused,
		`"exercises:" holds a list: each exercise starts with "- "; write "- id: finger-lifts" on line 5`},
	{"47-list-items-under-a-list.yaml.txt", 32, 7, "exercises[1].cues", syntax,
		`a list item under "cues:", which already has "[Move slowly]" on its line (line 31); write "cues:" alone on its line and put each item under it`},
	{"48-quoted-text-runs-on.yaml.txt", 7, 7, "exercises[0].name", syntax,
		`this line goes on from "name:", whose text closes with its quote on line 6; put all of the text inside the quotes`},
	{"49-list-item-on-its-field-line.yaml.txt", 31, 11, "exercises[1].cues", syntax,
		`a list item cannot start on the line of "cues:"; write "cues:" alone on its line and each item under it, indented, after "- "`},
	{"50-text-after-closing-bracket.yaml.txt", 9, 19, "exercises[0].areas", syntax,
		`text after the closing "]"; keep it inside the brackets, or remove it`},
}

func TestAuthoringCorpus(t *testing.T) {
	if len(corpus) < 30 {
		t.Fatalf("the corpus has %d mistakes; it should have at least 30", len(corpus))
	}
	for _, c := range corpus {
		t.Run(c.file, func(t *testing.T) {
			lib, errs := loadAuthoring(t, c.file)
			var got *Error
			switch c.kind {
			case warned:
				if len(errs) > 0 {
					t.Fatalf("a warning case has errors: %v", errStrings(errs))
				}
				if len(lib.Warnings) == 0 {
					t.Fatal("no warning")
				}
				got = lib.Warnings[0]
			default:
				if len(errs) == 0 {
					t.Fatal("no error")
				}
				got = errs[0]
				if len(lib.Warnings) > 0 {
					t.Errorf("warnings for an error case: %v", errStrings(lib.Warnings))
				}
			}
			first, second, two := strings.Cut(got.Msg, "\n")
			if got.Pos.File != "mylib/hands.yaml" || got.Pos.Line != c.line || got.Pos.Col != c.col {
				t.Errorf("at %s:%d:%d, want mylib/hands.yaml:%d:%d\n%s", got.Pos.File, got.Pos.Line, got.Pos.Col, c.line, c.col, got)
			}
			if got.Field != c.field {
				t.Errorf("field %q, want %q", got.Field, c.field)
			}
			if first != c.msg {
				t.Errorf("message\n got: %s\nwant: %s", first, c.msg)
			}
			switch {
			case c.kind == syntax && (!two || !strings.HasPrefix(second, "  yaml: ") || len(second) < 12 || strings.Contains(second, "\n")):
				t.Errorf("a syntax error keeps yaml.v3's message as its second line; got %q", got.Msg)
			case c.kind == syntax && len(errs) != 1:
				t.Errorf("yaml.v3 stops at the first syntax error; got %d errors", len(errs))
			case c.kind != syntax && two:
				t.Errorf("a two-line message for a file yaml.v3 read: %q", got.Msg)
			}
		})
	}
	// Every file of the corpus is in the table, and each once.
	names, _ := filepath.Glob("testdata/authoring/*.yaml.txt")
	seen := map[string]int{}
	for _, c := range corpus {
		seen[c.file]++
	}
	for _, n := range names {
		if seen[filepath.Base(n)] != 1 {
			t.Errorf("%s is in the table %d times", n, seen[filepath.Base(n)])
		}
	}
	if len(names) != len(corpus) {
		t.Errorf("%d files, %d cases", len(names), len(corpus))
	}
}

// The mistakes are all made in one valid file: without its mistake, each
// corpus file is hands.yaml again, and that loads without a word.
func TestAuthoringBaseIsValid(t *testing.T) {
	data, err := os.ReadFile("testdata/authoring/hands.yaml")
	if err != nil {
		t.Fatal(err)
	}
	handsYAML := string(data)
	lib, errs := Load(builtIn, Source{FS: fstest.MapFS{"hands.yaml": {Data: data}}, Root: "hands.yaml", Label: "mylib"})
	if len(errs) > 0 || len(lib.Warnings) > 0 {
		t.Fatalf("hands.yaml: %v %v", errStrings(errs), errStrings(lib.Warnings))
	}
	if _, ok := lib.Routine("hands-daily"); !ok {
		t.Fatal("hands-daily did not load")
	}
	// And each corpus file differs from it in one place (a line or a few
	// lines next to each other), so the table tests one mistake each.
	base := strings.Split(handsYAML, "\n")
	for _, c := range corpus {
		data, _ := os.ReadFile(filepath.Join("testdata", "authoring", c.file))
		got := strings.Split(string(data), "\n")
		first, last := -1, -1
		for i := 0; i < max(len(base), len(got)); i++ {
			if i >= len(base) || i >= len(got) || base[i] != got[i] {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if first < 0 {
			t.Errorf("%s is hands.yaml unchanged", c.file)
		}
		if last-first > 3 && len(got) == len(base) {
			t.Errorf("%s changes lines %d to %d; one mistake a file", c.file, first+1, last+1)
		}
	}
}

// The layout reader names a line only when yaml.v3 refused the file, but it
// must never find fault with a file yaml.v3 reads: every built-in file and
// every library in the repository's test data is laid out as it expects.
func TestLayoutFindsNothingInValidFiles(t *testing.T) {
	var files []string
	names, _ := fs.Glob(content.FS, "*.yaml")
	for _, n := range names {
		data, _ := fs.ReadFile(content.FS, n)
		files = append(files, string(data))
	}
	for _, p := range []string{"testdata/authoring/hands.yaml", "../tui/testdata/lib.yaml", "../testdata/e2e/e2e.yaml"} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, string(data))
	}
	files = append(files, good,
		// Layouts YAML allows that the corpus does not use.
		"exercises:\n- id: a\n  name: A\n  dose: {kind: reps, reps: 8}\nroutines: []\n",
		"title: x\nexercises:\n  - id: a\n    summary: >-\n      Folded\n\n      text.\n    steps:\n    - Compact list.\n    - \"Quoted: with a colon\"\n    - 'It''s fine'\n    name:\n      Value on the next line\n    dose:\n      {kind: reps,\n       reps: 8}\n",
		"# comment\n---\ntitle: \"A # not a comment\" # a comment\ncategory: rom\n",
	)
	if len(files) < 8 {
		t.Fatalf("only %d files", len(files))
	}
	for i, f := range files {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(f), &n); err != nil {
			t.Fatalf("file %d is not valid YAML: %v", i, err)
		}
		if got := findLayoutMistake([]byte(f), 1); got != nil {
			t.Errorf("file %d: a mistake found in a valid file: %d:%d: %s", i, got.line, got.col, got.msg)
		}
	}
}

// A mistake the reader finds before the line yaml.v3 named is not trusted:
// yaml.v3's own message stands, at its line.
func TestLayoutKeepsYAMLsMessageWhenUnsure(t *testing.T) {
	data := []byte("title: x\n  category: rom\n")
	if f := findLayoutMistake(data, 2); f == nil || f.line != 2 {
		t.Fatalf("from line 2: %+v", f)
	}
	if f := findLayoutMistake(data, 3); f != nil {
		t.Fatalf("from line 3, a mistake on line 2 is reported: %+v", f)
	}
	// A file yaml.v3 refuses that the reader has nothing to say about
	// (a tag handle it does not know) keeps the old message.
	_, errs := Load(Source{FS: fstest.MapFS{"a.yaml": {Data: []byte("title: !x!y Hands\n")}}, Root: "a.yaml", Label: "lib"})
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "lib/a.yaml:1:1: not valid YAML: ") || strings.Contains(errs[0].Msg, "\n") {
		t.Fatalf("got %v", errStrings(errs))
	}
}

// FuzzLayout: the reader never panics and names a line of the file.
func FuzzLayout(f *testing.F) {
	names, _ := filepath.Glob("testdata/authoring/*")
	for _, n := range names {
		data, _ := os.ReadFile(n)
		f.Add(data, 1)
	}
	f.Add([]byte("a: \"\\"), 1)
	f.Add([]byte("- - - [\n  {'x': \"\n"), 1)
	f.Fuzz(func(t *testing.T, data []byte, from int) {
		got := findLayoutMistake(data, from)
		if got == nil {
			return
		}
		lines := strings.Count(string(data), "\n") + 1
		if got.line < 1 || got.line > lines || got.col < 1 || got.trigger < from {
			t.Fatalf("%+v in a file of %d lines, from %d", got, lines, from)
		}
	})
}

// Warnings: what is valid but likely not meant, and no more.
func TestAuthoringWarnings(t *testing.T) {
	const head = "category: rom\nexercises:\n  - id: a\n    name: A\n    dose: {kind: reps, reps: 8}\n"
	cases := []struct {
		name, yaml string
		want       []string // each warning, without the file
	}{
		{"a step joined to the one above", head + "    steps:\n      - Sit tall.\n        - Lift.\n", []string{
			`8:9: exercises[0].steps[0]: line 8 continues the step above, which reads "Sit tall. - Lift."; to make it a step of its own, indent it 6 spaces, like the others`}},
		{"two steps joined to one", head + "    steps:\n      - Sit tall.\n       - Lift.\n       - Lower.\n", []string{
			`8:8: exercises[0].steps[0]: line 8 continues the step above, which reads "Sit tall. - Lift. - Lower."; to make it a step of its own, indent it 6 spaces, like the others`,
			`9:8: exercises[0].steps[0]: line 9 continues the step above, which reads "Sit tall. - Lift. - Lower."; to make it a step of its own, indent it 6 spaces, like the others`}},
		{"a cue in a compact list", head + "    cues:\n    - Slowly\n      - smoothly\n", []string{
			`8:7: exercises[0].cues[0]: line 8 continues the cue above, which reads "Slowly - smoothly"; to make it a cue of its own, indent it 4 spaces, like the others`}},
		{"a routine's note", head + "routines:\n  - id: r\n    name: R\n    exercises: [a]\n    after:\n      - Rest.\n         - Drink water.\n", []string{
			`12:10: routines[0].after[0]: line 12 continues the item above, which reads "Rest. - Drink water."; to make it an item of its own, indent it 6 spaces, like the others`}},
		{"a tag eats a word", strings.Replace(head, "name: A", "name: !Big toe", 1), []string{
			`4:11: exercises[0].name: "!Big" is read as a YAML tag, so the text is "toe"; put the whole text in double quotes: name: "!Big toe"`}},
		{"an anchor eats a word", strings.Replace(head, "name: A", "name: &Big toe", 1), []string{
			`4:11: exercises[0].name: "&Big" is read as a YAML anchor, so the text is "toe"; put the whole text in double quotes: name: "&Big toe"`}},
		{"a starter's text, plain, quoted and in [ ]", head + "    summary: \"Replace this with a summary.\"\n    steps: [Replace this with a step.]\n    cues:\n      - Replace this.\n", []string{
			`6:14: exercises[0].summary: "Replace this with a summary." is still the starter's text; write your own, or take the line out`,
			`7:13: exercises[0].steps[0]: "Replace this with a step." is still the starter's text; write your own, or take the line out`,
			`9:9: exercises[0].cues[0]: "Replace this." is still the starter's text; write your own, or take the line out`}},
		// Not warned: a dash inside a line, a text that runs on without a
		// dash, a dash in quotes, items lined up, and [ ] lists.
		{"nothing to warn about", head + "    steps:\n      - Sit tall - then lift.\n      - Lift both heels\n        slowly.\n      - \"Lower\n        - slowly\"\n      - Rest.\n    cues: [Slow, \"- steady\"]\n", nil},
	}
	for _, c := range cases {
		lib, errs := Load(Source{FS: fstest.MapFS{"a.yaml": {Data: []byte(c.yaml)}}, Root: "a.yaml", Label: "lib"})
		if len(errs) > 0 {
			t.Errorf("%s: errors %v", c.name, errStrings(errs))
			continue
		}
		var got []string
		for _, w := range lib.Warnings {
			got = append(got, strings.TrimPrefix(w.Error(), "lib/a.yaml:"))
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}
