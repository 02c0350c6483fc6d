package exercises

import (
	"fmt"
	"strconv"
	"strings"
)

// yaml.v3 stops at the first syntax error and names the line where the
// enclosing block began (often line 1 or the line of "exercises:"), not the
// line that broke it. A person fixes a layout mistake by looking at one
// line, so limber reads the file again, line by line, the way an author
// lays it out (fields under fields, list items under their field, text
// after a colon) and names the first line that does not fit, and what
// would.
//
// The reader knows only as much YAML as a library needs: block mappings
// and lists, flow lists and groups ([a, b], {min: 8}), quoted and plain
// text, block text (| and >) and comments. It runs only after yaml.v3 has
// failed, and a mistake is reported only if it shows on a line at or after
// the one yaml.v3 named; otherwise yaml.v3's own message stands.

// syntaxError turns yaml.v3's error for a file into limber's: at the line
// that breaks the layout, with yaml.v3's message kept on a second line.
func syntaxError(file string, data []byte, err error) *Error {
	line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if strings.Contains(msg, "exceeded max depth") {
		// A file nested past what yaml.v3 reads is refused as it is.
		return &Error{Pos: Pos{File: file, Line: line, Col: 1}, Msg: "not valid YAML: " + Escape(msg)}
	}
	if f := findLayoutMistake(data, line); f != nil {
		return &Error{Pos: Pos{File: file, Line: f.line, Col: f.col}, Field: f.field,
			Msg: f.msg + "\n  yaml: " + Escape(msg)}
	}
	return &Error{Pos: Pos{File: file, Line: line, Col: 1}, Msg: "not valid YAML: " + Escape(msg)}
}

// finding is one line that breaks the layout.
type finding struct {
	line, col int
	trigger   int // the line being read when the mistake showed
	field     string
	msg       string
}

// frame is one block being read: a mapping (fields) or a list.
type frame struct {
	indent  int
	seq     bool
	compact bool   // a list at the same indent as the field that holds it
	path    string // field path: "", "exercises", "exercises[0]", "exercises[0].dose"
	items   int    // list items so far
	noDash  bool   // fields where a list belongs: its first item lacks "- "
	first   int    // line of its first entry

	// The last entry seen, to point at as an example.
	lastKey  string // field name; "" for a list
	lastLine int
	lastVal  string // the value on the last field's line, if any
}

// opener is an entry that ends its line with nothing after it: a field
// with no value ("dose:") or a lone "-". The lines under it fill it.
type opener struct {
	indent int
	path   string
	key    string // "" for a lone "-"
}

// valued is an entry with a value on its line. A line more indented than
// it continues plain text, or is a mistake.
type valued struct {
	line, col int
	indent    int
	path, key string
	value     string
	plain     bool
	opener    byte // the first character of a quoted or bracketed value
	isKey     bool // a field, not a list item
}

// multi is a quoted text or a flow collection that runs past its line.
type multi struct {
	line, col int
	indent    int // of the entry that holds it
	path, key string
	quote     byte // '"' or '\'' inside a quoted text; also inside a flow
	depth     int  // open brackets of a flow
	opener    byte // '[' or '{' for a flow
}

// layout is the reader's state between lines.
type layout struct {
	lines []srcLine
	cur   int // the line being read
	stack []*frame
	open  *opener
	val   *valued
	quote *multi
	flow  *multi
	found *finding

	block int // inside block text (| or >) whose field is at this indent; -1 outside
	// The field of the block text last opened, while no line of its
	// text has come.
	blockKey               string
	blockLine, blockIndent int
	blockPath              string
}

// findLayoutMistake reads the file and returns the first line that breaks
// its layout, if that line is at or after from (yaml.v3's line).
func findLayoutMistake(data []byte, from int) *finding {
	l := &layout{lines: splitLines(data), block: -1}
	for _, s := range l.lines {
		l.cur = s.num
		l.line(s)
		if l.found != nil {
			break
		}
	}
	if l.found == nil {
		l.atEnd()
	}
	if l.found == nil || l.found.trigger < from {
		return nil
	}
	return l.found
}

func (l *layout) report(line, col int, field, format string, args ...any) {
	if l.found == nil {
		l.found = &finding{line: line, col: col, trigger: l.cur, field: field, msg: Escape(fmt.Sprintf(format, args...))}
	}
}

func (l *layout) top() *frame {
	if len(l.stack) == 0 {
		return nil
	}
	return l.stack[len(l.stack)-1]
}

func (l *layout) push(f *frame) { l.stack = append(l.stack, f) }

func (l *layout) line(s srcLine) {
	if l.block >= 0 {
		if s.content == "" || len(s.text)-len(strings.TrimLeft(s.text, " ")) > l.block {
			if s.content != "" {
				l.blockKey = ""
			}
			return
		}
		l.block = -1
		if l.blockKey != "" && s.content[0] != '#' && !lexEntry(s).hasKey && !strings.HasPrefix(s.content, "- ") {
			l.report(s.num, s.indent+1, l.blockPath, `the text after %s (line %d) must be indented more than %s; indent it %s`,
				quoteKey(l.blockKey), l.blockLine, quoteKey(l.blockKey), spaces(l.blockIndent+2))
			return
		}
	}
	if l.quote != nil {
		l.continueQuote(s)
		return
	}
	if l.flow != nil {
		l.continueFlow(s)
		return
	}
	if s.content == "" || s.content[0] == '#' {
		return
	}
	if s.indent == 0 && (s.text == "---" || s.text == "...") {
		return
	}
	if s.tab > 0 {
		l.tab(s)
		return
	}
	l.entry(s)
}

// atEnd reports a quote or a bracket left open at the end of the file.
func (l *layout) atEnd() {
	if q := l.quote; q != nil {
		l.report(q.line, q.col, q.path, "the quote (%c) opened here is never closed; end the text with %c on the same line", q.quote, q.quote)
	}
	if f := l.flow; f != nil {
		l.unclosedFlow(f)
	}
}

// entry reads one line of content at its indent.
func (l *layout) entry(s srcLine) {
	i := s.indent
	e := lexEntry(s)
	if v := l.val; v != nil {
		l.val = nil
		if i > v.indent {
			if v.plain && !e.hasKey {
				// Plain text running on over lines; a line that starts
				// with "- " reads as text too, and the warnings name it.
				return
			}
			l.underValue(s, e, v)
			return
		}
	}
	if o := l.open; o != nil {
		l.open = nil
		if i > o.indent && !e.dash && !e.hasKey {
			// The value on the line below its field.
			l.value(s, len(s.text)-len(s.content), o.indent, o.path, o.key, o.key != "")
			return
		}
		if i > o.indent || (i == o.indent && e.dash && o.key != "") {
			f := &frame{indent: i, seq: e.dash, compact: i == o.indent, path: o.path, first: s.num}
			f.noDash = !f.seq && listPaths[shape(o.path)] && e.hasKey
			l.push(f)
		}
	}
	var popped []*frame
	for t := l.top(); t != nil && t.indent > i; t = l.top() {
		popped = append(popped, t)
		l.stack = l.stack[:len(l.stack)-1]
	}
	if t := l.top(); t != nil && t.seq && t.compact && t.indent == i && !e.dash {
		popped = append(popped, t)
		l.stack = l.stack[:len(l.stack)-1]
	}
	t := l.top()
	if t == nil {
		if len(popped) > 0 {
			// Less indented than the first line: the first line is
			// indented, and the top of the file starts at the left edge.
			root := popped[len(popped)-1]
			first := l.lines[root.first-1]
			fe := lexEntry(first)
			l.report(first.num, first.indent+1, fe.key, `line %d is indented %s; the fields at the top of the file start at the left edge; remove the spaces before it, like line %d`,
				first.num, spaces(first.indent), s.num)
			return
		}
		t = &frame{indent: i, seq: e.dash, first: s.num}
		l.push(t)
	}
	if t.indent < i {
		l.misaligned(s, e, t, popped)
		return
	}
	l.sibling(s, e, t)
}

// sibling reads a line at the indent of the block it belongs to.
func (l *layout) sibling(s srcLine, e entry, f *frame) {
	if f.seq {
		if !e.dash {
			l.missingDash(s, e, f)
			return
		}
		path := fmt.Sprintf("%s[%d]", f.path, f.items)
		f.items++
		f.lastLine = s.num
		l.item(s, e, 0, path, f)
		return
	}
	if e.dash {
		l.dashAmongFields(s, e, f)
		return
	}
	if !e.hasKey {
		l.notAField(s, e, f)
		return
	}
	l.field(s, e, f)
}

// field reads "key: value" in mapping f.
func (l *layout) field(s srcLine, e entry, f *frame) {
	path := join(f.path, e.key)
	f.lastKey, f.lastLine, f.lastVal = e.key, s.num, ""
	l.value(s, e.valueOff, f.indent, path, e.key, true)
	if l.val != nil && l.val.plain {
		f.lastVal = l.val.value
	}
}

// item reads what follows a list item's dash (or dashes, in "- - x").
func (l *layout) item(s srcLine, e entry, d int, path string, f *frame) {
	if d+1 < len(e.dashOffs) {
		inner := &frame{indent: s.col(e.dashOffs[d+1]) - 1, seq: true, path: path, items: 1, first: s.num, lastLine: s.num}
		l.push(inner)
		l.item(s, e, d+1, path+"[0]", inner)
		return
	}
	if e.hasKey {
		m := &frame{indent: s.col(e.keyOff) - 1, path: path, first: s.num}
		l.push(m)
		l.field(s, e, m)
		return
	}
	l.value(s, e.restOff, s.col(e.dashOffs[d])-1, path, "", false)
}

// value reads what follows "key:" or "- " from byte offset off, for an
// entry at indent.
func (l *layout) value(s srcLine, off, indent int, path, key string, isKey bool) {
	rest := s.text[off:]
	trimmed := strings.TrimLeft(rest, " \t")
	off += len(rest) - len(trimmed)
	v := stripComment(trimmed)
	if strings.TrimSpace(v) == "" {
		l.open = &opener{indent: indent, path: path, key: key}
		return
	}
	// An anchor or a tag before the value: what follows is the value.
	for len(v) > 0 && (v[0] == '&' || v[0] == '!') {
		j := strings.IndexAny(v, " \t")
		if j < 0 {
			l.open = &opener{indent: indent, path: path, key: key}
			return
		}
		sp := len(v[j:]) - len(strings.TrimLeft(v[j:], " \t"))
		off += j + sp
		v = v[j+sp:]
		if strings.TrimSpace(v) == "" {
			l.open = &opener{indent: indent, path: path, key: key}
			return
		}
	}
	col := s.col(off)
	val := &valued{line: s.num, col: col, indent: indent, path: path, key: key, value: strings.TrimSpace(v), opener: v[0], isKey: isKey}
	switch c := v[0]; c {
	case '|', '>':
		after := strings.TrimLeft(v[1:], "+-0123456789")
		if strings.TrimSpace(after) != "" {
			l.report(s.num, col, path, `after %q the text starts on the next line, indented under %s; or leave out the %q`, string(c), l.owner(key), string(c))
			return
		}
		l.block = indent
		l.blockKey, l.blockLine, l.blockIndent, l.blockPath = key, s.num, indent, path
		if key == "" {
			l.blockKey = "-"
		}
	case '"', '\'':
		end, bad := scanQuote(v, 1, c)
		if bad >= 0 {
			l.badEscape(s, off+bad, path, v[bad:])
			return
		}
		if end < 0 {
			l.quote = &multi{line: s.num, col: col, indent: indent, path: path, key: key, quote: c}
			return
		}
		if tail := strings.TrimSpace(v[end:]); tail != "" {
			l.textAfterQuote(s, off+end+len(v[end:])-len(strings.TrimLeft(v[end:], " \t")), path, v[1:end-1], tail, key)
			return
		}
		l.val = val
	case '[', '{':
		m := &multi{line: s.num, col: col, indent: indent, path: path, key: key, opener: c}
		end := m.scanFlow(v, 0)
		if end < 0 {
			l.flow = m
			return
		}
		if tail := strings.TrimSpace(v[end:]); tail != "" {
			l.report(s.num, s.col(off+end), path, "text after the closing %q; keep it inside the brackets, or remove it", string(v[end-1]))
			return
		}
		if c == '{' {
			if msg, at := flowFieldsProblem(v[:end]); msg != "" {
				l.report(s.num, s.col(off+at), path, "%s", msg)
				return
			}
		}
		l.val = val
	case '@', '`', '%', '*':
		what := fmt.Sprintf("text starting with %q needs double quotes", string(c))
		if c == '*' {
			what += " (YAML reads *name as a reference to another value)"
		}
		l.report(s.num, col, path, `%s: %s`, what, suggestLine(key, `"`+strings.TrimSpace(v)+`"`))
	case '-':
		if len(v) == 1 || v[1] == ' ' {
			l.report(s.num, col, path, `a list item cannot start on the line of %s; write %s alone on its line and each item under it, indented, after "- "`, l.owner(key), l.owner(key))
			return
		}
		fallthrough
	default:
		if i := colonInPlain(v); i >= 0 {
			text := strings.TrimSpace(v)
			l.report(s.num, col, path, `the text %s holds ": ", which YAML reads as the start of a field; put the text in double quotes: %s`,
				Quote(clip(text, 40)), suggestLine(key, strconv.Quote(text)))
			return
		}
		val.plain = true
		l.val = val
	}
}

// continueQuote reads a line inside a quoted text that began above.
func (l *layout) continueQuote(s srcLine) {
	q := l.quote
	// A field at the indent of the text's own field: the quote was
	// never closed.
	if s.content != "" && s.indent <= q.indent && looksLikeField(s.content) {
		l.report(q.line, q.col, q.path, "the quote (%c) opened here is not closed on its line; end the text with %c on the same line", q.quote, q.quote)
		return
	}
	end, bad := scanQuote(s.text, 0, q.quote)
	if bad >= 0 {
		l.badEscape(s, bad, q.path, s.text[bad:])
		return
	}
	if end < 0 {
		return
	}
	l.quote = nil
	if tail := strings.TrimSpace(stripComment(s.text[end:])); tail != "" {
		l.report(q.line, q.col, q.path, "the quote (%c) opened here closes only on line %d, where text follows it; end the text with %c on the same line", q.quote, s.num, q.quote)
		return
	}
	l.val = &valued{line: q.line, col: q.col, indent: q.indent, path: q.path, key: q.key, opener: q.quote, isKey: q.key != ""}
}

// continueFlow reads a line inside [ ] or { } that began above.
func (l *layout) continueFlow(s srcLine) {
	f := l.flow
	if s.content != "" && s.content[0] != '#' && s.indent <= f.indent && f.quote == 0 && looksLikeField(s.content) {
		l.unclosedFlow(f)
		return
	}
	end := f.scanFlow(s.text, 0)
	if end < 0 {
		return
	}
	l.flow = nil
	if tail := strings.TrimSpace(stripComment(s.text[end:])); tail != "" {
		l.report(s.num, s.col(end), f.path, "text after the closing %q; keep it inside the brackets, or remove it", string(s.text[end-1]))
		return
	}
	l.val = &valued{line: f.line, col: f.col, indent: f.indent, path: f.path, key: f.key, opener: f.opener, isKey: f.key != ""}
}
