package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestServeFlagsAndKeysFile(t *testing.T) {
	dir := t.TempDir()
	keys := filepath.Join(dir, "keys")
	os.WriteFile(keys, []byte("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ../x\n"), 0o600)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "--help"}, 0, "--max-sessions N"},
		{[]string{"serve", "--data-dir", dir, "--keys", keys}, 1, keys + ":1:"},
		{[]string{"serve", "--data-dir", filepath.Join(dir, "none")}, 1, "no keys file at " + filepath.Join(dir, "none", "keys")},
		{[]string{"serve", "--data-dir", dir, "--keys", keys, "--idle", "0s"}, 1, "--idle 0s is too short"},
		{[]string{"serve", "--data-dir", dir, "--keys", keys, "--max-sessions", "0"}, 1, "--max-sessions 0"},
		{[]string{"serve", "--data-dir", dir, "--keys", keys, "--idle", "soon"}, 2, "--idle"},
		{[]string{"serve", "extra"}, 2, "serve takes no arguments"},
	} {
		var out, errb bytes.Buffer
		code := run(c.args, &out, &errb)
		if code != c.code || !strings.Contains(out.String()+errb.String(), c.want) {
			t.Errorf("%v: exit %d, want %d; %q %q", c.args, code, c.code, out.String(), errb.String())
		}
	}
}

// limber serve answers SIGTERM by closing every session and stopping, and
// SIGHUP by reading the keys file again.
func TestServeSignals(t *testing.T) {
	dir := t.TempDir()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := gossh.NewSignerFromKey(priv)
	keys := filepath.Join(dir, "keys")
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey())))
	os.WriteFile(keys, []byte(line+" Ann Lee\n"), 0o600)
	var errb lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"serve", "--data-dir", dir, "--keys", keys, "--listen", "127.0.0.1:0"}, &bytes.Buffer{}, &errb)
	}()
	addr := waitForLine(t, &errb, regexp.MustCompile(`addr=(127\.0\.0\.1:\d+)`))
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	// A broken keys file on SIGHUP: refused, the old keys stay.
	os.WriteFile(keys, []byte(line+" a/b\n"), 0o600)
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	waitForLine(t, &errb, regexp.MustCompile(`keys file not reloaded.*(a/b)`))
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("limber serve did not stop on SIGTERM: %s", errb.String())
	}
	if !strings.Contains(errb.String(), "msg=stopped") || !strings.Contains(errb.String(), `who="Ann Lee"`) {
		t.Fatalf("log: %s", errb.String())
	}
}

func waitForLine(t *testing.T, b *lockedBuffer, re *regexp.Regexp) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(b.String()); m != nil {
			return m[1]
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no %s in: %s", re, b.String())
	return ""
}
