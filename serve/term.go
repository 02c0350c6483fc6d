package serve

// A session's terminal, seen from the server: keys come in over the SSH
// channel, frames go out over it, and the colours are those of the
// person's terminal (its TERM, COLORTERM and NO_COLOR, and its background
// as the terminal itself reports it), never the server's.

import (
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// activity is when the session last did anything, either way.
type activity struct{ at atomic.Int64 }

func (a *activity) touch(now time.Time) { a.at.Store(now.UnixNano()) }
func (a *activity) last() time.Time     { return time.Unix(0, a.at.Load()) }

// output serialises writes to the channel (frames from bubbletea's
// renderer, the bell from a command) and counts them as activity.
type output struct {
	mu    sync.Mutex
	w     io.Writer
	act   *activity
	now   func() time.Time
	bytes atomic.Int64
}

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	n, err := o.w.Write(p)
	o.bytes.Add(int64(n))
	if n > 0 {
		o.act.touch(o.now())
	}
	return n, err
}

// input hands the person's keys to the coach. A goroutine reads the
// channel; Read returns what it read, without the terminal's answers to
// the start-up questions (a late answer must never reach the coach as
// keys: "11;rgb:..." holds digits, and digits answer the pain scale).
type input struct {
	chunks    chan []byte
	eof       chan struct{} // the client's input ended
	closed    chan struct{} // Close: Read says EOF
	closeOnce sync.Once
	act       *activity
	now       func() time.Time

	// Only Read and probe touch these, and never at once.
	pending    []byte
	held       []byte    // the start of an answer, waiting for its end
	stripUntil time.Time // answers are taken out until then
}

func newInput(src io.Reader, act *activity, now func() time.Time) *input {
	in := &input{chunks: make(chan []byte, 16), eof: make(chan struct{}), closed: make(chan struct{}), act: act, now: now}
	go in.pump(src)
	return in
}

func (in *input) pump(src io.Reader) {
	defer close(in.eof)
	buf := make([]byte, 1024)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			in.act.touch(in.now())
			select {
			case in.chunks <- append([]byte(nil), buf[:n]...):
			case <-in.closed:
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// Close ends Read, so that bubbletea's reader goroutine ends with the
// session.
func (in *input) Close() error {
	in.closeOnce.Do(func() { close(in.closed) })
	return nil
}

// Ended is closed when the client's input ended (the connection or the
// channel closed).
func (in *input) Ended() <-chan struct{} { return in.eof }

func (in *input) Read(p []byte) (int, error) {
	for len(in.pending) == 0 {
		select {
		case c := <-in.chunks:
			in.pending = in.filter(c)
		case <-in.closed:
			return 0, io.EOF
		case <-in.eof:
			select {
			case c := <-in.chunks:
				in.pending = in.filter(c)
			default:
				in.pending, in.held = append(in.pending, in.held...), nil
				if len(in.pending) == 0 {
					return 0, io.EOF
				}
			}
		}
	}
	n := copy(p, in.pending)
	in.pending = in.pending[n:]
	return n, nil
}

// filter takes the terminal's answers out of c while they may still come.
func (in *input) filter(c []byte) []byte {
	if in.stripUntil.IsZero() && len(in.held) == 0 {
		return c
	}
	data := append(in.held, c...)
	in.held = nil
	if in.now().After(in.stripUntil) {
		in.stripUntil = time.Time{}
		return data
	}
	r := scanAnswers(data)
	in.held = r.partial
	return r.keep
}

// Background: what the probe learnt.
type background int

const (
	bgUnknown background = iota
	bgDark
	bgLight
)

// answerGrace is how long late answers are still taken out of the input
// after the probe gave up waiting.
const answerGrace = 5 * time.Second

// probe asks the terminal for its background colour (OSC 11) and then for
// the cursor position (DSR), which every terminal answers, and waits for
// that second answer or the timeout. Keys typed meanwhile are kept.
func (in *input) probe(out io.Writer, timeout time.Duration) background {
	if _, err := io.WriteString(out, "\x1b]11;?\x1b\\\x1b[6n"); err != nil {
		return bgUnknown
	}
	in.stripUntil = in.now().Add(timeout + answerGrace)
	t := time.NewTimer(timeout)
	defer t.Stop()
	var data []byte
	bg := bgUnknown
	for {
		select {
		case c := <-in.chunks:
			data = append(data, c...)
			r := scanAnswers(data)
			if r.bg != bgUnknown {
				bg = r.bg
			}
			if r.cursor {
				// Every answer is in: nothing more to take out.
				in.pending = append(in.pending, r.keep...)
				in.pending = append(in.pending, r.partial...)
				in.stripUntil = time.Time{}
				return bg
			}
		case <-t.C:
			r := scanAnswers(data)
			in.pending = append(in.pending, r.keep...)
			in.held = r.partial
			if r.bg != bgUnknown {
				bg = r.bg
			}
			return bg
		case <-in.eof:
			return bg
		case <-in.closed:
			return bg
		}
	}
}

// answers is a scan of input for the terminal's answers.
type answers struct {
	keep    []byte     // everything else: the person's keys
	partial []byte     // an answer begun at the end, not yet ended
	bg      background // from an OSC 11 answer
	cursor  bool       // a cursor position answer was seen
}

// maxAnswer bounds an answer held while its end is awaited.
const maxAnswer = 256

func scanAnswers(b []byte) answers {
	var r answers
	for i := 0; i < len(b); {
		if b[i] != 0x1b || i+1 >= len(b) {
			if b[i] == 0x1b && i+1 == len(b) {
				// A lone ESC at the end: the esc key, or an answer cut in
				// two. The esc key is far likelier; it goes through.
				r.keep = append(r.keep, b[i])
				break
			}
			r.keep = append(r.keep, b[i])
			i++
			continue
		}
		switch b[i+1] {
		case ']':
			end, stLen := oscEnd(b[i+2:])
			if end < 0 {
				if len(b)-i <= maxAnswer {
					r.partial = append(r.partial, b[i:]...)
				}
				return r
			}
			body := b[i+2 : i+2+end]
			if bg, ok := parseOSC11(body); ok {
				r.bg = bg
			}
			i += 2 + end + stLen
		case '[':
			j := i + 2
			for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == ';') {
				j++
			}
			if j == len(b) {
				if len(b)-i <= maxAnswer {
					r.partial = append(r.partial, b[i:]...)
				}
				return r
			}
			if b[j] == 'R' && j > i+2 {
				r.cursor = true
				i = j + 1
				continue
			}
			r.keep = append(r.keep, b[i:j+1]...)
			i = j + 1
		default:
			r.keep = append(r.keep, b[i])
			i++
		}
	}
	return r
}

// oscEnd finds the end of an OSC body: BEL or ESC \.
func oscEnd(b []byte) (end, stLen int) {
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == 0x07:
			return i, 1
		case b[i] == 0x1b && i+1 < len(b) && b[i+1] == '\\':
			return i, 2
		}
	}
	return -1, 0
}

// parseOSC11 reads "11;rgb:RRRR/GGGG/BBBB" (one to four hex digits each).
// Dark is a lightness under a half, as lipgloss reckons it.
func parseOSC11(body []byte) (background, bool) {
	s, ok := strings.CutPrefix(string(body), "11;rgb:")
	if !ok {
		return bgUnknown, false
	}
	parts := strings.Split(s, "/")
	if len(parts) != 3 {
		return bgUnknown, false
	}
	var c [3]float64
	for i, p := range parts {
		if len(p) < 1 || len(p) > 4 {
			return bgUnknown, false
		}
		v, err := strconv.ParseUint(p, 16, 16)
		if err != nil {
			return bgUnknown, false
		}
		c[i] = float64(v) / float64(uint64(1)<<(4*len(p))-1)
	}
	hi, lo := max(c[0], c[1], c[2]), min(c[0], c[1], c[2])
	if (hi+lo)/2 < 0.5 {
		return bgDark, true
	}
	return bgLight, true
}

// colorFGBG reads COLORFGBG ("15;0": white on black), which some
// terminals set and ssh can pass on.
func colorFGBG(env environ) background {
	v := env.Getenv("COLORFGBG")
	i := strings.LastIndexByte(v, ';')
	if i < 0 {
		return bgUnknown
	}
	n, err := strconv.Atoi(v[i+1:])
	if err != nil {
		return bgUnknown
	}
	if n == 7 || n >= 9 && n <= 15 {
		return bgLight
	}
	return bgDark
}

// environ is the client's environment as termenv reads it: what ssh sent
// (COLORTERM, NO_COLOR, LANG... as the client's SendEnv allows) and the
// TERM of its pty request.
type environ []string

func (e environ) Environ() []string { return e }

func (e environ) Getenv(key string) string {
	for i := len(e) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(e[i], "="); ok && k == key {
			return v
		}
	}
	return ""
}

// newRenderer is a session's own lipgloss renderer. Its colour profile
// comes from the client's TERM, COLORTERM and NO_COLOR; its background
// from the probe, else COLORFGBG, else dark (the commonest).
func newRenderer(out io.Writer, env environ, bg background, noColor bool) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(out, termenv.WithEnvironment(env), termenv.WithUnsafe(), termenv.WithColorCache(true))
	if noColor {
		r.SetColorProfile(termenv.Ascii)
	}
	if bg == bgUnknown {
		bg = colorFGBG(env)
	}
	r.SetHasDarkBackground(bg != bgLight)
	return r
}
