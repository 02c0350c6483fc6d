package exercises

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Reading one line of a library file: where its content starts, its "- ",
// its "key:", and the quotes and brackets of its value.

// srcLine is one line of the file.
type srcLine struct {
	num     int    // from 1
	text    string // without the line break
	indent  int    // spaces before the content
	tab     int    // column (from 1) of a tab before the content; 0 if none
	content string // from the first character that is not a space or a tab
}

func splitLines(data []byte) []srcLine {
	text := strings.TrimPrefix(string(data), "\ufeff")
	raw := strings.Split(text, "\n")
	out := make([]srcLine, len(raw))
	for i, t := range raw {
		t = strings.TrimSuffix(t, "\r")
		l := srcLine{num: i + 1, text: t}
		j := 0
		for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
			if t[j] == '\t' && l.tab == 0 {
				l.tab = j + 1
			}
			j++
		}
		l.indent, l.content = j, t[j:]
		out[i] = l
	}
	return out
}

// col is the column (from 1, in characters) of byte offset off in the line.
func (l srcLine) col(off int) int { return utf8.RuneCountInString(l.text[:min(off, len(l.text))]) + 1 }

// scanFlow follows brackets and quotes from off; it returns the offset
// after the bracket that closes the outermost one, or -1 if the line ends
// first (the state carries to the next line).
func (m *multi) scanFlow(s string, off int) int {
	for i := off; i < len(s); i++ {
		c := s[i]
		if m.quote != 0 {
			switch {
			case m.quote == '"' && c == '\\':
				i++
			case c == m.quote && m.quote == '\'' && i+1 < len(s) && s[i+1] == '\'':
				i++
			case c == m.quote:
				m.quote = 0
			}
			continue
		}
		switch c {
		case '"', '\'':
			if i == 0 || strings.ContainsRune(" ,[{:", rune(s[i-1])) {
				m.quote = c
			}
		case '[', '{':
			m.depth++
		case ']', '}':
			m.depth--
			if m.depth == 0 {
				return i + 1
			}
		case '#':
			if i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
				return -1
			}
		}
	}
	return -1
}

// flowFieldsProblem checks a one-line {a: 1, b: 2}: every part between
// commas is one "name: value". It returns a message and the byte offset
// to point at.
func flowFieldsProblem(s string) (string, int) {
	depth, start := 0, 1
	var quote byte
	check := func(end int) (string, int) {
		part := s[start:end]
		lead := len(part) - len(strings.TrimLeft(part, " "))
		p := strings.TrimSpace(part)
		if p == "" || strings.ContainsAny(p, "[{\"'") {
			return "", 0 // only flat fields are checked
		}
		first := strings.Index(p, ": ")
		if first < 0 && !strings.HasSuffix(p, ":") {
			if strings.Contains(p, ":") {
				k, _, _ := strings.Cut(p, ":")
				return fmt.Sprintf(`put a space after the colon in "%s"`, p), start + lead + len(k) + 1
			}
			return fmt.Sprintf(`%s in { } needs a colon and a value, such as "%s: 10"`, Quote(p), p), start + lead
		}
		if second := strings.Index(p[first+2:], ": "); second >= 0 {
			rest := p[first+2:]
			sp := strings.LastIndex(rest[:second], " ")
			return fmt.Sprintf(`a comma is missing before %s; separate the fields in { } with commas`, Quote(strings.TrimSpace(rest[sp+1:second+1]))), start + lead + first + 2 + sp + 1
		}
		return "", 0
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if quote != 0 {
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
			continue
		}
		switch c {
		case '"', '\'':
			quote = c
		case '[', '{':
			depth++
		case ']', '}':
			if depth == 0 {
				return check(i)
			}
			depth--
		case ',':
			if depth == 0 {
				if msg, at := check(i); msg != "" {
					return msg, at
				}
				start = i + 1
			}
		}
	}
	return "", 0
}

// scanQuote finds the end of a quoted text that opened before off: the
// offset after the closing quote, or -1 if the line ends first. bad is
// the offset of an escape YAML does not know, or -1.
func scanQuote(s string, off int, q byte) (end, bad int) {
	for i := off; i < len(s); i++ {
		c := s[i]
		if q == '"' && c == '\\' {
			if i+1 >= len(s) {
				return -1, -1 // an escaped line break
			}
			if !strings.ContainsRune(`0abt	nvfre "/\N_LPxuU`, rune(s[i+1])) {
				return -1, i
			}
			i++
			continue
		}
		if c == q {
			if q == '\'' && i+1 < len(s) && s[i+1] == '\'' {
				i++
				continue
			}
			return i + 1, -1
		}
	}
	return -1, -1
}

// entry is what a line starts with.
type entry struct {
	dash     bool
	dashOffs []int // byte offsets of each "-" of "- - x"
	restOff  int   // byte offset of what follows the dashes (or the content)
	hasKey   bool
	key      string
	keyOff   int
	valueOff int // byte offset after the colon
}

func lexEntry(s srcLine) entry {
	e := entry{}
	off := len(s.text) - len(s.content)
	for {
		r := s.text[off:]
		if r == "-" || strings.HasPrefix(r, "- ") || strings.HasPrefix(r, "-\t") {
			e.dash = true
			e.dashOffs = append(e.dashOffs, off)
			off++
			for off < len(s.text) && (s.text[off] == ' ' || s.text[off] == '\t') {
				off++
			}
			continue
		}
		break
	}
	e.restOff = off
	if k, after, ok := splitKey(s.text[off:]); ok {
		e.hasKey, e.key, e.keyOff, e.valueOff = true, k, off, off+after
	}
	return e
}

// splitKey finds "key:" at the start of s: a plain or quoted word followed
// by a colon and a space (or the end of the line). after is the offset
// just past the colon.
func splitKey(s string) (key string, after int, ok bool) {
	if s == "" {
		return "", 0, false
	}
	if s[0] == '"' || s[0] == '\'' {
		end, _ := scanQuote(s, 1, s[0])
		if end < 0 {
			return "", 0, false
		}
		rest := strings.TrimLeft(s[end:], " ")
		if strings.HasPrefix(rest, ":") && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t') {
			k := s[1 : end-1]
			return k, len(s) - len(rest) + 1, true
		}
		return "", 0, false
	}
	if strings.ContainsRune("[{|>&*!@%`#,?]}", rune(s[0])) {
		return "", 0, false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':':
			if i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t' {
				return strings.TrimRight(s[:i], " \t"), i + 1, i > 0
			}
		case '#':
			if i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
				return "", 0, false
			}
		}
	}
	return "", 0, false
}

var fieldLine = regexp.MustCompile(`^(- +)?[A-Za-z_][A-Za-z0-9_]*:( |$)`)

// looksLikeField reports a line that starts as a field would ("name: ..."
// or "- id: ...").
func looksLikeField(content string) bool { return fieldLine.MatchString(content) }

// colonInPlain returns the offset of ": " (or a final ":") in plain text,
// before any comment, or -1.
func colonInPlain(v string) int {
	v = stripComment(v)
	if i := strings.Index(v, ": "); i >= 0 {
		return i
	}
	if t := strings.TrimRight(v, " \t"); strings.HasSuffix(t, ":") {
		return len(t) - 1
	}
	return -1
}

// stripComment cuts " # ..." from plain text (a quoted text is taken as it
// is; its quotes are checked before).
func stripComment(s string) string {
	if s == "" || s[0] == '#' {
		return ""
	}
	from := 1
	if s[0] == '"' || s[0] == '\'' {
		end, _ := scanQuote(s, 1, s[0])
		if end < 0 {
			return s
		}
		from = end
	}
	for i := from; i < len(s); i++ {
		if s[i] == '#' && (s[i-1] == ' ' || s[i-1] == '\t') {
			return s[:i]
		}
	}
	return s
}
