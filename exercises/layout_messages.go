package exercises

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// What limber says about a line that breaks the layout: where it is, what
// it is out of line with, and what to write.

func (l *layout) unclosedFlow(f *multi) {
	if f.opener == '[' {
		l.report(f.line, f.col, f.path, `the list opened with "[" is never closed; end it with "]" on the same line`)
		return
	}
	l.report(f.line, f.col, f.path, `the group opened with "{" is never closed; end it with "}" on the same line`)
}

// tab: YAML indents with spaces only.
func (l *layout) tab(s srcLine) {
	field, hint := "", ""
	e := lexEntry(s)
	t := l.top()
	switch {
	case l.open != nil:
		field = l.open.path
		if e.hasKey && !e.dash {
			field = join(field, e.key)
		}
		hint = fmt.Sprintf("; indent it with spaces, more than %s on line %d", l.owner(l.open.key), s.num-1)
	case t != nil && t.seq:
		field = fmt.Sprintf("%s[%d]", t.path, t.items)
		hint = fmt.Sprintf("; indent it with %s, like line %d", spaces(t.indent), t.lastLine)
	case t != nil:
		field = t.path
		if e.hasKey && !e.dash {
			field = join(field, e.key)
		}
		hint = fmt.Sprintf("; indent it with %s, like line %d", spaces(t.indent), t.lastLine)
	}
	l.report(s.num, s.tab, field, "line %d is indented with a tab; YAML allows only spaces there%s", s.num, hint)
}

// owner names the field that holds a value, for a message.
func (l *layout) owner(key string) string {
	if key == "" {
		return `the "-"`
	}
	return quoteKey(key)
}

func suggestLine(key, value string) string {
	if key == "" {
		return "- " + value
	}
	return key + ": " + value
}

func (l *layout) badEscape(s srcLine, off int, path, at string) {
	esc := at
	if len(esc) > 2 {
		_, n := utf8.DecodeRuneInString(esc[1:])
		esc = esc[:1+n]
	}
	l.report(s.num, s.col(off), path, `%s is not an escape YAML knows; inside double quotes write \\ for a backslash, or use single quotes`, Quote(esc))
}

func (l *layout) textAfterQuote(s srcLine, off int, path, inside, tail, key string) {
	l.report(s.num, s.col(off), path, "text after the closing quote: %s; put all of the text inside the quotes: %s",
		Quote(clip(tail, 30)), suggestLine(key, strconv.Quote(inside+" "+stripComment(tail))))
}

// underValue: a line indented under an entry that already has a value on
// its own line.
func (l *layout) underValue(s srcLine, e entry, v *valued) {
	if e.hasKey && !e.dash {
		if v.isKey && accepts(v.path, e.key) {
			l.report(v.line, v.col, v.path, `%s has %s on its line and fields indented under it (line %d); give it one or the other: %s alone on its line, with its fields under it`,
				quoteKey(v.key), Quote(clip(v.value, 30)), s.num, quoteKey(v.key))
			return
		}
		if t := l.top(); t != nil && !t.seq {
			l.alignField(s, e, t)
			return
		}
		l.report(s.num, s.col(len(s.text)-len(s.content)), join(v.path, e.key), `%s is indented under %s, which already has a value on line %d; line it up with the fields above it`,
			quoteKey(e.key), l.owner(v.key), v.line)
		return
	}
	if e.dash {
		if v.isKey && listPaths[shape(v.path)] {
			l.report(s.num, s.indent+1, v.path, `a list item under %s, which already has %s on its line (line %d); write %s alone on its line and put each item under it`,
				quoteKey(v.key), Quote(clip(v.value, 30)), v.line, quoteKey(v.key))
			return
		}
		l.report(s.num, s.indent+1, v.path, `a list item under %s, which already has a value on line %d; line it up with the entries above it, or remove the "- "`,
			l.owner(v.key), v.line)
		return
	}
	if v.opener == '[' || v.opener == '{' {
		l.report(s.num, s.indent+1, v.path, `this line goes on from %s, whose %q closes on line %d; put all of it inside the brackets`,
			l.owner(v.key), map[byte]string{'[': "]", '{': "}"}[v.opener], v.line)
		return
	}
	l.report(s.num, s.indent+1, v.path, `this line goes on from %s, whose text closes with its quote on line %d; put all of the text inside the quotes`,
		l.owner(v.key), v.line)
}

// misaligned: a line indented unlike every block around it. t is the
// block it sits in (less indented), popped those it left (more indented).
func (l *layout) misaligned(s srcLine, e entry, t *frame, popped []*frame) {
	if t != nil && t.noDash && !e.dash {
		l.noDash(t)
		return
	}
	cands := popped
	if t != nil {
		cands = append([]*frame{t}, popped...)
	}
	var best *frame
	score := func(f *frame) int {
		sc := 100 - abs(f.indent-s.indent)
		if e.hasKey && !e.dash && !f.seq && accepts(f.path, e.key) {
			sc += 1000
		}
		if e.dash && f.seq {
			sc += 500
			if e.hasKey == listOfFields[shape(f.path)] {
				sc += 200
			}
		}
		if !e.dash && !f.seq {
			sc += 500
		}
		return sc
	}
	for _, f := range cands {
		// Ties go to the deeper block: the one the author was writing.
		if best == nil || score(f) > score(best) || score(f) == score(best) && f.indent > best.indent {
			best = f
		}
	}
	if best == nil {
		l.report(s.num, s.indent+1, "", "this line is indented %s, unlike the lines around it", spaces(s.indent))
		return
	}
	if best.noDash {
		l.noDash(best)
		return
	}
	if e.dash && best.seq {
		item := fmt.Sprintf("%s[%d]", best.path, best.items)
		l.report(s.num, s.indent+1, item, `this list item is indented %s; the other items of %s are at %d; indent it %s, like line %d`,
			spaces(s.indent), quoteKey(lastPart(best.path)), best.indent, spaces(best.indent), best.lastLine)
		return
	}
	if !e.dash && e.hasKey && !best.seq {
		l.alignField(s, e, best)
		return
	}
	if !e.dash && !e.hasKey && !best.seq {
		l.report(s.num, s.indent+1, best.path, `this line is indented %s, but it is not a field ("name: value") and the text above it has ended; %s`,
			spaces(s.indent), continueHint(best))
		return
	}
	l.report(s.num, s.indent+1, best.path, "this line is indented %s; the entries of %s are at %d; line it up with them",
		spaces(s.indent), groupName(best), best.indent)
}

func continueHint(f *frame) string {
	if f.lastKey != "" && f.lastVal != "" {
		return fmt.Sprintf("to go on with the text of %s (line %d), indent it more than %s", quoteKey(f.lastKey), f.lastLine, quoteKey(f.lastKey))
	}
	return `start it with "name: " or "- "`
}

// alignField says where a field should be, against the fields of f.
func (l *layout) alignField(s srcLine, e entry, f *frame) {
	if f.noDash {
		l.noDash(f)
		return
	}
	field := join(f.path, e.key)
	like := ""
	if f.lastKey != "" {
		like = fmt.Sprintf(", like %s on line %d", quoteKey(f.lastKey), f.lastLine)
	}
	if f.path == "" && f.indent == 0 {
		l.report(s.num, s.indent+1, field, `%s is indented %s; the fields at the top of the file start at the left edge; remove the spaces before it%s`,
			quoteKey(e.key), spaces(s.indent), like)
		return
	}
	l.report(s.num, s.indent+1, field, `%s is indented %s; the other fields of %s are at %d; indent it %s%s`,
		quoteKey(e.key), spaces(s.indent), groupName(f), f.indent, spaces(f.indent), like)
}

// noDash: a block of fields where a list of them belongs.
func (l *layout) noDash(f *frame) {
	s := l.lines[f.first-1]
	noun := singular(lastPart(f.path))
	l.report(s.num, s.indent+1, f.path, `%s holds a list: each %s starts with "- "; write "- %s"`,
		quoteKey(lastPart(f.path)), noun, strings.TrimSpace(stripComment(s.content)))
}

// missingDash: a line at the indent of a list's items, without "- ".
func (l *layout) missingDash(s srcLine, e entry, f *frame) {
	item := fmt.Sprintf("%s[%d]", f.path, f.items)
	text := strings.TrimSpace(stripComment(s.content))
	l.report(s.num, s.indent+1, item, `each item of %s starts with "- "; write "- %s", like line %d`,
		quoteKey(lastPart(f.path)), clip(text, 40), f.lastLine)
}

// dashAmongFields: a "- " at the indent of a mapping's fields.
func (l *layout) dashAmongFields(s srcLine, e entry, f *frame) {
	if e.hasKey && len(e.dashOffs) == 1 && accepts(f.path, e.key) {
		l.report(s.num, s.indent+1, join(f.path, e.key), `the "- " in front of %s makes a list item among %s; remove the "- "`,
			quoteKey(e.key), fieldsOf(f))
		return
	}
	if f.lastKey != "" && f.lastVal != "" && listPaths[shape(join(f.path, f.lastKey))] {
		l.report(s.num, s.indent+1, join(f.path, f.lastKey), `a list item among %s; %s on line %d already has %s on its line: write %s alone on its line and indent each item under it`,
			fieldsOf(f), quoteKey(f.lastKey), f.lastLine, Quote(clip(f.lastVal, 30)), quoteKey(f.lastKey))
		return
	}
	l.report(s.num, s.indent+1, f.path, `a list item among %s; put it under the field it belongs to, indented, or remove the "- "`,
		fieldsOf(f))
}

// fieldsOf: "the fields of this exercise", "the fields at the top of the file".
func fieldsOf(f *frame) string {
	if f.path == "" {
		return "the fields at the top of the file"
	}
	return "the fields of " + groupName(f)
}

// notAField: a line among fields that is not "key: value".
func (l *layout) notAField(s srcLine, e entry, f *frame) {
	text := strings.TrimSpace(stripComment(s.content))
	if text == "" {
		return
	}
	word, rest, _ := strings.Cut(text, " ")
	if k, v, ok := strings.Cut(text, ":"); ok && v != "" && v[0] != ' ' && !strings.Contains(k, " ") {
		col := s.indent + utf8.RuneCountInString(k) + 2
		l.report(s.num, col, join(f.path, k), `put a space after the colon: "%s: %s"`, k, strings.TrimSpace(v))
		return
	}
	if strings.HasPrefix(text, ":") {
		l.report(s.num, s.indent+1, f.path, `a colon with no field name in front of it; write the field's name before the colon, as in "name: value"`)
		return
	}
	word = strings.TrimSuffix(word, ":")
	known := accepts(f.path, word)
	if !known {
		if sug := didYouMean(word, fieldsAt(f.path)); sug != "" {
			word, known = sug, true
		}
	}
	if known {
		col := s.indent + utf8.RuneCountInString(strings.TrimSpace(strings.Fields(text)[0])) + 1
		l.report(s.num, col, join(f.path, word), `%s needs a colon after it: %s`,
			Quote(word), Quote(strings.TrimSpace(word+": "+strings.TrimSpace(rest))))
		return
	}
	l.report(s.num, s.indent+1, f.path, `this line is neither a field ("name: value") nor a list item ("- text"); %s`, continueHint(f))
}

// groupName names a block for a message: "this exercise", "\"dose:\"".
func groupName(f *frame) string {
	if f.path == "" {
		return "the top of the file"
	}
	last := lastPart(f.path)
	if strings.HasSuffix(f.path, "]") {
		return "this " + singular(last)
	}
	return quoteKey(last)
}

func quoteKey(k string) string { return Quote(k + ":") }

func spaces(n int) string { return count(n, "space", "spaces") }

func singular(s string) string {
	if strings.HasSuffix(s, "s") {
		return strings.TrimSuffix(s, "s")
	}
	return "item"
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
