package tui

import (
	"testing"
	"time"

	"limber/journal"
)

// The recorder has the record on disk when Record returns.
func TestJournalRecorderWritesBeforeReturning(t *testing.T) {
	dir := t.TempDir()
	j, err := journal.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := NewJournalRecorder(j)
	r.Record(journal.Record{Kind: journal.KindSessionStart, At: time.Now(), Session: "s"})
	recs, warns, err := journal.Read(j.Path())
	if err != nil || len(warns) > 0 || len(recs) != 1 {
		t.Fatalf("after Record: %d records, %v, %v", len(recs), warns, err)
	}
	// A refused record is an error the coach must show.
	if err := r.Record(journal.Record{Kind: journal.KindSet}); err == nil {
		t.Fatal("a refused record gave no error")
	}
}
