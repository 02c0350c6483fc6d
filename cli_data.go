package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
	"limber/text"
)

// loadLibrary loads the built-in content and every --library. What is
// valid still loads; the errors say what was left out.
func (e *env) loadLibrary() (*exercises.Library, []*exercises.Error) {
	srcs := []exercises.Source{builtInSource()}
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
		fmt.Fprintf(e.stderr, "limber: warning: %s problem(s) in library files; what they affect was skipped (run limber validate)\n", text.Thousands(len(errs)))
	}
	return lib
}

// dataDirectory is --data-dir, or the default data directory.
func (e *env) dataDirectory() (string, error) {
	dir, err := journal.DataDir(e.dataDir)
	if err != nil {
		return "", invalidf("no data directory: %v; give one with --data-dir DIR", err)
	}
	return dir, nil
}

// openJournal finds the data directory and opens the journal in it.
func (e *env) openJournal() (*journal.Journal, error) {
	dir, err := e.dataDirectory()
	if err != nil {
		return nil, err
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
	return invalidf("%s", msg+exercises.Meant(id, known, "; limber list shows the ids"))
}

// Completion: the shell asks limber (limber __complete run "") and limber
// answers with the ids of the library it would load, built-in content and
// every --library, each with its name as the description.

func (e *env) completeRoutines(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return completeIDs(e, args, toComplete, (*exercises.Library).Routines,
		func(r *exercises.Routine) (string, string) { return r.ID, r.Name })
}

func (e *env) completeExercises(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return completeIDs(e, args, toComplete, (*exercises.Library).Exercises,
		func(x *exercises.Exercise) (string, string) { return x.ID, x.Name })
}

func (e *env) completeAssessments(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return completeIDs(e, args, toComplete, (*exercises.Library).Assessments,
		func(a *exercises.Assessment) (string, string) { return a.ID, a.Name })
}

// completeIDs completes the one argument with the ids that list gives
// of the library, each with its name as the description.
func completeIDs[T any](e *env, args []string, toComplete string, list func(*exercises.Library) []T, idName func(T) (string, string)) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	lib, _ := e.loadLibrary()
	var out []cobra.Completion
	for _, x := range list(lib) {
		if id, name := idName(x); strings.HasPrefix(id, toComplete) {
			out = append(out, cobra.CompletionWithDesc(id, exercises.Clean(name, false)))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeWords completes a flag from a fixed set of words.
func completeWords(words ...string) cobra.CompletionFunc {
	return cobra.FixedCompletions(words, cobra.ShellCompDirectiveNoFileComp)
}
