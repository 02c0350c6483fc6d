package coach

import (
	"slices"
	"strings"
	"time"
)

// snapSessions are the replay's sessions in the state cache, by column: a
// ten-year journal has thousands of sessions, and gob decodes a few long
// lists of numbers much faster than thousands of small structs (a start
// reads them all). Words that repeat (routines, exercises, outcomes) are
// places in Words; what few sessions have is in Rare.
type snapSessions struct {
	Words []string // Words[0] is ""
	// Keys are the ids as recorded, one after another; KeyLens their
	// lengths.
	Keys      string
	KeyLens   []int32
	Routine   []uint32
	StartNano []int64
	StartZone []int32 // see zoneOf
	EndNano   []int64
	EndZone   []int32
	Baseline  []int8 // -1 where none was given
	Settled   []int8 // -1, 0 or 1
	RedFlag   []bool
	Outcome   []uint32
	Sets      []int32
	Flares    []int32
	Raised    []bool
	Morning   []bool
	// Exercises finished, ExCount a session, in Words.
	ExCount []int32
	Ex      []uint32
	// Ends recorded under each key, EndCount a session.
	EndCount   []int32
	EndEx      []uint32
	EndSeq     []int64
	EndPain    []int8
	EndStopped []bool
	Rare       []snapRare
}

// snapRare is what a session holds that most do not.
type snapRare struct {
	I        int // its place
	OwnID    bool
	ID       string // where cleaning the key changed it (OwnID)
	RedFlags []string
	Glucose  float64
	Unit     string
	Ketones  opt[bool]
	Today    string
	Resumes  string
	Stepped  []string
}

// zoneOf codes t's location as the journal's reader would give it back:
// 0 the zero time, 1 UTC, 2 Local, else a fixed offset in seconds (off*4+3).
func zoneOf(t time.Time) int32 {
	switch loc := t.Location(); {
	case t.IsZero():
		return 0
	case loc == time.UTC:
		return 1
	case loc == time.Local:
		return 2
	}
	_, off := t.Zone()
	return int32(off)*4 + 3
}

func timeOf(nano int64, zone int32) time.Time {
	switch zone {
	case 0:
		return time.Time{}
	case 1:
		return time.Unix(0, nano).UTC()
	case 2:
		return time.Unix(0, nano).In(time.Local)
	}
	return time.Unix(0, nano).In(time.FixedZone("", int((zone-3)/4)))
}

func triOf(b *bool) int8 {
	switch {
	case b == nil:
		return -1
	case *b:
		return 1
	}
	return 0
}

func boolPtr(v int8) *bool {
	if v < 0 {
		return nil
	}
	b := v == 1
	return &b
}

// words interns repeated words as places in a list.
type words struct {
	list  []string
	index map[string]uint32
}

func (w *words) of(s string) uint32 {
	if w.index == nil {
		w.list, w.index = []string{""}, map[string]uint32{"": 0}
	}
	i, ok := w.index[s]
	if !ok {
		i = uint32(len(w.list))
		w.list = append(w.list, s)
		w.index[s] = i
	}
	return i
}

// snapSessionsOf are the sessions by column; ends are the cache's ends
// that some of them hold.
func snapSessionsOf(ss []*Session, ends *endColumns) snapSessions {
	var w words
	var keys strings.Builder
	c := snapSessions{}
	for i, s := range ss {
		keys.WriteString(s.key)
		c.KeyLens = append(c.KeyLens, int32(len(s.key)))
		c.Routine = append(c.Routine, w.of(s.Routine))
		c.StartNano, c.StartZone = append(c.StartNano, nanoOf(s.Start)), append(c.StartZone, zoneOf(s.Start))
		c.EndNano, c.EndZone = append(c.EndNano, nanoOf(s.End)), append(c.EndZone, zoneOf(s.End))
		b := int8(-1)
		if s.Baseline != nil {
			b = int8(*s.Baseline) // the reader allows 0 to 10 only
		}
		c.Baseline = append(c.Baseline, b)
		c.Settled = append(c.Settled, triOf(s.Settled))
		c.RedFlag = append(c.RedFlag, s.RedFlag)
		c.Outcome = append(c.Outcome, w.of(s.Outcome))
		c.Sets, c.Flares = append(c.Sets, int32(s.Sets)), append(c.Flares, int32(s.Flares))
		c.Raised, c.Morning = append(c.Raised, s.raised), append(c.Morning, s.morning)
		c.ExCount = append(c.ExCount, int32(len(s.Exercises)))
		for _, id := range s.Exercises {
			c.Ex = append(c.Ex, w.of(id))
		}
		count := 0
		s.eachEnd(ends, func(e end, _ int32, _ int) {
			c.EndEx, c.EndSeq = append(c.EndEx, w.of(e.exercise)), append(c.EndSeq, int64(e.seq))
			c.EndPain, c.EndStopped = append(c.EndPain, e.pain), append(c.EndStopped, e.stopped)
			count++
		})
		c.EndCount = append(c.EndCount, int32(count))
		r := snapRare{I: i, RedFlags: s.RedFlags, Glucose: s.Glucose, Unit: s.Unit, Ketones: optOf(s.Ketones), Today: s.Today, Resumes: s.Resumes}
		if s.ID != s.key {
			r.OwnID, r.ID = true, s.ID
		}
		for id := range s.steppedOwn {
			r.Stepped = append(r.Stepped, id)
		}
		slices.Sort(r.Stepped)
		if r.OwnID || r.RedFlags != nil || r.Glucose != 0 || r.Unit != "" || r.Ketones.Set || r.Today != "" || r.Resumes != "" || r.Stepped != nil {
			c.Rare = append(c.Rare, r)
		}
	}
	c.Keys, c.Words = keys.String(), w.list
	return c
}

func nanoOf(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// sessions are the sessions again, and their ends, which stay in the
// columns; ok is false where the columns do not agree (damage).
func (c *snapSessions) sessions() ([]*Session, endColumns, bool) {
	n := len(c.KeyLens)
	for _, l := range [][]int{{len(c.Routine), len(c.StartNano), len(c.StartZone), len(c.EndNano), len(c.EndZone), len(c.Baseline),
		len(c.Settled), len(c.RedFlag), len(c.Outcome), len(c.Sets), len(c.Flares), len(c.Raised), len(c.Morning), len(c.ExCount), len(c.EndCount)},
		{len(c.EndEx), len(c.EndSeq), len(c.EndPain), len(c.EndStopped)}} {
		for _, m := range l {
			if m != l[0] {
				return nil, endColumns{}, false
			}
		}
	}
	if len(c.Routine) != n || len(c.EndEx) != sum(c.EndCount) || len(c.Ex) != sum(c.ExCount) || sum(c.KeyLens) != len(c.Keys) {
		return nil, endColumns{}, false
	}
	if n == 0 {
		return nil, endColumns{}, true
	}
	word := func(i uint32) (string, bool) {
		if int(i) >= len(c.Words) {
			return "", false
		}
		return c.Words[i], true
	}
	all := make([]Session, n)
	out := make([]*Session, n)
	exIDs := make([]string, len(c.Ex))
	for i, w := range c.Ex {
		var ok bool
		if exIDs[i], ok = word(w); !ok {
			return nil, endColumns{}, false
		}
	}
	keyAt, exAt, endAt := 0, 0, 0
	for i := range all {
		s := &all[i]
		s.key = c.Keys[keyAt : keyAt+int(c.KeyLens[i])]
		keyAt += int(c.KeyLens[i])
		s.ID = s.key
		var ok1, ok2 bool
		s.Routine, ok1 = word(c.Routine[i])
		s.Outcome, ok2 = word(c.Outcome[i])
		if !ok1 || !ok2 || c.ExCount[i] < 0 || c.EndCount[i] < 0 {
			return nil, endColumns{}, false
		}
		s.Start, s.End = timeOf(c.StartNano[i], c.StartZone[i]), timeOf(c.EndNano[i], c.EndZone[i])
		if b := c.Baseline[i]; b >= 0 {
			v := int(b)
			s.Baseline = &v
		}
		s.Settled = boolPtr(c.Settled[i])
		s.RedFlag, s.Sets, s.Flares, s.raised, s.morning = c.RedFlag[i], int(c.Sets[i]), int(c.Flares[i]), c.Raised[i], c.Morning[i]
		if k := int(c.ExCount[i]); k > 0 {
			s.Exercises = exIDs[exAt : exAt+k : exAt+k] // full: an append copies
			exAt += k
		}
		s.cachedEnds = [2]int32{int32(endAt), int32(endAt) + c.EndCount[i]}
		endAt += int(c.EndCount[i])
		out[i] = s
	}
	for _, r := range c.Rare {
		if r.I < 0 || r.I >= n {
			return nil, endColumns{}, false
		}
		s := out[r.I]
		if r.OwnID {
			s.ID = r.ID
		}
		s.RedFlags, s.Glucose, s.Unit, s.Ketones, s.Today, s.Resumes = r.RedFlags, r.Glucose, r.Unit, r.Ketones.ptr(), r.Today, r.Resumes
		if len(r.Stepped) > 0 {
			s.steppedOwn = make(map[string]bool, len(r.Stepped))
			for _, id := range r.Stepped {
				s.steppedOwn[id] = true
			}
		}
	}
	return out, endColumns{words: c.Words, ex: c.EndEx, seq: c.EndSeq, pain: c.EndPain, stopped: c.EndStopped}, true
}

func sum(ns []int32) int {
	t := 0
	for _, n := range ns {
		t += int(n)
	}
	return t
}
