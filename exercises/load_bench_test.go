package exercises_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"limber/content"
	"limber/exercises"
)

func BenchmarkLoadBuiltin(b *testing.B) {
	src := exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"}
	for b.Loop() {
		if _, errs := exercises.Load(src); len(errs) > 0 {
			b.Fatal(errs[0])
		}
	}
}

// generated is a library of n exercises in files of 100, each with levels,
// a progression, safety notes and steps, and a routine per file.
func generated(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for f := 0; f*100 < n; f++ {
		var b strings.Builder
		b.WriteString("title: Generated\ncategory: balance\nexercises:\n")
		for i := f * 100; i < min(n, (f+1)*100); i++ {
			fmt.Fprintf(&b, `  - id: exercise-%d
    name: Exercise number %d
    summary: A generated exercise to measure the loader.
    position: standing
    areas: [ankles, feet]
    equipment: [kitchen counter, chair]
    safety:
      - Stand at a counter with a chair behind you.
    steps:
      - Stand facing the counter, hands resting on it.
      - Put one foot directly in front of the other.
      - Hold, then switch which foot is in front.
    cues: [Look ahead, Breathe]
    dose: {kind: hold, sets: 3, hold: 10s, rest: 30s, sides: both}
    levels: [Two hands, One hand, Fingertips, No hands, Eyes closed]
    progression:
      hold: {min: 10s, max: 30s, step: 5s}
      sets: {max: 4}
    source: ADA 2016 position statement, table 3
`, i, i)
		}
		fmt.Fprintf(&b, "routines:\n  - id: routine-%d\n    name: Routine %d\n    frequency: 3x/week\n    exercises: [exercise-%d, exercise-%d]\n", f, f, f*100, f*100+1)
		fsys[fmt.Sprintf("lib-%03d.yaml", f)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

func benchLoad(b *testing.B, n int) {
	fsys := generated(n)
	src := exercises.Source{FS: fsys, Root: ".", Label: "gen"}
	var size int
	for _, f := range fsys {
		size += len(f.Data)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		lib, errs := exercises.Load(src)
		if len(errs) > 0 {
			b.Fatal(errs[0])
		}
		if len(lib.Exercises()) != n {
			b.Fatalf("loaded %d of %d", len(lib.Exercises()), n)
		}
	}
}

func BenchmarkLoad5000(b *testing.B) { benchLoad(b, 5000) }

// BenchmarkLoadScaling shows the loader is linear: each size doubles.
func BenchmarkLoadScaling(b *testing.B) {
	for _, n := range []int{1250, 2500, 5000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchLoad(b, n) })
	}
}
