// Package journal keeps limber's history: one append-only JSON Lines file in
// which every event of a session is a line, written and synced before the
// screen moves on. Nothing else is stored; the current state is derived by
// replaying the file, so there is nothing to fall out of step with it.
package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"limber/regfile"
)

// Journal appends records to journal.jsonl. It holds no open file and no
// state, so any number of Journals and processes may share one file: each
// Append opens, locks, writes, syncs and closes.
type Journal struct{ path string }

// Open prepares the data directory dir. The file itself is created by the
// first Append, so merely looking (limber history) leaves no trace.
func Open(dir string) (*Journal, error) {
	if dir == "" {
		return nil, errors.New("journal: no data directory given")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("journal: cannot create the data directory: %w", err)
	}
	return &Journal{path: Path(dir)}, nil
}

// Path is the journal file's path.
func (j *Journal) Path() string { return j.path }

// Append writes recs as one line each, durably: when it returns nil the lines
// are on disk. All records go in one write under an exclusive lock, so
// another process's lines never land in the middle of them. A record with V
// zero gets SchemaVersion; an invalid record, or one the reader would skip
// (Check), fails the whole call before anything is written. A call is all or nothing: when the write fails (a
// full disk), the file is cut back to the length it had before it, under
// the same lock, so nothing of the call is left behind. What was there
// before is never changed.
func (j *Journal) Append(recs ...Record) error {
	if len(recs) == 0 {
		return nil
	}
	now := time.Now()
	var buf bytes.Buffer
	buf.WriteByte('\n') // room to end a torn last line; dropped when not needed
	for i := range recs {
		r := recs[i] // a copy: filling V must not touch the caller's slice
		if r.V == 0 {
			r.V = SchemaVersion
		}
		if err := r.Validate(); err != nil {
			return fmt.Errorf("journal: refusing to append a record with %v (record %d of %d, kind %q)", err, i+1, len(recs), r.Kind)
		}
		// What the reader would skip is never written.
		if msg := r.Check(now); msg != "" {
			return fmt.Errorf("journal: refusing to append record %d of %d, %s", i+1, len(recs), strings.TrimPrefix(msg, "skipped "))
		}
		if err := encodeRecord(&buf, &r); err != nil {
			return fmt.Errorf("journal: encoding record %d of %d: %w", i+1, len(recs), err)
		}
	}

	// O_RDWR rather than O_WRONLY so that the last byte can be read back
	// under the same lock; O_APPEND still sends every write to the end.
	// A FIFO, device or folder named journal.jsonl is refused, never
	// written into.
	f, err := regfile.Open(j.path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return openError(err)
	}
	defer f.Close() // after an error only; the normal path closes below
	if err := lock(f, true); err != nil {
		return fmt.Errorf("journal: locking %s: %w", j.path, err)
	}
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	size := fi.Size()
	data := buf.Bytes()[1:]
	if size > 0 {
		var last [1]byte
		if _, err := f.ReadAt(last[:], size-1); err != nil {
			return fmt.Errorf("journal: reading the end of %s: %w", j.path, err)
		}
		if last[0] != '\n' {
			data = buf.Bytes() // an earlier crash left a torn line: end it first
		}
	}
	if err := writeAndSync(f, data); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is in the message already
		}
		// All or nothing: a retry must not find half of this call (a
		// set twice, or a torn line). Still under the lock, so no other
		// writer's lines can be behind ours.
		if cut := cutBack(f, size); cut != nil {
			return fmt.Errorf("journal: writing %s: %w; cutting it back to where it was failed too (%v), so the journal may end in a damaged line, which the next read skips", j.path, err, cut)
		}
		return fmt.Errorf("journal: writing %s: %w; nothing of it was kept", j.path, err)
	}
	if size == 0 {
		// The file is probably new: sync its directory entry too, or a
		// crash could lose the whole file along with the record.
		if err := syncDir(filepath.Dir(j.path)); err != nil {
			return fmt.Errorf("journal: syncing the data directory: %w", err)
		}
	}
	if err := unlock(f); err != nil {
		return fmt.Errorf("journal: unlocking %s: %w", j.path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("journal: closing %s: %w", j.path, err)
	}
	return nil
}

// writeAndSync writes data in one write and makes it durable. A test
// replaces it to fail part-way, as a full disk does.
var writeAndSync = func(f *os.File, data []byte) error {
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Sync()
}

// cutBack truncates f to size, the length it had before a failed write,
// and makes that durable.
func cutBack(f *os.File, size int64) error {
	if err := f.Truncate(size); err != nil {
		return err
	}
	return f.Sync()
}

// encodeRecord appends r as one JSON line. HTML escaping is off so that a
// person reading the file sees "<" and "&" as typed.
func encodeRecord(buf *bytes.Buffer, r *Record) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return enc.Encode(r) // Encode ends the line with '\n' and never emits a raw one inside
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
