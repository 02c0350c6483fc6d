package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"limber/report"
)

func newHandoutCmd(e *env) *cobra.Command {
	var html string
	var markdown, large bool
	cmd := &cobra.Command{
		Use:               "handout ROUTINE",
		Short:             "the routine to take home: each exercise at its dose now, steps, safety, and a tick grid for the week",
		Args:              exactArgs(1, "handout takes one ROUTINE id; limber list shows them"),
		ValidArgsFunction: e.completeRoutines,
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("html") && markdown {
				return usagef("choose one of --html and --markdown")
			}
			if markdown && large {
				return usagef("--large is for the printed page (--html) or text; Markdown takes the reader's own type size")
			}
			lib := e.library()
			rt, err := findRoutine(lib, args[0])
			if err != nil {
				return err
			}
			_, p, err := e.progress(lib)
			if err != nil {
				return err
			}
			h := report.NewHandout(lib, p, rt, time.Now())
			h.Person, h.Large = report.PersonOf(e.person()), large
			switch {
			case html != "":
				return e.writePage(html, h.HTML)
			case markdown:
				fmt.Fprint(e.stdout, h.Markdown())
			default:
				fmt.Fprint(e.stdout, h.Text(termWidth()))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&html, "html", "", "write a printable page to `FILE`")
	cmd.Flags().BoolVar(&markdown, "markdown", false, "print Markdown")
	cmd.Flags().BoolVar(&large, "large", false, "large print: 16 pt type on the printed page (--html), or text wrapped at 46 columns to print in large type")
	cmd.MarkFlagFilename("html", "html")
	return cmd
}
