package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"limber/exercises"
	"limber/journal"
	"limber/profile"
	"limber/text"
	"limber/tui"
)

// newCoachCmd is limber with no command: the coach's home screen.
func newCoachCmd(e *env) *cobra.Command {
	o := &coachOptions{speed: 1}
	cmd := &cobra.Command{
		Use:   "limber",
		Short: "a calm exercise coach for peripheral neuropathy",
		Long: "limber: a calm exercise coach for people living with peripheral neuropathy.\n" +
			"It supports, and does not replace, advice from your clinician.",
		// What limber alone does, for the first line of --help.
		Annotations: map[string]string{"coach": "open the coach: today's routine first, all routines, the library, tips, progress"},
		Args:        unknownCommand,
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.coach(o, "")
		},
	}
	o.flags(cmd)
	return cmd
}

// unknownCommand is the root's check of its arguments: a word there is a
// command that does not exist.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := "unknown command " + exercises.Quote(args[0])
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	return usagef("%s; run limber --help", msg+exercises.Meant(args[0], names, ""))
}

// coachOptions are the flags of the coach, of run and of demo.
type coachOptions struct {
	voice, noBell, demo, noFigures bool
	speed                          float64
	assess                         string // open this outcome measure (limber assess TEST)
}

func (o *coachOptions) flags(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&o.voice, "voice", os.Getenv("LIMBER_VOICE") != "", "speak cues through a local text-to-speech command (espeak-ng, say); also LIMBER_VOICE=1")
	cmd.Flags().BoolVar(&o.noBell, "no-bell", false, "no terminal bell")
	cmd.Flags().BoolVar(&o.noFigures, "no-figures", false, "no drawings of the exercises on the card and during a set")
}

func (o *coachOptions) speedFlag(cmd *cobra.Command) {
	cmd.Flags().Float64Var(&o.speed, "speed", 1, "run timers `N` times faster (1 to 1000), for demos and tests")
}

// coach opens the TUI: at home, or in a routine. What the command line
// can check, it checks before asking for a terminal, so that a mistyped
// routine is named as such.
func (e *env) coach(o *coachOptions, routine string) error {
	if !(o.speed >= 1 && o.speed <= 1000) { // NaN too
		return invalidf("--speed %v is out of range; use 1 to 1000", o.speed)
	}
	var reload func() (*exercises.Library, []*exercises.Error)
	if len(e.libraries) > 0 {
		reload = e.reloader() // a therapist may edit the library while the coach is open
	}
	lib, errs := e.loadLibrary()
	if routine != "" {
		if _, err := findRoutine(lib, routine); err != nil {
			return err
		}
	}
	out, ok := e.stdout.(*os.File)
	if !ok || !isTerminal(out) {
		return invalidf("the coach needs a terminal; for text, try limber list or limber plan ROUTINE")
	}
	var problems, libProblems []string
	if len(errs) > 0 {
		libProblems = append(libProblems, fmt.Sprintf("%s problem(s) in library files were skipped: run limber validate", text.Thousands(len(errs))))
	}

	j, err := e.openJournal()
	if err != nil {
		return err
	}
	// The journal is read after the first screen is drawn (tui/load.go);
	// what would keep it from being read at all is said now.
	if err := journal.Check(j.Path()); err != nil {
		return invalidf("%v", err)
	}
	prof, err := profile.Load(filepath.Dir(j.Path()))
	if err != nil {
		// The coach still runs; the check-in cannot know about insulin.
		problems = append(problems, "profile.yaml could not be read and was left out: run limber profile")
		prof = &profile.Profile{}
	}
	var rec tui.Recorder
	if !o.demo {
		rec = tui.NewJournalRecorder(j)
	}
	cues := tui.Cues{Bell: out}
	if o.noBell {
		cues.Bell = nil
	}
	if o.voice {
		cues.Voice = tui.FindVoice()
	}
	var trace io.Writer
	if path := os.Getenv("LIMBER_TRACE"); path != "" {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
		if err != nil {
			return invalidf("LIMBER_TRACE: %v", err)
		}
		defer f.Close()
		trace = f
	}
	// Knowing the window's size, the coach draws its first screen at once
	// (tui/firstframe.go), not at the renderer's first tick.
	var firstFrame io.Writer
	width, height, err := term.GetSize(out.Fd())
	if err == nil {
		firstFrame = out
	}
	marker := filepath.Join(filepath.Dir(j.Path()), "notice-seen")
	_, noticeErr := os.Stat(marker)
	m := tui.New(tui.Options{
		Library: lib, Journal: j.Path(), Recorder: rec, Now: time.Now, Demo: o.demo, Speed: o.speed,
		Routine: routine, Assess: o.assess, Profile: tuiProfile(prof),
		Color: !e.noColor && os.Getenv("NO_COLOR") == "", Cues: cues, Problems: problems, Trace: trace,
		LibraryProblems: libProblems, Reload: reload,
		NoFigures:  o.noFigures,
		Notice:     errors.Is(noticeErr, os.ErrNotExist) && !o.demo,
		NoticeSeen: func() { os.WriteFile(marker, []byte("The first-start notice was shown.\n"), 0o600) },
		Width:      width, Height: height, FirstFrame: firstFrame,
	})
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithFPS(fps()), tea.WithOutput(out))
	if _, err := p.Run(); err != nil {
		return invalidf("the coach stopped: %v", err)
	}
	if err := m.LoadError(); err != nil {
		return invalidf("%v", err)
	}
	if m.Failed() {
		return invalidf("some of this session could not be saved to %s; the coach showed what", exercises.Escape(j.Path()))
	}
	return nil
}

// coachFPS is the renderer's frame rate. The coach draws its first screen
// itself (tui/firstframe.go); every later frame waits for the renderer's
// next tick, at most 50 ms at 20 a second, and each tick wakes the
// process even when nothing changed. At 80x24 a hold cost 0.44 % of a core
// at 20, 0.64 % at 30 and 0.85 % at 60 (scripts/measure-countdown.sh
// --fps 20,30,60; the README has the figures). A string, so that a build
// can set another to measure it: go build -ldflags "-X main.coachFPS=60".
var coachFPS = "20"

func fps() int {
	n, err := strconv.Atoi(coachFPS)
	if err != nil {
		return 20
	}
	return n
}

// isTerminal reports whether f is a terminal; /dev/null, a character
// device too, is not.
func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }
