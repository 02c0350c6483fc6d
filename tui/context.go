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
	Lib *exercises.Library
	// Records are what this run recorded that the replay has not yet
	// taken in: Replay takes them.
	Records  []journal.Record
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

	// replayer has replayed the journal and what this run recorded, and
	// goes on with what it records next.
	replayer *coach.Replayer
	// journal is the journal's path, when the coach reads it from its
	// file (Options.Journal); else base is the journal as given
	// (Options.Records) and all this run recorded since. Either gives a
	// replay from the start, when one is needed.
	journal string
	base    []journal.Record
	// loading says the journal is being read (load.go): Progress does not
	// hold it yet.
	loading bool
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

// Replay takes in what this run recorded since the last Replay, so that
// Progress holds it: only that is replayed, unless it is dated before
// something replayed (a clock set back), which takes a replay from the
// start.
func (c *Context) Replay() {
	if recs := c.Records; len(recs) > 0 {
		c.Records = nil
		if c.journal == "" {
			c.base = append(c.base, recs...)
		}
		if !c.replayer.Add(recs) {
			c.replayFromStart()
		}
	}
	c.Progress = c.replayer.Progress()
}

// replayFromStart replays the whole journal again, with what this run
// recorded: from the journal's file and what it refused, or from what was
// given.
func (c *Context) replayFromStart() {
	all := c.base
	if c.journal != "" {
		recs, _, err := journal.Read(c.journal)
		if err != nil {
			return // the replay so far stands; the next start will say why
		}
		all = append(recs, c.unsaved...)
	}
	c.replayer = coach.NewReplayer(c.Lib)
	c.replayer.Add(all)
}

// today is midnight of the day the clock reads.
func (c *Context) today() time.Time {
	now := c.Now()
	y, mo, d := now.Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, now.Location())
}
