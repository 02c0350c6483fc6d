package main

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"limber/exercises"
	"limber/figure"
	"limber/figure/braille"
	"limber/text"
)

// newFiguresCmd is limber figures: every exercise's figure on one sheet,
// for library authors and for review.
func newFiguresCmd(e *env) *cobra.Command {
	var html string
	cmd := &cobra.Command{
		Use:               "figures [EXERCISE...]",
		Short:             "a contact sheet of every exercise's figure (or those named), for authors and review",
		ValidArgsFunction: e.completeExercises,
		RunE: func(cmd *cobra.Command, args []string) error {
			lib := e.library()
			xs := lib.Exercises()
			if len(args) > 0 {
				xs = xs[:0:0]
				for _, id := range args {
					x, err := findExercise(lib, id)
					if err != nil {
						return err
					}
					xs = append(xs, x)
				}
			}
			if html != "" {
				return e.writePage(html, func(w io.Writer) error { return figuresHTML(w, xs) })
			}
			fmt.Fprint(e.stdout, figuresText(xs, termWidth()))
			return nil
		},
	}
	cmd.Flags().StringVar(&html, "html", "", "write the sheet as a page to `FILE`")
	cmd.MarkFlagFilename("html", "html")
	return cmd
}

// figuresText draws each exercise's poses in braille, first to last.
func figuresText(xs []*exercises.Exercise, width int) string {
	var b strings.Builder
	missing := 0
	for _, x := range xs {
		name := exercises.Clean(x.Name, false) + "  (" + x.ID + ")"
		if x.Figure == nil {
			missing++
			fmt.Fprintf(&b, "%s\n  no figure\n\n", text.Truncate(name, width))
			continue
		}
		f := figure.New(x.Figure)
		fmt.Fprintf(&b, "%s  %s view\n", text.Truncate(name, width-12), x.Figure.View)
		const rows = 6
		cols, _ := braille.Fit(f, figure.Left, 40, rows)
		var blocks [][]string
		for i := range f.Poses() {
			if (i+1)*(cols+4) > width {
				break
			}
			blocks = append(blocks, braille.New(f, figure.Left, cols, rows).Draw(f.PoseAt(i)))
		}
		for _, l := range braille.Join(4, blocks...) {
			b.WriteString("  " + l + "\n")
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%d exercises, %d without a figure.\n", len(xs), missing)
	return b.String()
}

var figuresTmpl = template.Must(template.New("figures").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<title>limber: every exercise's figure</title>
<style>
body { font-family: system-ui, sans-serif; font-size: 14px; color: #111; background: #fff; margin: 16px; }
h1 { font-size: 1.4em; }
.sheet { display: grid; grid-template-columns: repeat(auto-fill, minmax(640px, 1fr)); gap: 14px; }
.card { border: 1px solid #bbb; padding: 8px 10px; break-inside: avoid; }
.card h2 { font-size: 1.05em; margin: 0 0 4px; }
.card .id { color: #555; font-weight: normal; }
.card ol { margin: 6px 0 0; padding-left: 1.4em; font-size: 0.92em; }
.card .alt { font-style: italic; font-size: 0.92em; margin: 4px 0; }
.none { color: #b00; font-weight: bold; }
svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>Every exercise's figure ({{len .Cards}} exercises{{if .Missing}}, {{.Missing}} without a figure{{end}})</h1>
<div class="sheet">
{{- range .Cards}}
<section class="card">
<h2>{{.Name}} <span class="id">{{.ID}} · {{.View}}{{if .Sides}} · left side{{end}}</span></h2>
{{- if .SVG}}
{{.SVG}}
<p class="alt">{{.Alt}}</p>
{{- else}}
<p class="none">No figure.</p>
{{- end}}
<ol>
{{- range .Steps}}
<li>{{.}}</li>
{{- end}}
</ol>
</section>
{{- end}}
</div>
</body>
</html>
`))

type figureCard struct {
	ID, Name, View, Alt string
	Sides               bool
	SVG                 template.HTML
	Steps               []string
}

// figuresHTML writes the contact sheet: each exercise's poses as SVG, its
// words for screen readers, and its steps to check the drawing against.
func figuresHTML(w io.Writer, xs []*exercises.Exercise) error {
	var page struct {
		Cards   []figureCard
		Missing int
	}
	for _, x := range xs {
		c := figureCard{ID: x.ID, Name: exercises.Clean(x.Name, false), Sides: x.Dose.Sides == 2}
		for _, s := range x.Steps {
			c.Steps = append(c.Steps, exercises.Clean(s, false))
		}
		if x.Figure == nil {
			page.Missing++
		} else {
			c.View = string(x.Figure.View)
			c.Alt = figure.Alt(x)
			// The SVG is built by the figure package, which escapes the
			// title and description itself.
			c.SVG = template.HTML(figure.New(x.Figure).SVG(figure.SVGOptions{
				Title: c.Name, Desc: c.Alt, Height: 150}))
		}
		page.Cards = append(page.Cards, c)
	}
	return figuresTmpl.Execute(w, page)
}
