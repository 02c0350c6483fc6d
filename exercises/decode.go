package exercises

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Limits of what a library file may hold.
const (
	MaxFileSize = 8 << 20 // bytes
	MaxNameLen  = 60      // characters in a name or title
	MaxTextLen  = 1000    // characters in any other text
	maxDepth    = 32      // nesting; the schema needs 6
	MinDuration = time.Second
	MaxDuration = time.Hour
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// decoder walks one file's yaml.Node tree against the schema and collects
// every error it meets, so that a file reports all its errors at once.
type decoder struct {
	file    string
	errs    []*Error
	dropped int // errors past MaxErrors
}

// MaxErrors is how many errors one file reports; a hostile file could
// otherwise print millions of lines.
const MaxErrors = 200

func (d *decoder) errorf(n *yaml.Node, field, format string, args ...any) {
	if len(d.errs) >= MaxErrors {
		d.dropped++
		return
	}
	d.errs = append(d.errs, &Error{
		Pos:   Pos{File: d.file, Line: n.Line, Col: n.Column},
		Field: field,
		Msg:   fmt.Sprintf(format, args...),
	})
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

// describe names a node's type the way an author would.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.ShortTag() {
	case "!!null":
		return "nothing"
	case "!!int":
		return "a number"
	case "!!float":
		return "a decimal number"
	case "!!bool":
		return "true/false"
	}
	return fmt.Sprintf("the text %s", Quote(clip(n.Value, 40)))
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// plain refuses aliases; limber's files are small and flat, and aliases are
// how "billion laughs" files multiply themselves.
func (d *decoder) plain(n *yaml.Node, field string) bool {
	if n.Kind == yaml.AliasNode {
		d.errorf(n, field, "aliases (*name) are not allowed in limber files; write the value out")
		return false
	}
	return true
}

// fields walks a mapping, refusing duplicate and unknown keys, and calls fn
// for each known one. It returns false when n is not a mapping.
func (d *decoder) fields(n *yaml.Node, field string, allowed []string, fn func(key string, v *yaml.Node)) bool {
	if !d.plain(n, field) {
		return false
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, field, "expected a mapping with fields (%s), found %s", strings.Join(allowed, ", "), describe(n))
		return false
	}
	// Few keys: a slice beats a map. A hostile file with thousands of keys
	// in one mapping gets a map, so the check never turns quadratic.
	var few [24]string
	nfew := 0
	var many map[string]bool
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, field, "a key must be a plain word, found %s", describe(k))
			continue
		}
		key := k.Value
		dup := false
		if many != nil {
			dup = many[key]
			many[key] = true
		} else {
			for j := 0; j < nfew; j++ {
				dup = dup || few[j] == key
			}
			if !dup && nfew < len(few) {
				few[nfew] = key
				nfew++
			} else if !dup {
				many = make(map[string]bool, 64)
				for _, f := range few {
					many[f] = true
				}
				many[key] = true
			}
		}
		if dup && d.full() {
			d.dropped++ // past the cap: no message to build
			continue
		}
		if dup {
			d.errorf(k, join(field, key), "duplicate key %s; give each field once", Quote(key))
			continue
		}
		known := false
		for _, a := range allowed {
			if a == key {
				known = true
				break
			}
		}
		if !known && d.full() {
			d.dropped++ // past the cap: no message to build
			continue
		}
		if !known {
			d.errorf(k, join(field, key), "unknown field %s%s", Quote(clip(key, 40)),
				Meant(key, allowed, "; valid fields here: "+strings.Join(allowed, ", ")))
			continue
		}
		fn(key, v)
	}
	return true
}

// list walks a sequence and calls fn for each element with its field path.
func (d *decoder) list(n *yaml.Node, field, what string, fn func(i int, sub string, v *yaml.Node)) {
	if !d.plain(n, field) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, field, "expected a list of %s, found %s", what, describe(n))
		return
	}
	for i, v := range n.Content {
		fn(i, field+"["+strconv.Itoa(i)+"]", v)
	}
}

func (d *decoder) scalar(n *yaml.Node, field, want string) bool {
	if !d.plain(n, field) {
		return false
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		d.errorf(n, field, "expected %s, found %s", want, describe(n))
		return false
	}
	return true
}

// text reads a text field: any scalar, no control characters, bounded length.
func (d *decoder) text(n *yaml.Node, field string, maxLen int, multiline bool) string {
	if !d.scalar(n, field, "text") {
		return ""
	}
	s := strings.TrimSpace(n.Value)
	if i, r := firstBad(s, multiline); i >= 0 {
		d.errorf(n, field, "holds a control or escape character %s at character %d (\"%s\"); remove it",
			Escape(string(r)), utf8.RuneCountInString(s[:i])+1, Escape(clip(s, 40)))
		return ""
	}
	if s == "" {
		d.errorf(n, field, "is empty; write some text or leave the field out")
		return ""
	}
	if c := utf8.RuneCountInString(s); c > maxLen {
		d.errorf(n, field, "is %d characters long; keep it to %d", c, maxLen)
		return ""
	}
	return s
}

func (d *decoder) texts(n *yaml.Node, field string, maxLen int) []string {
	var out []string
	d.list(n, field, "short texts", func(_ int, sub string, v *yaml.Node) {
		if s := d.text(v, sub, maxLen, false); s != "" {
			out = append(out, s)
		}
	})
	return out
}

func (d *decoder) id(n *yaml.Node, field string) string {
	if !d.scalar(n, field, "an id") {
		return ""
	}
	if msg := IDProblem(n.Value); msg != "" {
		d.errorf(n, field, "%s", msg)
		return ""
	}
	return n.Value
}

// IDProblem says what is wrong with an id, in the loader's words, or ""
// when it is a valid id (for limber new, which writes one into a file).
func IDProblem(id string) string {
	if len(id) <= 64 && idPattern.MatchString(id) {
		return ""
	}
	hint := strings.ToLower(strings.Join(strings.FieldsFunc(id, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}), "-"))
	msg := fmt.Sprintf("%s is not a valid id; use lowercase words joined by hyphens", Quote(clip(id, 40)))
	if hint != "" && idPattern.MatchString(hint) && len(hint) <= 64 {
		msg += fmt.Sprintf(", such as %q", hint)
	}
	return msg
}

// integer reads a whole number in [lo, hi]; ok is false on any error.
func (d *decoder) integer(n *yaml.Node, field string, lo, hi int) (int, bool) {
	if !d.scalar(n, field, "a whole number") {
		return 0, false
	}
	v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
	if n.ShortTag() != "!!int" || err != nil {
		d.errorf(n, field, "expected a whole number from %d to %d, found %s", lo, hi, describe(n))
		return 0, false
	}
	if v < int64(lo) || v > int64(hi) {
		d.errorf(n, field, "%d is out of range; use a whole number from %d to %d", v, lo, hi)
		return 0, false
	}
	return int(v), true
}

// duration reads whole seconds (45) or a Go duration ("1m30s"), 1 s to 1 h.
func (d *decoder) duration(n *yaml.Node, field string) (time.Duration, bool) {
	if !d.scalar(n, field, "a duration") {
		return 0, false
	}
	const hint = `use whole seconds (45) or a duration such as "30s" or "1m30s", from 1s to 1h`
	var v time.Duration
	switch n.ShortTag() {
	case "!!int":
		s, err := strconv.ParseInt(n.Value, 0, 64)
		if err != nil || s < 0 || s > math.MaxInt32 {
			d.errorf(n, field, "%s is not a duration; %s", Escape(clip(n.Value, 40)), hint)
			return 0, false
		}
		v = time.Duration(s) * time.Second
	case "!!str":
		p, err := time.ParseDuration(n.Value)
		if err != nil {
			d.errorf(n, field, "%s is not a duration; %s", Quote(clip(n.Value, 40)), hint)
			return 0, false
		}
		v = p
	default:
		d.errorf(n, field, "expected a duration, found %s; %s", describe(n), hint)
		return 0, false
	}
	if v%time.Second != 0 {
		d.errorf(n, field, "%s is not a whole number of seconds; %s", Escape(n.Value), hint)
		return 0, false
	}
	if v < MinDuration || v > MaxDuration {
		d.errorf(n, field, "%s is out of range; %s", Escape(n.Value), hint)
		return 0, false
	}
	return v, true
}

// oneOf reads a word from a fixed set.
func (d *decoder) oneOf(n *yaml.Node, field string, words ...string) string {
	if !d.scalar(n, field, "one of "+strings.Join(words, ", ")) {
		return ""
	}
	for _, w := range words {
		if n.Value == w {
			return w
		}
	}
	d.errorf(n, field, "%s is not one of %s%s", Quote(clip(n.Value, 40)), strings.Join(words, " | "),
		Meant(strings.ToLower(n.Value), words, ""))
	return ""
}

// count is every error met so far, reported or not: what tells a bad item
// from a good one.
func (d *decoder) count() int { return len(d.errs) + d.dropped }

// full reports that the file has as many errors as it will report.
func (d *decoder) full() bool { return len(d.errs) >= MaxErrors }
