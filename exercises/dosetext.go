package exercises

import (
	"fmt"
	"strings"
	"time"
)

// DoseStyle says how a dose is written for the one who reads it. There is
// one formatter; the styles are the deliberate differences between a line
// in a list, a card, and a sheet of paper taken home.
type DoseStyle int

const (
	// DoseShort is for lists, reasons and summaries: "2 × 10 reps each side".
	DoseShort DoseStyle = iota
	// DoseCard adds the rest between sets: "2 × 10 reps each side, rest 30 s".
	DoseCard
	// DoseWords is for paper, in words without symbols and with the tempo:
	// "2 sets of 10 reps, each side, rest 30 s (up 2 s, down 2 s)".
	DoseWords
)

// DoseText writes a dose, with its unit always: reps, or a time.
func DoseText(d Dose, style DoseStyle) string {
	if style == DoseWords {
		return doseWords(d)
	}
	var s string
	switch d.Kind {
	case Hold:
		s = fmt.Sprintf("%d × %s hold", d.Sets, Seconds(d.Value()))
	case Timed:
		s = fmt.Sprintf("%d × %s", d.Sets, Seconds(d.Value()))
	default:
		s = fmt.Sprintf("%d × %d reps", d.Sets, d.Reps)
	}
	if d.Sides == 2 {
		s += " each side"
	}
	if style == DoseCard && d.Rest > 0 && (d.Sets > 1 || d.Sides == 2) {
		s += ", rest " + Seconds(int(d.Rest/time.Second))
	}
	return s
}

func doseWords(d Dose) string {
	var s string
	switch d.Kind {
	case Hold:
		s = fmt.Sprintf("%s of %s", count(d.Sets, "hold", "holds"), Seconds(d.Value()))
	case Timed:
		s = fmt.Sprintf("%s of %s", count(d.Sets, "set", "sets"), Seconds(d.Value()))
	default:
		s = fmt.Sprintf("%s of %s", count(d.Sets, "set", "sets"), count(d.Reps, "rep", "reps"))
	}
	if d.Sides == 2 {
		s += ", each side"
	}
	// Rest only matters where there is something to rest between.
	if d.Rest > 0 && (d.Sets > 1 || d.Sides == 2) {
		s += ", rest " + Seconds(int(d.Rest/time.Second))
	}
	if t := d.Tempo; t != nil && d.Kind == Reps {
		var parts []string
		for _, p := range []struct {
			word string
			d    time.Duration
		}{{"up", t.Up}, {"hold", t.Hold}, {"down", t.Down}} {
			if p.d > 0 {
				parts = append(parts, p.word+" "+Seconds(int(p.d/time.Second)))
			}
		}
		if len(parts) > 0 {
			s += " (each rep: " + strings.Join(parts, ", ") + ")"
		}
	}
	return s
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// LevelText names a dose's level where the exercise has levels:
// "level 2 (One hand on the counter)", else "".
func (e *Exercise) LevelText(level int) string {
	if lv := e.LevelName(level); lv != "" {
		return fmt.Sprintf("level %d (%s)", level, lv)
	}
	return ""
}

// DoseLine is a dose with its level in front where there is one:
// "level 2 (One hand on the counter), 2 × 15 s hold each side".
func (e *Exercise) DoseLine(d Dose, style DoseStyle) string {
	s := DoseText(d, style)
	if lv := e.LevelText(d.Level); lv != "" {
		s = lv + ", " + s
	}
	return s
}

// RungText writes a rung the way a patient reads a dose, with its level and
// unit: "level 2 (One hand on the counter), 2 × 15 s hold each side".
func RungText(e *Exercise, r Rung) string { return e.DoseLine(e.Dose.WithRung(r), DoseShort) }
