package journal

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// These tests run the test binary itself as the processes that write the
// journal, so that they can be killed for real.

const (
	envChild = "LIMBER_JOURNAL_CHILD" // what the child does: "append" or "batch"
	envDir   = "LIMBER_JOURNAL_DIR"
	envName  = "LIMBER_JOURNAL_NAME" // the child's session id
	envCount = "LIMBER_JOURNAL_COUNT"
	envBatch = "LIMBER_JOURNAL_BATCH"
)

// TestChildHelper is the child. With envChild=append it appends records
// numbered 1, 2, 3... until it is killed, printing "ack N" once record N's
// Append has returned. With envChild=batch it waits for a line on stdin,
// then appends envCount records of 2–8 KB, envBatch at a time, and exits.
func TestChildHelper(t *testing.T) {
	mode := os.Getenv(envChild)
	if mode == "" {
		t.Skip("only run as a child of the process tests")
	}
	j, err := Open(os.Getenv(envDir))
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	name := os.Getenv(envName)
	switch mode {
	case "append":
		for seq := 1; ; seq++ {
			if err := j.Append(Record{Kind: KindSet, At: time.Now(), Session: name, Target: seq}); err != nil {
				fmt.Println("error", err)
				os.Exit(2)
			}
			fmt.Printf("ack %d\n", seq) // os.Stdout is unbuffered: one write per line
		}
	case "batch":
		count, _ := strconv.Atoi(os.Getenv(envCount))
		batch, _ := strconv.Atoi(os.Getenv(envBatch))
		bufio.NewReader(os.Stdin).ReadString('\n') // start together
		for seq := 1; seq <= count; {
			var recs []Record
			for ; len(recs) < batch && seq <= count; seq++ {
				recs = append(recs, Record{Kind: KindAdjust, At: time.Now(), Session: name, Target: seq, Note: bigNote(name, seq)})
			}
			if err := j.Append(recs...); err != nil {
				fmt.Println("error", err)
				os.Exit(2)
			}
		}
		fmt.Println("done")
		os.Exit(0) // skip the test framework's report on stdout
	}
}

// bigNote is 2–8 KB that can only be the note of record seq of child name,
// so a line mixed from two writers cannot pass for either.
func bigNote(name string, seq int) string {
	unit := fmt.Sprintf("<%s:%d>", name, seq)
	n := 2048 + (seq*7919)%6144
	return strings.Repeat(unit, n/len(unit)+1)[:n]
}

func child(t *testing.T, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildHelper$")
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	return cmd
}

// seed is random unless LIMBER_TEST_SEED repeats a failed run.
func seed(t *testing.T) uint64 {
	s := uint64(time.Now().UnixNano())
	if env := os.Getenv("LIMBER_TEST_SEED"); env != "" {
		var err error
		if s, err = strconv.ParseUint(env, 10, 64); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("seed %d (LIMBER_TEST_SEED=%d repeats this run)", s, s)
	return s
}

// TestKillDuringAppend kills a writer with SIGKILL at random moments: every
// record it was told is written must be there, in order, once.
func TestKillDuringAppend(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	rng := rand.New(rand.NewPCG(seed(t), 1))
	dir := t.TempDir()
	const rounds = 8
	acked := make([]int, rounds)
	for round := range rounds {
		cmd := child(t, envChild+"=append", envDir+"="+dir, envName+"="+fmt.Sprint("round-", round))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		acks := make(chan int)
		go func() {
			defer close(acks)
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				n, err := strconv.Atoi(strings.TrimPrefix(sc.Text(), "ack "))
				if err != nil {
					t.Errorf("child said %q", sc.Text())
					continue
				}
				acks <- n
			}
		}()
		// Kill only once appends are under way, then at a random moment.
		select {
		case acked[round] = <-acks:
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			t.Fatal("the child never appended")
		}
		delay := time.Duration(5+rng.IntN(76)) * time.Millisecond
		deadline := time.After(delay)
	wait:
		for {
			select {
			case n := <-acks:
				acked[round] = n
			case <-deadline:
				break wait
			}
		}
		if err := cmd.Process.Kill(); err != nil { // SIGKILL
			t.Fatal(err)
		}
		for n := range acks { // acks already in the pipe still count
			acked[round] = n
		}
		cmd.Wait()
		t.Logf("round %d: killed after %v, %d records acknowledged", round, delay, acked[round])
	}

	recs, warns, err := Read(Path(dir))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	for _, w := range warns {
		// SIGKILL cannot stop a write(2) half-way on Linux, but a torn
		// line is allowed: it must be reported, and then it is only ever
		// the record that was not yet acknowledged.
		t.Logf("warning: %v", w)
		if !strings.Contains(w.Msg, "torn") && !strings.Contains(w.Msg, "damaged") {
			t.Errorf("unexpected warning %v", w)
		}
	}
	if len(warns) > rounds {
		t.Errorf("%d warnings for %d kills", len(warns), rounds)
	}
	// Rounds ran one after another, so the file is round 0's records 1..n0,
	// then round 1's 1..n1, and so on, with n ≥ acknowledged (the one in
	// flight may have landed too).
	i := 0
	for round := range rounds {
		name := fmt.Sprint("round-", round)
		n := 0
		for ; i < len(recs) && recs[i].Session == name; i++ {
			n++
			if recs[i].Target != n {
				t.Fatalf("%s: record %d after %d (missing, repeated or out of order)", name, recs[i].Target, n-1)
			}
		}
		if n < acked[round] {
			t.Errorf("%s: %d records in the journal, but %d were acknowledged", name, n, acked[round])
		}
		if n > acked[round]+1 {
			t.Errorf("%s: %d records, but only %d acknowledged and one in flight", name, n, acked[round])
		}
	}
	if i != len(recs) {
		t.Errorf("%d records after the last round, first %+v", len(recs)-i, recs[i])
	}
}

// TestConcurrentWriters has three processes append at once, one of them in
// batches: no line may mix two records, and each batch stays together.
func TestConcurrentWriters(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	dir := t.TempDir()
	const count = 300
	writers := []struct {
		name  string
		batch int
	}{{"a", 1}, {"b", 1}, {"c", 3}}
	var cmds []*exec.Cmd
	var stdins []io.WriteCloser
	var outs []*bytes.Buffer
	for _, w := range writers {
		cmd := child(t, envChild+"=batch", envDir+"="+dir, envName+"="+w.name,
			envCount+"="+strconv.Itoa(count), envBatch+"="+strconv.Itoa(w.batch))
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		out := new(bytes.Buffer)
		cmd.Stdout = out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, stdins, outs = append(cmds, cmd), append(stdins, stdin), append(outs, out)
	}
	for _, stdin := range stdins {
		io.WriteString(stdin, "go\n")
		stdin.Close()
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil || !strings.Contains(outs[i].String(), "done") {
			t.Fatalf("writer %s: %v, said %q", writers[i].name, err, outs[i])
		}
	}

	raw, err := os.ReadFile(Path(dir))
	if err != nil {
		t.Fatal(err)
	}
	if n, want := bytes.Count(raw, []byte("\n")), count*len(writers); n != want || raw[len(raw)-1] != '\n' {
		t.Errorf("%d lines, want %d, all ended", n, want)
	}
	recs, warns, err := Read(Path(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	if len(recs) != count*len(writers) {
		t.Errorf("%d records, want %d", len(recs), count*len(writers))
	}
	next := map[string]int{}
	switches := 0
	for i, r := range recs {
		next[r.Session]++
		if r.Target != next[r.Session] {
			t.Fatalf("writer %s: record %d after %d", r.Session, r.Target, next[r.Session]-1)
		}
		if r.Note != bigNote(r.Session, r.Target) {
			t.Fatalf("writer %s record %d: the note is not its own", r.Session, r.Target)
		}
		if r.Session == "c" && r.Target%3 != 1 && recs[i-1].Session != "c" {
			t.Errorf("writer c's batch was split before record %d", r.Target)
		}
		if i > 0 && r.Session != recs[i-1].Session {
			switches++
		}
	}
	// Not a requirement, but a test that never interleaves proves little.
	t.Logf("the writers took turns %d times", switches)
}
