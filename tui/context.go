package tui

import (
	"io"
	"time"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
	"limber/profile"
)

// Context is what every screen shares, as gh-dash's ProgramContext and
// soft-serve's common.Common: the library and where the patient stands on
// it, the clock, styles, keys, the window size and the recorder. A screen
// holds the context, never its parent.
type Context struct {
	Lib      *exercises.Library
	Records  []journal.Record // the journal as read, plus what this run added
	Progress *coach.Progress
	Profile  Profile

	Now    func() time.Time
	Styles Styles
	Keys   KeyMap
	Demo   bool
	Speed  float64
	Cues   Cues
	Color  bool
	Trace  io.Writer
	// NoFigures leaves out the exercises' drawings (--no-figures).
	NoFigures bool
	figures   figureCache

	// Width and Height are the window's; a screen's own size comes by
	// setSize.
	Width, Height int

	recorder Recorder
	// unsaved holds records the journal refused, oldest first; nothing
	// is recorded after them until a retry writes them all.
	unsaved []journal.Record
	saveErr error
}

// Profile is what the coach needs to know of the person: the check-in
// its blood sugar step, an outcome measure the age and sex its norms are
// read for, the progress page who it is about.
type Profile struct {
	Insulin bool   // uses insulin or a sulfonylurea: the blood sugar step
	Units   string // "mg/dL" or "mmol/L"

	Name      string
	Born      int    // year of birth; 0 when not known
	Sex       string // "F" or "M"; "" when not known
	Clinician string
}

// person is the profile as the report reads it.
func (p Profile) person() *profile.Profile {
	return &profile.Profile{Name: p.Name, Born: p.Born, Sex: p.Sex, Clinician: p.Clinician}
}

// Record journals records, in order, and keeps them for the replay. In
// demo mode nothing is kept. It returns false when the journal refused
// them: they wait in unsaved for a retry, and the coach must say so.
func (c *Context) Record(recs ...journal.Record) bool {
	if c.Demo {
		return true
	}
	c.Records = append(c.Records, recs...)
	if len(c.unsaved) > 0 {
		// Order matters in a journal: never write past a gap.
		c.unsaved = append(c.unsaved, recs...)
		return false
	}
	if err := c.recorder.Record(recs...); err != nil {
		c.unsaved, c.saveErr = append(c.unsaved, recs...), err
		return false
	}
	return true
}

// Retry writes what the journal refused; it reports whether all is saved.
func (c *Context) Retry() bool {
	if len(c.unsaved) == 0 {
		return true
	}
	if err := c.recorder.Record(c.unsaved...); err != nil {
		c.saveErr = err
		return false
	}
	c.unsaved, c.saveErr = nil, nil
	return true
}

// Unsaved is what the journal has not got, and why.
func (c *Context) Unsaved() ([]journal.Record, error) { return c.unsaved, c.saveErr }

// Replay works out every rung again from the records.
func (c *Context) Replay() { c.Progress = coach.Replay(c.Lib, c.Records) }

// today is midnight of the day the clock reads.
func (c *Context) today() time.Time {
	now := c.Now()
	y, mo, d := now.Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, now.Location())
}
