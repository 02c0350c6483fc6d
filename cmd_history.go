package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"limber/exercises"
	"limber/journal"
)

func newHistoryCmd(e *env) *cobra.Command {
	var asJSON, asCSV bool
	cmd := &cobra.Command{
		Use:   "history",
		Short: "every recorded set, one row each",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if asJSON && asCSV {
				return usagef("choose one of --json and --csv")
			}
			lib := e.library()
			_, recs, _, err := e.progress(lib)
			if err != nil {
				return err
			}
			rows := historyRows(lib, recs)
			switch {
			case asJSON:
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(rows)
			case asCSV:
				return writeHistoryCSV(e, rows)
			}
			return writeHistoryText(e, rows)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON, one object per set")
	cmd.Flags().BoolVar(&asCSV, "csv", false, "print CSV (RFC 4180) with a header row")
	return cmd
}

type historyRow struct {
	At       time.Time `json:"date"`
	Session  string    `json:"session"`
	Routine  string    `json:"routine"`
	Exercise string    `json:"exercise"`
	// Name and Unit are the exercise's as recorded with the set, so that
	// a library changed since does not rewrite history; older records
	// take them from the library, or have the id and no unit.
	Name     string `json:"name"`
	Set      int    `json:"set"`
	Side     string `json:"side"`
	Level    int    `json:"level"`
	Target   int    `json:"target"`
	Achieved int    `json:"achieved"`
	Unit     string `json:"unit"` // of target and achieved: "reps" or "seconds"; "" if not known
	Effort   int    `json:"effort"`
	Pain     *int   `json:"pain"` // after the exercise; null if not asked
}

// historyRows joins each set with the pain reported at its exercise's end.
// The journal's words are cleaned of control and escape characters here,
// once, so that no output (text, CSV or JSON) carries them: a journal is a
// file anyone can edit. A set repeated byte for byte is listed once.
func historyRows(lib *exercises.Library, recs []journal.Record) []historyRow {
	pain := map[[2]string]*int{}
	routine := map[string]string{}
	for _, r := range recs {
		if r.Kind == journal.KindExerciseEnd {
			pain[[2]string{r.Session, r.Exercise}] = r.Pain
		}
		if r.Kind == journal.KindSessionStart {
			routine[r.Session] = r.Routine
		}
	}
	type setKey struct {
		at         int64
		session    string
		set        int
		side, name string
	}
	seen := map[setKey][]*journal.Record{}
	rows := []historyRow{}
	for i := range recs {
		r := &recs[i]
		if r.Kind != journal.KindSet || r.Demo {
			continue
		}
		k := setKey{r.At.UnixNano(), r.Session, r.Set, r.Side, r.Exercise}
		if slices.ContainsFunc(seen[k], func(o *journal.Record) bool { return journal.Same(o, r) }) {
			continue // a repeat: the replay warns of it
		}
		seen[k] = append(seen[k], r)
		row := historyRow{At: r.At, Session: r.Session, Routine: r.Routine, Exercise: r.Exercise, Name: r.Name, Unit: r.Unit,
			Set: r.Set, Side: r.Side, Target: r.Target, Achieved: r.Achieved, Effort: r.Effort, Pain: pain[[2]string{r.Session, r.Exercise}]}
		if x, ok := lib.Exercise(r.Exercise); ok {
			if row.Name == "" {
				row.Name = x.Name
			}
			if row.Unit == "" {
				row.Unit = x.Dose.Kind.Unit()
			}
		}
		if row.Name == "" {
			row.Name = r.Exercise
		}
		if row.Routine == "" {
			row.Routine = routine[r.Session]
		}
		if r.Rung != nil {
			row.Level = r.Rung.Level
		}
		for _, s := range []*string{&row.Session, &row.Routine, &row.Exercise, &row.Name, &row.Side, &row.Unit} {
			*s = exercises.Clean(*s, false)
		}
		rows = append(rows, row)
	}
	return rows
}

func writeHistoryCSV(e *env, rows []historyRow) error {
	w := csv.NewWriter(e.stdout)
	w.Write([]string{"date", "session", "routine", "exercise", "set", "side", "level", "target", "achieved", "effort", "pain", "name", "unit"})
	for _, r := range rows {
		pain := ""
		if r.Pain != nil {
			pain = strconv.Itoa(*r.Pain)
		}
		rec := []string{r.At.Format(time.RFC3339), r.Session, r.Routine, r.Exercise, strconv.Itoa(r.Set), r.Side,
			strconv.Itoa(r.Level), strconv.Itoa(r.Target), strconv.Itoa(r.Achieved), strconv.Itoa(r.Effort), pain, r.Name, r.Unit}
		for i := range rec {
			rec[i] = csvCell(rec[i])
		}
		w.Write(rec)
	}
	w.Flush()
	return w.Error()
}

// csvCell keeps a spreadsheet from reading a cell as a formula (DESIGN
// section 6): a cell that starts with =, +, -, @, a tab or a carriage
// return is prefixed with '.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func writeHistoryText(e *env, rows []historyRow) error {
	if len(rows) == 0 {
		fmt.Fprintln(e.stdout, "Nothing recorded yet.")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "date\texercise\tset\tlevel\ttarget\tdone\tunit\teffort\tpain")
	for _, r := range rows {
		pain := "-"
		if r.Pain != nil {
			pain = strconv.Itoa(*r.Pain)
		}
		set := strconv.Itoa(r.Set)
		if r.Side != "" {
			set += " " + r.Side
		}
		unit := r.Unit
		if unit == "" {
			unit = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%s\t%d %s\t%s\n", r.At.Local().Format("2006-01-02 15:04"), r.Name, set,
			r.Level, r.Target, r.Achieved, unit, r.Effort, exercises.EffortWords[min(max(r.Effort, 0), 5)], pain)
	}
	return tw.Flush()
}
