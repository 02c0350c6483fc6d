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
	if c.dayUnix == 0 || string(s[:10]) != string(c.day[:]) {
		y, ok1 := num(s[0:4])
		m, ok2 := num(s[5:7])
		d, ok3 := num(s[8:10])
		if !ok1 || !ok2 || !ok3 || s[4] != '-' || s[7] != '-' || m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
			return time.Time{}, false
		}
		c.dayUnix = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix()
		copy(c.day[:], s[:10])
	}
	hh, ok1 := num(s[11:13])
	mm, ok2 := num(s[14:16])
	ss, ok3 := num(s[17:19])
	if !ok1 || !ok2 || !ok3 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || hh > 23 || mm > 59 || ss > 59 {
		return time.Time{}, false
	}
	rest := s[19:]
	nsec := 0
	if rest[0] == '.' {
		n := 1
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			nsec = nsec*10 + int(rest[n]-'0')
			n++
		}
		if n == 1 || n > 10 { // no digits, or more than the nanoseconds time keeps
			return time.Time{}, false
		}
		for i := n; i < 10; i++ {
			nsec *= 10
		}
		rest = rest[n:]
	}
	off := 0
	switch {
	case len(rest) == 1 && rest[0] == 'Z':
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		oh, ok1 := num(rest[1:3])
		om, ok2 := num(rest[4:6])
		if !ok1 || !ok2 || oh > 23 || om > 59 {
			return time.Time{}, false
		}
		off = (oh*60 + om) * 60
		if rest[0] == '-' {
			off = -off
		}
	default:
		return time.Time{}, false
	}
	sec := c.dayUnix + int64(hh*3600+mm*60+ss-off)
	t := time.Unix(sec, int64(nsec))
	if len(rest) == 1 {
		return t.UTC(), true
	}
	// Like UnmarshalJSON: Local if Local had this offset then, else a
	// fixed zone.
	if c.zoneEnd == 0 || sec < c.zoneStart || sec >= c.zoneEnd {
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
	if off == c.localOff {
		return t.In(time.Local), true
	}
	if c.fixed == nil || c.fixedOff != off {
		c.fixed, c.fixedOff = time.FixedZone("", off), off
	}
	return t.In(c.fixed), true
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
