package report

import (
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"time"

	"limber/coach"
	"limber/exercises"
	"limber/text"
)

// Handout is a routine as a patient takes it home: each exercise at the dose
// the journal has reached, with how to do it safely, and a week of boxes to
// tick. Its text is cleaned once, here, for all three renderings.
type Handout struct {
	Person    Person // who it is for, from the profile
	Large     bool   // large print (--large): bigger type, fewer words to a line
	ID        string
	Name      string
	Summary   string
	Frequency string // in words: "every day", "3 times a week"
	PerWeek   int
	Before    []string
	After     []string
	Items     []HandoutItem
	Source    string // the routine's
	Made      time.Time
}

// HandoutItem is one exercise of a handout.
type HandoutItem struct {
	ID       string
	Name     string
	Dose     exercises.Dose // now: the journal's rung, else the routine's start
	DoseText string         // "2 sets of 10 reps, each side, rest 30 s"
	Level    string         // "Level 2 of 3: One hand on the counter", or ""
	// SetByTherapist says the therapist placed the exercise at this dose
	// (limber adjust) and nothing has moved it since. The handout says
	// so; it never prints the rules' reasons, which are for the coach.
	SetByTherapist bool
	Summary        string
	Steps          []string
	Cues           []string
	Safety         []string
	Equipment      []string
	Sources        []string      // exercise, dose and progression sources, without repeats
	Figure         template.HTML // the exercise's figure as SVG, or "" (figures.go)
}

// Source is the item's sources on one line: "A; B".
func (it HandoutItem) Source() string { return strings.Join(it.Sources, "; ") }

// SetByTherapistWords is what the handout says of a dose the therapist set.
const SetByTherapistWords = "your therapist set this"

// LargeWidth is the widest a large-print text handout runs: 46 characters
// fit across A4 at 18 point.
const LargeWidth = 46

// HandoutFooter is the closing advice of every handout.
const HandoutFooter = "Stop and rest if you feel chest pain, faintness or sharp pain, and contact your clinician. " +
	"limber supports, and does not replace, your clinician's advice."

// NewHandout makes the handout of a routine for the patient whose journal
// replayed into p.
func NewHandout(lib *exercises.Library, p *coach.Progress, rt *exercises.Routine, now time.Time) *Handout {
	h := &Handout{
		ID:        rt.ID,
		Name:      pageClean(rt.Name),
		Summary:   pageClean(rt.Summary),
		Frequency: pagePerWeek(rt.PerWeek),
		PerWeek:   rt.PerWeek,
		Before:    handoutCleanAll(rt.Before),
		After:     handoutCleanAll(rt.After),
		Source:    pageClean(rt.Source),
		Made:      now,
	}
	for _, it := range p.Plan(rt) {
		e := it.Exercise
		item := HandoutItem{
			ID:        e.ID,
			Name:      pageClean(e.Name),
			Dose:      it.Dose,
			DoseText:  pageClean(exercises.DoseText(it.Dose, exercises.DoseWords)),
			Summary:   pageClean(e.Summary),
			Steps:     handoutCleanAll(e.Steps),
			Cues:      handoutCleanAll(e.Cues),
			Safety:    handoutCleanAll(e.Safety),
			Equipment: handoutCleanAll(e.Equipment),
			Figure:    figureHTML(e, handoutFigureHeight, false),
		}
		if st, ok := p.State(e.ID); ok && len(st.Moves) > 0 {
			last := st.Moves[len(st.Moves)-1]
			item.SetByTherapist = last.Cause == "adjust" && last.Decision.To == st.Rung
		}
		if name := e.LevelName(it.Dose.Level); name != "" {
			item.Level = pageClean(fmt.Sprintf("Level %d of %d: %s", it.Dose.Level, len(e.Levels), name))
		}
		for _, s := range []string{e.Source, it.Dose.Source, e.Progression.Source} {
			if s = pageClean(s); s != "" && !slices.Contains(item.Sources, s) {
				item.Sources = append(item.Sources, s)
			}
		}
		h.Items = append(h.Items, item)
	}
	return h
}

func handoutCleanAll(in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		if s = pageClean(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// aim is the line above the tick grid.
func (h *Handout) aim() string {
	if h.PerWeek >= 7 {
		return "Tick a box each day you do the exercise. Aim for every day."
	}
	return fmt.Sprintf("Tick a box each day you do the exercise. Aim for %d days this week, with a rest day between.", h.PerWeek)
}

// Text is the handout for the terminal, wrapped to width columns; in large
// print, to LargeWidth at most, with a blank line between steps, for
// printing in large type.
func (h *Handout) Text(width int) string {
	width = max(width, 30)
	if h.Large {
		width = min(width, LargeWidth)
	}
	tw := &textPage{w: width}
	tw.para(h.Name, "", "")
	tw.line(strings.Repeat("=", min(text.Width(h.Name), width)))
	if p := h.Person.Line(); p != "" {
		tw.para("For "+p, "", "  ")
	}
	tw.para(h.Summary, "", "")
	tw.line("")
	tw.para("How often: "+h.Frequency, "", "  ")
	if len(h.Before) > 0 {
		tw.heading("Before you start")
		for _, s := range h.Before {
			tw.para(s, "  * ", "    ")
		}
	}
	tw.heading("The exercises")
	for i, it := range h.Items {
		h.textItem(tw, i, it)
	}
	if len(h.After) > 0 {
		tw.heading("When you finish")
		for _, s := range h.After {
			tw.para(s, "  * ", "    ")
		}
	}
	tw.heading("This week")
	tw.para(h.aim(), "", "")
	tw.line("")
	h.textTicks(tw)
	tw.line("")
	tw.line(strings.Repeat("-", min(width, 40)))
	tw.para(HandoutFooter, "", "")
	tw.para("Made on "+pageDate(h.Made)+" by limber."+handoutSourceLine(h.Source), "", "")
	return tw.b.String()
}

// textPage writes a page of plain text, wrapped to w columns.
type textPage struct {
	b strings.Builder
	w int
}

func (tw *textPage) line(s string) { tw.b.WriteString(strings.TrimRight(s, " ") + "\n") }

func (tw *textPage) para(s, first, rest string) {
	for _, l := range text.Indent(first, rest, s, tw.w) {
		tw.line(l)
	}
}

func (tw *textPage) heading(s string) {
	tw.line("")
	tw.para(s, "", "")
	tw.line(strings.Repeat("-", min(text.Width(s), tw.w)))
}

// textItem is one exercise: its dose, level, steps, cues, safety, what it
// needs and its source.
func (h *Handout) textItem(tw *textPage, i int, it HandoutItem) {
	tw.line("")
	num := fmt.Sprintf("%d. ", i+1)
	pad := strings.Repeat(" ", len(num))
	tw.para(it.Name, num, pad)
	tw.para("Do: "+it.DoseText+h.setBy(it), pad, pad+"    ")
	if it.Level != "" {
		tw.para(it.Level, pad, pad+"  ")
	}
	if it.Summary != "" {
		tw.para(it.Summary, pad, pad)
	}
	if len(it.Steps) > 0 {
		tw.line(pad + "Steps:")
		for j, s := range it.Steps {
			if h.Large && j > 0 {
				tw.line("")
			}
			n := fmt.Sprintf("%d. ", j+1)
			tw.para(s, pad+"  "+n, pad+"  "+strings.Repeat(" ", len(n)))
		}
	}
	if len(it.Cues) > 0 {
		tw.para("Cues: "+strings.Join(it.Cues, "; "), pad, pad+"  ")
	}
	if len(it.Safety) > 0 {
		tw.line(pad + "Safety:")
		for _, s := range it.Safety {
			tw.para(s, pad+"  ! ", pad+"    ")
		}
	}
	if len(it.Equipment) > 0 {
		tw.para("Equipment: "+strings.Join(it.Equipment, ", "), pad, pad+"  ")
	}
	if src := it.Source(); src != "" {
		tw.para("Source: "+src, pad, pad+"  ")
	}
}

// textTicks is the week's tick grid: seven columns of "[ ]", two spaces
// apart where there is room, else one; the name takes the rest, or only
// its number on a narrow page.
func (h *Handout) textTicks(tw *textPage) {
	gap := 2
	if tw.w < 3+1+7*5-2 {
		gap = 1
	}
	cell := "[ ]" + strings.Repeat(" ", gap)
	nameW := tw.w - 7*len(cell) + gap - 1
	number := nameW < 12
	if number {
		nameW = len(fmt.Sprint(len(h.Items))) + 1
	}
	var head strings.Builder
	head.WriteString(strings.Repeat(" ", nameW+1))
	for _, d := range pageWeekdays {
		head.WriteString(d + strings.Repeat(" ", len(cell)-len(d)))
	}
	tw.line(head.String())
	for i, it := range h.Items {
		label := fmt.Sprintf("%d. %s", i+1, it.Name)
		if number {
			label = fmt.Sprintf("%d.", i+1)
		}
		label = text.Truncate(label, nameW)
		tw.line(label + strings.Repeat(" ", nameW-text.Width(label)+1) + strings.Repeat(cell, 7))
	}
}

// setBy is " (your therapist set this)" for a dose the therapist set.
func (h *Handout) setBy(it HandoutItem) string {
	if it.SetByTherapist {
		return " (" + SetByTherapistWords + ")"
	}
	return ""
}

func handoutSourceLine(s string) string {
	if s == "" {
		return ""
	}
	return " Routine source: " + s + "."
}

// Markdown is the handout as Markdown, for a patient portal or a message.
func (h *Handout) Markdown() string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	md := handoutMD
	p("# %s\n\n", md(h.Name))
	if pl := h.Person.Line(); pl != "" {
		p("For %s\n\n", md(pl))
	}
	if h.Summary != "" {
		p("%s\n\n", md(h.Summary))
	}
	p("**How often:** %s\n", md(h.Frequency))
	if len(h.Before) > 0 {
		p("\n## Before you start\n\n")
		for _, s := range h.Before {
			p("- %s\n", md(s))
		}
	}
	p("\n## The exercises\n")
	for i, it := range h.Items {
		p("\n### %d. %s\n\n", i+1, md(it.Name))
		p("**Do:** %s%s\n", md(it.DoseText), md(h.setBy(it)))
		if it.Level != "" {
			p("  \n**%s**\n", md(it.Level))
		}
		p("\n")
		if it.Summary != "" {
			p("%s\n\n", md(it.Summary))
		}
		if len(it.Steps) > 0 {
			p("Steps:\n\n")
			for j, s := range it.Steps {
				p("%d. %s\n", j+1, md(s))
			}
			p("\n")
		}
		if len(it.Cues) > 0 {
			p("**Cues:** %s\n\n", md(strings.Join(it.Cues, "; ")))
		}
		if len(it.Safety) > 0 {
			p("> **Safety:**\n>\n")
			for _, s := range it.Safety {
				p("> - %s\n", md(s))
			}
			p("\n")
		}
		if len(it.Equipment) > 0 {
			p("**Equipment:** %s\n\n", md(strings.Join(it.Equipment, ", ")))
		}
		if src := it.Source(); src != "" {
			p("*Source:* %s\n", md(src))
		}
	}
	if len(h.After) > 0 {
		p("\n## When you finish\n\n")
		for _, s := range h.After {
			p("- %s\n", md(s))
		}
	}
	p("\n## This week\n\n%s\n\n", md(h.aim()))
	p("| Exercise | Mon | Tue | Wed | Thu | Fri | Sat | Sun |\n")
	p("| --- | :-: | :-: | :-: | :-: | :-: | :-: | :-: |\n")
	for i, it := range h.Items {
		p("| %d. %s |%s\n", i+1, md(it.Name), strings.Repeat(" ☐ |", 7))
	}
	p("\n---\n\n%s\n\nMade on %s by limber.%s\n", md(HandoutFooter), pageDate(h.Made), md(handoutSourceLine(h.Source)))
	return b.String()
}

// handoutMD escapes the characters Markdown would read as markup or HTML,
// so that library text always shows as written.
var handoutMD = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `#`, `\#`, `&`, `\&`, `~`, `\~`,
).Replace

const handoutCSS = `
.exercise { border-top: 1.5px solid #555; margin-top: 0.5em; padding-top: 0.1em; }
h2 + .exercise { border-top: none; margin-top: 0; }
.exercise h3 { font-size: 1.2em; margin: 0.3em 0 0.15em; }
.dose { font-size: 1.1em; margin: 0.1em 0; }
.dose .set { font-style: italic; font-weight: normal; }
.summary { margin: 0.15em 0; }
.cols { display: grid; grid-template-columns: 1fr 1fr; column-gap: 5mm; align-items: start; }
.cols ol { margin: 0.15em 0; }
.cols p { margin: 0.15em 0; }
@media screen and (max-width: 560px) { .cols { display: block; } }
.safety { border: 2px solid #111; border-left: 8px solid #111; padding: 0.2em 0.5em; margin: 0.2em 0; }
.safety p { font-weight: bold; margin: 0; }
.safety ul { margin: 0.1em 0; padding-left: 1.2em; }
.sources { font-size: 0.85em; margin: 0.15em 0 0; }
.ticks th, .ticks td { text-align: center; vertical-align: middle; }
.ticks th:first-child, .ticks td:first-child { text-align: left; }
.ticks td.box { width: 13mm; height: 11mm; border: 1.5px solid #111; }
footer { margin-top: 1.5em; border-top: 2px solid #444; padding-top: 0.4em; }
header .person { font-weight: bold; }
@media print {
  body { font-size: 10pt; line-height: 1.25; }
  h1 { font-size: 1.45em; }
  h2 { margin-top: 0.7em; }
  .exercise h3 { margin-top: 0.2em; }
}
`

// largeCSS is large print: 16 point type, one column with the safety box
// first, and bigger boxes to tick.
const largeCSS = `
body.large { font-size: 21px; line-height: 1.45; }
body.large .cols { display: flex; flex-direction: column-reverse; }
body.large .ticks td.box { width: 15mm; height: 14mm; }
@media print {
  body.large { font-size: 16pt; line-height: 1.35; }
}
`

var handoutTmpl = template.Must(template.New("handout").Funcs(template.FuncMap{
	"inc":  func(i int) int { return i + 1 },
	"join": strings.Join,
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{{.Name}}</title>
<style>` + pageCSS + runningCSS + handoutCSS + largeCSS + `</style>
</head>
<body{{if .Large}} class="large"{{end}}>
<header>
<h1>{{.Name}}</h1>
{{- if .PersonLine}}
<p class="person">For {{.PersonLine}}</p>
{{- end}}
{{- if .Summary}}
<p>{{.Summary}}</p>
{{- end}}
<p><strong>How often:</strong> {{.Frequency}}</p>
</header>
{{- if .Before}}
<section class="keep">
<h2>Before you start</h2>
<ul>
{{- range .Before}}
<li>{{.}}</li>
{{- end}}
</ul>
</section>
{{- end}}
<h2>The exercises</h2>
{{- range $i, $it := .Items}}
<section class="exercise keep" id="ex-{{.ID}}">
<h3>{{inc $i}}. {{.Name}}</h3>
<p class="dose"><strong>Do:</strong> {{.DoseText}}{{if .SetByTherapist}} <span class="set">({{$.SetBy}})</span>{{end}}</p>
{{- if .Level}}
<p><strong>{{.Level}}</strong></p>
{{- end}}
{{- if .Summary}}
<p class="summary">{{.Summary}}</p>
{{- end}}
{{- if .Figure}}
<figure class="drawing">{{.Figure}}</figure>
{{- end}}
<div class="cols">
<div>
{{- if .Steps}}
<ol>
{{- range .Steps}}
<li>{{.}}</li>
{{- end}}
</ol>
{{- end}}
{{- if .Cues}}
<p><strong>Cues:</strong> {{join .Cues "; "}}</p>
{{- end}}
{{- if .Equipment}}
<p><strong>Equipment:</strong> {{join .Equipment ", "}}</p>
{{- end}}
</div>
<div>
{{- if .Safety}}
<div class="safety">
<p>⚠ Safety:</p>
<ul>
{{- range .Safety}}
<li>{{.}}</li>
{{- end}}
</ul>
</div>
{{- end}}
</div>
</div>
{{- if .Sources}}
<p class="sources muted">Source: {{.Source}}</p>
{{- end}}
</section>
{{- end}}
{{- if .After}}
<section class="keep">
<h2>When you finish</h2>
<ul>
{{- range .After}}
<li>{{.}}</li>
{{- end}}
</ul>
</section>
{{- end}}
<section class="keep">
<h2>This week</h2>
<p>{{.Aim}}</p>
<table class="ticks">
<thead><tr><th>Exercise</th>{{range .Days}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range $i, $it := .Items}}
<tr><td>{{inc $i}}. {{.Name}}</td>{{range $.Days}}<td class="box"></td>{{end}}</tr>
{{- end}}
</tbody>
</table>
</section>
<footer class="keep">
<p><strong>{{.Footer}}</strong></p>
<p class="muted">Made on {{.MadeOn}} by limber.{{.SourceLine}}</p>
</footer>
</body>
</html>
`))

// HTML writes the handout as one self-contained, printable page.
func (h *Handout) HTML(w io.Writer) error {
	person := h.Person.Line()
	left := h.Name
	if person != "" {
		left = person
	}
	return handoutTmpl.Execute(w, struct {
		*Handout
		Aim, Footer, MadeOn, SourceLine string
		PersonLine, SetBy               string
		RunLeft, RunRight               string
		Days                            [7]string
	}{h, h.aim(), HandoutFooter, pageDate(h.Made), handoutSourceLine(h.Source), person, SetByTherapistWords,
		left, h.Name + " · made on " + pageDate(h.Made), pageWeekdays})
}
