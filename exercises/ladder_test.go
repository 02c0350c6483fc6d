package exercises

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestLadderOrder(t *testing.T) {
	l := Ladder{Levels: 2, Min: 8, Max: 10, Step: 1, BaseSets: 2, MaxSets: 3}
	var got []string
	for i := range l.Len() {
		got = append(got, l.At(i).String())
	}
	want := "2×8@L1 2×9@L1 2×10@L1 2×8@L2 2×9@L2 2×10@L2 3×8@L2 3×9@L2 3×10@L2"
	if strings.Join(got, " ") != want {
		t.Errorf("rungs = %s\nwant    %s", strings.Join(got, " "), want)
	}
}

func TestLadderEnds(t *testing.T) {
	l := Ladder{Levels: 1, Min: 10, Max: 20, Step: 5, BaseSets: 1, MaxSets: 1}
	if r, ok := l.Down(Rung{1, 1, 10}); ok || r != (Rung{1, 1, 10}) {
		t.Errorf("Down at bottom = %v %v", r, ok)
	}
	if r, ok := l.Up(Rung{1, 1, 20}); ok || r != (Rung{1, 1, 20}) {
		t.Errorf("Up at top = %v %v", r, ok)
	}
	if _, ok := l.Up(Rung{1, 1, 12}); ok {
		t.Error("Up from a rung off the grid succeeded")
	}
	if r := l.Nearest(Rung{3, 4, 13}); r != (Rung{1, 1, 10}) {
		t.Errorf("Nearest = %v", r)
	}
}

// Up and Down are exact inverses over every rung of many random ladders,
// and every rung's Index is its place.
func TestLadderUpDownInverse(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		step := 1 + rng.IntN(5)
		mn := 1 + rng.IntN(20)
		base := 1 + rng.IntN(3)
		l := Ladder{
			Levels: 1 + rng.IntN(6), Min: mn, Max: mn + step*rng.IntN(10), Step: step,
			BaseSets: base, MaxSets: base + rng.IntN(3),
		}
		seen := map[Rung]bool{}
		for i := range l.Len() {
			r := l.At(i)
			if seen[r] {
				t.Fatalf("%+v: rung %v twice", l, r)
			}
			seen[r] = true
			if j, ok := l.Index(r); !ok || j != i {
				t.Fatalf("%+v: Index(At(%d)) = %d, %v", l, i, j, ok)
			}
			up, okUp := l.Up(r)
			if okUp != (i < l.Len()-1) {
				t.Fatalf("%+v: Up(%v) ok=%v at %d of %d", l, r, okUp, i, l.Len())
			}
			if okUp {
				if back, ok := l.Down(up); !ok || back != r {
					t.Fatalf("%+v: Down(Up(%v)) = %v", l, r, back)
				}
			}
			if down, ok := l.Down(r); ok {
				if back, ok := l.Up(down); !ok || back != r {
					t.Fatalf("%+v: Up(Down(%v)) = %v", l, r, back)
				}
			}
		}
		// Nothing off the ladder is on it.
		for range 50 {
			r := Rung{Sets: rng.IntN(8), Level: rng.IntN(8), Value: rng.IntN(80)}
			if l.Contains(r) != seen[r] {
				t.Fatalf("%+v: Contains(%v) = %v", l, r, !seen[r])
			}
		}
	}
}

func TestDefaultProgression(t *testing.T) {
	lib, errs := loadFiles(map[string]string{"a.yaml": `category: strengthening
exercises:
  - {id: r, name: R, dose: {kind: reps, sets: 2, reps: 8}}
  - {id: h, name: H, dose: {kind: hold, hold: 12s}}
  - {id: d, name: D, dose: {kind: timed, duration: 1m}}
  - {id: big, name: Big, dose: {kind: reps, reps: 20}}
`})
	if len(errs) > 0 {
		t.Fatal(errStrings(errs))
	}
	want := map[string]Ladder{
		"r":   {Levels: 1, Min: 8, Max: 15, Step: 1, BaseSets: 2, MaxSets: 2},
		"h":   {Levels: 1, Min: 12, Max: 57, Step: 5, BaseSets: 1, MaxSets: 1},
		"d":   {Levels: 1, Min: 60, Max: 300, Step: 15, BaseSets: 1, MaxSets: 1},
		"big": {Levels: 1, Min: 20, Max: 20, Step: 1, BaseSets: 1, MaxSets: 1},
	}
	for id, w := range want {
		e, _ := lib.Exercise(id)
		if e.Ladder != w {
			t.Errorf("%s: ladder %+v, want %+v", id, e.Ladder, w)
		}
	}
}

func TestLayering(t *testing.T) {
	builtin := map[string]string{"b.yaml": `category: rom
exercises:
  - {id: a, name: A, dose: {kind: reps, sets: 2, reps: 10}}
  - {id: b, name: B, dose: {kind: reps, reps: 10}}
routines:
  - id: r
    name: R
    exercises: [a, {id: b, dose: {reps: 12}}]
`}
	user := map[string]string{"u.yaml": `category: rom
exercises:
  - {id: a, name: A mine, dose: {kind: reps, sets: 2, reps: 12}}
  - {id: c, name: C, dose: {kind: reps, reps: 10}}
  - {id: c, name: C again, dose: {kind: reps, reps: 10}}
routines:
  - id: mine
    name: Mine
    exercises: [{id: a, dose: {sets: 1}}, c]
`}
	src := func(files map[string]string, label, origin string) Source {
		s, _ := loadFilesFS(files)
		return Source{FS: s, Root: ".", Label: label, Origin: origin}
	}
	lib, errs := Load(src(builtin, "content", "built-in"), src(user, "mine", ""))
	got := errStrings(errs)
	want := []string{`mine/u.yaml:5:5: id: exercise "c" is defined twice in this library (first at mine/u.yaml:4); give each its own id`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors = %q", got)
	}
	a, _ := lib.Exercise("a")
	if a.Name != "A mine" || a.Origin != "mine/u.yaml" {
		t.Errorf("a = %s from %s; the user's should win", a.Name, a.Origin)
	}
	if len(lib.Notices) != 1 || lib.Notices[0].String() != `mine/u.yaml:3:5: exercise "a" replaces the one from built-in` {
		t.Errorf("notices = %v", lib.Notices)
	}
	// The user routine starts a at one set: its ladder reaches down to it.
	if a.Ladder.BaseSets != 1 || !a.Ladder.Contains(Rung{2, 1, 12}) {
		t.Errorf("a's ladder = %+v", a.Ladder)
	}
	r, _ := lib.Routine("r")
	if got := r.Items[1].Start.Rung(); got != (Rung{1, 1, 12}) {
		t.Errorf("override start = %v", got)
	}
	if ids := strings.Join(lib.ExerciseIDs(), ","); ids != "a,b,c" {
		t.Errorf("order = %s", ids)
	}
}
