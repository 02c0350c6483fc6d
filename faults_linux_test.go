package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// smallDisk mounts a tmpfs of size (such as "64k") for the test and returns
// its folder. A full disk cannot be had any other way for root, whom file
// modes do not stop. Where mounting is not permitted (no root, a container
// without CAP_SYS_ADMIN) the test is skipped, saying why.
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

// fillDisk fills the disk that holds dir's journal but for slack bytes at
// the end of the journal's last page: the page is topped up with blank
// lines (which every reader skips), then a filler file takes every page
// left. The next write of more than slack bytes then fails part-way, as
// on a disk that fills up during it. It returns the filler, to remove
// when room is wanted again.
func fillDisk(t *testing.T, dir string, slack int) string {
	t.Helper()
	journal := filepath.Join(dir, "journal.jsonl")
	if fi, err := os.Stat(journal); err == nil {
		pad := (4096 - int(fi.Size()%4096) - slack + 4096) % 4096
		f, err := os.OpenFile(journal, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write(bytes.Repeat([]byte{'\n'}, pad)); err != nil {
			t.Fatalf("topping up the journal's last page: %v", err)
		}
		f.Close()
	}
	filler := filepath.Join(dir, "filler")
	f, err := os.Create(filler)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	page := make([]byte, 4096)
	for {
		if _, err := f.Write(page); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			return filler
		}
	}
}

// On a full disk, log exits 1 with the reason in one line and leaves the
// journal as it was, byte for byte; once there is room, the same log
// records the session once.
func TestLogOnAFullDisk(t *testing.T) {
	dir := smallDisk(t, "64k")
	args := []string{"--data-dir", dir, "log", "heel-raises", "--done", "10", "--effort", "2", "--pain", "1", "--at", "2026-01-05T09:00:00Z"}
	if code, _, stderr := limber(t, args...); code != 0 {
		t.Fatalf("the first log: %d %s", code, stderr)
	}
	filler := fillDisk(t, dir, 100)
	before, _ := os.ReadFile(filepath.Join(dir, "journal.jsonl"))
	args[len(args)-1] = "2026-01-06T09:00:00Z"
	code, out, stderr := limber(t, args...)
	if code != 1 || out != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "no space left on device") ||
		!strings.Contains(stderr, "nothing of it was kept") {
		t.Fatalf("log on a full disk: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "journal.jsonl")); !bytes.Equal(after, before) {
		t.Fatalf("the failed log left %d bytes behind", len(after)-len(before))
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := limber(t, args...); code != 0 {
		t.Fatalf("the retry: %d %s", code, stderr)
	}
	code, out, stderr = limber(t, "--data-dir", dir, "history", "--csv")
	if code != 0 || stderr != "" || strings.Count(out, "\n") != 3 || strings.Count(out, "2026-01-06") != 1 {
		t.Errorf("history after the retry: exit %d, stderr %q\n%s", code, stderr, out)
	}
}
