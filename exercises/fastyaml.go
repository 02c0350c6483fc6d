package exercises

import (
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// This file holds a small YAML parser for the plain subset of YAML that
// library files are written in. yaml.v3 spends most of a load tokenizing and
// building nodes; this parser builds the same tree several times faster.
//
// It must produce exactly the tree yaml.v3 would (Kind, Tag, Style, Value,
// Line, Column and Content of every node; comments are left out), so it
// gives up, and the caller falls back to yaml.v3, at the first sign of
// anything outside the subset: tabs, \r, BOMs and control characters,
// document markers and directives, anchors, aliases, tags, complex keys,
// quoted keys, block scalars, multi-line scalars and flow collections,
// trailing commas, empty flow entries and anything else it is not sure of.
// fastyaml_test.go checks it against yaml.v3 on the built-in content,
// generated libraries, tricky snippets and a fuzzer.
//
// The shape is a line-based recursive descent. Block structure is decided by
// indentation, one content line (not blank, not only a comment) at a time;
// flow collections and scalars are parsed within their line.

// fastMaxDepth bounds the recursion. parseFile rejects anything nested more
// than maxDepth levels, so deeper files are left to yaml.v3.
const fastMaxDepth = 2 * maxDepth

// fastMaxKey is under the 1024 characters within which yaml.v3 must find the
// ':' after a key; a longer key means something else to it.
const fastMaxKey = 1000

// Tags yaml.v3 gives to the nodes it builds.
const (
	tagMap   = "!!map"
	tagSeq   = "!!seq"
	tagStr   = "!!str"
	tagNull  = "!!null"
	tagMerge = "!!merge"
)

// fastParse parses the plain subset of YAML that library files use into the
// same node tree yaml.v3 builds, several times faster. It reports false for
// anything outside that subset, and the caller falls back to yaml.v3.
func fastParse(data []byte) (*yaml.Node, bool) {
	p := &fastParser{data: data}
	if !p.advance() || p.eof {
		return nil, false // empty files get yaml.v3's treatment
	}
	// One copy of the whole file, so that scalar values can be substrings
	// of it instead of one allocation each.
	p.src = string(data)
	top := p.block()
	if top == nil || !p.eof {
		return nil, false
	}
	// yaml.v3 places an implicit document at its first token, the top node.
	doc := p.node(yaml.DocumentNode, "", "", top.Line, top.Column)
	doc.Content = []*yaml.Node{top}
	return doc, true
}

type fastParser struct {
	data []byte
	src  string // data as a string; values are slices of it

	// The current content line, and the cursor i within it.
	ls, le int  // offsets of its start and end (before the newline)
	ind    int  // its indentation: leading spaces
	line   int  // its number, from 1
	ascii  bool // whether it is all ASCII, so that columns are offsets
	i      int
	next   int  // offset of the line after it
	eof    bool // no content lines are left

	depth int
	nodes []yaml.Node  // slab the nodes are cut from
	ptrs  []*yaml.Node // slab the Content slices are cut from
	stack []*yaml.Node // children of the collections being built
	tags  map[string]string
}

// advance moves to the next content line, or sets eof. It validates every
// line it passes, comments included, and reports false for characters or
// lines outside the subset.
func (p *fastParser) advance() bool {
	data := p.data
	for p.next < len(data) {
		start := p.next
		p.line++
		ascii := true
		end := start
		for ; end < len(data); end++ {
			c := data[end]
			if c == '\n' {
				break
			}
			// Tabs, \r and control characters all change or break how
			// yaml.v3 reads a line.
			if c < ' ' || c == 0x7f {
				return false
			}
			if c >= 0x80 {
				ascii = false
			}
		}
		if !ascii && !validText(data[start:end]) {
			return false
		}
		p.next = end + 1
		j := start
		for j < end && data[j] == ' ' {
			j++
		}
		if j == end || data[j] == '#' {
			continue // blank or comment line
		}
		// Directives and document markers start at column 0.
		if data[start] == '%' || end-start >= 3 &&
			(string(data[start:start+3]) == "---" || string(data[start:start+3]) == "...") {
			return false
		}
		p.ls, p.le, p.ind, p.ascii, p.i = start, end, j-start, ascii, j
		return true
	}
	p.eof = true
	return true
}

// validText reports whether a line's non-ASCII text is UTF-8 that yaml.v3
// reads as ordinary characters: not the C1 controls (NEL among them), the
// line and paragraph separators, a BOM or the non-characters it rejects.
func validText(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 || r < 0xA0 ||
			r == 0x2028 || r == 0x2029 || r == 0xFEFF || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += size
	}
	return true
}

// node cuts a node from the slab.
func (p *fastParser) node(kind yaml.Kind, tag, value string, line, col int) *yaml.Node {
	if len(p.nodes) == 0 {
		p.nodes = make([]yaml.Node, 256)
	}
	n := &p.nodes[0]
	p.nodes = p.nodes[1:]
	n.Kind, n.Tag, n.Value, n.Line, n.Column = kind, tag, value, line, col
	return n
}

// finish gives n the children pushed on the stack since base. The slice is
// cut from a slab with its capacity capped, so an append to it cannot touch
// a neighbour. Empty collections get nil, as from yaml.v3.
func (p *fastParser) finish(n *yaml.Node, base int) {
	k := len(p.stack) - base
	if k == 0 {
		return
	}
	if len(p.ptrs) < k {
		p.ptrs = make([]*yaml.Node, max(k, 1024))
	}
	c := p.ptrs[:k:k]
	p.ptrs = p.ptrs[k:]
	copy(c, p.stack[base:])
	p.stack = p.stack[:base]
	n.Content = c
}

// col is the 1-based column of offset i on the current line. yaml.v3 counts
// characters, not bytes.
func (p *fastParser) col(i int) int {
	if p.ascii {
		return i - p.ls + 1
	}
	return utf8.RuneCount(p.data[p.ls:i]) + 1
}

func (p *fastParser) skipSpaces() {
	for p.i < p.le && p.data[p.i] == ' ' {
		p.i++
	}
}

// restEmpty reports whether only a comment, if anything, is left on the line.
// The cursor must be past any spaces, which must follow a token for '#' to
// start a comment.
func (p *fastParser) restEmpty() bool {
	return p.i == p.le || p.data[p.i] == '#' && p.data[p.i-1] == ' '
}

// isDash reports whether offset i holds a block sequence entry: '-' then a
// space or the end of the line.
func (p *fastParser) isDash(i int) bool {
	return p.data[i] == '-' && (i+1 == p.le || p.data[i+1] == ' ')
}

// block parses the block collection at the start of the current line.
// Scalars and flow collections there (the top of the file, or under a key
// or '-' on the line before) are left to yaml.v3.
func (p *fastParser) block() *yaml.Node {
	if p.isDash(p.i) {
		return p.sequence(p.ind, false)
	}
	return p.mapping(p.i - p.ls)
}

// mapping parses a block mapping whose first key is at the cursor, at
// column col (0-based; only spaces and a '-' can precede it, so this is
// also its byte offset in the line). It returns with the current line the
// first one indented less than col, or at eof.
func (p *fastParser) mapping(col int) *yaml.Node {
	if p.depth++; p.depth > fastMaxDepth {
		return nil
	}
	m := p.node(yaml.MappingNode, tagMap, "", p.line, col+1)
	base := len(p.stack)
	for {
		k, colon := p.key()
		if k == nil {
			return nil
		}
		p.stack = append(p.stack, k)
		p.i = colon + 1
		p.skipSpaces()
		var v *yaml.Node
		if p.restEmpty() {
			// yaml.v3 puts an empty value just after the colon.
			v = p.below(col, true, k.Line, p.col(colon+1))
		} else {
			v = p.inline(col)
		}
		if v == nil {
			return nil
		}
		p.stack = append(p.stack, v)
		if p.eof || p.ind < col {
			break
		}
		// A line between this mapping's indentation and its values', or
		// a '-' at its own, is an error to yaml.v3.
		if p.ind > col || p.isDash(p.i) {
			return nil
		}
	}
	p.finish(m, base)
	p.depth--
	return m
}

// sequence parses a block sequence whose first '-' is at the cursor, at
// column col. An indentless sequence (a mapping's value, at the mapping's
// own indentation) ends at the mapping's next key.
func (p *fastParser) sequence(col int, indentless bool) *yaml.Node {
	if p.depth++; p.depth > fastMaxDepth {
		return nil
	}
	s := p.node(yaml.SequenceNode, tagSeq, "", p.line, col+1)
	base := len(p.stack)
	for {
		dash := p.i
		p.i++
		p.skipSpaces()
		var v *yaml.Node
		switch {
		case p.restEmpty():
			// An empty entry sits just after its '-'.
			v = p.below(col, false, p.line, p.col(dash+1))
		case p.isDash(p.i):
			return nil // "- - x": compact nested sequences are left to yaml.v3
		case p.isKey():
			// "- key: value" starts a mapping at the key's column, which
			// goes on in the lines below at that column.
			v = p.mapping(p.i - p.ls)
		default:
			v = p.inline(col)
		}
		if v == nil {
			return nil
		}
		p.stack = append(p.stack, v)
		if p.eof || p.ind < col {
			break
		}
		if p.ind > col {
			return nil
		}
		if !p.isDash(p.i) {
			if !indentless {
				return nil
			}
			break
		}
	}
	p.finish(s, base)
	p.depth--
	return s
}

// below parses the value of a key or '-' that has nothing after it on its
// line: the block collection on the lines below if they are indented more
// than col, an indentless sequence if a mapping key's value starts with
// '-' at the mapping's own column, or else an empty (null) value, placed
// at line and column nullCol.
func (p *fastParser) below(col int, inMapping bool, line, nullCol int) *yaml.Node {
	if !p.advance() {
		return nil
	}
	if !p.eof {
		if p.ind > col {
			return p.block()
		}
		if inMapping && p.ind == col && p.isDash(p.i) {
			return p.sequence(col, true)
		}
	}
	return p.node(yaml.ScalarNode, tagNull, "", line, nullCol)
}

// inline parses a value that starts at the cursor on the line of its key or
// '-': a scalar or a flow collection, ending the line. It then moves to the
// next content line, which must not be indented more than col, the
// indentation of the enclosing block: yaml.v3 would read such a line as the
// continuation of a plain scalar, or as an error.
func (p *fastParser) inline(col int) *yaml.Node {
	var v *yaml.Node
	switch p.data[p.i] {
	case '"', '\'':
		v = p.quoted()
	case '[', '{':
		v = p.flow()
	default:
		if !p.plainStart(false) {
			return nil
		}
		end, colon := p.scanPlain(p.i, false)
		if colon >= 0 {
			return nil // "a: b: c" is an error to yaml.v3
		}
		v = p.plain(p.i, end)
		p.i = end
	}
	if v == nil {
		return nil
	}
	p.skipSpaces()
	if !p.restEmpty() || !p.advance() || !p.eof && p.ind > col {
		return nil
	}
	return v
}

// isKey reports whether the cursor is at a plain key followed by ": " or a
// ':' that ends the line.
func (p *fastParser) isKey() bool {
	if !p.plainStart(false) {
		return false
	}
	_, colon := p.scanPlain(p.i, false)
	return colon >= 0
}

// key parses the plain key at the cursor, returning it and the offset of its
// colon. Quoted and complex keys are left to yaml.v3.
func (p *fastParser) key() (*yaml.Node, int) {
	if !p.plainStart(false) {
		return nil, 0
	}
	end, colon := p.scanPlain(p.i, false)
	if colon < 0 || colon-p.i > fastMaxKey {
		return nil, 0
	}
	return p.plain(p.i, end), colon
}

// plainStart reports whether a plain scalar may start at the cursor. YAML's
// indicators may not start one; '-' may if a non-space follows ('-5'). In a
// flow collection, that must not be a flow indicator either, to stay clear
// of odd cases. '?' and ':', which yaml.v3 allows in some places, are left to
// it.
func (p *fastParser) plainStart(flow bool) bool {
	i := p.i
	switch p.data[i] {
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	case '-':
		if i+1 == p.le {
			return false
		}
		switch p.data[i+1] {
		case ' ':
			return false
		case ',', '[', ']', '{', '}':
			return !flow
		}
	}
	return true
}

// scanPlain finds the end of the plain scalar starting at offset i, without
// its trailing spaces. It stops at the end of the line, at " #" (a comment),
// at a ':' followed by a space or the end of the line, and in a flow
// collection at any of ",?[]{}". colon is the offset of that ':', or -1.
func (p *fastParser) scanPlain(i int, flow bool) (end, colon int) {
	data, le := p.data, p.le
	end = i
	for i < le {
		switch c := data[i]; c {
		case ' ':
			for i < le && data[i] == ' ' {
				i++
			}
			if i < le && data[i] == '#' {
				return end, -1
			}
			continue
		case ':':
			if i+1 == le || data[i+1] == ' ' {
				return end, i
			}
		case ',', '?', '[', ']', '{', '}':
			if flow {
				return end, -1
			}
		}
		i++
		end = i
	}
	return end, -1
}

// plain makes the plain scalar data[start:end], tagged as yaml.v3 resolves
// it.
func (p *fastParser) plain(start, end int) *yaml.Node {
	v := p.src[start:end]
	return p.node(yaml.ScalarNode, p.plainTag(v), v, p.line, p.col(start))
}

// plainTag is the tag yaml.v3 gives a plain scalar. Only values starting
// with a sign, digit, '.' or one of "yYnNtTfFoO~" can be anything but a
// string; those are resolved by yaml.v3 itself, once per value.
func (p *fastParser) plainTag(v string) string {
	switch v[0] {
	case '+', '-', '.', '~', 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O',
		'0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
	case '<':
		if v == "<<" {
			// yaml.v3 tags a plain "<<" as a merge key when parsing,
			// though ShortTag alone would say !!str.
			return tagMerge
		}
		return tagStr
	default:
		return tagStr
	}
	if t, ok := p.tags[v]; ok {
		return t
	}
	if p.tags == nil {
		p.tags = map[string]string{}
	}
	t := (&yaml.Node{Kind: yaml.ScalarNode, Value: v}).ShortTag()
	p.tags[v] = t
	return t
}

// quoted parses a single- or double-quoted scalar that closes on its line.
func (p *fastParser) quoted() *yaml.Node {
	data, le := p.data, p.le
	start := p.i
	q := data[start]
	var buf []byte // the value, once it differs from the text
	escaped := false
	seg := start + 1 // start of the text not yet copied to buf
	i := seg
	for {
		if i >= le {
			return nil // multi-line quoted scalars are left to yaml.v3
		}
		c := data[i]
		if c == q {
			if q == '\'' && i+1 < le && data[i+1] == '\'' {
				buf = append(buf, data[seg:i+1]...)
				escaped = true
				i += 2
				seg = i
				continue
			}
			break
		}
		if c == '\\' && q == '"' {
			buf = append(buf, data[seg:i]...)
			escaped = true
			var n int
			if buf, n = unescape(buf, data[i+1:le]); n == 0 {
				return nil
			}
			i += 1 + n
			seg = i
			continue
		}
		i++
	}
	var v string
	if escaped {
		v = string(append(buf, data[seg:i]...))
	} else {
		v = p.src[start+1 : i]
	}
	style := yaml.DoubleQuotedStyle
	if q == '\'' {
		style = yaml.SingleQuotedStyle
	}
	n := p.node(yaml.ScalarNode, tagStr, v, p.line, p.col(start))
	n.Style = style
	p.i = i + 1
	return n
}

// unescape appends the character of the escape sequence at the start of
// rest (just after a backslash) to buf, and returns how many bytes of rest
// it used: 0 for an escape outside the common ones. yaml.v3 rejects "\/".
func unescape(buf, rest []byte) ([]byte, int) {
	if len(rest) == 0 {
		return buf, 0 // an escaped line break
	}
	switch rest[0] {
	case '\\', '"':
		return append(buf, rest[0]), 1
	case 'n':
		return append(buf, '\n'), 1
	case 't':
		return append(buf, '\t'), 1
	case 'e':
		return append(buf, 0x1b), 1
	case 'a':
		return append(buf, 0x07), 1
	case '0':
		return append(buf, 0), 1
	case 'x', 'u':
		digits := 2
		if rest[0] == 'u' {
			digits = 4
		}
		if len(rest) < 1+digits {
			return buf, 0
		}
		r := rune(0)
		for _, c := range rest[1 : 1+digits] {
			switch {
			case '0' <= c && c <= '9':
				r = r<<4 | rune(c-'0')
			case 'a' <= c && c <= 'f':
				r = r<<4 | rune(c-'a'+10)
			case 'A' <= c && c <= 'F':
				r = r<<4 | rune(c-'A'+10)
			default:
				return buf, 0
			}
		}
		if 0xD800 <= r && r <= 0xDFFF {
			return buf, 0 // yaml.v3 rejects surrogates
		}
		return utf8.AppendRune(buf, r), 1 + digits
	}
	return buf, 0
}

// flow parses a flow sequence or mapping that closes on its line.
func (p *fastParser) flow() *yaml.Node {
	if p.depth++; p.depth > fastMaxDepth {
		return nil
	}
	data := p.data
	open := data[p.i]
	kind, tag, closer := yaml.SequenceNode, tagSeq, byte(']')
	if open == '{' {
		kind, tag, closer = yaml.MappingNode, tagMap, '}'
	}
	n := p.node(kind, tag, "", p.line, p.col(p.i))
	n.Style = yaml.FlowStyle
	base := len(p.stack)
	p.i++
	p.skipSpaces()
	if p.i < p.le && data[p.i] == closer {
		p.i++
		p.depth--
		return n
	}
	for {
		if open == '{' {
			// Keys are plain, and must be followed by ": " and a value.
			if p.i == p.le || !p.plainStart(true) {
				return nil
			}
			start := p.i
			end, _ := p.scanPlain(p.i, true)
			k := p.plain(p.i, end)
			p.stack = append(p.stack, k)
			p.i = end
			p.skipSpaces()
			if p.i+1 >= p.le || data[p.i] != ':' || data[p.i+1] != ' ' || p.i-start > fastMaxKey {
				return nil
			}
			p.i++
			p.skipSpaces()
		}
		v := p.flowNode()
		if v == nil {
			return nil
		}
		p.stack = append(p.stack, v)
		p.skipSpaces()
		if p.i == p.le {
			return nil
		}
		if data[p.i] == closer {
			p.i++
			break
		}
		if data[p.i] != ',' {
			return nil // "[a: b]", " #", a missing comma...
		}
		p.i++
		p.skipSpaces()
		if p.i < p.le && data[p.i] == closer {
			return nil // trailing comma
		}
	}
	p.finish(n, base)
	p.depth--
	return n
}

// flowNode parses an entry or value inside a flow collection.
func (p *fastParser) flowNode() *yaml.Node {
	if p.i == p.le {
		return nil
	}
	switch p.data[p.i] {
	case '"', '\'':
		return p.quoted()
	case '[', '{':
		return p.flow()
	}
	if !p.plainStart(true) {
		return nil
	}
	end, _ := p.scanPlain(p.i, true)
	if p.data[end-1] == ':' {
		return nil // "[a:]": left to yaml.v3
	}
	v := p.plain(p.i, end)
	p.i = end
	return v
}
