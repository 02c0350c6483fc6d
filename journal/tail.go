package journal

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"limber/regfile"
)

// Mark is a place in the journal that a reader has read up to: the end of
// a whole line, with what identifies the bytes before it. A state cache
// keeps one, so that the next start reads only what was appended since.
type Mark struct {
	Offset int64 // bytes before it, ending in a newline (0: the start)
	Lines  int   // lines before it
	// Sum is a hash of the first and the last block of bytes before
	// Offset: an edit there, or another file in the journal's place, no
	// longer matches.
	Sum [sha256.Size]byte
	// File identifies the file (device and inode, where the system has
	// them): an editor that saves by writing a new file gives another.
	File [2]uint64
}

// sumBlock is how much of each end of the bytes before a Mark its Sum
// covers: a few lines either side.
const sumBlock = 4 << 10

// ErrMoved is what ReadTail returns when the journal no longer holds the
// bytes a Mark was made from: it is shorter, or they changed, or it is
// another file. The journal must then be read from its start.
var ErrMoved = errors.New("the journal changed before the place read up to")

// Tail is what ReadTail read: the records of the lines after a Mark.
type Tail struct {
	Records  []Record // in file order
	Warnings []Warning
	// End marks the end of the last whole line read; Records[:Whole] and
	// the warnings up to End.Lines are of lines before it. A last line
	// with no newline yet (a crash mid-write, or an append under way
	// where no lock is taken) is after it.
	End   Mark
	Whole int
	// Size is the file's size as read.
	Size int64
	// Ahead is the earliest time of a record skipped for being dated more
	// than a day ahead of the clock (zero if none): from a day before it,
	// that record would be read.
	Ahead time.Time
}

// ReadTail reads the journal at path from the Mark from on, as Read reads
// the whole of it (from the zero Mark), under the same shared lock; the
// records' and warnings' line numbers count from the start of the file. A
// missing file is an empty journal, unless from is past its start. It
// returns ErrMoved (wrapped) when the bytes before from are not the ones
// it was made from.
func ReadTail(path string, from Mark) (*Tail, error) { return readTail(path, from, true) }

// PeekTail is ReadTail without the lock, for what must never wait on a
// session being saved (limber status, for a shell prompt): a line caught
// half written is read as a torn last line, this once.
func PeekTail(path string, from Mark) (*Tail, error) { return readTail(path, from, false) }

func readTail(path string, from Mark, locked bool) (*Tail, error) {
	f, err := regfile.Open(path, os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		if from.Offset > 0 {
			return nil, fmt.Errorf("journal: %s is gone: %w", path, ErrMoved)
		}
		return &Tail{}, nil
	}
	if err != nil {
		return nil, openError(err)
	}
	defer f.Close()
	if locked {
		if err := lock(f, false); err != nil {
			return nil, fmt.Errorf("journal: locking %s: %w", path, err)
		}
	}
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	size := fi.Size()
	if size < from.Offset {
		return nil, fmt.Errorf("journal: %s is shorter than when it was last read: %w", path, ErrMoved)
	}
	id := fileID(fi)
	if from.Offset > 0 && id != from.File {
		return nil, fmt.Errorf("journal: %s is another file than when it was last read: %w", path, ErrMoved)
	}
	var (
		v      view
		mapped bool
	)
	if size-from.Offset >= mapMin {
		// Much to read (a first start): mapped, which hands over the
		// kernel's pages rather than copying them.
		if data, unmap, ok := mapFile(f, size); ok {
			defer unmap()
			v, mapped = view{head: data, rest: data}, true
		}
	}
	if !mapped {
		// Little to read (a start from the state cache), or no mapping
		// here: the file's first block, then from the block before the
		// Mark on; nothing of the rest of the file is touched.
		v.restAt = max(0, from.Offset-sumBlock)
		v.head = make([]byte, min(size, sumBlock))
		v.rest = make([]byte, size-v.restAt)
		if _, err := f.ReadAt(v.head, 0); err != nil {
			return nil, fmt.Errorf("journal: reading %s: %w", path, err)
		}
		if _, err := f.ReadAt(v.rest, v.restAt); err != nil {
			return nil, fmt.Errorf("journal: reading %s: %w", path, err)
		}
	}
	t, err := tail(v, from, path, mapped, time.Now(), id)
	if err != nil {
		return nil, fmt.Errorf("journal: reading %s: %w", path, err)
	}
	t.Size = size
	return t, nil
}

// mapMin is the least to read that is worth mapping the file.
const mapMin = 1 << 20

// view is what ReadTail holds of the file: its first block (head), and
// everything from restAt on (rest). The two may be one mapping.
type view struct {
	head, rest []byte
	restAt     int64
}

// from is the file from offset off on; off is at or past restAt.
func (v view) from(off int64) []byte { return v.rest[off-v.restAt:] }

// sum is a Mark's hash of the bytes before offset: their first block (in
// head) and their last (at or past restAt).
func (v view) sum(offset int64) [sha256.Size]byte {
	h := sha256.New()
	h.Write(v.head[:min(offset, sumBlock)])
	last := max(0, offset-sumBlock)
	h.Write(v.rest[last-v.restAt : offset-v.restAt])
	var s [sha256.Size]byte
	h.Sum(s[:0])
	return s
}

// tail reads the file that v holds from the Mark on.
func tail(v view, from Mark, name string, mapped bool, now time.Time, id [2]uint64) (_ *Tail, err error) {
	if mapped {
		// A fault in reading the mapping is a file cut short meanwhile.
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer catchFault(&err)
	}
	if from.Offset > 0 && v.sum(from.Offset) != from.Sum {
		return nil, ErrMoved
	}
	rest := v.from(from.Offset)
	res, err := parseAt(rest, name, mapped, now, min(runtime.GOMAXPROCS(0), 8, len(rest)/partMin+1), from.Lines)
	if err != nil {
		return nil, err
	}
	t := &Tail{Records: res.recs, Warnings: res.warns, Ahead: res.ahead, End: from, Whole: len(res.recs)}
	whole := bytes.LastIndexByte(rest, '\n') + 1 // 0 when no line ended
	if whole > 0 {
		t.End = Mark{Offset: from.Offset + int64(whole), Lines: from.Lines + bytes.Count(rest[:whole], []byte{'\n'}), File: id}
		t.End.Sum = v.sum(t.End.Offset)
	}
	if whole < len(rest) {
		// The unfinished last line is not before End.
		for t.Whole > 0 && int(t.Records[t.Whole-1].Line) > t.End.Lines {
			t.Whole--
		}
	}
	return t, nil
}

// Check reports at once what Read would refuse the journal at path for:
// anything but a regular file (with what to do), or a file that cannot
// be opened. A missing file is an empty journal, and fine. The coach
// checks this before it starts, and reads the journal after its first
// screen.
func Check(path string) error {
	f, err := regfile.Open(path, os.O_RDONLY, 0)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return openError(err)
	}
	return f.Close()
}
