package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The report and the handout name the person of the profile; the handout
// has a large print for text and HTML, and not for Markdown.
func TestPapersFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	writeProfile(t, dir, "name: Ann Lee\nborn: 1954\nsex: F\nclinician: Dr Rao\n")
	if code, _, errs := limber(t, "--data-dir", dir, "log", "ankle-pumps", "--done", "10", "--effort", "2", "--pain", "1", "--baseline", "2"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := limber(t, "--data-dir", dir, "report")
	if code != 0 || !strings.Contains(out, "Ann Lee · born 1954 · clinician Dr Rao") || !strings.Contains(out, ": 1 session.") {
		t.Errorf("report: exit %d %s\n%s", code, errs, out)
	}
	code, out, _ = limber(t, "--data-dir", dir, "handout", "feet-daily", "--large")
	if code != 0 || !strings.Contains(out, "For Ann Lee · born 1954") {
		t.Errorf("handout --large: exit %d\n%s", code, out)
	}
	for _, l := range strings.Split(out, "\n") {
		if n := len([]rune(l)); n > 46 {
			t.Errorf("a large-print line of %d: %q", n, l)
		}
	}
	page := filepath.Join(t.TempDir(), "h.html")
	if code, _, errs := limber(t, "--data-dir", dir, "handout", "feet-daily", "--large", "--html", page); code != 0 {
		t.Fatal(errs)
	}
	if b, err := os.ReadFile(page); err != nil || !strings.Contains(string(b), `<body class="large">`) || !strings.Contains(string(b), "Ann Lee") {
		t.Errorf("handout --large --html: %v", err)
	}
	code, _, errs = limber(t, "--data-dir", dir, "handout", "feet-daily", "--large", "--markdown")
	if code != 2 || !strings.Contains(errs, "--large is for the printed page") {
		t.Errorf("--large --markdown: exit %d %s", code, errs)
	}
}
