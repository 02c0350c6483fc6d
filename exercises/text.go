package exercises

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// badRune reports whether r must never reach a terminal, a page or a
// spreadsheet from library or journal text: C0 and C1 controls and DEL;
// the bidirectional overrides and isolates, which make text read
// differently from what it is; and the invisible characters that hide
// inside a word (zero-width space, joiner and non-joiner, word joiner,
// byte-order mark), the direction marks (LRM, RLM, ALM), the line and
// paragraph separators, the interlinear annotation marks and the tag
// characters. They arrive by copying from a word processor or a web page,
// or are put there to deceive: a name that looks like another.
func badRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r >= 0x200b && r <= 0x200f, r == 0x2060, r == 0xfeff, r == 0x061c:
		return true // zero-width space, non-joiner and joiner; LRM, RLM; word joiner; BOM; ALM
	case r == 0x2028, r == 0x2029, r >= 0xfff9 && r <= 0xfffb, r >= 0xe0000 && r <= 0xe007f:
		return true // line and paragraph separators; interlinear annotation; tags
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

// Escape shows s with every control, escape or invisible character written
// out, as in \x1b or \u200b, so that an error message never sends raw
// escape bytes to a terminal and shows what hides in a word.
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
		case r > 0xffff && badRune(r):
			fmt.Fprintf(&b, `\U%08x`, r)
		case badRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Clean strips every control, escape and invisible character from s
// (keeping newlines when multiline; a tab becomes a space), for text on
// its way to the screen, a page or a Markdown file. Validation already
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
