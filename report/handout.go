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
	ID        string
	Name      string
	Dose      exercises.Dose // now: the journal's rung, else the routine's start
	DoseText  string         // "2 sets of 10 reps, each side, rest 30 s"
	Level     string         // "Level 2 of 3: One hand on the counter", or ""
	Reason    string         // why this dose
	Summary   string
	Steps     []string
	Cues      []string
	Safety    []string
	Equipment []string
	Sources   []string      // exercise, dose and progression sources, without repeats
	Figure    template.HTML // the exercise's figure as SVG, or "" (figures.go)
}

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
			Reason:    pageClean(it.Reason),
			Summary:   pageClean(e.Summary),
			Steps:     handoutCleanAll(e.Steps),
			Cues:      handoutCleanAll(e.Cues),
			Safety:    handoutCleanAll(e.Safety),
			Equipment: handoutCleanAll(e.Equipment),
			Figure:    figureHTML(e, handoutFigureHeight, false),
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

// Text is the handout for the terminal, wrapped to width columns.
func (h *Handout) Text(width int) string {
	width = max(width, 30)
	var b strings.Builder
	line := func(s string) { b.WriteString(strings.TrimRight(s, " ") + "\n") }
	para := func(s, first, rest string) {
		for _, l := range text.Indent(first, rest, s, width) {
			line(l)
		}
	}
	heading := func(s string) {
		line("")
		para(s, "", "")
		line(strings.Repeat("-", min(text.Width(s), width)))
	}
	para(h.Name, "", "")
	line(strings.Repeat("=", min(text.Width(h.Name), width)))
	para(h.Summary, "", "")
	line("")
	para("How often: "+h.Frequency, "", "  ")
	if len(h.Before) > 0 {
		heading("Before you start")
		for _, s := range h.Before {
			para(s, "  * ", "    ")
		}
	}
	heading("The exercises")
	for i, it := range h.Items {
		line("")
		num := fmt.Sprintf("%d. ", i+1)
		pad := strings.Repeat(" ", len(num))
		para(it.Name, num, pad)
		para("Do: "+it.DoseText, pad, pad+"    ")
		if it.Level != "" {
			para(it.Level, pad, pad+"  ")
		}
		para("Why this dose: "+it.Reason, pad, pad+"  ")
		if it.Summary != "" {
			para(it.Summary, pad, pad)
		}
		if len(it.Steps) > 0 {
			line(pad + "Steps:")
			for j, s := range it.Steps {
				n := fmt.Sprintf("%d. ", j+1)
				para(s, pad+"  "+n, pad+"  "+strings.Repeat(" ", len(n)))
			}
		}
		if len(it.Cues) > 0 {
			para("Cues: "+strings.Join(it.Cues, "; "), pad, pad+"  ")
		}
		if len(it.Safety) > 0 {
			line(pad + "Safety:")
			for _, s := range it.Safety {
				para(s, pad+"  ! ", pad+"    ")
			}
		}
		if len(it.Equipment) > 0 {
			para("Equipment: "+strings.Join(it.Equipment, ", "), pad, pad+"  ")
		}
		for _, s := range it.Sources {
			para("Source: "+s, pad, pad+"  ")
		}
	}
	if len(h.After) > 0 {
		heading("When you finish")
		for _, s := range h.After {
			para(s, "  * ", "    ")
		}
	}
	heading("This week")
	para(h.aim(), "", "")
	line("")
	// Seven columns of "[ ]", two spaces apart where there is room, else
	// one; the name takes the rest, or only its number on a narrow screen.
	gap := 2
	if width < 3+1+7*5-2 {
		gap = 1
	}
	cell := "[ ]" + strings.Repeat(" ", gap)
	nameW := width - 7*len(cell) + gap - 1
	number := nameW < 12
	if number {
		nameW = len(fmt.Sprint(len(h.Items))) + 1
	}
	var head strings.Builder
	head.WriteString(strings.Repeat(" ", nameW+1))
	for _, d := range pageWeekdays {
		head.WriteString(d + strings.Repeat(" ", len(cell)-len(d)))
	}
	line(head.String())
	for i, it := range h.Items {
		label := fmt.Sprintf("%d. %s", i+1, it.Name)
		if number {
			label = fmt.Sprintf("%d.", i+1)
		}
		label = text.Truncate(label, nameW)
		line(label + strings.Repeat(" ", nameW-text.Width(label)+1) + strings.Repeat(cell, 7))
	}
	line("")
	line(strings.Repeat("-", min(width, 40)))
	para(HandoutFooter, "", "")
	para("Made on "+pageDate(h.Made)+" by limber."+handoutSourceLine(h.Source), "", "")
	return b.String()
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
		p("**Do:** %s  \n", md(it.DoseText))
		if it.Level != "" {
			p("**%s**  \n", md(it.Level))
		}
		p("*Why this dose:* %s\n\n", md(it.Reason))
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
		for i, s := range it.Sources {
			if i > 0 {
				p("  \n")
			}
			p("*Source:* %s", md(s))
		}
		if len(it.Sources) > 0 {
			p("\n")
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
.exercise { border-top: 1px solid #888; margin-top: 0.8em; }
h2 + .exercise { border-top: none; margin-top: 0; }
.exercise h3 { font-size: 1.2em; margin-top: 0.5em; }
.dose { font-size: 1.1em; }
.why { font-style: italic; font-size: 0.92em; }
.cols { display: grid; grid-template-columns: 1fr 1fr; column-gap: 5mm; align-items: start; }
.cols p:first-child, .cols .safety:first-child { margin-top: 0.4em; }
@media screen and (max-width: 560px) { .cols { display: block; } }
.safety { border: 2px solid #111; border-left: 8px solid #111; padding: 0.3em 0.6em; margin: 0.4em 0; }
.safety p { font-weight: bold; margin: 0; }
.sources { font-size: 0.9em; }
.ticks th, .ticks td { text-align: center; vertical-align: middle; }
.ticks th:first-child, .ticks td:first-child { text-align: left; }
.ticks td.box { width: 13mm; height: 11mm; border: 1.5px solid #111; }
footer { margin-top: 1.5em; border-top: 2px solid #444; padding-top: 0.4em; }
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
<style>` + pageCSS + handoutCSS + `</style>
</head>
<body>
<header>
<h1>{{.Name}}</h1>
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
<section class="exercise keep">
<h3>{{inc $i}}. {{.Name}}</h3>
<p class="dose"><strong>Do:</strong> {{.DoseText}}</p>
{{- if .Level}}
<p><strong>{{.Level}}</strong></p>
{{- end}}
<p class="why">Why this dose: {{.Reason}}</p>
{{- if .Summary}}
<p>{{.Summary}}</p>
{{- end}}
{{- if .Figure}}
<figure class="drawing">{{.Figure}}</figure>
{{- end}}
<div class="cols">
<div>
{{- if .Steps}}
<p><strong>Steps:</strong></p>
<ol>
{{- range .Steps}}
<li>{{.}}</li>
{{- end}}
</ol>
{{- end}}
{{- if .Cues}}
<p><strong>Cues:</strong> {{join .Cues "; "}}</p>
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
{{- if .Equipment}}
<p><strong>Equipment:</strong> {{join .Equipment ", "}}</p>
{{- end}}
</div>
</div>
{{- range .Sources}}
<p class="sources muted">Source: {{.}}</p>
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
	return handoutTmpl.Execute(w, struct {
		*Handout
		Aim, Footer, MadeOn, SourceLine string
		Days                            [7]string
	}{h, h.aim(), HandoutFooter, pageDate(h.Made), handoutSourceLine(h.Source), pageWeekdays})
}
