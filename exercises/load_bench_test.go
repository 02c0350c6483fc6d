package exercises

import (
	"fmt"
	"testing"
	"testing/fstest"

	"limber/content"
)

func BenchmarkLoadBuiltin(b *testing.B) {
	src := Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"}
	for b.Loop() {
		if _, errs := Load(src); len(errs) > 0 {
			b.Fatal(errs[0])
		}
	}
}

// generated is a library of n exercises in files of 100 (genLibraryFile in
// fastyaml_test.go), each with levels, a progression, safety notes and
// steps, and a routine per file.
func generated(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for f := 0; f*100 < n; f++ {
		fsys[fmt.Sprintf("lib-%03d.yaml", f)] = &fstest.MapFile{Data: genLibraryFile(f*100, min(n, (f+1)*100))}
	}
	return fsys
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

// BenchmarkLoadScaling shows the loader is linear: each size doubles.
func BenchmarkLoadScaling(b *testing.B) {
	for _, n := range []int{1250, 2500, 5000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchLoad(b, n) })
	}
}
