package report

import (
	"fmt"
	"strings"

	"limber/exercises"
	"limber/text"
)

// Text is the report for the terminal, width cells wide, drawn with block
// and braille characters so it reads without colour.
func (r *Report) Text(width int) string {
	width = max(width, 50)
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("Progress report · %s", r.Generated.Format("Mon 2 Jan 2006"))
	if p := r.Person.Line(); p != "" {
		b.WriteString(strings.Join(text.Lines(p, width), "\n") + "\n")
	}
	// Flags are never hidden: a stop for pain in a session left part-way
	// is still for the therapist to see.
	if r.Sessions == 0 && len(r.Pain) == 0 && !r.hasMeasures() && len(r.Flags) == 0 && len(r.Waiting) == 0 {
		line("Nothing recorded yet. Do a routine, and your progress shows here.")
		return b.String()
	}
	if r.First.IsZero() {
		line("No session finished yet.")
	} else {
		line("%s: %s.", r.Period(), pageCount(r.Sessions, "session", "sessions"))
	}
	line("")
	parts := [][]string{r.FlagLines(width)}
	if len(r.Waiting) > 0 {
		parts = append(parts, r.WaitingLines(width))
	}
	if len(r.Measures) > 0 {
		parts = append(parts, r.MeasureLines(width))
	}
	parts = append(parts, r.PainLines(width), r.CalendarLines(width), r.LadderLines(width))
	for i, p := range parts {
		b.WriteString(strings.Join(p, "\n") + "\n")
		if i < len(parts)-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

func (r *Report) hasMeasures() bool {
	for _, m := range r.Measures {
		if len(m.Results) > 0 {
			return true
		}
	}
	return false
}

// FlagLines list what the therapist must see, newest first: one row per
// day and cause, naming the exercises.
func (r *Report) FlagLines(width int) []string {
	older := ""
	if r.OlderFlags > 0 {
		older = fmt.Sprintf(" (and %d older: limber history --csv lists every set)", r.OlderFlags)
	}
	rows := r.FlagRows()
	if len(rows) == 0 {
		return text.Lines("For the therapist: no safety flags in the last 12 weeks"+older+".", width)
	}
	out := text.Lines(fmt.Sprintf("For the therapist: %s in the last 12 weeks, newest first%s", pageCount(len(rows), "flag", "flags"), older), width)
	for _, row := range rows {
		head := row.Day.Format("2 Jan 2006") + " · " + row.Cause
		switch n := len(row.Exercises); {
		case n > 3:
			head += fmt.Sprintf(" · %d exercises", n)
		case n > 0:
			head += " · " + strings.Join(row.Exercises, ", ")
		}
		out = append(out, text.Indent("  ! ", "      ", head, width)...)
		for _, d := range row.Details {
			out = append(out, text.Hang("      ", d, width)...)
		}
	}
	return out
}

// WaitingLines list the exercises waiting at their gate: not a safety
// matter, a decision for the therapist.
func (r *Report) WaitingLines(width int) []string {
	out := text.Lines("Waiting for you to open the next level (limber adjust)", width)
	for _, w := range r.Waiting {
		out = append(out, text.Hang("  • ", w.Words(r.Generated.Location()), width)...)
	}
	return out
}

// MeasureLines show each outcome measure's results as bars against the
// norm (the │ in each bar), and say plainly what is below it.
func (r *Report) MeasureLines(width int) []string {
	out := text.Lines("Outcome measures, against the usual range for age and sex", width)
	loc := r.Generated.Location()
	for _, m := range r.Measures {
		a := m.Assessment
		name := pageClean(a.Name)
		latest, ok := m.Latest()
		if !ok {
			out = append(out, text.Hang("  ", name+": not done yet (limber assess "+a.ID+").", width)...)
			continue
		}
		out = append(out, "  "+name)
		top := m.Top()
		for _, res := range m.Results {
			mark := -1
			verdict := ""
			if rd := res.Reading; rd.HasNorm {
				mark = rd.Norm.Below
				verdict = "in the usual range"
				if rd.Below {
					verdict = "below the usual range"
				}
			}
			value := pageClean(a.ResultText(res.Value))
			if a.Kind == exercises.Stages {
				value = fmt.Sprintf("%d of %d stages", res.Value, len(a.Stages))
			}
			row := fmt.Sprintf("%s %s %s", res.At.In(loc).Format("2 Jan 2006"), normBar(res.Value, mark, top, 20), value)
			if verdict != "" {
				row += " · " + verdict
			}
			out = append(out, text.Indent("    ", "      ", row, width)...)
		}
		if words := latest.Reading.Words(a); words != "" {
			out = append(out, text.Hang("    ", "Latest: "+words, width)...)
		}
		due := "Due again now."
		if !m.Due.DueAt(r.Generated) {
			due = "Due again from " + m.Due.On.Format("2 Jan 2006") + "."
		}
		out = append(out, text.Hang("    ", due, width)...)
		if a.Source != "" {
			out = append(out, text.Hang("    ", "Norms: "+pageClean(a.Source), width)...)
		}
	}
	return out
}

// normBar is a bar of w cells for v of top, with the norm's start marked
// by │ where mark is 0 or more.
func normBar(v, mark, top, w int) string {
	full := min(w, max(0, (v*w+top/2)/max(top, 1)))
	cells := []rune(strings.Repeat("█", full) + strings.Repeat("░", w-full))
	if mark >= 0 {
		i := min(w-1, max(0, mark*w/max(top, 1)))
		cells[i] = '│'
	}
	return "▕" + string(cells) + "▏"
}

// PainLines chart the usual pain before and the highest pain after
// exercise at each check-in, with braille dots: two charts on one time
// line.
func (r *Report) PainLines(width int) []string {
	out := text.Lines(fmt.Sprintf("Pain before and after exercise, last %s (0 to 10)", pageCount(len(r.Pain), "check-in", "check-ins")), width)
	if len(r.Pain) == 0 {
		return append(out, "  No pain answers yet.")
	}
	const rows = 4
	cols := min(width-8, max(len(r.Pain), 10))
	var before, after []int
	var beforeAt, afterAt []int
	for i, p := range r.Pain {
		if p.Before != nil {
			before, beforeAt = append(before, *p.Before), append(beforeAt, i)
		}
		if p.After != nil {
			after, afterAt = append(after, *p.After), append(afterAt, i)
		}
	}
	chart := func(title string, vals, at []int) {
		out = append(out, "  "+title)
		if len(vals) == 0 {
			out = append(out, "      none given")
			return
		}
		for i, l := range BrailleAt(vals, at, len(r.Pain), 10, cols, rows) {
			label := "   "
			switch i {
			case 0:
				label = "10 "
			case rows - 1:
				label = " 0 "
			}
			out = append(out, "  "+label+"┤"+l)
		}
	}
	chart("Before: the usual pain at the check-in", before, beforeAt)
	chart("After: the highest pain after an exercise", after, afterAt)
	first, last := r.Pain[0].At.Format("2 Jan"), r.Pain[len(r.Pain)-1].At.Format("2 Jan")
	if first == last {
		out = append(out, "      "+first)
	} else {
		gap := max(1, cols-text.Width(first)-text.Width(last))
		out = append(out, "      "+first+strings.Repeat(" ", gap)+last)
	}
	out = append(out, text.Hang("  ", painSummary(r.Pain), width)...)
	return out
}

// painSummary sums up the two lines in words.
func painSummary(pts []PainPoint) string {
	var nb, sb, na, sa, higher, both int
	for _, p := range pts {
		if p.Before != nil {
			nb++
			sb += *p.Before
		}
		if p.After != nil {
			na++
			sa += *p.After
		}
		if p.Before != nil && p.After != nil {
			both++
			if *p.After > *p.Before {
				higher++
			}
		}
	}
	var parts []string
	if nb > 0 {
		parts = append(parts, fmt.Sprintf("before: average %.1f", float64(sb)/float64(nb)))
	}
	if na > 0 {
		parts = append(parts, fmt.Sprintf("after: average %.1f", float64(sa)/float64(na)))
	}
	s := strings.Join(parts, " · ")
	if both > 0 {
		s += fmt.Sprintf(" · higher after than before at %d of %d", higher, both)
	}
	return s + "."
}

// Braille draws values (0..top) as a line of braille dots, cols cells wide
// and rows cells high: each cell holds 2×4 dots.
func Braille(vals []int, top, cols, rows int) []string {
	at := make([]int, len(vals))
	for i := range at {
		at[i] = i
	}
	return BrailleAt(vals, at, len(vals), top, cols, rows)
}

// BrailleAt is Braille for values at places at[i] among n evenly spaced
// places, so that two lines with gaps share one time axis.
func BrailleAt(vals, at []int, n, top, cols, rows int) []string {
	w, h := cols*2, rows*4
	grid := make([][]bool, h)
	for i := range grid {
		grid[i] = make([]bool, w)
	}
	pt := func(i int) (int, int) {
		x := 0
		if n > 1 {
			x = at[i] * (w - 1) / (n - 1)
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
// weeks against its frequency, and the days logged one exercise at a time.
func (r *Report) CalendarLines(width int) []string {
	c := &r.Calendar
	out := []string{fmt.Sprintf("Sessions, last %d weeks (from %s)", Weeks, c.Start.Format("2 Jan")),
		"  █ a session   ▒ started, not finished   · none"}
	names := [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
	for d := range 7 {
		var b strings.Builder
		b.WriteString("  " + names[d] + " ")
		for w := range Weeks {
			day := c.Days[w*7+d]
			switch {
			case day.Future:
				b.WriteString("  ")
			case day.Done():
				b.WriteString(" █")
			case day.PartWay:
				b.WriteString(" ▒")
			default:
				b.WriteString(" ·")
			}
		}
		out = append(out, b.String())
	}
	out = append(out, "")
	out = append(out, text.Indent("  ", "  ", "Each week against the plan   █ all   ▓ half or more   ░ some   · none", width)...)
	// The name takes what the weeks and the words after them leave; on a
	// narrow page the words shrink to the count, so nothing runs over.
	tail := func(done, per int) string { return fmt.Sprintf("  this week %d/%d", done, per) }
	logTail := "  days, no routine"
	nameW := min(30, width-2-2*Weeks-len(logTail))
	if nameW < 12 {
		tail = func(done, per int) string { return fmt.Sprintf(" %d/%d", done, per) }
		logTail = ""
		nameW = min(30, width-2-2*Weeks-len(" 7/7"))
	}
	for _, rw := range c.Routines {
		var b strings.Builder
		b.WriteString("  " + text.Pad(text.Truncate(pageClean(rw.Name), nameW), nameW))
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
		b.WriteString(tail(rw.Done[Weeks-1], rw.PerWeek))
		out = append(out, b.String())
	}
	if c.loggedAny() {
		var b strings.Builder
		b.WriteString("  " + text.Pad(text.Truncate("Logged one by one", nameW), nameW))
		for _, n := range c.Logged {
			if n > 0 {
				fmt.Fprintf(&b, " %d", min(n, 7))
			} else {
				b.WriteString(" ·")
			}
		}
		b.WriteString(logTail)
		out = append(out, b.String())
	}
	return out
}

// loggedAny reports whether some day's log calls made up no routine.
func (c *Calendar) loggedAny() bool {
	for _, n := range c.Logged {
		if n > 0 {
			return true
		}
	}
	return false
}

// LadderLines show where each exercise stands on its ladder, with the
// therapist's latest note.
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
		stats := fmt.Sprintf("%s step %d of %d  ↑%d ↓%d  last %s", bar, x.Index+1, x.Len, up, down, x.LastDone.Format("2 Jan"))
		name := pageClean(x.Exercise.Name)
		if l := "  " + text.Pad(text.Truncate(name, nameW), nameW) + " " + stats; text.Width(l) <= width {
			out = append(out, l)
		} else { // a narrow window: the name on a line of its own
			out = append(out, text.Hang("  ", name, width)...)
			out = append(out, "      "+stats)
		}
		now := pageClean(exercises.RungText(x.Exercise, x.Now))
		start := pageClean(exercises.RungText(x.Exercise, x.Start))
		if now == start {
			out = append(out, text.Hang("      now: ", now+" (where it started)", width)...)
		} else {
			out = append(out, text.Hang("      now: ", now, width)...)
			out = append(out, text.Hang("      started: ", start, width)...)
		}
		if n := len(x.Notes); n > 0 {
			note := x.Notes[n-1]
			out = append(out, text.Hang("      therapist's note, "+note.At.In(r.Generated.Location()).Format("2 Jan")+": ", note.Text, width)...)
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
