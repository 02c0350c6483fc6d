package main

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// limber figures draws every built-in exercise, in braille on the terminal
// and as SVG on a page, and says how many have no figure.
func TestFiguresCommand(t *testing.T) {
	code, out, errs := limber(t, "figures")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasSuffix(out, "64 exercises, 0 without a figure.\n") || !strings.Contains(out, "Tendon gliding  (tendon-gliding)  hand view") {
		t.Errorf("the sheet ends %q", out[max(0, len(out)-200):])
	}
	if !strings.ContainsRune(out, '⣿') && !strings.ContainsAny(out, "⠁⠂⠄⡀⢀") {
		t.Error("no braille on the sheet")
	}

	page := filepath.Join(t.TempDir(), "sheet.html")
	code, out, errs = limber(t, "figures", "--html", page, "heel-raises", "tendon-gliding")
	if code != 0 || errs != "" || !strings.Contains(out, "Wrote ") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	html := string(data)
	if n := strings.Count(html, `<svg class="figure"`); n != 2 {
		t.Errorf("%d figures on a sheet of two exercises", n)
	}
	for _, want := range []string{"Heel raises", "Rise slowly up onto your toes", "Five hand shapes from the side", `role="img"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the sheet lacks %q", want)
		}
	}
	if strings.Contains(html, "http://") || strings.Contains(html, "https://") {
		t.Error("the sheet links out")
	}
	// Well-formed, so that a test or a tool can read it.
	d := xml.NewDecoder(strings.NewReader(strings.TrimPrefix(html, "<!DOCTYPE html>\n")))
	d.Strict = true
	for {
		if _, err := d.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed: %v", err)
			}
			break
		}
	}

	code, _, errs = limber(t, "figures", "heel-raise")
	if code != 1 || !strings.Contains(errs, `no exercise has the id "heel-raise"; did you mean "heel-raises"?`) {
		t.Errorf("exit %d: %s", code, errs)
	}
}
