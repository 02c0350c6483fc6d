package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"limber/journal"
)

func writeProfile(t *testing.T, dir, yaml string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "profile.yaml"), []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
}

func readAssessments(t *testing.T, dir string) []journal.Record {
	t.Helper()
	recs, warns, err := journal.Read(filepath.Join(dir, "journal.jsonl"))
	if err != nil || len(warns) > 0 {
		t.Fatal(err, warns)
	}
	var out []journal.Record
	for _, r := range recs {
		if r.Kind == journal.KindAssessment {
			out = append(out, r)
		}
	}
	return out
}

// --result records a result measured elsewhere, with the profile's age (as
// of --at) and sex, and reads it against the norm.
func TestAssessResult(t *testing.T) {
	dir := t.TempDir()
	writeProfile(t, dir, "name: Ann Lee\nborn: 1954\nsex: F\n")
	code, out, errs := limber(t, "--data-dir", dir, "assess", "chair-stand-30s", "--result", "9", "--at", "2026-03-02T10:00:00Z")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Recorded 30-second chair stand on ", ": 9 stands.",
		"Below the usual range for women 70-74 (10 stands or more): talk to your therapist about fall risk.", "Norms: CDC STEADI"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = limber(t, "--data-dir", dir, "assess", "chair-stand-30s", "--result", "10", "--at", "2026-03-03T10:00:00Z")
	if code != 0 || !strings.Contains(out, "In the usual range for women 70-74 (10 stands or more).") {
		t.Errorf("at the norm: exit %d\n%s", code, out)
	}
	recs := readAssessments(t, dir)
	if len(recs) != 2 || *recs[0].Assessed != (journal.Assessed{Test: "chair-stand-30s", Result: 9, Age: 72, Sex: "F"}) || recs[0].At.Format("2006-01-02") != "2026-03-02" {
		t.Fatalf("records %+v", recs)
	}
	// The list reads the last result and says when the test is due.
	code, out, _ = limber(t, "--data-dir", dir, "assess")
	if code != 0 || !strings.Contains(out, "chair-stand-30s") || !strings.Contains(out, "last 10 stands on 3 Mar 2026") ||
		!strings.Contains(out, "balance-4-stage") || !strings.Contains(out, "never done") {
		t.Errorf("list: exit %d\n%s", code, out)
	}
}

// The result's range at its ends and one past each.
func TestAssessResultRange(t *testing.T) {
	for _, c := range []struct {
		test, result string
		code         int
	}{
		{"balance-4-stage", "-1", 1}, {"balance-4-stage", "0", 0}, {"balance-4-stage", "4", 0}, {"balance-4-stage", "5", 1},
		{"chair-stand-30s", "-1", 1}, {"chair-stand-30s", "0", 0}, {"chair-stand-30s", "1000", 0}, {"chair-stand-30s", "1001", 1},
	} {
		dir := t.TempDir()
		code, _, errs := limber(t, "--data-dir", dir, "assess", c.test, "--result", c.result)
		if code != c.code {
			t.Errorf("%s --result %s: exit %d, want %d (%s)", c.test, c.result, code, c.code, errs)
		}
		if n := len(readAssessments(t, dir)); (c.code == 0) != (n == 1) {
			t.Errorf("%s --result %s: %d records", c.test, c.result, n)
		}
		if c.code == 1 && !strings.Contains(errs, "is out of range for "+c.test) {
			t.Errorf("%s --result %s: %s", c.test, c.result, errs)
		}
	}
}

func TestAssessUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"assess", "chair-stand-30s"}, 1, "limber: limber assess chair-stand-30s runs the test on screen and needs a terminal; to record a result measured elsewhere, add --result N"},
		{[]string{"assess", "chair-stand-3s"}, 1, `limber: no assessment has the id "chair-stand-3s"; did you mean "chair-stand-30s"?`},
		{[]string{"assess", "grip"}, 1, `limber: no assessment has the id "grip"; limber assess lists them`},
		{[]string{"assess", "--result", "3"}, 2, "limber: --result and --at record one TEST, such as: limber assess chair-stand-30s --result 11"},
		{[]string{"assess", "chair-stand-30s", "--at", "2026-03-01"}, 2, "limber: --at goes with --result: limber assess chair-stand-30s --result N --at TIME"},
		{[]string{"assess", "a", "b"}, 2, "limber: assess takes at most one TEST id; limber assess lists them"},
		{[]string{"assess", "chair-stand-30s", "--result", "x"}, 2, `limber: --result "x" is not a whole number; run limber assess --help`},
		{[]string{"assess", "chair-stand-30s", "--result", "3", "--at", "soon"}, 1, `limber: --at "soon" is not a time; use 2026-01-05T09:00:00Z or 2026-01-05`},
	} {
		code, _, errs := limber(t, append([]string{"--data-dir", t.TempDir()}, c.args...)...)
		if code != c.code || strings.TrimSpace(errs) != c.err {
			t.Errorf("limber %v: exit %d %q, want %d %q", c.args, code, errs, c.code, c.err)
		}
	}
}

// A profile with errors is named on stderr and left out; the result is
// still recorded, without age and sex.
func TestAssessWithABadProfile(t *testing.T) {
	dir := t.TempDir()
	writeProfile(t, dir, "born: 1800\n")
	code, out, errs := limber(t, "--data-dir", dir, "assess", "chair-stand-30s", "--result", "12")
	if code != 0 || !strings.Contains(errs, "profile.yaml:1:7: born") || !strings.Contains(errs, "the profile was left out") ||
		!strings.Contains(out, "No comparison yet") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	if r := readAssessments(t, dir); len(r) != 1 || r[0].Assessed.Age != 0 || r[0].Assessed.Sex != "" {
		t.Errorf("records %+v", r)
	}
}
