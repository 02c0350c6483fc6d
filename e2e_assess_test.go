package main

// End-to-end tests of the outcome measures: the real binary in tmux, the
// way a patient does them, then the report that charts them. They use the
// helpers of e2e_test.go.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestE2EAssess runs both built-in outcome measures in a terminal, the
// home screen's offer, and the report.
func TestE2EAssess(t *testing.T) {
	bin := e2eBinary(t)

	// One person throughout: a woman of 72 this year.
	data := t.TempDir()
	born := time.Now().Year() - 72
	profile := fmt.Sprintf("name: Ann Lee\nborn: %d\nsex: F\nclinician: Dr Rao\n", born)
	if err := os.WriteFile(filepath.Join(data, "profile.yaml"), []byte(profile), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data, "notice-seen"), []byte("seen\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	t.Run("HomeOffersAndLeaves", func(t *testing.T) { e2eAssessHome(t, bin, data) })
	t.Run("ChairStand", func(t *testing.T) { e2eAssessChairStand(t, bin, data) })
	t.Run("Balance", func(t *testing.T) { e2eAssessBalance(t, bin, data) })
	t.Run("Report", func(t *testing.T) { e2eAssessReport(t, bin, data) })
}

// e2eAssessHome: the home screen offers the chair stand; m opens it, and
// leaving it records nothing and offers it still.
func e2eAssessHome(t *testing.T, bin, data string) {
	p := e2eRun(t, bin, data, 80, 30)
	p.waitFor("A check is due: 30-second chair stand")
	p.keys("m")
	scr := p.waitFor("start when you are ready, with someone beside you")
	e2eMustContain(t, scr, "30-second chair stand", "Safety")
	p.keys("Enter")
	p.waitFor("Count each stand for 30 seconds")
	p.keys("q")
	p.waitFor("Leave this test? Nothing of it is recorded until the end.")
	p.keys("y")
	p.waitFor("A check is due: 30-second chair stand")
	p.keys("q")
	p.waitFor("Leave limber?")
	p.keys("y")
	if status := p.waitExit(); status != 0 {
		t.Errorf("limber exited with status %d, want 0", status)
	}
	if recs := e2eKind(e2eReadJournal(t, data), "assessment"); len(recs) != 0 {
		t.Errorf("leaving the test recorded %s", e2eJSON(recs))
	}
}

// e2eAssessChairStand: limber assess chair-stand-30s, nine stands counted
// with space, one taken back and put again on the result screen.
func e2eAssessChairStand(t *testing.T, bin, data string) {
	p := e2eRun(t, bin, data, 80, 24, "assess", "chair-stand-30s", "--speed", "5")
	p.waitFor("start when you are ready")
	p.keys("Enter")
	p.waitFor("get ready")
	p.waitFor("seconds left") // 30 s at --speed 5: 6 s to count in
	for range 9 {
		p.keys("Space")
	}
	p.waitFor("9 stands counted")
	p.waitFor("Time is up. How many stands?")
	p.keys("Left")
	p.waitChange(p.capture())
	p.keys("Right")
	time.Sleep(100 * time.Millisecond)
	p.keys("Enter")
	scr := p.waitFor("Saved: 9 stands.")
	e2eMustContain(t, strings.Join(strings.Fields(scr), " "),
		"Below the usual range for women 70-74 (10 stands or more): talk to your therapist about fall risk.", "Norms: CDC STEADI")
	p.keys("Enter")
	if status := p.waitExit(); status != 0 {
		t.Errorf("limber exited with status %d, want 0", status)
	}
	e2eAssessRecord(t, data, "chair-stand-30s", 9)
}

// e2eAssessBalance: limber assess balance-4-stage, stages 1 and 2 held,
// stage 3 not: the test stops there.
func e2eAssessBalance(t *testing.T, bin, data string) {
	p := e2eRun(t, bin, data, 80, 24, "assess", "balance-4-stage", "--speed", "10")
	scr := p.waitFor("start when you are ready")
	e2eMustContain(t, scr, "4-stage balance test")
	p.keys("Enter")
	for stage := 1; stage <= 2; stage++ {
		p.waitFor(fmt.Sprintf("Stage %d of 4", stage))
		p.waitFor(fmt.Sprintf("Stage %d: did you hold it for the whole 10 seconds", stage))
		p.keys("y")
	}
	p.waitFor("Stage 3 of 4: Tandem")
	p.waitFor("seconds left: hold, feet still")
	p.keys("n") // the feet moved
	scr = p.waitFor("Saved: stage 2 of 4")
	e2eMustContain(t, strings.Join(strings.Fields(scr), " "),
		"Below the usual range for adults 65 and over (stage 3 or more held): talk to your therapist about fall risk.")
	p.keys("Enter")
	if status := p.waitExit(); status != 0 {
		t.Errorf("limber exited with status %d, want 0", status)
	}
	e2eAssessRecord(t, data, "balance-4-stage", 2)
}

// e2eAssessRecord checks the journal's latest record of a test: its result
// and the profile's age and sex.
func e2eAssessRecord(t *testing.T, data, test string, result int) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(data, "journal.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	last := lines[len(lines)-1]
	for _, want := range []string{`"kind":"assessment"`, `"test":"` + test + `"`, fmt.Sprintf(`"result":%d`, result), `"age":72`, `"sex":"F"`} {
		if !strings.Contains(last, want) {
			t.Errorf("the journal's last line %s lacks %s", last, want)
		}
	}
}

// e2eAssessReport: limber report charts both results against their norms.
func e2eAssessReport(t *testing.T, bin, data string) {
	cmd := exec.Command(bin, "--data-dir", data, "report")
	cmd.Env = append(os.Environ(), "COLUMNS=100")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("limber report: %v\n%s", err, out)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{
		"Ann Lee · born", "clinician Dr Rao",
		"Outcome measures, against the usual range for age and sex",
		"9 stands · below the usual range",
		"Latest: Below the usual range for women 70-74 (10 stands or more): talk to your therapist about fall risk.",
		"2 of 4 stages · below the usual range",
		"Norms: CDC STEADI, Assessment: 30-Second Chair Stand",
		"Norms: CDC STEADI, Assessment: The 4-Stage Balance Test",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
	page := filepath.Join(t.TempDir(), "report.html")
	if out, err := exec.Command(bin, "--data-dir", data, "report", "--html", page).CombinedOutput(); err != nil {
		t.Fatalf("limber report --html: %v\n%s", err, out)
	}
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(html), `<svg class="measure-chart"`); n != 2 {
		t.Errorf("the page has %d measure charts, want 2", n)
	}
}
