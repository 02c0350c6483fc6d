package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"limber/coach"
	"limber/content"
	"limber/exercises"
	"limber/journal"
)

// loadLibrary loads the built-in content and every --library. What is
// valid still loads; the errors say what was left out.
func (e *env) loadLibrary() (*exercises.Library, []*exercises.Error) {
	srcs := []exercises.Source{{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"}}
	for _, p := range e.libraries {
		srcs = append(srcs, exercises.PathSource(p))
	}
	return exercises.Load(srcs...)
}

// library loads and warns about what was skipped, for commands that use
// the library rather than check it.
func (e *env) library() *exercises.Library {
	lib, errs := e.loadLibrary()
	if len(errs) > 0 {
		lines := make([]string, len(errs))
		for i, err := range errs {
			// One line each: a layout mistake's second line (yaml.v3's
			// own words) is for limber validate.
			lines[i], _, _ = strings.Cut(err.Error(), "\n")
		}
		e.warn(lines)
		fmt.Fprintf(e.stderr, "limber: warning: %s problem(s) in library files; what they affect was skipped (run limber validate)\n", thousands(len(errs)))
	}
	return lib
}

// openJournal finds the data directory and opens the journal in it.
func (e *env) openJournal() (*journal.Journal, error) {
	dir, err := journal.DataDir(e.dataDir)
	if err != nil {
		return nil, invalidf("no data directory: %v; give one with --data-dir DIR", err)
	}
	j, err := journal.Open(dir)
	if err != nil {
		return nil, invalidf("cannot open the journal in %s: %v", exercises.Escape(dir), err)
	}
	return j, nil
}

// progress replays the journal through the rules, from the state cache
// where it matches (coach.Resume), and writes a new cache when one is
// worth it. Skipped records are told on stderr, in line order, whether the
// reader skipped them (damaged, impossible values) or the replay (an
// exercise not in the library, a rung off the ladder, a repeat); the rest
// still counts. A cache that cannot be written costs the next start some
// time, nothing more, and is not told.
func (e *env) progress(lib *exercises.Library) (*journal.Journal, *coach.Progress, error) {
	j, st, err := e.start(lib)
	if err != nil {
		return nil, nil, err
	}
	return j, st.Progress, nil
}

// start is progress with all that coach.Resume gave.
func (e *env) start(lib *exercises.Library) (*journal.Journal, *coach.Start, error) {
	j, err := e.openJournal()
	if err != nil {
		return nil, nil, err
	}
	st, err := coach.Resume(j.Path(), lib)
	if err != nil {
		return nil, nil, invalidf("%v", err)
	}
	st.Save()
	p := st.Progress
	warns := st.Warnings
	for _, w := range p.Warnings {
		w.File = j.Path()
		warns = append(warns, w)
	}
	slices.SortStableFunc(warns, func(a, b journal.Warning) int { return a.Line - b.Line })
	lines := make([]string, len(warns))
	for i, w := range warns {
		lines[i] = w.String()
	}
	e.warn(lines)
	return j, st, nil
}

// findExercise looks an id up, with a suggestion when it is mistyped.
func findExercise(lib *exercises.Library, id string) (*exercises.Exercise, error) {
	if x, ok := lib.Exercise(id); ok {
		return x, nil
	}
	return nil, notFound("exercise", id, lib.ExerciseIDs())
}

func findRoutine(lib *exercises.Library, id string) (*exercises.Routine, error) {
	if r, ok := lib.Routine(id); ok {
		return r, nil
	}
	return nil, notFound("routine", id, lib.RoutineIDs())
}

func notFound(what, id string, known []string) error {
	msg := fmt.Sprintf("no %s has the id %s", what, exercises.Quote(id))
	if s := exercises.Suggest(id, known); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else {
		msg += "; limber list shows the ids"
	}
	return invalidf("%s", msg)
}

// Completion: the shell asks limber (limber __complete run "") and limber
// answers with the ids of the library it would load, built-in content and
// every --library, each with its name as the description.

func (e *env) completeRoutines(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	lib, _ := e.loadLibrary()
	var out []cobra.Completion
	for _, r := range lib.Routines() {
		if strings.HasPrefix(r.ID, toComplete) {
			out = append(out, cobra.CompletionWithDesc(r.ID, exercises.Clean(r.Name, false)))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func (e *env) completeExercises(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	lib, _ := e.loadLibrary()
	var out []cobra.Completion
	for _, x := range lib.Exercises() {
		if strings.HasPrefix(x.ID, toComplete) {
			out = append(out, cobra.CompletionWithDesc(x.ID, exercises.Clean(x.Name, false)))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeWords completes a flag from a fixed set of words.
func completeWords(words ...string) cobra.CompletionFunc {
	return cobra.FixedCompletions(words, cobra.ShellCompDirectiveNoFileComp)
}
