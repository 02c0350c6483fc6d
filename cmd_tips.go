package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"limber/exercises"
	"limber/text"
)

func newTipsCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "tips",
		Short: "the education cards: footwear, foot checks, a safe home, and more",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			lib := e.library()
			for i, t := range lib.Tips() {
				if i > 0 {
					fmt.Fprintln(e.stdout)
				}
				fmt.Fprintf(e.stdout, "%s\n%s\n", exercises.Clean(t.Title, false), text.Wrap(exercises.Clean(t.Text, true), 72))
				if t.Source != "" {
					fmt.Fprintf(e.stdout, "Source: %s\n", exercises.Clean(t.Source, false))
				}
			}
			return nil
		},
	}
}
