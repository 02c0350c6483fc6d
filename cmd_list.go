package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"limber/exercises"
)

func newListCmd(e *env) *cobra.Command {
	var category string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "the exercises and routines of the library",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if category != "" && !slices.Contains(categoryWords(), category) {
				return invalidf("--category %s is not one of %s", exercises.Quote(category), strings.Join(categoryWords(), ", "))
			}
			lib := e.library()
			var exs []*exercises.Exercise
			for _, x := range lib.Exercises() {
				if category == "" || string(x.Category) == category {
					exs = append(exs, x)
				}
			}
			if asJSON {
				return writeListJSON(e.stdout, exs, lib.Routines())
			}
			writeListText(e.stdout, exs)
			if category == "" {
				fmt.Fprintln(e.stdout, "Routines")
				printRoutines(e.stdout, lib)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&category, "category", "", "only exercises of category `C` ("+strings.Join(categoryWords(), ", ")+")")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: {\"exercises\": [...], \"routines\": [...]}")
	cmd.RegisterFlagCompletionFunc("category", completeWords(categoryWords()...))
	return cmd
}

// categoryWords are the categories as written in YAML, in display order.
func categoryWords() []string {
	words := make([]string, len(exercises.Categories))
	for i, c := range exercises.Categories {
		words[i] = string(c)
	}
	return words
}

// writeListText prints the exercises by category, one line each.
func writeListText(w io.Writer, exs []*exercises.Exercise) {
	for _, c := range exercises.Categories {
		tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
		n := 0
		for _, x := range exs {
			if x.Category != c {
				continue
			}
			if n == 0 {
				fmt.Fprintf(w, "%s\n", c.Title())
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
			fmt.Fprintln(w)
		}
	}
}

func printRoutines(w io.Writer, lib *exercises.Library) {
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	for _, r := range lib.Routines() {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%d exercises\n", r.ID, exercises.Clean(r.Name, false), exercises.Clean(r.Frequency, false), len(r.Items))
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
	Gate     int      `json:"gate"` // the first level only the therapist opens; 0 where none
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
			Position: string(x.Position), Summary: x.Summary, Levels: x.Levels, Gate: x.Progression.Gate,
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
