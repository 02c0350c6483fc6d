package report

import (
	"html/template"

	"limber/exercises"
	"limber/figure"
)

// Figure heights on paper, in CSS pixels: beside a handout's exercise, and
// in a row of the report's ladder table.
const (
	handoutFigureHeight = 110
	reportFigureHeight  = 56
)

// pageFigure is a figure's SVG, ready for a page's template.
type pageFigure = template.HTML

// figureHTML is an exercise's figure as one inline SVG for a printed page:
// its poses side by side with an arrow from each to the next (with ends,
// only the first and the last), titled and described for screen readers.
// It is "" when the exercise has no figure. Nothing is linked or fetched:
// the drawing is in the page.
func figureHTML(x *exercises.Exercise, height float64, ends bool) template.HTML {
	if x.Figure == nil {
		return ""
	}
	desc := figure.Alt(x)
	if x.Dose.Sides == 2 {
		desc += " Drawn for the left side; the right side is its mirror image."
	}
	// The figure package builds the SVG and escapes the title and the
	// description itself.
	return template.HTML(figure.New(x.Figure).SVG(figure.SVGOptions{
		Title: "How to do " + pageClean(x.Name), Desc: desc, Height: height, Ends: ends}))
}
