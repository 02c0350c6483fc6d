package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"limber/exercises"
)

func feetHandout(t *testing.T) (*Handout, *exercises.Routine) {
	t.Helper()
	lib, _, p := fixture(t)
	rt, ok := lib.Routine("feet-daily")
	if !ok {
		t.Fatal("no feet-daily routine")
	}
	h := NewHandout(lib, p, rt, fixtureNow)
	h.Person = PersonOf(fixtureProfile)
	return h, rt
}

// flat joins wrapped text back into single-spaced words.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestHandoutText(t *testing.T) {
	h, _ := feetHandout(t)
	pageGolden(t, h.Text(80))
}

func TestHandoutMarkdown(t *testing.T) {
	h, _ := feetHandout(t)
	pageGolden(t, h.Markdown())
}

func TestHandoutHTML(t *testing.T) {
	h, _ := feetHandout(t)
	var b bytes.Buffer
	if err := h.HTML(&b); err != nil {
		t.Fatal(err)
	}
	pageGolden(t, b.String())
}

func TestHandoutHoldsEveryExercise(t *testing.T) {
	h, rt := feetHandout(t)
	if len(h.Items) != len(rt.Items) {
		t.Fatalf("%d items for %d exercises", len(h.Items), len(rt.Items))
	}
	var b bytes.Buffer
	if err := h.HTML(&b); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	wellFormed(t, page)
	selfContained(t, page)
	text, md := flat(h.Text(80)), h.Markdown()
	for i, it := range h.Items {
		if it.ID != rt.Items[i].ID {
			t.Errorf("item %d is %s, want %s", i, it.ID, rt.Items[i].ID)
		}
		if len(it.Safety) == 0 || len(it.Steps) == 0 || it.DoseText == "" || len(it.Sources) == 0 {
			t.Errorf("%s: missing safety, steps, dose or source: %+v", it.ID, it)
		}
		for _, s := range append([]string{it.Name, it.DoseText}, it.Safety...) {
			if !strings.Contains(text, flat(s)) {
				t.Errorf("text lacks %q", s)
			}
			if !strings.Contains(md, handoutMD(s)) {
				t.Errorf("markdown lacks %q", s)
			}
			if !strings.Contains(page, strings.ReplaceAll(s, "'", "&#39;")) {
				t.Errorf("HTML lacks %q", s)
			}
		}
	}
	for _, want := range []string{"Safety:", "Before you start", "When you finish", "Stop and rest if you feel chest pain, faintness or sharp pain", "Made on 5 Mar 2026"} {
		if !strings.Contains(text, want) || !strings.Contains(md, want) || !strings.Contains(page, strings.ReplaceAll(want, "'", "&#39;")) {
			t.Errorf("a rendering lacks %q", want)
		}
	}
	for _, s := range append(h.Before, h.After...) {
		if !strings.Contains(text, flat(s)) {
			t.Errorf("text lacks %q", s)
		}
	}

	// One tick row per exercise, seven boxes each, in every rendering.
	var textRows, mdRows int
	for _, l := range strings.Split(h.Text(80), "\n") {
		if strings.HasSuffix(strings.TrimRight(l, " "), strings.TrimRight(strings.Repeat("[ ]  ", 7), " ")) {
			textRows++
		}
	}
	for _, l := range strings.Split(md, "\n") {
		if strings.Count(l, "☐") == 7 {
			mdRows++
		}
	}
	if rows, boxes := tickRows(t, page); rows != len(h.Items) || boxes != 7*len(h.Items) {
		t.Errorf("HTML tick grid: %d rows, %d boxes, want %d rows of 7", rows, boxes, len(h.Items))
	}
	if textRows != len(h.Items) || mdRows != len(h.Items) {
		t.Errorf("tick rows: text %d, markdown %d, want %d", textRows, mdRows, len(h.Items))
	}
}

// tickRows counts the rows and empty boxes in the body of the tick table.
func tickRows(t *testing.T, page string) (rows, boxes int) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(page))
	in, body := false, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			class := ""
			for _, a := range el.Attr {
				if a.Name.Local == "class" {
					class = a.Value
				}
			}
			switch {
			case el.Name.Local == "table" && class == "ticks":
				in = true
			case in && el.Name.Local == "tbody":
				body = true
			case body && el.Name.Local == "tr":
				rows++
			case body && el.Name.Local == "td" && class == "box":
				boxes++
			}
		case xml.EndElement:
			if el.Name.Local == "table" {
				in, body = false, false
			}
		}
	}
}

func TestHandoutTextWidth(t *testing.T) {
	h, _ := feetHandout(t)
	for _, w := range []int{30, 40, 60, 80, 120} {
		for _, l := range strings.Split(h.Text(w), "\n") {
			if n := len([]rune(l)); n > w {
				t.Errorf("width %d: a line of %d: %q", w, n, l)
			}
		}
	}
}

func TestHandoutFollowsTheJournal(t *testing.T) {
	h, rt := feetHandout(t)
	lib, _, p := fixture(t)
	// The journal has moved every exercise on from the routine's start.
	moved := 0
	for i, it := range h.Items {
		if it.Dose.Rung() != rt.Items[i].Start.Rung() {
			moved++
		}
		want := p.PlanExercise(mustExercise(t, lib, it.ID), rt.Items[i].Start)
		if it.Dose != want.Dose {
			t.Errorf("%s: handout %v, plan %v", it.ID, it.Dose.Rung(), want.Dose.Rung())
		}
	}
	if moved == 0 {
		t.Error("no exercise moved from its starting dose: the handout ignores the journal")
	}
}

func mustExercise(t *testing.T, lib *exercises.Library, id string) *exercises.Exercise {
	t.Helper()
	e, ok := lib.Exercise(id)
	if !ok {
		t.Fatalf("no exercise %s", id)
	}
	return e
}

func TestHandoutMarkdownEscapes(t *testing.T) {
	lib, p, rt := hostile(t)
	md := NewHandout(lib, p, rt, fixtureNow).Markdown()
	if strings.Contains(md, "<b>") || strings.Contains(md, "<script>") {
		t.Errorf("markup reached the Markdown:\n%s", md)
	}
	if !strings.Contains(md, `Toe \<b\>\&"taps`) {
		t.Errorf("the name is not escaped as expected:\n%s", md)
	}
}
