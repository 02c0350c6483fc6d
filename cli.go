package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"limber/exercises"
	"limber/text"
)

// Exit codes (DESIGN section 6). One rule everywhere: 2 when limber cannot
// tell what was asked (an unknown command or flag, a flag value of the
// wrong type, a missing or empty argument, flags that exclude each other);
// 1 when it can, but the input or the content is not acceptable (a value
// out of range, an id that is not in the library, a file with errors).
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

// usageError is a mistake in how limber was called: exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// invalidError is bad input or content: exit 1. Its lines were already
// printed when quiet is set.
type invalidError struct {
	msg   string
	quiet bool
}

func (e invalidError) Error() string { return e.msg }

func invalidf(format string, args ...any) error {
	return invalidError{msg: fmt.Sprintf(format, args...)}
}

// env is what every command gets: its output streams and the global flags.
type env struct {
	stdout, stderr io.Writer
	libraries      []string
	dataDir        string
	noColor        bool
}

// run is limber: it builds the command tree, runs the command that args
// name, prints any error as one line on stderr, and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	root := newRootCmd(e)
	root.SetArgs(normalizeArgs(root, args))
	err := root.Execute()
	var ue usageError
	var ie invalidError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		e.printError(ue.msg)
		return exitUsage
	case errors.As(err, &ie):
		if !ie.quiet {
			e.printError(ie.msg)
		}
		return exitInvalid
	default:
		e.printError(err.Error())
		return exitInvalid
	}
}

// printError writes one line to stderr, with every control or escape
// character written out: an error can carry text from a file name, a
// library or a wrapped system error, and none of it may reach the terminal
// raw.
func (e *env) printError(msg string) {
	fmt.Fprintf(e.stderr, "limber: %s\n", exercises.Escape(strings.ReplaceAll(msg, "\n", " ")))
}

// maxWarnings is how many warnings are printed before a count of the rest.
const maxWarnings = 5

// warn prints the first few warnings, one line each, then how many more
// there were: a journal with 100,000 damaged lines says so in six lines.
func (e *env) warn(warnings []string) {
	for i, w := range warnings {
		if i == maxWarnings {
			fmt.Fprintf(e.stderr, "limber: warning: ... and %s more\n", text.Thousands(len(warnings)-maxWarnings))
			return
		}
		fmt.Fprintf(e.stderr, "limber: warning: %s\n", exercises.Escape(w))
	}
}

func version() string {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " " + s.Value[:12]
			}
		}
	}
	return "limber " + v
}

// newRootCmd builds the command tree. The root command is the coach; the
// others follow in the order of DESIGN section 6, which --help keeps.
func newRootCmd(e *env) *cobra.Command {
	cobra.EnableCommandSorting = false
	root := newCoachCmd(e)
	pf := root.PersistentFlags()
	pf.StringArrayVar(&e.libraries, "library", nil, "add a library `DIR` (or file) on top of the built-in content; repeatable")
	pf.StringVar(&e.dataDir, "data-dir", "", "keep the journal in `DIR` (default $LIMBER_DATA_DIR, else $XDG_DATA_HOME/limber)")
	pf.BoolVar(&e.noColor, "no-color", false, "no colour (NO_COLOR is honoured too)")
	pf.Bool("version", false, "print the version and exit")
	pf.BoolP("help", "h", false, "show this help")
	root.MarkPersistentFlagDirname("data-dir")
	root.AddCommand(
		newRunCmd(e),
		newDemoCmd(e),
		newListCmd(e),
		newValidateCmd(e),
		newNewCmd(e),
		newPlanCmd(e),
		newLogCmd(e),
		newAdjustCmd(e),
		newAssessCmd(e),
		newHistoryCmd(e),
		newTipsCmd(e),
		newReportCmd(e),
		newHandoutCmd(e),
		newFiguresCmd(e),
		newProfileCmd(e),
		newStatusCmd(e),
		newRemindCmd(e),
		newServeCmd(e),
		newCompletionCmd(e),
		newManCmd(e),
	)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SilenceUsage = true
	root.SilenceErrors = true
	root.SetFlagErrorFunc(flagError)
	root.SetHelpTemplate(helpTemplate)
	root.SetUsageTemplate(usageTemplate)
	root.SetVersionTemplate("{{.Version}}\n")
	root.CompletionOptions.DisableDefaultCmd = true
	// --version works after any command, as --help does: cobra answers it
	// for each command whose Version is set, before checking arguments.
	// Flags are listed in the order they are declared: the ones most
	// needed first.
	v := version()
	for _, c := range append(root.Commands(), root) {
		c.Version = v
		c.Flags().SortFlags = false
		c.PersistentFlags().SortFlags = false
		c.Args = checkEmpty(c.Args)
	}
	return root
}

// checkEmpty runs before a command's own check of its arguments, as
// pflag's checks run before it: a flag given with an empty value, as in
// --html="", or an empty argument, is a value that is missing.
func checkEmpty(next cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		var err error
		cmd.Flags().Visit(func(f *pflag.Flag) {
			vals := []string{f.Value.String()}
			if sv, ok := f.Value.(pflag.SliceValue); ok {
				vals = sv.GetSlice()
			} else if f.Value.Type() != "string" {
				return
			}
			if err == nil && slices.Contains(vals, "") {
				err = usagef("--%s needs a value; run %s", f.Name, helpFor(cmd))
			}
		})
		if err == nil && cmd.HasParent() && slices.Contains(args, "") {
			err = usagef("an argument is empty; run %s", helpFor(cmd))
		}
		if err == nil && next != nil {
			err = next(cmd, args)
		}
		return err
	}
}

// helpFor is the command that shows cmd's help.
func helpFor(cmd *cobra.Command) string {
	if cmd.HasParent() {
		return "limber " + cmd.Name() + " --help"
	}
	return "limber --help"
}

// flagError words pflag's complaints as ours: a usage error, with the
// command whose help lists its flags.
func flagError(cmd *cobra.Command, err error) error {
	var invalid *pflag.InvalidValueError
	var missing *pflag.ValueRequiredError
	var unknown *pflag.NotExistError
	msg := err.Error()
	switch {
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		want := map[string]string{"int": "a whole number", "float64": "a number", "bool": "true or false"}[f.Value.Type()]
		if want == "" {
			want = "a " + f.Value.Type()
		}
		msg = fmt.Sprintf("--%s %s is not %s", f.Name, exercises.Quote(invalid.GetValue()), want)
	case errors.As(err, &missing):
		msg = fmt.Sprintf("--%s needs a value", missing.GetSpecifiedName())
	case errors.As(err, &unknown):
		name := unknown.GetSpecifiedName()
		if s := unknown.GetSpecifiedShortnames(); s != "" {
			name = s
		}
		msg = "unknown flag --" + name
		if unknown.GetSpecifiedShortnames() != "" {
			msg = "unknown flag -" + name
		}
		var names []string
		cmd.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
		if s := exercises.Suggest(name, names); s != "" {
			msg += fmt.Sprintf("; did you mean --%s?", s)
		}
	}
	return usagef("%s; run %s", msg, helpFor(cmd))
}

// exactArgs wants n positional arguments, and says what they are when
// they are not there.
func exactArgs(n int, msg string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError{msg}
		}
		return nil
	}
}

// noArgs refuses positional arguments.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments, found %s", cmd.Name(), exercises.Quote(args[0]))
	}
	return nil
}

// normalizeArgs keeps two ways of calling limber that its first command
// line took and that pflag alone does not: a long flag with one dash
// (-json, as Go's flag package allowed and the old --help showed), and
// flags before the command's name (limber --json list).
func normalizeArgs(root *cobra.Command, args []string) []string {
	if len(args) > 0 && strings.HasPrefix(args[0], "__complete") {
		return args // the shell's completion asks in its own form
	}
	takesValue := map[string]bool{} // every long flag of every command
	collect := func(f *pflag.Flag) { takesValue[f.Name] = f.NoOptDefVal == "" }
	root.PersistentFlags().VisitAll(collect)
	for _, c := range append(root.Commands(), root) {
		c.LocalFlags().VisitAll(collect)
	}
	out := make([]string, 0, len(args))
	// Where the command's name is in out; -1 before the first word that
	// is not a flag, and 0 when that word is not a command's name.
	name := -1
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			out = append(out, args[i:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			if name == -1 {
				name = 0
				if c, _, err := root.Find([]string{a}); err == nil && c != root {
					name = len(out)
				}
			}
			out = append(out, a)
			continue
		}
		long := strings.TrimLeft(a, "-")
		flagName, _, hasValue := strings.Cut(long, "=")
		if !strings.HasPrefix(a, "--") && len(flagName) > 1 {
			if _, ok := takesValue[flagName]; ok {
				a = "-" + a
			}
		}
		out = append(out, a)
		if takesValue[flagName] && !hasValue && i+1 < len(args) {
			i++
			out = append(out, args[i])
		}
	}
	if name > 0 {
		out = append([]string{out[name]}, append(out[:name:name], out[name+1:]...)...)
	}
	return out
}

const helpTemplate = `{{with (or .Long .Short)}}{{.}}

{{end}}{{.UsageString}}`

// usageTemplate lists the root's commands one to a line with what each is
// for, and a command's own flags apart from the global ones.
const usageTemplate = `{{if not .HasParent}}Usage:
  limber [flags]
      {{index .Annotations "coach"}}
{{- range .Commands}}{{if .IsAvailableCommand}}
  limber {{.Use}}
      {{.Short}}{{end}}{{end}}

Run limber COMMAND --help for a command's flags.
{{- if .LocalNonPersistentFlags.HasAvailableFlags}}

Flags of the coach:
{{.LocalNonPersistentFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}

Global flags:
{{.PersistentFlags.FlagUsages | trimTrailingWhitespaces}}
{{- else}}Usage: limber {{.Use}}{{if .HasAvailableLocalFlags}} [flags]{{end}}
{{- if .HasExample}}

Examples:
{{.Example}}{{end}}
{{- if .HasAvailableLocalFlags}}

Flags:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}

Global flags:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}
`
