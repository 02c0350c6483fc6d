package journal

import (
	"time"

	"limber/exercises"
)

// decoder is a fast path for reading records, several times quicker than
// encoding/json, because the whole history is replayed at every start.
// It accepts only plain JSON it is sure of — known keys, each once, no
// escapes, no nulls, integers only — and gives up on anything else, leaving
// the line to encoding/json. So it may never disagree with encoding/json;
// FuzzDecodeFast checks that it does not.
type decoder struct {
	// intern shares the strings that repeat on every line (session,
	// exercise, kind, reason...), so a long history costs little memory.
	intern map[string]string
	recent [numSlots][4]string // each field's latest values, checked first
	// Slabs hand out the pointer fields, one allocation per thousand.
	ints  []int
	bools []bool
	rungs []exercises.Rung
	decs  []Decision
	days  dayCache
	now   time.Time // records may be at most a day past it
}

const (
	slabSize     = 1024
	internMaxLen = 64
	internMax    = 1 << 16
)

// Fields whose strings are interned.
const (
	slotKind = iota
	slotSession
	slotRoutine
	slotExercise
	slotName
	slotValueUnit
	slotSide
	slotOutcome
	slotReason
	slotRedFlag
	slotUnit
	slotToday
	numSlots
)

func newDecoder() *decoder { return &decoder{intern: make(map[string]string)} }

// str returns b as a string shared with earlier equal ones.
func (d *decoder) str(slot int, b []byte) string {
	recent := &d.recent[slot]
	for _, s := range recent {
		if s == string(b) { // no allocation for the comparison
			return s
		}
	}
	var s string
	if len(b) > internMaxLen {
		s = string(b)
	} else if is, ok := d.intern[string(b)]; ok { // nor for the lookup
		s = is
	} else {
		s = string(b)
		if len(d.intern) < internMax {
			d.intern[s] = s
		}
	}
	copy(recent[1:], recent[:])
	recent[0] = s
	return s
}

// alloc hands out a zero T from the slab, taking a new slab of slabSize
// when it is full.
func alloc[T any](slab *[]T) *T {
	if len(*slab) == cap(*slab) {
		*slab = make([]T, 0, slabSize)
	}
	var zero T
	*slab = append(*slab, zero)
	return &(*slab)[len(*slab)-1]
}

// The keys of each object in the order the fields are declared, which is
// the order Append writes them; the f constants index recordKeys.
var (
	recordKeys = keywords("v", "kind", "at", "session", "routine", "exercise", "name", "unit",
		"baseline", "red_flag", "settled", "red_flags", "glucose", "glucose_unit", "ketones", "today", "resumes",
		"set", "side", "rung", "target", "achieved", "effort",
		"pain", "score", "stopped", "demo", "decision",
		"outcome", "note")
	rungKeys     = keywords("sets", "level", "value")
	decisionKeys = keywords("from", "to", "streak", "flag", "reason")
)

const (
	fV = iota
	fKind
	fAt
	fSession
	fRoutine
	fExercise
	fName
	fUnit
	fBaseline
	fRedFlag
	fSettled
	fRedFlags
	fGlucose
	fGlucoseUnit
	fKetones
	fToday
	fResumes
	fSet
	fSide
	fRung
	fTarget
	fAchieved
	fEffort
	fPain
	fScore
	fStopped
	fDemo
	fDecision
	fOutcome
	fNote
	numRecordKeys
)

// A key seen twice is refused (encoding/json would merge or overwrite; not
// worth copying); seen is a bit set of the keys met so far.
var _ [32 - numRecordKeys]struct{} // seen is a uint32

// Each decoding function below reads one JSON object: a key, its value,
// then a comma or the closing brace. The loop is written out in each rather
// than shared through a callback: rungs are on most lines, and a closure
// call per key costs a tenth of the read.

func (p *parser) rung(r *exercises.Rung) bool {
	if !p.eat('{') {
		return false
	}
	if p.eat('}') {
		return true
	}
	var seen uint32
	for next := 0; ; {
		id, ok := p.key(rungKeys, next)
		if !ok || seen&(1<<id) != 0 {
			return false
		}
		seen |= 1 << id
		next = id + 1
		switch id {
		case 0:
			r.Sets, ok = p.int()
		case 1:
			r.Level, ok = p.int()
		case 2:
			r.Value, ok = p.int()
		}
		if !ok {
			return false
		}
		if !p.eat(',') {
			return p.eat('}')
		}
	}
}

func (d *decoder) decision(p *parser, dec *Decision) bool {
	if !p.eat('{') {
		return false
	}
	if p.eat('}') {
		return true
	}
	var seen uint32
	for next := 0; ; {
		id, ok := p.key(decisionKeys, next)
		if !ok || seen&(1<<id) != 0 {
			return false
		}
		seen |= 1 << id
		next = id + 1
		switch id {
		case 0:
			ok = p.rung(&dec.From)
		case 1:
			ok = p.rung(&dec.To)
		case 2:
			dec.Streak, ok = p.int()
		case 3:
			dec.Flag, ok = p.bool()
		case 4:
			var s []byte
			s, ok = p.string()
			dec.Reason = d.str(slotReason, s)
		}
		if !ok {
			return false
		}
		if !p.eat(',') {
			return p.eat('}')
		}
	}
}

// decodeFast fills r, which must be zero, from line and reports whether it
// could. On false, r is half-filled and must be reset. The fields every
// record has are read here, in the hot loop of every start; the others by
// body.
func (d *decoder) decodeFast(line []byte, r *Record) bool {
	p := parser{b: line}
	if !p.eat('{') {
		return false
	}
	if p.eat('}') {
		return p.end()
	}
	var seen uint32
	for next := 0; ; {
		id, ok := p.key(recordKeys, next)
		if !ok || seen&(1<<id) != 0 {
			return false
		}
		seen |= 1 << id
		next = id + 1
		var s []byte
		switch id {
		case fV:
			r.V, ok = p.int()
		case fKind:
			s, ok = p.string()
			r.Kind = Kind(d.str(slotKind, s))
		case fAt:
			if s, ok = p.quoted(); ok {
				r.At, ok = d.time(s)
			}
		case fSession:
			s, ok = p.string()
			r.Session = d.str(slotSession, s)
		case fRoutine:
			s, ok = p.string()
			r.Routine = d.str(slotRoutine, s)
		case fExercise:
			s, ok = p.string()
			r.Exercise = d.str(slotExercise, s)
		default:
			ok = d.body(&p, id, r)
		}
		if !ok {
			return false
		}
		if !p.eat(',') {
			return p.eat('}') && p.end()
		}
	}
}

// body reads the fields of one kind of record or another: a set's, an
// exercise end's, the check-in's.
func (d *decoder) body(p *parser, id int, r *Record) (ok bool) {
	var s []byte
	switch id {
	case fName:
		s, ok = p.string()
		r.Name = d.str(slotName, s)
	case fUnit:
		s, ok = p.string()
		r.Unit = d.str(slotValueUnit, s)
	case fSet:
		r.Set, ok = p.int()
	case fSide:
		s, ok = p.string()
		r.Side = d.str(slotSide, s)
	case fRung:
		r.Rung = alloc(&d.rungs)
		ok = p.rung(r.Rung)
	case fTarget:
		r.Target, ok = p.int()
	case fAchieved:
		r.Achieved, ok = p.int()
	case fEffort:
		r.Effort, ok = p.int()
	case fPain:
		r.Pain, ok = d.intPtr(p)
	case fScore:
		r.Score, ok = d.intPtr(p)
	case fStopped:
		r.Stopped, ok = p.bool()
	case fDecision:
		r.Decision = alloc(&d.decs)
		ok = d.decision(p, r.Decision)
	case fOutcome:
		s, ok = p.string()
		r.Outcome = d.str(slotOutcome, s)
	case fNote:
		s, ok = p.string()
		r.Note = string(s) // free text: not worth interning
	default:
		return d.checkIn(p, id, r)
	}
	return ok
}

// checkIn reads a session start's answers.
func (d *decoder) checkIn(p *parser, id int, r *Record) (ok bool) {
	switch id {
	case fBaseline:
		r.Baseline, ok = d.intPtr(p)
	case fRedFlag:
		r.RedFlag, ok = d.boolPtr(p)
	case fSettled:
		r.Settled, ok = d.boolPtr(p)
	case fDemo:
		r.Demo, ok = p.bool()
	default:
		if r.Answers == nil {
			r.Answers = new(Answers) // one a session: no slab needed
		}
		return d.answer(p, id, r.Answers)
	}
	return ok
}

// answer reads one of the check-in's rarer answers.
func (d *decoder) answer(p *parser, id int, a *Answers) (ok bool) {
	var s []byte
	switch id {
	case fRedFlags:
		a.RedFlags, ok = d.strings(p, slotRedFlag)
	case fGlucose:
		a.Glucose, ok = p.float()
	case fGlucoseUnit:
		s, ok = p.string()
		a.GlucoseUnit = d.str(slotUnit, s)
	case fKetones:
		a.Ketones, ok = d.boolPtr(p)
	case fToday:
		s, ok = p.string()
		a.Today = d.str(slotToday, s)
	case fResumes:
		s, ok = p.string()
		a.Resumes = d.str(slotSession, s)
	}
	return ok
}

func (d *decoder) intPtr(p *parser) (*int, bool) {
	n := alloc(&d.ints)
	var ok bool
	*n, ok = p.int()
	return n, ok
}

func (d *decoder) boolPtr(p *parser) (*bool, bool) {
	b := alloc(&d.bools)
	var ok bool
	*b, ok = p.bool()
	return b, ok
}

// strings reads a list of strings, such as the red flags answered yes. An
// empty list is an empty slice, not nil, as encoding/json makes it.
func (d *decoder) strings(p *parser, slot int) ([]string, bool) {
	if !p.eat('[') {
		return nil, false
	}
	out := []string{}
	if p.eat(']') {
		return out, true
	}
	for {
		s, ok := p.string()
		if !ok {
			return nil, false
		}
		out = append(out, d.str(slot, s))
		if !p.eat(',') {
			return out, p.eat(']')
		}
	}
}

// time decodes a quoted timestamp exactly as encoding/json would, by calling
// the same method, except for the shape Append writes, which it reads by
// hand: successive records share their day, so only the time of day is new.
func (d *decoder) time(quoted []byte) (time.Time, bool) {
	if t, ok := d.days.parse(quoted[1 : len(quoted)-1]); ok {
		return t, true
	}
	var t time.Time
	return t, t.UnmarshalJSON(quoted) == nil
}
