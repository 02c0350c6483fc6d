package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"limber/coach"
)

// setClock sets the clock of status and the reminder to a local time in
// January 2026 (the 5th is a Monday).
func setClock(t *testing.T, day, hour int) time.Time {
	t.Helper()
	now := time.Date(2026, 1, day, hour, 30, 0, 0, time.Local)
	old := clock
	clock = func() time.Time { return now }
	t.Cleanup(func() { clock = old })
	return now
}

func runStatus(t *testing.T, dir string, args ...string) (string, string) {
	t.Helper()
	code, out, stderr := limber(t, append([]string{"--data-dir", dir, "status"}, args...)...)
	if code != 0 {
		t.Fatalf("status %v: exit %d, %s", args, code, stderr)
	}
	return out, stderr
}

// status over journals at every adherence state, with the built-in
// routines.
func TestStatusAdherence(t *testing.T) {
	day := func(d, h int) time.Time { return time.Date(2026, 1, d, h, 0, 0, 0, time.Local) }
	fin := coach.OutcomeFinished
	cases := []struct {
		name        string
		today       int // of January 2026: 5 is a Monday
		sessions    func(dir string)
		line, short string
	}{
		{"nothing yet", 7, func(string) {},
			"No routine in the last four weeks: run limber when you are ready.", "limber: ready when you are"},
		{"part-way today", 7, func(dir string) { writePartWay(t, dir, "feet-daily", day(7, 8), 3) },
			"Feet and ankles, daily: started: 3 of 8 done", "limber: 1 to do"},
		{"done today", 7, func(dir string) { writeSession(t, dir, "feet-daily", day(7, 8), fin) },
			"Feet and ankles, daily: done today ✓", "limber: done ✓"},
		{"behind this week", 10, func(dir string) { writeSession(t, dir, "balance-3x", day(2, 8), fin) },
			"Balance at the counter, 3 times a week: 0 of 3 this week, that's fine: pick up today", "limber: 1 to do"},
		{"ahead", 9, func(dir string) {
			for _, d := range []int{5, 6, 7, 8} {
				writeSession(t, dir, "balance-3x", day(d, 8), fin)
			}
		}, "Balance at the counter, 3 times a week: 4 this week, 3 planned ✓", "limber: done ✓"},
		{"a daily routine missed yesterday", 8, func(dir string) {
			writeSession(t, dir, "feet-daily", day(6, 8), fin)
			writeSession(t, dir, "balance-3x", day(7, 8), fin)
		}, "Feet and ankles, daily: that's fine: pick up today · Balance at the counter, 3 times a week: 1 of 3 this week", "limber: 2 to do"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			setClock(t, c.today, 9)
			dir := t.TempDir()
			c.sessions(dir)
			if out, stderr := runStatus(t, dir); out != c.line+"\n" || stderr != "" {
				t.Errorf("status:\n%q\nwant\n%q (stderr %q)", out, c.line, stderr)
			}
			if out, _ := runStatus(t, dir, "--short"); out != c.short+"\n" {
				t.Errorf("--short %q, want %q", out, c.short)
			}
		})
	}
}

// writePartWay journals a session of a routine left after its first n
// exercises.
func writePartWay(t *testing.T, dir, routine string, at time.Time, n int) {
	t.Helper()
	writeSession(t, dir, routine, at, coach.OutcomeQuit)
	// Keep the session's start, its first n exercises and its end.
	path := filepath.Join(dir, "journal.jsonl")
	data, _ := os.ReadFile(path)
	lines := strings.SplitAfter(string(data), "\n")
	lines = lines[:len(lines)-1] // after the last newline
	keep := append(lines[:1+2*n:1+2*n], lines[len(lines)-1])
	os.WriteFile(path, []byte(strings.Join(keep, "")), 0o600)
}

func TestStatusJSON(t *testing.T) {
	setClock(t, 8, 9)
	dir := t.TempDir()
	writeSession(t, dir, "balance-3x", time.Date(2026, 1, 6, 8, 0, 0, 0, time.Local), coach.OutcomeFinished)
	writeSession(t, dir, "feet-daily", time.Date(2026, 1, 8, 8, 0, 0, 0, time.Local), coach.OutcomeFinished)
	out, _ := runStatus(t, dir, "--json")
	var got struct {
		Date     string `json:"date"`
		Short    string `json:"short"`
		ToDo     int    `json:"to_do"`
		Remind   bool   `json:"remind"`
		Routines []struct {
			ID       string `json:"id"`
			Due      bool   `json:"due"`
			Done     bool   `json:"done"`
			ThisWeek int    `json:"this_week"`
			PerWeek  int    `json:"per_week"`
			InUse    bool   `json:"in_use"`
			Words    string `json:"words"`
		} `json:"routines"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Date != "2026-01-08" || got.ToDo != 1 || !got.Remind || got.Short != "limber: 1 to do" || len(got.Routines) != 8 {
		t.Errorf("%+v", got)
	}
	for _, r := range got.Routines {
		switch r.ID {
		case "feet-daily":
			if !r.Done || r.Due || r.ThisWeek != 1 || r.PerWeek != 7 || !r.InUse || r.Words != "done today ✓" {
				t.Errorf("%+v", r)
			}
		case "balance-3x":
			if r.Done || !r.Due || r.ThisWeek != 1 || r.PerWeek != 3 || !r.InUse || r.Words != "1 of 3 this week" {
				t.Errorf("%+v", r)
			}
		default:
			if r.InUse || r.Done {
				t.Errorf("%+v", r)
			}
		}
	}
}

// Whatever it finds, status prints a line and exits 0, with nothing on
// stderr to spoil a prompt.
func TestStatusNeverFails(t *testing.T) {
	setClock(t, 8, 9)
	damaged := t.TempDir()
	writeSession(t, damaged, "feet-daily", time.Date(2026, 1, 7, 8, 0, 0, 0, time.Local), coach.OutcomeFinished)
	f, _ := os.OpenFile(filepath.Join(damaged, "journal.jsonl"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("{\"v\":1,\"kind\":\x1b[2J\nnot json at all\n{\"v\":99,\"kind\":\"set\"}\n{\"v\":1,\"kind\":\"se")
	f.Close()

	folder := t.TempDir()
	os.Mkdir(filepath.Join(folder, "journal.jsonl"), 0o700)

	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, nil, 0o600)

	badLib := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(badLib, []byte("exercises: [\n"), 0o600)

	cases := []struct {
		name        string
		args        []string
		line, short string
	}{
		{"no journal", []string{"--data-dir", t.TempDir()}, "No routine in the last four weeks", "limber: ready when you are"},
		{"damaged lines", []string{"--data-dir", damaged}, "Feet and ankles, daily: not yet today", "limber: 1 to do"},
		{"a folder for a journal", []string{"--data-dir", folder}, "limber cannot read its journal", "limber: journal unreadable"},
		{"a file for a data directory", []string{"--data-dir", file}, "limber cannot read its journal", "limber: journal unreadable"},
		{"a library with errors", []string{"--data-dir", damaged, "--library", badLib}, "Feet and ankles, daily: not yet today", "limber: 1 to do"},
		{"a library that is not there", []string{"--data-dir", damaged, "--library", "/no/such/lib"}, "Feet and ankles, daily: not yet today", "limber: 1 to do"},
	}
	for _, c := range cases {
		for _, mode := range []string{"", "--short", "--json"} {
			args := append(append([]string{}, c.args...), "status")
			if mode != "" {
				args = append(args, mode)
			}
			code, out, stderr := limber(t, args...)
			if code != 0 || stderr != "" || strings.Count(out, "\n") < 1 {
				t.Errorf("%s %s: exit %d, %q, stderr %q", c.name, mode, code, out, stderr)
			}
			want := map[string]string{"": c.line, "--short": c.short, "--json": c.short}[mode]
			if !strings.Contains(out, want) || rawControl(out) {
				t.Errorf("%s %s: %q, want %q", c.name, mode, out, want)
			}
		}
	}
	// Scripts learn what was wrong.
	_, out, _ := limber(t, "--data-dir", damaged, "--library", badLib, "status", "--json")
	if !strings.Contains(out, `"problems": [`) || !strings.Contains(out, "bad.yaml") {
		t.Errorf("--json does not name the problem:\n%s", out)
	}
}

func TestStatusFlags(t *testing.T) {
	code, _, stderr := limber(t, "--data-dir", t.TempDir(), "status", "--short", "--json")
	if code != 2 || stderr != "limber: choose one of --short and --json\n" {
		t.Errorf("exit %d: %q", code, stderr)
	}
	code, _, stderr = limber(t, "status", "today")
	if code != 2 || !strings.Contains(stderr, `status takes no arguments, found "today"`) {
		t.Errorf("exit %d: %q", code, stderr)
	}
}
