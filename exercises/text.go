package exercises

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// badRune reports whether r must never reach a terminal from library text:
// C0 and C1 controls, DEL, and the bidirectional overrides that can make
// text read differently from what it is.
func badRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == utf8.RuneError:
		return true
	}
	return false
}

// firstBad returns the index and rune of the first character that text may
// not hold, or -1. A newline is allowed where multiline is true.
func firstBad(s string, multiline bool) (int, rune) {
	for i, r := range s {
		if r == '\n' && multiline {
			continue
		}
		if badRune(r) {
			return i, r
		}
	}
	return -1, 0
}

// Escape shows s with every control or escape character written out, as in
// \x1b, so that an error message never sends raw escape bytes to a terminal.
func Escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && badRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case badRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Clean strips every control and escape character from s (keeping newlines
// when multiline), for text on its way to the screen. Validation already
// refuses such text; this is the second lock on the door.
func Clean(s string, multiline bool) string {
	if i, _ := firstBad(s, multiline); i < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if (r == '\n' && multiline) || !badRune(r) {
			b.WriteRune(r)
		} else if r == '\t' {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// Quote is Escape in double quotes, for naming a value in a message.
func Quote(s string) string { return `"` + Escape(s) + `"` }
