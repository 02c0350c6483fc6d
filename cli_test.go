package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
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
	// Two easy sessions move heel raises up one rung once the rung has
	// been held a week (min_days 7, Otago): reps stay at 10, so the next
	// rung is the next level.
	code, out, _ := d("log", "heel-raises", "--done", "10", "--effort", "2", "--pain", "1", "--at", "2026-01-05")
	if code != 0 || !strings.Contains(out, "An easy session (1 of 2 in a row to move up)") {
		t.Fatalf("log 1: %d %s", code, out)
	}
	code, out, _ = d("--at", "2026-01-06T09:00:00Z", "--done", "10", "--effort", "1", "--pain", "0", "log", "heel-raises")
	if code != 0 || !strings.Contains(out, "held for at least 7 days (6 days to go)") {
		t.Fatalf("log 2: %d %s", code, out)
	}
	code, out, _ = d("log", "heel-raises", "--done", "10", "--effort", "1", "--pain", "0", "--at", "2026-01-12T13:00:00Z")
	if code != 0 || !strings.Contains(out, "up to level 2 (One hand on the counter), 1 × 10 reps for heel raises.") {
		t.Fatalf("log 3: %d %s", code, out)
	}
	code, out, _ = d("plan", "--exercise", "heel-raises", "--json")
	var plan []map[string]any
	if err := json.Unmarshal([]byte(out), &plan); code != 0 || err != nil || len(plan) != 1 {
		t.Fatalf("plan: %d %v %s", code, err, out)
	}
	if plan[0]["reps"] != 10.0 || plan[0]["level"] != 2.0 || plan[0]["sets"] != 1.0 || plan[0]["level_name"] != "One hand on the counter" {
		t.Errorf("plan: %v", plan[0])
	}
	code, out, _ = d("adjust", "heel-raises", "--level", "3", "--reps", "10")
	if code != 0 || !strings.Contains(out, "now level 3") {
		t.Fatalf("adjust: %d %s", code, out)
	}
	code, out, _ = d("plan", "feet-daily", "--json")
	if err := json.Unmarshal([]byte(out), &plan); code != 0 || err != nil || len(plan) < 5 {
		t.Fatalf("plan routine: %d %v", code, err)
	}
	// history --csv round-trips through encoding/csv, one row per set.
	code, out, _ = d("history", "--csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != 4 {
		t.Fatalf("csv: %d %v %d rows\n%s", code, err, len(rows), out)
	}
	if strings.Join(rows[0], ",") != "date,session,routine,exercise,set,side,level,target,achieved,effort,pain,name,unit" ||
		rows[2][3] != "heel-raises" || rows[2][8] != "10" || rows[2][9] != "1" || rows[2][10] != "0" {
		t.Errorf("csv rows: %v", rows)
	}
	code, out, _ = d("history", "--json")
	var hist []map[string]any
	if err := json.Unmarshal([]byte(out), &hist); code != 0 || err != nil || len(hist) != 3 {
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

// TestExitCodeRule checks the rule of DESIGN section 6 case by case, each
// threshold at its value and one either side: 1 for a value out of range,
// 2 for a command line limber cannot read.
func TestExitCodeRule(t *testing.T) {
	cases := []struct {
		args []string
		code int
		err  string // the whole stderr line, or a part of it after "~"
	}{
		// Out of range: invalid input.
		{[]string{"log", "heel-raises", "--done", "8", "--effort", "7", "--pain", "1"}, 1, "limber: --effort 7 is out of range; use 1 (very easy) to 5 (too hard)"},
		{[]string{"log", "heel-raises", "--done", "8", "--effort", "6", "--pain", "1"}, 1, "~--effort 6 is out of range"},
		{[]string{"log", "heel-raises", "--done", "8", "--effort", "0", "--pain", "1"}, 1, "~--effort 0 is out of range"},
		{[]string{"log", "heel-raises", "--done", "8", "--effort", "2", "--pain", "-1"}, 1, "limber: --pain -1 is out of range; use 0 (none) to 10 (worst)"},
		{[]string{"log", "heel-raises", "--done", "8", "--effort", "2", "--pain", "11"}, 1, "~--pain 11 is out of range"},
		{[]string{"log", "heel-raises", "--done", "8", "--effort", "2", "--pain", "1", "--baseline", "11"}, 1, "~--baseline 11 is out of range"},
		{[]string{"run", "feet-daily", "--speed", "0"}, 1, "limber: --speed 0 is out of range; use 1 to 1000"},
		{[]string{"run", "feet-daily", "--speed", "0.999"}, 1, "~--speed 0.999 is out of range"},
		{[]string{"run", "feet-daily", "--speed", "1001"}, 1, "~--speed 1001 is out of range"},
		{[]string{"run", "feet-daily", "--speed", "NaN"}, 1, "~--speed NaN is out of range"},
		{[]string{"demo", "feet-daily", "--speed", "-5"}, 1, "~--speed -5 is out of range"},
		{[]string{"adjust", "heel-raises", "--level", "0"}, 1, "limber: level 0 is outside 1 to 4, the levels of heel-raises"},
		{[]string{"adjust", "heel-raises", "--level", "5"}, 1, "limber: level 5 is outside 1 to 4, the levels of heel-raises"},
		{[]string{"adjust", "heel-raises", "--reps", "0"}, 1, `limber: --reps "0" is not a whole number of reps`},
		{[]string{"list", "--category", "yoga"}, 1, "~is not one of rom"},
		{[]string{"plan", "--exercise", "nope"}, 1, `limber: no exercise has the id "nope"; limber list shows the ids`},
		{[]string{"completion", "tcsh"}, 1, "~no completion for \"tcsh\""},
		// Unknown commands and flags, values of the wrong type, missing or
		// empty arguments: usage errors.
		{[]string{"frobnicate"}, 2, `limber: unknown command "frobnicate"; run limber --help`},
		{[]string{"history", "--colour"}, 2, "limber: unknown flag --colour; run limber history --help"},
		{[]string{"history", "--jsno"}, 2, "limber: unknown flag --jsno; did you mean --json?; run limber history --help"},
		{[]string{"--frob"}, 2, "limber: unknown flag --frob; run limber --help"},
		{[]string{"log", "heel-raises", "--done", "8", "--effort", "x", "--pain", "1"}, 2, `limber: --effort "x" is not a whole number; run limber log --help`},
		{[]string{"run", "feet-daily", "--speed", "fast"}, 2, `limber: --speed "fast" is not a number; run limber run --help`},
		{[]string{"list", "--json=maybe"}, 2, `limber: --json "maybe" is not true or false; run limber list --help`},
		{[]string{"log", "heel-raises", "--done"}, 2, "limber: --done needs a value; run limber log --help"},
		{[]string{"log", "heel-raises", "--done", "8", "--effort", "2"}, 2, "~log needs --done, --effort and --pain"},
		{[]string{"log"}, 2, "limber: log takes one EXERCISE id, then --done, --effort and --pain"},
		{[]string{"adjust", "heel-raises"}, 2, "limber: adjust needs at least one of --level, --sets, --reps, --hold, --duration"},
		{[]string{"run"}, 2, "limber: run takes one ROUTINE id; limber list shows them"},
		{[]string{"run", "a", "b"}, 2, "limber: run takes one ROUTINE id; limber list shows them"},
		{[]string{"demo"}, 2, "limber: demo takes one ROUTINE id; limber list shows them"},
		{[]string{"plan", "feet-daily", "--exercise", "heel-raises"}, 2, "limber: plan takes one ROUTINE, or --exercise ID"},
		{[]string{"tips", "extra"}, 2, `limber: tips takes no arguments, found "extra"`},
		{[]string{"completion"}, 2, "limber: completion takes one SHELL: bash, zsh, fish or powershell"},
		{[]string{"handout", "feet-daily", "--html", ""}, 2, "limber: --html needs a value; run limber handout --help"},
		{[]string{"report", "--html="}, 2, "limber: --html needs a value; run limber report --help"},
		{[]string{"--library", "", "list"}, 2, "limber: --library needs a value; run limber list --help"},
		{[]string{"run", ""}, 2, "limber: an argument is empty; run limber run --help"},
		{[]string{"validate", "testdata/cli/good", ""}, 2, "limber: an argument is empty; run limber validate --help"},
		{[]string{"plan", "--exercise", ""}, 2, "limber: --exercise needs a value; run limber plan --help"},
		{[]string{"history", "--json", "--csv"}, 2, "limber: choose one of --json and --csv"},
		{[]string{"handout", "feet-daily", "--html", "x.html", "--markdown"}, 2, "limber: choose one of --html and --markdown"},
	}
	for _, c := range cases {
		dir := t.TempDir()
		code, out, stderr := limber(t, append([]string{"--data-dir", dir}, c.args...)...)
		if code != c.code {
			t.Errorf("limber %q: exit %d, want %d (%s)", c.args, code, c.code, stderr)
		}
		line := strings.TrimSuffix(stderr, "\n")
		if part, ok := strings.CutPrefix(c.err, "~"); ok && !strings.Contains(line, part) || !ok && line != c.err {
			t.Errorf("limber %q: stderr %q, want %q", c.args, stderr, c.err)
		}
		if strings.Count(stderr, "\n") != 1 || out != "" {
			t.Errorf("limber %q: want one line on stderr and nothing on stdout, got %q and %q", c.args, stderr, out)
		}
		if _, err := os.Stat(filepath.Join(dir, "journal.jsonl")); err == nil {
			t.Errorf("limber %q wrote the journal", c.args)
		}
	}
	// The values at the edges of each range are accepted.
	for _, ok := range [][]string{
		{"log", "heel-raises", "--done", "8", "--effort", "1", "--pain", "0", "--baseline", "0"},
		{"log", "heel-raises", "--done", "8", "--effort", "5", "--pain", "10", "--baseline", "10"},
		{"adjust", "heel-raises", "--level", "1"},
		{"adjust", "heel-raises", "--level", "4"},
	} {
		if code, _, stderr := limber(t, append([]string{"--data-dir", t.TempDir()}, ok...)...); code != 0 {
			t.Errorf("limber %q: exit %d (%s)", ok, code, stderr)
		}
	}
	for _, speed := range []string{"1", "1000", "20"} {
		code, _, stderr := limber(t, "--data-dir", t.TempDir(), "run", "feet-daily", "--speed", speed)
		if code != 1 || !strings.Contains(stderr, "needs a terminal") {
			t.Errorf("--speed %s: exit %d %q; want the speed accepted and a terminal asked for", speed, code, stderr)
		}
	}
}

// Without a terminal, a mistyped routine is named first: the terminal is
// not what is wrong.
func TestRunNamesAMissingRoutineBeforeTheTerminal(t *testing.T) {
	code, _, stderr := limber(t, "--data-dir", t.TempDir(), "run", "nope")
	if code != 1 || stderr != "limber: no routine has the id \"nope\"; limber list shows the ids\n" {
		t.Errorf("run nope: exit %d, %q", code, stderr)
	}
	code, _, stderr = limber(t, "--data-dir", t.TempDir(), "demo", "feet-dialy")
	if code != 1 || !strings.Contains(stderr, `did you mean "feet-daily"?`) || strings.Contains(stderr, "terminal") {
		t.Errorf("demo feet-dialy: exit %d, %q", code, stderr)
	}
	code, _, stderr = limber(t, "--data-dir", t.TempDir(), "run", "feet-daily")
	if code != 1 || stderr != "limber: the coach needs a terminal; for text, try limber list or limber plan ROUTINE\n" {
		t.Errorf("run feet-daily: exit %d, %q", code, stderr)
	}
}

// An error never carries a raw escape character, even one that comes back
// inside a system error about a path the user gave.
func TestErrorsAreEscaped(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(file, "\x1b[2J\x1b]52;c;aGk=\x07")
	for _, args := range [][]string{
		{"--data-dir", bad, "history"},
		{"--data-dir", bad, "log", "heel-raises", "--done", "8", "--effort", "2", "--pain", "1"},
		{"--data-dir", t.TempDir(), "plan", "\x1b[2J"},
		{"--data-dir", t.TempDir(), "report", "--html", bad},
		{"--data-dir", t.TempDir(), "list", "--\x1b[2J"},
		{"\x1b[2J"},
	} {
		code, _, stderr := limber(t, args...)
		if code == 0 || strings.ContainsAny(stderr, "\x1b\x07") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("limber %q: exit %d, stderr %q", args, code, stderr)
		}
		if !strings.Contains(stderr, `\x1b`) {
			t.Errorf("limber %q: the escape is not shown written out: %q", args, stderr)
		}
	}
}

// A damaged journal or library is told in five warnings and a count, not
// one line per problem.
func TestWarningsAreCapped(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range 100_000 {
		fmt.Fprintf(&b, "not json %d\n", i)
	}
	if err := os.WriteFile(filepath.Join(dir, "journal.jsonl"), []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := limber(t, "--data-dir", dir, "history")
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if code != 0 || out != "Nothing recorded yet.\n" || len(lines) != 6 || lines[5] != "limber: warning: ... and 99,995 more" {
		t.Errorf("exit %d, %d lines on stderr, last %q", code, len(lines), lines[len(lines)-1])
	}
	for _, l := range lines[:5] {
		if !strings.HasPrefix(l, "limber: warning: ") || !strings.Contains(l, "journal.jsonl:") {
			t.Errorf("warning %q", l)
		}
	}

	// Exactly five are all shown; six show five and "1 more".
	for n, want := range map[int]int{5: 5, 6: 6} {
		lib := t.TempDir()
		var y strings.Builder
		for i := range n {
			fmt.Fprintf(&y, "unknown%d: 1\n", i)
		}
		os.WriteFile(filepath.Join(lib, "bad.yaml"), []byte(y.String()), 0o600)
		_, _, stderr := limber(t, "--data-dir", t.TempDir(), "--library", lib, "tips")
		lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
		if len(lines) != want+1 || !strings.HasSuffix(lines[len(lines)-1], fmt.Sprintf("%d problem(s) in library files; what they affect was skipped (run limber validate)", n)) {
			t.Errorf("%d library errors: %q", n, lines)
		}
		if more := strings.Contains(stderr, "... and 1 more"); more != (n == 6) {
			t.Errorf("%d library errors: %q", n, lines)
		}
	}
}

// --help lists the commands in the order of DESIGN section 6, and
// --version answers after any command.
func TestHelpOrderAndVersionAnywhere(t *testing.T) {
	_, out, _ := limber(t, "--help")
	last := -1
	for _, name := range []string{"run", "demo", "list", "validate", "plan", "log", "adjust", "history", "tips", "report", "handout", "completion"} {
		i := strings.Index(out, "\n  limber "+name+" ")
		if i < 0 {
			i = strings.Index(out, "\n  limber "+name+"\n")
		}
		if i <= last {
			t.Errorf("--help: %s is missing or out of order", name)
		}
		last = i
	}
	if strings.Contains(out, "limber man") {
		t.Error("--help lists the hidden man command")
	}
	for _, args := range [][]string{{"run", "--version"}, {"log", "--version"}, {"--version", "history"}} {
		code, out, _ := limber(t, args...)
		if code != 0 || !strings.HasPrefix(out, "limber ") || strings.Count(out, "\n") != 1 {
			t.Errorf("limber %q: %d %q", args, code, out)
		}
	}
}

// Flags stand before or after the arguments, before the command's name,
// and with one dash as the first limber allowed.
func TestFlagsAnywhere(t *testing.T) {
	dir := t.TempDir()
	same := [][][]string{
		{{"list", "--json"}, {"--json", "list"}, {"-json", "list"}, {"list", "-json"}, {"list", "--json=true"}},
		{{"plan", "feet-daily", "--json"}, {"plan", "--json", "feet-daily"}, {"--json", "plan", "feet-daily"}},
		{{"--library", "testdata/cli/good", "list"}, {"list", "--library", "testdata/cli/good"}, {"-library", "testdata/cli/good", "list"}, {"list", "--library=testdata/cli/good"}},
	}
	for _, group := range same {
		var first string
		for i, args := range group {
			code, out, stderr := limber(t, append([]string{"--data-dir", dir}, args...)...)
			if code != 0 {
				t.Errorf("limber %q: exit %d %s", args, code, stderr)
			}
			if i == 0 {
				first = out
			} else if out != first {
				t.Errorf("limber %q prints other than limber %q", args, group[0])
			}
		}
	}
	// A value that looks like a flag stays a value.
	code, _, stderr := limber(t, "--data-dir", dir, "adjust", "heel-raises", "--level", "2", "--note", "-json")
	if code != 0 {
		t.Fatalf("adjust --note -json: %d %s", code, stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "journal.jsonl"))
	if !strings.Contains(string(data), `"note":"-json"`) {
		t.Errorf("the note was not kept as written: %s", data)
	}
}

func TestNormalizeArgs(t *testing.T) {
	root := newRootCmd(&env{})
	cases := map[string]string{
		"list --json":                        "list --json",
		"--json list":                        "list --json",
		"-json list":                         "list --json",
		"--category balance list":            "list --category balance",
		"--data-dir d -category rom list":    "list --data-dir d --category rom",
		"adjust x --note -json --level 2":    "adjust x --note -json --level 2",
		"log x --pain -1 -effort 2":          "log x --pain -1 --effort 2",
		"-h list":                            "list -h",
		"-x list":                            "list -x",
		"frob list":                          "frob list",
		"--speed 2 run -- -json":             "run --speed 2 -- -json",
		"__complete --json list":             "__complete --json list",
		"--library=a --library b validate c": "validate --library=a --library b c",
	}
	for in, want := range cases {
		if got := strings.Join(normalizeArgs(root, strings.Fields(in)), " "); got != want {
			t.Errorf("normalizeArgs(%s) = %s, want %s", in, got, want)
		}
	}
	// A flag name means the same (a value or not) in every command, or
	// "--NAME word COMMAND" would be read two ways.
	kinds := map[string]string{}
	for _, c := range append(root.Commands(), root) {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if k, ok := kinds[f.Name]; ok && k != f.Value.Type() {
				t.Errorf("--%s is a %s in one command and a %s in %s", f.Name, k, f.Value.Type(), c.Name())
			}
			kinds[f.Name] = f.Value.Type()
		})
	}
}

// The README's list of commands is the one --help prints.
func TestREADMEListsTheCommands(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, help, _ := limber(t, "--help")
	var want []string
	for _, l := range strings.Split(help, "\n") {
		if strings.HasPrefix(l, "  limber ") {
			want = append(want, strings.TrimSpace(l))
		}
	}
	// The first code block of the section "## Commands".
	_, section, _ := strings.Cut(string(readme), "\n## Commands\n")
	_, block, _ := strings.Cut(section, "```\n")
	block, _, _ = strings.Cut(block, "```")
	var got []string
	for _, l := range strings.Split(block, "\n") {
		if strings.HasPrefix(l, "limber ") {
			got = append(got, l)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("README lists\n%s\n--help lists\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
