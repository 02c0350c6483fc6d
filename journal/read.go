package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"limber/regfile"
)

// Warning is a line that Read skipped. The rest of the journal still counts,
// so a hand edit or a crash costs one record, not the history.
type Warning struct {
	File string // as given to Read or ReadFrom
	Line int    // 1-based
	Msg  string
}

// String is "file:line: message"; a warning about a record not read from
// a file (Line 0) has no place to name.
func (w Warning) String() string {
	switch {
	case w.Line == 0 && w.File == "":
		return w.Msg
	case w.Line == 0:
		return w.File + ": " + w.Msg
	case w.File == "":
		return fmt.Sprintf("line %d: %s", w.Line, w.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Msg)
}

// openError words a failure to open the journal, with what to do when it
// is not a plain file.
func openError(err error) error {
	if errors.Is(err, regfile.ErrNotRegular) {
		return fmt.Errorf("journal: %w; move it aside, and limber starts a new journal there", err)
	}
	return fmt.Errorf("journal: %w", err)
}

// Read returns every readable record of the journal at path, in file order,
// and a warning for every line it skipped. A missing file is an empty
// journal; err is only for a file that cannot be read at all. Read holds a
// shared lock so that a record being appended right now is not mistaken for
// a torn line.
//
// Only a regular file is read: a FIFO, a device or a folder named
// journal.jsonl is refused at once with an error that says what it is,
// never waited on.
func Read(path string) (recs []Record, warns []Warning, err error) {
	f, err := regfile.Open(path, os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, openError(err)
	}
	defer f.Close()
	if err := lock(f, false); err != nil {
		return nil, nil, fmt.Errorf("journal: locking %s: %w", path, err)
	}
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, fmt.Errorf("journal: %w", err)
	}
	if data, unmap, ok := mapFile(f, fi.Size()); ok {
		defer unmap()
		recs, warns, err = parse(data, path, true, time.Now())
		if err != nil {
			return nil, nil, fmt.Errorf("journal: reading %s: %w", path, err)
		}
		return recs, warns, nil
	}
	var buf bytes.Buffer
	buf.Grow(int(fi.Size()) + bytes.MinRead) // one allocation, and EOF seen without another
	if _, err := buf.ReadFrom(f); err != nil {
		return nil, nil, fmt.Errorf("journal: reading %s: %w", path, err)
	}
	recs, warns, _ = parse(buf.Bytes(), path, false, time.Now())
	return recs, warns, nil
}

// ReadFrom is Read for any reader; name is used in warnings.
func ReadFrom(r io.Reader, name string) (recs []Record, warns []Warning, err error) {
	var buf bytes.Buffer
	if l, ok := r.(interface{ Len() int }); ok { // bytes.Reader, strings.Reader...
		buf.Grow(l.Len() + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, nil, fmt.Errorf("journal: reading %s: %w", name, err)
	}
	recs, warns, _ = parse(buf.Bytes(), name, false, time.Now())
	return recs, warns, nil
}

// partMin is the least input worth a goroutine of its own.
const partMin = 256 << 10

// errTruncated is what a fault in a mapped file means.
var errTruncated = errors.New("the file shrank while it was being read; try again")

// parse decodes data, which is read whole rather than streamed: knowing its
// lines up front lets it size the result exactly and decode parts of it on
// every core at once, each straight into its own stretch of the result.
// Start-up replays the whole journal, so this is the time a person waits.
// mapped says data is a file mapping, which faults if the file shrinks; err
// reports that and nothing else. now is the clock that records may not be
// far ahead of.
func parse(data []byte, name string, mapped bool, now time.Time) ([]Record, []Warning, error) {
	return parseIn(data, name, mapped, now, min(runtime.GOMAXPROCS(0), 8, len(data)/partMin+1))
}

// parseIn is parse in nparts parts.
func parseIn(data []byte, name string, mapped bool, now time.Time, nparts int) (_ []Record, _ []Warning, err error) {
	res, err := parseAt(data, name, mapped, now, nparts, 0)
	return res.recs, res.warns, err
}

// parsed is what parseAt read.
type parsed struct {
	recs  []Record
	warns []Warning
	// ahead is the earliest time of a record skipped for being more than
	// a day ahead of now: the day on which it would be read; zero if none.
	ahead time.Time
}

// parseAt parses data in nparts parts; data holds the journal's lines
// after its first `before` lines, which the records' and warnings' line
// numbers count.
func parseAt(data []byte, name string, mapped bool, now time.Time, nparts, before int) (res parsed, err error) {
	if mapped {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer catchFault(&err)
	}
	if before == 0 {
		data = bytes.TrimPrefix(data, []byte("\uFEFF")) // an editor's byte-order mark
	}
	if len(data) == 0 {
		return parsed{}, nil
	}
	parts, lines := split(data, nparts, before)
	recs := make([]Record, lines) // one slot per line: exact unless lines are skipped
	if len(parts) == 1 {
		parts[0].decode(recs, name, mapped, now)
	} else {
		var wg sync.WaitGroup
		for i := range parts {
			wg.Go(func() { parts[i].decode(recs, name, mapped, now) })
		}
		wg.Wait()
	}

	// Close the gaps that skipped lines left between the parts.
	out := 0
	for _, p := range parts {
		if p.err != nil {
			return parsed{}, p.err
		}
		if out != p.slot {
			copy(recs[out:], recs[p.slot:p.slot+p.kept])
		}
		out += p.kept
		res.warns = append(res.warns, p.warns...)
		if !p.ahead.IsZero() && (res.ahead.IsZero() || p.ahead.Before(res.ahead)) {
			res.ahead = p.ahead
		}
	}
	clear(recs[out:]) // let go of what was moved
	res.recs = recs[:out:out]
	return res, nil
}

// catchFault, deferred after debug.SetPanicOnFault(true), turns a fault in
// reading a file mapping into errTruncated. Other panics go on.
func catchFault(err *error) {
	if r := recover(); r != nil {
		if _, fault := r.(interface{ Addr() uintptr }); !fault {
			panic(r)
		}
		*err = errTruncated
	}
}

// split cuts data into up to n parts of whole lines and counts the lines;
// the first line of data is line before+1.
func split(data []byte, n, before int) (parts []part, lines int) {
	parts = make([]part, 0, n)
	for start := 0; start < len(data); {
		end := len(data)
		if len(parts) < n-1 {
			// Cut after the first newline past an even share of the rest.
			cut := start + (len(data)-start)/(n-len(parts))
			if i := bytes.IndexByte(data[cut:], '\n'); i >= 0 {
				end = cut + i + 1
			}
		}
		p := part{data: data[start:end], line: before + lines + 1, slot: lines}
		p.lines = bytes.Count(p.data, []byte{'\n'})
		if p.data[len(p.data)-1] != '\n' {
			p.lines++ // the unfinished last line
		}
		parts = append(parts, p)
		lines += p.lines
		start = end
	}
	return parts, lines
}

// part is a run of whole lines decoded by one goroutine into
// recs[slot:slot+lines], packed to the front: kept records, then zeros.
type part struct {
	data  []byte
	line  int // number of its first line
	slot  int // index in recs of its first line
	lines int
	kept  int
	warns []Warning
	ahead time.Time // the earliest time of a record skipped as too far ahead
	err   error
}

func (p *part) decode(recs []Record, name string, mapped bool, now time.Time) {
	if mapped {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer catchFault(&p.err)
	}
	// Touch every page of this part's stretch of recs with a plain store
	// first. Otherwise the garbage collector, or the write barrier while it
	// runs, may read a fresh page before it is written, and the write then
	// costs a second page fault and a TLB flush on every core: up to a
	// third of the whole time on a virtual machine.
	region := recs[p.slot : p.slot+p.lines]
	for i := range region {
		region[i].V = 0
	}
	d := newDecoder()
	d.now = now
	data := p.data
	for n := p.line; len(data) > 0; n++ {
		line := data
		whole := false
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data, whole = data[:i], data[i+1:], true
		} else {
			data = nil
		}
		line = trimSpace(line)
		if len(line) == 0 {
			continue
		}
		rec := &region[p.kept] // zero: nothing has been decoded there yet
		if msg := d.decode(line, rec, whole); msg != "" {
			// A record dated ahead of the clock is skipped today but read
			// once the clock catches up: a state cache must know when.
			if t := rec.At; t.After(now.Add(Ahead)) && (p.ahead.IsZero() || t.Before(p.ahead)) {
				p.ahead = t
			}
			*rec = Record{}
			p.warns = append(p.warns, Warning{File: name, Line: n, Msg: msg})
			continue
		}
		rec.Line = int32(min(n, math.MaxInt32))
		p.kept++
	}
}

// decode reads one non-blank line into rec, which must be zero, and returns
// "" or why the line was skipped; whole says the line ended in a newline.
// The fast path covers what Append writes; anything it is not sure of goes
// to encoding/json, which has the last word.
func (d *decoder) decode(line []byte, rec *Record, whole bool) string {
	if !d.decodeFast(line, rec) {
		*rec = Record{}
		if err := json.Unmarshal(line, rec); err != nil {
			if !whole {
				// A crash in the middle of a write; the next Append starts
				// a fresh line after it.
				return "skipped a torn last line (" + err.Error() + ")"
			}
			return "skipped a damaged line (" + err.Error() + ")"
		}
	}
	switch {
	case rec.V > SchemaVersion:
		return fmt.Sprintf("skipped a record from a newer limber (schema v%d; this one reads up to v%d): update limber to see it", rec.V, SchemaVersion)
	case rec.V < 1:
		return `skipped a record with no schema version ("v")`
	}
	if err := rec.Validate(); err != nil {
		return "skipped a record with " + err.Error()
	}
	return rec.Check(d.now)
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	return b
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }
