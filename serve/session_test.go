package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A second patient has their own coach over their own journal: nothing
// of the first shows, and nothing of the first changes.
func TestSecondPatientSeesOnlyTheirOwn(t *testing.T) {
	data := t.TempDir()
	ann := newPerson(t, "Ann Lee", Patient)
	bob := newPerson(t, "Bob Stone", Patient)
	ts := startServer(t, data, nil, ann, bob)
	a := ts.connect(ann, 80, 24, "")
	a.doRoutine(true)
	annPath := filepath.Join(data, patientsDir, "ann-lee", "journal.jsonl")
	before, err := os.ReadFile(annPath)
	if err != nil {
		t.Fatal(err)
	}

	b := ts.connect(bob, 80, 24, "")
	b.waitFor("I understand") // his own first start: her notice-seen is hers
	b.keys("enter")
	scr := b.waitFor("Routines")
	if strings.Contains(scr, "done today") || strings.Contains(scr, "All done") {
		t.Fatalf("Bob's home shows Ann's session:\n%s", scr)
	}
	b.keys("g")
	scr = b.waitFor("Progress")
	if !strings.Contains(scr, "Nothing recorded yet") && !strings.Contains(scr, "No sessions") {
		t.Fatalf("Bob's progress is not empty:\n%s", scr)
	}
	b.keys("b")
	b.doRoutine(false)
	after, _ := os.ReadFile(annPath)
	if string(after) != string(before) {
		t.Fatal("Ann's journal changed during Bob's session")
	}
	if got := kinds(readJournal(t, data, "bob-stone")); !strings.HasSuffix(got, "session_end(finished)") {
		t.Fatalf("Bob's journal: %s", got)
	}
	// The therapist's placement is the therapist's: a patient's card has no a.
	b.keys("l")
	b.waitFor("Chair lifts")
	b.keys("enter")
	scr = b.waitFor("Steps")
	if strings.Contains(scr, "adjust") {
		t.Fatalf("a patient's card offers the placement:\n%s", scr)
	}
	b.keys("a")
	if scr, moved := b.await(func(s string) bool { return strings.Contains(s, "Place on") }, 300*time.Millisecond); moved {
		t.Fatalf("a patient could place himself on a rung:\n%s", scr)
	}
	for _, dir := range []string{"ann-lee", "bob-stone"} {
		fi, err := os.Stat(filepath.Join(data, patientsDir, dir))
		if err != nil || fi.Mode().Perm()&0o077 != 0 {
			t.Fatalf("%s: %v %v", dir, err, fi.Mode())
		}
	}
}

// --idle: a session with nothing either way is closed, its open coach
// session recorded as quit; activity keeps it open.
func TestIdleSessionCloses(t *testing.T) {
	data := t.TempDir()
	ann := newPerson(t, "Ann Lee", Patient)
	idle := 1500 * time.Millisecond
	ts := startServer(t, data, func(c *Config) { c.Idle = idle }, ann)
	a := ts.connect(ann, 80, 24, "")
	a.waitFor("I understand")
	a.keys("enter")
	a.waitFor("Serve test routine")
	a.keys("enter")
	a.waitFor("How is your usual nerve pain right now?")
	// Keys at two thirds of --idle, three times: still open at twice it.
	for i := range 3 {
		time.Sleep(idle * 2 / 3)
		select {
		case <-a.ended:
			t.Fatalf("closed after %d keys:\n%s\n%s", i, a.vt.Raw(), ts.log.String())
		default:
		}
		a.keys("right")
		a.waitChange()
	}
	select {
	case <-a.ended:
		t.Fatal("closed while the patient was active")
	default:
	}
	a.keys("2")
	a.noFlags()
	a.waitFor("start when you are ready")
	start := time.Now()
	a.waitEnd()
	if d := time.Since(start); d < idle-100*time.Millisecond || d > idle+3*time.Second {
		t.Fatalf("closed after %v of nothing, --idle %v", d, idle)
	}
	if !strings.Contains(a.vt.Raw(), "closed after a long time with nothing done. What you did is saved.") {
		t.Fatalf("no word about why:\n%s", a.vt.Text())
	}
	if got := kinds(readJournal(t, data, "ann-lee")); got != "session_start,session_end(quit)" {
		t.Fatalf("journal: %s", got)
	}
	waitLog(t, ts, "end=idle", 1)
}

// --max-sessions: the next connection hears that the server is full.
func TestSessionCap(t *testing.T) {
	for _, max := range []int{1, 2, 3} {
		data := t.TempDir()
		var people []*person
		for i := range 4 {
			people = append(people, newPerson(t, "Patient "+string(rune('A'+i)), Patient))
		}
		ts := startServer(t, data, func(c *Config) { c.MaxSessions = max }, people...)
		for i := range max {
			ts.connect(people[i], 80, 24, "").waitFor("I understand")
		}
		full := ts.connect(people[max], 80, 24, "")
		full.waitEnd()
		if got := full.vt.Raw(); !strings.Contains(got, "the server is full, try again later") || strings.Contains(got, "I understand") {
			t.Fatalf("max %d: the next one got %q", max, got)
		}
		waitLog(t, ts, "end=\"server full\"", 1)
		ts.stop()
	}
}

// SIGTERM (Shutdown): every session closes cleanly; an open coach session
// records its end as quit; what was done is on disk.
func TestShutdownClosesSessions(t *testing.T) {
	data := t.TempDir()
	ann := newPerson(t, "Ann Lee", Patient)
	ruth := newPerson(t, "Ruth Jones", Therapist)
	ts := startServer(t, data, nil, ann, ruth)
	a := ts.connect(ann, 80, 24, "")
	r := ts.connect(ruth, 100, 30, "")
	r.waitFor("Patients")
	a.startRoutine(true)
	a.keys("enter")
	a.waitFor("How hard was that set?")
	a.keys("3")
	a.waitFor("How much pain do you have now?")
	start := time.Now()
	ts.stop()
	a.waitEnd()
	r.waitEnd()
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("shutdown took %v", d)
	}
	if !strings.Contains(a.vt.Raw(), "the clinic's server is stopping. What you did is saved") {
		t.Fatalf("no word to the patient:\n%s", a.vt.Text())
	}
	if got := kinds(readJournal(t, data, "ann-lee")); got != "session_start,set,session_end(quit)" {
		t.Fatalf("journal: %s", got)
	}
	if n := len(logLines(ts, "end=shutdown")); n != 2 {
		t.Fatalf("%d shutdown lines:\n%s", n, ts.log.String())
	}
}

// One patient, one live session: connecting again closes the older one,
// whose open session is recorded as quit before the new one reads.
func TestReconnectTakesOver(t *testing.T) {
	data := t.TempDir()
	ann := newPerson(t, "Ann Lee", Patient)
	ts := startServer(t, data, nil, ann)
	a := ts.connect(ann, 80, 24, "")
	a.startRoutine(true)
	a2 := ts.connect(ann, 80, 24, "")
	a.waitEnd()
	if !strings.Contains(a.vt.Raw(), "you connected again from another window") {
		t.Fatalf("the old window was not told:\n%s", a.vt.Text())
	}
	a2.waitFor("Routines")
	if got := kinds(readJournal(t, data, "ann-lee")); got != "session_start,session_end(quit)" {
		t.Fatalf("journal: %s", got)
	}
}

// The log has one line per connection: who, when, how long, how it
// ended; nothing about health.
func TestLogLines(t *testing.T) {
	data := t.TempDir()
	ann := newPerson(t, "Ann Lee", Patient)
	ts := startServer(t, data, nil, ann)
	a := ts.connect(ann, 80, 24, "")
	a.doRoutine(true)
	a.keys("q")
	a.waitFor("Leave limber?")
	a.keys("y")
	a.waitEnd()
	waitLog(t, ts, "msg=connection", 1)
	lines := logLines(ts, "msg=connection")
	if len(lines) != 1 {
		t.Fatalf("%d lines:\n%s", len(lines), ts.log.String())
	}
	l := lines[0]
	for _, want := range []string{`who="Ann Lee"`, "role=patient", "from=127.0.0.1:", "start=", "duration=", "end=left"} {
		if !strings.Contains(l, want) {
			t.Errorf("no %s in %s", want, l)
		}
	}
	for _, never := range []string{"pain", "Wall hold", "Chair lifts", "sv-", "Serve test routine", "effort"} {
		if strings.Contains(strings.ToLower(ts.log.String()), strings.ToLower(never)) {
			t.Errorf("the log holds %q:\n%s", never, ts.log.String())
		}
	}
}

// Each session draws with its own terminal's colours: the background its
// terminal reports, its TERM, its NO_COLOR; and its bell rings there.
func TestRendererPerSession(t *testing.T) {
	data := t.TempDir()
	ann := newPerson(t, "Ann Lee", Patient)
	bob := newPerson(t, "Bob Stone", Patient)
	ts := startServer(t, data, nil, ann, bob)
	a := ts.connect(ann, 80, 24, "rgb:ffff/ffff/ffff") // light
	b := ts.connect(bob, 80, 24, "rgb:0000/0000/0000") // dark
	a.waitFor("I understand")
	b.waitFor("I understand")
	// The title "Welcome to limber": #1B5E20 on light, #A5D6A7 on dark,
	// at 256 colours (xterm-256color).
	light, dark := a.vt.Raw(), b.vt.Raw()
	if !strings.Contains(light, "38;5;22m") || !strings.Contains(dark, "38;5;151m") {
		t.Fatalf("light %q\ndark %q", sgrs(light), sgrs(dark))
	}
	// Keys typed during the start-up questions are kept; the answers are
	// not keys.
	if strings.Contains(a.vt.Text(), "rgb:") {
		t.Fatal("the terminal's answer reached the screen")
	}
	a.keys("enter")
	a.waitFor("Serve test routine")
	before := a.vt.Bells()
	a.keys("enter")
	a.waitFor("How is your usual nerve pain right now?")
	a.keys("2")
	a.noFlags()
	a.waitFor("start when you are ready")
	a.keys("enter")
	a.waitFor("How hard was that set?")
	if a.vt.Bells() <= before || b.vt.Bells() != 0 {
		t.Fatalf("bells: Ann %d (was %d), Bob %d", a.vt.Bells(), before, b.vt.Bells())
	}
}

// sgrs lists the colour sequences in s, for a failure message.
func sgrs(s string) []string {
	var out []string
	for _, part := range strings.Split(s, "\x1b[")[1:] {
		if i := strings.IndexByte(part, 'm'); i > 0 && i < 20 && strings.HasPrefix(part, "38;") {
			out = append(out, part[:i])
		}
	}
	return out
}

// A connection that drops mid-session: the coach records the session as
// quit, and the log line names who it was and that they went.
func TestDroppedConnection(t *testing.T) {
	data := t.TempDir()
	ann := newPerson(t, "Ann Lee", Patient)
	ts := startServer(t, data, nil, ann)
	a := ts.connect(ann, 80, 24, "")
	a.startRoutine(true)
	a.client.Close()
	waitLog(t, ts, "msg=connection", 1)
	l := logLines(ts, "msg=connection")[0]
	if !strings.Contains(l, `who="Ann Lee"`) || !strings.Contains(l, "end=disconnected") {
		t.Fatalf("log: %s", l)
	}
	if got := kinds(readJournal(t, data, "ann-lee")); got != "session_start,session_end(quit)" {
		t.Fatalf("journal: %s", got)
	}
}

// ctrl+z must not suspend the server (bubbletea would stop its own
// process): the coach pauses and the session goes on. A resize reaches
// the coach and the hub.
func TestCtrlZAndResize(t *testing.T) {
	data := t.TempDir()
	ann := newPerson(t, "Ann Lee", Patient)
	ts := startServer(t, data, nil, ann)
	a := ts.connect(ann, 80, 24, "")
	a.waitFor("I understand")
	a.keys("enter")
	a.waitFor("Serve test routine")
	a.keys("ctrl+z")
	a.keys("enter")
	a.waitFor("How is your usual nerve pain right now?")
	if err := a.sess.WindowChange(30, 100); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(screenTimeout)
	for {
		l, _ := ts.Hub().Get("ann-lee")
		if f, _ := l.Frame(); f.Width == 100 && f.Height == 30 && strings.Contains(f.Text, strings.Repeat("─", 98)) {
			break
		}
		if time.Now().After(deadline) {
			f, _ := l.Frame()
			t.Fatalf("the resize did not reach the coach: %dx%d\n%s", f.Width, f.Height, f.Text)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
