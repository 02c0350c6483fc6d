package journal

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func tailFile(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(path, []byte(strings.Join(lines, "")), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func addTo(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString(text)
}

const (
	tailA = `{"v":1,"kind":"session_start","at":"2026-01-05T09:00:00Z","session":"a"}` + "\n"
	tailB = `{"v":1,"kind":"session_end","at":"2026-01-05T09:10:00Z","session":"a","outcome":"finished"}` + "\n"
	tailC = `{"v":1,"kind":"session_start","at":"2026-01-06T09:00:00Z","session":"c"}` + "\n"
)

// ReadTail from a Mark reads only the lines after it, numbered from the
// start of the file, and gives the Mark to read on from.
func TestReadTailReadsOnFromItsMark(t *testing.T) {
	path := tailFile(t, tailA, "garbage\n", tailB)
	all, err := ReadTail(path, Mark{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Records) != 2 || all.Whole != 2 || len(all.Warnings) != 1 || all.Warnings[0].Line != 2 || all.End.Lines != 3 ||
		all.End.Offset != int64(len(tailA)+len("garbage\n")+len(tailB)) {
		t.Fatalf("%+v", all)
	}
	addTo(t, path, "more garbage\n"+tailC)
	more, err := ReadTail(path, all.End)
	if err != nil {
		t.Fatal(err)
	}
	if len(more.Records) != 1 || more.Records[0].Session != "c" || more.Records[0].Line != 5 ||
		len(more.Warnings) != 1 || more.Warnings[0].Line != 4 || more.Warnings[0].File != path || more.End.Lines != 5 {
		t.Errorf("%+v", more)
	}
	// Nothing new: nothing read, the same Mark.
	again, err := ReadTail(path, more.End)
	if err != nil || len(again.Records) != 0 || again.End != more.End {
		t.Errorf("%+v %v", again, err)
	}
}

// A last line with no newline is read, but after the Mark it gives: it
// may still be being written.
func TestReadTailLeavesAnUnfinishedLineAfterItsMark(t *testing.T) {
	path := tailFile(t, tailA, strings.TrimSuffix(tailC, "\n"))
	tl, err := ReadTail(path, Mark{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Records) != 2 || tl.Whole != 1 || tl.End.Offset != int64(len(tailA)) || tl.End.Lines != 1 {
		t.Errorf("%d records, %d whole, end %+v", len(tl.Records), tl.Whole, tl.End)
	}
	// No line ended at all: nothing before the Mark.
	path = tailFile(t, strings.TrimSuffix(tailA, "\n"))
	if tl, err := ReadTail(path, Mark{}); err != nil || tl.Whole != 0 || len(tl.Records) != 1 || tl.End.Offset != 0 {
		t.Errorf("%+v %v", tl, err)
	}
}

// A journal shorter than the Mark, changed before it, another file in its
// place or gone is ErrMoved.
func TestReadTailRefusesAMovedJournal(t *testing.T) {
	for name, change := range map[string]func(path string){
		"shorter": func(path string) { os.Truncate(path, 10) },
		"changed": func(path string) {
			data, _ := os.ReadFile(path)
			os.WriteFile(path, []byte(strings.Replace(string(data), `"a"`, `"b"`, 1)), 0o600)
		},
		"another file": func(path string) {
			data, _ := os.ReadFile(path)
			os.WriteFile(path+".new", data, 0o600)
			os.Rename(path+".new", path)
		},
		"gone": func(path string) { os.Remove(path) },
	} {
		path := tailFile(t, tailA, tailB)
		tl, err := ReadTail(path, Mark{})
		if err != nil {
			t.Fatal(err)
		}
		change(path)
		if _, err := ReadTail(path, tl.End); !errors.Is(err, ErrMoved) {
			t.Errorf("%s: %v, want ErrMoved", name, err)
		}
	}
}

// Ahead is the time of the earliest record skipped for being dated more
// than a day ahead of the clock.
func TestReadTailNotesRecordsAheadOfTheClock(t *testing.T) {
	soon, later := time.Now().Add(Ahead+time.Hour).UTC(), time.Now().Add(Ahead+48*time.Hour).UTC()
	line := func(at time.Time) string {
		return `{"v":1,"kind":"session_start","at":"` + at.Format(time.RFC3339Nano) + `","session":"f"}` + "\n"
	}
	path := tailFile(t, tailA, line(later), line(soon))
	tl, err := ReadTail(path, Mark{})
	if err != nil {
		t.Fatal(err)
	}
	if !tl.Ahead.Equal(soon) || len(tl.Records) != 1 || len(tl.Warnings) != 2 {
		t.Errorf("ahead %v, want %v; %d records, %d warnings", tl.Ahead, soon, len(tl.Records), len(tl.Warnings))
	}
	if tl, _ := ReadTail(tailFile(t, tailA), Mark{}); !tl.Ahead.IsZero() {
		t.Errorf("ahead %v in a journal with nothing ahead", tl.Ahead)
	}
}

// A big journal is mapped and a small tail read; both give what Read gives.
func TestReadTailMappedOrRead(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 2*mapMin; i++ {
		b.WriteString(`{"v":1,"kind":"session_start","at":"2026-01-05T09:00:00Z","session":"s` + strings.Repeat("x", i%50) + `"}` + "\n")
	}
	path := tailFile(t, b.String())
	all, err := ReadTail(path, Mark{}) // over mapMin: mapped
	if err != nil {
		t.Fatal(err)
	}
	recs, _, _ := Read(path)
	if len(all.Records) != len(recs) || all.End.Offset != int64(b.Len()) {
		t.Fatalf("%d records of %d, end %d of %d", len(all.Records), len(recs), all.End.Offset, b.Len())
	}
	// From a Mark half-way: read, not mapped, and the same Mark at the end.
	firstHalf := b.String()[:strings.Index(b.String()[b.Len()/2:], "\n")+b.Len()/2+1]
	os.WriteFile(path, []byte(firstHalf), 0o600)
	half, err := ReadTail(path, Mark{})
	if err != nil {
		t.Fatal(err)
	}
	addTo(t, path, b.String()[half.End.Offset:])
	rest, err := ReadTail(path, half.End)
	if err != nil {
		t.Fatal(err)
	}
	if len(half.Records)+len(rest.Records) != len(recs) || rest.End != all.End || rest.Records[0].Line != int32(half.End.Lines+1) {
		t.Errorf("%d+%d records of %d; end %+v, want %+v", len(half.Records), len(rest.Records), len(recs), rest.End, all.End)
	}
}
