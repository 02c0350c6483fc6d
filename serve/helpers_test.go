package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"limber/exercises"
	"limber/journal"
)

// screenTimeout is how long a test waits for a screen. Generous: the
// tests run with -race on two shared cores.
const screenTimeout = 20 * time.Second

// testLibrary is serve/testdata/lib: one short routine.
func testLibrary(t testing.TB) *exercises.Library {
	t.Helper()
	lib, errs := exercises.Load(exercises.PathSource(filepath.Join("testdata", "lib")))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

// person is a key and a line of the keys file.
type person struct {
	name   string
	role   Role
	signer gossh.Signer
}

func newPerson(t testing.TB, name string, role Role) *person {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return &person{name: name, role: role, signer: s}
}

func (p *person) line() string {
	l := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(p.signer.PublicKey()))) + " " + p.name
	if p.role == Therapist {
		l = "limber-role=therapist " + l
	}
	return l
}

func writeKeys(t testing.TB, path string, people ...*person) {
	t.Helper()
	var b strings.Builder
	b.WriteString("# limber serve keys for a test\n")
	for _, p := range people {
		b.WriteString(p.line() + "\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}

// testServer is a real server on 127.0.0.1, with its log.
type testServer struct {
	*Server
	t    testing.TB
	addr string
	log  *syncBuffer
	done chan error
	once sync.Once
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServer serves the people on a free loopback port; the test's end
// shuts it down.
func startServer(t testing.TB, dataDir string, tweak func(*Config), people ...*person) *testServer {
	t.Helper()
	keys := filepath.Join(t.TempDir(), "keys")
	writeKeys(t, keys, people...)
	log := &syncBuffer{}
	cfg := Config{KeysFile: keys, DataDir: dataDir, Idle: time.Minute, MaxSessions: DefaultMaxSessions,
		Library: testLibrary(t), Speed: 50, Log: log, ProbeTimeout: 2 * time.Second}
	if tweak != nil {
		tweak(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: s, t: t, addr: ln.Addr().String(), log: log, done: make(chan error, 1)}
	go func() { ts.done <- s.Serve(ln) }()
	t.Cleanup(func() { ts.stop() })
	return ts
}

// stop shuts the server down, as SIGTERM does.
func (ts *testServer) stop() {
	ts.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if err := ts.Shutdown(ctx); err != nil {
			ts.t.Errorf("shutdown: %v", err)
		}
		select {
		case err := <-ts.done:
			if err != nil {
				ts.t.Errorf("serve: %v", err)
			}
		case <-time.After(5 * time.Second):
			ts.t.Errorf("Serve did not return after Shutdown")
		}
	})
}

// dial connects with the given authentication methods.
func dial(addr string, user string, hostKey gossh.HostKeyCallback, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	if hostKey == nil {
		hostKey = gossh.InsecureIgnoreHostKey()
	}
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{User: user, Auth: auth, HostKeyCallback: hostKey, Timeout: 10 * time.Second})
}

// term is one person at their terminal: an SSH session with a PTY and
// the small terminal that draws what the server sends.
type term struct {
	t      testing.TB
	name   string
	client *gossh.Client
	sess   *gossh.Session
	stdin  interface{ Write([]byte) (int, error) }
	vt     *vt
	ended  chan struct{} // the session's output ended
	last   string        // the screen the last wait returned
}

// connect opens a terminal of w×h for p. bg, when set, is the background
// colour the terminal reports.
func (ts *testServer) connect(p *person, w, h int, bg string) *term {
	ts.t.Helper()
	return ts.connectAs(ts.t, p, w, h, bg)
}

// connectAs is connect, failing through t.
func (ts *testServer) connectAs(t testing.TB, p *person, w, h int, bg string) *term {
	t.Helper()
	c, err := dial(ts.addr, "anyone", nil, gossh.PublicKeys(p.signer))
	if err != nil {
		t.Fatalf("%s: dial: %v", p.name, err)
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatalf("%s: session: %v", p.name, err)
	}
	v := newVT(w, h)
	v.bg = bg
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	v.reply = func(b []byte) { stdin.Write(b) }
	tm := &term{t: t, name: p.name, client: c, sess: sess, stdin: stdin, vt: v, ended: make(chan struct{})}
	out, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatalf("%s: pty: %v", p.name, err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatalf("%s: shell: %v", p.name, err)
	}
	go func() {
		buf := make([]byte, 32*1024)
		for {
			n, err := out.Read(buf)
			if n > 0 {
				v.Write(buf[:n])
			}
			if err != nil {
				close(tm.ended)
				return
			}
		}
	}()
	t.Cleanup(func() { c.Close() })
	return tm
}

// keys types keys, each on its own: "enter", "space", "esc", "up",
// "down", "ctrl+c", or characters.
func (tm *term) keys(ks ...string) {
	for _, k := range ks {
		seq := map[string]string{"enter": "\r", "space": " ", "esc": "\x1b", "up": "\x1b[A", "down": "\x1b[B", "right": "\x1b[C", "left": "\x1b[D", "ctrl+c": "\x03", "ctrl+z": "\x1a"}[k]
		if seq == "" {
			seq = k
		}
		if _, err := tm.stdin.Write([]byte(seq)); err != nil {
			tm.t.Fatalf("%s: typing %q: %v", tm.name, k, err)
		}
		if len(ks) > 1 {
			time.Sleep(15 * time.Millisecond) // keys apart, as a person types them
		}
	}
}

// waitFor waits until the screen shows text, and returns the screen.
func (tm *term) waitFor(text string) string {
	tm.t.Helper()
	scr, ok := tm.await(func(s string) bool { return strings.Contains(s, text) }, screenTimeout)
	if !ok {
		tm.t.Fatalf("%s: waited %v for %q; the screen:\n%s", tm.name, screenTimeout, text, scr)
	}
	return scr
}

// waitChange waits until the screen differs from the last one returned.
func (tm *term) waitChange() string {
	tm.t.Helper()
	prev := tm.last
	scr, ok := tm.await(func(s string) bool { return s != prev }, screenTimeout)
	if !ok {
		tm.t.Fatalf("%s: the screen did not change in %v:\n%s", tm.name, screenTimeout, scr)
	}
	return scr
}

// await polls the screen at each write until ok says so.
func (tm *term) await(ok func(string) bool, timeout time.Duration) (string, bool) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		ch := tm.vt.Changed()
		scr := tm.vt.Text()
		if ok(scr) {
			tm.last = scr
			return scr, true
		}
		select {
		case <-ch:
		case <-tm.ended:
			scr = tm.vt.Text()
			tm.last = scr
			return scr, ok(scr)
		case <-deadline.C:
			return scr, false
		}
	}
}

// waitEnd waits for the server to close the session, then closes the
// connection, as ssh does when its session ends.
func (tm *term) waitEnd() {
	tm.t.Helper()
	select {
	case <-tm.ended:
		tm.client.Close()
	case <-time.After(screenTimeout):
		tm.t.Fatalf("%s: the session did not end; the screen:\n%s", tm.name, tm.vt.Text())
	}
}

// readJournal reads a patient's journal from the data directory.
func readJournal(t testing.TB, dataDir, folder string) []journal.Record {
	t.Helper()
	recs, warns, err := journal.Read(journal.Path(filepath.Join(dataDir, patientsDir, folder)))
	if err != nil || len(warns) > 0 {
		t.Fatalf("journal of %s: %v %v", folder, err, warns)
	}
	return recs
}

func kinds(recs []journal.Record) string {
	var k []string
	for _, r := range recs {
		s := string(r.Kind)
		if r.Kind == journal.KindSessionEnd {
			s += "(" + r.Outcome + ")"
		}
		k = append(k, s)
	}
	return strings.Join(k, ",")
}

// startRoutine goes from the first-start notice (first) or the home
// screen into sv-routine, through the check-in (usual pain 2, no red
// flag), to its first exercise, ready to start.
func (tm *term) startRoutine(first bool) {
	tm.t.Helper()
	if first {
		tm.waitFor("I understand")
		tm.keys("enter")
	}
	tm.waitFor("Serve test routine")
	tm.keys("enter")
	tm.waitFor("How is your usual nerve pain right now?")
	tm.keys("2")
	tm.noFlags()
	tm.waitFor("start when you are ready")
}

// doRoutine does sv-routine from the home screen to the summary and back
// home: the check-in, a hold, two counted reps. It answers effort 3 and
// pain below the usual, so no rung moves.
func (tm *term) doRoutine(first bool) {
	tm.t.Helper()
	tm.startRoutine(first)
	tm.keys("enter")
	tm.waitFor("How hard was that set?")
	tm.keys("3")
	tm.waitFor("How much pain do you have now?")
	tm.keys("1")
	tm.waitFor("Chair lifts")
	tm.waitFor("start when you are ready")
	tm.keys("enter")
	tm.waitFor("press space for each one")
	tm.keys("space", "space", "enter")
	tm.waitFor("How hard was that set?")
	tm.keys("3")
	tm.waitFor("How much pain do you have now?")
	tm.keys("1")
	tm.waitFor("Next time")
	tm.keys("enter")
	tm.waitFor("Routines")
}

// noFlags answers no to each red flag of the check-in.
func (tm *term) noFlags() {
	tm.t.Helper()
	tm.waitFor("have you had any of these?")
	for range 7 {
		tm.keys("n")
		tm.waitChange()
	}
}
