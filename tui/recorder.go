package tui

import (
	"limber/journal"
)

// Recorder keeps what the patient did.
type Recorder interface {
	// Record appends records; when it returns nil they are on disk.
	Record(recs ...journal.Record) error
}

// JournalRecorder appends to the journal before it returns, so that the
// screen moves on only once a finished set is written and fsynced
// (DESIGN section 5): a kill at any moment loses at most the set in
// progress. One line and one fsync take a few milliseconds; that short
// wait in Update is the price of never losing a set.
type JournalRecorder struct{ j *journal.Journal }

// NewJournalRecorder records into j.
func NewJournalRecorder(j *journal.Journal) *JournalRecorder { return &JournalRecorder{j: j} }

func (r *JournalRecorder) Record(recs ...journal.Record) error { return r.j.Append(recs...) }

// nopRecorder is demo mode: nothing is recorded.
type nopRecorder struct{}

func (nopRecorder) Record(...journal.Record) error { return nil }
