package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
)

// pageGolden compares got with testdata/<TestName>.golden; go test ./report
// -update rewrites it (the flag is text_test.go's).
func pageGolden(t *testing.T, got string) {
	t.Helper()
	path := filepath.Join("testdata", t.Name()+".golden")
	if *updateGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -run %s -update)", err, t.Name())
	}
	if string(want) != got {
		a, b := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(a), len(b)) {
			var x, y string
			if i < len(a) {
				x = a[i]
			}
			if i < len(b) {
				y = b[i]
			}
			if x != y {
				t.Fatalf("%s differs from %s at line %d:\n got: %q\nwant: %q\n(run go test ./report -run %s -update if the change is meant)",
					t.Name(), path, i+1, x, y, t.Name())
			}
		}
	}
}

// wellFormed decodes the page as strict XML to its end.
func wellFormed(t *testing.T, page string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(page))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			line := d.InputPos
			l, c := line()
			t.Fatalf("not well-formed XML at %d:%d: %v", l, c, err)
		}
	}
}

// selfContained checks what a printable page must and must not hold.
func selfContained(t *testing.T, page string) {
	t.Helper()
	for _, want := range []string{"<!DOCTYPE html>", `<meta charset="utf-8"/>`, "@page", "size: A4", "@media print", "break-inside: avoid"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	low := strings.ToLower(page)
	for _, bad := range []string{"<script", "http://", "https://", "src=", "<link", "@import", "<img", "<iframe"} {
		if strings.Contains(low, bad) {
			t.Errorf("page holds %q: it must be self-contained", bad)
		}
	}
}

func fixtureReportHTML(t *testing.T) string {
	t.Helper()
	var b bytes.Buffer
	if err := Build(fixtureInput(t)).HTML(&b, "Progress report"); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestReportHTML(t *testing.T) {
	page := fixtureReportHTML(t)
	pageGolden(t, page)
}

func TestReportHTMLStructure(t *testing.T) {
	page := fixtureReportHTML(t)
	wellFormed(t, page)
	selfContained(t, page)
	if n := strings.Count(page, "<svg"); n < 3 {
		t.Errorf("%d <svg> elements, want the pain chart, the calendar and the ladder bars", n)
	}
	// The parts come in the order the therapist reads them.
	order := []string{
		"<h1>Progress report</h1>",
		`<p class="person">Ann Lee · born 1954 · clinician Dr Rao</p>`,
		"Period covered: 19 Jan 2026 to 5 Mar 2026",
		"Sessions done: ",
		"Generated 5 Mar 2026",
		"limber supports, and does not replace, the clinician's judgement.",
		"Flags to review",
		"Waiting for you to open the next level",
		"Outcome measures",
		`<svg class="measure-chart"`,
		`<svg class="pain"`,
		`<svg class="calendar"`,
		"Each exercise on its ladder",
		`<svg class="bar"`,
	}
	at := 0
	for _, s := range order {
		i := strings.Index(page[at:], s)
		if i < 0 {
			t.Fatalf("%q missing, or out of order", s)
		}
		at += i
	}
	for _, want := range []string{
		"Stopped for pain", "Red flag", "Pain not settled next morning", "Foot problem",
		"a fall since the last session", "a new wound, blister or sore on a foot",
		"below the usual range for women 70-74 (10 stands or more)", "Latest: In the usual range for women 70-74 (10 stands or more).",
		"Latest: Below the usual range for adults 65 and over (stage 3 or more held): talk to your therapist about fall risk.",
		"Therapist's note, 4 Mar 2026: Easier until the heel pain settles; see 10 Mar.",
		`content: "Ann Lee · born 1954 · clinician Dr Rao"`, `counter(pages)`,
		">0</text>", ">5</text>", ">10</text>", "average ", "6/7", "2/3", "↑", "↓", "rung ",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "No safety flags") {
		t.Error(`"No safety flags" on a journal with flags`)
	}
	// 84 days: one cell each.
	if n := strings.Count(page, "no session</title>") + strings.Count(page, ": done (") +
		strings.Count(page, "still to come") + strings.Count(page, "before the first session</title>"); n < Weeks*7 {
		t.Errorf("%d day cells, want %d", n, Weeks*7)
	}
}

func TestReportHTMLEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := Build(emptyInput(t)).HTML(&b, "Nothing yet"); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	wellFormed(t, page)
	selfContained(t, page)
	for _, want := range []string{"No safety flags in the last 12 weeks.", "No pain recorded yet.", "No sessions in these 12 weeks.", "No exercise done yet.", "no sessions yet"} {
		if !strings.Contains(page, want) {
			t.Errorf("empty report lacks %q", want)
		}
	}
}

// hostileLib is valid content whose text would be markup if not escaped.
const hostileLib = `category: rom
exercises:
  - id: toe-taps
    name: 'Toe <b>&"taps'
    summary: 'Tap <script>x</script> & go'
    safety: ['Careful <b>&"here']
    steps: ['Tap <i>lightly</i>']
    cues: ['Cue <b>&"']
    equipment: ['Chair <b>&"']
    dose: {kind: reps, sets: 1, reps: 10, source: 'Dose <b>&"source'}
    levels: ['Level <b>&"one', 'Level two']
    source: 'Src <b>&"'
routines:
  - id: hostile
    name: 'Routine <b>&"one'
    summary: 'Summary <b>&"'
    before: ['Before <b>&"']
    after: ['After <b>&"']
    exercises: [toe-taps]
    source: 'Routine <b>&"source'
`

func hostile(t *testing.T) (*exercises.Library, *coach.Progress, *exercises.Routine) {
	t.Helper()
	lib, errs := exercises.Load(exercises.Source{FS: fstest.MapFS{"h.yaml": {Data: []byte(hostileLib)}}, Root: ".", Label: "h"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	rt, _ := lib.Routine("hostile")
	at := fixtureNow.Add(-24 * time.Hour)
	b, pain := 1, 8
	rung := exercises.Rung{Sets: 1, Level: 1, Value: 10}
	recs := []journal.Record{
		{Kind: journal.KindSessionStart, At: at, Session: "s1", Routine: "hostile", Baseline: &b},
		{Kind: journal.KindSet, At: at, Session: "s1", Routine: "hostile", Exercise: "toe-taps", Set: 1, Rung: &rung, Target: 10, Achieved: 10, Effort: 3},
		{Kind: journal.KindExerciseEnd, At: at, Session: "s1", Routine: "hostile", Exercise: "toe-taps", Pain: &pain, Stopped: true},
		{Kind: journal.KindSessionEnd, At: at, Session: "s1", Routine: "hostile", Outcome: "stopped"},
	}
	return lib, coach.Replay(lib, recs), rt
}

func TestHTMLEscapesLibraryText(t *testing.T) {
	lib, p, rt := hostile(t)
	var rep, ho bytes.Buffer
	if err := Build(Input{Lib: lib, Progress: p, Now: fixtureNow}).HTML(&rep, `Report <b>&"`); err != nil {
		t.Fatal(err)
	}
	if err := NewHandout(lib, p, rt, fixtureNow).HTML(&ho); err != nil {
		t.Fatal(err)
	}
	for name, page := range map[string]string{"report": rep.String(), "handout": ho.String()} {
		t.Run(name, func(t *testing.T) {
			wellFormed(t, page)
			selfContained(t, page)
			for _, bad := range []string{"<b>", "<i>", `<script>`, `&"`} {
				if strings.Contains(page, bad) {
					t.Errorf("%s reached the page unescaped", bad)
				}
			}
			if !strings.Contains(page, "Toe &lt;b&gt;&amp;&#34;taps") {
				t.Error("the exercise name is not on the page, escaped")
			}
		})
	}
	// The safety step-down and the stop both name the exercise.
	if n := strings.Count(rep.String(), "Toe &lt;b&gt;&amp;&#34;taps"); n < 3 {
		t.Errorf("exercise name escaped %d times in the report, want flags and ladder", n)
	}
}

func TestHTMLCleansControlCharacters(t *testing.T) {
	lib, p, _ := hostile(t)
	r := Build(Input{Lib: lib, Progress: p, Now: fixtureNow})
	// Validation refuses such text; the page must still never carry it.
	r.Flags = append(r.Flags, coach.Flag{At: fixtureNow, Kind: "stop", Exercise: "toe-taps", Reason: "bell\x07 and \x1b[31mred\u202e"})
	var b bytes.Buffer
	if err := r.HTML(&b, "T\x1b]0;x\x07"); err != nil {
		t.Fatal(err)
	}
	if s := b.String(); strings.ContainsAny(s, "\x07\x1b\u202e") {
		t.Error("a control character reached the page")
	}
	wellFormed(t, b.String())
}

func TestReportHTMLOneSession(t *testing.T) {
	lib, p, _ := hostile(t)
	var b bytes.Buffer
	if err := Build(Input{Lib: lib, Progress: p, Now: fixtureNow}).HTML(&b, "One"); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{"the last 1 check-in,", "Sessions done: 1 ", "no full week yet", "1/7", "No moves yet", "rung 1 of 12"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "1 sessions") {
		t.Error(`"1 sessions"`)
	}
}
