package main

import (
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"limber/content"
	"limber/exercises"
)

// validateOptions are validate's own flags.
type validateOptions struct {
	watch, strict bool
}

func newValidateCmd(e *env) *cobra.Command {
	o := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "check library files: the built-in content and every --library, or just the PATHs; exit 1 if any is invalid",
		Long: "Check library files: with no PATH, the built-in content and every --library;\n" +
			"with PATHs, just those files and folders, whose routines may use built-in exercises.\n" +
			"Errors and warnings read file:line:col: field: message. Exit 1 if any file is\n" +
			"invalid (or, with --strict, has a warning).",
		Args: cobra.ArbitraryArgs,
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return []cobra.Completion{"yaml"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.watch {
				ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
				defer stop()
				return e.watchValidate(ctx, args, o.strict, isTerminalWriter(e.stdout))
			}
			return e.validate(args, o.strict)
		},
	}
	cmd.Flags().BoolVar(&o.watch, "watch", false, "check again on every save, until Ctrl+C (an editor in one pane, the messages in another)")
	cmd.Flags().BoolVar(&o.strict, "strict", false, "warnings count as errors: exit 1 if there is any")
	return cmd
}

// validate checks once and prints what it found: notes to stdout, errors
// and warnings to stderr, then a one-line count.
func (e *env) validate(args []string, strict bool) error {
	lib, errs, counts := e.checkLibrary(args)
	for _, n := range lib.Notices {
		fmt.Fprintf(e.stdout, "%s (note)\n", n)
	}
	for _, err := range errs {
		fmt.Fprintln(e.stderr, err)
	}
	for _, w := range lib.Warnings {
		fmt.Fprintf(e.stderr, "%s (warning)\n", w)
	}
	summary := counts.String()
	warned := ""
	if n := len(lib.Warnings); n > 0 {
		warned = fmt.Sprintf(", %d warning(s)", n)
	}
	switch {
	case len(errs) > 0:
		fmt.Fprintf(e.stderr, "%s; %d error(s)%s\n", summary, len(errs), warned)
		return invalidError{quiet: true}
	case counts.files == 0:
		fmt.Fprintf(e.stderr, "no .yaml files found in %s\n", exercises.Escape(strings.Join(args, ", ")))
		return invalidError{quiet: true}
	case strict && len(lib.Warnings) > 0:
		fmt.Fprintf(e.stderr, "%s; %d warning(s), refused with --strict\n", summary, len(lib.Warnings))
		return invalidError{quiet: true}
	}
	fmt.Fprintf(e.stdout, "%s; all valid%s\n", summary, warned)
	return nil
}

// libraryCounts is what validate counts: the files it was asked to check,
// and what they define.
type libraryCounts struct{ files, exercises, routines, tips, assessments int }

// String names the outcome measures only where there are some.
func (c libraryCounts) String() string {
	s := fmt.Sprintf("%d files: %d exercises, %d routines, %d tips", c.files, c.exercises, c.routines, c.tips)
	if c.assessments > 0 {
		s += fmt.Sprintf(", %d assessments", c.assessments)
	}
	return s
}

// checkLibrary loads what validate checks: with no paths, the built-in
// content and every --library; with paths, the built-in content and the
// paths, so that a routine may use built-in exercises, counting only what
// the paths define (DESIGN section 6).
func (e *env) checkLibrary(paths []string) (*exercises.Library, []*exercises.Error, libraryCounts) {
	if len(paths) == 0 {
		lib, errs := e.loadLibrary()
		return lib, errs, libraryCounts{lib.Files, len(lib.Exercises()), len(lib.Routines()), len(lib.Tips()), len(lib.Assessments())}
	}
	srcs := []exercises.Source{builtInSource()}
	for _, p := range paths {
		srcs = append(srcs, exercises.PathSource(p))
	}
	lib, errs := exercises.Load(srcs...)
	c := libraryCounts{
		files:       lib.Files - builtInFiles(),
		exercises:   notBuiltIn(lib.Exercises(), func(x *exercises.Exercise) string { return x.Origin }),
		routines:    notBuiltIn(lib.Routines(), func(r *exercises.Routine) string { return r.Origin }),
		tips:        notBuiltIn(lib.Tips(), func(t *exercises.Tip) string { return t.Origin }),
		assessments: notBuiltIn(lib.Assessments(), func(a *exercises.Assessment) string { return a.Origin }),
	}
	return lib, errs, c
}

// notBuiltIn counts what of xs the built-in content did not define.
func notBuiltIn[T any](xs []T, origin func(T) string) int {
	n := 0
	for _, x := range xs {
		if origin(x) != builtIn {
			n++
		}
	}
	return n
}

// builtIn is the origin of what the built-in content defines.
const builtIn = "built-in"

func builtInSource() exercises.Source {
	return exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: builtIn}
}

// builtInFiles counts the built-in library's files, as Load counts them.
func builtInFiles() int {
	n := 0
	fs.WalkDir(content.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			n++
		}
		return nil
	})
	return n
}

// isTerminalWriter reports whether w is a terminal, where --watch clears
// the screen before each check.
func isTerminalWriter(w any) bool {
	f, ok := w.(*os.File)
	return ok && isTerminal(f)
}
