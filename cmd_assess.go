package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
	"limber/profile"
	"limber/report"
	"limber/tui"
)

func newAssessCmd(e *env) *cobra.Command {
	o := &coachOptions{speed: 1}
	var result int
	var at string
	cmd := &cobra.Command{
		Use:               "assess [TEST]",
		Short:             "an outcome measure (30-second chair stand, 4-stage balance test): list them and which is due, or do one now",
		Args:              maxArgs(1, "assess takes at most one TEST id; limber assess lists them"),
		ValidArgsFunction: e.completeAssessments,
		RunE: func(cmd *cobra.Command, args []string) error {
			given := cmd.Flags().Changed
			if len(args) == 0 {
				if given("result") || given("at") {
					return usagef("--result and --at record one TEST, such as: limber assess chair-stand-30s --result 11")
				}
				return e.listAssessments()
			}
			if given("at") && !given("result") {
				return usagef("--at goes with --result: limber assess %s --result N --at TIME", args[0])
			}
			lib := e.library()
			a, ok := lib.Assessment(args[0])
			if !ok {
				msg := fmt.Sprintf("no assessment has the id %s", exercises.Quote(args[0]))
				return invalidf("%s%s", msg, exercises.Meant(args[0], lib.AssessmentIDs(), "; limber assess lists them"))
			}
			if given("result") {
				return e.recordAssessment(lib, a, result, at)
			}
			if out, ok := e.stdout.(*os.File); !ok || !isTerminal(out) {
				return invalidf("limber assess %s runs the test on screen and needs a terminal; to record a result measured elsewhere, add --result N", a.ID)
			}
			o.assess = a.ID
			return e.coach(o, "")
		},
	}
	o.flags(cmd)
	o.speedFlag(cmd)
	f := cmd.Flags()
	f.IntVar(&result, "result", 0, "record a result measured elsewhere, `N` (stands counted, or stages held), instead of doing the test now")
	f.StringVar(&at, "at", "", "with --result: when it was measured, a `TIME`: RFC 3339 (2026-01-05T09:00:00Z) or a date; default now")
	return cmd
}

// maxArgs allows up to n positional arguments.
func maxArgs(n int, msg string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return usageError{msg}
		}
		return nil
	}
}

// person reads the profile in the data directory. A profile with errors
// is told on stderr and read as empty: a report, a handout or a test does
// not wait on it.
func (e *env) person() *profile.Profile {
	dir, err := journal.DataDir(e.dataDir)
	if err != nil {
		return &profile.Profile{}
	}
	p, err := profile.Load(dir)
	if err != nil {
		if !e.warnProfile(err) {
			e.warn([]string{err.Error()})
		}
		fmt.Fprintf(e.stderr, "limber: warning: the profile was left out (fix %s)\n", exercises.Escape(profile.Path(dir)))
		return &profile.Profile{}
	}
	return p
}

// warnProfile tells the mistakes in profile.yaml on stderr, one a line,
// and reports whether err was those (rather than a file not read at all).
func (e *env) warnProfile(err error) bool {
	var errs profile.Errors
	if !errors.As(err, &errs) {
		return false
	}
	e.warn(errorLines(errs))
	return true
}

// errorLines is each error's words.
func errorLines[E error](errs []E) []string {
	lines := make([]string, len(errs))
	for i, err := range errs {
		lines[i] = err.Error()
	}
	return lines
}

// tuiProfile is what the coach needs of the profile.
func tuiProfile(p *profile.Profile) tui.Profile {
	return tui.Profile{Insulin: p.UsesInsulin(), Units: p.Units, Name: p.Name, Born: p.Born, Sex: p.Sex, Clinician: p.Clinician}
}

// listAssessments prints each outcome measure, when it is due, and its
// last result read against the norm.
func (e *env) listAssessments() error {
	lib := e.library()
	_, p, err := e.progress(lib)
	if err != nil {
		return err
	}
	prof := e.person()
	now := time.Now()
	dues := coach.Dues(lib, p.Results, now)
	if len(dues) == 0 {
		fmt.Fprintln(e.stdout, "No outcome measures in the library.")
		return nil
	}
	fmt.Fprintln(e.stdout, "Outcome measures (limber assess TEST does one now; --result N records one measured elsewhere)")
	idW, nameW := 0, 0
	for _, d := range dues {
		idW = max(idW, len(d.Assessment.ID))
		nameW = max(nameW, len([]rune(exercises.Clean(d.Assessment.Name, false))))
	}
	stop := p.StopDay(now)
	for _, d := range dues {
		a := d.Assessment
		due := "next from " + d.On.Format("Mon 2 Jan 2006")
		switch {
		case d.DueAt(now) && stop:
			due = "due, but not today"
		case d.DueAt(now):
			due = "due now"
		}
		last := "never done"
		if d.Last != nil {
			last = "last " + exercises.Clean(a.ResultText(d.Last.Result), false) + " on " + d.Last.At.In(now.Location()).Format("2 Jan 2006")
		}
		name := exercises.Clean(a.Name, false)
		fmt.Fprintf(e.stdout, "  %-*s  %s%s  %s · %s\n", idW, a.ID, name, strings.Repeat(" ", nameW-len([]rune(name))), due, last)
		if d.Last != nil {
			if words := report.ReadResult(a, *d.Last, prof).Words(a); words != "" {
				fmt.Fprintf(e.stdout, "  %s  %s\n", strings.Repeat(" ", idW), words)
			}
		}
	}
	if stop {
		fmt.Fprintln(e.stdout, "Not today: today's check-in answered a red flag or chose rest. Rest, and contact your clinician if you have not.")
	}
	return nil
}

// recordAssessment journals a result measured elsewhere, with the age and
// sex of the profile, and reads it against the norm.
func (e *env) recordAssessment(lib *exercises.Library, a *exercises.Assessment, result int, at string) error {
	if result < 0 || result > a.MaxResult() {
		what := a.Unit
		if a.Kind == exercises.Stages {
			what = "stages held"
		}
		return invalidf("--result %d is out of range for %s; use 0 to %d (%s)", result, a.ID, a.MaxResult(), exercises.Clean(what, false))
	}
	when, err := parseAt(at, time.Now())
	if err != nil {
		return err
	}
	j, err := e.openJournal()
	if err != nil {
		return err
	}
	prof := e.person()
	age, _ := prof.Age(when)
	if err := j.Append(coach.AssessmentRecord(a, when, result, age, prof.Sex)); err != nil {
		return invalidf("could not save to the journal: %v", err)
	}
	fmt.Fprintf(e.stdout, "Recorded %s on %s: %s.\n", exercises.Clean(a.Name, false), when.Local().Format("Mon 2 Jan 2006 15:04"),
		exercises.Clean(a.ResultText(result), false))
	if words := report.Read(a, result, age, prof.Sex).Words(a); words != "" {
		fmt.Fprintln(e.stdout, words)
	}
	if a.Source != "" {
		fmt.Fprintln(e.stdout, "Norms: "+exercises.Clean(a.Source, false))
	}
	return nil
}
