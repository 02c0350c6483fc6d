package report

// The outcome measures on the report page: a small chart of each test's
// results with the band below the usual range shaded, a table, and the
// latest result in plain words.

import (
	"fmt"
	"strings"
	"time"

	"limber/exercises"
)

type pageMeasure struct {
	Name  string
	Chart *pageMeasureChart
	Rows  []pageMeasureRow
	Words string
	Below bool
	Due   string
	// Source names where the norms come from.
	Source string
}

type pageMeasureRow struct {
	Date, Result, Verdict string
	Below                 bool
}

type pageMeasureChart struct {
	ID          string
	W, H        int
	Label, Line string
	Band        *pageBand
	Grid        []pageGrid
	Dots        []pageMeasureDot
}

type pageBand struct{ X, X2, Y, W, H, Text, KeyX, KeyTX string }

type pageMeasureDot struct{ X, Y, LY, DY, Value, Date, Text, Anchor string }

const (
	svgMeasW, svgMeasH        = 520, 190
	svgMeasLeft, svgMeasRight = 44.0, 500.0
	svgMeasTop, svgMeasBottom = 24.0, 150.0
	svgMeasDateY              = 168.0
	svgMeasMaxDots            = 12 // the latest results; the table lists them all
	svgMeasDotGap             = 8.0
)

func (r *Report) pageMeasures() []pageMeasure {
	loc := r.Generated.Location()
	var out []pageMeasure
	for _, m := range r.Measures {
		a := m.Assessment
		pm := pageMeasure{Name: pageClean(a.Name), Source: pageClean(a.Source)}
		latest, ok := m.Latest()
		if !ok {
			pm.Due = "Not done yet: limber assess " + a.ID + " runs it, or records a result measured in the clinic (--result N)."
			out = append(out, pm)
			continue
		}
		for _, res := range m.Results {
			row := pageMeasureRow{Date: pageDate(res.At.In(loc)), Result: pageClean(a.ResultText(res.Value)), Verdict: "no usual range to compare with"}
			switch rd := res.Reading; {
			case rd.HasNorm && rd.Below:
				row.Verdict, row.Below = "below the usual range for "+rd.Norm.Group()+" ("+Threshold(a, rd.Norm)+")", true
			case rd.HasNorm:
				row.Verdict = "in the usual range for " + rd.Norm.Group() + " (" + Threshold(a, rd.Norm) + ")"
			case rd.Unknown:
				row.Verdict = "age or sex not known"
			}
			pm.Rows = append(pm.Rows, row)
		}
		pm.Words, pm.Below = "Latest: "+latest.Reading.Words(a), latest.Reading.Below
		if latest.Reading.Words(a) == "" {
			pm.Words = ""
		}
		pm.Due = "Due again now."
		if !m.Due.DueAt(r.Generated) {
			pm.Due = "Due again from " + pageDate(m.Due.On) + "."
		}
		pm.Chart = measureChart(m, loc)
		out = append(out, pm)
	}
	return out
}

// measureChart plots the latest results over evenly spaced dates, with
// the latest norm's band below the usual range.
func measureChart(m Measure, loc *time.Location) *pageMeasureChart {
	a := m.Assessment
	res := m.Results
	if len(res) > svgMeasMaxDots {
		res = res[len(res)-svgMeasMaxDots:]
	}
	top := m.Top()
	y := func(v int) float64 { return svgMeasBottom - float64(v)*(svgMeasBottom-svgMeasTop)/float64(top) }
	c := &pageMeasureChart{ID: a.ID, W: svgMeasW, H: svgMeasH}
	step := max(1, top/5)
	if a.Kind == exercises.Stages {
		step = 1
	}
	for g := 0; g <= top; g += step {
		c.Grid = append(c.Grid, pageGrid{X1: pageNum(svgMeasLeft), X2: pageNum(svgMeasRight), Y: pageNum(y(g)),
			LX: pageNum(svgMeasLeft - 6), LY: pageNum(y(g) + 4), Text: fmt.Sprint(g)})
	}
	latest := res[len(res)-1]
	if rd := latest.Reading; rd.HasNorm {
		c.Band = &pageBand{X: pageNum(svgMeasLeft), X2: pageNum(svgMeasRight), Y: pageNum(y(rd.Norm.Below)),
			W: pageNum(svgMeasRight - svgMeasLeft), H: pageNum(svgMeasBottom - y(rd.Norm.Below)),
			KeyX: pageNum(svgMeasLeft), KeyTX: pageNum(svgMeasLeft + 22),
			Text: "below the usual range for " + rd.Norm.Group() + ": under " + fmt.Sprint(rd.Norm.Below)}
	}
	var line []string
	for i, r := range res {
		x := (svgMeasLeft + svgMeasRight) / 2
		if len(res) > 1 {
			x = svgMeasLeft + 16 + float64(i)*(svgMeasRight-svgMeasLeft-32)/float64(len(res)-1)
		}
		py := y(r.Value)
		line = append(line, pageNum(x)+","+pageNum(py))
		c.Dots = append(c.Dots, pageMeasureDot{X: pageNum(x), Y: pageNum(py), LY: pageNum(py - svgMeasDotGap), DY: pageNum(svgMeasDateY),
			Value: fmt.Sprint(r.Value), Date: r.At.In(loc).Format("2 Jan 06"), Anchor: "middle",
			Text: pageDate(r.At.In(loc)) + ": " + pageClean(a.ResultText(r.Value))})
	}
	c.Line = strings.Join(line, " ")
	c.Label = fmt.Sprintf("Chart of %s: %s.", pageClean(a.Name), pageCount(len(res), "result", "results"))
	if c.Band != nil {
		c.Label += " The shaded band is " + c.Band.Text + "."
	}
	return c
}
