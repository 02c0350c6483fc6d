package journal

import (
	"encoding/binary"
	"math/bits"
	"strconv"
	"unicode/utf8"
)

// parser walks one line for the decoder's fast path. Every method reports
// false on anything it does not accept; the line then goes to encoding/json.
type parser struct {
	b []byte
	i int
}

func (p *parser) ws() {
	for p.i < len(p.b) && p.b[p.i] <= ' ' && isSpace(p.b[p.i]) {
		p.i++
	}
}

// eat skips spaces and then c if it is there.
func (p *parser) eat(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c { // compact JSON: no spaces to skip
		p.i++
		return true
	}
	return p.eatSpaced(c)
}

//go:noinline so that eat stays small enough to be inlined itself
func (p *parser) eatSpaced(c byte) bool {
	p.ws()
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// end reports whether nothing but spaces is left, as encoding/json requires.
func (p *parser) end() bool {
	p.ws()
	return p.i == len(p.b)
}

// keyword is an object key as Append writes it: quoted, then a colon, held
// also as two little-endian words so that it can be matched in two
// comparisons.
type keyword struct {
	lit    string
	w0, w1 uint64
	m0, m1 uint64
}

func keywords(names ...string) []keyword {
	ks := make([]keyword, len(names))
	for i, name := range names {
		lit := `"` + name + `":`
		if len(lit) > 16 {
			panic("journal: key too long for a keyword: " + name)
		}
		var b [16]byte
		copy(b[:], lit)
		k := keyword{lit: lit, w0: binary.LittleEndian.Uint64(b[:8]), w1: binary.LittleEndian.Uint64(b[8:])}
		for j := range len(lit) {
			if j < 8 {
				k.m0 |= 0xff << (8 * j)
			} else {
				k.m1 |= 0xff << (8 * (j - 8))
			}
		}
		ks[i] = k
	}
	return ks
}

// key reads an object key and its colon and returns the key's index in keys,
// which are in the order Append writes them. It tries the keys from next on
// first, by comparing words, which is all it takes for a line Append wrote;
// other lines get the key read in full.
func (p *parser) key(keys []keyword, next int) (int, bool) {
	rest := p.b[p.i:]
	if len(rest) < 16 { // near the end of the line
		var pad [16]byte
		copy(pad[:], rest)
		rest = pad[:]
	}
	w0, w1 := binary.LittleEndian.Uint64(rest), binary.LittleEndian.Uint64(rest[8:])
	for id := next; id < len(keys); id++ {
		if k := &keys[id]; w0&k.m0 == k.w0 && w1&k.m1 == k.w1 {
			p.i += len(k.lit)
			return id, true
		}
	}
	name, ok := p.string()
	if !ok || !p.eat(':') {
		return 0, false
	}
	for id, k := range keys {
		if string(name) == k.lit[1:len(k.lit)-2] {
			return id, true
		}
	}
	return 0, false // unknown, or differing in case only: encoding/json decides
}

// quoted returns a string token with its quotes, if it needs no unescaping
// and is valid UTF-8 (encoding/json would replace bad bytes with U+FFFD).
func (p *parser) quoted() ([]byte, bool) {
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		p.ws()
		if p.i >= len(p.b) || p.b[p.i] != '"' {
			return nil, false
		}
	}
	b, start := p.b, p.i
	i := start + 1
	ascii := true
	for {
		// Eight bytes at a time while none of them is special.
		for i+8 <= len(b) {
			if m := special(binary.LittleEndian.Uint64(b[i:])); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
			i += 8
		}
		for i < len(b) && b[i] >= 0x20 && b[i] < utf8.RuneSelf && b[i] != '"' && b[i] != '\\' {
			i++
		}
		if i >= len(b) {
			return nil, false
		}
		switch c := b[i]; {
		case c == '"':
			i++
			p.i = i
			s := b[start:i]
			if !ascii && !utf8.Valid(s) {
				return nil, false
			}
			return s, true
		case c >= utf8.RuneSelf:
			ascii = false
			i++
		default: // an escape or a control character
			return nil, false
		}
	}
}

// string returns a string token's contents.
func (p *parser) string() ([]byte, bool) {
	s, ok := p.quoted()
	if !ok {
		return nil, false
	}
	return s[1 : len(s)-1], true
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// special sets the high bit of each byte of x that is a quote, a
// backslash, a control character or not ASCII. A false mark can follow a
// true one (a borrow), never precede it, so the lowest mark is exact.
func special(x uint64) uint64 {
	q := x ^ (ones * '"')
	bs := x ^ (ones * '\\')
	return ((q-ones)&^q | (bs-ones)&^bs | (x - ones*0x20) | x) & highs
}

// int reads a JSON integer. Fractions, exponents and leading zeros are left
// to encoding/json, as are numbers long enough to overflow.
func (p *parser) int() (int, bool) {
	// Most numbers in a journal are one digit: read those inline.
	if i := p.i; i+1 < len(p.b) {
		if c, next := p.b[i]-'0', p.b[i+1]; c <= 9 && (next == ',' || next == '}') {
			p.i = i + 1
			return int(c), true
		}
	}
	return p.intLong()
}

func (p *parser) intLong() (int, bool) {
	p.ws()
	neg := false
	if p.i < len(p.b) && p.b[p.i] == '-' {
		neg = true
		p.i++
	}
	start := p.i
	n := 0
	for p.i < len(p.b) && p.i-start < 18 {
		c := p.b[p.i]
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
		p.i++
	}
	digits := p.i - start
	if digits == 0 || (digits > 1 && p.b[start] == '0') {
		return 0, false
	}
	if p.i < len(p.b) {
		if c := p.b[p.i]; c == '.' || c == 'e' || c == 'E' || (c >= '0' && c <= '9') {
			return 0, false
		}
	}
	if neg {
		n = -n
	}
	return n, true
}

func (p *parser) bool() (bool, bool) {
	p.ws()
	rest := p.b[p.i:]
	switch {
	case len(rest) >= 4 && string(rest[:4]) == "true":
		p.i += 4
		return true, true
	case len(rest) >= 5 && string(rest[:5]) == "false":
		p.i += 5
		return false, true
	}
	return false, false
}

// float reads a JSON number without an exponent into a float64, by the same
// strconv.ParseFloat encoding/json uses, so the two agree to the bit.
// Exponents, leading zeros and anything odd are left to encoding/json.
func (p *parser) float() (float64, bool) {
	p.ws()
	start := p.i
	if p.i < len(p.b) && p.b[p.i] == '-' {
		p.i++
	}
	digits := p.digits()
	if digits == 0 || (digits > 1 && p.b[p.i-digits] == '0') {
		return 0, false
	}
	if p.i < len(p.b) && p.b[p.i] == '.' {
		p.i++
		if p.digits() == 0 {
			return 0, false
		}
	}
	if p.i < len(p.b) && (p.b[p.i] == 'e' || p.b[p.i] == 'E') || p.i-start > 32 {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(p.b[start:p.i]), 64)
	return f, err == nil
}

// digits skips a run of decimal digits and returns its length.
func (p *parser) digits() int {
	start := p.i
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
		p.i++
	}
	return p.i - start
}
