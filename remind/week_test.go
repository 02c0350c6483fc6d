package remind

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
)

const testYAML = `category: rom
exercises:
  - id: ankle
    name: Ankle pumps
    dose: {kind: reps, sets: 1, reps: 10}
  - id: toes
    name: Toe bends
    dose: {kind: reps, sets: 1, reps: 10}
  - id: stand
    name: Standing
    dose: {kind: hold, sets: 1, hold: 10}
  - id: march
    name: Marching
    dose: {kind: reps, sets: 1, reps: 10}
routines:
  - id: feet
    name: Feet and ankles
    frequency: daily
    exercises: [ankle, toes]
  - id: balance
    name: Balance
    frequency: 3x/week
    exercises: [stand, march]
  - id: walk
    name: Walking
    frequency: 2x/week
    exercises: [march]
`

func testLibrary(t testing.TB) *exercises.Library {
	t.Helper()
	lib, errs := exercises.Load(exercises.Source{FS: fstest.MapFS{"t.yaml": {Data: []byte(testYAML)}}, Root: "."})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

// zone is a zone an hour east of UTC, so that a local day and a UTC day
// differ.
var zone = time.FixedZone("CET", 3600)

// at is a local time on a day of January 2026: the 5th is a Monday.
func at(day, hour, min int) time.Time { return time.Date(2026, 1, day, hour, min, 0, 0, zone) }

// book writes journals as the coach does.
type book struct {
	lib  *exercises.Library
	recs []journal.Record
	n    int
}

// session records a session of routine id at t: a check-in, then the
// first done exercises each with a set and an end, then an end with
// outcome ("" for none: the coach was closed).
func (b *book) session(id string, t time.Time, done int, outcome string) string {
	rt, _ := b.lib.Routine(id)
	b.n++
	sid := fmt.Sprintf("%s-%d", id, b.n)
	pain := 1
	b.recs = append(b.recs, journal.Record{V: 1, Kind: journal.KindSessionStart, At: t, Session: sid, Routine: id, Baseline: &pain})
	for _, it := range rt.Items[:done] {
		t = t.Add(time.Minute)
		rg := exercises.Rung{Level: 1, Sets: 1, Value: 10}
		b.recs = append(b.recs,
			journal.Record{V: 1, Kind: journal.KindSet, At: t, Session: sid, Routine: id, Exercise: it.ID, Set: 1, Rung: &rg, Target: 10, Achieved: 10, Effort: 2},
			journal.Record{V: 1, Kind: journal.KindExerciseEnd, At: t, Session: sid, Routine: id, Exercise: it.ID, Pain: &pain})
	}
	if outcome != "" {
		b.recs = append(b.recs, journal.Record{V: 1, Kind: journal.KindSessionEnd, At: t.Add(time.Minute), Session: sid, Routine: id, Outcome: outcome})
	}
	return sid
}

// checkIn records a check-in that ended the session at once: a red flag
// or a day of rest.
func (b *book) checkIn(id string, t time.Time, outcome string) {
	b.n++
	sid := fmt.Sprintf("%s-%d", id, b.n)
	b.recs = append(b.recs,
		journal.Record{V: 1, Kind: journal.KindSessionStart, At: t, Session: sid, Routine: id},
		journal.Record{V: 1, Kind: journal.KindSessionEnd, At: t, Session: sid, Routine: id, Outcome: outcome})
}

func (b *book) today(now time.Time) Today {
	return Summarize(b.lib, coach.Replay(b.lib, b.recs), now)
}

func routine(t *testing.T, td Today, id string) Routine {
	t.Helper()
	for _, r := range td.Routines {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no routine %s", id)
	return Routine{}
}

// Every adherence state, in the words status and the home screen show.
func TestAdherenceStates(t *testing.T) {
	lib := testLibrary(t)
	fin := coach.OutcomeFinished
	cases := []struct {
		name   string
		now    time.Time
		build  func(b *book)
		words  map[string]string // routine id: its words
		line   string
		short  string
		remind bool
	}{
		{
			name: "nothing yet", now: at(7, 9, 30),
			build: func(b *book) {},
			words: map[string]string{"feet": "not yet today", "balance": "0 of 3 this week", "walk": "0 of 2 this week"},
			line:  "No routine in the last four weeks: run limber when you are ready.",
			short: "limber: ready when you are", remind: true,
		},
		{
			name: "part-way today", now: at(7, 9, 30),
			build: func(b *book) { b.session("feet", at(7, 8, 0), 1, coach.OutcomeQuit) },
			words: map[string]string{"feet": "started: 1 of 2 done"},
			line:  "Feet and ankles: started: 1 of 2 done",
			short: "limber: 1 to do", remind: true,
		},
		{
			name: "part-way, the coach closed without an end", now: at(7, 9, 30),
			build: func(b *book) { b.session("feet", at(7, 8, 0), 1, "") },
			words: map[string]string{"feet": "started: 1 of 2 done"},
			short: "limber: 1 to do", remind: true,
		},
		{
			name: "done today", now: at(7, 9, 30),
			build: func(b *book) { b.session("feet", at(7, 8, 0), 2, fin) },
			words: map[string]string{"feet": "done today ✓"},
			line:  "Feet and ankles: done today ✓",
			short: "limber: done ✓", remind: false,
		},
		{
			name: "done today in two parts", now: at(7, 9, 30),
			build: func(b *book) {
				b.session("feet", at(7, 8, 0), 1, coach.OutcomeQuit)
				b.n++
				sid := fmt.Sprintf("feet-%d", b.n)
				pain, rg := 0, exercises.Rung{Level: 1, Sets: 1, Value: 10}
				b.recs = append(b.recs,
					journal.Record{V: 1, Kind: journal.KindSessionStart, At: at(7, 9, 0), Session: sid, Routine: "feet"},
					journal.Record{V: 1, Kind: journal.KindSet, At: at(7, 9, 1), Session: sid, Routine: "feet", Exercise: "toes", Set: 1, Rung: &rg, Target: 10, Achieved: 10, Effort: 2},
					journal.Record{V: 1, Kind: journal.KindExerciseEnd, At: at(7, 9, 1), Session: sid, Routine: "feet", Exercise: "toes", Pain: &pain})
			},
			words: map[string]string{"feet": "done today ✓"},
			short: "limber: done ✓", remind: false,
		},
		{
			name: "behind this week", now: at(10, 9, 30), // Saturday: 2 days left, 3 to do
			build: func(b *book) { b.session("balance", at(2, 10, 0), 2, fin) },
			words: map[string]string{"balance": "0 of 3 this week, that's fine: pick up today"},
			line:  "Balance: 0 of 3 this week, that's fine: pick up today",
			short: "limber: 1 to do", remind: true,
		},
		{
			name: "not behind with as many days left as sessions", now: at(9, 9, 30), // Friday
			build: func(b *book) { b.session("balance", at(2, 10, 0), 2, fin) },
			words: map[string]string{"balance": "0 of 3 this week"},
			short: "limber: 1 to do", remind: true,
		},
		{
			name: "one done on Saturday: not behind", now: at(10, 9, 30),
			build: func(b *book) { b.session("balance", at(8, 10, 0), 2, fin) },
			words: map[string]string{"balance": "1 of 3 this week"},
			short: "limber: 1 to do", remind: true,
		},
		{
			name: "the week's sessions done", now: at(9, 9, 30),
			build: func(b *book) {
				for _, d := range []int{5, 6, 8} {
					b.session("balance", at(d, 10, 0), 2, fin)
				}
			},
			words: map[string]string{"balance": "3 of 3 this week ✓"},
			short: "limber: done ✓", remind: false,
		},
		{
			name: "ahead", now: at(10, 9, 30),
			build: func(b *book) {
				for _, d := range []int{5, 6, 8, 9} {
					b.session("balance", at(d, 10, 0), 2, fin)
				}
			},
			words: map[string]string{"balance": "4 this week, 3 planned ✓"},
			line:  "Balance: 4 this week, 3 planned ✓",
			short: "limber: done ✓", remind: false,
		},
		{
			name: "done today, a few times a week", now: at(8, 19, 0),
			build: func(b *book) {
				b.session("balance", at(5, 10, 0), 2, fin)
				b.session("balance", at(8, 10, 0), 2, fin)
			},
			words: map[string]string{"balance": "done today ✓, 2 of 3 this week"},
			short: "limber: done ✓", remind: false,
		},
		{
			name: "a daily routine missed yesterday", now: at(8, 9, 30),
			build: func(b *book) { b.session("feet", at(6, 9, 0), 2, fin) },
			words: map[string]string{"feet": PickUp},
			line:  "Feet and ankles: that's fine: pick up today",
			short: "limber: 1 to do", remind: true,
		},
		{
			name: "a daily routine done yesterday", now: at(8, 9, 30),
			build: func(b *book) { b.session("feet", at(7, 9, 0), 2, fin) },
			words: map[string]string{"feet": "not yet today"},
			line:  "Feet and ankles: not yet today",
			short: "limber: 1 to do", remind: true,
		},
		{
			name: "a daily routine started yesterday for the first time", now: at(8, 9, 30),
			build: func(b *book) { b.session("feet", at(7, 9, 0), 1, coach.OutcomeQuit) },
			words: map[string]string{"feet": "not yet today"},
			short: "limber: 1 to do", remind: true,
		},
		{
			name: "yesterday a day of rest", now: at(8, 9, 30),
			build: func(b *book) {
				b.session("feet", at(6, 9, 0), 2, fin)
				b.checkIn("feet", at(7, 9, 0), coach.OutcomeRest)
			},
			words: map[string]string{"feet": "not yet today"},
			short: "limber: 1 to do", remind: true,
		},
		{
			name: "a day of rest today", now: at(8, 9, 30),
			build: func(b *book) {
				b.session("feet", at(7, 9, 0), 2, fin)
				b.session("balance", at(7, 10, 0), 2, fin)
				b.checkIn("feet", at(8, 9, 0), coach.OutcomeRest)
			},
			line:  "A rest day today, as you chose at the check-in.",
			short: "limber: rest day", remind: false,
		},
		{
			name: "a red flag today", now: at(8, 9, 30),
			build: func(b *book) {
				b.session("feet", at(7, 9, 0), 2, fin)
				b.checkIn("balance", at(8, 9, 0), coach.OutcomeRedFlag)
			},
			line:  "No exercise today, as the check-in advised.",
			short: "limber: no exercise today", remind: false,
		},
		{
			name: "two in use", now: at(8, 9, 30),
			build: func(b *book) {
				b.session("feet", at(7, 9, 0), 2, fin)
				b.session("balance", at(7, 10, 0), 2, fin)
			},
			line:  "Feet and ankles: not yet today · Balance: 1 of 3 this week",
			short: "limber: 2 to do", remind: true,
		},
		{
			name: "last week does not count this week", now: at(6, 9, 30), // Tuesday
			build: func(b *book) {
				b.session("balance", at(4, 23, 50), 2, fin) // Sunday night
				b.session("walk", at(5, 0, 0), 1, fin)      // Monday, at midnight
			},
			words: map[string]string{"balance": "0 of 3 this week", "walk": "1 of 2 this week"},
			short: "limber: 2 to do", remind: true,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := &book{lib: lib}
			c.build(b)
			td := b.today(c.now)
			for id, want := range c.words {
				if got := routine(t, td, id).Words(); got != want {
					t.Errorf("%s: %q, want %q", id, got, want)
				}
			}
			if c.line != "" && td.Line() != c.line {
				t.Errorf("line %q, want %q", td.Line(), c.line)
			}
			if td.Short() != c.short {
				t.Errorf("short %q, want %q", td.Short(), c.short)
			}
			if td.Remind() != c.remind {
				t.Errorf("remind %v, want %v", td.Remind(), c.remind)
			}
		})
	}
}

// A routine stays in use for InUseDays after the Monday of this week.
func TestInUseWindow(t *testing.T) {
	lib := testLibrary(t)
	now := at(8, 9, 0) // Thursday
	since := Since(now)
	if want := time.Date(2025, 12, 8, 0, 0, 0, 0, zone); !since.Equal(want) {
		t.Fatalf("Since = %v, want %v", since, want)
	}
	for _, c := range []struct {
		start time.Time
		inUse bool
	}{
		{since.Add(-time.Second), false},
		{since, true},
		{since.Add(time.Second), true},
	} {
		b := &book{lib: lib}
		b.session("walk", c.start, 1, coach.OutcomeFinished)
		if got := routine(t, b.today(now), "walk").InUse; got != c.inUse {
			t.Errorf("a session at %v: in use %v, want %v", c.start, got, c.inUse)
		}
	}
	// A check-in alone is no work: it does not put a routine in use.
	b := &book{lib: lib}
	b.checkIn("walk", at(7, 9, 0), coach.OutcomeRedFlag)
	if routine(t, b.today(now), "walk").InUse {
		t.Error("a check-in with no work put the routine in use")
	}
}

// The prompt's words stay short whatever the count.
func TestShortIsShort(t *testing.T) {
	td := Today{}
	for i := range 12 {
		td.Routines = append(td.Routines, Routine{ID: fmt.Sprint(i), PerWeek: 7, Due: true, InUse: true})
	}
	shorts := []string{td.Short(), td.ShortReminder(), Today{}.Short(), Today{Resting: true}.Short(), Today{Advised: true}.Short(),
		Today{Routines: []Routine{{PerWeek: 7}}}.ShortReminder()}
	for _, s := range shorts {
		if n := utf8.RuneCountInString(s); n >= 30 || !strings.HasPrefix(s, "limber: ") {
			t.Errorf("%q: %d characters", s, n)
		}
	}
	if td.Short() != "limber: 12 to do" || td.ShortReminder() != "limber: reminder, 12 to do" {
		t.Errorf("%q, %q", td.Short(), td.ShortReminder())
	}
}

// The notification names only what is still to do.
func TestNotice(t *testing.T) {
	lib := testLibrary(t)
	b := &book{lib: lib}
	b.session("feet", at(7, 9, 0), 2, coach.OutcomeFinished)
	b.session("balance", at(7, 10, 0), 2, coach.OutcomeFinished)
	b.session("balance", at(8, 8, 0), 2, coach.OutcomeFinished)
	title, body := b.today(at(8, 9, 30)).Notice()
	if title != "limber: time for your exercises" || body != "Feet and ankles: not yet today. Run limber in a terminal when you are ready." {
		t.Errorf("%q %q", title, body)
	}
	_, body = (&book{lib: lib}).today(at(8, 9, 30)).Notice()
	if !strings.Contains(body, "ready when you are") {
		t.Errorf("with nothing in use: %q", body)
	}
}
