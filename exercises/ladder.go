package exercises

// Ladder is the total order of an exercise's rungs, easiest first
// (DESIGN section 3):
//
//	level 1..L at BaseSets sets: Min ... Max by Step
//	then at level L: BaseSets+1 ... MaxSets sets: Min ... Max
//
// It is arithmetic rather than a slice, so that Up and Down cost nothing,
// are exact inverses by construction, and a 5,000-exercise library builds
// no tables.
type Ladder struct {
	Levels   int
	Min      int
	Max      int
	Step     int
	BaseSets int
	MaxSets  int
}

// width is the number of values on the grid.
func (l Ladder) width() int { return (l.Max-l.Min)/l.Step + 1 }

// Len is the number of rungs.
func (l Ladder) Len() int {
	return l.width() * (l.Levels + l.MaxSets - l.BaseSets)
}

// At returns rung i, counting from 0 at the easiest.
func (l Ladder) At(i int) Rung {
	w := l.width()
	band, col := i/w, i%w
	v := l.Min + col*l.Step
	if band < l.Levels {
		return Rung{Sets: l.BaseSets, Level: band + 1, Value: v}
	}
	return Rung{Sets: l.BaseSets + band - l.Levels + 1, Level: l.Levels, Value: v}
}

// Index returns r's place on the ladder, and false when r is not on it.
func (l Ladder) Index(r Rung) (int, bool) {
	if r.Value < l.Min || r.Value > l.Max || (r.Value-l.Min)%l.Step != 0 {
		return 0, false
	}
	col := (r.Value - l.Min) / l.Step
	w := l.width()
	switch {
	case r.Sets == l.BaseSets && r.Level >= 1 && r.Level <= l.Levels:
		return (r.Level-1)*w + col, true
	case r.Sets > l.BaseSets && r.Sets <= l.MaxSets && r.Level == l.Levels:
		return (l.Levels+r.Sets-l.BaseSets-1)*w + col, true
	}
	return 0, false
}

// Contains reports whether r is a rung of the ladder.
func (l Ladder) Contains(r Rung) bool {
	_, ok := l.Index(r)
	return ok
}

// Up returns the rung one step harder, and false at the top (r unchanged).
func (l Ladder) Up(r Rung) (Rung, bool) { return l.move(r, +1) }

// Down returns the rung one step easier, and false at the bottom (r unchanged).
func (l Ladder) Down(r Rung) (Rung, bool) { return l.move(r, -1) }

func (l Ladder) move(r Rung, d int) (Rung, bool) {
	i, ok := l.Index(r)
	if !ok || i+d < 0 || i+d >= l.Len() {
		return r, false
	}
	return l.At(i + d), true
}

// Nearest returns the rung of the ladder closest to r: used when a library
// was edited after the journal placed a patient on a rung that no longer
// exists. It keeps the level and sets where it can and snaps the value.
func (l Ladder) Nearest(r Rung) Rung {
	if l.Contains(r) {
		return r
	}
	lvl := min(max(r.Level, 1), l.Levels)
	sets := min(max(r.Sets, l.BaseSets), l.MaxSets)
	if sets > l.BaseSets {
		lvl = l.Levels
	}
	v := min(max(r.Value, l.Min), l.Max)
	v = l.Min + (v-l.Min)/l.Step*l.Step
	return Rung{Sets: sets, Level: lvl, Value: v}
}
