package main

// End-to-end tests: the real binary in a real terminal (tmux), driven the way
// a person would drive it. Each test waits for a screen by its text, presses
// keys, and at the end reads the journal that limber wrote.
//
// Keys are sent only once the screen that answers them is shown: bubbletea
// reads a burst of printable keys ("2n") as one key, so two letters or digits
// are never sent in one go. Space and enter are their own keys and may be.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	e2eScreenTimeout = 10 * time.Second // for each screen to appear
	e2ePoll          = 25 * time.Millisecond
	e2eLibrary       = "testdata/e2e"
	e2eRoutine       = "e2e-routine"
	e2eTmuxMissing   = "tmux is required (apt-get install -y tmux)"
)

// TestE2E runs the end-to-end scenarios in parallel, each in its own tmux
// server.
func TestE2E(t *testing.T) {
	bin := e2eBinary(t)
	t.Run("FullRoutine", func(t *testing.T) { t.Parallel(); e2eFullRoutine(t, bin) })
	t.Run("QuitMidSession", func(t *testing.T) { t.Parallel(); e2eQuitMidSession(t, bin) })
	t.Run("WindowTooSmall", func(t *testing.T) { t.Parallel(); e2eWindowTooSmall(t, bin) })
	t.Run("BuiltinRoutines", func(t *testing.T) { t.Parallel(); e2eBuiltinRoutines(t, bin) })
	t.Run("CheckIn", func(t *testing.T) { t.Parallel(); e2eCheckin(t, bin) })
}

// e2eFullRoutine does every exercise of e2e-routine and checks the journal.
func e2eFullRoutine(t *testing.T, bin string) {
	data := t.TempDir()
	p := e2eStart(t, bin, data, 80, 24)

	p.waitFor("I understand")
	p.keys("Enter")
	p.waitFor("How is your usual nerve pain right now?")
	if _, err := os.Stat(filepath.Join(data, "notice-seen")); err != nil {
		t.Errorf("the first-start notice was read, but: %v", err)
	}
	p.keys("2")
	p.waitFor("have you had any of these?")
	p.noFlags()

	// e2e-hold: 2 sets × 5 s, left then right.
	p.waitFor("start when you are ready")
	p.mustShow("E2E hold", "exercise 1 of 4", "2 × 5 s hold")
	p.keys("Enter", "Space") // start, and pause the get-ready at once
	scr := p.waitFor("PAUSED")
	e2eMustContain(t, scr, "Set 1 of 2 · LEFT side")
	time.Sleep(400 * time.Millisecond) // longer than the whole get-ready at --speed 20
	p.mustShow("PAUSED", "Set 1 of 2 · LEFT side")
	mark := p.mark()
	p.keys("Space")
	p.waitFor("How hard was that set?")
	p.softSaw(mark, "RIGHT side")
	p.keys("3")
	p.waitFor("seconds of rest") // 30 s at --speed 20: let it run out
	mark = p.mark()
	p.waitFor("How hard was that set?")
	p.softSaw(mark, "Set 2 of 2")
	p.keys("2")
	scr = p.waitFor("E2E hold is done. How much pain do you have now?")
	e2eMustContain(t, scr, "0 none · 1–3 mild · 4–6 moderate · 7–10 severe")
	p.keys("1")

	// e2e-reps: counted by hand. Set 1: 3, then - and one more: 3.
	p.waitFor("exercise 2 of 4")
	p.mustShow("E2E reps", "2 × 3 reps")
	p.keys("Enter")
	p.waitFor("press space for each one")
	p.keys("Space", "Space", "Space", "-", "Space", "Enter")
	p.waitFor("How hard was that set?")
	p.keys("2")
	p.waitFor("seconds of rest") // 20 s at --speed 20: it ends by itself
	scr = p.waitFor("press space for each one")
	e2eMustContain(t, scr, "Set 2 of 2")
	// Set 2: one short of its 3.
	p.keys("Space", "Space", "Space", "-", "Enter")
	p.waitFor("How hard was that set?")
	p.keys("4")
	p.waitFor("E2E reps is done. How much pain do you have now?")
	p.keys("3")

	// e2e-tempo: 2 paced reps, then pain 7: the stop screen.
	p.waitFor("exercise 3 of 4")
	p.mustShow("E2E tempo")
	mark = p.mark()
	p.keys("Enter")
	p.waitFor("How hard was that set?")
	p.softSaw(mark, "rep ")
	p.keys("3")
	p.waitFor("E2E tempo is done. How much pain do you have now?")
	p.keys("7")
	scr = p.waitFor("Please stop this exercise now.")
	e2eMustContain(t, scr, "end the session", "go on to the next exercise")
	p.keys("c") // enter would end the session: going on has its own key

	// e2e-score: timed, then pain, then the score out of 10.
	p.waitFor("exercise 4 of 4")
	p.mustShow("E2E score", "start when you are ready")
	p.keys("Enter")
	p.waitFor("How hard was that set?")
	p.keys("2")
	p.waitFor("E2E score is done. How much pain do you have now?")
	p.keys("1")
	p.waitFor("E2E score: how many did you get right, out of 10?")
	p.keys("8")

	scr = p.waitFor("Before you go")
	e2eMustContain(t, scr, "Check both feet for marks.")
	p.keys("Enter")
	scr = p.waitFor("Next time")
	e2eMustContain(t, scr, "Session done", "E2E hold", "E2E reps", "E2E tempo", "E2E score")
	p.keys("Enter")
	if status := p.waitExit(); status != 0 {
		t.Errorf("limber exited with status %d after the routine, want 0", status)
	}

	recs := e2eReadJournal(t, data)
	starts := e2eKind(recs, "session_start")
	if len(starts) != 1 {
		t.Fatalf("%d session_start records, want 1", len(starts))
	}
	st := starts[0]
	if st.Routine != e2eRoutine || st.Baseline == nil || *st.Baseline != 2 || st.RedFlag == nil || *st.RedFlag || st.Settled != nil || st.Demo {
		t.Errorf("session_start = %s, want routine %s, baseline 2, red_flag false, no settled answer", e2eJSON(st), e2eRoutine)
	}
	if recs[0].Kind != "session_start" || recs[len(recs)-1].Kind != "session_end" {
		t.Errorf("the journal runs from %s to %s, want session_start to session_end", recs[0].Kind, recs[len(recs)-1].Kind)
	}
	for i, r := range recs {
		if r.V != 1 || r.Session != st.Session || r.At.IsZero() || r.Routine != e2eRoutine {
			t.Errorf("record %d = %s: want v 1, session %s, a time, routine %s", i+1, e2eJSON(r), st.Session, e2eRoutine)
		}
	}

	type set struct {
		Exercise                 string
		Set                      int
		Side                     string
		Target, Achieved, Effort int
	}
	var gotSets []set
	for _, r := range e2eKind(recs, "set") {
		gotSets = append(gotSets, set{r.Exercise, r.Set, r.Side, r.Target, r.Achieved, r.Effort})
	}
	wantSets := []set{
		// A left side is saved the moment it ends, before the effort
		// question: its effort is 0 ("not yet asked"); the right side
		// carries the answer for the set.
		{"e2e-hold", 1, "left", 5, 5, 0},
		{"e2e-hold", 1, "right", 5, 5, 3},
		{"e2e-hold", 2, "left", 5, 5, 0},
		{"e2e-hold", 2, "right", 5, 5, 2},
		{"e2e-reps", 1, "", 3, 3, 2},
		{"e2e-reps", 2, "", 3, 2, 4},
		{"e2e-tempo", 1, "", 2, 2, 3},
		{"e2e-score", 1, "", 5, 5, 2},
	}
	if len(gotSets) != len(wantSets) {
		t.Errorf("%d set records, want %d (each side counts): %+v", len(gotSets), len(wantSets), gotSets)
	}
	for i := range min(len(gotSets), len(wantSets)) {
		if gotSets[i] != wantSets[i] {
			t.Errorf("set record %d = %+v, want %+v", i+1, gotSets[i], wantSets[i])
		}
	}

	type end struct {
		Exercise string
		Pain     int
		Score    int // -1: none
		Stopped  bool
	}
	var gotEnds []end
	for _, r := range e2eKind(recs, "exercise_end") {
		e := end{Exercise: r.Exercise, Pain: -1, Score: -1, Stopped: r.Stopped}
		if r.Pain != nil {
			e.Pain = *r.Pain
		}
		if r.Score != nil {
			e.Score = *r.Score
		}
		gotEnds = append(gotEnds, e)
		if r.Decision == nil || r.Decision.Reason == "" {
			t.Errorf("exercise_end of %s has no decision with a reason: %s", r.Exercise, e2eJSON(r))
		}
	}
	wantEnds := []end{
		{"e2e-hold", 1, -1, false},
		{"e2e-reps", 3, -1, false},
		{"e2e-tempo", 7, -1, true},
		{"e2e-score", 1, 8, false},
	}
	if fmt.Sprint(gotEnds) != fmt.Sprint(wantEnds) {
		t.Errorf("exercise_end records (exercise pain score stopped) = %+v, want %+v", gotEnds, wantEnds)
	}

	ends := e2eKind(recs, "session_end")
	if len(ends) != 1 || ends[0].Outcome != "finished" {
		t.Errorf("session_end records = %s, want one with outcome finished", e2eJSON(ends))
	}
}

// e2eQuitMidSession leaves a session in the rest after its first set.
func e2eQuitMidSession(t *testing.T, bin string) {
	data := t.TempDir()
	// An earlier session two days ago, so that the check-in asks whether
	// its pain settled; and the notice already read.
	twoDaysAgo := time.Now().Add(-48 * time.Hour).UTC().Format(time.RFC3339)
	logCmd := exec.Command(bin, "--data-dir", data, "--library", e2eLibrary, "log", "e2e-reps",
		"--done", "3,3", "--effort", "3", "--pain", "1", "--baseline", "0", "--at", twoDaysAgo)
	if out, err := logCmd.CombinedOutput(); err != nil {
		t.Fatalf("limber log: %v\n%s", err, out)
	}
	before := len(e2eReadJournal(t, data))
	if err := os.WriteFile(filepath.Join(data, "notice-seen"), []byte("seen\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	p := e2eStart(t, bin, data, 80, 24)
	p.waitFor("How is your usual nerve pain right now?")
	p.keys("4")
	p.waitFor("have you had any of these?")
	p.noFlags()
	p.waitFor("still there?")
	p.keys("n") // it had gone by the next morning
	p.waitFor("start when you are ready")
	p.keys("Enter")
	p.waitFor("How hard was that set?")
	p.keys("3")
	p.waitFor("seconds of rest")

	p.keys("q")
	p.waitFor("Leave this session?")
	p.keys("n")
	scr := p.waitGone("Leave this session?")
	e2eMustContain(t, scr, "E2E hold")
	p.keys("q")
	p.waitFor("Leave this session?")
	p.keys("y")
	if status := p.waitExit(); status != 0 {
		t.Errorf("limber exited with status %d after q, y; want 0", status)
	}

	recs := e2eReadJournal(t, data)[before:]
	var kinds []string
	for _, r := range recs {
		kinds = append(kinds, r.Kind)
	}
	if got, want := strings.Join(kinds, ","), "session_start,set,set,session_end"; got != want {
		t.Fatalf("the session's records are %s, want %s:\n%s", got, want, e2eJSON(recs))
	}
	st := recs[0]
	if st.Routine != e2eRoutine || st.Baseline == nil || *st.Baseline != 4 || st.Settled == nil || !*st.Settled {
		t.Errorf("session_start = %s, want routine %s, baseline 4, settled true", e2eJSON(st), e2eRoutine)
	}
	for i, side := range []string{"left", "right"} {
		r := recs[1+i]
		effort := []int{0, 3}[i] // the left side is saved before the question
		if r.Exercise != "e2e-hold" || r.Set != 1 || r.Side != side || r.Target != 5 || r.Achieved != 5 || r.Effort != effort || r.Session != st.Session {
			t.Errorf("set record = %s, want e2e-hold set 1 %s side, 5 of 5 s, effort %d", e2eJSON(r), side, effort)
		}
	}
	if end := recs[3]; end.Outcome != "quit" || end.Session != st.Session {
		t.Errorf("session_end = %s, want outcome quit in session %s", e2eJSON(end), st.Session)
	}
}

// e2eWindowTooSmall starts in a 50×15 window, then grows and shrinks it.
func e2eWindowTooSmall(t *testing.T, bin string) {
	data := t.TempDir()
	p := e2eStart(t, bin, data, 50, 15)
	scr := p.waitFor("Window too small")
	e2eMustNotContain(t, scr, "panic", "goroutine")
	time.Sleep(200 * time.Millisecond)
	if dead, _ := p.dead(); dead {
		t.Fatalf("limber exited in a 50×15 window; the screen:\n%s", e2eFrame(p.capture()))
	}

	p.resize(80, 24)
	p.waitFor("I understand")
	p.keys("Enter")
	p.waitFor("How is your usual nerve pain right now?")

	p.resize(59, 20) // one column short
	scr = p.waitFor("Window too small")
	e2eMustNotContain(t, scr, "usual nerve pain")
	p.resize(80, 24)
	p.waitFor("How is your usual nerve pain right now?")

	p.keys("q")
	p.waitFor("Leave")
	p.keys("y")
	if status := p.waitExit(); status != 0 {
		t.Errorf("limber exited with status %d, want 0", status)
	}
	if recs := e2eReadJournal(t, data); len(recs) != 0 {
		t.Errorf("nothing was started, yet the journal holds %s", e2eJSON(recs))
	}
}

// e2ePane is limber running in a tmux server of its own.
type e2ePane struct {
	t      *testing.T
	socket string // in a temporary folder: tmux leaves it behind after kill-server
	env    []string
	data   string
	race   string // the race detector's log prefix, when built with -race
	seen   []string
}

const e2eTarget = "e2e"

// e2eStart runs limber on the e2e library's routine in a tmux window of
// w×h, with its journal in data.
func e2eStart(t *testing.T, bin, data string, w, h int) *e2ePane {
	t.Helper()
	lib, err := filepath.Abs(e2eLibrary)
	if err != nil {
		t.Fatal(err)
	}
	return e2eRun(t, bin, data, w, h, "--library", lib, "run", e2eRoutine, "--speed", "20")
}

// e2eRun runs limber with args in a tmux window of w×h, with its journal
// in data.
func e2eRun(t *testing.T, bin, data string, w, h int, args ...string) *e2ePane {
	t.Helper()
	dir := t.TempDir()
	p := &e2ePane{
		t:      t,
		socket: filepath.Join(dir, "tmux.sock"),
		data:   data,
		race:   filepath.Join(dir, "race"),
	}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TMUX=") && !strings.HasPrefix(kv, "TMUX_PANE=") {
			p.env = append(p.env, kv)
		}
	}
	conf := filepath.Join(dir, "tmux.conf")
	if err := os.WriteFile(conf, []byte("set -g status off\nset -g remain-on-exit on\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Given as separate words, tmux runs the command without a shell.
	cmd := append([]string{"-f", conf, "new-session", "-d", "-s", e2eTarget, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"env", "TERM=xterm-256color", "GORACE=log_path=" + p.race,
		bin, "--data-dir", data}, args...)
	if _, err := p.tmux(cmd...); err != nil {
		t.Fatalf("starting tmux: %v", err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("the last screen:\n%s", e2eFrame(p.capture()))
			if b, err := os.ReadFile(filepath.Join(data, "journal.jsonl")); err == nil {
				t.Logf("the journal:\n%s", b)
			}
		}
		p.tmux("kill-server")
		races, _ := filepath.Glob(p.race + "*")
		for _, f := range races {
			b, _ := os.ReadFile(f)
			t.Errorf("the race detector reported, in %s:\n%s", f, b)
		}
	})
	return p
}

func (p *e2ePane) tmux(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-S", p.socket}, args...)...)
	cmd.Env = p.env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return string(out), fmt.Errorf("tmux %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}

// capture is the screen's text now.
func (p *e2ePane) capture() string {
	out, err := p.tmux("capture-pane", "-p", "-t", e2eTarget)
	if err != nil {
		return "(no screen: " + err.Error() + ")"
	}
	return out
}

// keys presses keys, by tmux's names ("Enter", "Space") or as typed.
func (p *e2ePane) keys(keys ...string) {
	p.t.Helper()
	if _, err := p.tmux(append([]string{"send-keys", "-t", e2eTarget, "--"}, keys...)...); err != nil {
		p.t.Fatal(err)
	}
}

func (p *e2ePane) resize(w, h int) {
	p.t.Helper()
	if _, err := p.tmux("resize-window", "-t", e2eTarget, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h)); err != nil {
		p.t.Fatal(err)
	}
}

// waitFor polls the screen until it shows text, and returns that screen. It
// fails the test with the screen if that takes longer than
// e2eScreenTimeout or if limber exits first.
func (p *e2ePane) waitFor(text string) string {
	p.t.Helper()
	deadline := time.Now().Add(e2eScreenTimeout)
	for i := 1; ; i++ {
		scr := p.capture()
		if n := len(p.seen); n == 0 || p.seen[n-1] != scr {
			p.seen = append(p.seen, scr)
		}
		if strings.Contains(scr, text) {
			return scr
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waited %v for %q; the screen:\n%s", e2eScreenTimeout, text, e2eFrame(scr))
		}
		if i%20 == 0 {
			if dead, status := p.dead(); dead {
				p.t.Fatalf("limber exited (status %d) while waiting for %q; the screen:\n%s", status, text, e2eFrame(scr))
			}
		}
		time.Sleep(e2ePoll)
	}
}

// waitGone polls the screen until it no longer shows text, and returns
// that screen.
func (p *e2ePane) waitGone(text string) string {
	p.t.Helper()
	deadline := time.Now().Add(e2eScreenTimeout)
	for {
		scr := p.capture()
		if !strings.Contains(scr, text) {
			return scr
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waited %v for %q to go; the screen:\n%s", e2eScreenTimeout, text, e2eFrame(scr))
		}
		time.Sleep(e2ePoll)
	}
}

// noFlags answers "no" to each red-flag question of the check-in, one at
// a time, waiting for each to be taken before the next.
func (p *e2ePane) noFlags() {
	p.t.Helper()
	for i := range 7 {
		scr := p.waitFor("have you had any of these?")
		p.keys("n")
		if i < 6 {
			p.waitChange(scr)
		}
	}
}

// waitChange polls until the screen differs from scr, and returns it.
func (p *e2ePane) waitChange(scr string) string {
	p.t.Helper()
	deadline := time.Now().Add(e2eScreenTimeout)
	for {
		now := p.capture()
		if now != scr {
			return now
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("the screen did not change within %v:\n%s", e2eScreenTimeout, e2eFrame(scr))
		}
		time.Sleep(e2ePoll)
	}
}

// mustShow checks that the screen shows each text now.
func (p *e2ePane) mustShow(texts ...string) {
	p.t.Helper()
	e2eMustContain(p.t, p.capture(), texts...)
}

// mark and softSaw check screens too brief to wait for (a 250 ms hold at
// --speed 20): whether a poll happened to see one is a matter of luck on a
// loaded machine, so a miss is only logged.
func (p *e2ePane) mark() int { return len(p.seen) }

func (p *e2ePane) softSaw(mark int, text string) {
	for _, s := range p.seen[min(mark, len(p.seen)):] {
		if strings.Contains(s, text) {
			return
		}
	}
	p.t.Logf("note: no poll caught a screen with %q (it is brief at --speed 20)", text)
}

// dead reports whether limber has exited, and its exit status.
func (p *e2ePane) dead() (bool, int) {
	out, err := p.tmux("display-message", "-p", "-t", e2eTarget, "#{pane_dead} #{pane_dead_status}")
	if err != nil {
		return false, 0
	}
	var dead, status int
	fmt.Sscan(out, &dead, &status)
	return dead == 1, status
}

// waitExit waits for limber to exit and returns its exit status.
func (p *e2ePane) waitExit() int {
	p.t.Helper()
	deadline := time.Now().Add(e2eScreenTimeout)
	for {
		if dead, status := p.dead(); dead {
			return status
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("limber did not exit within %v; the screen:\n%s", e2eScreenTimeout, e2eFrame(p.capture()))
		}
		time.Sleep(e2ePoll)
	}
}

func e2eMustContain(t *testing.T, screen string, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if !strings.Contains(screen, s) {
			t.Errorf("the screen does not show %q:\n%s", s, e2eFrame(screen))
		}
	}
}

func e2eMustNotContain(t *testing.T, screen string, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(screen, s) {
			t.Errorf("the screen shows %q:\n%s", s, e2eFrame(screen))
		}
	}
}

// e2eFrame draws a screen inside a border, so that its edges show in a log.
func e2eFrame(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	var b strings.Builder
	b.WriteString("┌────\n")
	for _, l := range lines {
		b.WriteString("│" + l + "\n")
	}
	b.WriteString("└────")
	return b.String()
}

// e2eWrite writes a file in the data directory.
func e2eWrite(t *testing.T, data, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(data, name), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// e2eReadFile reads a file of the data directory ("" if it is not there).
func e2eReadFile(t *testing.T, data, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(data, name))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return string(b)
}

// e2eRecord is a journal line, as DESIGN.md section 5 and journal/record.go
// describe it; decoded here on its own so that the test reads the file as
// any other reader would.
type e2eRecord struct {
	V        int       `json:"v"`
	Kind     string    `json:"kind"`
	At       time.Time `json:"at"`
	Session  string    `json:"session"`
	Routine  string    `json:"routine"`
	Exercise string    `json:"exercise"`
	Baseline *int      `json:"baseline"`
	RedFlag  *bool     `json:"red_flag"`
	Settled  *bool     `json:"settled"`
	Demo     bool      `json:"demo"`
	Set      int       `json:"set"`
	Side     string    `json:"side"`
	Target   int       `json:"target"`
	Achieved int       `json:"achieved"`
	Effort   int       `json:"effort"`
	Pain     *int      `json:"pain"`
	Score    *int      `json:"score"`
	Stopped  bool      `json:"stopped"`
	Decision *struct {
		Reason string `json:"reason"`
	} `json:"decision"`
	Outcome string `json:"outcome"`
}

// e2eReadJournal reads DIR/journal.jsonl; every line must be valid JSON.
// A journal that was never created reads as empty.
func e2eReadJournal(t *testing.T, dir string) []e2eRecord {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "journal.jsonl"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > 0 && b[len(b)-1] != '\n' {
		t.Errorf("the journal does not end with a newline")
	}
	var recs []e2eRecord
	for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		var r e2eRecord
		if !json.Valid([]byte(line)) {
			t.Errorf("journal line %d is not valid JSON: %q", i+1, line)
			continue
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Errorf("journal line %d: %v: %q", i+1, err, line)
			continue
		}
		recs = append(recs, r)
	}
	return recs
}

func e2eKind(recs []e2eRecord, kind string) []e2eRecord {
	var out []e2eRecord
	for _, r := range recs {
		if r.Kind == kind {
			out = append(out, r)
		}
	}
	return out
}

func e2eJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// e2eBuild is limber built once for every end-to-end test of this run.
var e2eBuild struct {
	once sync.Once
	dir  string // removed by TestMain
	bin  string
	err  error
}

// e2eBinary skips the test where the end-to-end tests cannot run, and
// otherwise returns the limber they drive, built on the first call (with
// -race when the tests are, to catch data races in the program too).
func e2eBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end tests are skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(e2eTmuxMissing)
		}
		t.Skip(e2eTmuxMissing)
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH, so limber cannot be built")
	}
	b := &e2eBuild
	b.once.Do(func() {
		if b.dir, b.err = os.MkdirTemp("", "limber-e2e-"); b.err != nil {
			return
		}
		b.bin = filepath.Join(b.dir, "limber")
		args := []string{"build", "-o", b.bin}
		if e2eRace() {
			args = append(args, "-race")
		}
		if out, err := exec.Command(goCmd, append(args, ".")...).CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.bin
}

// TestMain removes the end-to-end tests' build of limber.
func TestMain(m *testing.M) {
	code := m.Run()
	if e2eBuild.dir != "" {
		os.RemoveAll(e2eBuild.dir)
	}
	os.Exit(code)
}

// e2eRace reports whether this test binary was built with -race.
func e2eRace() bool {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "-race" {
				return s.Value == "true"
			}
		}
	}
	return false
}
