package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"limber/exercises"
)

// The printed pages are a clinical record and a take-home sheet: one file
// each, with nothing fetched (no scripts, fonts, images or links), so that
// they open the same way offline, in a mail attachment or years later. They
// are also well-formed XML, which lets the tests parse them.

// pageCSS is shared by the report and the handout. Widths never pass
// 180 mm, the printable width of A4 with 15 mm margins; Letter is wider, so
// the same page fits both.
const pageCSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 15px; line-height: 1.45; color: #111; background: #fff;
  max-width: 180mm; margin: 0 auto; padding: 12px 16px;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 1.6em; margin: 0 0 0.2em; }
h2 { font-size: 1.25em; margin: 1.4em 0 0.4em; padding-bottom: 0.15em; border-bottom: 2px solid #444; }
h3 { font-size: 1.08em; margin: 1em 0 0.3em; }
p { margin: 0.3em 0; }
ul, ol { margin: 0.3em 0; padding-left: 1.6em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0; }
th, td { border: 1px solid #888; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
th { background: #eee; }
figure { margin: 0.6em 0; }
figcaption { font-size: 0.92em; margin-top: 0.2em; }
svg { max-width: 100%; height: auto; }
svg text { font-family: inherit; }
.muted { color: #555; }
.note { border: 1px solid #444; border-left: 6px solid #444; padding: 0.3em 0.6em; margin: 0.6em 0; }
@page { size: A4; margin: 15mm; }
@media print {
  body { font-size: 11pt; line-height: 1.35; max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure, tr, .keep { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
`

// runningCSS prints who the page is about, and the page number, in the
// margin of every printed page. The template fills the strings; html/template
// escapes them for CSS.
const runningCSS = `
@page {
  @top-left { content: "{{.RunLeft}}"; font: 9pt system-ui, "Helvetica Neue", Arial, sans-serif; color: #333; }
  @top-right { content: "{{.RunRight}}"; font: 9pt system-ui, "Helvetica Neue", Arial, sans-serif; color: #333; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt system-ui, "Helvetica Neue", Arial, sans-serif; color: #333; }
}
`

// reportCSS adds what only the report needs.
const reportCSS = `
.header p { margin: 0.1em 0; }
.header .person { font-size: 1.15em; font-weight: bold; }
.flags td.kind { font-weight: bold; }
.flags ul { margin: 0.2em 0 0; padding-left: 1.2em; }
td.date { white-space: nowrap; }
.flags tr td:first-child { border-left: 6px solid #b00; }
.waiting { border: 1px solid #1f4e8c; border-left: 6px solid #1f4e8c; padding: 0.3em 0.6em; margin: 0.6em 0; }
.waiting ul { margin: 0.2em 0; }
.measure { margin-bottom: 0.8em; }
.measure .below { font-weight: bold; }
.measure table td.num { text-align: right; }
.ladder td.num { text-align: right; }
.ladder tbody { break-inside: avoid; page-break-inside: avoid; }
.ladder tbody tr:first-child td { border-top: 2px solid #444; }
.ladder .moves { font-size: 0.92em; }
.ladder .moves ul { list-style: none; padding-left: 0; margin: 0.1em 0; }
.ladder svg.bar { display: block; width: 28mm; height: 4mm; margin: 0.2em 0; }
.weeks td.num { text-align: right; }
@media print { .ladders { break-before: page; } }
`

var reportTmpl = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{{.Title}}</title>
<style>` + pageCSS + runningCSS + reportCSS + `</style>
</head>
<body>
<header class="header">
<h1>{{.Title}}</h1>
{{- if .Person}}
<p class="person">{{.Person}}</p>
{{- end}}
<p>Period covered: {{.Period}}</p>
<p>Sessions done: {{.Sessions}} (a routine done more than once in a day, or a day of exercises logged one by one, counts once; a session left part-way does not count)</p>
<p>Generated {{.Generated}}</p>
<p class="note">limber supports, and does not replace, the clinician's judgement.</p>
</header>

<section>
<h2>Flags to review</h2>
{{- if .Flags}}
<table class="flags">
<caption class="muted">Newest first, one row for each day and cause. Every flag is also in the journal.</caption>
<colgroup><col style="width: 14%"/><col style="width: 17%"/><col style="width: 22%"/><col/></colgroup>
<thead><tr><th>Date</th><th>Cause</th><th>Exercises</th><th>What happened</th></tr></thead>
<tbody>
{{- range .Flags}}
<tr><td class="date">{{.Date}}</td><td class="kind">⚠ {{.Cause}}</td><td>{{.Exercises}}</td><td>
{{- if eq (len .Details) 1}}{{index .Details 0}}{{else}}
<ul>
{{- range .Details}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p>No safety flags in the last {{.Weeks}} weeks.</p>
{{- end}}
{{- if .OlderFlags}}
<p class="muted">{{.OlderFlags}}</p>
{{- end}}
{{- if .Waiting}}
<div class="waiting keep">
<h3>Waiting for you to open the next level</h3>
<p class="muted">Not a safety matter: each of these has been easy long enough, and waits at a level only you open (limber adjust).</p>
<ul>
{{- range .Waiting}}
<li>{{.}}</li>
{{- end}}
</ul>
</div>
{{- end}}
</section>
{{- if .Measures}}

<section>
<h2>Outcome measures</h2>
<p class="muted">Each result against the usual range for the person's age and sex, from the source named below it. The shaded band is below the usual range.</p>
{{- range .Measures}}
<div class="measure keep">
<h3>{{.Name}}</h3>
{{- if .Chart}}
{{- with .Chart}}
<figure>
<svg class="measure-chart" viewBox="0 0 {{.W}} {{.H}}" width="{{.W}}" height="{{.H}}" role="img" aria-label="{{.Label}}">
<title>{{.Label}}</title>
<defs>
<pattern id="below-{{.ID}}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
<line x1="0" y1="0" x2="0" y2="6" stroke="#c99" stroke-width="2"/>
</pattern>
</defs>
{{- if .Band}}
<rect x="{{.Band.X}}" y="{{.Band.Y}}" width="{{.Band.W}}" height="{{.Band.H}}" fill="url(#below-{{.ID}})" stroke="none"/>
<line x1="{{.Band.X}}" y1="{{.Band.Y}}" x2="{{.Band.X2}}" y2="{{.Band.Y}}" stroke="#a00" stroke-width="1.5" stroke-dasharray="6 3"/>
<rect x="{{.Band.KeyX}}" y="4" width="16" height="12" fill="url(#below-{{.ID}})" stroke="#a00" stroke-width="1"/>
<text x="{{.Band.KeyTX}}" y="14" font-size="11" fill="#700">shaded: {{.Band.Text}}</text>
{{- end}}
{{- range .Grid}}
<line x1="{{.X1}}" y1="{{.Y}}" x2="{{.X2}}" y2="{{.Y}}" stroke="#bbb" stroke-width="1"/>
<text x="{{.LX}}" y="{{.LY}}" font-size="11" text-anchor="end">{{.Text}}</text>
{{- end}}
<polyline points="{{.Line}}" fill="none" stroke="#1f4e8c" stroke-width="2"/>
{{- range .Dots}}
<circle cx="{{.X}}" cy="{{.Y}}" r="4" fill="#1f4e8c"><title>{{.Text}}</title></circle>
<text x="{{.X}}" y="{{.LY}}" font-size="11" text-anchor="middle">{{.Value}}</text>
<text x="{{.X}}" y="{{.DY}}" font-size="10.5" text-anchor="{{.Anchor}}">{{.Date}}</text>
{{- end}}
</svg>
</figure>
{{- end}}
<table>
<thead><tr><th>Date</th><th>Result</th><th>Against the usual range</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr><td class="date">{{.Date}}</td><td>{{.Result}}</td><td{{if .Below}} class="below"{{end}}>{{.Verdict}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
{{- if .Words}}
<p class="{{if .Below}}note below{{else}}note{{end}}">{{.Words}}</p>
{{- end}}
<p>{{.Due}}</p>
{{- if .Source}}
<p class="muted">Norms: {{.Source}}</p>
{{- end}}
</div>
{{- end}}
</section>
{{- end}}

<section>
<h2>Pain before and after exercise</h2>
{{- with .Pain}}
<figure>
<svg class="pain" viewBox="0 0 {{.W}} {{.H}}" width="{{.W}}" height="{{.H}}" role="img" aria-label="{{.Label}}">
<title>{{.Label}}</title>
{{- range .Grid}}
<line x1="{{.X1}}" y1="{{.Y}}" x2="{{.X2}}" y2="{{.Y}}" stroke="#999" stroke-width="1"{{if .Dash}} stroke-dasharray="4 3"{{end}}/>
<text x="{{.LX}}" y="{{.LY}}" font-size="12" text-anchor="end">{{.Text}}</text>
{{- end}}
<text x="12" y="{{.MidY}}" font-size="12" text-anchor="middle" transform="rotate(-90 12 {{.MidY}})">pain 0–10</text>
{{- range .Ticks}}
<line x1="{{.X}}" y1="{{.Y1}}" x2="{{.X}}" y2="{{.Y2}}" stroke="#555" stroke-width="1"/>
<text x="{{.X}}" y="{{.LY}}" font-size="12" text-anchor="{{.Anchor}}">{{.Text}}</text>
{{- end}}
{{- if .Before}}
<polyline points="{{.Before}}" fill="none" stroke="#1f4e8c" stroke-width="2"/>
{{- end}}
{{- range .BeforeDots}}
<circle cx="{{.X}}" cy="{{.Y}}" r="3.5" fill="#1f4e8c"><title>{{.Text}}</title></circle>
{{- end}}
{{- if .After}}
<polyline points="{{.After}}" fill="none" stroke="#b35900" stroke-width="2" stroke-dasharray="6 3"/>
{{- end}}
{{- range .AfterDots}}
<rect x="{{.X}}" y="{{.Y}}" width="7" height="7" fill="#fff" stroke="#b35900" stroke-width="2"><title>{{.Text}}</title></rect>
{{- end}}
<line x1="{{.LegendX}}" y1="8" x2="{{.LegendX2}}" y2="8" stroke="#1f4e8c" stroke-width="2"/>
<circle cx="{{.LegendDot}}" cy="8" r="3.5" fill="#1f4e8c"/>
<text x="{{.LegendText}}" y="12" font-size="12">before: usual pain at the check-in</text>
<line x1="{{.LegendX}}" y1="24" x2="{{.LegendX2}}" y2="24" stroke="#b35900" stroke-width="2" stroke-dasharray="6 3"/>
<rect x="{{.LegendSq}}" y="20.5" width="7" height="7" fill="#fff" stroke="#b35900" stroke-width="2"/>
<text x="{{.LegendText}}" y="28" font-size="12">after: highest pain after an exercise</text>
</svg>
<figcaption>{{.Summary}}</figcaption>
</figure>
{{- else}}
<p>No pain recorded yet.</p>
{{- end}}
</section>

<section>
<h2>Adherence, last {{.Weeks}} weeks</h2>
{{- with .Cal}}
<figure>
<svg class="calendar" viewBox="0 0 {{.W}} {{.H}}" width="{{.W}}" height="{{.H}}" role="img" aria-label="{{.Label}}">
<title>{{.Label}}</title>
<defs>
<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
<line x1="0" y1="0" x2="0" y2="6" stroke="#888" stroke-width="2"/>
</pattern>
</defs>
{{- range .Heads}}
<text x="{{.X}}" y="{{.Y}}" font-size="10.5" text-anchor="middle">{{.Text}}</text>
{{- end}}
{{- range .Rows}}
<text x="{{.X}}" y="{{.Y}}" font-size="11">{{.Text}}</text>
{{- end}}
{{- range .Days}}
<g><title>{{.Title}}</title>
<rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="2" fill="{{.Fill}}" stroke="{{.Stroke}}" stroke-width="{{.SW}}"{{if .Dash}} stroke-dasharray="3 2"{{end}}/>
{{- if .Mark}}
<text x="{{.TX}}" y="{{.TY}}" font-size="13" text-anchor="middle" fill="{{.Ink}}">{{.Mark}}</text>
{{- end}}
</g>
{{- end}}
{{- range .Routines}}
<text x="{{.X}}" y="{{.Y}}" font-size="12" font-weight="bold">{{.Name}}</text>
{{- range .Cells}}
<g><title>{{.Title}}</title>
<rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="2" fill="{{.Fill}}" stroke="#555" stroke-width="1"{{if .Dash}} stroke-dasharray="3 2"{{end}}/>
<text x="{{.TX}}" y="{{.TY}}" font-size="11" text-anchor="middle" fill="{{.Ink}}"{{if .Bold}} font-weight="bold"{{end}}>{{.Text}}</text>
</g>
{{- end}}
{{- end}}
{{- range .Legend}}
<rect x="{{.X}}" y="{{.Y}}" width="14" height="14" rx="2" fill="{{.Fill}}" stroke="{{.Stroke}}" stroke-width="{{.SW}}"{{if .Dash}} stroke-dasharray="3 2"{{end}}/>
{{- if .Mark}}
<text x="{{.MX}}" y="{{.MY}}" font-size="11" text-anchor="middle" fill="{{.Ink}}">{{.Mark}}</text>
{{- end}}
<text x="{{.TX}}" y="{{.TY}}" font-size="11">{{.Text}}</text>
{{- end}}
</svg>
<figcaption>Days run down, Monday to Sunday; each column is a week, headed by its Monday. Below the days, each routine shows the days it was done in that week against its target (done/target). Exercises recorded with limber log count toward a routine on a day they make up the whole of it.</figcaption>
</figure>
{{- end}}
{{- if .Routines}}
<table class="weeks">
<thead><tr><th>Routine</th><th>Target</th><th>Days done</th><th>Weeks on target</th><th>This week so far</th></tr></thead>
<tbody>
{{- range .Routines}}
<tr><td>{{.Name}}</td><td>{{.Target}}</td><td class="num">{{.Days}}</td><td>{{.OnTarget}}</td><td>{{.ThisWeek}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else if .Sessions}}
<p>The sessions of these {{.Weeks}} weeks were logged one exercise at a time and made up no whole routine, so there is no routine to measure them against.</p>
{{- else}}
<p>No sessions in these {{.Weeks}} weeks.</p>
{{- end}}
</section>

<section class="ladders">
<h2>Each exercise on its ladder</h2>
{{- if .Exercises}}
<p class="muted">Most recently done first. A ladder runs from the easiest dose (rung 1) to the hardest. In each bar, the filled part reaches the current rung and the dashed mark shows where the exercise started.</p>
<table class="ladder">
<colgroup><col style="width: 24%"/><col style="width: 19%"/><col style="width: 19%"/><col style="width: 18%"/><col style="width: 8%"/><col style="width: 12%"/></colgroup>
<thead><tr><th>Exercise</th><th>Started at</th><th>Now at</th><th>On the ladder</th><th>Sessions</th><th>Last done</th></tr></thead>
{{- range .Exercises}}
<tbody>
<tr><td><strong>{{.Name}}</strong><br/><span class="muted">{{.Category}}</span>{{if .Figure}}<br/>{{.Figure}}{{end}}</td><td>{{.Start}}</td><td>{{.Now}}</td>
<td><svg class="bar" viewBox="0 0 {{.BarW}} 16" width="{{.BarW}}" height="16" preserveAspectRatio="none" role="img" aria-label="{{.Place}}"><title>{{.Place}}</title>
<rect x="0.5" y="2.5" width="{{.BarIn}}" height="11" fill="#fff" stroke="#555" stroke-width="1"/>
<rect x="0.5" y="2.5" width="{{.Fill}}" height="11" fill="#1f4e8c"/>
<line x1="{{.StartX}}" y1="0" x2="{{.StartX}}" y2="16" stroke="#111" stroke-width="2" stroke-dasharray="2 1"/>
</svg>{{.Place}}</td>
<td class="num">{{.Sessions}}</td><td class="date">{{.LastDone}}</td></tr>
<tr><td colspan="6" class="moves">
{{- if .Moves}}
<p>{{.Count}}</p>
<ul>
{{- range .Moves}}
<li><span class="date">{{.Date}}</span> {{.Arrow}} <strong>{{.Word}}</strong>{{if .Cause}} ({{.Cause}}){{end}}: {{.Reason}}</li>
{{- end}}
</ul>
{{- if .Hidden}}<p class="muted">{{.Hidden}}</p>{{end}}
{{- else}}
<p class="muted">No moves yet: still on its starting rung.</p>
{{- end}}
{{- if .Latest}}<p>Latest decision: {{.Latest}}</p>{{end}}
{{- range .Notes}}
<p>Therapist's note, {{.}}</p>
{{- end}}
</td></tr>
</tbody>
{{- end}}
</table>
{{- else}}
<p>No exercise done yet.</p>
{{- end}}
</section>
</body>
</html>
`))

// HTML writes the report as one self-contained, printable page for the
// clinical record.
func (r *Report) HTML(w io.Writer, title string) error {
	return reportTmpl.Execute(w, r.page(title))
}

// pageClean makes library and journal text safe to show on one line; the
// template then escapes it for HTML.
func pageClean(s string) string { return exercises.Clean(s, false) }

func pageDate(t time.Time) string { return t.Format("2 Jan 2006") }

// pageNum writes a coordinate with at most one decimal, so goldens stay stable.
func pageNum(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	return strings.TrimSuffix(s, ".0")
}

type pageReport struct {
	Title, Generated, Period, Person string
	RunLeft, RunRight                string
	Sessions, Weeks                  int
	Flags                            []pageFlag
	OlderFlags                       string
	Waiting                          []string
	Measures                         []pageMeasure
	Pain                             *pagePain
	Cal                              pageCal
	Routines                         []pageRoutine
	Exercises                        []pageLadder
}

type pageFlag struct {
	Date, Cause, Exercises string
	Details                []string
}

func (r *Report) page(title string) pageReport {
	loc := r.Generated.Location()
	pg := pageReport{Title: pageClean(title), Generated: pageDate(r.Generated), Sessions: r.Sessions, Weeks: Weeks,
		Period: r.Period(), Person: r.Person.Line()}
	pg.RunLeft = pg.Person
	if pg.RunLeft == "" {
		pg.RunLeft = pg.Title
	}
	pg.RunRight = pg.Title + " · " + pg.Period
	for _, row := range r.FlagRows() {
		f := pageFlag{Date: pageDate(row.Day), Cause: row.Cause, Exercises: strings.Join(row.Exercises, ", "), Details: row.Details}
		switch n := len(row.Exercises); {
		case n == 0:
			f.Exercises = "whole session"
		case n > 3:
			f.Exercises = fmt.Sprintf("%d exercises", n)
		}
		pg.Flags = append(pg.Flags, f)
	}
	if r.OlderFlags > 0 {
		pg.OlderFlags = fmt.Sprintf("And %s before these %d weeks (limber history --csv lists every set).", pageCount(r.OlderFlags, "older flag", "older flags"), Weeks)
	}
	for _, w := range r.Waiting {
		pg.Waiting = append(pg.Waiting, w.Words(loc))
	}
	pg.Measures = r.pageMeasures()
	pg.Pain = pagePainChart(r.Pain, loc)
	pg.Cal, pg.Routines = r.calendar()
	for _, x := range r.Exercises {
		pg.Exercises = append(pg.Exercises, pageLadderRow(x, loc))
	}
	return pg
}
