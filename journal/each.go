package journal

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"time"

	"limber/regfile"
)

// eachBuffer is how much of the journal Each holds at a time.
const eachBuffer = 64 << 10

// Each calls fn with every record of the journal at path that Read would
// return, in file order, with its Line, reading the file a block at a
// time: what lists the whole journal (limber history) holds one record,
// never the journal. It reads the first size bytes only (a journal grows
// at its end, so they do not change): the part a replay already read, so
// that the two agree. Where want is not nil, lines it refuses are not
// decoded at all. The record passed to fn is reused: fn must copy what it
// keeps. An error from fn stops Each and is returned. No lock is held: a
// reader that writes to a slow pipe must not keep the coach from
// recording.
func Each(path string, size int64, want func(line []byte) bool, fn func(r *Record) error) error {
	f, err := regfile.Open(path, os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return openError(err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(io.LimitReader(f, size), eachBuffer)
	d := newDecoder()
	d.now = time.Now()
	var (
		rec  Record
		long []byte // a line longer than the buffer, gathered
	)
	for n := 1; ; n++ {
		line, err := br.ReadSlice('\n')
		for errors.Is(err, bufio.ErrBufferFull) {
			long = append(long, line...)
			line, err = br.ReadSlice('\n')
		}
		if long != nil {
			line, long = append(long, line...), nil
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("journal: reading %s: %w", path, err)
		}
		if len(line) == 0 && err == io.EOF {
			return nil
		}
		whole := len(line) > 0 && line[len(line)-1] == '\n'
		if n == 1 {
			line = trimBOM(line)
		}
		if t := trimSpace(line); len(t) > 0 && (want == nil || want(t)) {
			rec = Record{}
			if msg := d.decode(t, &rec, whole); msg == "" {
				rec.Line = int32(min(n, math.MaxInt32))
				if err := fn(&rec); err != nil {
					return err
				}
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// trimBOM drops an editor's byte-order mark from the file's first line.
func trimBOM(line []byte) []byte {
	if len(line) >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF {
		return line[3:]
	}
	return line
}
