package main

// Every built-in routine, from the check-in to the summary, driven in tmux
// the way a patient would: in `run` and in `demo`, at 80×24 and 120×40.
// The routines come from the built-in content itself, so a routine or an
// exercise added to content/ is covered without touching this file.

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"limber/content"
	"limber/exercises"
)

// e2eParallel bounds how many limber processes run at once on a small
// machine (each in its own tmux server).
var e2eParallel = make(chan struct{}, 4)

func e2eBuiltinRoutines(t *testing.T, bin string) {
	lib, errs := exercises.Load(exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"})
	if len(errs) > 0 {
		t.Fatalf("built-in content: %v", errs)
	}
	var wg sync.WaitGroup
	for _, rt := range lib.Routines() {
		for _, mode := range []string{"run", "demo"} {
			for _, size := range [][2]int{{80, 24}, {120, 40}} {
				name := fmt.Sprintf("%s/%s/%dx%d", rt.ID, mode, size[0], size[1])
				wg.Add(1)
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					defer wg.Done()
					e2eParallel <- struct{}{}
					defer func() { <-e2eParallel }()
					e2eOneRoutine(t, bin, rt, mode, size[0], size[1])
				})
			}
		}
	}
}

// e2eOneRoutine does one routine as a patient would and checks the journal.
func e2eOneRoutine(t *testing.T, bin string, rt *exercises.Routine, mode string, w, h int) {
	data := t.TempDir()
	p := e2eRun(t, bin, data, w, h, mode, rt.ID, "--speed", "100")
	summary := p.patient(mode == "demo", 4*time.Minute)
	e2eMustContain(t, summary, "Next time")
	if status := p.waitExit(); status != 0 {
		t.Errorf("limber exited with status %d after the routine, want 0", status)
	}
	recs := e2eReadJournal(t, data)
	if mode == "demo" {
		if len(recs) != 0 {
			t.Errorf("demo recorded %d records", len(recs))
		}
		e2eMustContain(t, summary, "DEMO", "Demo: nothing was recorded.")
		return
	}
	starts, ends := e2eKind(recs, "session_start"), e2eKind(recs, "session_end")
	if len(starts) != 1 || len(ends) != 1 || ends[0].Outcome != "finished" || starts[0].Routine != rt.ID {
		t.Fatalf("want one session of %s, finished; the journal:\n%s", rt.ID, e2eJSON(recs))
	}
	done := map[string]bool{}
	for _, r := range e2eKind(recs, "exercise_end") {
		done[r.Exercise] = true
		if r.Decision == nil || r.Decision.Reason == "" {
			t.Errorf("%s ended without a decision", r.Exercise)
		}
	}
	for _, it := range rt.Items {
		if !done[it.ID] {
			t.Errorf("%s: exercise %s was not finished", rt.ID, it.ID)
		}
	}
	if len(e2eKind(recs, "set")) < len(rt.Items) {
		t.Errorf("%d sets recorded for %d exercises", len(e2eKind(recs, "set")), len(rt.Items))
	}
}

var e2eOfN = regexp.MustCompile(`reps done, of (\d+)`)

// patient answers every screen of a routine as a patient would: usual pain
// 2, no red flags, each card started, reps counted by hand where the coach
// asks, timers left to run, every set "easy", pain 1 after each exercise,
// a full score; the before and after lists read. It returns the summary
// screen, after which it closes the coach.
func (p *e2ePane) patient(demo bool, limit time.Duration) string {
	p.t.Helper()
	deadline := time.Now().Add(limit)
	last, since := "", time.Now()
	for {
		if time.Now().After(deadline) {
			p.t.Fatalf("the routine did not end within %v; the screen:\n%s", limit, e2eFrame(p.capture()))
		}
		if dead, status := p.dead(); dead {
			p.t.Fatalf("limber exited (status %d) before the summary; the screen:\n%s", status, e2eFrame(p.capture()))
		}
		raw := p.capture()
		// Questions may wrap in a narrow window: read the screen as one
		// line of words.
		scr := strings.Join(strings.Fields(raw), " ")
		if raw != last {
			last, since = raw, time.Now()
		} else if time.Since(since) > 30*time.Second {
			p.t.Fatalf("the screen has not changed for 30 s and the patient has nothing to answer:\n%s", e2eFrame(raw))
		}
		for _, bad := range []string{"panic", "goroutine ", "nil pointer"} {
			if strings.Contains(scr, bad) {
				p.t.Fatalf("the screen shows %q:\n%s", bad, e2eFrame(scr))
			}
		}
		var keys []string
		switch {
		case strings.Contains(scr, "Next time") && strings.Contains(scr, "Session"):
			p.keys("Enter")
			return raw
		case strings.Contains(scr, "I understand"):
			keys = []string{"Enter"}
		case strings.Contains(scr, "usual nerve pain"):
			keys = []string{"2"}
		case strings.Contains(scr, "have you had any of these"):
			keys = []string{"n"}
			if demo {
				keys = []string{"Enter"}
			}
		case strings.Contains(scr, "Before you start"), strings.Contains(scr, "Before you go"),
			strings.Contains(scr, "start when you are ready"), strings.Contains(scr, "how many did you get right"):
			keys = []string{"Enter"}
		case strings.Contains(scr, "press space for each one"):
			m := e2eOfN.FindStringSubmatch(scr)
			n, _ := strconv.Atoi(m[1])
			for range n {
				keys = append(keys, "Space")
			}
			keys = append(keys, "Enter")
		case strings.Contains(scr, "How hard was that set?"):
			keys = []string{"2"}
		case strings.Contains(scr, "How much pain do you have now?"):
			keys = []string{"1"}
		default:
			time.Sleep(e2ePoll) // a countdown runs by itself
			continue
		}
		p.keys(keys...)
		p.waitChange(raw)
	}
}
