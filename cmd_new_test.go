package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"limber/docs"
	"limber/exercises"
)

const modeline = "# yaml-language-server: $schema=library.schema.json\n"

// new library, new exercise and new routine write files that validate
// accepts as written, and that the schema accepts too; a second new on the
// same path is refused and leaves the file as it was, byte for byte.
func TestNewStartersValidate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Mrs Lee")
	steps := []struct {
		args  []string
		file  string
		wrote string
	}{
		{[]string{"new", "library", dir}, "library.yaml", "wrote " + filepath.Join(dir, "library.yaml") + "\n" +
			"wrote " + filepath.Join(dir, "library.schema.json") + " (for editors that complete and check fields)\n" +
			"next: edit " + filepath.Join(dir, "library.yaml") + ", then check it: limber validate '" + dir + "'\n"},
		{[]string{"--library", dir, "new", "exercise", "towel-grip"}, "towel-grip.yaml", "wrote " + filepath.Join(dir, "towel-grip.yaml") + "\n" +
			"next: edit " + filepath.Join(dir, "towel-grip.yaml") + ", then check it: limber validate '" + dir + "'\n"},
		{[]string{"new", "routine", "lee-evening", "--library", dir}, "lee-evening.yaml", "wrote " + filepath.Join(dir, "lee-evening.yaml") + "\n" +
			"next: edit " + filepath.Join(dir, "lee-evening.yaml") + ", then check it: limber validate '" + dir + "'\n"},
	}
	for i, s := range steps {
		code, out, stderr := limber(t, s.args...)
		if code != 0 || out != s.wrote || stderr != "" {
			t.Fatalf("limber %v: exit %d\nstdout %q\nwant   %q\nstderr %q", s.args, code, out, s.wrote, stderr)
		}
		if i == 0 {
			// The library starter is a whole library: nothing to warn about.
			if code, out, stderr := limber(t, "validate", "--strict", dir); code != 0 || out != "1 files: 1 exercises, 1 routines, 1 tips; all valid\n" || stderr != "" {
				t.Fatalf("validate --strict the library starter: exit %d\nstdout %q\nstderr %q", code, out, stderr)
			}
		}
		data, err := os.ReadFile(filepath.Join(dir, s.file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), modeline) {
			t.Errorf("%s does not start with the schema line for editors", s.file)
		}
		if errs := schemaErrors(t, data); errs != nil {
			t.Errorf("%s: the schema refuses it: %v", s.file, errs)
		}
	}
	// Valid as written. The texts the author is to write are warned about,
	// each of them, so that none reaches a patient; --strict refuses them.
	code, out, stderr := limber(t, "validate", dir)
	placeholders := 0
	for _, s := range steps {
		data, _ := os.ReadFile(filepath.Join(dir, s.file))
		placeholders += strings.Count(string(data), exercises.StarterText)
	}
	if code != 0 || out != "3 files: 2 exercises, 2 routines, 1 tips; all valid, 4 warning(s)\n" ||
		placeholders != 4 || strings.Count(stderr, "is still the starter's text; write your own, or take the line out (warning)\n") != 4 {
		t.Fatalf("validate: exit %d, %d texts to write\nstdout %q\nstderr %q", code, placeholders, out, stderr)
	}
	if code, _, _ := limber(t, "validate", "--strict", dir); code != 1 {
		t.Fatalf("validate --strict: exit %d", code)
	}
	// The schema the modeline names is next to the files: docs' own.
	schema, err := os.ReadFile(filepath.Join(dir, "library.schema.json"))
	if err != nil || !bytes.Equal(schema, docs.Schema) {
		t.Fatalf("library.schema.json is not docs/library.schema.json (%v)", err)
	}
	// The library's ids come from its folder, and its routine runs the
	// library's own exercise and a built-in one; the routine starter runs
	// the library's exercises.
	lib, _ := os.ReadFile(filepath.Join(dir, "library.yaml"))
	for _, want := range []string{"title: Mrs Lee\n", "# Check your changes:  limber validate '" + dir + "'\n", "  - id: mrs-lee-daily\n", "      - mrs-lee-finger-lifts\n", "      - wrist-circles "} {
		if !strings.Contains(string(lib), want) {
			t.Errorf("library.yaml lacks %q", want)
		}
	}
	rt, _ := os.ReadFile(filepath.Join(dir, "lee-evening.yaml"))
	if !strings.HasSuffix(string(rt), "      - mrs-lee-finger-lifts\n      - towel-grip\n") || !strings.Contains(string(rt), "    name: Lee evening ") {
		t.Errorf("lee-evening.yaml:\n%s", rt)
	}

	// Never overwritten: each path again, after an edit by the author.
	for _, s := range steps {
		path := filepath.Join(dir, s.file)
		edited := []byte("# edited by hand\n")
		if err := os.WriteFile(path, edited, 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, stderr := limber(t, s.args...)
		want := "limber: " + path + " already exists; limber new never overwrites a file: choose another folder or id\n"
		if code != 1 || stderr != want || out != "" {
			t.Errorf("limber %v again: exit %d\nstdout %q\nstderr %q\nwant   %q", s.args, code, out, stderr, want)
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, edited) {
			t.Errorf("%s was changed: %q", s.file, got)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "library.schema.json")); !bytes.Equal(got, docs.Schema) {
		t.Error("library.schema.json was changed")
	}
}

// Without --library, new exercise writes into the current folder; the
// schema goes there too, where the modeline finds it.
func TestNewExerciseInTheCurrentFolder(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, out, stderr := limber(t, "new", "exercise", "heel-raises")
	want := "wrote heel-raises.yaml\n" +
		`note: "heel-raises" is a built-in exercise; yours replaces it wherever this library is loaded` + "\n" +
		"wrote library.schema.json (for editors that complete and check fields)\n" +
		"next: edit heel-raises.yaml, then check it: limber validate .\n"
	if code != 0 || out != want || stderr != "" {
		t.Fatalf("exit %d\nstdout %q\nwant   %q\nstderr %q", code, out, want, stderr)
	}
	code, out, _ = limber(t, "validate", ".")
	if code != 0 || !strings.HasSuffix(out, "1 files: 1 exercises, 0 routines, 0 tips; all valid, 3 warning(s)\n") {
		t.Fatalf("validate: exit %d %q", code, out)
	}
	// The same id again: refused, as the file is there, or as the id is
	// taken in another file; nothing is written.
	code, _, stderr = limber(t, "--library", ".", "new", "exercise", "heel-raises")
	if code != 1 || stderr != `limber: exercise "heel-raises" is already in . (heel-raises.yaml:9); choose another id`+"\n" {
		t.Errorf("exit %d %q", code, stderr)
	}
	os.Rename("heel-raises.yaml", "mine.yaml")
	code, _, stderr = limber(t, "new", "exercise", "heel-raises")
	if code != 1 || stderr != `limber: exercise "heel-raises" is already in . (mine.yaml:9); choose another id`+"\n" {
		t.Errorf("exit %d %q", code, stderr)
	}
	if _, err := os.Stat("heel-raises.yaml"); err == nil {
		t.Error("heel-raises.yaml was written")
	}
}

func TestNewMistakes(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"new"}, 2, "limber: new takes what to write and its folder or id: new library DIR, new exercise ID or new routine ID"},
		{[]string{"new", "exercise"}, 2, "limber: new takes what to write and its folder or id: new library DIR, new exercise ID or new routine ID"},
		{[]string{"new", "exercize", "x"}, 2, `limber: new writes a library, an exercise or a routine, not "exercize"; did you mean "exercise"?`},
		{[]string{"new", "exercise", "Towel Grip", "--library", dir}, 1, `limber: "Towel Grip" is not a valid id; use lowercase words joined by hyphens, such as "towel-grip"`},
		{[]string{"new", "routine", "r", "--library", dir, "--library", dir}, 2, "limber: new routine writes into one library; give one --library DIR, or none for the current folder"},
		{[]string{"new", "routine", "r", "--library", filepath.Join(dir, "none")}, 1, "limber: " + filepath.Join(dir, "none") + " is not a folder; start a library with: limber new library " + filepath.Join(dir, "none")},
	}
	for _, c := range cases {
		code, out, stderr := limber(t, c.args...)
		if code != c.code || stderr != c.err+"\n" || out != "" {
			t.Errorf("limber %v: exit %d, want %d\nstderr %q\nwant   %q", c.args, code, c.code, stderr, c.err+"\n")
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a refused new wrote %d files", len(entries))
	}
}

// schemaErrors validates YAML against docs/library.schema.json, as an
// editor with yaml-language-server would.
func schemaErrors(t *testing.T, data []byte) []string {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(docs.Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("library.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("library.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(v); err != nil {
		return []string{err.Error()}
	}
	return nil
}
