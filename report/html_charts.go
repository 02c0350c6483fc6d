package report

// The report page's charts, as SVG geometry: the baseline pain line, the
// 12-week calendar and each exercise's place on its ladder. html.go holds
// the page and its styles.

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"limber/coach"
	"limber/exercises"
)

type pagePain struct {
	W, H, MidY                   int
	Label, Summary               string
	Before, After                string // polylines
	Grid                         []pageGrid
	Ticks                        []pageTick
	BeforeDots, AfterDots        []pageDot
	LegendX, LegendX2, LegendDot string
	LegendSq, LegendText         string
}

type pageGrid struct {
	X1, X2, Y, LX, LY, Text string
	Dash                    bool
}

type pageTick struct{ X, Y1, Y2, LY, Text, Anchor string }

type pageDot struct{ X, Y, Text string }

const (
	svgPainW, svgPainH               = 640, 250
	svgPainLeft, svgPainRight        = 56.0, 620.0
	svgPainTop, svgPainBottom        = 40.0, 210.0
	svgPainTicks                     = 5
	svgPainTickLen, svgPainTickLabel = 5.0, 18.0
)

// pagePainChart draws the usual pain before (a solid line of dots) and the
// highest pain after exercise (a dashed line of squares) at each check-in,
// on one time axis, with a legend: the two read apart without colour.
func pagePainChart(pts []PainPoint, loc *time.Location) *pagePain {
	if len(pts) == 0 {
		return nil
	}
	v := &pagePain{W: svgPainW, H: svgPainH, MidY: int(svgPainTop+svgPainBottom) / 2}
	y := func(p int) float64 { return svgPainBottom - float64(p)*(svgPainBottom-svgPainTop)/10 }
	for _, g := range []int{0, 5, 10} {
		v.Grid = append(v.Grid, pageGrid{X1: pageNum(svgPainLeft), X2: pageNum(svgPainRight), Y: pageNum(y(g)),
			LX: pageNum(svgPainLeft - 6), LY: pageNum(y(g) + 4), Text: fmt.Sprint(g), Dash: g == 5})
	}
	first, last := pts[0].At, pts[len(pts)-1].At
	span := last.Sub(first)
	x := func(t time.Time) float64 {
		if span <= 0 {
			return (svgPainLeft + svgPainRight) / 2
		}
		return svgPainLeft + float64(t.Sub(first))/float64(span)*(svgPainRight-svgPainLeft)
	}
	var before, after []string
	for _, p := range pts {
		at := p.At.In(loc)
		px := x(p.At)
		if p.Before != nil {
			py := y(*p.Before)
			before = append(before, pageNum(px)+","+pageNum(py))
			v.BeforeDots = append(v.BeforeDots, pageDot{X: pageNum(px), Y: pageNum(py), Text: fmt.Sprintf("%s: usual pain %d before", pageDate(at), *p.Before)})
		}
		if p.After != nil {
			py := y(*p.After)
			after = append(after, pageNum(px)+","+pageNum(py))
			v.AfterDots = append(v.AfterDots, pageDot{X: pageNum(px - 3.5), Y: pageNum(py - 3.5), Text: fmt.Sprintf("%s: highest pain %d after an exercise", pageDate(at), *p.After)})
		}
	}
	v.Before, v.After = strings.Join(before, " "), strings.Join(after, " ")
	// A few evenly spaced dates; the first and last are always named.
	n := min(svgPainTicks, len(pts))
	if span <= 0 {
		n = 1
	}
	for i := range n {
		t := first
		if n > 1 {
			t = first.Add(time.Duration(float64(span) * float64(i) / float64(n-1)))
		}
		anchor := "middle"
		switch {
		case n > 1 && i == 0:
			anchor = "start"
		case n > 1 && i == n-1:
			anchor = "end"
		}
		tx := pageNum(x(t))
		v.Ticks = append(v.Ticks, pageTick{X: tx, Y1: pageNum(svgPainBottom), Y2: pageNum(svgPainBottom + svgPainTickLen),
			LY: pageNum(svgPainBottom + svgPainTickLabel), Text: t.In(loc).Format("2 Jan"), Anchor: anchor})
	}
	v.LegendX, v.LegendX2, v.LegendDot = pageNum(svgPainLeft), pageNum(svgPainLeft+28), pageNum(svgPainLeft+14)
	v.LegendSq, v.LegendText = pageNum(svgPainLeft+10.5), pageNum(svgPainLeft+36)
	v.Summary = fmt.Sprintf("Pain (0 none, 10 worst) at the last %s, %s to %s. %s",
		pageCount(len(pts), "check-in", "check-ins"), pageDate(first.In(loc)), pageDate(last.In(loc)), painSummaryCap(pts))
	v.Label = "Line chart of pain before and after exercise. " + v.Summary
	return v
}

// painSummaryCap is painSummary starting with a capital.
func painSummaryCap(pts []PainPoint) string {
	s := painSummary(pts)
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// The adherence calendar.

type pageCal struct {
	W, H     int
	Label    string
	Heads    []pageText
	Rows     []pageText
	Days     []pageDay
	Routines []pageCalRoutine
	Legend   []pageLegend
}

type pageText struct{ X, Y, Text string }

type pageDay struct {
	X, Y, W, H, TX, TY string
	Fill, Stroke, SW   string
	Mark, Ink, Title   string
	Dash               bool
}

type pageCalRoutine struct {
	X, Y, Name string
	Cells      []pageWeekCell
}

type pageWeekCell struct {
	X, Y, W, H, TX, TY string
	Fill, Ink, Text    string
	Title              string
	Dash, Bold         bool
}

type pageLegend struct {
	X, Y, MX, MY, TX, TY string
	Fill, Stroke, SW     string
	Mark, Ink            string
	Text                 string
	Dash                 bool
}

type pageRoutine struct {
	Name, Target, OnTarget, ThisWeek string
	Days                             int
}

const (
	svgCalLeft, svgCalTop  = 40.0, 22.0
	svgCalCellW, svgCalGap = 46.0, 4.0
	svgCalCellH            = 22.0
	svgCalRoutineH         = 48.0
	svgCalLegendH          = 46.0
	svgCalDone             = "#1f4e8c"
	svgCalMet              = "#cfe0f5"
	svgCalPart             = "#e8eef7"
)

var pageWeekdays = [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

// calendar draws the days and each routine's weeks, and sums them up. Only
// routines done at least once in the window are shown: a library holds many
// routines, and the journal does not say which were prescribed.
func (r *Report) calendar() (pageCal, []pageRoutine) {
	g := r.calGrid()
	v := pageCal{W: int(svgCalLeft + float64(Weeks)*svgCalCellW + svgCalGap + 4)}
	v.H = int(g.daysBottom + 8 + float64(len(g.shown))*svgCalRoutineH + svgCalLegendH)
	v.Heads, v.Rows = g.heads(), g.rowNames()
	done := 0
	for i, dy := range r.Calendar.Days {
		dv := r.calDay(g, i, dy)
		if dy.Done() && !dy.Future {
			done++
		}
		v.Days = append(v.Days, dv)
	}
	v.Label = fmt.Sprintf("Calendar of the last %d weeks: %d days with a session.", Weeks, done)
	var table []pageRoutine
	for k, rw := range g.shown {
		cr, rv := g.routineRow(k, rw)
		v.Routines = append(v.Routines, cr)
		table = append(table, rv)
	}
	if rv, ok := r.loggedRow(); ok {
		table = append(table, rv)
	}
	v.Legend = calLegend(float64(v.H) - svgCalLegendH + 6)
	return v, table
}

// calGeometry is where the calendar's cells go, and what it shows.
type calGeometry struct {
	c          Calendar
	today      time.Time
	started    time.Time // the first session's day
	hasFirst   bool
	shown      []RoutineWeeks // the routines with a session in these weeks
	daysBottom float64
}

func (r *Report) calGrid() calGeometry {
	g := calGeometry{c: r.Calendar, today: coach.Midnight(r.Generated), hasFirst: !r.First.IsZero(),
		started: coach.Midnight(r.First.In(r.Generated.Location())), daysBottom: svgCalTop + 7*svgCalCellH}
	for _, rw := range g.c.Routines {
		total := 0
		for _, d := range rw.Done {
			total += d
		}
		if total > 0 {
			g.shown = append(g.shown, rw)
		}
	}
	return g
}

// x is the left of a week's column.
func (g calGeometry) x(week int) float64 {
	return svgCalLeft + float64(week)*svgCalCellW + svgCalGap/2
}

// heads are the weeks' labels, their Mondays.
func (g calGeometry) heads() []pageText {
	var out []pageText
	for w := range Weeks {
		label := g.c.Start.AddDate(0, 0, 7*w).Format("2 Jan")
		out = append(out, pageText{X: pageNum(g.x(w) + (svgCalCellW-svgCalGap)/2), Y: pageNum(svgCalTop - 8), Text: label})
	}
	return out
}

// rowNames are the weekdays down the left.
func (g calGeometry) rowNames() []pageText {
	var out []pageText
	for d, name := range pageWeekdays {
		out = append(out, pageText{X: "2", Y: pageNum(svgCalTop + float64(d)*svgCalCellH + svgCalCellH/2 + 4), Text: name})
	}
	return out
}

// calDay is one day's cell: done, started, to come, before the first
// session, or none; today stands out.
func (r *Report) calDay(g calGeometry, i int, dy Day) pageDay {
	w, d := i/7, i%7
	cx, cy := g.x(w), svgCalTop+float64(d)*svgCalCellH+svgCalGap/2
	cw, ch := svgCalCellW-svgCalGap, svgCalCellH-svgCalGap
	dv := pageDay{X: pageNum(cx), Y: pageNum(cy), W: pageNum(cw), H: pageNum(ch), TX: pageNum(cx + cw/2), TY: pageNum(cy + ch/2 + 4.5),
		Fill: "#fff", Stroke: "#777", SW: "1"}
	date := dy.Date.Format("Mon 2 Jan 2006")
	switch {
	case dy.Future:
		dv.Fill, dv.Dash, dv.Title = "url(#hatch)", true, date+": still to come"
	case dy.Done():
		dv.Fill, dv.Stroke, dv.Mark, dv.Ink = svgCalDone, svgCalDone, "✓", "#fff"
		names := r.pageRoutineNames(dy.Routines)
		if dy.Logged && len(dy.Routines) == 0 {
			names = append(names, "exercises logged one by one")
		}
		dv.Title = date + ": done (" + strings.Join(names, ", ") + ")"
	case dy.PartWay:
		dv.Fill, dv.Stroke, dv.Mark, dv.Ink = svgCalPart, "#777", "½", "#111"
		dv.Title = date + ": started, not finished"
	case !g.hasFirst || dy.Date.Before(g.started):
		dv.Fill, dv.Stroke, dv.Title = "#eee", "#ccc", date+": before the first session"
	default:
		dv.Title = date + ": no session"
	}
	if dy.Date.Equal(g.today) {
		dv.SW, dv.Stroke = "2.5", "#111"
		dv.Title += " (today)"
	}
	return dv
}

// routineRow is a routine's weeks against its target, on the page and in
// the table under it.
func (g calGeometry) routineRow(k int, rw RoutineWeeks) (pageCalRoutine, pageRoutine) {
	thisWeek := Weeks - 1
	ry := g.daysBottom + 8 + float64(k)*svgCalRoutineH
	cr := pageCalRoutine{X: pageNum(svgCalLeft), Y: pageNum(ry + 12), Name: pageClean(rw.Name) + " — target " + pagePerWeek(rw.PerWeek)}
	rv := pageRoutine{Name: pageClean(rw.Name), Target: pagePerWeek(rw.PerWeek)}
	on, weeks := 0, 0
	for w, n := range rw.Done {
		monday := g.c.Start.AddDate(0, 0, 7*w)
		before := !g.hasFirst || !monday.AddDate(0, 0, 7).After(g.started)
		cx, cy := g.x(w), ry+18
		cw, ch := svgCalCellW-svgCalGap, svgCalCellH
		cell := pageWeekCell{X: pageNum(cx), Y: pageNum(cy), W: pageNum(cw), H: pageNum(ch), TX: pageNum(cx + cw/2), TY: pageNum(cy + ch/2 + 4),
			Fill: "#fff", Ink: "#111", Text: fmt.Sprintf("%d/%d", n, rw.PerWeek)}
		week := "week of " + monday.Format("2 Jan")
		rv.Days += n
		switch {
		case before && n == 0:
			cell.Fill, cell.Ink, cell.Text = "#eee", "#555", "–"
			cell.Title = week + ": before the first session"
		case w == thisWeek:
			cell.Dash = true
			cell.Title = fmt.Sprintf("%s (this week, so far): %d of %d days", week, n, rw.PerWeek)
			if n >= rw.PerWeek {
				cell.Fill, cell.Bold = svgCalMet, true
			}
		default:
			weeks++
			cell.Title = fmt.Sprintf("%s: %d of %d days", week, n, rw.PerWeek)
			if n >= rw.PerWeek {
				on++
				cell.Fill, cell.Bold = svgCalMet, true
				cell.Title += ", on target"
			}
		}
		cr.Cells = append(cr.Cells, cell)
	}
	rv.OnTarget = fmt.Sprintf("%d of %s", on, pageCount(weeks, "full week", "full weeks"))
	if weeks == 0 {
		rv.OnTarget = "no full week yet"
	}
	rv.ThisWeek = fmt.Sprintf("%d of %d days", rw.Done[thisWeek], rw.PerWeek)
	return cr, rv
}

// loggedRow is the table's row for days of limber log that made up no
// whole routine, where there were any.
func (r *Report) loggedRow() (pageRoutine, bool) {
	c := r.Calendar
	if !c.loggedAny() {
		return pageRoutine{}, false
	}
	rv := pageRoutine{Name: "Exercises logged one by one (limber log)", Target: "none: they made up no whole routine", OnTarget: "–"}
	for _, n := range c.Logged {
		rv.Days += n
	}
	rv.ThisWeek = pageCount(c.Logged[Weeks-1], "day", "days")
	return rv, true
}

// calLegend is the key under the calendar, in two lines from ly.
func calLegend(ly float64) []pageLegend {
	legend := []pageLegend{
		{Fill: svgCalDone, Stroke: svgCalDone, Mark: "✓", Ink: "#fff", Text: "a session that day"},
		{Fill: svgCalPart, Stroke: "#777", Mark: "½", Ink: "#111", Text: "started, not finished"},
		{Fill: "#fff", Stroke: "#777", Text: "no session"},
		{Fill: "url(#hatch)", Stroke: "#777", Dash: true, Text: "still to come"},
		{Fill: "#fff", Stroke: "#111", SW: "2.5", Text: "today"},
		{Fill: "#eee", Stroke: "#ccc", Text: "before the first session"},
		{Fill: svgCalMet, Stroke: "#555", Text: "week on target (bold)"},
		{Fill: "#fff", Stroke: "#555", Dash: true, Text: "this week, so far"},
	}
	lx := 2.0
	for i := range legend {
		it := &legend[i]
		if i == 4 { // second line
			lx, ly = 2, ly+20
		}
		if it.SW == "" {
			it.SW = "1"
		}
		it.X, it.Y = pageNum(lx), pageNum(ly)
		it.MX, it.MY = pageNum(lx+7), pageNum(ly+11)
		it.TX, it.TY = pageNum(lx+19), pageNum(ly+11)
		lx += 19 + float64(utf8.RuneCountInString(it.Text))*6 + 22
	}
	return legend
}

// pageRoutineNames are the names of routines by id, for the day cells' titles.
func (r *Report) pageRoutineNames(ids []string) []string {
	var out []string
	for _, id := range ids {
		name := id
		for _, rw := range r.Calendar.Routines {
			if rw.ID == id {
				name = rw.Name
			}
		}
		out = append(out, pageClean(name))
	}
	return out
}

// pagePerWeek is a routine's frequency in words.
func pagePerWeek(n int) string {
	switch n {
	case 7:
		return "every day"
	case 1:
		return "once a week"
	case 2:
		return "twice a week"
	}
	return fmt.Sprintf("%d times a week", n)
}

// The ladder table.

type pageLadder struct {
	Name, Category, Start, Now, Place string
	BarW, BarIn, Fill, StartX         string
	Sessions                          int
	LastDone, Latest                  string
	Count, Hidden                     string
	Moves                             []pageMove
	Notes                             []string   // "2 Mar 2026: the note"
	Figure                            pageFigure // the exercise's figure (figures.go)
}

type pageMove struct{ Date, Arrow, Word, Cause, Reason string }

const (
	pageBarW = 120.0
	// The latest moves are listed, and every earlier step down or
	// therapist's change up to a limit: those are what a clinician asks
	// about. Earlier steps up are counted; the journal keeps them all.
	pageRecentMoves = 4
	pageEarlierKept = 12
)

func pageLadderRow(x ExerciseRow, loc *time.Location) pageLadder {
	e := x.Exercise
	n := max(x.Len, 1)
	inner := pageBarW - 1
	startIdx, _ := e.Ladder.Index(x.Start)
	v := pageLadder{
		Figure:   figureHTML(e, reportFigureHeight, true),
		Name:     pageClean(e.Name),
		Category: pageClean(e.Category.Title()),
		Start:    pageClean(exercises.RungText(e, x.Start)),
		Now:      pageClean(exercises.RungText(e, x.Now)),
		Place:    fmt.Sprintf("rung %d of %d", x.Index+1, n),
		BarW:     pageNum(pageBarW),
		BarIn:    pageNum(inner),
		Fill:     pageNum(inner * float64(x.Index+1) / float64(n)),
		StartX:   pageNum(0.5 + inner*(float64(startIdx)+0.5)/float64(n)),
		Sessions: x.Sessions,
		Latest:   pageClean(x.Last),
	}
	if !x.LastDone.IsZero() {
		v.LastDone = pageDate(x.LastDone.In(loc))
	}
	for _, n := range x.Notes {
		v.Notes = append(v.Notes, pageDate(n.At.In(loc))+": "+n.Text)
	}
	moves := x.Moves
	keep := make([]bool, len(moves))
	var ups, downs, hidUps, hidDowns int
	kept := 0
	for i := len(moves) - 1; i >= 0; i-- {
		m := moves[i]
		up := m.Decision.Move == exercises.Up
		if up {
			ups++
		} else {
			downs++
		}
		switch {
		case len(moves)-i <= pageRecentMoves:
			keep[i] = true
		case (!up || m.Cause == "adjust") && kept < pageEarlierKept:
			keep[i] = true
			kept++
		case up:
			hidUps++
		default:
			hidDowns++
		}
	}
	v.Count = fmt.Sprintf("%s: %d up, %d down.", pageCount(len(moves), "move", "moves"), ups, downs)
	if hidUps+hidDowns > 0 {
		v.Hidden = fmt.Sprintf("Not listed: %d earlier steps up and %d earlier steps down (the journal has them all).", hidUps, hidDowns)
		if hidDowns == 0 {
			v.Hidden = fmt.Sprintf("Not listed: %s up (the journal has them all).", pageCount(hidUps, "earlier step", "earlier steps"))
		}
	}
	for i, m := range moves {
		if keep[i] {
			v.Moves = append(v.Moves, pageMoveWords(m, loc))
		}
	}
	return v
}

func pageCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func pageMoveWords(m coach.Move, loc *time.Location) pageMove {
	v := pageMove{Date: pageDate(m.At.In(loc)), Reason: pageClean(m.Decision.Reason)}
	switch m.Decision.Move {
	case exercises.Up:
		v.Arrow, v.Word = "↑", "up"
	case exercises.Down:
		v.Arrow, v.Word = "↓", "down"
	default:
		v.Arrow, v.Word = "→", "set"
	}
	switch m.Cause {
	case "next-morning":
		v.Cause = "next-morning rule"
	case "adjust":
		v.Cause = "set by the therapist"
	}
	return v
}
