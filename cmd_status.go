package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
	"limber/remind"
)

// clock is the time status and the reminder go by; tests set it.
var clock = time.Now

func newStatusCmd(e *env) *cobra.Command {
	var short, asJSON bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "one line for today, for a shell prompt or a status bar: what is done and what is still to do",
		Long: `One line for today: each routine you follow (done in the last four weeks)
with what today and this week hold, such as
  Feet and ankles, daily: not yet today · Balance at the counter, 3 times a week: 1 of 3 this week
It reads the state cache and what was appended since, or else only the end
of the journal, so it is quick enough for a prompt, and it always exits 0:
a missing or damaged journal still gives a line.`,
		Example: `  limber status
  limber status --short      # limber: 2 to do, or limber: done ✓
  limber status --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if short && asJSON {
				return usagef("choose one of --short and --json")
			}
			st := e.status(clock())
			switch {
			case asJSON:
				out, _ := json.MarshalIndent(st.json(), "", "  ")
				fmt.Fprintf(e.stdout, "%s\n", out)
			case short:
				fmt.Fprintln(e.stdout, st.short(true))
			default:
				fmt.Fprintln(e.stdout, st.line())
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&short, "short", false, "a few words for a shell prompt: limber: 2 to do, or limber: done ✓")
	f.BoolVar(&asJSON, "json", false, "print JSON: each routine with due, done, this_week and per_week")
	return cmd
}

// status is what limber status and the reminder know of today.
type status struct {
	today remind.Today
	dir   string // the data directory; "" if there is none
	// unreadable says the journal could not be read at all: the words
	// say so rather than "nothing done".
	unreadable bool
	problems   []string
}

// status works out today from the library and the journal: from the
// state cache and what was appended since, where a cache matches; else
// from the end of the journal alone (remind.Recent), which is all today
// and this week need. Either way it takes no lock and writes nothing: a
// prompt never waits. It never fails: what it cannot read becomes a
// problem, and the words say so.
func (e *env) status(now time.Time) status {
	var st status
	lib, errs := e.loadLibrary()
	for _, err := range errs {
		st.problems = append(st.problems, err.Error())
	}
	dir, err := journal.DataDir(e.dataDir)
	if err == nil {
		st.dir = dir
		if c, ok := coach.ResumeCached(journal.Path(dir), lib); ok {
			st.today = remind.Summarize(lib, c.Progress, now)
			return st
		}
	}
	var recs []journal.Record
	if err == nil {
		recs, err = remind.Recent(journal.Path(dir), now)
	}
	if err != nil {
		st.unreadable = true
		st.problems = append(st.problems, "cannot read the journal: "+err.Error())
	}
	st.today = remind.Summarize(lib, coach.Replay(lib, recs), now)
	return st
}

func (st status) line() string {
	if st.unreadable {
		return "limber cannot read its journal; run limber history to see why."
	}
	return st.today.Line()
}

// short is the prompt's words. With take, a reminder that went off with
// no desktop to show it is said once, and forgotten.
func (st status) short(take bool) string {
	if st.unreadable {
		return "limber: journal unreadable"
	}
	if take && st.dir != "" && remind.TakePending(st.dir, st.today.Date) {
		return st.today.ShortReminder()
	}
	return st.today.Short()
}

type statusJSON struct {
	Date     string          `json:"date"`
	Line     string          `json:"line"`
	Short    string          `json:"short"`
	ToDo     int             `json:"to_do"`
	Remind   bool            `json:"remind"`
	Resting  bool            `json:"resting"`
	Advised  bool            `json:"advised"`
	Routines []statusRoutine `json:"routines"`
	Problems []string        `json:"problems,omitempty"`
}

type statusRoutine struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Frequency string `json:"frequency"`
	PerWeek   int    `json:"per_week"`
	ThisWeek  int    `json:"this_week"`
	Done      bool   `json:"done"`
	Due       bool   `json:"due"`
	Started   bool   `json:"started"`
	Finished  int    `json:"finished"`
	Exercises int    `json:"exercises"`
	InUse     bool   `json:"in_use"`
	Words     string `json:"words"`
}

// json is status for scripts: every routine of the library, followed or
// not. due is false for all on a day of rest.
func (st status) json() statusJSON {
	t := st.today
	out := statusJSON{Date: t.Date.Format(time.DateOnly), Line: st.line(), Short: st.short(false),
		ToDo: len(t.ToDo()), Remind: t.Remind(), Resting: t.Resting, Advised: t.Advised,
		Routines: []statusRoutine{}}
	for _, r := range t.Routines {
		out.Routines = append(out.Routines, statusRoutine{ID: r.ID, Name: r.Name, Frequency: r.Frequency,
			PerWeek: r.PerWeek, ThisWeek: r.ThisWeek, Done: r.Done, Due: r.Due && !t.Resting && !t.Advised,
			Started: r.Started, Finished: r.Finished, Exercises: r.Items, InUse: r.InUse, Words: r.Words()})
	}
	for _, p := range st.problems {
		out.Problems = append(out.Problems, exercises.Escape(p))
	}
	return out
}
