package serve

import (
	"strings"
	"testing"

	"time"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
)

// The therapist watches Ann's live session and sees her count change;
// then places her on a harder rung, and her next plan has it.
func TestTherapistWatchesAndAdjusts(t *testing.T) {
	data := t.TempDir()
	ann := newPerson(t, "Ann Lee", Patient)
	bob := newPerson(t, "Bob Stone", Patient)
	ruth := newPerson(t, "Ruth Jones", Therapist)
	ts := startServer(t, data, nil, ann, bob, ruth)

	r := ts.connect(ruth, 100, 32, "")
	r.waitFor("Patients")
	scr := r.waitFor("Bob Stone")
	if strings.Contains(scr, "in a session now") {
		t.Fatalf("nobody is connected yet:\n%s", scr)
	}
	r.keys("enter")
	r.waitFor("watch their session")
	r.keys("w")
	r.waitFor("Ann Lee is not in a session now.")

	a := ts.connect(ann, 80, 24, "")
	a.waitFor("I understand")
	r.waitFor("I understand") // her screen, as she sees it
	a.keys("enter")
	a.startRoutine(false)
	a.keys("enter")
	a.waitFor("How hard was that set?")
	a.keys("3")
	a.waitFor("How much pain do you have now?")
	a.keys("1")
	a.waitFor("Chair lifts")
	a.waitFor("start when you are ready")
	a.keys("enter")
	zero := a.waitFor("reps done, of 2")
	seen0 := r.waitFor("reps done, of 2")
	mustMirror(t, zero, seen0)
	a.keys("space")
	one := a.waitChange()
	if one == zero {
		t.Fatal("the count did not move")
	}
	seen1, ok := r.await(func(s string) bool { return mirrors(one, s) }, screenTimeout)
	if !ok {
		t.Fatalf("the therapist did not see the count change; patient:\n%s\ntherapist:\n%s", one, seen1)
	}
	// Watching is read-only: keys typed there never reach the patient.
	r.keys("space", "enter")
	if _, moved := a.await(func(s string) bool { return s != one }, 300*time.Millisecond); moved {
		t.Fatalf("the therapist's keys moved the patient's screen:\n%s", a.vt.Text())
	}
	a.keys("space", "enter")
	a.waitFor("How hard was that set?")
	r.waitFor("How hard was that set?")
	a.keys("3")
	a.waitFor("How much pain do you have now?")
	a.keys("1")
	a.waitFor("Next time")
	a.keys("enter")
	a.waitFor("Routines")
	a.keys("q")
	a.waitFor("Leave limber?")
	a.keys("y")
	a.waitEnd()
	r.waitFor("Ann Lee's session has ended.")

	// Adjust: chair lifts one rung harder, 2 -> 3 reps.
	r.keys("b")
	r.waitFor("adjust a rung")
	r.keys("a")
	r.waitFor("which exercise?")
	r.waitFor("Chair lifts")
	r.keys("down") // sv-hold first (both done), then sv-reps
	for i := 0; i < 5 && !strings.Contains(selected(r.vt.Text()), "Chair lifts"); i++ {
		r.keys("down")
		r.waitChange()
	}
	r.keys("enter")
	r.waitFor("Place on:")
	r.keys("up")
	r.waitFor("1 × 3 reps")
	r.keys("enter")
	r.waitFor("It is recorded in their journal with your name.")
	r.keys("y")
	r.waitFor("Saved: Chair lifts is now 1 × 3 reps (was 1 × 2 reps).")

	recs := readJournal(t, data, "ann-lee")
	last := recs[len(recs)-1]
	if last.Kind != "adjust" || last.Exercise != "sv-reps" || !strings.Contains(last.Note, "Ruth Jones") {
		t.Fatalf("the adjust record: %+v", last)
	}
	lib := testLibrary(t)
	x, _ := lib.Exercise("sv-reps")
	d, _ := coach.Replay(lib, recs).Now(x, x.Dose)
	if d.Rung() != (exercises.Rung{Sets: 1, Level: 1, Value: 3}) {
		t.Fatalf("her next plan: %+v", d.Rung())
	}
	// Bob's journal was never touched.
	if recs := readBob(t, data); len(recs) != 0 {
		t.Fatalf("Bob has records: %s", kinds(recs))
	}
}

// selected is the screen's selected row (the one with ▸).
func selected(scr string) string {
	for _, l := range strings.Split(scr, "\n") {
		if strings.Contains(l, "▸") {
			return l
		}
	}
	return ""
}

// mirrors reports whether the therapist's screen holds every non-blank
// line of the patient's, in order, one column in.
func mirrors(patient, therapist string) bool {
	tl := strings.Split(therapist, "\n")
	var want []string
	for _, l := range strings.Split(patient, "\n") {
		want = append(want, " "+l)
	}
	for start := 0; start+len(want) <= len(tl); start++ {
		ok := true
		for i, w := range want {
			if strings.TrimRight(tl[start+i], " ") != strings.TrimRight(w, " ") {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func mustMirror(t *testing.T, patient, therapist string) {
	t.Helper()
	if !mirrors(patient, therapist) {
		t.Fatalf("the therapist's screen does not show the patient's:\npatient:\n%s\ntherapist:\n%s", patient, therapist)
	}
}

func readBob(t *testing.T, data string) []journal.Record {
	return readJournal(t, data, "bob-stone")
}

// The report the therapist reads is written when r is pressed: it holds
// what the patient did after the therapist opened them.
func TestTherapistReadsReport(t *testing.T) {
	data := t.TempDir()
	ann := newPerson(t, "Ann Lee", Patient)
	ruth := newPerson(t, "Ruth Jones", Therapist)
	ts := startServer(t, data, nil, ann, ruth)
	r := ts.connect(ruth, 100, 32, "")
	r.waitFor("Ann Lee")
	r.keys("enter")
	r.waitFor("No session recorded yet.")

	a := ts.connect(ann, 80, 24, "")
	a.doRoutine(true)
	r.keys("r")
	scr := r.waitFor("Progress report")
	for _, want := range []string{"Ann Lee", "1 session.", "before: average 2.0 · after: average 1.0"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("no %q in the report:\n%s", want, scr)
		}
	}
	r.keys("b")
	r.waitFor("read their progress report")
}
