package report

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
	"limber/profile"
)

// journalOf builds records session by session, as the coach and limber log
// write them.
type journalOf struct {
	t    *testing.T
	lib  *exercises.Library
	recs []journal.Record
	n    int
}

func newJournal(t *testing.T) *journalOf {
	lib, _, _ := fixture(t)
	return &journalOf{t: t, lib: lib}
}

// log is one limber log call: one exercise, done at its current dose.
func (j *journalOf) log(id string, at time.Time, baseline, pain int) {
	x, ok := j.lib.Exercise(id)
	if !ok {
		j.t.Fatalf("no exercise %s", id)
	}
	p := coach.Replay(j.lib, j.recs)
	dose, _ := p.Now(x, x.Dose)
	done := make([]int, dose.Sets)
	for i := range done {
		done[i] = dose.Value()
	}
	recs, _ := p.Log(x, at, done, 2, pain, &baseline, nil)
	j.recs = append(j.recs, recs...)
}

// session is one session of a routine in the coach: its first n
// exercises, each ending at pain, then outcome.
func (j *journalOf) session(routine string, at time.Time, baseline, n, pain int, outcome string) string {
	j.n++
	sid := fmt.Sprintf("s%d", j.n)
	b := baseline
	j.recs = append(j.recs, journal.Record{Kind: journal.KindSessionStart, At: at, Session: sid, Routine: routine, Baseline: &b})
	rt, _ := j.lib.Routine(routine)
	for _, it := range rt.Items[:n] {
		rg := it.Start.Rung()
		if st, ok := coach.Replay(j.lib, j.recs).State(it.ID); ok {
			rg = st.Rung
		}
		for s := 1; s <= rg.Sets; s++ {
			r := rg
			j.recs = append(j.recs, journal.Record{Kind: journal.KindSet, At: at, Session: sid, Routine: routine, Exercise: it.ID,
				Set: s, Rung: &r, Target: r.Value, Achieved: r.Value, Effort: 3})
		}
		p := pain
		j.recs = append(j.recs, journal.Record{Kind: journal.KindExerciseEnd, At: at, Session: sid, Routine: routine, Exercise: it.ID, Pain: &p})
	}
	j.recs = append(j.recs, journal.Record{Kind: journal.KindSessionEnd, At: at, Session: sid, Routine: routine, Outcome: outcome})
	return sid
}

func (j *journalOf) report() *Report {
	return Build(Input{Lib: j.lib, Progress: coach.Replay(j.lib, j.recs), Now: fixtureNow})
}

func (j *journalOf) page(r *Report) string {
	var b bytes.Buffer
	if err := r.HTML(&b, "Report"); err != nil {
		j.t.Fatal(err)
	}
	return b.String()
}

func day(d int) time.Time { return time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC).AddDate(0, 0, -d) }

// Eighteen days of three limber log calls each are 18 sessions, 18
// check-ins, and 18 days in the calendar: one number everywhere.
func TestLogCallsOfOneDayAreOneSession(t *testing.T) {
	j := newJournal(t)
	for d := 18; d >= 1; d-- {
		for i, id := range []string{"ankle-pumps", "ankle-circles", "big-toe-bends"} {
			j.log(id, day(d).Add(time.Duration(i)*time.Minute), 2, 1)
		}
	}
	r := j.report()
	if r.Sessions != 18 || len(r.Pain) != 18 {
		t.Fatalf("%d sessions, %d pain points, want 18 and 18", r.Sessions, len(r.Pain))
	}
	days := 0
	for _, d := range r.Calendar.Days {
		if d.Done() {
			days++
		}
	}
	if days != 18 {
		t.Errorf("%d days with a session in the calendar, want 18", days)
	}
	text := r.Text(100)
	for _, want := range []string{": 18 sessions.", "last 18 check-ins", "Logged one by one"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	page := j.page(r)
	for _, want := range []string{"Sessions done: 18 ", "the last 18 check-ins", "Exercises logged one by one (limber log)"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "No sessions in these") {
		t.Error(`"No sessions in these 12 weeks" under a calendar full of sessions`)
	}
}

// A day's log calls count toward a routine when they make up all of it:
// all 8 of feet-daily's exercises, not 7.
func TestLogCallsCountTowardARoutineTheyMakeUp(t *testing.T) {
	rtOf := func(r *Report, id string) RoutineWeeks {
		for _, rw := range r.Calendar.Routines {
			if rw.ID == id {
				return rw
			}
		}
		t.Fatalf("no routine %s", id)
		return RoutineWeeks{}
	}
	for _, n := range []int{7, 8} {
		j := newJournal(t)
		rt, _ := j.lib.Routine("feet-daily")
		for i, it := range rt.Items[:n] {
			j.log(it.ID, day(1).Add(time.Duration(i)*time.Minute), 2, 1)
		}
		r := j.report()
		done := rtOf(r, "feet-daily").Done[Weeks-1]
		if (n == 8) != (done == 1) || r.Sessions != 1 {
			t.Errorf("%d of 8 logged: feet-daily done %d days this week, %d sessions", n, done, r.Sessions)
		}
		if (n == 8) == (r.Calendar.Logged[Weeks-1] == 1) {
			t.Errorf("%d of 8 logged: %d days logged with no routine", n, r.Calendar.Logged[Weeks-1])
		}
	}
}

// A session left part-way is not done, but its pain is charted (a session
// left because it hurt is the one to see); carried on and finished the
// same day, the two are one session; two finished sessions of a routine in
// one day are one.
func TestPartWaySessionsDoNotCount(t *testing.T) {
	j := newJournal(t)
	j.session("feet-daily", day(3), 3, 2, 1, coach.OutcomeQuit)
	r := j.report()
	if r.Sessions != 0 || len(r.Pain) != 1 {
		t.Errorf("a part-way session: %d sessions, %d pain points, want 0 and 1", r.Sessions, len(r.Pain))
	}
	d := r.Calendar.Days[len(r.Calendar.Days)-7+((int(day(3).Weekday())+6)%7)]
	if !d.Date.Equal(coach.Midnight(day(3))) || d.Done() || !d.PartWay {
		t.Errorf("the day of a part-way session: %+v", d)
	}
	if page := j.page(r); !strings.Contains(page, ": started, not finished</title>") || !strings.Contains(page, "Sessions done: 0 ") {
		t.Error("the page does not show the day as started, not finished")
	}
	// Carried on and finished later that day.
	j.session("feet-daily", day(3).Add(2*time.Hour), 4, 8, 2, coach.OutcomeFinished)
	r = j.report()
	if r.Sessions != 1 || len(r.Pain) != 1 || *r.Pain[0].Before != 3 || *r.Pain[0].After != 2 {
		t.Fatalf("carried on: %d sessions, pain %+v", r.Sessions, r.Pain)
	}
	// Again in the evening: still one session that day.
	j.session("feet-daily", day(3).Add(9*time.Hour), 2, 8, 5, coach.OutcomeFinished)
	r = j.report()
	if r.Sessions != 1 || *r.Pain[0].After != 5 {
		t.Errorf("twice in a day: %d sessions, pain after %d", r.Sessions, *r.Pain[0].After)
	}
	// Another routine the same day is another session.
	j.session("balance-3x", day(3).Add(3*time.Hour), 2, 2, 1, coach.OutcomeFinished)
	if r = j.report(); r.Sessions != 2 {
		t.Errorf("two routines in a day: %d sessions", r.Sessions)
	}
}

// The pain after exercise is the highest at any exercise's end; a
// check-in that a red flag ended has its usual pain and no after.
func TestPainBeforeAndAfter(t *testing.T) {
	j := newJournal(t)
	sid := j.session("feet-daily", day(2), 4, 3, 2, coach.OutcomeFinished)
	for i := range j.recs {
		if r := &j.recs[i]; r.Session == sid && r.Kind == journal.KindExerciseEnd && r.Exercise == "ankle-circles" {
			six := 6
			r.Pain = &six
		}
	}
	b := 7
	yes := true
	j.recs = append(j.recs,
		journal.Record{Kind: journal.KindSessionStart, At: day(1), Session: "rf", Routine: "feet-daily", Baseline: &b, RedFlag: &yes},
		journal.Record{Kind: journal.KindSessionEnd, At: day(1), Session: "rf", Routine: "feet-daily", Outcome: coach.OutcomeRedFlag})
	r := j.report()
	if len(r.Pain) != 2 || *r.Pain[0].Before != 4 || *r.Pain[0].After != 6 || *r.Pain[1].Before != 7 || r.Pain[1].After != nil {
		t.Fatalf("pain %+v", r.Pain)
	}
	text := r.Text(80)
	for _, want := range []string{"Before: the usual pain at the check-in", "After: the highest pain after an exercise",
		"before: average 5.5 · after: average 6.0 · higher after than before at 1 of 1."} {
		if !strings.Contains(flat(text), want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	page := j.page(r)
	if strings.Count(page, "usual pain") < 3 || !strings.Contains(page, "highest pain 6 after an exercise") {
		t.Error("the page does not chart both lines")
	}
}

// Flags: one row per day and cause naming its exercises; a pain stop
// once; a flare mid-set folded into its step-down; ready flags apart.
func TestFlagRows(t *testing.T) {
	j := newJournal(t)
	j.session("feet-daily", day(4), 0, 8, 1, coach.OutcomeFinished)
	sid := j.session("feet-daily", day(2), 0, 2, 8, coach.OutcomeFinished) // both at 8: two step-downs
	j.recs = append(j.recs[:len(j.recs)-1], journal.Record{Kind: journal.KindFlare, At: day(2), Session: sid, Routine: "feet-daily",
		Exercise: "ankle-pumps", Set: 1, Pain: intp(8)}, j.recs[len(j.recs)-1])
	stop := j.session("feet-daily", day(1), 0, 1, 9, coach.OutcomeStopped)
	for i := range j.recs {
		if r := &j.recs[i]; r.Session == stop && r.Kind == journal.KindExerciseEnd {
			r.Stopped = true
		}
	}
	r := j.report()
	rows := r.FlagRows()
	if len(rows) != 2 {
		t.Fatalf("%d rows: %+v", len(rows), rows)
	}
	if rows[0].Cause != CauseStop || strings.Join(rows[0].Exercises, ",") != "Ankle pumps" || len(rows[0].Details) != 1 ||
		!strings.Contains(rows[0].Details[0], "Ankle pumps: pain 9 of 10, usual 0; stopped, and already at its easiest step") {
		t.Errorf("the stop row: %+v", rows[0])
	}
	if rows[1].Cause != CauseFlare || strings.Join(rows[1].Exercises, ",") != "Ankle pumps,Ankle circles" || len(rows[1].Details) != 2 {
		t.Errorf("the step-down row: %+v", rows[1])
	}
	text := r.Text(100)
	if strings.Count(text, "Stopped for pain") != 1 || strings.Contains(text, CauseMidSet) {
		t.Errorf("the stop is not listed once, or the mid-set flare stands apart:\n%s", text)
	}
}

func intp(n int) *int { return &n }

// The fixture's ready flag is in the list of its own, not among the
// flags; its red flags say which; its note is shown.
func TestFixtureFlagsAndNotes(t *testing.T) {
	r := Build(fixtureInput(t))
	for _, row := range r.FlagRows() {
		if strings.Contains(row.Cause, "Ready") || strings.Contains(strings.Join(row.Details, " "), "Ready for the next level") {
			t.Errorf("a ready flag among the safety flags: %+v", row)
		}
	}
	if len(r.Waiting) != 1 || r.Waiting[0].Name != "Marching in place at a counter" || !strings.HasPrefix(r.Waiting[0].Next, "level 4 (") {
		t.Errorf("waiting %+v", r.Waiting)
	}
	text := flat(r.Text(80))
	for _, want := range []string{
		"Waiting for you to open the next level",
		"Red flag Answered yes to a fall since the last session.",
		"Foot problem Answered yes to a new wound, blister or sore on a foot.",
		"(this record does not say which)",
		"therapist's note, 4 Mar: Easier until the heel pain settles; see 10 Mar.",
		"Latest: Below the usual range for adults 65 and over (stage 3 or more held): talk to your therapist about fall risk.",
		"Norms: CDC STEADI",
		"Ann Lee · born 1954 · clinician Dr Rao",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

// Without results a measure says how to do it; without a profile there is
// no person line, and the reading says how to compare.
func TestMeasuresWithoutResultsOrProfile(t *testing.T) {
	lib, recs, p := fixture(t)
	noResults := slices.DeleteFunc(slices.Clone(recs), func(r journal.Record) bool { return r.Kind == journal.KindAssessment })
	r := Build(Input{Lib: lib, Progress: coach.Replay(lib, noResults), Now: fixtureNow})
	text := r.Text(80)
	if !strings.Contains(text, "30-second chair stand: not done yet (limber assess chair-stand-30s).") || strings.Contains(text, "born") {
		t.Errorf("text:\n%s", text)
	}
	// The fixture's results carry age and sex: they read without a profile.
	r = Build(Input{Lib: lib, Progress: p, Now: fixtureNow})
	if !strings.Contains(flat(r.Text(80)), "Latest: In the usual range for women 70-74") {
		t.Errorf("a recorded age and sex were not used:\n%s", r.Text(80))
	}
	// A result recorded without them, and no profile: say how to compare.
	cs, _ := lib.Assessment("chair-stand-30s")
	more := append(append([]journal.Record(nil), recs...), coach.AssessmentRecord(cs, fixtureNow.Add(-time.Hour), 9, 0, ""))
	r = Build(Input{Lib: lib, Progress: coach.Replay(lib, more), Now: fixtureNow})
	if !strings.Contains(flat(r.Text(80)), "Latest: No comparison yet: add your year of birth and sex") {
		t.Errorf("no age or sex:\n%s", r.Text(80))
	}
	r = Build(Input{Lib: lib, Progress: coach.Replay(lib, more), Profile: fixtureProfile, Now: fixtureNow})
	if !strings.Contains(flat(r.Text(80)), "Latest: Below the usual range for women 70-74 (10 stands or more): talk to your therapist about fall risk.") {
		t.Errorf("the profile's age and sex were not used:\n%s", r.Text(80))
	}
}

// The handout prints the dose, never the rules' reasons; one source line
// per exercise; "your therapist set this" where the therapist placed it.
func TestHandoutWordsForThePatient(t *testing.T) {
	h, rt := feetHandout(t)
	var b bytes.Buffer
	if err := h.HTML(&b); err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]string{"text": h.Text(80), "markdown": h.Markdown(), "html": b.String()} {
		for _, bad := range []string{"Why this dose", "in a row", "easy session", "Your starting dose", "step down", "stepped down"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s says %q", name, bad)
			}
		}
		if n := strings.Count(s, "Source:"); n != len(rt.Items) {
			t.Errorf("%s has %d source lines for %d exercises", name, n, len(rt.Items))
		}
		if n := strings.Count(s, SetByTherapistWords); n != 1 {
			t.Errorf("%s says %q %d times, want once (calf stretch at a wall)", name, SetByTherapistWords, n)
		}
		if !strings.Contains(s, "Ann Lee · born 1954 · clinician Dr Rao") {
			t.Errorf("%s does not say who it is for", name)
		}
	}
	for _, it := range h.Items {
		if it.SetByTherapist != (it.ID == "calf-stretch-wall") {
			t.Errorf("%s: set by the therapist %v", it.ID, it.SetByTherapist)
		}
	}
}

func TestHandoutLargePrint(t *testing.T) {
	h, _ := feetHandout(t)
	h.Large = true
	for _, w := range []int{30, LargeWidth - 1, LargeWidth, LargeWidth + 1, 120} {
		for _, l := range strings.Split(h.Text(w), "\n") {
			if n := len([]rune(l)); n > min(w, LargeWidth) {
				t.Errorf("large print at width %d: a line of %d: %q", w, n, l)
			}
		}
	}
	pageGolden(t, h.Text(120))
	var b bytes.Buffer
	if err := h.HTML(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `<body class="large">`) {
		t.Error("the large page has no large body")
	}
}

func TestHandoutHTMLLarge(t *testing.T) {
	h, _ := feetHandout(t)
	h.Large = true
	var b bytes.Buffer
	if err := h.HTML(&b); err != nil {
		t.Fatal(err)
	}
	wellFormed(t, b.String())
	selfContained(t, b.String())
	pageGolden(t, b.String())
}

// The person's name reaches the page's CSS (the running header) and its
// text escaped: it can close neither the string nor the style.
func TestRunningHeaderEscapes(t *testing.T) {
	in := fixtureInput(t)
	in.Profile = &profile.Profile{Name: `Ann "x" </style><script>alert(1)</script> \ ;}`, Born: 1954, Clinician: "Dr <b>Rao</b>"}
	var b bytes.Buffer
	if err := Build(in).HTML(&b, "Report"); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	wellFormed(t, page)
	selfContained(t, page)
	for _, bad := range []string{"</style><script>", "<b>Rao", `"x"`} {
		if strings.Contains(page, bad) {
			t.Errorf("%q reached the page", bad)
		}
	}
	style, _, _ := strings.Cut(page, "</style>")
	if strings.Count(style, "@top-left { content: \"") != 1 || strings.Contains(style, "<script>") {
		t.Errorf("the running header is not one escaped CSS string:\n%s", style[strings.Index(style, "@top-left"):][:300])
	}
}
