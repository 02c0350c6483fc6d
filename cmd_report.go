package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"limber/exercises"
	"limber/report"
)

func init() {
	register(reportCommand)
	register(handoutCommand)
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
		return invalidf("cannot write %s: %v", exercises.Escape(path), err)
	}
	return nil
}

var reportCommand = &command{
	name:    "report",
	summary: "progress with charts: pain, adherence, each exercise's ladder, flags for the therapist",
	flags: func(fs *flag.FlagSet) {
		fs.String("html", "", "write a printable page to `FILE` instead (one self-contained HTML file)")
	},
	run: func(e *env, fs *flag.FlagSet, args []string) error {
		if len(args) > 0 {
			return usagef("report takes no arguments, found %s", exercises.Quote(args[0]))
		}
		lib := e.library()
		_, _, p, err := e.progress(lib)
		if err != nil {
			return err
		}
		r := report.Build(lib, p, time.Now())
		if path := fs.Lookup("html").Value.String(); path != "" {
			if err := writeFile(path, func(f *os.File) error { return r.HTML(f, "limber progress report") }); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Wrote %s\n", exercises.Escape(path))
			return nil
		}
		_, err = fmt.Fprint(e.stdout, r.Text(termWidth()))
		return err
	},
}

var handoutCommand = &command{
	name:    "handout",
	args:    "ROUTINE",
	summary: "the routine to take home: each exercise at its dose now, steps, safety, and a tick grid for the week",
	flags: func(fs *flag.FlagSet) {
		fs.String("html", "", "write a printable page to `FILE`")
		fs.Bool("markdown", false, "print Markdown")
	},
	run: func(e *env, fs *flag.FlagSet, args []string) error {
		if len(args) != 1 {
			return usagef("handout takes one ROUTINE id; limber list shows them")
		}
		path, md := fs.Lookup("html").Value.String(), fs.Lookup("markdown").Value.String() == "true"
		if path != "" && md {
			return usagef("choose one of --html and --markdown")
		}
		lib := e.library()
		rt, err := findRoutine(lib, args[0])
		if err != nil {
			return err
		}
		_, _, p, err := e.progress(lib)
		if err != nil {
			return err
		}
		h := report.NewHandout(lib, p, rt, time.Now())
		switch {
		case path != "":
			if err := writeFile(path, func(f *os.File) error { return h.HTML(f) }); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Wrote %s\n", exercises.Escape(path))
		case md:
			fmt.Fprint(e.stdout, h.Markdown())
		default:
			fmt.Fprint(e.stdout, h.Text(termWidth()))
		}
		return nil
	},
}
