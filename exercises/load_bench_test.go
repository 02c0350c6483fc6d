package exercises

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"limber/content"
)

// DESIGN section 8: the built-in content loads and validates in under
// 10 ms, 5,000 generated exercises in under 1 s, linear in size; YAML is
// read by gopkg.in/yaml.v3 alone.

func BenchmarkLoadBuiltin(b *testing.B) {
	src := Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"}
	for b.Loop() {
		if _, errs := Load(src); len(errs) > 0 {
			b.Fatal(errs[0])
		}
	}
}

// genLibraryFile is one file of a generated library: exercises from..to-1,
// each with levels, a progression, safety notes and steps, and a routine.
func genLibraryFile(from, to int) []byte {
	var b strings.Builder
	b.WriteString("title: Generated\ncategory: balance\nexercises:\n")
	for i := from; i < to; i++ {
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
	items := fmt.Sprintf("exercise-%d", from)
	if to-from > 1 {
		items += fmt.Sprintf(", exercise-%d", from+1)
	}
	fmt.Fprintf(&b, "routines:\n  - id: routine-%d\n    name: Routine %d\n    frequency: 3x/week\n    exercises: [%s]\n", from/100, from/100, items)
	return []byte(b.String())
}

// generated is a library of n exercises in files of 100.
func generated(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for f := 0; f*100 < n; f++ {
		fsys[fmt.Sprintf("lib-%03d.yaml", f)] = &fstest.MapFile{Data: genLibraryFile(f*100, min(n, (f+1)*100))}
	}
	return fsys
}

// The generated library is valid and loads whole, so the benchmarks
// measure a full load and not an early refusal.
func TestGeneratedLibraryLoads(t *testing.T) {
	for _, n := range []int{1, 99, 100, 101, 250} {
		lib, errs := Load(Source{FS: generated(n), Root: ".", Label: "gen"})
		if len(errs) > 0 {
			t.Fatalf("%d exercises: %v", n, errs[0])
		}
		if got := len(lib.Exercises()); got != n {
			t.Errorf("%d exercises: loaded %d", n, got)
		}
		if got, want := len(lib.Routines()), (n+99)/100; got != want {
			t.Errorf("%d exercises: %d routines, want %d", n, got, want)
		}
	}
}

func benchLoad(b *testing.B, n int) {
	fsys := generated(n)
	src := Source{FS: fsys, Root: ".", Label: "gen"}
	var size int
	for _, f := range fsys {
		size += len(f.Data)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		lib, errs := Load(src)
		if len(errs) > 0 {
			b.Fatal(errs[0])
		}
		if len(lib.Exercises()) != n {
			b.Fatalf("loaded %d of %d", len(lib.Exercises()), n)
		}
	}
}

func BenchmarkLoad5000(b *testing.B) { benchLoad(b, 5000) }

// BenchmarkLoadScaling shows the loader is linear: each size doubles, and
// so should the time per op (MB/s stays about level).
func BenchmarkLoadScaling(b *testing.B) {
	for _, n := range []int{1250, 2500, 5000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchLoad(b, n) })
	}
}
