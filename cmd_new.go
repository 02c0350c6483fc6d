package main

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"

	"github.com/spf13/cobra"

	"limber/docs"
	"limber/exercises"
)

// The starters limber new writes. Each validates as written; the test
// writes all three into one folder and runs validate on it.
//
//go:embed templates/*.yaml.tmpl
var starters embed.FS

var starterTmpl = template.Must(template.ParseFS(starters, "templates/*.yaml.tmpl"))

// schemaFile is the JSON Schema written next to a library, where the
// "# yaml-language-server: $schema=library.schema.json" line at the top of
// each starter finds it: the path is relative to the YAML file.
const schemaFile = "library.schema.json"

func newNewCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "new library DIR | exercise ID | routine ID",
		Short: "write a starter that validates: a library in DIR, or an exercise or a routine in the library (--library DIR, else this folder); never overwrites a file",
		Long: "Write a starter, with comments, that limber validate accepts as written:\n" +
			"  limber new library DIR    DIR/library.yaml: an exercise, a routine and a tip\n" +
			"  limber new exercise ID    ID.yaml with one exercise, in the library\n" +
			"  limber new routine ID     ID.yaml with one routine, in the library\n" +
			"The library is the folder given with --library, else the current folder.\n" +
			"Next to the files goes library.schema.json, for editors that complete and\n" +
			"check fields (yaml-language-server). A file that exists is never overwritten.",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usagef("new takes what to write and its folder or id: new library DIR, new exercise ID or new routine ID")
			}
			switch args[0] {
			case "library", "exercise", "routine":
				return nil
			}
			msg := "new writes a library, an exercise or a routine, not " + exercises.Quote(args[0])
			return usagef("%s", msg+exercises.Meant(args[0], []string{"library", "exercise", "routine"}, ""))
		},
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return []cobra.Completion{"library", "exercise", "routine"}, cobra.ShellCompDirectiveNoFileComp
			}
			if args[0] == "library" {
				return nil, cobra.ShellCompDirectiveFilterDirs
			}
			return nil, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if args[0] == "library" {
				return e.newLibrary(args[1])
			}
			return e.newItem(args[0], args[1])
		},
	}
}

// newLibrary writes DIR/library.yaml and, if it is not there yet,
// DIR/library.schema.json.
func (e *env) newLibrary(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return invalidf("cannot make the folder %s: %v", exercises.Escape(dir), unwrapPath(err))
	}
	prefix, title := "my", "My library"
	base := filepath.Base(filepath.Clean(dir))
	if p := idFrom(base); p != "" && len(p) <= 40 {
		prefix = p
	}
	if plainTitle.MatchString(base) && len(base) <= 60 {
		title = base
	}
	file := filepath.Join(dir, "library.yaml")
	data := map[string]any{"Dir": shellArg(dir), "Prefix": prefix, "Title": title}
	if err := e.writeStarter(file, "library.yaml.tmpl", data); err != nil {
		return err
	}
	e.writeSchema(dir)
	fmt.Fprintf(e.stdout, "next: edit %s, then check it: limber validate %s\n", exercises.Escape(file), exercises.Escape(shellArg(dir)))
	return nil
}

// newItem writes ID.yaml with one exercise or routine in the library
// folder: --library DIR if given, else the current folder.
func (e *env) newItem(kind, id string) error {
	if msg := exercises.IDProblem(id); msg != "" {
		return invalidf("%s", msg)
	}
	dir := "."
	switch len(e.libraries) {
	case 0:
	case 1:
		dir = e.libraries[0]
	default:
		return usagef("new %s writes into one library; give one --library DIR, or none for the current folder", kind)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return invalidf("%s is not a folder; start a library with: limber new library %s", exercises.Escape(dir), exercises.Escape(dir))
	}
	// What the library already holds: the id must be new there, and a
	// routine starts with its exercises.
	lib, _ := exercises.Load(exercises.PathSource(dir))
	var ids []string
	for _, x := range lib.Exercises() {
		ids = append(ids, x.ID)
	}
	if kind == "exercise" {
		if x, ok := lib.Exercise(id); ok {
			return invalidf("exercise %q is already in %s (%s:%d); choose another id", id, exercises.Escape(dir), exercises.Escape(x.Pos.File), x.Pos.Line)
		}
	} else if r, ok := lib.Routine(id); ok {
		return invalidf("routine %q is already in %s (%s:%d); choose another id", id, exercises.Escape(dir), exercises.Escape(r.Pos.File), r.Pos.Line)
	}
	if len(ids) == 0 {
		ids = []string{"wrist-circles", "ankle-circles"} // built-in
	}
	file := filepath.Join(dir, id+".yaml")
	data := map[string]any{"Dir": shellArg(dir), "ID": id, "Name": nameFrom(id), "Exercises": ids[:min(len(ids), 3)]}
	if err := e.writeStarter(file, kind+".yaml.tmpl", data); err != nil {
		return err
	}
	if builtin, _ := exercises.Load(builtInSource()); kind == "exercise" {
		if _, ok := builtin.Exercise(id); ok {
			fmt.Fprintf(e.stdout, "note: %q is a built-in exercise; yours replaces it wherever this library is loaded\n", id)
		}
	} else if _, ok := builtin.Routine(id); ok {
		fmt.Fprintf(e.stdout, "note: %q is a built-in routine; yours replaces it wherever this library is loaded\n", id)
	}
	e.writeSchema(dir)
	fmt.Fprintf(e.stdout, "next: edit %s, then check it: limber validate %s\n", exercises.Escape(file), exercises.Escape(shellArg(dir)))
	return nil
}

// writeStarter writes a new file from a template; a file that is there
// already is left as it is, and new says so with exit 1.
func (e *env) writeStarter(file, tmpl string, data any) error {
	var b bytes.Buffer
	if err := starterTmpl.ExecuteTemplate(&b, tmpl, data); err != nil {
		return invalidf("cannot fill the starter: %v", err)
	}
	switch err := createNew(file, b.Bytes()); {
	case errors.Is(err, fs.ErrExist):
		return invalidf("%s already exists; limber new never overwrites a file: choose another folder or id", exercises.Escape(file))
	case err != nil:
		return invalidf("cannot write %s: %v", exercises.Escape(file), unwrapPath(err))
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", exercises.Escape(file))
	return nil
}

// writeSchema puts the schema next to the library, unless a file of that
// name is there already (it is left as it is).
func (e *env) writeSchema(dir string) {
	file := filepath.Join(dir, schemaFile)
	switch err := createNew(file, docs.Schema); {
	case err == nil:
		fmt.Fprintf(e.stdout, "wrote %s (for editors that complete and check fields)\n", exercises.Escape(file))
	case !errors.Is(err, fs.ErrExist):
		fmt.Fprintf(e.stderr, "limber: warning: cannot write %s: %v\n", exercises.Escape(file), exercises.Escape(unwrapPath(err).Error()))
	}
}

// createNew writes a file that must not exist yet: O_EXCL refuses even
// one made a moment ago by something else.
func createNew(file string, data []byte) error {
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(file)
	}
	return err
}

// shellArg writes a folder as a shell reads it: in single quotes when it
// holds anything but letters, digits and . _ / -.
func shellArg(s string) string {
	if shellPlain.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

var shellPlain = regexp.MustCompile(`^[A-Za-z0-9_./-]+$`)

var plainTitle = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 _.-]*$`)

// idFrom makes an id of a folder's name: "Mrs Lee" gives "mrs-lee".
func idFrom(s string) string {
	id := strings.ToLower(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}), "-"))
	if exercises.IDProblem(id) != "" {
		return ""
	}
	return id
}

// nameFrom makes a name of an id: "finger-lifts" gives "Finger lifts".
func nameFrom(id string) string {
	name := strings.ReplaceAll(id, "-", " ")
	if len(name) > 60 {
		name = strings.TrimSpace(name[:60])
	}
	return strings.ToUpper(name[:1]) + name[1:]
}
