package report

import (
	"fmt"
	"strings"

	"limber/exercises"
	"limber/text"
)

// FlagWords names a flag's kind for people.
func FlagWords(kind string) string {
	switch kind {
	case "safety":
		return "safety step-down"
	case "stop":
		return "stopped for pain"
	case "red-flag":
		return "red flag"
	case "not-settled":
		return "pain not settled next morning"
	}
	return kind
}

// Text is the report for the terminal, width cells wide, drawn with block
// and braille characters so it reads without colour.
func (r *Report) Text(width int) string {
	width = max(width, 50)
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("Progress report · %s", r.Generated.Format("Mon 2 Jan 2006"))
	if r.Sessions == 0 {
		line("Nothing recorded yet. Do a routine, and your progress shows here.")
		return b.String()
	}
	line("%d session(s) since %s.", r.Sessions, r.First.Format("2 Jan 2006"))
	line("")
	b.WriteString(strings.Join(r.FlagLines(width), "\n") + "\n\n")
	b.WriteString(strings.Join(r.PainLines(width), "\n") + "\n\n")
	b.WriteString(strings.Join(r.CalendarLines(width), "\n") + "\n\n")
	b.WriteString(strings.Join(r.LadderLines(width), "\n") + "\n")
	return b.String()
}

// FlagLines list what the therapist must see, newest first. The
// next-morning rule steps down every exercise of a session at once: those
// are one line.
func (r *Report) FlagLines(width int) []string {
	older := ""
	if r.OlderFlags > 0 {
		older = fmt.Sprintf(" (and %d older: limber history --csv lists every set)", r.OlderFlags)
	}
	if len(r.Flags) == 0 {
		return []string{"For the therapist: no flags in the last 12 weeks" + older + "."}
	}
	out := []string{fmt.Sprintf("For the therapist: %d flag(s) in the last 12 weeks, newest first%s", len(r.Flags), older)}
	for i := len(r.Flags) - 1; i >= 0; i-- {
		f := r.Flags[i]
		head := fmt.Sprintf("  ! %s  %s", f.At.Format("2006-01-02"), FlagWords(f.Kind))
		if f.Kind == "not-settled" {
			var names []string
			for ; i >= 0 && r.Flags[i].Kind == f.Kind && r.Flags[i].Session == f.Session; i-- {
				names = append([]string{exercises.Clean(r.ExerciseName(r.Flags[i].Exercise), false)}, names...)
			}
			i++
			out = append(out, head)
			out = append(out, text.Hang("      ", fmt.Sprintf("%d exercise(s) stepped down one step: %s.", len(names), strings.Join(names, ", ")), width)...)
			continue
		}
		if f.Exercise != "" {
			head += " · " + exercises.Clean(r.ExerciseName(f.Exercise), false)
		}
		out = append(out, head)
		out = append(out, text.Hang("      ", exercises.Clean(f.Reason, false), width)...)
	}
	return out
}

// PainLines chart baseline pain over the latest sessions with braille dots.
func (r *Report) PainLines(width int) []string {
	out := []string{fmt.Sprintf("Pain before each session (last %d sessions, 0 to 10)", len(r.Pain))}
	if len(r.Pain) == 0 {
		return append(out, "  No pain answers yet.")
	}
	const rows = 5
	cols := min(width-8, max(len(r.Pain), 10))
	vals := make([]int, len(r.Pain))
	sum := 0
	for i, p := range r.Pain {
		vals[i] = p.Baseline
		sum += p.Baseline
	}
	chart := Braille(vals, 10, cols, rows)
	for i, l := range chart {
		label := "   "
		switch i {
		case 0:
			label = "10 "
		case rows / 2:
			label = " 5 "
		case rows - 1:
			label = " 0 "
		}
		out = append(out, "  "+label+"┤"+l)
	}
	first, last := r.Pain[0].At.Format("2 Jan"), r.Pain[len(r.Pain)-1].At.Format("2 Jan")
	gap := max(1, cols-text.Width(first)-text.Width(last))
	out = append(out, "      "+first+strings.Repeat(" ", gap)+last)
	out = append(out, fmt.Sprintf("  first %d · last %d · average %.1f", vals[0], vals[len(vals)-1], float64(sum)/float64(len(vals))))
	return out
}

// Braille draws values (0..top) as a line of braille dots, cols cells wide
// and rows cells high: each cell holds 2×4 dots.
func Braille(vals []int, top, cols, rows int) []string {
	w, h := cols*2, rows*4
	grid := make([][]bool, h)
	for i := range grid {
		grid[i] = make([]bool, w)
	}
	pt := func(i int) (int, int) {
		x := 0
		if len(vals) > 1 {
			x = i * (w - 1) / (len(vals) - 1)
		}
		v := min(max(vals[i], 0), top)
		return x, (h - 1) - v*(h-1)/top
	}
	for i := range vals {
		x0, y0 := pt(i)
		grid[y0][x0] = true
		if i == 0 {
			continue
		}
		// A straight line from the previous point (Bresenham).
		x1, y1 := pt(i - 1)
		dx, dy := abs(x0-x1), -abs(y0-y1)
		sx, sy := sign(x0-x1), sign(y0-y1)
		err := dx + dy
		for x, y := x1, y1; ; {
			grid[y][x] = true
			if x == x0 && y == y0 {
				break
			}
			if e2 := 2 * err; e2 >= dy {
				err += dy
				x += sx
			} else {
				err += dx
				y += sy
			}
		}
	}
	bits := [4][2]rune{{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}}
	out := make([]string, rows)
	for r := range rows {
		var b strings.Builder
		for c := range cols {
			ch := rune(0x2800)
			for dy := range 4 {
				for dx := range 2 {
					if grid[r*4+dy][c*2+dx] {
						ch |= bits[dy][dx]
					}
				}
			}
			b.WriteRune(ch)
		}
		out[r] = b.String()
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// CalendarLines draw the last 12 weeks: a day grid, then each routine's
// weeks against its frequency.
func (r *Report) CalendarLines(width int) []string {
	c := &r.Calendar
	out := []string{fmt.Sprintf("Sessions, last %d weeks (from %s)   █ a session   · none", Weeks, c.Start.Format("2 Jan"))}
	names := [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
	for d := range 7 {
		var b strings.Builder
		b.WriteString("  " + names[d] + " ")
		for w := range Weeks {
			day := c.Days[w*7+d]
			switch {
			case day.Future:
				b.WriteString("  ")
			case len(day.Routines) > 0:
				b.WriteString(" █")
			default:
				b.WriteString(" ·")
			}
		}
		out = append(out, b.String())
	}
	out = append(out, "", "  Each week against the plan   █ all   ▓ half or more   ░ some   · none")
	nameW := min(30, max(12, width-2*Weeks-22))
	for _, rw := range c.Routines {
		var b strings.Builder
		b.WriteString("  " + text.Pad(text.Truncate(exercises.Clean(rw.Name, false), nameW), nameW))
		for _, n := range rw.Done {
			switch {
			case n >= rw.PerWeek:
				b.WriteString(" █")
			case 2*n >= rw.PerWeek:
				b.WriteString(" ▓")
			case n > 0:
				b.WriteString(" ░")
			default:
				b.WriteString(" ·")
			}
		}
		fmt.Fprintf(&b, "  this week %d/%d", rw.Done[Weeks-1], rw.PerWeek)
		out = append(out, b.String())
	}
	return out
}

// LadderLines show where each exercise stands on its ladder.
func (r *Report) LadderLines(width int) []string {
	out := []string{"Where each exercise stands (most recent first)"}
	if len(r.Exercises) == 0 {
		return append(out, "  None done yet.")
	}
	nameW := min(28, max(16, width-40))
	for _, x := range r.Exercises {
		up, down := 0, 0
		for _, m := range x.Moves {
			switch m.Decision.Move {
			case exercises.Up:
				up++
			case exercises.Down:
				down++
			}
		}
		bar := Bar(x.Index+1, x.Len, 10)
		out = append(out, fmt.Sprintf("  %s %s step %d of %d  ↑%d ↓%d  last %s", text.Pad(text.Truncate(exercises.Clean(x.Exercise.Name, false), nameW), nameW),
			bar, x.Index+1, x.Len, up, down, x.LastDone.Format("2 Jan")))
		now := exercises.Clean(exercises.RungText(x.Exercise, x.Now), false)
		start := exercises.Clean(exercises.RungText(x.Exercise, x.Start), false)
		if now == start {
			out = append(out, text.Hang("      now: ", now+" (where it started)", width)...)
		} else {
			out = append(out, text.Hang("      now: ", now, width)...)
			out = append(out, text.Hang("      started: ", start, width)...)
		}
	}
	return out
}

// Bar is a bar of w cells for n of total.
func Bar(n, total, w int) string {
	full := 0
	if total > 0 {
		full = min(w, max(0, (n*w+total/2)/total))
	}
	return "▕" + strings.Repeat("█", full) + strings.Repeat("░", w-full) + "▏"
}
