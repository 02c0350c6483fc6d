package figure_test

import (
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"limber/content"
	"limber/exercises"
	"limber/figure"
	"limber/figure/braille"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func exercise(t testing.TB, id string) *exercises.Exercise {
	t.Helper()
	lib, errs := exercises.Load(exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	x, ok := lib.Exercise(id)
	if !ok || x.Figure == nil {
		t.Fatalf("no figure for %s", id)
	}
	return x
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
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
		t.Fatalf("%v (run go test ./figure -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from its golden file:\n got:\n%s\nwant:\n%s", name, got, want)
	}
}

// The SVG is well-formed XML, names itself for screen readers with a
// title and a description (escaped), and draws each pose with an arrow
// between one and the next.
func TestSVG(t *testing.T) {
	x := exercise(t, "tendon-gliding")
	f := figure.New(x.Figure)
	s := f.SVG(figure.SVGOptions{Title: `Tendon <gliding> & "more"`, Desc: figure.Alt(x), Height: 100})
	var root struct {
		XMLName xml.Name
		Role    string `xml:"role,attr"`
		Width   string `xml:"width,attr"`
		Title   string `xml:"title"`
		Desc    string `xml:"desc"`
		G       struct {
			Paths []struct {
				D string `xml:"d,attr"`
			} `xml:"path"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal([]byte(s), &root); err != nil {
		t.Fatalf("not XML: %v\n%s", err, s)
	}
	if root.XMLName.Local != "svg" || root.Role != "img" {
		t.Errorf("root %v role %q", root.XMLName, root.Role)
	}
	if root.Title != `Tendon <gliding> & "more"` || !strings.Contains(s, "<title>Tendon &lt;gliding&gt; &amp; &quot;more&quot;</title>") {
		t.Errorf("title %q in %s", root.Title, s[:200])
	}
	if !strings.HasPrefix(root.Desc, "Five hand shapes") {
		t.Errorf("desc %q", root.Desc)
	}
	arrows := 0
	for _, p := range root.G.Paths {
		if strings.Count(p.D, "M") == 2 && strings.Contains(p.D, "H") {
			arrows++
		}
	}
	if n := f.Poses(); n != 5 || arrows != n-1 {
		t.Errorf("%d poses, %d arrows", n, arrows)
	}
	if strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
		t.Error("a coordinate is not a number")
	}
	// A figure's width follows its height and its shape.
	wide := figure.New(exercise(t, "heel-raises").Figure).SVG(figure.SVGOptions{Height: 100})
	if !strings.Contains(wide, `height="100"`) {
		t.Errorf("height: %s", wide[:150])
	}
}

// Goldens of a few figures, as SVG and in braille at the sizes the coach
// uses, so that a change to the drawing is seen.
func TestGoldens(t *testing.T) {
	for _, id := range []string{"heel-raises", "tendon-gliding", "tandem-stance"} {
		x := exercise(t, id)
		f := figure.New(x.Figure)
		golden(t, id+".svg", f.SVG(figure.SVGOptions{Title: x.Name, Desc: figure.Alt(x), Height: 120})+"\n")
		var b strings.Builder
		for _, rows := range []int{8, 16} {
			for _, side := range []figure.Side{figure.Left, figure.Right} {
				cols, r := braille.Fit(f, side, 40, rows)
				var blocks [][]string
				for i := range f.Poses() {
					blocks = append(blocks, braille.Render(f, f.PoseAt(i), side, cols, r))
				}
				b.WriteString(strings.Join(braille.Join(3, blocks...), "\n") + "\n\n")
			}
		}
		golden(t, id+".braille", b.String())
	}
}

func BenchmarkSVG(b *testing.B) {
	f := figure.New(exercise(b, "sit-to-stand").Figure)
	b.ReportAllocs()
	for b.Loop() {
		_ = f.SVG(figure.SVGOptions{Title: "Sit to stand", Height: 120})
	}
}

func BenchmarkBraille(b *testing.B) {
	for _, c := range []struct {
		id         string
		cols, rows int
	}{{"heel-raises", 16, 8}, {"sit-to-stand", 32, 16}, {"tendon-gliding", 12, 8}} {
		f := figure.New(exercise(b, c.id).Figure)
		b.Run(c.id, func(b *testing.B) {
			cv := braille.New(f, figure.Left, c.cols, c.rows)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				_ = cv.Draw(float64(i%10) / 9)
				i++
			}
		})
	}
}

func BenchmarkDraw(b *testing.B) {
	f := figure.New(exercise(b, "sit-to-stand").Figure)
	var d figure.Drawing
	b.ReportAllocs()
	for b.Loop() {
		f.DrawInto(&d, 0.4, figure.Right)
	}
}
