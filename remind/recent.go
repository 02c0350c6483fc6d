package remind

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"time"

	"limber/journal"
	"limber/regfile"
)

// Recent returns the records of the journal at path that Summarize needs
// at now: every record of every session that began since Since(now),
// read from the end of the file backwards, so that a ten-year journal
// costs what its last five weeks cost. It is the one place status reads
// the journal; a state cache can take its place.
//
// The file is in the order records were written. The coach writes a
// routine's records as they happen, so a routine's session_start is
// stamped with the time it was written; limber log may back-fill a past
// time, but its sessions belong to no routine and Summarize never counts
// them. So once Recent has passed a routine's session_start from before
// Since(now) (less a day, for a clock set back or a change of time zone),
// everything earlier in the file was written before then. It reads on
// while a routine's session seen so far has not shown its session_start:
// a session that began earlier and went on into the window.
//
// A missing file is an empty journal. Lines that cannot be read are
// skipped, as journal.Read skips them; status says nothing of them.
// Recent takes no lock: a prompt must never wait on a session being
// saved, and a line caught half written is skipped this once.
func Recent(path string, now time.Time) ([]journal.Record, error) {
	f, err := regfile.Open(path, os.O_RDONLY, 0) // never waits on a FIFO
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case errors.Is(err, regfile.ErrNotRegular):
		return nil, fmt.Errorf("%s is not a regular file", path)
	case err != nil:
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return recent(f, fi.Size(), path, Since(now).Add(-24*time.Hour), firstBlock)
}

// firstBlock is the first read from the end: about a week of a busy
// journal. Each further read doubles, up to maxBlock.
const (
	firstBlock = 64 << 10
	maxBlock   = 4 << 20
)

// recent reads r backwards from size, block bytes first, until the stop
// rule holds at a record older than cutoff, and returns the records from
// there on, in file order.
func recent(r io.ReaderAt, size int64, name string, cutoff time.Time, block int64) ([]journal.Record, error) {
	var chunks [][]journal.Record // newest first
	var carry []byte              // the start of a line whose end was read already
	open := map[string]bool{}     // routine sessions not yet seen to start
	started := map[string]bool{}
	passed := false // a routine's session_start older than cutoff was seen
	end := size
	for end > 0 {
		start := max(0, end-block)
		buf := make([]byte, end-start, end-start+int64(len(carry)))
		if _, err := r.ReadAt(buf, start); err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		buf = append(buf, carry...)
		carry = nil
		if start > 0 {
			i := bytes.IndexByte(buf, '\n')
			if i < 0 { // one line longer than the block
				carry, end, block = buf, start, min(2*block, maxBlock)
				continue
			}
			carry, buf = buf[:i+1], buf[i+1:]
		}
		recs, _, err := journal.ReadFrom(bytes.NewReader(buf), name)
		if err != nil {
			return nil, err
		}
		for i := len(recs) - 1; i >= 0; i-- {
			rec := &recs[i]
			switch {
			case rec.Kind == journal.KindSessionStart:
				started[rec.Session] = true
				delete(open, rec.Session)
				if rec.Routine != "" && rec.At.Before(cutoff) {
					passed = true
				}
			case rec.Routine != "" && !started[rec.Session]:
				open[rec.Session] = true
			}
			if passed && len(open) == 0 {
				return join(append(chunks, recs[i:])), nil
			}
		}
		chunks = append(chunks, recs)
		end, block = start, min(2*block, maxBlock)
		if start == 0 {
			break
		}
	}
	return join(chunks), nil
}

// join puts chunks read newest first back in file order.
func join(chunks [][]journal.Record) []journal.Record {
	n := 0
	for _, c := range chunks {
		n += len(c)
	}
	out := make([]journal.Record, 0, n)
	for _, c := range slices.Backward(chunks) {
		out = append(out, c...)
	}
	return out
}
