package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"limber/exercises"
	"limber/text"
)

func init() {
	register(listCommand)
	register(validateCommand)
	register(tipsCommand)
}

var listCommand = &command{
	name:    "list",
	summary: "the exercises and routines of the library",
	flags: func(fs *flag.FlagSet) {
		fs.String("category", "", "only exercises of category `C` (rom, stretching, strengthening, balance, sensory)")
		fs.Bool("json", false, "print JSON: {\"exercises\": [...], \"routines\": [...]}")
	},
	run: func(e *env, fs *flag.FlagSet, args []string) error {
		if len(args) > 0 {
			return usagef("list takes no arguments, found %s", exercises.Quote(args[0]))
		}
		cat := fs.Lookup("category").Value.String()
		if cat != "" {
			found := false
			for _, c := range exercises.Categories {
				found = found || string(c) == cat
			}
			if !found {
				return usagef("--category %s is not one of rom, stretching, strengthening, balance, sensory", exercises.Quote(cat))
			}
		}
		lib := e.library()
		var exs []*exercises.Exercise
		for _, x := range lib.Exercises() {
			if cat == "" || string(x.Category) == cat {
				exs = append(exs, x)
			}
		}
		if fs.Lookup("json").Value.String() == "true" {
			return writeListJSON(e.stdout, exs, lib.Routines())
		}
		for _, c := range exercises.Categories {
			tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
			n := 0
			for _, x := range exs {
				if x.Category != c {
					continue
				}
				if n == 0 {
					fmt.Fprintf(e.stdout, "%s\n", c.Title())
				}
				n++
				lv := ""
				if len(x.Levels) > 1 {
					lv = fmt.Sprintf("%d levels", len(x.Levels))
				}
				fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", x.ID, exercises.Clean(x.Name, false), exercises.DoseText(x.Dose, exercises.DoseShort), x.Position, lv)
			}
			tw.Flush()
			if n > 0 {
				fmt.Fprintln(e.stdout)
			}
		}
		if cat == "" {
			fmt.Fprintln(e.stdout, "Routines")
			printRoutines(e.stdout, lib)
		}
		return nil
	},
}

func printRoutines(w io.Writer, lib *exercises.Library) {
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	for _, r := range lib.Routines() {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%d exercises\n", r.ID, exercises.Clean(r.Name, false), r.Frequency, len(r.Items))
	}
	tw.Flush()
}

type listJSON struct {
	Exercises []exerciseJSON `json:"exercises"`
	Routines  []routineJSON  `json:"routines"`
}

type exerciseJSON struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Category string   `json:"category"`
	Kind     string   `json:"kind"`
	Position string   `json:"position"`
	Summary  string   `json:"summary,omitempty"`
	Levels   []string `json:"levels"`
	Sets     int      `json:"sets"`
	Value    int      `json:"value"`
	Sides    string   `json:"sides"`
	Score    int      `json:"score_out_of,omitempty"`
	Source   string   `json:"source,omitempty"`
	Origin   string   `json:"origin"`
}

type routineJSON struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Frequency string   `json:"frequency"`
	Summary   string   `json:"summary,omitempty"`
	Exercises []string `json:"exercises"`
	Origin    string   `json:"origin"`
}

func writeListJSON(w io.Writer, exs []*exercises.Exercise, rts []*exercises.Routine) error {
	out := listJSON{Exercises: []exerciseJSON{}, Routines: []routineJSON{}}
	for _, x := range exs {
		j := exerciseJSON{
			ID: x.ID, Name: x.Name, Category: string(x.Category), Kind: string(x.Dose.Kind),
			Position: string(x.Position), Summary: x.Summary, Levels: x.Levels,
			Sets: x.Dose.Sets, Value: x.Dose.Value(), Sides: "one", Source: x.Source, Origin: x.Origin,
		}
		if j.Levels == nil {
			j.Levels = []string{}
		}
		if x.Dose.Sides == 2 {
			j.Sides = "both"
		}
		if x.Score != nil {
			j.Score = x.Score.OutOf
		}
		out.Exercises = append(out.Exercises, j)
	}
	for _, r := range rts {
		j := routineJSON{ID: r.ID, Name: r.Name, Frequency: r.Frequency, Summary: r.Summary, Exercises: []string{}, Origin: r.Origin}
		for _, it := range r.Items {
			j.Exercises = append(j.Exercises, it.ID)
		}
		out.Routines = append(out.Routines, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

var validateCommand = &command{
	name:    "validate",
	args:    "[PATH...]",
	summary: "check library files: the built-in content and every --library, or just the PATHs; exit 1 if any is invalid",
	run: func(e *env, fs *flag.FlagSet, args []string) error {
		var lib *exercises.Library
		var errs []*exercises.Error
		if len(args) == 0 {
			lib, errs = e.loadLibrary()
		} else {
			var srcs []exercises.Source
			for _, p := range args {
				srcs = append(srcs, exercises.PathSource(p))
			}
			lib, errs = exercises.Load(srcs...)
		}
		for _, n := range lib.Notices {
			fmt.Fprintf(e.stdout, "%s (note)\n", n)
		}
		for _, err := range errs {
			fmt.Fprintln(e.stderr, err)
		}
		summary := fmt.Sprintf("%d files: %d exercises, %d routines, %d tips", lib.Files,
			len(lib.Exercises()), len(lib.Routines()), len(lib.Tips()))
		if len(errs) > 0 {
			fmt.Fprintf(e.stderr, "%s; %d error(s)\n", summary, len(errs))
			return invalidError{quiet: true}
		}
		if lib.Files == 0 {
			fmt.Fprintf(e.stderr, "no .yaml files found in %s\n", strings.Join(args, ", "))
			return invalidError{quiet: true}
		}
		fmt.Fprintf(e.stdout, "%s; all valid\n", summary)
		return nil
	},
}

var tipsCommand = &command{
	name:    "tips",
	summary: "the education cards: footwear, foot checks, a safe home, and more",
	run: func(e *env, fs *flag.FlagSet, args []string) error {
		if len(args) > 0 {
			return usagef("tips takes no arguments, found %s", exercises.Quote(args[0]))
		}
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
