package report

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"limber/exercises"
)

// svgTitles reads each inline figure of a page: its role, title and
// description.
func svgTitles(t *testing.T, page string) []struct{ Role, Title, Desc string } {
	t.Helper()
	var out []struct{ Role, Title, Desc string }
	d := xml.NewDecoder(strings.NewReader(strings.TrimPrefix(page, "<!DOCTYPE html>\n")))
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "svg" {
			continue
		}
		var svg struct {
			Class string `xml:"class,attr"`
			Role  string `xml:"role,attr"`
			Title string `xml:"title"`
			Desc  string `xml:"desc"`
		}
		if err := d.DecodeElement(&svg, &se); err != nil {
			t.Fatal(err)
		}
		if svg.Class == "figure" {
			out = append(out, struct{ Role, Title, Desc string }{svg.Role, svg.Title, svg.Desc})
		}
	}
	return out
}

// Each exercise of the HTML handout has its figure beside it, named and
// described for a screen reader; the Markdown and text handouts link
// nothing and draw nothing.
func TestHandoutFigures(t *testing.T) {
	h, _ := feetHandout(t)
	var b bytes.Buffer
	if err := h.HTML(&b); err != nil {
		t.Fatal(err)
	}
	figs := svgTitles(t, b.String())
	if len(figs) != len(h.Items) {
		t.Fatalf("%d figures for %d exercises", len(figs), len(h.Items))
	}
	for i, f := range figs {
		if f.Role != "img" || f.Title != "How to do "+h.Items[i].Name || len(f.Desc) < 20 {
			t.Errorf("figure %d: %+v", i, f)
		}
	}
	if !strings.Contains(figs[1].Desc, "the right side is its mirror image") {
		t.Errorf("ankle circles, done on both sides, says %q", figs[1].Desc)
	}
	for name, s := range map[string]string{"markdown": h.Markdown(), "text": h.Text(80)} {
		for _, bad := range []string{"<svg", "<img", "](", "http://", "https://", "data:"} {
			if strings.Contains(s, bad) {
				t.Errorf("the %s handout holds %q", name, bad)
			}
		}
	}
}

// The report's ladder table draws each exercise's start and end poses.
func TestReportFigures(t *testing.T) {
	r := Build(fixtureInput(t))
	var b bytes.Buffer
	if err := r.HTML(&b, "Progress"); err != nil {
		t.Fatal(err)
	}
	figs := svgTitles(t, b.String())
	if len(figs) == 0 || len(figs) != len(r.Exercises) {
		t.Fatalf("%d figures for %d exercises", len(figs), len(r.Exercises))
	}
	// Only the ends: one arrow each.
	if n := strings.Count(b.String(), `<path stroke="#444"`); n != len(figs) {
		t.Errorf("%d arrows for %d figures of two poses", n, len(figs))
	}
}

// No figure, no drawing; a hostile name is escaped in the title.
func TestFigureHTML(t *testing.T) {
	x := &exercises.Exercise{Name: "Plain"}
	if got := figureHTML(x, 50, false); got != "" {
		t.Errorf("no figure gave %q", got)
	}
	x = &exercises.Exercise{Name: `<script>alert(1)</script> & "x"`, Summary: "Up & down.",
		Figure: &exercises.Figure{View: exercises.ViewSide, Poses: []exercises.FigurePose{
			{Joints: []exercises.JointAngle{{Name: "knee", Deg: 0}}}, {Joints: []exercises.JointAngle{{Name: "knee", Deg: 40}}}}}}
	got := string(figureHTML(x, 50, true))
	if strings.Contains(got, "<script>") || !strings.Contains(got, "&lt;script&gt;") || !strings.Contains(got, "<desc>Up &amp; down.</desc>") {
		t.Errorf("not escaped: %.300s", got)
	}
}
