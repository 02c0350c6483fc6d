package tui

import (
	"sync"

	tea "github.com/charmbracelet/bubbletea"

	"limber/journal"
)

// Recorder keeps what the patient did. Record must not block the UI: the
// journal writer does its fsync off the UI loop, in order.
type Recorder interface {
	Record(recs ...journal.Record)
	// Errors delivers write failures to the UI, one message each.
	Errors() <-chan error
	// Close waits until everything recorded is on disk.
	Close() error
}

// JournalRecorder appends to the journal from one goroutine, in the order
// records were given: a set is on disk a few milliseconds after its answer,
// and the UI never waits for a disk.
type JournalRecorder struct {
	j    *journal.Journal
	in   chan []journal.Record
	errs chan error
	done chan struct{}
	once sync.Once
}

// NewJournalRecorder starts the writer.
func NewJournalRecorder(j *journal.Journal) *JournalRecorder {
	r := &JournalRecorder{j: j, in: make(chan []journal.Record, 1024), errs: make(chan error, 16), done: make(chan struct{})}
	go func() {
		defer close(r.done)
		for recs := range r.in {
			if err := r.j.Append(recs...); err != nil {
				select {
				case r.errs <- err:
				default:
				}
			}
		}
	}()
	return r
}

func (r *JournalRecorder) Record(recs ...journal.Record) { r.in <- recs }

func (r *JournalRecorder) Errors() <-chan error { return r.errs }

func (r *JournalRecorder) Close() error {
	r.once.Do(func() { close(r.in) })
	<-r.done
	return nil
}

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
