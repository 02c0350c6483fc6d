package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"limber/exercises"
	"limber/report"
)

func newReportCmd(e *env) *cobra.Command {
	var html string
	cmd := &cobra.Command{
		Use:   "report",
		Short: "progress with charts: pain, adherence, each exercise's ladder, flags for the therapist",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			lib := e.library()
			_, p, err := e.progress(lib)
			if err != nil {
				return err
			}
			r := report.Build(report.Input{Lib: lib, Progress: p, Profile: e.person(), Now: time.Now()})
			if html != "" {
				if err := writeFile(html, func(f *os.File) error { return r.HTML(f, "limber progress report") }); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "Wrote %s\n", exercises.Escape(html))
				return nil
			}
			_, err = fmt.Fprint(e.stdout, r.Text(termWidth()))
			return err
		},
	}
	cmd.Flags().StringVar(&html, "html", "", "write a printable page to `FILE` instead (one self-contained HTML file)")
	cmd.MarkFlagFilename("html", "html")
	return cmd
}

// termWidth is the width to write text for: $COLUMNS, else 80.
func termWidth() int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n >= 50 {
		return min(n, 160)
	}
	return 80
}

// writeFile writes a page whole, or not at all.
func writeFile(path string, write func(f *os.File) error) error {
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return invalidf("cannot write %s: %v", exercises.Escape(path), err)
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return invalidf("cannot write %s: %v", exercises.Escape(path), err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return invalidf("cannot write %s: %v", exercises.Escape(path), err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return invalidf("cannot write %s: %v", exercises.Escape(path), err)
	}
	return nil
}
