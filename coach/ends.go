package coach

// Each exercise's end in each session, as the journal records it: what
// the report reads for the pain after an exercise, and history for the
// pain beside each set. The replay keeps them in their session; a
// ten-year journal holds tens of thousands, so those read from the state
// cache stay in its columns (endColumns) rather than being made into
// structs one by one.

// sessionExercise keys what one session did with one exercise, by the ids
// as recorded.
type sessionExercise struct{ session, exercise string }

// end is an exercise's end in one session: the pain after it (-1 where
// none, or none possible, was given) and whether the stop rule ended it.
type end struct {
	exercise string // as recorded
	seq      int    // its place in the journal: the later line wins
	pain     int8
	stopped  bool
}

// endColumns are ends by column, as the state cache holds them; a
// session's are a stretch of them (Session.cachedEnds).
type endColumns struct {
	words   []string // the exercises, by place
	ex      []uint32 // a place in words
	seq     []int64
	pain    []int8
	stopped []bool
}

func (c *endColumns) at(i int32) end {
	return end{exercise: c.words[c.ex[i]], seq: int(c.seq[i]), pain: c.pain[i], stopped: c.stopped[i]}
}

// eachEnd calls fn with each end of the session, and the place of those
// in the columns (-1 for the others).
func (s *Session) eachEnd(c *endColumns, fn func(e end, col int32, i int)) {
	for i := s.cachedEnds[0]; i < s.cachedEnds[1]; i++ {
		fn(c.at(i), i, -1)
	}
	for i, e := range s.ends {
		fn(e, -1, i)
	}
}

// End is the pain at the end of the exercise in the session (-1 where
// none was given) and whether the stop rule ended it, from the latest
// line that records its end, wherever the replay placed it; ok is false
// where none does. Session and exercise are ids as recorded.
func (p *Progress) End(session, exercise string) (pain int, stopped, ok bool) {
	var e end
	if len(p.endsApart) > 0 { // most journals have none
		e, ok = p.endsApart[sessionExercise{session, exercise}]
	}
	if s := p.byKey[session]; s != nil {
		// A report asks for every exercise of every session: a loop, not
		// eachEnd, which costs a call an end.
		c := &p.cachedEnds
		for i := s.cachedEnds[0]; i < s.cachedEnds[1]; i++ {
			if c.words[c.ex[i]] == exercise && (!ok || int(c.seq[i]) > e.seq) {
				e, ok = c.at(i), true
			}
		}
		for _, se := range s.ends {
			if se.exercise == exercise && (!ok || se.seq > e.seq) {
				e, ok = se, true
			}
		}
	}
	return int(e.pain), e.stopped, ok
}

// setEnd records e, the end of its exercise in session, unless a later
// line recorded one already.
func (p *Progress) setEnd(session string, e end) {
	s := p.byKey[session]
	if s == nil {
		k := sessionExercise{session, e.exercise}
		if old, ok := p.endsApart[k]; !ok || old.seq < e.seq {
			p.endsApart[k] = e
		}
		return
	}
	found := false
	s.eachEnd(&p.cachedEnds, func(se end, col int32, i int) {
		if se.exercise != e.exercise {
			return
		}
		found = true
		switch {
		case se.seq >= e.seq:
		case col >= 0:
			c := &p.cachedEnds
			c.seq[col], c.pain[col], c.stopped[col] = int64(e.seq), e.pain, e.stopped
		default:
			s.ends[i] = e
		}
	})
	if !found {
		s.ends = append(s.ends, e)
	}
}
