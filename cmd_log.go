package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"limber/exercises"
	"limber/journal"
)

func newLogCmd(e *env) *cobra.Command {
	var done, at string
	var effort, pain, baseline, score int
	cmd := &cobra.Command{
		Use:               "log EXERCISE --done 10,10,8 --effort N --pain N",
		Short:             "record one exercise done in one session, without the coach screen, and print the decision",
		Args:              exactArgs(1, "log takes one EXERCISE id, then --done, --effort and --pain"),
		ValidArgsFunction: e.completeExercises,
		RunE: func(cmd *cobra.Command, args []string) error {
			given := cmd.Flags().Changed
			if !given("done") || !given("effort") || !given("pain") {
				return usagef("log needs --done, --effort and --pain, such as: limber log heel-raises --done 10,10 --effort 2 --pain 1")
			}
			lib := e.library()
			x, err := findExercise(lib, args[0])
			if err != nil {
				return err
			}
			switch {
			case effort < 1 || effort > 5:
				return invalidf("--effort %d is out of range; use 1 (very easy) to 5 (too hard)", effort)
			case pain < 0 || pain > 10:
				return invalidf("--pain %d is out of range; use 0 (none) to 10 (worst)", pain)
			case given("baseline") && (baseline < 0 || baseline > 10):
				return invalidf("--baseline %d is out of range; use 0 to 10", baseline)
			case given("score") && x.Score == nil:
				return invalidf("%s does not ask for a score; leave --score out", x.ID)
			case given("score") && (score < 0 || score > x.Score.OutOf):
				return invalidf("--score %d is out of range; use 0 to %d", score, x.Score.OutOf)
			}
			when, err := parseAt(at, time.Now())
			if err != nil {
				return err
			}
			j, p, err := e.progress(lib)
			if err != nil {
				return err
			}
			dose, _ := p.Now(x, x.Dose)
			rung := dose.Rung()
			var achieved []int
			for _, f := range strings.Split(done, ",") {
				n, err := strconv.Atoi(strings.TrimSpace(f))
				if err != nil || n < 0 || n > 10000 {
					return invalidf("--done %s: %s is not a whole number of %s; give one per set, such as 10,10,8", exercises.Quote(done), exercises.Quote(f), x.Dose.Kind.Unit())
				}
				achieved = append(achieved, n)
			}
			if len(achieved) > rung.Sets {
				return invalidf("%s is %d set(s) now; --done has %d values", x.ID, rung.Sets, len(achieved))
			}
			for len(achieved) < rung.Sets {
				achieved = append(achieved, 0) // a set not done is a set short
			}
			var base, sc *int
			if given("baseline") {
				base = &baseline
			}
			if given("score") {
				sc = &score
			}
			recs, d := p.Log(x, when, achieved, effort, pain, base, sc)
			if err := j.Append(recs...); err != nil {
				return invalidf("could not save to the journal: %v", err)
			}
			fmt.Fprintf(e.stdout, "Recorded %s on %s: %d set(s).\n", exercises.Clean(x.Name, false), when.Local().Format("Mon 2 Jan 2006 15:04"), len(achieved))
			fmt.Fprintf(e.stdout, "Next time: %s\n", x.DoseLine(x.Dose.WithRung(d.To), exercises.DoseCard))
			fmt.Fprintln(e.stdout, exercises.Clean(d.Reason, false))
			if exercises.MustStop(x, pain, baseline) {
				fmt.Fprintln(e.stdout, "Pain this high means stop for today and rest. If it does not settle, contact your clinician.")
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&done, "done", "", "what each set achieved, a `LIST` such as 10,10,8: reps, or seconds for hold and timed exercises")
	f.IntVar(&effort, "effort", 0, "how hard it felt, `N` from 1 (very easy) to 5 (too hard or could not finish)")
	f.IntVar(&pain, "pain", 0, "pain now, `N` from 0 (none) to 10 (worst)")
	f.IntVar(&baseline, "baseline", 0, "pain before starting, `N` from 0 to 10 (optional)")
	f.IntVar(&score, "score", 0, "the score `N`, for exercises that ask for one (optional)")
	f.StringVar(&at, "at", "", "when it was done, a `TIME`: RFC 3339 (2026-01-05T09:00:00Z) or a date (2026-01-05); default now")
	cmd.RegisterFlagCompletionFunc("effort", completeWords("1", "2", "3", "4", "5"))
	cmd.RegisterFlagCompletionFunc("pain", completeWords("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"))
	cmd.RegisterFlagCompletionFunc("baseline", completeWords("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"))
	return cmd
}

// parseAt reads --at: RFC 3339, or a plain date (noon, local time). A time
// before 2000 or more than a day after now is refused, as the journal's
// reader would skip it (DESIGN section 5).
func parseAt(s string, now time.Time) (time.Time, error) {
	if s == "" {
		return now, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		d, derr := time.ParseInLocation("2006-01-02", s, time.Local)
		if derr != nil {
			return time.Time{}, invalidf("--at %s is not a time; use 2026-01-05T09:00:00Z or 2026-01-05", exercises.Quote(s))
		}
		t = d.Add(12 * time.Hour)
	}
	switch {
	case t.Before(journal.Earliest):
		return time.Time{}, invalidf("--at %s is before 2000; give the time the exercise was done", exercises.Quote(s))
	case t.After(now.Add(journal.Ahead)):
		return time.Time{}, invalidf("--at %s is more than a day ahead of this computer's clock; give the time the exercise was done", exercises.Quote(s))
	}
	return t, nil
}
