package serve

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// Unknown keys, passwords and keyboard-interactive never reach a screen.
func TestRefusedBeforeAnyScreen(t *testing.T) {
	data := t.TempDir()
	ann := newPerson(t, "Ann Lee", Patient)
	ts := startServer(t, data, nil, ann)
	stranger := newPerson(t, "Stranger", Patient)
	cases := map[string][]gossh.AuthMethod{
		"unknown key": {gossh.PublicKeys(stranger.signer)},
		"password":    {gossh.Password("ann")},
		"keyboard-interactive": {gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
			t.Error("the server asked a keyboard-interactive question")
			return nil, nil
		})},
		"all three": {gossh.PublicKeys(stranger.signer), gossh.Password("ann"), gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
			return []string{"ann"}, nil
		})},
	}
	for name, auth := range cases {
		c, err := dial(ts.addr, "ann-lee", nil, auth...)
		if err == nil {
			c.Close()
			t.Fatalf("%s: let in", name)
		}
		if !strings.Contains(err.Error(), "unable to authenticate") {
			t.Fatalf("%s: %v", name, err)
		}
	}
	// Each refusal is one log line, without a name.
	waitLog(t, ts, "refused", len(cases))
	for _, l := range logLines(ts, "refused") {
		if strings.Contains(l, "who=") {
			t.Fatalf("a refused connection named someone: %s", l)
		}
	}
	if !strings.Contains(ts.log.String(), Fingerprint(stranger.signer.PublicKey())) {
		t.Fatalf("the unknown key's fingerprint is not in the log, to add it:\n%s", ts.log.String())
	}
	// Ann's own key still works, and her folder holds nothing of theirs.
	a := ts.connect(ann, 80, 24, "")
	a.waitFor("I understand")
	if entries, _ := os.ReadDir(filepath.Join(data, patientsDir)); len(entries) != 1 || entries[0].Name() != "ann-lee" {
		t.Fatalf("patients' folders: %v", entries)
	}
}

// A client that opens a connection and never authenticates is cut off
// after the authentication timeout, not --idle.
func TestSilentConnectionIsCutOff(t *testing.T) {
	ann := newPerson(t, "Ann Lee", Patient)
	ts := startServer(t, t.TempDir(), func(c *Config) { c.AuthTimeout = 300 * time.Millisecond; c.Idle = time.Hour }, ann)
	nc, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	nc.SetReadDeadline(time.Now().Add(10 * time.Second))
	start := time.Now()
	var got bytes.Buffer
	buf := make([]byte, 512)
	for {
		n, err := nc.Read(buf)
		got.Write(buf[:n])
		if err != nil {
			break
		}
	}
	if d := time.Since(start); d > 5*time.Second || !strings.HasPrefix(got.String(), "SSH-2.0-limber") {
		t.Fatalf("closed after %v; read %q", d, got.String())
	}
	waitLog(t, ts, "refused", 1)
}

// The host key is made once, readable by its owner only, and is the same
// after a restart.
func TestHostKeySurvivesARestart(t *testing.T) {
	data := t.TempDir()
	ann := newPerson(t, "Ann Lee", Patient)
	var seen []string
	record := func(_ string, _ net.Addr, k gossh.PublicKey) error {
		seen = append(seen, gossh.FingerprintSHA256(k))
		return nil
	}
	for i := range 2 {
		ts := startServer(t, data, nil, ann)
		c, err := dial(ts.addr, "x", record, gossh.PublicKeys(ann.signer))
		if err != nil {
			t.Fatal(err)
		}
		c.Close()
		if got := Fingerprint(ts.HostKey()); got != seen[i] {
			t.Fatalf("the server says %s, the client saw %s", got, seen[i])
		}
		ts.stop()
	}
	if seen[0] != seen[1] {
		t.Fatalf("the host key changed across a restart: %s then %s", seen[0], seen[1])
	}
	fi, err := os.Stat(filepath.Join(data, HostKeyFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("host key: %v, mode %v", err, fi.Mode())
	}
	// A key others can read is refused, as sshd refuses it.
	os.Chmod(filepath.Join(data, HostKeyFile), 0o644)
	keys := filepath.Join(t.TempDir(), "keys")
	writeKeys(t, keys, ann)
	_, err = New(Config{KeysFile: keys, DataDir: data, Idle: time.Minute, MaxSessions: 1, Library: testLibrary(t)})
	if err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a readable host key: %v", err)
	}
}

// Without a terminal, or with a command, the coach does not start.
func TestNoTerminalNoCommand(t *testing.T) {
	ann := newPerson(t, "Ann Lee", Patient)
	ts := startServer(t, t.TempDir(), nil, ann)
	c, err := dial(ts.addr, "x", nil, gossh.PublicKeys(ann.signer))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, cmd := range []string{"", "cat /etc/passwd"} {
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		sess.Stdout = &out
		if cmd == "" {
			err = sess.Shell()
			if err == nil {
				err = sess.Wait()
			}
		} else {
			err = sess.Run(cmd)
		}
		want := map[string]string{"": "the coach needs a terminal", "cat /etc/passwd": "runs the coach only"}[cmd]
		if err == nil || !strings.Contains(out.String(), want) {
			t.Fatalf("%q: %v, %q", cmd, err, out.String())
		}
	}
}

func logLines(ts *testServer, word string) []string {
	var out []string
	for _, l := range strings.Split(ts.log.String(), "\n") {
		if strings.Contains(l, word) {
			out = append(out, l)
		}
	}
	return out
}

// waitLog waits for n log lines holding word.
func waitLog(t *testing.T, ts *testServer, word string, n int) {
	t.Helper()
	deadline := time.Now().Add(screenTimeout)
	for len(logLines(ts, word)) < n {
		if time.Now().After(deadline) {
			t.Fatalf("waited for %d log lines with %q:\n%s", n, word, ts.log.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
