package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"limber/exercises"
	"limber/journal"
	"limber/tui"
)

func init() {
	register(runCommand)
	register(demoCommand)
	rootCommand.flags = coachFlags
	rootCommand.run = func(e *env, fs *flag.FlagSet, args []string) error {
		if len(args) > 0 {
			return usagef("unexpected %s; run limber --help", exercises.Quote(args[0]))
		}
		return e.coach(fs, "", false)
	}
}

func coachFlags(fs *flag.FlagSet) {
	fs.Bool("voice", os.Getenv("LIMBER_VOICE") != "", "speak cues through a local text-to-speech command (espeak-ng, say); also LIMBER_VOICE=1")
	fs.Bool("no-bell", false, "no terminal bell")
}

var runCommand = &command{
	name:    "run",
	args:    "ROUTINE",
	summary: "do a routine now, guided step by step",
	flags: func(fs *flag.FlagSet) {
		coachFlags(fs)
		fs.Bool("demo", false, "demo mode: nothing is recorded, n/b step between exercises")
		fs.Float64("speed", 1, "run timers `N` times faster, for demos and tests")
	},
	run: func(e *env, fs *flag.FlagSet, args []string) error {
		if len(args) != 1 {
			return usagef("run takes one ROUTINE id; limber list shows them")
		}
		return e.coach(fs, args[0], fs.Lookup("demo").Value.String() == "true")
	},
}

var demoCommand = &command{
	name:    "demo",
	args:    "ROUTINE",
	summary: "show a routine without recording anything (run --demo)",
	flags: func(fs *flag.FlagSet) {
		coachFlags(fs)
		fs.Float64("speed", 1, "run timers `N` times faster")
	},
	run: func(e *env, fs *flag.FlagSet, args []string) error {
		if len(args) != 1 {
			return usagef("demo takes one ROUTINE id; limber list shows them")
		}
		return e.coach(fs, args[0], true)
	},
}

// coach opens the TUI: at home, or in a routine.
func (e *env) coach(fs *flag.FlagSet, routine string, demo bool) error {
	speed := 1.0
	if f := fs.Lookup("speed"); f != nil {
		speed, _ = strconv.ParseFloat(f.Value.String(), 64)
		if speed < 1 || speed > 1000 {
			return usagef("--speed %s is out of range; use 1 to 1000", f.Value.String())
		}
	}
	if st, err := os.Stdout.Stat(); err == nil && st.Mode()&os.ModeCharDevice == 0 {
		return invalidf("the coach needs a terminal; for text, try limber list or limber plan ROUTINE")
	}
	lib, errs := e.loadLibrary()
	var problems []string
	if len(errs) > 0 {
		problems = append(problems, fmt.Sprintf("%d problem(s) in library files were skipped: run limber validate", len(errs)))
	}
	if routine != "" {
		if _, err := findRoutine(lib, routine); err != nil {
			return err
		}
	}
	dir, err := journal.DataDir(e.dataDir)
	if err != nil {
		return invalidf("no data directory: %v; give one with --data-dir DIR", err)
	}
	j, err := journal.Open(dir)
	if err != nil {
		return invalidf("cannot open the journal in %s: %v", exercises.Escape(dir), err)
	}
	recs, warns, err := journal.Read(j.Path())
	if err != nil {
		return invalidf("%v", err)
	}
	if len(warns) > 0 {
		problems = append(problems, fmt.Sprintf("%d damaged journal line(s) skipped, first %s", len(warns), warns[0].String()))
	}
	var rec tui.Recorder
	if !demo {
		rec = tui.NewJournalRecorder(j)
	}
	cues := tui.Cues{Bell: os.Stdout}
	if fs.Lookup("no-bell").Value.String() == "true" {
		cues.Bell = nil
	}
	if fs.Lookup("voice").Value.String() == "true" {
		cues.Voice = tui.FindVoice()
	}
	var trace *os.File
	if path := os.Getenv("LIMBER_TRACE"); path != "" {
		if trace, err = os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600); err != nil {
			return invalidf("LIMBER_TRACE: %v", err)
		}
		defer trace.Close()
	}
	marker := filepath.Join(dir, "notice-seen")
	_, noticeErr := os.Stat(marker)
	m := tui.New(tui.Options{
		Library: lib, Records: recs, Recorder: rec, Now: time.Now, Demo: demo, Speed: speed,
		Routine: routine, Color: !e.noColor, Cues: cues, Problems: problems, Trace: traceWriter(trace),
		Notice:     errors.Is(noticeErr, os.ErrNotExist) && !demo,
		NoticeSeen: func() { os.WriteFile(marker, []byte("The first-start notice was shown.\n"), 0o600) },
	})
	// 30 frames a second is smooth for a coach whose screen changes once a
	// second, and halves the idle wake-ups of the default 60 (DESIGN
	// section 8: a countdown costs under 1 % of a core).
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithFPS(30))
	if _, err := p.Run(); err != nil {
		return invalidf("the coach stopped: %v", err)
	}
	if m.Failed() {
		return invalidf("some of this session could not be saved to %s; the coach showed what", exercises.Escape(j.Path()))
	}
	return nil
}

// traceWriter keeps a nil *os.File from becoming a non-nil io.Writer.
func traceWriter(f *os.File) io.Writer {
	if f == nil {
		return nil
	}
	return f
}
