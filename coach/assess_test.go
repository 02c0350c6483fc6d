package coach

import (
	"testing"
	"testing/fstest"
	"time"

	"limber/exercises"
	"limber/journal"
)

const assessLib = `assessments:
  - id: stands
    name: Stands
    kind: count
    duration: 30s
    unit: stands
    steps: [Stand up, sit down.]
    every: 4w
    norms: [{age: 70-74, sex: F, below: 10}]
  - id: balance
    name: Balance
    kind: stages
    duration: 10s
    stages: [One, Two, Three, Four]
    steps: [Hold each.]
    every: 1w
`

func assessLibrary(t *testing.T) *exercises.Library {
	t.Helper()
	lib, errs := exercises.Load(exercises.Source{FS: fstest.MapFS{"a.yaml": {Data: []byte(assessLib)}}, Root: ".", Label: "t"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

func assessed(test string, at time.Time, result, age int, sex string) journal.Record {
	return journal.Record{Kind: journal.KindAssessment, At: at, Session: "a-" + at.Format(time.RFC3339),
		Assessed: &journal.Assessed{Test: test, Result: result, Age: age, Sex: sex}}
}

func TestResultsPassOverWhatNoTestGives(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	recs := []journal.Record{
		assessed("stands", at.Add(time.Hour), 11, 72, "F"),
		assessed("stands", at, 9, 72, "F"), // earlier, written later: sorted
		assessed("stands", at, -1, 72, "F"),
		assessed("stands", at, exercises.MaxCount+1, 72, "F"),
		assessed("stands", at, exercises.MaxCount, 0, ""),
		assessed("stands", at, 5, MaxAge+1, "F"),
		assessed("stands", at, 5, MaxAge, "F"),
		assessed("stands", at, 5, 70, "X"),
		assessed("", at, 5, 70, "F"),
		{Kind: journal.KindAssessment, At: at, Session: "nil"},
		{Kind: journal.KindAdjust, At: at, Session: "adj", Exercise: "stands"},
	}
	got := Results(recs)
	want := []int{9, exercises.MaxCount, 5, 11}
	if len(got) != len(want) {
		t.Fatalf("%d results, want %d: %+v", len(got), len(want), got)
	}
	for i, r := range got {
		if r.Result != want[i] {
			t.Errorf("result %d = %d, want %d", i, r.Result, want[i])
		}
	}
	if got[0].Age != 72 || got[0].Sex != "F" || got[0].Test != "stands" {
		t.Errorf("first result %+v", got[0])
	}
	// A stage the test no longer has is left out of its results.
	lib := assessLibrary(t)
	bal, _ := lib.Assessment("balance")
	rs := ResultsOf(bal, Results([]journal.Record{assessed("balance", at, 4, 0, ""), assessed("balance", at, 5, 0, ""), assessed("stands", at, 3, 0, "")}))
	if len(rs) != 1 || rs[0].Result != 4 {
		t.Errorf("balance results %+v", rs)
	}
}

func TestAssessmentRecord(t *testing.T) {
	lib := assessLibrary(t)
	a, _ := lib.Assessment("stands")
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	r := AssessmentRecord(a, at, 0, 72, "F")
	if r.Kind != journal.KindAssessment || !r.At.Equal(at) || r.Session == "" || r.Validate() != nil ||
		*r.Assessed != (journal.Assessed{Test: "stands", Result: 0, Age: 72, Sex: "F"}) {
		t.Errorf("record %+v %+v", r, r.Assessed)
	}
	if got := Results([]journal.Record{r}); len(got) != 1 || got[0].Result != 0 {
		t.Errorf("read back %+v", got)
	}
}

// Every 4 weeks from the day of the last result: not on day 27, on day
// 28 and after; whatever the time of day.
func TestDueEveryFromTheLastResult(t *testing.T) {
	lib := assessLibrary(t)
	last := time.Date(2026, 2, 2, 23, 30, 0, 0, time.UTC)
	results := Results([]journal.Record{assessed("stands", last.AddDate(0, 0, -28), 8, 0, ""), assessed("stands", last, 9, 0, "")})
	for _, c := range []struct {
		now  time.Time
		want bool
	}{
		{last.AddDate(0, 0, 27).Add(29*time.Minute + 59*time.Second), false}, // day 27, 23:59:59
		{time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), true},                  // day 28, midnight
		{time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), true},
		{time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC), true}, // day 29
	} {
		ds := Dues(lib, results, c.now)
		if len(ds) != 2 || ds[0].Assessment.ID != "stands" {
			t.Fatalf("dues %+v", ds)
		}
		if got := ds[0].DueAt(c.now); got != c.want {
			t.Errorf("at %s: due %v, want %v (on %s)", c.now, got, c.want, ds[0].On)
		}
		if ds[0].Last == nil || ds[0].Last.Result != 9 {
			t.Errorf("last %+v", ds[0].Last)
		}
		if !ds[1].DueAt(c.now) || ds[1].Last != nil || !ds[1].On.IsZero() {
			t.Errorf("balance, never done, is not due now: %+v", ds[1])
		}
	}
	// A weekly test: day 6 no, day 7 yes, day 8 yes.
	done := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	r := Results([]journal.Record{assessed("balance", done, 3, 0, "")})
	for days, want := range map[int]bool{6: false, 7: true, 8: true} {
		if got := Dues(lib, r, done.AddDate(0, 0, days))[1].DueAt(done.AddDate(0, 0, days)); got != want {
			t.Errorf("balance %d days on: due %v, want %v", days, got, want)
		}
	}
}

func TestOfferNeverOnARedFlagDay(t *testing.T) {
	lib := assessLibrary(t)
	now := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	morning := time.Date(2026, 3, 4, 8, 0, 0, 0, time.UTC)
	yes, no := true, false
	checkIn := func(at time.Time, flags []string, outcome string, mod func(*journal.Record)) []journal.Record {
		b := 3
		r := journal.Record{Kind: journal.KindSessionStart, At: at, Session: "s-" + at.Format(time.RFC3339), Routine: "feet", Baseline: &b, RedFlag: &no}
		if len(flags) > 0 {
			r.Answers = &journal.Answers{RedFlags: flags}
		}
		if mod != nil {
			mod(&r)
		}
		return []journal.Record{r, {Kind: journal.KindSessionEnd, At: at, Session: r.Session, Routine: "feet", Outcome: outcome}}
	}
	cases := []struct {
		name  string
		recs  []journal.Record
		offer bool
	}{
		{"nothing today", nil, true},
		{"a calm check-in today", checkIn(morning, nil, OutcomeQuit, nil), true},
		{"a red flag today", checkIn(morning, []string{string(Fall)}, OutcomeRedFlag, nil), false},
		{"a feet answer today", checkIn(morning, []string{string(FootWound)}, OutcomeQuit, nil), false},
		{"the older single red flag today", checkIn(morning, nil, OutcomeRedFlag, func(r *journal.Record) { r.RedFlag = &yes }), false},
		{"ketones today", checkIn(morning, nil, OutcomeKetones, func(r *journal.Record) { r.Answers = &journal.Answers{Ketones: &yes} }), false},
		{"rest chosen today", checkIn(morning, nil, OutcomeRest, func(r *journal.Record) { r.Answers = &journal.Answers{Today: TodayRest} }), false},
		{"a red flag yesterday", checkIn(morning.AddDate(0, 0, -1), []string{string(ChestPain)}, OutcomeRedFlag, nil), true},
		{"a red flag just before midnight", checkIn(time.Date(2026, 3, 3, 23, 59, 0, 0, time.UTC), []string{string(Fever)}, OutcomeRedFlag, nil), true},
		{"a red flag just after midnight", checkIn(time.Date(2026, 3, 4, 0, 1, 0, 0, time.UTC), []string{string(Fever)}, OutcomeRedFlag, nil), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := Replay(lib, c.recs)
			a, ok := p.Offer(lib, Results(c.recs), now)
			if ok != c.offer {
				t.Fatalf("offered %v, want %v", ok, c.offer)
			}
			if ok && a.ID != "stands" {
				t.Errorf("offered %s, want the first due, stands", a.ID)
			}
		})
	}
	// The first due is offered: stands done last week is not due, balance is.
	recs := []journal.Record{assessed("stands", now.AddDate(0, 0, -7), 12, 72, "F")}
	if a, ok := Replay(lib, recs).Offer(lib, Results(recs), now); !ok || a.ID != "balance" {
		t.Errorf("offered %v %v, want balance", a, ok)
	}
	// Both done within their time: nothing.
	recs = append(recs, assessed("balance", now.AddDate(0, 0, -6), 4, 0, ""))
	if a, ok := Replay(lib, recs).Offer(lib, Results(recs), now); ok {
		t.Errorf("offered %s with nothing due", a.ID)
	}
}
