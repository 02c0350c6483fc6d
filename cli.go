package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"limber/content"
	"limber/exercises"
)

// Exit codes (DESIGN section 6).
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

// env is what every command gets: its output streams and the global options.
type env struct {
	stdout, stderr io.Writer
	libraries      multiFlag
	dataDir        string
	noColor        bool
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// command is one subcommand.
type command struct {
	name    string
	args    string // positional arguments, for usage
	summary string
	flags   func(fs *flag.FlagSet)
	run     func(e *env, fs *flag.FlagSet, args []string) error
}

var commands []*command

func register(c *command) { commands = append(commands, c) }

func findCommand(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
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

func run(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	name := ""
	rest := args
	// The command is the first word that is not a flag; global flags may
	// stand before it.
	for i, a := range args {
		if a == "--" {
			break
		}
		if !strings.HasPrefix(a, "-") {
			if i > 0 && takesValue(args[i-1]) {
				continue
			}
			name = a
			rest = append(append([]string{}, args[:i]...), args[i+1:]...)
			break
		}
	}
	var c *command
	if name == "" {
		c = rootCommand
	} else if c = findCommand(name); c == nil {
		msg := fmt.Sprintf("unknown command %s", exercises.Quote(name))
		var names []string
		for _, c := range commands {
			names = append(names, c.name)
		}
		if s := exercises.Suggest(name, names); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		fmt.Fprintf(stderr, "limber: %s; run limber --help\n", msg)
		return exitUsage
	}
	fs := flag.NewFlagSet("limber "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var(&e.libraries, "library", "add a library `DIR` (or file) on top of the built-in content; repeatable")
	fs.StringVar(&e.dataDir, "data-dir", "", "keep the journal in `DIR` (default $LIMBER_DATA_DIR, else $XDG_DATA_HOME/limber)")
	fs.BoolVar(&e.noColor, "no-color", false, "no colour (NO_COLOR is honoured too)")
	showVersion := fs.Bool("version", false, "print the version and exit")
	if c.flags != nil {
		c.flags(fs)
	}
	pos, err := parseInterspersed(fs, rest)
	if errors.Is(err, flag.ErrHelp) {
		printUsage(stdout, c, fs)
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "limber: %s; run limber %s --help\n", exercises.Escape(err.Error()), c.name)
		return exitUsage
	}
	if *showVersion {
		fmt.Fprintln(stdout, version())
		return exitOK
	}
	if os.Getenv("NO_COLOR") != "" {
		e.noColor = true
	}
	err = c.run(e, fs, pos)
	var ue usageError
	var ie invalidError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "limber: %s\n", ue.msg)
		return exitUsage
	case errors.As(err, &ie):
		if !ie.quiet {
			fmt.Fprintf(stderr, "limber: %s\n", ie.msg)
		}
		return exitInvalid
	default:
		fmt.Fprintf(stderr, "limber: %s\n", strings.ReplaceAll(err.Error(), "\n", " "))
		return exitInvalid
	}
}

// takesValue reports whether a flag word consumes the next argument, so
// that the command is found wherever flags stand: `--library DIR list`,
// `--category balance list`.
func takesValue(a string) bool {
	if strings.Contains(a, "=") {
		return false
	}
	name := strings.TrimLeft(a, "-")
	for _, c := range append([]*command{rootCommand}, commands...) {
		fs := flag.NewFlagSet("", flag.ContinueOnError)
		fs.Var(&multiFlag{}, "library", "")
		fs.String("data-dir", "", "")
		if c.flags != nil {
			c.flags(fs)
		}
		if f := fs.Lookup(name); f != nil {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
				return true
			}
		}
	}
	return false
}

// parseInterspersed lets flags stand before or after positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// helpOrder is the order of DESIGN section 6: doing, then the library,
// then the record, then what is read.
var helpOrder = []string{"run", "demo", "list", "validate", "plan", "log", "adjust", "history", "tips", "report", "handout"}

func printUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	if c == rootCommand {
		fmt.Fprintf(w, "limber: a calm exercise coach for people living with peripheral neuropathy.\n")
		fmt.Fprintf(w, "It supports, and does not replace, advice from your clinician.\n\n")
		fmt.Fprintf(w, "Usage:\n  limber [flags]\n      %s\n", c.summary)
		for _, name := range helpOrder {
			if c := findCommand(name); c != nil {
				fmt.Fprintf(w, "  limber %s\n      %s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
			}
		}
		fmt.Fprintf(w, "\nRun limber COMMAND --help for a command's flags.\n\nGlobal flags:\n")
	} else {
		fmt.Fprintf(w, "Usage: limber %s [flags]\n\n%s\n\nFlags:\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
	}
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// loadLibrary loads the built-in content and every --library. Problems are
// told on stderr in one line each; what is valid still loads.
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
		for _, err := range errs {
			fmt.Fprintf(e.stderr, "limber: warning: %s\n", err)
		}
		fmt.Fprintf(e.stderr, "limber: warning: %d problem(s) in library files; what they affect was skipped (run limber validate)\n", len(errs))
	}
	return lib
}

// rootCommand is limber with no command: the coach (cmd_tui.go wires it).
var rootCommand = &command{
	name:    "",
	summary: "open the coach: today's routine first, all routines, the library, tips, progress",
}
