package serve

// A small terminal for the tests: enough of a VT100 to follow bubbletea's
// renderer (cursor moves, erases, the alternate screen), so that a test
// reads the screen a person would see, and answers the questions a real
// terminal answers (cursor position, and the background colour when
// told one).

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

type vt struct {
	mu      sync.Mutex
	w, h    int
	cells   [][]rune
	x, y    int
	bells   int
	bytes   int
	raw     []byte        // everything written, escapes and all (the first MiB)
	tail    []byte        // a sequence cut between two writes
	changed chan struct{} // closed and replaced at each write
	reply   func([]byte)  // where the terminal's answers go
	bg      string        // answer to OSC 11, such as "rgb:ffff/ffff/ffff"; "" for none
	queries int           // OSC 11 questions seen
}

func newVT(w, h int) *vt {
	t := &vt{w: w, h: h, changed: make(chan struct{})}
	t.clear()
	return t
}

func (t *vt) clear() {
	t.cells = make([][]rune, t.h)
	for i := range t.cells {
		t.cells[i] = []rune(strings.Repeat(" ", t.w))
	}
}

// Text is the screen, each line trimmed on the right.
func (t *vt) Text() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	lines := make([]string, len(t.cells))
	for i, row := range t.cells {
		lines[i] = strings.TrimRight(strings.ReplaceAll(string(row), "\x00", ""), " ")
	}
	return strings.Join(lines, "\n")
}

// Changed is closed at the next write.
func (t *vt) Changed() <-chan struct{} {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.changed
}

// Raw is what the terminal received.
func (t *vt) Raw() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.raw)
}

func (t *vt) Bells() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.bells
}

func (t *vt) Write(p []byte) (int, error) {
	t.mu.Lock()
	var replies [][]byte
	t.bytes += len(p)
	if len(t.raw) < 1<<20 {
		t.raw = append(t.raw, p...)
	}
	data := append(t.tail, p...)
	t.tail = nil
	i := 0
	for i < len(data) {
		c := data[i]
		switch {
		case c == 0x1b:
			n, reply := t.escape(data[i:])
			if n == 0 { // incomplete: wait for the rest
				t.tail = append([]byte(nil), data[i:]...)
				i = len(data)
				continue
			}
			if reply != nil {
				replies = append(replies, reply)
			}
			i += n
		case c == '\r':
			t.x = 0
			i++
		case c == '\n':
			t.lineFeed()
			i++
		case c == '\b':
			t.x = max(0, t.x-1)
			i++
		case c == '\a':
			t.bells++
			i++
		case c == '\t':
			t.x = min(t.w-1, (t.x/8+1)*8)
			i++
		case c < 0x20:
			i++
		default:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 && !utf8.FullRune(data[i:]) {
				t.tail = append([]byte(nil), data[i:]...)
				i = len(data)
				continue
			}
			t.put(r)
			i += size
		}
	}
	close(t.changed)
	t.changed = make(chan struct{})
	reply := t.reply
	t.mu.Unlock()
	for _, r := range replies {
		if reply != nil {
			reply(r)
		}
	}
	return len(p), nil
}

func (t *vt) put(r rune) {
	w := ansi.StringWidth(string(r))
	if w == 0 {
		return
	}
	if t.x+w > t.w {
		t.x = t.w - w // no wrap: bubbletea cuts its lines to the width
	}
	if t.y >= 0 && t.y < t.h && t.x >= 0 {
		t.cells[t.y][t.x] = r
		if w == 2 && t.x+1 < t.w {
			t.cells[t.y][t.x+1] = 0
		}
	}
	t.x += w
}

func (t *vt) lineFeed() {
	if t.y < t.h-1 {
		t.y++
		return
	}
	copy(t.cells, t.cells[1:])
	t.cells[t.h-1] = []rune(strings.Repeat(" ", t.w))
}

// escape handles one escape sequence at the start of b; it returns the
// bytes it took (0 when b ends before the sequence does) and any answer.
func (t *vt) escape(b []byte) (int, []byte) {
	if len(b) < 2 {
		return 0, nil
	}
	switch b[1] {
	case '[':
		j := 2
		for j < len(b) && (b[j] >= 0x30 && b[j] <= 0x3f || b[j] >= 0x20 && b[j] <= 0x2f) {
			j++
		}
		if j == len(b) {
			return 0, nil
		}
		return j + 1, t.csi(string(b[2:j]), b[j])
	case ']':
		for j := 2; j < len(b); j++ {
			if b[j] == 0x07 {
				return j + 1, t.osc(string(b[2:j]))
			}
			if b[j] == 0x1b && j+1 < len(b) && b[j+1] == '\\' {
				return j + 2, t.osc(string(b[2:j]))
			}
		}
		return 0, nil
	default:
		return 2, nil
	}
}

func (t *vt) osc(body string) []byte {
	if body != "11;?" {
		return nil
	}
	t.queries++
	if t.bg == "" {
		return nil
	}
	return []byte("\x1b]11;" + t.bg + "\x1b\\")
}

func (t *vt) csi(params string, final byte) []byte {
	private := strings.HasPrefix(params, "?")
	ps := strings.Split(strings.TrimPrefix(params, "?"), ";")
	n := func(i, def int) int {
		if i < len(ps) {
			if v, err := strconv.Atoi(ps[i]); err == nil && v > 0 {
				return v
			}
		}
		return def
	}
	switch final {
	case 'A':
		t.y = max(0, t.y-n(0, 1))
	case 'B':
		t.y = min(t.h-1, t.y+n(0, 1))
	case 'C':
		t.x = min(t.w-1, t.x+n(0, 1))
	case 'D':
		t.x = max(0, t.x-n(0, 1))
	case 'G':
		t.x = min(t.w-1, n(0, 1)-1)
	case 'H', 'f':
		t.y, t.x = min(t.h-1, n(0, 1)-1), min(t.w-1, n(1, 1)-1)
	case 'J':
		switch n(0, 0) {
		case 0:
			t.eraseLine(t.x, t.w)
			for y := t.y + 1; y < t.h; y++ {
				t.cells[y] = []rune(strings.Repeat(" ", t.w))
			}
		case 2, 3:
			t.clear()
		}
	case 'K':
		switch n(0, 0) {
		case 0:
			t.eraseLine(t.x, t.w)
		case 1:
			t.eraseLine(0, t.x+1)
		case 2:
			t.eraseLine(0, t.w)
		}
	case 'h', 'l':
		if private && (params == "?1049" || params == "?47" || params == "?1047") {
			t.clear()
		}
	case 'n':
		if params == "6" {
			return []byte("\x1b[" + strconv.Itoa(t.y+1) + ";" + strconv.Itoa(t.x+1) + "R")
		}
	}
	return nil
}

func (t *vt) eraseLine(from, to int) {
	if t.y < 0 || t.y >= t.h {
		return
	}
	for x := max(0, from); x < min(to, t.w); x++ {
		t.cells[t.y][x] = ' '
	}
}
