package report

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// updateGolden rewrites golden files: go test ./report -update.
var updateGolden = flag.Bool("update", false, "rewrite golden files")

// goldenFile compares got with testdata/<name>.golden; -update rewrites it.
func goldenFile(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *updateGolden {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from its golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestReportText(t *testing.T) {
	r := Build(fixtureInput(t))
	for _, w := range []int{56, 60, 80, 120} {
		got := r.Text(w)
		for _, l := range strings.Split(got, "\n") {
			if n := len([]rune(l)); n > w {
				t.Errorf("a line of %d characters at width %d: %q", n, w, l)
			}
		}
		if w >= 80 {
			goldenFile(t, "report-text-"+map[int]string{80: "80", 120: "120"}[w], got)
		}
	}
}

func TestBraille(t *testing.T) {
	got := strings.Join(Braille([]int{0, 10}, 10, 2, 1), "|")
	if got != "⣀⠔⠁"[:len("⣀⠔")] && got == "" {
		t.Fatal("empty")
	}
	// A rising line from bottom-left to top-right fills both corners.
	rows := Braille([]int{0, 10}, 10, 2, 2)
	if r := []rune(rows[1]); r[0]&0x40 == 0 {
		t.Errorf("bottom-left dot missing: %q", rows)
	}
	if r := []rune(rows[0]); r[1]&0x08 == 0 {
		t.Errorf("top-right dot missing: %q", rows)
	}
	flat := Braille([]int{5, 5, 5}, 10, 3, 1)
	if len([]rune(flat[0])) != 3 {
		t.Errorf("width: %q", flat)
	}
	if Bar(5, 10, 10) != "▕█████░░░░░▏" || Bar(0, 10, 4) != "▕░░░░▏" {
		t.Errorf("bars: %s %s", Bar(5, 10, 10), Bar(0, 10, 4))
	}
}

func TestReportEmpty(t *testing.T) {
	r := Build(emptyInput(t))
	if got := r.Text(80); !strings.Contains(got, "Nothing recorded yet") {
		t.Errorf("empty report: %q", got)
	}
}
