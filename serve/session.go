package serve

import (
	"io"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/muesli/termenv"
)

// session is one person's terminal: a bubbletea program fed by the SSH
// channel, with its own renderer, clock and idle timer.
//
// wish's own bubbletea middleware is not used: it sets lipgloss's global
// colour profile, quits the program without a word to the model when the
// client goes (so the coach could not record its end), and spins on a
// closed window-change channel when a client closes the channel but keeps
// the connection. This file does the same job without those three.
type session struct {
	srv  *Server
	ssh  ssh.Session
	conn *conn
	who  *Person

	act activity
	in  *input
	out *output

	mu        sync.Mutex
	why       string
	stop      chan struct{} // closed by close
	closeOnce sync.Once
	done      chan struct{} // the program ended
}

func newSession(s *Server, sess ssh.Session, c *conn, who *Person) *session {
	return &session{srv: s, ssh: sess, conn: c, who: who, stop: make(chan struct{}), done: make(chan struct{})}
}

// closeMsg asks a session's model to end now: the coach records a session
// left part-way as "quit", then the program ends.
type closeMsg struct{ reason string }

// close asks the session to end, once, for the reason given.
func (ss *session) close(reason string) {
	ss.closeOnce.Do(func() {
		ss.mu.Lock()
		ss.why = reason
		ss.mu.Unlock()
		close(ss.stop)
	})
}

// reason is how the session ended.
func (ss *session) reason() string {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.why == "" {
		return endLeft
	}
	return ss.why
}

func (ss *session) run(pty ssh.Pty, winch <-chan ssh.Window) {
	cfg := &ss.srv.cfg
	ss.act.touch(cfg.Now())
	ss.out = &output{w: ss.ssh, act: &ss.act, now: cfg.Now}
	ss.in = newInput(ss.ssh, &ss.act, cfg.Now)
	defer ss.in.Close()

	env := environ(append(ss.ssh.Environ(), "TERM="+pty.Term))
	bg := ss.in.probe(ss.out, cfg.ProbeTimeout)
	r := newRenderer(ss.out, env, bg, cfg.NoColor)
	t := terminal{r: r, color: r.ColorProfile() != termenv.Ascii, bell: ss.out, w: pty.Window.Width, h: pty.Window.Height}

	var m tea.Model
	var cleanup func()
	var err error
	if ss.who.Role == Therapist {
		m = ss.srv.therapistModel(ss, t)
	} else {
		m, cleanup, err = ss.srv.patientModel(ss, t)
	}
	if err != nil {
		io.WriteString(ss.out, "limber: "+err.Error()+"\n")
		ss.close(endError)
		return
	}
	if cleanup != nil {
		defer cleanup()
	}
	select {
	case <-ss.stop: // closed while it was starting
		return
	default:
	}
	p := tea.NewProgram(m,
		tea.WithInput(ss.in), tea.WithOutput(ss.out), tea.WithAltScreen(),
		// 30 frames a second, as the local coach.
		tea.WithFPS(30),
		// Signals are the server's: SIGTERM closes every session.
		tea.WithoutSignalHandler(),
		tea.WithFilter(filter))
	go ss.watch(p, winch)
	p.Run()
	close(ss.done)
	if msg := farewell[ss.reason()]; msg != "" {
		io.WriteString(ss.out, "limber: "+msg+"\n")
	}
}

// farewell is said in the client's terminal after the coach closed.
var farewell = map[string]string{
	endIdle:     "this session was closed after a long time with nothing done. What you did is saved.",
	endShutdown: "the clinic's server is stopping. What you did is saved; connect again later.",
	endReplaced: "you connected again from another window, so this one was closed. What you did is saved.",
}

// watch passes on window sizes, ends the session when the client goes or
// after --idle with nothing either way, and carries a close to the model
// (with a deadline: a client that stopped reading cannot hold it open).
func (ss *session) watch(p *tea.Program, winch <-chan ssh.Window) {
	cfg := &ss.srv.cfg
	idle := time.NewTimer(cfg.Idle)
	defer idle.Stop()
	stop := ss.stop
	var deadline <-chan time.Time
	for {
		select {
		case w, ok := <-winch:
			if !ok {
				winch = nil // closed with the channel: never read again
				continue
			}
			p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
		case <-ss.ssh.Context().Done():
			ss.close(endDisconnected)
		case <-ss.in.Ended():
			ss.close(endDisconnected)
		case <-idle.C:
			if quiet := cfg.Now().Sub(ss.act.last()); quiet >= cfg.Idle {
				ss.close(endIdle)
			} else {
				idle.Reset(cfg.Idle - quiet)
			}
		case <-stop:
			stop = nil
			go p.Send(closeMsg{reason: ss.reason()})
			deadline = time.After(cfg.CloseTimeout)
		case <-deadline:
			// The model did not finish in time: cut the channel, which
			// unblocks any write, and stop the program.
			ss.ssh.Close()
			p.Kill()
			return
		case <-ss.done:
			return
		}
	}
}

// filter stands between the programs and bubbletea's runtime. ctrl+z's
// suspend would stop the whole server (bubbletea signals its own process),
// so it is dropped: the coach has paused already. A model that embeds
// another (a therapist's demo) decides what a quit means.
func filter(m tea.Model, msg tea.Msg) tea.Msg {
	switch msg.(type) {
	case tea.SuspendMsg:
		return nil
	case tea.QuitMsg:
		if q, ok := m.(interface{ quit() tea.Msg }); ok {
			return q.quit()
		}
	}
	return msg
}

// terminal is what a model needs of the session's terminal.
type terminal struct {
	r     *lipgloss.Renderer
	color bool
	bell  io.Writer
	w, h  int
}

// ctrlC is the coach's own "leave now": it closes an open session as
// "quit" before the program ends.
var ctrlC = tea.KeyMsg{Type: tea.KeyCtrlC}
