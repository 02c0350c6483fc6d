//go:build linux

package main

// End-to-end tests of faults (issue 11): the real binary in tmux with a
// disk that fills up mid-session, FIFOs where files should be, and a
// journal someone edited to reach the terminal.

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"limber/journal"
)

// flatScreen is a screen's words one space apart, so that a message is
// found wherever the screen wrapped it.
func flatScreen(scr string) string { return strings.Join(strings.Fields(scr), " ") }

// captureAll is the screen with what scrolled off it: once limber has
// exited, tmux keeps its last words there.
func captureAll(p *e2ePane) string {
	out, err := p.tmux("capture-pane", "-p", "-S", "-200", "-t", e2eTarget)
	if err != nil {
		return "(no screen: " + err.Error() + ")"
	}
	return out
}

// withStatus returns a script that runs bin with its arguments and writes
// its exit status to a file, and that file: tmux's own record of a dead
// pane's status can be missing just after it dies.
func withStatus(t *testing.T, bin string) (script, status string) {
	t.Helper()
	dir := t.TempDir()
	script, status = filepath.Join(dir, "limber"), filepath.Join(dir, "status")
	sh := "#!/bin/sh\n'" + bin + "' \"$@\"\ncode=$?\necho $code > '" + status + "'\nexit $code\n"
	if err := os.WriteFile(script, []byte(sh), 0o700); err != nil {
		t.Fatal(err)
	}
	return script, status
}

// exitStatus waits for limber to exit and returns its status.
func exitStatus(p *e2ePane, status string) int {
	p.t.Helper()
	p.waitExit()
	deadline := time.Now().Add(e2eScreenTimeout)
	for {
		b, err := os.ReadFile(status)
		if n, aerr := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && aerr == nil {
			return n
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("no exit status: %q %v", b, err)
		}
		time.Sleep(e2ePoll)
	}
}

// TestE2EFaults runs the fault scenarios in parallel, each in its own
// tmux server.
func TestE2EFaults(t *testing.T) {
	bin := e2eBinary(t)
	t.Run("DiskFullThenLeave", func(t *testing.T) { t.Parallel(); e2eDiskFull(t, bin, false) })
	t.Run("DiskFullThenRetry", func(t *testing.T) { t.Parallel(); e2eDiskFull(t, bin, true) })
	t.Run("FIFOInLibrary", func(t *testing.T) { t.Parallel(); e2eFIFOInLibrary(t, bin) })
	t.Run("FIFOJournal", func(t *testing.T) { t.Parallel(); e2eFIFOJournal(t, bin) })
	t.Run("HostileJournal", func(t *testing.T) { t.Parallel(); e2eHostileJournal(t, bin) })
}

// e2eDiskFull fills the disk under the journal during a session. The coach
// must stop, say what was not saved and why, never say "saved", keep
// failing while the disk is full, and exit non-zero if left so; or, once
// there is room and r is pressed, save what waited, once, and go on.
func e2eDiskFull(t *testing.T, bin string, retry bool) {
	bin, status := withStatus(t, bin)
	data := smallDisk(t, "64k")
	if err := os.WriteFile(filepath.Join(data, "notice-seen"), []byte("seen\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := e2eStart(t, bin, data, 80, 24)
	p.waitFor("How is your usual nerve pain right now?")
	p.keys("2")
	p.noFlags()
	p.waitFor("start when you are ready")
	if before := e2eReadJournal(t, data); len(before) != 1 || before[0].Kind != "session_start" {
		t.Fatalf("before the disk filled, the journal holds %s", e2eJSON(before))
	}
	filler := fillDisk(t, data, 100)
	raw, _ := os.ReadFile(filepath.Join(data, "journal.jsonl"))

	p.keys("Enter") // the hold: its left side is saved the moment it ends
	scr := p.waitFor("Your journal could not be saved.")
	e2eMustContain(t, flatScreen(scr), "no space left on device; nothing of it was kept", "Not saved yet", "E2E hold: set 1, left side, 5 done", "r try to save again")
	e2eMustNotContain(t, scr, "is saved", "was saved")
	p.keys("r") // still full
	time.Sleep(300 * time.Millisecond)
	scr = p.waitFor("Your journal could not be saved.")
	e2eMustContain(t, scr, "E2E hold: set 1, left side, 5 done")
	if now, _ := os.ReadFile(filepath.Join(data, "journal.jsonl")); string(now) != string(raw) {
		t.Fatalf("the failed writes left %d bytes in the journal", len(now)-len(raw))
	}
	saved := func() string {
		recs, warns, err := journal.Read(filepath.Join(data, "journal.jsonl"))
		if err != nil || len(warns) > 0 {
			t.Fatalf("reading the journal: %v %v", err, warns)
		}
		var kinds []string
		for _, r := range recs {
			kinds = append(kinds, strings.TrimSpace(string(r.Kind)+" "+r.Side))
		}
		return strings.Join(kinds, ",")
	}

	if !retry {
		p.keys("q")
		scr = p.waitFor("Leave this session?")
		e2eMustContain(t, scr, "Some of what you did could not be saved.")
		p.keys("y")
		if status := exitStatus(p, status); status == 0 {
			t.Errorf("limber exited 0 with a set not saved")
		}
		e2eMustContain(t, flatScreen(captureAll(p)), "limber: some of this session could not be saved to")
		if got := saved(); got != "session_start" {
			t.Errorf("the journal holds %s, want the session start alone", got)
		}
		return
	}

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	p.keys("r")
	p.waitFor("How hard was that set?")
	p.keys("3")
	p.waitFor("seconds of rest")
	p.keys("q")
	scr = p.waitFor("Leave this session?")
	e2eMustContain(t, scr, "What you have done is saved.")
	p.keys("y")
	if status := exitStatus(p, status); status != 0 {
		t.Errorf("limber exited %d once everything was saved, want 0", status)
	}
	if got, want := saved(), "session_start,set left,set right,session_end"; got != want {
		t.Errorf("the journal holds %s, want %s: the waiting set saved once", got, want)
	}
}

// A FIFO named *.yaml in a --library folder does not hang the coach: it
// opens at home and says a library file was skipped.
func e2eFIFOInLibrary(t *testing.T, bin string) {
	bin, status := withStatus(t, bin)
	lib, data := t.TempDir(), t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(lib, "pipe.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(data, "notice-seen"), []byte("seen\n"), 0o600)
	p := e2eRun(t, bin, data, 100, 30, "--library", lib)
	scr := p.waitFor("problem(s) in library files were skipped")
	e2eMustContain(t, scr, "1 problem(s)")
	p.keys("q")
	p.waitFor("Leave")
	p.keys("y")
	if status := exitStatus(p, status); status != 0 {
		t.Errorf("limber exited %d, want 0", status)
	}
}

// A FIFO as journal.jsonl does not hang the coach: it exits 1 at once,
// saying what the file is.
func e2eFIFOJournal(t *testing.T, bin string) {
	bin, status := withStatus(t, bin)
	data := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(data, "journal.jsonl"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := e2eRun(t, bin, data, 120, 30)
	// Run before e2eRun's own clean-up, which reads the journal when the
	// test failed: a FIFO there would hang it.
	t.Cleanup(func() { os.Remove(filepath.Join(data, "journal.jsonl")) })
	if status := exitStatus(p, status); status != 1 {
		t.Errorf("limber exited %d, want 1", status)
	}
	e2eMustContain(t, flatScreen(captureAll(p)), "journal.jsonl is a named pipe (FIFO), not a regular file")
}

// Escape sequences in the journal never reach the terminal: OSC 52 would
// write the clipboard (tmux keeps it as a buffer, with set-clipboard on),
// and a clear-screen would wipe the coach. The progress page shows the
// records' words cleaned.
func e2eHostileJournal(t *testing.T, bin string) {
	data := t.TempDir()
	os.WriteFile(filepath.Join(data, "notice-seen"), []byte("seen\n"), 0o600)
	osc52 := `\u001b]52;c;aGVsbG8=\u0007`
	sess := `"session":"s1` + osc52 + `"`
	writeJournal(t, data,
		rec(1, `"kind":"session_start",`+sess+`,"routine":"feet-daily`+osc52+`","baseline":1,"red_flags":["new`+osc52+`"]`),
		rec(1, `"kind":"flare",`+sess+`,"exercise":"heel-raises","set":1,"side":"\u001b[2J`+osc52+`","pain":9`),
		rec(1, `"kind":"set",`+sess+`,"exercise":"`+osc52+`","name":"Tap`+osc52+`","set":1,"target":5,"achieved":5,"effort":2`),
		rec(1, `"kind":"exercise_end",`+sess+`,"exercise":"`+osc52+`","name":"Tap`+osc52+`","pain":8,"stopped":true`),
		rec(1, `"kind":"exercise_end",`+sess+`,"exercise":"heel-raises","pain":9999`),
		rec(1, `"kind":"session_end",`+sess+`,"outcome":"finished"`),
	)
	p := e2eRun(t, bin, data, 120, 50)
	if _, err := p.tmux("set-option", "-g", "set-clipboard", "on"); err != nil {
		t.Fatal(err)
	}
	scr := p.waitFor("damaged journal line(s) skipped")
	e2eMustContain(t, flatScreen(scr), "1 damaged journal line(s) skipped, first", "journal.jsonl:5: skipped an")
	p.keys("g")
	scr = p.waitFor("For the therapist")
	e2eMustContain(t, flatScreen(scr), "Pain flared to 9 during set 1 ([2J]52;c;aGVsbG8=) of Heel raises", "Stopped for pain during Tap]52;c;aGVsbG8=",
		"new]52;c;aGVsbG8=")
	e2eMustNotContain(t, scr, "9999")
	time.Sleep(300 * time.Millisecond)
	if out, _ := p.tmux("list-buffers"); strings.TrimSpace(out) != "" {
		t.Errorf("an OSC 52 from the journal reached the terminal: tmux holds %q", out)
	}
	if !strings.Contains(p.capture(), "For the therapist") {
		t.Errorf("the screen was cleared:\n%s", e2eFrame(p.capture()))
	}
	p.keys("q")
	p.waitFor("Leave")
	p.keys("y")
	p.waitExit()
}
