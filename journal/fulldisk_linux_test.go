package journal

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// smallDisk mounts a tmpfs of size bytes for the test and returns its
// folder. A full disk cannot be had any other way for root, whom file
// modes do not stop. Where mounting is not permitted (no root, a
// container without CAP_SYS_ADMIN) the test is skipped, saying why.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size+",mode=0700"); err != nil {
		t.Skipf("cannot mount a %s tmpfs to fill (needs root with CAP_SYS_ADMIN): %v", size, err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmounting %s: %v", dir, err)
		}
	})
	return dir
}

// On a disk that really fills up, a failed Append leaves the journal as
// it was, byte for byte, and a retry once there is room records the
// batch once.
func TestAppendOnAFullDisk(t *testing.T) {
	disk := smallDisk(t, "16k")
	j, err := Open(disk)
	if err != nil {
		t.Fatal(err)
	}
	// Another file takes most of the room, so that the journal fills it
	// in a few batches.
	filler := filepath.Join(disk, "filler")
	if err := os.WriteFile(filler, make([]byte, 8<<10), 0o600); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	var before []byte
	var appendErr error
	done := 0
	for i := range 100 {
		before, _ = os.ReadFile(j.Path())
		if appendErr = j.Append(batch("s"+string(rune('a'+i%26)), at.Add(time.Duration(i)*time.Hour))...); appendErr != nil {
			break
		}
		done++
	}
	if !errors.Is(appendErr, syscall.ENOSPC) {
		t.Fatalf("after %d batches: %v, want no space left on device", done, appendErr)
	}
	after, _ := os.ReadFile(j.Path())
	if !bytes.Equal(after, before) {
		t.Fatalf("the failed batch left %d bytes behind", len(after)-len(before))
	}
	recs, warns := mustRead(t, j.Path())
	if len(warns) != 0 || len(recs) != 5*done {
		t.Fatalf("%d records (want %d), warnings %v", len(recs), 5*done, warns)
	}
	// Room again: the retry is whole, and counted once.
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if err := j.Append(batch("retry", at.Add(1000*time.Hour))...); err != nil {
		t.Fatal(err)
	}
	recs, warns = mustRead(t, j.Path())
	if len(warns) != 0 || len(recs) != 5*done+5 || recs[len(recs)-5].Session != "retry" {
		t.Fatalf("after the retry: %d records (want %d), warnings %v", len(recs), 5*done+5, warns)
	}
}
