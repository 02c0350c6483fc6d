package main

import "github.com/spf13/cobra"

func newDemoCmd(e *env) *cobra.Command {
	o := &coachOptions{speed: 1, demo: true}
	cmd := &cobra.Command{
		Use:               "demo ROUTINE",
		Short:             "show a routine without recording anything (run --demo)",
		Args:              exactArgs(1, "demo takes one ROUTINE id; limber list shows them"),
		ValidArgsFunction: e.completeRoutines,
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.coach(o, args[0])
		},
	}
	o.flags(cmd)
	o.speedFlag(cmd)
	return cmd
}
