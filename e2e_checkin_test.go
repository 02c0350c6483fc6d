package main

// The check-in, driven in tmux as a patient would answer it (DESIGN section
// 4): each red flag on its own, the feet path, the blood sugar path and the
// high-pain offer. Each run checks the screen and the journal.

import (
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"limber/coach"
)

func e2eCheckin(t *testing.T, bin string) {
	for i, q := range coach.RedFlags {
		t.Run("flag/"+string(q.Flag), func(t *testing.T) {
			t.Parallel()
			e2eParallel <- struct{}{}
			defer func() { <-e2eParallel }()
			e2eOneFlag(t, bin, i, q)
		})
	}
	t.Run("feet", func(t *testing.T) {
		t.Parallel()
		e2eParallel <- struct{}{}
		defer func() { <-e2eParallel }()
		e2eFeet(t, bin)
	})
	t.Run("sugar", func(t *testing.T) {
		t.Parallel()
		e2eParallel <- struct{}{}
		defer func() { <-e2eParallel }()
		e2eSugar(t, bin)
	})
	t.Run("high-pain", func(t *testing.T) {
		t.Parallel()
		e2eParallel <- struct{}{}
		defer func() { <-e2eParallel }()
		e2eHighPain(t, bin)
	})
}

// e2eAnswerFlags answers the red flags: yes to those in yes, no to the rest.
func (p *e2ePane) answerFlags(yes ...int) {
	p.t.Helper()
	for i := range coach.RedFlags {
		scr := p.waitFor("have you had any of these?")
		if slices.Contains(yes, i) {
			p.keys("y")
		} else {
			p.keys("n")
		}
		if i < len(coach.RedFlags)-1 {
			p.waitChange(scr)
		}
	}
}

func e2eSeen(t *testing.T, data string) {
	t.Helper()
	e2eWrite(t, data, "notice-seen", "seen\n")
}

// e2eOneFlag answers yes to one red flag and no to the others.
func e2eOneFlag(t *testing.T, bin string, i int, q coach.RedFlagQuestion) {
	data := t.TempDir()
	e2eSeen(t, data)
	p := e2eRun(t, bin, data, 80, 24, "run", "full-3x", "--speed", "100")
	p.waitFor("usual nerve pain")
	p.keys("2")
	scr := p.waitFor("have you had any of these?")
	for _, other := range coach.RedFlags {
		// Each question stands on its own line.
		e2eMustContain(t, scr, other.Question[:min(30, len(other.Question))])
	}
	p.answerFlags(i)
	recs := func() []e2eRecord { return e2eReadJournal(t, data) }
	if q.Stops {
		scr = p.waitFor("No exercise today.")
		e2eMustContain(t, scr, "This has been noted for your therapist.")
		p.keys("Enter")
		if status := p.waitExit(); status != 0 {
			t.Errorf("exit %d", status)
		}
		rs := recs()
		if len(rs) != 2 || rs[0].Kind != "session_start" || rs[1].Outcome != "red_flag" {
			t.Fatalf("journal: %s", e2eJSON(rs))
		}
		if got := e2eRedFlags(t, data); fmt.Sprint(got) != fmt.Sprint([]string{string(q.Flag)}) {
			t.Errorf("red_flags %v, want [%s]", got, q.Flag)
		}
		return
	}
	// A feet answer: the session goes on without standing and feet work.
	scr = p.waitFor("Look after that foot today.")
	e2eMustContain(t, scr, "Left out today:", "do the")
	p.keys("q")
	p.waitFor("Leave")
	p.keys("y")
	p.waitExit()
}

// e2eRedFlags reads the red_flags of the first session_start.
func e2eRedFlags(t *testing.T, data string) []string {
	t.Helper()
	var got []string
	for _, line := range strings.Split(e2eReadFile(t, data, "journal.jsonl"), "\n") {
		if strings.Contains(line, `"session_start"`) {
			if i := strings.Index(line, `"red_flags":[`); i >= 0 {
				rest := line[i+len(`"red_flags":[`):]
				for _, f := range strings.Split(rest[:strings.Index(rest, "]")], ",") {
					got = append(got, strings.Trim(f, `"`))
				}
			}
			break
		}
	}
	return got
}

// e2eFeet: a red, warm, swollen foot in the full routine leaves out its
// standing and foot exercises; the rest is done and recorded.
func e2eFeet(t *testing.T, bin string) {
	data := t.TempDir()
	e2eSeen(t, data)
	p := e2eRun(t, bin, data, 120, 40, "run", "full-3x", "--speed", "100")
	p.waitFor("usual nerve pain")
	p.keys("2")
	p.answerFlags(6) // a foot that is red, warm or swollen
	scr := p.waitFor("Look after that foot today.")
	e2eMustContain(t, scr, "Charcot", "Left out today:", "it is done standing")
	p.keys("Enter")
	summary := p.patient(false, 3*time.Minute)
	e2eMustContain(t, summary, "Next time")
	p.waitExit()
	rs := e2eReadJournal(t, data)
	for _, r := range e2eKind(rs, "exercise_end") {
		for _, standing := range []string{"marching-in-place", "heel-raises", "side-leg-raise", "tandem-stance", "calf-stretch-wall"} {
			if r.Exercise == standing {
				t.Errorf("%s was done after a feet answer", standing)
			}
		}
	}
	if len(e2eKind(rs, "exercise_end")) == 0 {
		t.Fatal("nothing was left to do")
	}
	if got := e2eRedFlags(t, data); fmt.Sprint(got) != "[foot-red-warm-swollen]" {
		t.Errorf("red_flags %v", got)
	}
}

// e2eSugar: with insulin in the profile, a low reading asks to eat, wait
// and check again; then a high reading with ketones ends the session.
func e2eSugar(t *testing.T, bin string) {
	data := t.TempDir()
	e2eSeen(t, data)
	if out, err := exec.Command(bin, "--data-dir", data, "profile", "--insulin", "yes", "--units", "mg/dl").CombinedOutput(); err != nil {
		t.Fatalf("profile: %v %s", err, out)
	}
	p := e2eRun(t, bin, data, 80, 24, "run", "hands-daily", "--speed", "100")
	p.waitFor("usual nerve pain")
	p.keys("1")
	p.answerFlags()
	p.waitFor("Check your blood sugar now.")
	p.keys("8", "0", "Enter")
	scr := p.waitFor("I have checked again")
	e2eMustContain(t, scr, "a little low to start", "15 g")
	p.keys("Enter")
	p.waitFor("Check your blood sugar now.")
	p.keys("3", "0", "0", "Enter")
	p.waitFor("Are ketones present?")
	p.keys("y")
	p.waitFor("No exercise today.")
	p.keys("Enter")
	p.waitExit()
	rs := e2eReadJournal(t, data)
	if len(rs) != 2 || rs[1].Outcome != "ketones" {
		t.Fatalf("journal %s", e2eJSON(rs))
	}
	if j := e2eReadFile(t, data, "journal.jsonl"); !strings.Contains(j, `"glucose":300`) || !strings.Contains(j, `"glucose_unit":"mg/dL"`) {
		t.Errorf("the reading is not recorded: %s", j)
	}
}

// e2eHighPain: usual pain 8 offers an easier session or rest.
func e2eHighPain(t *testing.T, bin string) {
	for _, choice := range []string{"1", "2"} {
		data := t.TempDir()
		e2eSeen(t, data)
		p := e2eRun(t, bin, data, 80, 24, "run", "hands-daily", "--speed", "100")
		p.waitFor("usual nerve pain")
		p.keys("8")
		scr := p.waitFor("Your usual pain is high today: 8 out of 10.")
		e2eMustContain(t, scr, "an easier session", "rest today")
		p.keys(choice)
		if choice == "2" {
			p.waitFor("Rest today.")
			p.keys("Enter")
			p.waitExit()
			if rs := e2eReadJournal(t, data); len(rs) != 2 || rs[1].Outcome != "rest" {
				t.Fatalf("rest: journal %s", e2eJSON(rs))
			}
			continue
		}
		p.answerFlags()
		p.waitFor("Before you start")
		p.keys("Enter")
		p.waitFor("start when you are ready")
		p.keys("q")
		p.waitFor("Leave")
		p.keys("y")
		p.waitExit()
		if j := e2eReadFile(t, data, "journal.jsonl"); !strings.Contains(j, `"today":"easier"`) {
			t.Errorf("the easier day is not recorded: %s", j)
		}
	}
}
