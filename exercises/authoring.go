package exercises

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Some mistakes are valid YAML: it reads them one way and the author meant
// another. A step indented one space too deep joins the step above ("Lift
// your index finger. - Release, then lift the next."); "Step 2: lift" in a
// list of steps is a field, not a text; "#1" after a colon starts a
// comment. The decoder's messages for these say what YAML saw; authoring
// says what happened and what to write instead, and warns about joined
// text, which is valid but reads wrong on a patient's handout.

// textLists are the lists of texts, with how a message names one item.
var textLists = map[string]string{
	"steps": "step", "cues": "cue", "safety": "safety note", "before": "item", "after": "item",
	"levels": "level", "areas": "area", "equipment": "item",
}

// authoring looks again at a file that parsed: it rewords the errors in
// errs that have a clearer cause, and returns warnings.
func authoring(file string, data []byte, root *yaml.Node, errs []*Error) []*Error {
	a := &authorPass{file: file, data: data, errs: errs}
	if root.Kind != yaml.MappingNode {
		return nil
	}
	defer func() {
		for _, w := range a.warnings {
			w.Msg = Escape(w.Msg) // text from the file, on its way to a terminal
		}
	}()
	a.mapping(root, "")
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind == yaml.MappingNode && listOfFields[k.Value] && len(v.Content) > 1 && accepts(k.Value+"[0]", v.Content[0].Value) {
			first := a.line(v.Content[0].Line)
			a.reword(v, k.Value, fmt.Sprintf(`%s holds a list: each %s starts with "- "; write "- %s" on line %d`,
				quoteKey(k.Value), singular(k.Value), strings.TrimSpace(stripComment(first.content)), first.num))
		}
		if v.Kind != yaml.SequenceNode {
			continue
		}
		for j, item := range v.Content {
			if item.Kind == yaml.MappingNode {
				a.item(item, fmt.Sprintf("%s[%d]", k.Value, j))
			}
		}
	}
	return a.warnings
}

type authorPass struct {
	file     string
	data     []byte
	lines    []srcLine // split when first needed
	errs     []*Error
	byPlace  map[errPlace][]*Error // errs by place, made when first needed
	warnings []*Error
}

// errPlace is where the decoder put an error, and for which field.
type errPlace struct {
	line, col int
	field     string
}

// at is the decoder's errors at n for field.
func (a *authorPass) at(n *yaml.Node, field string) []*Error {
	if len(a.errs) == 0 {
		return nil
	}
	if a.byPlace == nil {
		a.byPlace = make(map[errPlace][]*Error, len(a.errs))
		for _, e := range a.errs {
			k := errPlace{e.Pos.Line, e.Pos.Col, e.Field}
			a.byPlace[k] = append(a.byPlace[k], e)
		}
	}
	return a.byPlace[errPlace{n.Line, n.Column, field}]
}

func (a *authorPass) line(n int) srcLine {
	if a.lines == nil {
		a.lines = splitLines(a.data)
	}
	if n < 1 || n > len(a.lines) {
		return srcLine{num: n}
	}
	return a.lines[n-1]
}

// reword replaces the message of the decoder's error at n for field.
func (a *authorPass) reword(n *yaml.Node, field, msg string) {
	a.rewordAt(n, field, msg, 0, 0)
}

// rewordAt also moves the error to line:col, when line is not 0.
func (a *authorPass) rewordAt(n *yaml.Node, field, msg string, line, col int) {
	for _, e := range a.at(n, field) {
		e.Msg = Escape(msg)
		if line > 0 {
			e.Pos.Line, e.Pos.Col = line, col
		}
	}
}

// itemID is the id a list item gives itself, or "".
func itemID(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k, v := n.Content[i], n.Content[i+1]; k.Value == "id" && v.Kind == yaml.ScalarNode && idPattern.MatchString(v.Value) {
			return v.Value
		}
	}
	return ""
}

func (a *authorPass) has(n *yaml.Node, field string) bool { return len(a.at(n, field)) > 0 }

// item is one exercise, routine, tip (or any list item of fields).
func (a *authorPass) item(n *yaml.Node, path string) {
	a.mapping(n, path)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		noun, ok := textLists[k.Value]
		isIDs := k.Value == "exercises" && strings.HasPrefix(path, "routines[")
		if !ok && !isIDs && len(a.errs) == 0 {
			continue
		}
		field := path + "." + k.Value
		if isIDs {
			a.joinedIDs(v, field)
			continue
		}
		if len(a.errs) > 0 && v.Kind == yaml.SequenceNode && fieldsAt(field) != nil {
			a.listOfFields(k, v, field)
		}
		if !ok {
			continue
		}
		switch v.Kind {
		case yaml.SequenceNode:
			a.texts(v, field, noun)
		case yaml.ScalarNode:
			a.textWithItems(k, v, field)
		case yaml.MappingNode:
			a.fieldsForList(k, v, field, noun)
		}
	}
}

// mapping rewords two errors in a mapping's own fields: a second "id" (a
// list item that lacks its "- "), and a text that "#" turned into nothing.
func (a *authorPass) mapping(n *yaml.Node, path string) {
	if len(a.errs) == 0 {
		// Nothing to reword: only the warnings are looked for.
		for i := 0; i+1 < len(n.Content); i += 2 {
			if v := n.Content[i+1]; v.Kind == yaml.ScalarNode {
				a.scalar(n.Content[i].Value, v, path)
			}
		}
		return
	}
	allowed := fieldsAt(path)
	seen := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		field := join(path, k.Value)
		if first, dup := seen[k.Value]; dup && k.Value == "id" && strings.HasSuffix(path, "]") {
			noun := singular(lastPart(path))
			a.reword(k, field, fmt.Sprintf(`a second "id:" in this %s (the first is on line %d); to start another %s, put "- " before "id:", lined up with the other items' "- "`,
				noun, first.Line, noun))
		}
		if _, dup := seen[k.Value]; !dup {
			seen[k.Value] = k
		}
		if !slices.Contains(allowed, k.Value) && a.has(k, field) {
			a.misplaced(n, k, path, field)
		}
		if v.Kind == yaml.ScalarNode {
			a.scalar(k.Value, v, path)
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == "" && a.has(v, field) {
			s := a.line(v.Line)
			if after, ok := afterKey(s, k); ok && strings.HasPrefix(strings.TrimSpace(after), "#") {
				text := strings.TrimSpace(after)
				a.reword(v, field, fmt.Sprintf(`the text after %s starts with "#", which YAML reads as a comment, so %s is empty; put the text in double quotes: %s: %s`,
					quoteKey(k.Value), quoteKey(k.Value), k.Value, strconv.Quote(text)))
			}
		}
	}
}

// misplaced rewords "unknown field" for a field of a group inside this
// one (kind, reps: fields of dose), written at the group's own indent.
func (a *authorPass) misplaced(n, k *yaml.Node, path, field string) {
	for _, group := range fieldsAt(path) {
		if !accepts(join(path, group), k.Value) {
			continue
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if g, gv := n.Content[i], n.Content[i+1]; g.Value == group {
				a.reword(k, field, fmt.Sprintf(`%s is a field of %s, not of %s; indent it under %s on line %d, more than %s itself`,
					Quote(k.Value), quoteKey(group), ownerName(path), quoteKey(group), g.Line, quoteKey(group)))
				if gv.Kind == yaml.ScalarNode && gv.Tag == "!!null" {
					a.reword(gv, join(path, group), fmt.Sprintf(`%s is empty: its fields below it are not indented under it; indent them more than %s`,
						quoteKey(group), quoteKey(group)))
				}
				return
			}
		}
		a.reword(k, field, fmt.Sprintf(`%s is a field of %s, not of %s; put it in a %s group, indented under %s`,
			Quote(k.Value), quoteKey(group), ownerName(path), quoteKey(group), quoteKey(group)))
		return
	}
}

// ownerName names the mapping at path: "this exercise", "\"dose:\"".
func ownerName(path string) string {
	return groupName(&frame{path: path})
}

// StarterText begins every text of limber new's starters that the author
// is to write: validate warns about each one left.
const StarterText = "Replace this"

// scalar looks at one field's value for what to warn about.
func (a *authorPass) scalar(key string, v *yaml.Node, path string) {
	if v.Anchor != "" || strings.HasPrefix(v.Tag, "!") && !strings.HasPrefix(v.Tag, "!!") {
		a.tagged(key, v, join(path, key))
	}
	if strings.HasPrefix(v.Value, StarterText) {
		a.starter(v, join(path, key))
	}
}

// starter warns about a starter's text left as it was.
func (a *authorPass) starter(v *yaml.Node, field string) {
	a.warnings = append(a.warnings, &Error{
		Pos:   Pos{File: a.file, Line: v.Line, Col: v.Column},
		Field: field,
		Msg:   fmt.Sprintf("%s is still the starter's text; write your own, or take the line out", Quote(clip(v.Value, 40))),
	})
}

// tagged warns about "!word" and "&word" before a text: YAML reads them as
// a tag and an anchor, and the text loses its first word.
func (a *authorPass) tagged(key string, v *yaml.Node, field string) {
	mark := ""
	switch {
	case strings.HasPrefix(v.Tag, "!") && !strings.HasPrefix(v.Tag, "!!"):
		mark = v.Tag
	case v.Anchor != "":
		mark = "&" + v.Anchor
	default:
		return
	}
	what := map[byte]string{'!': "a YAML tag", '&': "a YAML anchor"}[mark[0]]
	a.warnings = append(a.warnings, &Error{
		Pos:   Pos{File: a.file, Line: v.Line, Col: v.Column},
		Field: field,
		Msg: fmt.Sprintf(`%s is read as %s, so the text is %s; put the whole text in double quotes: %s`,
			Quote(mark), what, Quote(clip(v.Value, 40)), suggestLine(key, strconv.Quote(mark+" "+v.Value))),
	})
}

// listOfFields: "dose:" with "- kind: reps", "- reps: 8" under it.
func (a *authorPass) listOfFields(k, v *yaml.Node, field string) {
	var keys []string
	for _, it := range v.Content {
		if it.Kind != yaml.MappingNode || len(it.Content) != 2 || !accepts(field, it.Content[0].Value) {
			return
		}
		keys = append(keys, it.Content[0].Value)
	}
	a.reword(v, field, fmt.Sprintf(`%s holds fields, not a list; remove the "- " before %s`,
		quoteKey(k.Value), strings.Join(keys, ", ")))
}

// fieldsForList: "steps:" with "first: ..." under it.
func (a *authorPass) fieldsForList(k, v *yaml.Node, field, noun string) {
	if len(v.Content) < 2 || v.Content[0].Kind != yaml.ScalarNode {
		return
	}
	first := v.Content[0].Value
	example := ""
	if t := v.Content[1]; t.Kind == yaml.ScalarNode && t.Value != "" {
		example = fmt.Sprintf(`, such as "- %s"`, clip(t.Value, 40))
	}
	a.reword(v, field, fmt.Sprintf(`%s holds a list: write each %s on its own line after "- "%s; %s reads as a field`,
		quoteKey(k.Value), noun, example, quoteKey(first)))
}

// afterKey is what follows "key:" on the key's line.
func afterKey(s srcLine, k *yaml.Node) (string, bool) {
	if k.Line != s.num {
		return "", false
	}
	r := []rune(s.text)
	at := k.Column - 1 + len([]rune(k.Value))
	if at >= len(r) {
		return "", false
	}
	rest := strings.TrimLeft(string(r[at:]), " ")
	if !strings.HasPrefix(rest, ":") {
		return "", false
	}
	return rest[1:], true
}

// texts checks each item of a list of texts.
func (a *authorPass) texts(seq *yaml.Node, field, noun string) {
	for j, it := range seq.Content {
		sub := func() string { return field + "[" + strconv.Itoa(j) + "]" }
		switch {
		case it.Kind == yaml.MappingNode && len(it.Content) == 2 && it.Content[0].Line == it.Content[1].Line:
			k, v := it.Content[0], it.Content[1]
			if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode {
				continue
			}
			text := k.Value + ":"
			if v.Value != "" {
				text += " " + v.Value
			}
			write := "- " + strconv.Quote(text)
			if seq.Style&yaml.FlowStyle != 0 {
				write = strconv.Quote(text)
			}
			a.reword(it, sub(), fmt.Sprintf(`%s holds ": ", which YAML reads as a field; put the whole %s in double quotes: %s`,
				Quote(clip(text, 40)), noun, write))
		case it.Kind == yaml.SequenceNode && it.Style&yaml.FlowStyle == 0 && len(it.Content) > 0 && it.Content[0].Line == it.Line:
			a.reword(it, sub(), fmt.Sprintf(`two "- " in a row make a list inside the list; write one "- " before the %s`, noun))
		case it.Kind == yaml.ScalarNode && (it.Style != 0 || seq.Style&yaml.FlowStyle != 0):
			if strings.HasPrefix(it.Value, StarterText) {
				a.starter(it, sub())
			}
		case it.Kind == yaml.ScalarNode:
			if it.Anchor != "" || strings.HasPrefix(it.Tag, "!") && !strings.HasPrefix(it.Tag, "!!") {
				a.tagged("", it, sub())
			}
			if strings.HasPrefix(it.Value, StarterText) {
				a.starter(it, sub())
			}
			if !strings.Contains(it.Value, "- ") && !strings.HasSuffix(it.Value, " -") {
				continue // the cheap test first: no line of it can start with "- "
			}
			next := 0
			if j+1 < len(seq.Content) {
				next = seq.Content[j+1].Line
			}
			a.joined(it, sub(), noun, next)
		}
	}
}

// joined warns about a plain text item that runs on over a line starting
// with "- ": YAML joins it to the item above.
func (a *authorPass) joined(it *yaml.Node, field, noun string, next int) {
	for _, c := range a.continued(it, next) {
		a.warnings = append(a.warnings, &Error{
			Pos:   Pos{File: a.file, Line: c.line, Col: c.col},
			Field: field,
			Msg: fmt.Sprintf(`line %d continues the %s above, which reads %s; to make it %s of its own, indent it %s, like the others`,
				c.line, noun, Quote(clip(it.Value, 50)), article(noun), spaces(c.indent)),
		})
	}
}

// article puts "a" or "an" before a noun.
func article(noun string) string {
	if strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

type continuation struct{ line, col, indent int }

// continued finds the lines of a plain text list item, after its first,
// that start with "- "; indent is that of the item's own "-". next is the
// line of the item after it (0 for the last).
func (a *authorPass) continued(it *yaml.Node, next int) []continuation {
	if !strings.Contains(it.Value, "- ") && !strings.HasSuffix(it.Value, " -") {
		return nil // the cheap test first: no line of it can start with "- "
	}
	first := a.line(it.Line)
	// The item's "-" is the last one before its text.
	before := string([]rune(first.text)[:min(len([]rune(first.text)), max(0, it.Column-1))])
	dash := strings.LastIndex(before, "-")
	if dash < 0 {
		return nil
	}
	dashIndent := len([]rune(before[:dash]))
	var out []continuation
	for n := it.Line + 1; n <= len(a.lines) && (next == 0 || n < next); n++ {
		s := a.line(n)
		if s.content == "" {
			continue
		}
		if s.indent <= dashIndent || s.content[0] == '#' || s.tab > 0 {
			break
		}
		if s.content == "-" || strings.HasPrefix(s.content, "- ") {
			out = append(out, continuation{line: n, col: s.indent + 1, indent: dashIndent})
		}
	}
	return out
}

// joinedIDs rewords the error for a routine's exercise id that ran on
// over the next line: "finger-lifts - tendon-glides" is not an id.
func (a *authorPass) joinedIDs(seq *yaml.Node, field string) {
	if seq.Kind != yaml.SequenceNode || seq.Style&yaml.FlowStyle != 0 {
		return
	}
	for j, it := range seq.Content {
		sub := fmt.Sprintf("%s[%d]", field, j)
		if it.Kind != yaml.ScalarNode || it.Style != 0 || !a.has(it, sub) {
			continue
		}
		next := 0
		if j+1 < len(seq.Content) {
			next = seq.Content[j+1].Line
		}
		if c := a.continued(it, next); len(c) > 0 {
			a.rewordAt(it, sub, fmt.Sprintf(`line %d continues the exercise id above, which reads %s; to make it an item of its own, indent it %s, like the others`,
				c[0].line, Quote(clip(it.Value, 50)), spaces(c[0].indent)), c[0].line, c[0].col)
		}
	}
}

// textWithItems: "cues: Move slowly" with "- ..." lines under it, which
// YAML reads as one text.
func (a *authorPass) textWithItems(k, v *yaml.Node, field string) {
	if v.Style != 0 || !strings.Contains(v.Value, " - ") || !a.has(v, field) {
		return
	}
	a.line(v.Line)
	for n := v.Line + 1; n <= len(a.lines); n++ {
		s := a.line(n)
		if s.content == "" || s.indent <= k.Column-1 {
			return
		}
		if strings.HasPrefix(s.content, "- ") {
			first, _, _ := strings.Cut(v.Value, " - ")
			a.reword(v, field, fmt.Sprintf(`%s has the text %s on its line and list items under it (line %d), which YAML reads as one text; write %s alone on its line and put each item under it after "- "`,
				quoteKey(k.Value), Quote(clip(first, 30)), n, quoteKey(k.Value)))
			return
		}
	}
}
