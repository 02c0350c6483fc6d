package main

import (
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"limber/exercises"
	"limber/journal"
)

func newAdjustCmd(e *env) *cobra.Command {
	var level, sets, reps int
	var hold, duration, note string
	cmd := &cobra.Command{
		Use:               "adjust EXERCISE",
		Short:             "place the patient on a rung of an exercise's ladder (for therapists); recorded in the journal",
		Args:              exactArgs(1, "adjust takes one EXERCISE id and at least one of --level, --sets, --reps, --hold, --duration"),
		ValidArgsFunction: e.completeExercises,
		RunE: func(cmd *cobra.Command, args []string) error {
			set := cmd.Flags().Changed
			if !set("level") && !set("sets") && !set("reps") && !set("hold") && !set("duration") {
				return usagef("adjust needs at least one of --level, --sets, --reps, --hold, --duration")
			}
			lib := e.library()
			x, err := findExercise(lib, args[0])
			if err != nil {
				return err
			}
			if set("level") && (level < 1 || level > x.Ladder.Levels) {
				return invalidf("level %d is outside 1 to %d, the levels of %s", level, x.Ladder.Levels, x.ID)
			}
			j, p, err := e.progress(lib)
			if err != nil {
				return err
			}
			dose, state := p.Now(x, x.Dose)
			from := dose.Rung()
			to := from
			if set("level") {
				to.Level = level
			}
			if set("sets") {
				to.Sets = sets
			}
			field := x.Dose.Kind.Field()
			for _, kv := range [][2]string{{"reps", strconv.Itoa(reps)}, {"hold", hold}, {"duration", duration}} {
				k, s := kv[0], kv[1]
				if !set(k) {
					continue
				}
				if k != field {
					return invalidf("%s is a %s exercise: use --%s", x.ID, x.Dose.Kind, field)
				}
				v, err := parseValue(k, s)
				if err != nil {
					return err
				}
				to.Value = v
			}
			if !x.Ladder.Contains(to) {
				return invalidf("%s is not on the ladder of %s: %s", exercises.RungText(x, to), x.ID, exercises.OffLadder(x, to))
			}
			d := exercises.Adjusted(x, state, to)
			now := time.Now()
			rg := to
			rec := journal.Record{Kind: journal.KindAdjust, At: now, Session: journal.NewSessionID(now), Exercise: x.ID, Rung: &rg, Note: exercises.Clean(note, false),
				Decision: &journal.Decision{From: d.From, To: d.To, Reason: d.Reason}}
			if err := j.Append(rec); err != nil {
				return invalidf("could not save to the journal: %v", err)
			}
			fmt.Fprintf(e.stdout, "%s: now %s (was %s).\n", exercises.Clean(x.Name, false), x.DoseLine(x.Dose.WithRung(to), exercises.DoseCard), exercises.RungText(x, from))
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&level, "level", 0, "move to level `N` (levels count from 1)")
	f.IntVar(&sets, "sets", 0, "`N` sets")
	f.IntVar(&reps, "reps", 0, "`N` reps per set (reps exercises)")
	f.StringVar(&hold, "hold", "", "hold for `S` seconds a set (hold exercises), such as 20 or 20s")
	f.StringVar(&duration, "duration", "", "go on for `S` seconds a set (timed exercises), such as 90 or 1m30s")
	f.StringVar(&note, "note", "", "a `TEXT` note for the record")
	return cmd
}

// parseValue reads --reps, --hold or --duration: a whole number, or for
// seconds a duration such as 20s or 1m30s.
func parseValue(flagName, s string) (int, error) {
	if flagName == "reps" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return 0, invalidf("--reps %s is not a whole number of reps", exercises.Quote(s))
		}
		return n, nil
	}
	if n, err := strconv.Atoi(s); err == nil && n > 0 {
		return n, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < time.Second || d%time.Second != 0 {
		return 0, invalidf("--%s %s is not a whole number of seconds; use 20 or 20s or 1m30s", flagName, exercises.Quote(s))
	}
	return int(d / time.Second), nil
}
