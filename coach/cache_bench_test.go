package coach

import (
	"limber/journal/journaltest"
	"os"
	"path/filepath"
	"testing"
)

// benchStart writes the ten-year journal (250,000 records) to a data
// folder and, with warm, its state cache.
func benchStart(b *testing.B, n int, warm bool) (string, func() *Start) {
	lib, _ := benchLibrary(b)
	dir := b.TempDir()
	path := filepath.Join(dir, "journal.jsonl")
	if err := os.WriteFile(path, journaltest.History(n), 0o600); err != nil {
		b.Fatal(err)
	}
	resume := func() *Start {
		st, err := Resume(path, lib)
		if err != nil {
			b.Fatal(err)
		}
		return st
	}
	if warm {
		if err := resume().Save(); err != nil {
			b.Fatal(err)
		}
	}
	return path, resume
}

// BenchmarkResumeWarm is a start with a state cache that covers the whole
// journal: what every start of limber costs once the cache is written.
func BenchmarkResumeWarm(b *testing.B) {
	_, resume := benchStart(b, 250_000, true)
	for b.Loop() {
		if st := resume(); st.Cached == 0 || st.WouldSave() {
			b.Fatalf("cached %d, would save %v (%s)", st.Cached, st.WouldSave(), st.Rebuilt)
		}
	}
}

// BenchmarkResumeCold is a start with no cache: the full replay.
func BenchmarkResumeCold(b *testing.B) {
	path, resume := benchStart(b, 250_000, false)
	state := filepath.Join(filepath.Dir(path), StateFile)
	for b.Loop() {
		os.Remove(state)
		if st := resume(); st.Cached != 0 {
			b.Fatal("cached")
		}
	}
}
