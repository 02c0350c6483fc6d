package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"limber/journal"
)

// Recorder keeps what the patient did.
type Recorder interface {
	// Record appends records; when it returns they are on disk.
	Record(recs ...journal.Record)
	// Errors delivers write failures to the UI, one message each.
	Errors() <-chan error
	// Close releases the recorder.
	Close() error
}

// JournalRecorder appends to the journal before it returns, so that the
// screen moves on only once a finished set is written and fsynced
// (DESIGN section 5): a kill at any moment loses at most the set in
// progress. One line and one fsync take a few milliseconds; that short
// wait in Update is the price of never losing a set.
type JournalRecorder struct {
	j    *journal.Journal
	errs chan error
}

// NewJournalRecorder records into j.
func NewJournalRecorder(j *journal.Journal) *JournalRecorder {
	return &JournalRecorder{j: j, errs: make(chan error, 16)}
}

func (r *JournalRecorder) Record(recs ...journal.Record) {
	if err := r.j.Append(recs...); err != nil {
		select {
		case r.errs <- err:
		default:
		}
	}
}

func (r *JournalRecorder) Errors() <-chan error { return r.errs }

func (r *JournalRecorder) Close() error { return nil }

// nopRecorder is demo mode: nothing is recorded.
type nopRecorder struct{}

func (nopRecorder) Record(...journal.Record) {}
func (nopRecorder) Errors() <-chan error     { return nil }
func (nopRecorder) Close() error             { return nil }

// saveErrMsg reports a journal write that failed.
type saveErrMsg struct{ err error }

// listenErrors waits for the next write failure.
func listenErrors(r Recorder) tea.Cmd {
	ch := r.Errors()
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		err, ok := <-ch
		if !ok {
			return nil
		}
		return saveErrMsg{err}
	}
}
