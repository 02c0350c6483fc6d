package exercises

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// withRules loads heel raises (2 × 8 to 10 reps, two levels, gated or not)
// with an exercise-level rules block.
func withRules(t *testing.T, block string) *Exercise {
	t.Helper()
	y := `category: strengthening
exercises:
  - id: heel-raises
    name: Heel raises
    dose: {kind: reps, sets: 2, reps: 8}
    levels: [At the counter, No hands]
    progression: {reps: {min: 8, max: 10}}
`
	if block != "" {
		y += "    rules: " + block + "\n"
	}
	return fixture(t, y)["heel-raises"]
}

// The probes read the rules only through what the coach does with them:
// the decision, the in-session ease, the stop rule.
func flares(e *Exercise, b, pain int) bool {
	return Decide(e, st(Rung{2, 1, 9}, 0), Performance{Sets: sets(9, 9, 1), Pain: pain, Baseline: b, HasBaseline: true}).Flag
}

func calms(e *Exercise, b, pain int) bool {
	d := Decide(e, st(Rung{2, 1, 9}, 0), Performance{Sets: sets(9, 9, 1), Pain: pain, Baseline: b, HasBaseline: true})
	return !d.Flag && d.Streak == 1
}

func eases(e *Exercise, b, pain int) bool {
	_, ok := Ease(e, Rung{2, 1, 9}, 1, pain, b)
	return ok
}

func TestThresholdsDefaultsForEveryUsualPain(t *testing.T) {
	e := withRules(t, "")
	// b: flare, stop, calm (DESIGN section 4: b 0 -> 6, 7, 3; b 4 -> 6, 7, 5; b 6 -> 8, 9, 7).
	want := [11][3]int{
		{6, 7, 3}, {6, 7, 3}, {6, 7, 3}, {6, 7, 4}, {6, 7, 5},
		{7, 8, 6}, {8, 9, 7}, {9, 10, 8}, {10, 10, 9}, {10, 10, 9}, {10, 10, 9},
	}
	for b := 0; b <= 10; b++ {
		f, s, c := Thresholds(e.Rules, b)
		if [3]int{f, s, c} != want[b] {
			t.Errorf("b %d: Thresholds = %d, %d, %d; want %v", b, f, s, c, want[b])
		}
		for pain := 0; pain <= 10; pain++ {
			if got := flares(e, b, pain); got != (pain >= want[b][0]) {
				t.Errorf("b %d pain %d: flagged %v, flare threshold %d", b, pain, got, want[b][0])
			}
			if got := eases(e, b, pain); got != (pain >= want[b][0]) {
				t.Errorf("b %d pain %d: Ease %v, flare threshold %d", b, pain, got, want[b][0])
			}
			if got := MustStop(e, pain, b); got != (pain >= want[b][1]) {
				t.Errorf("b %d pain %d: MustStop %v, stop threshold %d", b, pain, got, want[b][1])
			}
			if got := calms(e, b, pain); got != (pain <= want[b][2]) {
				t.Errorf("b %d pain %d: calm %v, calm threshold %d", b, pain, got, want[b][2])
			}
		}
	}
	// Out-of-range usual pain is read as the nearest end of the scale.
	if f, s, c := Thresholds(e.Rules, -1); [3]int{f, s, c} != want[0] {
		t.Errorf("b -1: %d %d %d", f, s, c)
	}
}

// Every pain key of a rules block, checked at the threshold it gives and
// one either side.
func TestThresholdOverrides(t *testing.T) {
	cases := []struct {
		block string
		b     int
		kind  string // flare, stop, calm
		at    int
	}{
		{"{regress: {pain_at_least: 5}}", 0, "flare", 5},
		{"{regress: {pain_at_least: 5}}", 4, "flare", 6}, // the rise is higher
		{"{regress: {pain_at_least: 7}, stop: {pain_at_least: 8}}", 0, "flare", 7},
		{"{regress: {pain_rise_at_least: 3}}", 5, "flare", 8},
		{"{regress: {pain_rise_at_least: 3}}", 0, "flare", 6}, // the fixed one is higher
		{"{regress: {pain_rise_at_least: 1}, progress: {pain_rise_at_most: 0}}", 6, "flare", 7},
		{"{stop: {pain_at_least: 8}}", 0, "stop", 8},
		{"{stop: {pain_at_least: 6}}", 0, "stop", 6},
		{"{stop: {pain_rise_at_least: 4}}", 5, "stop", 9},
		{"{stop: {pain_rise_at_least: 2}}", 6, "stop", 8},
		{"{progress: {pain_at_most: 4}}", 0, "calm", 4},
		{"{progress: {pain_at_most: 2}}", 0, "calm", 2},
		{"{progress: {pain_rise_at_most: 0}}", 5, "calm", 5},
		{"{progress: {pain_rise_at_most: 0}}", 2, "calm", 3},
		{"{regress: {pain_rise_at_least: 3}, progress: {pain_rise_at_most: 2}}", 5, "calm", 7},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s b %d", c.block, c.b), func(t *testing.T) {
			e := withRules(t, c.block)
			f, s, k := Thresholds(e.Rules, c.b)
			got := map[string]int{"flare": f, "stop": s, "calm": k}[c.kind]
			if got != c.at {
				t.Fatalf("%s threshold %d, want %d", c.kind, got, c.at)
			}
			for _, pain := range []int{c.at - 1, c.at, c.at + 1} {
				if pain < 0 || pain > 10 {
					continue
				}
				switch c.kind {
				case "flare":
					if flares(e, c.b, pain) != (pain >= c.at) || eases(e, c.b, pain) != (pain >= c.at) {
						t.Errorf("pain %d: flare %v, ease %v", pain, flares(e, c.b, pain), eases(e, c.b, pain))
					}
				case "stop":
					if MustStop(e, pain, c.b) != (pain >= c.at) {
						t.Errorf("pain %d: stop %v", pain, MustStop(e, pain, c.b))
					}
				case "calm":
					if calms(e, c.b, pain) != (pain <= c.at) {
						t.Errorf("pain %d: calm %v", pain, calms(e, c.b, pain))
					}
				}
			}
		})
	}
}

func TestEffortScoreAndSessionOverrides(t *testing.T) {
	hard := func(e *Exercise, effort int) bool {
		return Decide(e, st(Rung{2, 1, 9}, 0), Performance{Sets: sets(9, 9, effort), Pain: 0}).Move == Down
	}
	easy := func(e *Exercise, effort int) bool {
		return Decide(e, st(Rung{2, 1, 9}, 0), Performance{Sets: sets(9, 9, effort), Pain: 0}).Streak == 1
	}
	e := withRules(t, "{regress: {effort_at_least: 4}}")
	if hard(e, 3) || !hard(e, 4) || !hard(e, 5) {
		t.Errorf("regress.effort_at_least 4: %v %v %v", hard(e, 3), hard(e, 4), hard(e, 5))
	}
	if e := withRules(t, ""); hard(e, 4) || !hard(e, 5) {
		t.Error("the default too-hard effort is 5")
	}
	e = withRules(t, "{progress: {effort_at_most: 3}}")
	if !easy(e, 2) || !easy(e, 3) || easy(e, 4) {
		t.Errorf("progress.effort_at_most 3: %v %v %v", easy(e, 2), easy(e, 3), easy(e, 4))
	}

	e = withRules(t, "{sessions_to_progress: 3}")
	for streak, want := range map[int]Move{1: Stay, 2: Up} {
		if d := Decide(e, st(Rung{2, 1, 9}, streak), Performance{Sets: sets(9, 9, 1)}); d.Move != want {
			t.Errorf("sessions_to_progress 3 after %d: %+v", streak, d)
		}
	}

	bag := fixture(t, `category: sensory
exercises:
  - id: bag
    name: Bag
    dose: {kind: reps, reps: 10}
    score: {out_of: 10}
    progression: {reps: {min: 10, max: 11}}
    rules: {progress: {score_at_least: 70}}
`)["bag"]
	for score, want := range map[int]Move{6: Stay, 7: Up, 8: Up} {
		if d := Decide(bag, st(Rung{1, 1, 10}, 1), Performance{Sets: sets(10, 10, 1), Score: ip(score)}); d.Move != want {
			t.Errorf("score_at_least 70, score %d: %+v", score, d)
		}
	}

	e = withRules(t, "{checkin: {high_pain_at_least: 6}}")
	if e.Rules.HighPainDay(5) || !e.Rules.HighPainDay(6) || !e.Rules.HighPainDay(7) {
		t.Errorf("checkin.high_pain_at_least 6: %+v", e.Rules)
	}
	if d := DefaultRules; d.HighPainDay(6) || !d.HighPainDay(7) {
		t.Error("the default high-pain day is usual pain 7")
	}
}

func TestMinDays(t *testing.T) {
	e := withRules(t, "{progress: {min_days: 7}}")
	began := time.Date(2026, 3, 2, 18, 0, 0, 0, time.UTC) // the evening the rung began
	easy := Performance{Sets: sets(9, 9, 1)}
	at := func(days int) Performance {
		p := easy
		p.At = began.Add(time.Duration(days)*24*time.Hour - 10*time.Hour) // a morning session
		return p
	}
	// The second easy session, a day later: the streak is full, the rung too new.
	d := Decide(e, State{Rung: Rung{2, 1, 9}, Streak: 1, Since: began}, at(1))
	if d.Move != Stay || d.Streak != 2 ||
		d.Reason != "Easy again: heel raises stays at level 1 (At the counter), 2 × 9 reps a little longer, as each step is held for at least 7 days (6 days to go)." {
		t.Errorf("day 1: %+v", d)
	}
	for days, want := range map[int]Move{6: Stay, 7: Up, 8: Up} {
		if d := Decide(e, State{Rung: Rung{2, 1, 9}, Streak: 2, Since: began}, at(days)); d.Move != want {
			t.Errorf("day %d: %+v", days, d)
		}
	}
	// Without min_days the second easy session moves up the next day.
	if d := Decide(withRules(t, ""), State{Rung: Rung{2, 1, 9}, Streak: 1, Since: began}, at(1)); d.Move != Up {
		t.Errorf("min_days 0: %+v", d)
	}
	if n := DaysOnRung(began, began.Add(5*time.Hour)); n != 0 { // 23:00 the same day
		t.Errorf("same day: %d", n)
	}
	if n := DaysOnRung(began, began.Add(7*time.Hour)); n != 1 { // 01:00 the next day
		t.Errorf("next day after midnight: %d", n)
	}
}

func TestGate(t *testing.T) {
	ex := fixture(t, `category: balance
exercises:
  - id: tandem
    name: Tandem stance
    dose: {kind: hold, sets: 1, hold: 10s}
    levels: [Two hands, One hand, No hands]
    progression: {hold: {min: 10s, max: 20s, step: 5s}, gate: 2}
`)
	e := ex["tandem"]
	if e.Progression.Gate != 2 {
		t.Fatalf("gate = %d", e.Progression.Gate)
	}
	for _, c := range []struct {
		r    Rung
		want bool
	}{{Rung{1, 1, 15}, false}, {Rung{1, 1, 20}, true}, {Rung{1, 2, 10}, false}, {Rung{1, 2, 20}, false}} {
		if got := e.AtGate(c.r); got != c.want {
			t.Errorf("AtGate(%v) = %v", c.r, got)
		}
	}
	easy := Performance{Sets: sets(20, 20, 1)}
	d := Decide(e, st(Rung{1, 1, 20}, 1), easy)
	if d.Move != Stay || !d.Ready || d.Flag || d.Streak != 0 ||
		d.Reason != "Ready for the next level: ask your therapist. Until then, level 1 (Two hands), 1 × 20 s hold again for tandem stance." {
		t.Errorf("at the gate: %+v", d)
	}
	if q := DecideQuiet(e, st(Rung{1, 1, 20}, 1), easy); !q.Ready || q.Move != Stay {
		t.Errorf("quiet at the gate: %+v", q)
	}
	// Below the last rung the streak climbs as usual.
	if d := Decide(e, st(Rung{1, 1, 15}, 1), Performance{Sets: sets(15, 15, 1)}); d.Move != Up || d.Ready {
		t.Errorf("below the gate: %+v", d)
	}
	// Past the gate (a therapist's adjust) the rules climb again.
	if d := Decide(e, st(Rung{1, 2, 20}, 1), easy); d.Move != Up || d.To != (Rung{1, 3, 10}) || d.Ready {
		t.Errorf("past the gate: %+v", d)
	}
	// Ungated, the same rung climbs to level 2.
	e2 := *e
	e2.Progression.Gate = 0
	if d := Decide(&e2, st(Rung{1, 1, 20}, 1), easy); d.Move != Up || d.To != (Rung{1, 2, 10}) {
		t.Errorf("ungated: %+v", d)
	}
}

// For any rules a library may hold, flare, stop and calm never overlap:
// calm < flare <= stop at every usual pain. A seeded loop over the whole
// range of every key; the invalid ones must be the ones validation refuses.
func TestThresholdsNeverOverlap(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	valid, refused := 0, 0
	for range 200_000 {
		r := DefaultRules
		r.RegressPainAtLeast = rng.IntN(11)
		r.RegressPainRise = 1 + rng.IntN(10)
		r.StopPainAtLeast = rng.IntN(11)
		r.StopPainRise = 1 + rng.IntN(10)
		r.ProgressPainAtMost = rng.IntN(11)
		r.ProgressPainRise = rng.IntN(11)
		conflicts := RulesConflicts(r)
		overlaps := false
		for b := 0; b <= 10; b++ {
			flare := max(r.RegressPainAtLeast, b+r.RegressPainRise)
			stop := max(r.StopPainAtLeast, b+r.StopPainRise)
			calm := max(r.ProgressPainAtMost, b+r.ProgressPainRise)
			overlaps = overlaps || calm >= flare || stop < flare
		}
		if overlaps != (len(conflicts) > 0) {
			t.Fatalf("%+v: overlap %v, conflicts %q", r, overlaps, conflicts)
		}
		if overlaps {
			refused++
			continue
		}
		valid++
		for b := 0; b <= 10; b++ {
			flare, stop, calm := Thresholds(r, b)
			if !(calm < flare && flare <= stop && flare <= 10 && stop <= 10) {
				t.Fatalf("%+v b %d: flare %d stop %d calm %d", r, b, flare, stop, calm)
			}
		}
	}
	if valid < 1000 || refused < 1000 {
		t.Fatalf("the loop tried too few of one sort: %d valid, %d refused", valid, refused)
	}
}

func TestRulesValidation(t *testing.T) {
	ex := `exercises:
  - id: heel-raises
    name: Heel raises
    category: strengthening
    dose: {kind: reps, sets: 2, reps: 8}
    levels: [A, B, C]
`
	cases := []struct {
		name, yaml string
		want       []string
	}{
		{"calm reaches flare", "rules:\n  progress: {pain_at_most: 6}\n", []string{
			`lib/a.yaml:2:3: rules: with usual pain 0, calm reaches pain 6 (progress.pain_at_most 6) but a flare starts at 6 (regress.pain_at_least 6); keep progress.pain_at_most below regress.pain_at_least`}},
		{"calm rise reaches flare", "rules:\n  progress: {pain_rise_at_most: 2}\n", []string{
			`lib/a.yaml:2:3: rules: with usual pain 4, calm reaches pain 6 (progress.pain_rise_at_most 2 over usual pain 4) but a flare starts at 6 (regress.pain_at_least 6); keep progress.pain_rise_at_most below regress.pain_at_least`}},
		{"stop below flare", "rules:\n  stop: {pain_at_least: 5}\n", []string{
			`lib/a.yaml:2:3: rules: with usual pain 0, stop comes at pain 5 (stop.pain_at_least 5), below a flare at 6 (regress.pain_at_least 6); stop must be at or above flare`}},
		{"stop rise below flare rise", "rules:\n  regress: {pain_rise_at_least: 4}\n", []string{
			`lib/a.yaml:2:3: rules: with usual pain 4, stop comes at pain 7 (stop.pain_at_least 7), below a flare at 8 (regress.pain_rise_at_least 4 over usual pain 4); stop must be at or above flare`}},
		{"effort both easy and too hard", "rules:\n  progress: {effort_at_most: 5}\n", []string{
			`lib/a.yaml:2:3: rules: progress.effort_at_most 5 is not below regress.effort_at_least 5: an effort cannot be both easy and too hard`}},
		{"an exercise's block against the file's", "rules:\n  regress: {pain_at_least: 5}\n" + ex + "    rules:\n      progress: {pain_at_most: 5}\n", []string{
			`lib/a.yaml:10:7: exercises[0].rules: with usual pain 0, calm reaches pain 5 (progress.pain_at_most 5) but a flare starts at 5 (regress.pain_at_least 5); keep progress.pain_at_most below regress.pain_at_least`}},
		{"new keys out of range", "rules:\n  progress: {min_days: 400, pain_rise_at_most: -1}\n  checkin: {high_pain_at_least: 0}\n  stop: {pain_rise_at_least: 0}\n", []string{
			`lib/a.yaml:2:24: rules.progress.min_days: 400 is out of range; use a whole number from 0 to 365`,
			`lib/a.yaml:2:48: rules.progress.pain_rise_at_most: -1 is out of range; use a whole number from 0 to 10`,
			`lib/a.yaml:3:33: rules.checkin.high_pain_at_least: 0 is out of range; use a whole number from 1 to 10`,
			`lib/a.yaml:4:30: rules.stop.pain_rise_at_least: 0 is out of range; use a whole number from 1 to 10`}},
		{"a misspelt key", "rules:\n  regress: {pain_rise: 2}\n  checkin: {high_pain: 7}\n", []string{
			`lib/a.yaml:2:13: rules.regress.pain_rise: unknown field "pain_rise"; valid fields here: pain_at_least, pain_rise_at_least, effort_at_least`,
			`lib/a.yaml:3:13: rules.checkin.high_pain: unknown field "high_pain"; valid fields here: high_pain_at_least`}},
		{"a near miss", "rules:\n  progres: {min_days: 2}\n", []string{
			`lib/a.yaml:2:3: rules.progres: unknown field "progres"; did you mean "progress"?`}},
		{"a bad value", "rules:\n  progress: {min_days: a week}\n", []string{
			`lib/a.yaml:2:24: rules.progress.min_days: expected a whole number from 0 to 365, found the text "a week"`}},
		{"gate 1", ex + "    progression: {gate: 1}\n", []string{
			`lib/a.yaml:7:25: exercises[0].progression.gate: gate 1 is outside the levels; use a level from 2 to 3 (the rules never climb to it by themselves)`}},
		{"gate past the levels", ex + "    progression: {gate: 4}\n", []string{
			`lib/a.yaml:7:25: exercises[0].progression.gate: gate 4 is outside the levels; use a level from 2 to 3 (the rules never climb to it by themselves)`}},
		{"gate without levels", strings.Replace(ex, "    levels: [A, B, C]\n", "", 1) + "    progression: {gate: 2}\n", []string{
			`lib/a.yaml:6:25: exercises[0].progression.gate: gate 2 needs levels: this exercise has none to gate; add levels or leave gate out`}},
		{"gate not a number", ex + "    progression: {gate: high}\n", []string{
			`lib/a.yaml:7:25: exercises[0].progression.gate: expected a whole number from 0 to 100, found the text "high"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs := loadFiles(map[string]string{"a.yaml": c.yaml})
			got := errStrings(errs)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("errors:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(c.want, "\n      "))
			}
		})
	}
	// Gate 2 and gate 3 (the last level) are valid; a sound block loads.
	for _, y := range []string{ex + "    progression: {gate: 2}\n", ex + "    progression: {gate: 3}\n",
		"rules:\n  regress: {pain_at_least: 5, pain_rise_at_least: 3}\n  progress: {pain_at_most: 4, pain_rise_at_most: 2, min_days: 7}\n  stop: {pain_at_least: 5, pain_rise_at_least: 3}\n  checkin: {high_pain_at_least: 6}\n  source: Our clinic\n" + ex} {
		lib, errs := loadFiles(map[string]string{"a.yaml": y})
		if len(errs) > 0 {
			t.Fatalf("%s: %v", y, errStrings(errs))
		}
		e, _ := lib.Exercise("heel-raises")
		if strings.HasPrefix(y, "rules:") {
			r := e.Rules
			got := []int{r.RegressPainAtLeast, r.RegressPainRise, r.ProgressPainAtMost, r.ProgressPainRise, r.ProgressMinDays, r.StopPainAtLeast, r.StopPainRise, r.CheckinHighPain}
			if fmt.Sprint(got) != "[5 3 4 2 7 5 3 6]" || r.Source != "Our clinic" {
				t.Errorf("rules read as %+v", r)
			}
		}
	}
	// A file's block with an error is not applied: its exercises keep the defaults.
	lib, _ := loadFiles(map[string]string{"a.yaml": "rules:\n  progress: {pain_at_most: 6}\n" + ex})
	if e, ok := lib.Exercise("heel-raises"); !ok || e.Rules != DefaultRules {
		t.Errorf("a refused block was applied: %+v", e)
	}
}
