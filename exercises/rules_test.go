package exercises

import (
	"strings"
	"testing"
)

// fixture loads one file and returns its exercises by id.
func fixture(t *testing.T, yaml string) map[string]*Exercise {
	t.Helper()
	lib, errs := loadFiles(map[string]string{"a.yaml": yaml})
	if len(errs) > 0 {
		t.Fatal(errStrings(errs))
	}
	out := map[string]*Exercise{}
	for _, e := range lib.Exercises() {
		out[e.ID] = e
	}
	return out
}

const rulesLib = `category: strengthening
exercises:
  - id: heel-raises
    name: Heel raises
    dose: {kind: reps, sets: 2, reps: 8}
    progression:
      reps: {min: 8, max: 10, step: 1}
      sets: {max: 3}
  - id: sit-to-stand
    name: Sit to stand
    dose: {kind: reps, sets: 1, reps: 5}
    levels: [Hands on the chair arms, Arms crossed]
    progression: {reps: {min: 5, max: 6}}
    rules:
      sessions_to_progress: 3
      regress: {pain_at_least: 5, pain_rise_at_least: 2, effort_at_least: 4}
      progress: {effort_at_most: 3, pain_at_most: 1}
      stop: {pain_at_least: 6}
  - id: bag
    name: What is in the bag
    category: sensory
    dose: {kind: reps, reps: 10}
    score: {out_of: 10}
    progression: {reps: {min: 10, max: 10}}
    levels: [Large objects, Small objects]
`

func sets(target int, achievedEffort ...int) []SetResult {
	var out []SetResult
	for i := 0; i+1 < len(achievedEffort); i += 2 {
		out = append(out, SetResult{Target: target, Achieved: achievedEffort[i], Effort: achievedEffort[i+1]})
	}
	return out
}

func ip(n int) *int { return &n }

func st(r Rung, streak int) State { return State{Rung: r, Streak: streak} }

func TestDecide(t *testing.T) {
	ex := fixture(t, rulesLib)
	cases := []struct {
		name   string
		ex     string
		state  State
		perf   Performance
		to     Rung
		move   Move
		streak int
		flag   bool
		reason string
	}{
		{"first easy session grows the streak", "heel-raises", st(Rung{2, 1, 8}, 0),
			Performance{Sets: sets(8, 8, 2, 8, 1), Pain: 1},
			Rung{2, 1, 8}, Stay, 1, false, "An easy session (1 of 2 in a row to move up): 2 × 8 reps again for heel raises."},
		{"second easy session moves up", "heel-raises", st(Rung{2, 1, 8}, 1),
			Performance{Sets: sets(8, 8, 2, 8, 2), Pain: 3},
			Rung{2, 1, 9}, Up, 0, false, "2 easy sessions in a row: up to 2 × 9 reps for heel raises."},
		{"past the top value, a set is added", "heel-raises", st(Rung{2, 1, 10}, 1),
			Performance{Sets: sets(10, 10, 1, 10, 1), Pain: 0},
			Rung{3, 1, 8}, Up, 0, false, "2 easy sessions in a row: up to 3 × 8 reps for heel raises."},
		{"top of the ladder stays", "heel-raises", st(Rung{3, 1, 10}, 1),
			Performance{Sets: sets(10, 10, 1, 10, 1, 10, 1), Pain: 0},
			Rung{3, 1, 10}, Stay, 0, false, "2 easy sessions in a row at the top of the ladder for heel raises. Well done: your therapist can set new goals."},
		{"effort 3 is just right: streak restarts", "heel-raises", st(Rung{2, 1, 9}, 1),
			Performance{Sets: sets(9, 9, 2, 9, 3), Pain: 0},
			Rung{2, 1, 9}, Stay, 0, false, "Good work: 2 × 9 reps again for heel raises."},
		{"pain 4 is not easy without a usual pain", "heel-raises", st(Rung{2, 1, 9}, 1),
			Performance{Sets: sets(9, 9, 1, 9, 1), Pain: 4},
			Rung{2, 1, 9}, Stay, 0, false, "Good work: 2 × 9 reps again for heel raises."},
		{"a short set steps down", "heel-raises", st(Rung{2, 1, 9}, 1),
			Performance{Sets: sets(9, 9, 2, 7, 3), Pain: 0},
			Rung{2, 1, 8}, Down, 0, false, "A set fell short of its target: down to 2 × 8 reps for heel raises."},
		{"effort 5 steps down", "heel-raises", st(Rung{2, 1, 9}, 0),
			Performance{Sets: sets(9, 9, 3, 9, 5), Pain: 2},
			Rung{2, 1, 8}, Down, 0, false, "A set was too hard: down to 2 × 8 reps for heel raises."},
		{"effort 4 is hard, not too hard", "heel-raises", st(Rung{2, 1, 9}, 0),
			Performance{Sets: sets(9, 9, 4, 9, 4), Pain: 2},
			Rung{2, 1, 9}, Stay, 0, false, "Good work: 2 × 9 reps again for heel raises."},
		{"down from an added set", "heel-raises", st(Rung{3, 1, 8}, 0),
			Performance{Sets: sets(8, 8, 5), Pain: 0},
			Rung{2, 1, 10}, Down, 0, false, "A set was too hard: down to 2 × 10 reps for heel raises."},
		{"bottom of the ladder stays", "heel-raises", st(Rung{2, 1, 8}, 0),
			Performance{Sets: sets(8, 6, 5), Pain: 0},
			Rung{2, 1, 8}, Stay, 0, false, "A set fell short of its target, and this is already the easiest step for heel raises: talk to your therapist if this stays too hard."},
		{"pain 6 is the safety rule, flagged", "heel-raises", st(Rung{2, 1, 9}, 1),
			Performance{Sets: sets(9, 9, 1, 9, 1), Pain: 6},
			Rung{2, 1, 8}, Down, 0, true, "Pain was 6 out of 10: down to 2 × 8 reps for heel raises. Your therapist will see this."},
		{"pain 5 is below the safety rule", "heel-raises", st(Rung{2, 1, 9}, 0),
			Performance{Sets: sets(9, 9, 3), Pain: 5},
			Rung{2, 1, 9}, Stay, 0, false, "Good work: 2 × 9 reps again for heel raises."},
		{"usual pain 6, pain 8 rose by 2: safety", "heel-raises", st(Rung{2, 1, 9}, 0),
			Performance{Sets: sets(9, 9, 1), Pain: 8, Baseline: 6, HasBaseline: true},
			Rung{2, 1, 8}, Down, 0, true, "Pain rose from your usual 6 to 8: down to 2 × 8 reps for heel raises. Your therapist will see this."},
		{"usual pain 6, pain 7 is calm", "heel-raises", st(Rung{2, 1, 9}, 0),
			Performance{Sets: sets(9, 9, 1), Pain: 7, Baseline: 6, HasBaseline: true},
			Rung{2, 1, 9}, Stay, 1, false, "An easy session (1 of 2 in a row to move up): 2 × 9 reps again for heel raises."},
		{"usual pain 6, pain 6 after two easy sessions goes up", "heel-raises", st(Rung{2, 1, 9}, 1),
			Performance{Sets: sets(9, 9, 1), Pain: 6, Baseline: 6, HasBaseline: true},
			Rung{2, 1, 10}, Up, 0, false, "2 easy sessions in a row: up to 2 × 10 reps for heel raises."},
		{"usual pain 2, pain 6 is the fixed threshold", "heel-raises", st(Rung{2, 1, 9}, 0),
			Performance{Sets: sets(9, 9, 1), Pain: 6, Baseline: 2, HasBaseline: true},
			Rung{2, 1, 8}, Down, 0, true, "Pain was 6 out of 10: down to 2 × 8 reps for heel raises. Your therapist will see this."},
		{"usual pain 0, pain 5 holds", "heel-raises", st(Rung{2, 1, 9}, 1),
			Performance{Sets: sets(9, 9, 1), Pain: 5, Baseline: 0, HasBaseline: true},
			Rung{2, 1, 9}, Stay, 0, false, "Good work: 2 × 9 reps again for heel raises."},
		{"a flare during the exercise counts, not only the pain after", "heel-raises", st(Rung{2, 1, 9}, 1),
			Performance{Sets: sets(9, 9, 1), Pain: 2, Flare: 6},
			Rung{2, 1, 8}, Down, 0, true, "Pain reached 6 out of 10 during the exercise: down to 2 × 8 reps for heel raises. Your therapist will see this."},
		{"a flare over the usual pain", "heel-raises", st(Rung{2, 1, 9}, 1),
			Performance{Sets: sets(9, 9, 1), Pain: 5, Flare: 7, Baseline: 5, HasBaseline: true},
			Rung{2, 1, 8}, Down, 0, true, "Pain rose from your usual 5 to 7 during the exercise: down to 2 × 8 reps for heel raises. Your therapist will see this."},
		{"a flare below the threshold spoils calm", "heel-raises", st(Rung{2, 1, 9}, 1),
			Performance{Sets: sets(9, 9, 1), Pain: 0, Flare: 4},
			Rung{2, 1, 9}, Stay, 0, false, "Good work: 2 × 9 reps again for heel raises."},
		{"safety at the bottom stays, flagged", "heel-raises", st(Rung{2, 1, 8}, 0),
			Performance{Sets: sets(8, 8, 1), Pain: 8},
			Rung{2, 1, 8}, Stay, 0, true, "Pain was 8 out of 10, and this is already the easiest step for heel raises: talk to your therapist if it stays painful. Your therapist will see this."},
		{"safety comes before too hard", "heel-raises", st(Rung{2, 1, 9}, 0),
			Performance{Sets: sets(9, 3, 5), Pain: 7},
			Rung{2, 1, 8}, Down, 0, true, "Pain was 7 out of 10: down to 2 × 8 reps for heel raises. Your therapist will see this."},
		{"an easier day keeps the streak", "heel-raises", st(Rung{2, 1, 9}, 1),
			Performance{Sets: sets(8, 8, 1), Pain: 7, Baseline: 7, HasBaseline: true, Easier: true},
			Rung{2, 1, 9}, Stay, 1, false, "An easier day today: back to 2 × 9 reps next time for heel raises."},
		{"an easier day still steps down for pain", "heel-raises", st(Rung{2, 1, 9}, 1),
			Performance{Sets: sets(8, 8, 1), Pain: 9, Baseline: 7, HasBaseline: true, Easier: true},
			Rung{2, 1, 8}, Down, 0, true, "Pain rose from your usual 7 to 9: down to 2 × 8 reps for heel raises. Your therapist will see this."},
		// Exercise rules override the defaults.
		{"override: pain 5 regresses", "sit-to-stand", st(Rung{1, 2, 6}, 0),
			Performance{Sets: sets(6, 6, 2), Pain: 5},
			Rung{1, 2, 5}, Down, 0, true, "Pain was 5 out of 10: down to level 2 (Arms crossed), 1 × 5 reps for sit to stand. Your therapist will see this."},
		{"override: a rise of 2 over usual pain 4 regresses", "sit-to-stand", st(Rung{1, 2, 6}, 0),
			Performance{Sets: sets(6, 6, 2), Pain: 6, Baseline: 4, HasBaseline: true},
			Rung{1, 2, 5}, Down, 0, true, "Pain rose from your usual 4 to 6: down to level 2 (Arms crossed), 1 × 5 reps for sit to stand. Your therapist will see this."},
		{"override: effort 4 is too hard", "sit-to-stand", st(Rung{1, 1, 6}, 0),
			Performance{Sets: sets(6, 6, 4), Pain: 0},
			Rung{1, 1, 5}, Down, 0, false, "A set was too hard: down to level 1 (Hands on the chair arms), 1 × 5 reps for sit to stand."},
		{"override: effort 3 counts as easy", "sit-to-stand", st(Rung{1, 1, 5}, 1),
			Performance{Sets: sets(5, 5, 3), Pain: 1},
			Rung{1, 1, 5}, Stay, 2, false, "An easy session (2 of 3 in a row to move up): level 1 (Hands on the chair arms), 1 × 5 reps again for sit to stand."},
		{"override: the level climbs after three", "sit-to-stand", st(Rung{1, 1, 6}, 2),
			Performance{Sets: sets(6, 6, 3), Pain: 1},
			Rung{1, 2, 5}, Up, 0, false, "3 easy sessions in a row: up to level 2 (Arms crossed), 1 × 5 reps for sit to stand."},
		{"level down from the first value of a level", "sit-to-stand", st(Rung{1, 2, 5}, 0),
			Performance{Sets: sets(5, 5, 4), Pain: 0},
			Rung{1, 1, 6}, Down, 0, false, "A set was too hard: down to level 1 (Hands on the chair arms), 1 × 6 reps for sit to stand."},
		// A score, where asked, must reach 80 %.
		{"score 8 of 10 counts", "bag", st(Rung{1, 1, 10}, 1),
			Performance{Sets: sets(10, 10, 2), Pain: 0, Score: ip(8)},
			Rung{1, 2, 10}, Up, 0, false, "2 easy sessions in a row: up to level 2 (Small objects), 1 × 10 reps for what is in the bag."},
		{"score 7 of 10 holds back", "bag", st(Rung{1, 1, 10}, 1),
			Performance{Sets: sets(10, 10, 2), Pain: 0, Score: ip(7)},
			Rung{1, 1, 10}, Stay, 0, false, "Easy, but the score was 7 of 10: level 1 (Large objects), 1 × 10 reps again for what is in the bag, to build accuracy."},
		{"no score holds back", "bag", st(Rung{1, 1, 10}, 1),
			Performance{Sets: sets(10, 10, 2), Pain: 0},
			Rung{1, 1, 10}, Stay, 0, false, "No score was given: level 1 (Large objects), 1 × 10 reps again for what is in the bag."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Decide(ex[c.ex], c.state, c.perf)
			q := DecideQuiet(ex[c.ex], c.state, c.perf)
			if q.Reason != "" || q.From != d.From || q.To != d.To || q.Move != d.Move || q.Streak != d.Streak || q.Flag != d.Flag || q.Ready != d.Ready {
				t.Errorf("DecideQuiet = %+v, Decide = %+v", q, d)
			}
			if d.From != c.state.Rung || d.To != c.to || d.Move != c.move || d.Streak != c.streak || d.Flag != c.flag || d.Reason != c.reason {
				t.Errorf("got  to=%v move=%v streak=%d flag=%v %q\nwant to=%v move=%v streak=%d flag=%v %q",
					d.To, d.Move, d.Streak, d.Flag, d.Reason, c.to, c.move, c.streak, c.flag, c.reason)
			}
		})
	}
}

func TestLibraryRulesOverride(t *testing.T) {
	ex := fixture(t, "rules: {sessions_to_progress: 1, progress: {pain_at_most: 0, pain_rise_at_most: 0}}\n"+strings.TrimPrefix(rulesLib, ""))
	h := ex["heel-raises"]
	if h.Rules.SessionsToProgress != 1 || h.Rules.ProgressPainAtMost != 0 || h.Rules.RegressPainAtLeast != 6 {
		t.Fatalf("file rules not applied: %+v", h.Rules)
	}
	// The exercise's own block wins over the file's.
	if s := ex["sit-to-stand"].Rules; s.SessionsToProgress != 3 || s.ProgressPainAtMost != 1 {
		t.Fatalf("exercise rules lost: %+v", s)
	}
	d := Decide(h, State{Rung: Rung{2, 1, 8}}, Performance{Sets: sets(8, 8, 1), Pain: 0})
	if d.Move != Up {
		t.Errorf("one easy session should move up under the file's rules: %+v", d)
	}
	d = Decide(h, State{Rung: Rung{2, 1, 8}}, Performance{Sets: sets(8, 8, 1), Pain: 1})
	if d.Move != Stay || d.Streak != 0 {
		t.Errorf("pain 1 is not easy under the file's rules: %+v", d)
	}
	// Calm reads the usual pain too: pain 1 over a usual 1 is no rise.
	d = Decide(h, State{Rung: Rung{2, 1, 8}}, Performance{Sets: sets(8, 8, 1), Pain: 1, Baseline: 1, HasBaseline: true})
	if d.Move != Up {
		t.Errorf("pain 1 over a usual 1 is calm: %+v", d)
	}
}

func TestNotSettledEaseStop(t *testing.T) {
	ex := fixture(t, rulesLib)
	h := ex["heel-raises"]
	d := NotSettled(h, st(Rung{2, 1, 9}, 1))
	if d.To != (Rung{2, 1, 8}) || !d.Flag || d.Streak != 0 ||
		d.Reason != "Pain from the last session had not settled by the next morning: down to 2 × 8 reps for heel raises. Your therapist will see this." {
		t.Errorf("NotSettled = %+v", d)
	}
	if d := NotSettled(h, st(Rung{2, 1, 8}, 0)); d.Move != Stay || !d.Flag {
		t.Errorf("NotSettled at the bottom = %+v", d)
	}
	a := Adjusted(h, State{Rung: Rung{2, 1, 8}}, Rung{3, 1, 9})
	if a.Move != Up || a.Reason != "Your therapist set heel raises to 3 × 9 reps." {
		t.Errorf("Adjusted = %+v", a)
	}
}

func TestSentenceName(t *testing.T) {
	for in, want := range map[string]string{
		"Heel raises": "heel raises", "E2E hold": "E2E hold", "ADA walk": "ADA walk",
		"Tandem stance": "tandem stance", "": "", "Ünder": "ünder", "T-shirt fold": "t-shirt fold",
	} {
		if got := sentenceName(in); got != want {
			t.Errorf("sentenceName(%q) = %q, want %q", in, got, want)
		}
	}
}
