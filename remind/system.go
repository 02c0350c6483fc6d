package remind

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strings"
	"time"
)

// System runs the commands a reminder needs: systemctl, crontab and the
// desktop's notifier. Exec runs them from PATH; tests put fakes there,
// or stand in for System itself.
type System interface {
	LookPath(name string) (string, error)
	// Run runs name with args, stdin on its standard input (none if nil),
	// and returns what it printed. An error says what it printed on
	// stderr.
	Run(stdin []byte, name string, args ...string) ([]byte, error)
}

// Exec is System on this machine. Every command is given Timeout (10 s
// if zero): a notifier waiting on a desktop that never answers must not
// keep a reminder running.
type Exec struct{ Timeout time.Duration }

func (Exec) LookPath(name string) (string, error) { return exec.LookPath(name) }

func (x Exec) Run(stdin []byte, name string, args ...string) ([]byte, error) {
	timeout := x.Timeout
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.WaitDelay = time.Second // a child that keeps the pipes open is not waited for
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		return out.Bytes(), &RunError{Command: name, Stderr: strings.TrimSpace(errb.String()), Err: err}
	}
	return out.Bytes(), nil
}

// RunError is a command that failed, with what it said.
type RunError struct {
	Command string // the program's name
	Stderr  string
	Err     error
}

func (e *RunError) Error() string {
	msg := e.Command + ": " + e.Err.Error()
	if e.Stderr != "" {
		msg += ": " + firstLine(e.Stderr)
	}
	return msg
}

func (e *RunError) Unwrap() error { return e.Err }

// said reports whether err is a command that failed saying text.
func said(err error, text string) bool {
	var re *RunError
	return errors.As(err, &re) && strings.Contains(strings.ToLower(re.Stderr), text)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
