package coach

// The state cache (DESIGN section 5): state.json beside the journal holds
// the replay as it stood at a place in the journal, so that a start
// replays only what was appended since. It is derived, never a source:
// it holds nothing the journal does not, deleting it never changes an
// answer, and it is rebuilt whenever it does not match (another library
// or rules, another limber, a journal shorter than the place or changed
// before it, damage).

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"limber/exercises"
	"limber/journal"
	"limber/regfile"
)

// StateFile is the state cache's name in the data directory.
const StateFile = "state.cache"

// cacheFormat changes whenever what the cache holds, or how the replay
// reads it, changes; a cache of another format is rebuilt.
const cacheFormat = 1

// saveAfter is how much of the journal a cache may leave uncovered before
// a start writes a new one: replaying it costs about a millisecond, less
// than writing the cache, so a journal that grows by a session a day is
// not followed by a write a day.
var saveAfter int64 = 256 << 10

// Start is the journal replayed, ready to go on.
type Start struct {
	// Replayer has replayed the whole journal; the coach adds what it
	// records to it.
	Replayer *Replayer
	Progress *Progress
	// Warnings are the lines the reader skipped, in line order, with the
	// journal's path (the replay's own are in Progress.Warnings).
	Warnings []journal.Warning
	// Cached is how much of the journal the cache spared reading, in
	// bytes; Rebuilt says why the cache was not used ("" when it was, or
	// when there was none).
	Cached  int64
	Rebuilt string
	// Size is how much of the journal was replayed, in bytes: a later
	// read of it (limber history) reads up to there and no further.
	Size int64

	save []byte // the cache to write, when it is worth writing
	path string
}

// Resume replays the journal at path through lib's rules, from the state
// cache beside it where one matches, else from the start. What it gives is
// what Replay of journal.Read gives, with the reader's warnings. It never
// writes: Save writes the cache when a new one is worth it.
func Resume(path string, lib *exercises.Library) (*Start, error) {
	st, _, err := resume(path, lib, false)
	return st, err
}

// ResumeCached is Resume for what must answer at once (limber status): it
// reads the journal only after a state cache that matches it, without a
// lock (journal.PeekTail), and reports false, having read nothing more,
// where there is no such cache or much was appended since. It never
// writes.
func ResumeCached(path string, lib *exercises.Library) (*Start, bool) {
	st, ok, err := resume(path, lib, true)
	return st, ok && err == nil
}

// resume is Resume; with cachedOnly, it gives up (false) rather than read
// the journal from its start or much of it.
func resume(path string, lib *exercises.Library, cachedOnly bool) (*Start, bool, error) {
	statePath := filepath.Join(filepath.Dir(path), StateFile)
	now := time.Now()
	key, keyErr := Key(lib)
	st := &Start{path: statePath}
	var (
		rp    *Replayer
		mark  journal.Mark
		warns []journal.Warning
		until time.Time
	)
	if keyErr == nil {
		c, why := readCache(statePath, key, now)
		switch {
		case c != nil:
			var err error
			if rp, err = c.State.replayer(lib); err != nil {
				rp, st.Rebuilt = nil, "the cache is damaged"
				break
			}
			mark, until = c.head.mark(), c.head.Until
			for _, w := range c.ReadWarnings {
				warns = append(warns, journal.Warning{File: path, Line: w.Line, Msg: w.Msg})
			}
		case why != "":
			st.Rebuilt = why
		}
	}
	if cachedOnly {
		if rp == nil {
			return nil, false, nil
		}
		if fi, err := os.Stat(path); err != nil || fi.Size()-mark.Offset >= saveAfter {
			return nil, false, nil
		}
	}
	read := journal.ReadTail
	if cachedOnly {
		read = journal.PeekTail
	}
	t, err := read(path, mark)
	if err == nil && rp != nil && !rp.Add(t.Records[:t.Whole]) {
		err = errLater
	}
	if cachedOnly && err != nil {
		return nil, false, nil
	}
	if rp != nil && err != nil && (errors.Is(err, journal.ErrMoved) || errors.Is(err, errLater)) {
		st.Rebuilt = err.Error()
		if errors.Is(err, journal.ErrMoved) {
			st.Rebuilt = "the journal changed before the place the cache covers"
		}
		rp, mark, warns, until = nil, journal.Mark{}, nil, time.Time{}
		t, err = journal.ReadTail(path, mark)
	}
	if err != nil {
		return nil, false, err
	}
	if rp == nil {
		rp = NewReplayer(lib)
		rp.Add(t.Records[:t.Whole])
	} else {
		st.Cached = mark.Offset
	}
	for _, w := range t.Warnings {
		if w.Line <= t.End.Lines {
			warns = append(warns, w)
		}
	}
	if !t.Ahead.IsZero() && (until.IsZero() || t.Ahead.Add(-journal.Ahead).Before(until)) {
		until = t.Ahead.Add(-journal.Ahead)
	}
	if keyErr == nil && !cachedOnly && t.End.Offset-st.Cached >= saveAfter {
		st.save = encodeCache(key, t.End, now, until, warns, rp)
	}
	// The last line, not yet ended by a newline, counts now but is not
	// in the cache: it may still be being written.
	rp.Add(t.Records[t.Whole:])
	for _, w := range t.Warnings {
		if w.Line > t.End.Lines {
			warns = append(warns, w)
		}
	}
	st.Replayer, st.Progress, st.Warnings, st.Size = rp, rp.Progress(), warns, t.Size
	return st, true, nil
}

// errLater is a cache refused because the journal gained records dated
// before the latest it covers (limber log --at back-filling the past).
var errLater = errors.New("records were added with a time before the latest the cache covers")

// Save writes the state cache when Resume found one worth writing: none
// matched, or the journal grew well past it. It is written whole or not
// at all (a temporary file, synced, then renamed), readable by its owner
// only. A state.json that is not a regular file is left alone.
func (st *Start) Save() error {
	if st.save == nil {
		return nil
	}
	err := writeCache(st.path, st.save)
	st.save = nil
	return err
}

// WouldSave reports whether Save has a cache to write.
func (st *Start) WouldSave() bool { return st.save != nil }

// header is the cache's first line: what it was made from, read before the
// rest so that a cache that does not match costs little.
type header struct {
	Format int       `json:"format"`
	Key    string    `json:"key"` // Key of the library, rules and limber
	Offset int64     `json:"offset"`
	Lines  int       `json:"lines"`
	Sum    string    `json:"sum"`
	File   [2]uint64 `json:"file"`
	Built  time.Time `json:"built"`
	// Until is when a record skipped for being dated ahead of the clock
	// becomes readable: the cache is rebuilt from then on.
	Until time.Time `json:"until"`
	Size  int       `json:"size"` // of the body, in bytes
	CRC   uint32    `json:"crc"`  // of the body (Castagnoli)
}

func (h *header) mark() journal.Mark {
	m := journal.Mark{Offset: h.Offset, Lines: h.Lines, File: h.File}
	hex.Decode(m.Sum[:], []byte(h.Sum))
	return m
}

// body is the rest of the cache.
type body struct {
	ReadWarnings []snapWarning // the reader's, before the place
	State        *snapshot
}

type cache struct {
	head header
	body
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// encodeCache is the cache of rp, which has replayed the journal up to
// m; nil when it cannot be encoded.
func encodeCache(key string, m journal.Mark, now, until time.Time, warns []journal.Warning, rp *Replayer) []byte {
	s, err := rp.snapshot()
	if err != nil {
		return nil
	}
	b := body{State: s}
	for _, w := range warns {
		b.ReadWarnings = append(b.ReadWarnings, snapWarning{Line: w.Line, Msg: w.Msg})
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&b); err != nil {
		return nil // nothing that cannot be written is cached
	}
	data := buf.Bytes()
	h := header{Format: cacheFormat, Key: key, Offset: m.Offset, Lines: m.Lines, Sum: hex.EncodeToString(m.Sum[:]), File: m.File,
		Built: now, Until: until, Size: len(data), CRC: crc32.Checksum(data, crcTable)}
	head, err := json.Marshal(h)
	if err != nil {
		return nil
	}
	out := make([]byte, 0, len(head)+1+len(data))
	return append(append(append(out, head...), '\n'), data...)
}

// readCache reads the cache at path made with key; nil and why not where
// it does not match, or nil and "" where there is none. The body is
// decoded as it is read, and its checksum checked at its end.
func readCache(path, key string, now time.Time) (*cache, string) {
	f, err := regfile.Open(path, os.O_RDONLY, 0)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, ""
		}
		return nil, "the cache cannot be read: " + err.Error()
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	line, err := br.ReadSlice('\n')
	if err != nil {
		return nil, "the cache is damaged"
	}
	var c cache
	switch err := json.Unmarshal(line, &c.head); {
	case err != nil:
		return nil, "the cache is damaged"
	case c.head.Format != cacheFormat:
		return nil, "the cache is of another format"
	case c.head.Key != key:
		return nil, "the library, its rules or limber changed"
	case now.Before(c.head.Built):
		return nil, "the clock was set back"
	case !c.head.Until.IsZero() && !now.Before(c.head.Until):
		return nil, "a record dated ahead of the clock is due now"
	}
	crc := crc32.New(crcTable)
	body := &countingReader{r: io.TeeReader(br, crc)}
	if err := gob.NewDecoder(body).Decode(&c.body); err != nil || c.State == nil {
		return nil, "the cache is damaged"
	}
	if n, _ := io.Copy(io.Discard, body); n > 0 || body.n != int64(c.head.Size) || crc.Sum32() != c.head.CRC {
		return nil, "the cache is damaged"
	}
	return &c, ""
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// writeCache writes data to path whole or not at all.
func writeCache(path string, data []byte) error {
	dir := filepath.Dir(path)
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		return nil // not ours to replace
	}
	sweepTemps(dir)
	f, err := os.CreateTemp(dir, StateFile+".*.tmp") // mode 0600
	if err != nil {
		return fmt.Errorf("state cache: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = syncFile(f)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("state cache: %w", err)
	}
	return nil
}

// syncFile makes what was written durable; tests that write thousands of
// caches skip it.
var syncFile = (*os.File).Sync

// sweepTemps removes temporary caches that a process killed while writing
// left behind.
func sweepTemps(dir string) {
	old, _ := filepath.Glob(filepath.Join(dir, StateFile+".*.tmp"))
	for _, p := range old {
		if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > 10*time.Minute {
			os.Remove(p)
		}
	}
}

// Key sums up what a replay depends on besides the journal: the library's
// exercises and routines, and the limber that replays (its rules and its
// code). A cache made under another key is rebuilt.
func Key(lib *exercises.Library) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "limber state cache %d\n%s\n", cacheFormat, buildKey())
	enc := json.NewEncoder(h)
	for _, x := range lib.Exercises() {
		if err := enc.Encode(x); err != nil {
			return "", err
		}
	}
	for _, r := range lib.Routines() {
		if err := enc.Encode(r); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// buildKey identifies this limber: its build (module version, commit) and
// the program file itself, which every build replaces.
var buildKey = sync.OnceValue(func() string {
	var b strings.Builder
	if bi, ok := debug.ReadBuildInfo(); ok {
		fmt.Fprintf(&b, "%s %s %s %s", bi.GoVersion, bi.Main.Path, bi.Main.Version, bi.Main.Sum)
		for _, s := range bi.Settings {
			if strings.HasPrefix(s.Key, "vcs.") {
				fmt.Fprintf(&b, " %s=%s", s.Key, s.Value)
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			fmt.Fprintf(&b, " %s %d %d", exe, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return b.String()
})

// Quick reports whether Resume can be expected to answer at once: the
// journal at path is small (under what a cache spares, saveAfter), or a
// state cache lies beside it. It does not say the cache matches; Resume
// finds that out.
func Quick(path string) bool {
	if fi, err := os.Stat(path); err != nil || fi.Size() < saveAfter {
		return true
	}
	fi, err := os.Stat(filepath.Join(filepath.Dir(path), StateFile))
	return err == nil && fi.Mode().IsRegular()
}
