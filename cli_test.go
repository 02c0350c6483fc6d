package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// limber runs the command line in-process and returns its exit code and
// output.
func limber(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestExitCodesAndUsage(t *testing.T) {
	cases := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"validate"}, 0, ""},
		{[]string{"lsit"}, 2, `limber: unknown command "lsit"; did you mean "list"?; run limber --help`},
		{[]string{"list", "--colour"}, 2, "limber: unknown flag --colour; run limber list --help"},
		{[]string{"list", "--category", "yoga"}, 1, `limber: --category "yoga" is not one of rom, stretching, strengthening, balance, sensory`},
		{[]string{"plan"}, 2, "limber: plan takes one ROUTINE, or --exercise ID"},
		{[]string{"plan", "feet-dialy"}, 1, `limber: no routine has the id "feet-dialy"; did you mean "feet-daily"?`},
		{[]string{"validate", "testdata/cli/bad.yaml"}, 1, ""},
		{[]string{"handout"}, 2, "limber: handout takes one ROUTINE id; limber list shows them"},
	}
	for _, c := range cases {
		code, _, stderr := limber(t, append([]string{"--data-dir", t.TempDir()}, c.args...)...)
		if code != c.code {
			t.Errorf("limber %v: exit %d, want %d (%s)", c.args, code, c.code, stderr)
		}
		if c.err != "" && strings.TrimSpace(stderr) != c.err {
			t.Errorf("limber %v: stderr %q, want %q", c.args, stderr, c.err)
		}
		if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
			t.Errorf("limber %v: a stack trace: %s", c.args, stderr)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	code, out, _ := limber(t, "--help")
	if code != 0 || !strings.Contains(out, "limber validate [PATH...]") || !strings.Contains(out, "does not replace") {
		t.Errorf("--help: %d %s", code, out)
	}
	for _, c := range newRootCmd(&env{}).Commands() {
		if !c.Hidden && !strings.Contains(out, "\n  limber "+c.Name()) {
			t.Errorf("--help does not list %s", c.Name())
		}
	}
	for _, cmd := range []string{"list", "validate", "tips", "plan", "log", "adjust", "history", "run", "demo", "report", "handout"} {
		code, out, _ := limber(t, cmd, "--help")
		if code != 0 || !strings.Contains(out, "Usage: limber "+cmd) || !strings.Contains(out, "-library") {
			t.Errorf("%s --help: %d %s", cmd, code, out)
		}
	}
	if code, out, _ := limber(t, "--version"); code != 0 || !strings.HasPrefix(out, "limber ") {
		t.Errorf("--version: %d %q", code, out)
	}
}

func TestValidateReportsPlaceAndCount(t *testing.T) {
	code, out, stderr := limber(t, "validate", "testdata/cli/bad.yaml")
	want := "testdata/cli/bad.yaml:6:25: exercises[0].progression.hold: the starting hold 12s is not on the grid 10s, 15s, … by 5s\n" +
		"1 files: 0 exercises, 0 routines, 0 tips; 1 error(s)\n"
	if code != 1 || stderr != want || out != "" {
		t.Errorf("exit %d\nstderr %q\nwant   %q", code, stderr, want)
	}
	code, out, _ = limber(t, "validate")
	if code != 0 || !strings.HasSuffix(out, "; all valid\n") {
		t.Errorf("built-in: %d %q", code, out)
	}
	// A user library replacing a built-in exercise is reported, not refused.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte("category: rom\nexercises:\n  - {id: ankle-pumps, name: My ankle pumps, dose: {kind: reps, reps: 12}}\n"), 0o644)
	code, out, _ = limber(t, "--library", dir, "validate")
	if code != 0 || !strings.Contains(out, `mine.yaml:3:5: exercise "ankle-pumps" replaces the one from built-in (note)`) {
		t.Errorf("override: %d %q", code, out)
	}
}

func TestListJSON(t *testing.T) {
	code, out, _ := limber(t, "list", "--json", "--category", "balance")
	var got struct {
		Exercises []struct {
			ID, Name, Category, Kind, Origin string
			Levels                           []string
		}
		Routines []struct {
			ID, Name, Frequency string
			Exercises           []string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
		t.Fatalf("%d %v", code, err)
	}
	if len(got.Exercises) < 8 || len(got.Routines) < 5 {
		t.Fatalf("%d exercises, %d routines", len(got.Exercises), len(got.Routines))
	}
	for _, x := range got.Exercises {
		if x.Category != "balance" || x.Origin != "built-in" || x.Kind == "" || x.Levels == nil {
			t.Errorf("exercise %+v", x)
		}
	}
	// Flags after the positional argument work as well as before.
	c1, o1, _ := limber(t, "--category", "sensory", "list")
	c2, o2, _ := limber(t, "list", "--category", "sensory")
	if c1 != 0 || o1 != o2 || c2 != 0 {
		t.Error("flag position changed the output")
	}
}

func TestLogPlanAdjustHistory(t *testing.T) {
	dir := t.TempDir()
	d := func(args ...string) (int, string, string) {
		return limber(t, append([]string{"--data-dir", dir}, args...)...)
	}
	journal := filepath.Join(dir, "journal.jsonl")
	// Bad values: exit 1, nothing written.
	for _, bad := range [][]string{
		{"log", "heel-raises", "--done", "8", "--effort", "7", "--pain", "1"},
		{"log", "heel-raises", "--done", "8", "--effort", "2", "--pain", "-1"},
		{"log", "heel-raises", "--done", "8,x", "--effort", "2", "--pain", "1"},
		{"log", "no-such", "--done", "8", "--effort", "2", "--pain", "1"},
		{"log", "heel-raises", "--done", "8", "--effort", "2", "--pain", "1", "--at", "yesterday"},
		{"adjust", "heel-raises", "--reps", "99"},
		{"adjust", "heel-raises", "--hold", "10"},
	} {
		if code, _, stderr := d(bad...); code != 1 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", bad, code, stderr)
		}
		if _, err := os.Stat(journal); err == nil {
			t.Fatalf("%v wrote the journal", bad)
		}
	}
	// Two easy sessions move heel raises up one rung.
	code, out, _ := d("log", "heel-raises", "--done", "8", "--effort", "2", "--pain", "1", "--at", "2026-01-05")
	if code != 0 || !strings.Contains(out, "An easy session (1 of 2 in a row to move up)") {
		t.Fatalf("log 1: %d %s", code, out)
	}
	code, out, _ = d("--at", "2026-01-06T09:00:00Z", "--done", "8", "--effort", "1", "--pain", "0", "log", "heel-raises")
	if code != 0 || !strings.Contains(out, "2 easy sessions in a row: up to level 1 (Two hands on the counter), 1 × 9 reps for heel raises.") {
		t.Fatalf("log 2: %d %s", code, out)
	}
	code, out, _ = d("plan", "--exercise", "heel-raises", "--json")
	var plan []map[string]any
	if err := json.Unmarshal([]byte(out), &plan); code != 0 || err != nil || len(plan) != 1 {
		t.Fatalf("plan: %d %v %s", code, err, out)
	}
	if plan[0]["reps"] != 9.0 || plan[0]["level"] != 1.0 || plan[0]["sets"] != 1.0 || plan[0]["level_name"] != "Two hands on the counter" {
		t.Errorf("plan: %v", plan[0])
	}
	code, out, _ = d("adjust", "heel-raises", "--level", "2", "--reps", "10")
	if code != 0 || !strings.Contains(out, "now level 2") {
		t.Fatalf("adjust: %d %s", code, out)
	}
	code, out, _ = d("plan", "feet-daily", "--json")
	if err := json.Unmarshal([]byte(out), &plan); code != 0 || err != nil || len(plan) < 5 {
		t.Fatalf("plan routine: %d %v", code, err)
	}
	// history --csv round-trips through encoding/csv, one row per set.
	code, out, _ = d("history", "--csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != 3 {
		t.Fatalf("csv: %d %v %d rows\n%s", code, err, len(rows), out)
	}
	if strings.Join(rows[0], ",") != "date,session,routine,exercise,set,side,level,target,achieved,effort,pain" ||
		rows[2][3] != "heel-raises" || rows[2][8] != "8" || rows[2][9] != "1" || rows[2][10] != "0" {
		t.Errorf("csv rows: %v", rows)
	}
	code, out, _ = d("history", "--json")
	var hist []map[string]any
	if err := json.Unmarshal([]byte(out), &hist); code != 0 || err != nil || len(hist) != 2 {
		t.Fatalf("history json: %d %v", code, err)
	}
}

func TestTornJournalLineIsNamed(t *testing.T) {
	dir := t.TempDir()
	if code, _, _ := limber(t, "--data-dir", dir, "log", "ankle-pumps", "--done", "10", "--effort", "3", "--pain", "0"); code != 0 {
		t.Fatal("log failed")
	}
	f, _ := os.OpenFile(filepath.Join(dir, "journal.jsonl"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"v":1,"kind":"set","at":"2026-01-0`)
	f.Close()
	code, out, stderr := limber(t, "--data-dir", dir, "history", "--csv")
	if code != 0 || !strings.Contains(stderr, "journal.jsonl:5:") || strings.Count(out, "\n") != 2 {
		t.Errorf("exit %d\nstderr %q\nout %q", code, stderr, out)
	}
}
