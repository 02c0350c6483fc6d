package journal

import (
	"math"
	"time"
)

// dayCache reads the timestamps Append writes, "2006-01-02T15:04:05.999999999Z07:00",
// to the very same time.Time as time.Time.UnmarshalJSON (same instant, same
// *Location), about ten times faster: it keeps the last day and the last
// stretch of local time without a clock change, which successive records
// nearly always share. It refuses anything else; the caller then uses
// UnmarshalJSON.
type dayCache struct {
	day     [10]byte // "2006-01-02"
	dayUnix int64    // that day's midnight, UTC

	// The stretch [zoneStart, zoneEnd) of Local time at one offset.
	zoneStart, zoneEnd int64
	localOff           int

	fixed    *time.Location // the last zone that is not Local's
	fixedOff int
}

func (c *dayCache) parse(s []byte) (time.Time, bool) {
	if len(s) < len("2006-01-02T15:04:05Z") {
		return time.Time{}, false
	}
	if (c.dayUnix == 0 || string(s[:10]) != string(c.day[:])) && !c.date(s[:10]) {
		return time.Time{}, false
	}
	secs, ok1 := clock(s[10:19])
	nsec, rest, ok2 := fraction(s[19:])
	off, ok3 := offset(rest)
	if !ok1 || !ok2 || !ok3 {
		return time.Time{}, false
	}
	sec := c.dayUnix + int64(secs-off)
	t := time.Unix(sec, int64(nsec))
	if len(rest) == 1 {
		return t.UTC(), true
	}
	// Like UnmarshalJSON: Local if Local had this offset then, else a
	// fixed zone.
	if c.zoneEnd == 0 || sec < c.zoneStart || sec >= c.zoneEnd {
		c.localZone(t)
	}
	if off == c.localOff {
		return t.In(time.Local), true
	}
	if c.fixed == nil || c.fixedOff != off {
		c.fixed, c.fixedOff = time.FixedZone("", off), off
	}
	return t.In(c.fixed), true
}

// date reads "2006-01-02" into the cache: a new day, which parse checks
// for itself, as successive records nearly always share theirs.
func (c *dayCache) date(s []byte) bool {
	y, ok1 := num(s[0:4])
	m, ok2 := num(s[5:7])
	d, ok3 := num(s[8:10])
	if !ok1 || !ok2 || !ok3 || s[4] != '-' || s[7] != '-' || m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
		return false
	}
	c.dayUnix = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix()
	copy(c.day[:], s)
	return true
}

// clock reads "T15:04:05" as seconds into the day.
func clock(s []byte) (int, bool) {
	hh, ok1 := num(s[1:3])
	mm, ok2 := num(s[4:6])
	ss, ok3 := num(s[7:9])
	if !ok1 || !ok2 || !ok3 || s[0] != 'T' || s[3] != ':' || s[6] != ':' || hh > 23 || mm > 59 || ss > 59 {
		return 0, false
	}
	return hh*3600 + mm*60 + ss, true
}

// fraction reads an optional ".999999999" as nanoseconds and returns what
// follows it.
func fraction(s []byte) (nsec int, rest []byte, ok bool) {
	if s[0] != '.' {
		return 0, s, true
	}
	n := 1
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		nsec = nsec*10 + int(s[n]-'0')
		n++
	}
	if n == 1 || n > 10 { // no digits, or more than the nanoseconds time keeps
		return 0, nil, false
	}
	for i := n; i < 10; i++ {
		nsec *= 10
	}
	return nsec, s[n:], true
}

// offset reads "Z" or "+07:00" as seconds east of UTC.
func offset(s []byte) (int, bool) {
	switch {
	case len(s) == 1 && s[0] == 'Z':
		return 0, true
	case len(s) == 6 && (s[0] == '+' || s[0] == '-') && s[3] == ':':
		oh, ok1 := num(s[1:3])
		om, ok2 := num(s[4:6])
		if !ok1 || !ok2 || oh > 23 || om > 59 {
			return 0, false
		}
		off := (oh*60 + om) * 60
		if s[0] == '-' {
			off = -off
		}
		return off, true
	}
	return 0, false
}

// localZone holds Local's offset at t and the stretch of time it lasts.
func (c *dayCache) localZone(t time.Time) {
	lt := t.In(time.Local)
	_, c.localOff = lt.Zone()
	start, end := lt.ZoneBounds()
	c.zoneStart, c.zoneEnd = math.MinInt64, math.MaxInt64
	if !start.IsZero() {
		c.zoneStart = start.Unix()
	}
	if !end.IsZero() {
		c.zoneEnd = end.Unix()
	}
}

// num reads a run of decimal digits.
func num(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
