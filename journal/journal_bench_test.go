package journal

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"limber/exercises"
)

func benchRead(b *testing.B, n int) {
	data := History(n)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		recs, warns, err := ReadFrom(bytes.NewReader(data), "bench")
		if err != nil || len(warns) != 0 || len(recs) != n {
			b.Fatalf("read %d records, %d warnings, err %v; want %d", len(recs), len(warns), err, n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/record")
}

// BenchmarkRead250k is the start-up cost of a heavy user's ten years.
func BenchmarkRead250k(b *testing.B) { benchRead(b, 250_000) }

// BenchmarkReadScaling shows that reading stays linear in the journal's size.
func BenchmarkReadScaling(b *testing.B) {
	for _, n := range []int{62_500, 125_000, 250_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { benchRead(b, n) })
	}
}

// BenchmarkReadFile includes opening, locking and reading from the page cache.
func BenchmarkReadFile(b *testing.B) {
	const n = 250_000
	path := filepath.Join(b.TempDir(), FileName)
	if err := os.WriteFile(path, History(n), 0o600); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		recs, _, err := Read(path)
		if err != nil || len(recs) != n {
			b.Fatalf("read %d records, err %v", len(recs), err)
		}
	}
}

// BenchmarkReadEncodingJSON is the baseline the fast path is measured against.
func BenchmarkReadEncodingJSON(b *testing.B) {
	const n = 250_000
	data := History(n)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		recs := make([]Record, 0, n)
		for line := range bytes.Lines(data) {
			var r Record
			if err := json.Unmarshal(line, &r); err != nil {
				b.Fatal(err)
			}
			recs = append(recs, r)
		}
	}
}

// BenchmarkAppend is dominated by fsync, which is the point.
func BenchmarkAppend(b *testing.B) {
	j, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	r := Record{Kind: KindSet, At: time.Now(), Session: NewSessionID(time.Now()), Exercise: "wall-sit",
		Set: 1, Rung: &exercises.Rung{Sets: 3, Level: 2, Value: 30}, Target: 30, Achieved: 30, Effort: 3}
	for b.Loop() {
		if err := j.Append(r); err != nil {
			b.Fatal(err)
		}
	}
}
