package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"limber/coach"
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
			// history holds little (the library, the replay, one record)
			// and makes a little garbage a row: collected sooner, its peak
			// memory stays near what it holds, at a cost of a few small
			// collections (DESIGN section 8).
			debug.SetGCPercent(25)
			lib := e.library()
			j, st, err := e.start(lib)
			if err != nil {
				return err
			}
			h := &history{lib: lib, p: st.Progress, path: j.Path(), size: st.Size}
			// Buffered: written a cell at a time, a ten-year history
			// cost a million writes to the terminal.
			w := bufio.NewWriterSize(e.stdout, 64<<10)
			switch {
			case asJSON:
				err = h.writeJSON(w)
			case asCSV:
				err = h.writeCSV(w)
			default:
				err = h.writeText(w)
			}
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			if err != nil {
				return invalidf("%v", err)
			}
			return nil
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

// history lists every set of the journal, one row each, reading the
// journal as it writes (journal.Each), so that a ten-year journal costs
// the memory of one record. What a row needs from elsewhere in the
// journal comes from the replay: the pain at the exercise's end, and
// which records repeat an earlier one.
type history struct {
	lib  *exercises.Library
	p    *coach.Progress
	path string
	size int64 // the part of the journal the replay read: the rows agree with it
	// routine is each session's routine, by its id as recorded, from its
	// last session_start, for sets that do not record one.
	routine map[string]string
}

// readRoutines reads each session's routine. Only session_start lines are
// decoded: those that hold the word, and any with an escape (which could
// spell it otherwise).
func (h *history) readRoutines() error {
	h.routine = map[string]string{}
	want := func(line []byte) bool {
		return bytes.Contains(line, []byte("session_start")) || bytes.IndexByte(line, '\\') >= 0
	}
	return journal.Each(h.path, h.size, want, func(r *journal.Record) error {
		if r.Kind == journal.KindSessionStart {
			h.routine[r.Session] = r.Routine
		}
		return nil
	})
}

// each calls fn with the row of every set, in journal order. A set
// repeated byte for byte is listed once, as the replay counts it once.
func (h *history) each(fn func(row *historyRow) error) error {
	var row historyRow
	return journal.Each(h.path, h.size, nil, func(r *journal.Record) error {
		if r.Kind != journal.KindSet || r.Demo || h.p.Repeat(int(r.Line)) {
			return nil
		}
		h.fill(&row, r)
		return fn(&row)
	})
}

// fill makes row the row of set r. The journal's words are cleaned of
// control and escape characters here, once, so that no output (text, CSV
// or JSON) carries them: a journal is a file anyone can edit.
func (h *history) fill(row *historyRow, r *journal.Record) {
	*row = historyRow{At: r.At, Session: r.Session, Routine: r.Routine, Exercise: r.Exercise, Name: r.Name, Unit: r.Unit,
		Set: r.Set, Side: r.Side, Target: r.Target, Achieved: r.Achieved, Effort: r.Effort}
	if pain, _, ok := h.p.End(r.Session, r.Exercise); ok && pain >= 0 {
		row.Pain = &pain
	}
	if x, ok := h.lib.Exercise(r.Exercise); ok {
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
		row.Routine = h.routine[r.Session]
	}
	if r.Rung != nil {
		row.Level = r.Rung.Level
	}
	for _, s := range []*string{&row.Session, &row.Routine, &row.Exercise, &row.Name, &row.Side, &row.Unit} {
		*s = exercises.Clean(*s, false)
	}
}

// writeJSON writes the rows as one JSON array, indented as encoding/json
// indents it, an element at a time.
func (h *history) writeJSON(w *bufio.Writer) error {
	if err := h.readRoutines(); err != nil {
		return err
	}
	n := 0
	err := h.each(func(row *historyRow) error {
		b, err := json.MarshalIndent(row, "  ", "  ")
		if err != nil {
			return err
		}
		if n == 0 {
			w.WriteString("[\n  ")
		} else {
			w.WriteString(",\n  ")
		}
		n++
		_, err = w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = w.WriteString("[]\n")
		return err
	}
	_, err = w.WriteString("\n]\n")
	return err
}

func (h *history) writeCSV(w *bufio.Writer) error {
	if err := h.readRoutines(); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"date", "session", "routine", "exercise", "set", "side", "level", "target", "achieved", "effort", "pain", "name", "unit"})
	rec := make([]string, 13)
	err := h.each(func(r *historyRow) error {
		pain := ""
		if r.Pain != nil {
			pain = strconv.Itoa(*r.Pain)
		}
		rec = append(rec[:0], r.At.Format(time.RFC3339), r.Session, r.Routine, r.Exercise, strconv.Itoa(r.Set), r.Side,
			strconv.Itoa(r.Level), strconv.Itoa(r.Target), strconv.Itoa(r.Achieved), strconv.Itoa(r.Effort), pain, r.Name, r.Unit)
		for i := range rec {
			rec[i] = csvCell(rec[i])
		}
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
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

// textHeader is the text table's header, a cell a column.
var textHeader = []string{"date", "exercise", "set", "level", "target", "done", "unit", "effort", "pain"}

// textCells are a row's cells in the text table.
func textCells(cells []string, r *historyRow) []string {
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
	return append(cells[:0], r.At.Local().Format("2006-01-02 15:04"), r.Name, set, strconv.Itoa(r.Level), strconv.Itoa(r.Target),
		strconv.Itoa(r.Achieved), unit, strconv.Itoa(r.Effort)+" "+exercises.EffortWords[min(max(r.Effort, 0), 5)], pain)
}

// writeText writes the rows as a table. Its columns are as wide as their
// widest cell, found in a first reading of the journal, and laid out as
// text/tabwriter lays them out (two spaces between columns, widths in
// runes), which needs every row at once.
func (h *history) writeText(w *bufio.Writer) error {
	widths := make([]int, len(textHeader)-1) // the last column is not padded
	for i := range widths {
		widths[i] = utf8.RuneCountInString(textHeader[i])
	}
	var cells []string
	n := 0
	err := h.each(func(r *historyRow) error {
		n++
		cells = textCells(cells, r)
		for i := range widths {
			widths[i] = max(widths[i], utf8.RuneCountInString(cells[i]))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if n == 0 {
		_, err := fmt.Fprintln(w, "Nothing recorded yet.")
		return err
	}
	line := func(cells []string) {
		for i, c := range cells {
			w.WriteString(c)
			if i < len(widths) {
				pad := max(widths[i]+2, 2) - utf8.RuneCountInString(c)
				for ; pad > 0; pad-- {
					w.WriteByte(' ')
				}
			}
		}
		w.WriteByte('\n')
	}
	line(textHeader)
	return h.each(func(r *historyRow) error {
		cells = textCells(cells, r)
		line(cells)
		return nil
	})
}
