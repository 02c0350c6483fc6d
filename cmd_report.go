package main

import (
	"fmt"
	"io"
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
				return e.writePage(html, func(w io.Writer) error { return r.HTML(w, "limber progress report") })
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

// writePage writes a page (--html FILE) whole, or not at all, and says
// where.
func (e *env) writePage(path string, write func(w io.Writer) error) error {
	if err := writeFile(path, write); err != nil {
		return invalidf("cannot write %s: %v", exercises.Escape(path), err)
	}
	fmt.Fprintf(e.stdout, "Wrote %s\n", exercises.Escape(path))
	return nil
}

// writeFile writes path through a temporary file renamed into its place.
func writeFile(path string, write func(w io.Writer) error) error {
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
