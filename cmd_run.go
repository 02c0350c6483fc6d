package main

import "github.com/spf13/cobra"

func newRunCmd(e *env) *cobra.Command {
	o := &coachOptions{speed: 1}
	cmd := &cobra.Command{
		Use:               "run ROUTINE",
		Short:             "do a routine now, guided step by step",
		Args:              exactArgs(1, "run takes one ROUTINE id; limber list shows them"),
		ValidArgsFunction: e.completeRoutines,
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.coach(o, args[0])
		},
	}
	o.flags(cmd)
	cmd.Flags().BoolVar(&o.demo, "demo", false, "demo mode: nothing is recorded, s and b step between exercises")
	o.speedFlag(cmd)
	return cmd
}
