package content_test

import (
	"strings"
	"testing"

	"limber/content"
	"limber/exercises"
)

// The built-in content keeps the promises the issues and DESIGN make of it.
func TestBuiltInContent(t *testing.T) {
	lib, errs := exercises.Load(exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"})
	if len(errs) > 0 {
		t.Fatalf("built-in content is invalid: %v", errs)
	}
	perCategory := map[exercises.Category]int{}
	withLadder := 0
	for _, x := range lib.Exercises() {
		perCategory[x.Category]++
		if len(x.Levels) >= 3 {
			withLadder++
		}
		if x.Position == exercises.Standing && len(x.Safety) == 0 {
			t.Errorf("%s is done standing and has no safety notes", x.ID)
		}
		if x.Source == "" && x.Dose.Source == "" && x.Progression.Source == "" {
			t.Errorf("%s cites no source", x.ID)
		}
		if len(x.Steps) == 0 || x.Summary == "" {
			t.Errorf("%s has no steps or summary", x.ID)
		}
		for _, s := range append(append([]string{}, x.Steps...), x.Safety...) {
			if strings.Contains(strings.ToLower(s), "hot water") && !strings.Contains(strings.ToLower(s), "never") && !strings.Contains(strings.ToLower(s), "not") {
				t.Errorf("%s suggests hot water: %q", x.ID, s)
			}
		}
	}
	for _, c := range exercises.Categories {
		if perCategory[c] < 8 {
			t.Errorf("%s has %d exercises, want at least 8", c, perCategory[c])
		}
	}
	if withLadder < 15 {
		t.Errorf("%d exercises have real level ladders, want at least 15", withLadder)
	}
	for _, id := range []string{"feet-daily", "hands-daily", "balance-3x", "sensory-daily", "full-3x"} {
		rt, ok := lib.Routine(id)
		if !ok {
			t.Errorf("routine %s is missing", id)
			continue
		}
		if id == "feet-daily" && !strings.Contains(strings.ToLower(strings.Join(rt.After, " ")), "feet") {
			t.Errorf("feet-daily does not end with a foot check: %v", rt.After)
		}
	}
	if rt, _ := lib.Routine("balance-3x"); rt == nil || rt.PerWeek != 3 {
		t.Error("balance-3x is not three times a week")
	}
	var tips []string
	for _, tip := range lib.Tips() {
		tips = append(tips, strings.ToLower(tip.Title+" "+tip.Text))
		if tip.Source == "" {
			t.Errorf("tip %s cites no source", tip.ID)
		}
	}
	if len(tips) < 8 {
		t.Errorf("%d tips, want at least 8", len(tips))
	}
	all := strings.Join(tips, "\n")
	for _, topic := range []string{"shoe", "mirror", "rug", "grab bar", "night light", "blood sugar", "breath", "clinician"} {
		if !strings.Contains(all, topic) {
			t.Errorf("no tip mentions %q", topic)
		}
	}
}
