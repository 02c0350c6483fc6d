package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"limber/coach"
	"limber/exercises"
)

func newPlanCmd(e *env) *cobra.Command {
	var exID string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "plan ROUTINE|--exercise ID",
		Short: "the next session's prescription, with the reason for each dose",
		Args: func(cmd *cobra.Command, args []string) error {
			if (exID == "") == (len(args) == 0) || len(args) > 1 {
				return usagef("plan takes one ROUTINE, or --exercise ID")
			}
			return nil
		},
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if exID != "" {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return e.completeRoutines(cmd, args, toComplete)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			lib := e.library()
			var items []coach.PlanItem
			var title string
			if exID != "" {
				x, err := findExercise(lib, exID)
				if err != nil {
					return err
				}
				_, p, err := e.progress(lib)
				if err != nil {
					return err
				}
				items = []coach.PlanItem{p.PlanExercise(x, x.Dose)}
				title = x.Name
			} else {
				rt, err := findRoutine(lib, args[0])
				if err != nil {
					return err
				}
				_, p, err := e.progress(lib)
				if err != nil {
					return err
				}
				items = p.Plan(rt)
				title = rt.Name
			}
			if asJSON {
				return writePlanJSON(e, items)
			}
			fmt.Fprintf(e.stdout, "Next session: %s\n\n", exercises.Clean(title, false))
			for _, it := range items {
				x := it.Exercise
				fmt.Fprintf(e.stdout, "%s: %s\n", exercises.Clean(x.Name, false), x.DoseLine(it.Dose, exercises.DoseCard))
				flag := ""
				switch {
				case it.Flag:
					flag = "[!] "
				case it.Gate:
					flag = "[ready] "
				}
				fmt.Fprintf(e.stdout, "  %s%s\n", flag, exercises.Clean(it.Reason, false))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&exID, "exercise", "", "plan one exercise by `ID` instead of a routine")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array, one object per exercise")
	cmd.RegisterFlagCompletionFunc("exercise", e.completeExercises)
	return cmd
}

type planJSON struct {
	Exercise        string `json:"exercise"`
	Name            string `json:"name"`
	Level           int    `json:"level"`
	LevelName       string `json:"level_name"`
	Sets            int    `json:"sets"`
	Reps            int    `json:"reps"`
	HoldSeconds     int    `json:"hold_seconds"`
	DurationSeconds int    `json:"duration_seconds"`
	RestSeconds     int    `json:"rest_seconds"`
	Sides           string `json:"sides"`
	Reason          string `json:"reason"`
	Flag            bool   `json:"flag"` // the latest decision is a safety matter
	Gate            bool   `json:"gate"` // waits at its gate for the therapist
}

func writePlanJSON(e *env, items []coach.PlanItem) error {
	out := []planJSON{}
	for _, it := range items {
		d := it.Dose
		j := planJSON{
			Exercise: it.Exercise.ID, Name: it.Exercise.Name, Level: d.Level, LevelName: it.Exercise.LevelName(d.Level),
			Sets: d.Sets, RestSeconds: int(d.Rest / time.Second), Sides: "one", Reason: it.Reason, Flag: it.Flag, Gate: it.Gate,
		}
		switch d.Kind {
		case exercises.Reps:
			j.Reps = d.Reps
		case exercises.Hold:
			j.HoldSeconds = d.Value()
		case exercises.Timed:
			j.DurationSeconds = d.Value()
		}
		if d.Sides == 2 {
			j.Sides = "both"
		}
		out = append(out, j)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
