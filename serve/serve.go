// Package serve is limber over SSH (DESIGN section 9): a patient with only
// a terminal runs their own coach against the clinic's copy of their
// journal, and their therapist watches the live session, adjusts a rung
// and reads the report from another terminal.
//
// Public keys only. The keys file (authorized_keys format) says whose each
// key is and their role; each patient's journal is in its own folder
// under the data directory. Every session has its own terminal: its
// window size, its colour profile and background (lipgloss renderer), its
// clock, its recorder. A Hub carries each patient's live screen to the
// therapists who watch it.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"

	"limber/exercises"
)

// Defaults of limber serve's flags.
const (
	// DefaultListen is loopback only: starting the server never puts
	// health data on the network by accident. A clinic names the address
	// it means to serve on (its VPN or LAN address) with --listen. 2222,
	// because 22 is the machine's own sshd and needs root.
	DefaultListen      = "127.0.0.1:2222"
	DefaultIdle        = 30 * time.Minute
	DefaultMaxSessions = 32
)

// Config is how the server runs.
type Config struct {
	KeysFile    string // authorized_keys format: whose each key is
	DataDir     string // the host key, and patients/<name>/ for each patient
	Idle        time.Duration
	MaxSessions int
	Library     *exercises.Library
	Problems    []string // library problems, shown on each home screen
	Speed       float64  // timers this many times faster (tests, demos)
	NoColor     bool
	Log         io.Writer // one line per connection; stderr when nil
	Now         func() time.Time

	// How long to wait for the terminal's answer about its background
	// (1 s when zero), for a client to authenticate (30 s), and for a
	// session to close cleanly when asked (5 s).
	ProbeTimeout time.Duration
	AuthTimeout  time.Duration
	CloseTimeout time.Duration
}

// Server is limber serve.
type Server struct {
	cfg    Config
	keys   atomic.Pointer[Keys]
	signer gossh.Signer
	ssh    *ssh.Server
	hub    *Hub
	log    *slog.Logger
	slots  chan struct{} // one per session running

	mu       sync.Mutex
	sessions map[*session]struct{}
	conns    map[*conn]struct{}
	closing  bool
	handlers sync.WaitGroup
	nextID   atomic.Uint64
}

// New reads the keys file and the host key (making one the first time)
// and prepares the server; Serve starts it.
func New(cfg Config) (*Server, error) {
	switch {
	case cfg.DataDir == "":
		return nil, errors.New("no data directory")
	case cfg.Library == nil:
		return nil, errors.New("no library")
	case cfg.MaxSessions < 1:
		return nil, fmt.Errorf("--max-sessions %d: at least 1", cfg.MaxSessions)
	case cfg.Idle <= 0:
		return nil, fmt.Errorf("--idle %v: give a time such as 30m", cfg.Idle)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Speed < 1 {
		cfg.Speed = 1
	}
	if cfg.Log == nil {
		cfg.Log = os.Stderr
	}
	if cfg.ProbeTimeout <= 0 {
		cfg.ProbeTimeout = time.Second
	}
	if cfg.AuthTimeout <= 0 {
		cfg.AuthTimeout = 30 * time.Second
	}
	if cfg.CloseTimeout <= 0 {
		cfg.CloseTimeout = 5 * time.Second
	}
	if err := os.MkdirAll(filepath.Join(cfg.DataDir, patientsDir), 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the data directory: %w", err)
	}
	s := &Server{
		cfg: cfg, hub: NewHub(), slots: make(chan struct{}, cfg.MaxSessions),
		sessions: map[*session]struct{}{}, conns: map[*conn]struct{}{},
		log: slog.New(slog.NewTextHandler(cfg.Log, nil)),
	}
	if err := s.ReloadKeys(); err != nil {
		return nil, err
	}
	signer, err := hostKey(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	s.signer = signer
	s.ssh, err = wish.NewServer(
		func(srv *ssh.Server) error { srv.AddHostKey(signer); return nil },
		wish.WithVersion("limber"),
		wish.WithPublicKeyAuth(s.publicKey),
		// A backstop for a connection with no session; a session ends
		// itself after --idle, with a word to the person.
		wish.WithIdleTimeout(cfg.Idle+time.Minute),
		wish.WithMiddleware(s.middleware),
		func(srv *ssh.Server) error {
			srv.ConnCallback = s.connect
			srv.ServerConfigCallback = s.serverConfig
			srv.ConnectionFailedCallback = s.failed
			return nil
		},
	)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// ReloadKeys reads the keys file again (limber serve does on SIGHUP). A
// file with mistakes is refused whole and the keys in use stay.
func (s *Server) ReloadKeys() error {
	k, errs := LoadKeys(s.cfg.KeysFile)
	if len(errs) > 0 {
		return joinErrors(errs)
	}
	s.keys.Store(k)
	return nil
}

// Keys are the keys in use.
func (s *Server) Keys() *Keys { return s.keys.Load() }

// HostKey is the server's public host key, for clients' known_hosts.
func (s *Server) HostKey() gossh.PublicKey { return s.signer.PublicKey() }

// Hub is the live screens of patients.
func (s *Server) Hub() *Hub { return s.hub }

// Serve answers connections on ln until Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	err := s.ssh.Serve(ln)
	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	if closing {
		return nil
	}
	return err
}

// Shutdown stops taking connections, closes every session cleanly (a
// patient's open coach session records its end as "quit"; every finished
// set is on disk already), waits for them until ctx ends, then drops
// every connection left.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	sessions := make([]*session, 0, len(s.sessions))
	for ss := range s.sessions {
		sessions = append(sessions, ss)
	}
	s.mu.Unlock()
	// Closing the listeners first: no new session starts from here on.
	err := s.ssh.Shutdown(canceled())
	if err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	for _, ss := range sessions {
		ss.close(endShutdown)
	}
	done := make(chan struct{})
	go func() { s.handlers.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
	closeErr := s.ssh.Close()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return closeErr
}

// canceled is a context already done: ssh.Server.Shutdown then closes the
// listeners and returns at once instead of waiting for connections.
func canceled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

// Sessions is how many sessions are running.
func (s *Server) Sessions() int { return len(s.slots) }

func (s *Server) track(ss *session) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	s.sessions[ss] = struct{}{}
	s.handlers.Add(1)
	return true
}

func (s *Server) untrack(ss *session) {
	s.mu.Lock()
	delete(s.sessions, ss)
	s.mu.Unlock()
	s.handlers.Done()
}

// How a connection ended, for the log: words about the connection only,
// never about anyone's health.
const (
	endLeft         = "left"
	endDisconnected = "disconnected"
	endIdle         = "idle"
	endShutdown     = "shutdown"
	endReplaced     = "replaced by a newer connection"
	endFull         = "server full"
	endNoTerminal   = "no terminal"
	endCommand      = "command refused"
	endNoSession    = "no session"
	endError        = "error"
)

// publicKey lets a key try to authenticate when the keys file has it.
// Who the person is, is settled only once the client proved it holds the
// key (VerifiedPublicKeyCallback), never here: a client may offer keys it
// does not hold.
func (s *Server) publicKey(ctx ssh.Context, key ssh.PublicKey) bool {
	_, ok := s.keys.Load().Lookup(key)
	if c := connOf(ctx); c != nil && !ok {
		c.offered(Fingerprint(key))
	}
	return ok
}

func (s *Server) serverConfig(ctx ssh.Context) *gossh.ServerConfig {
	c := connOf(ctx)
	return &gossh.ServerConfig{
		MaxAuthTries: 6,
		VerifiedPublicKeyCallback: func(_ gossh.ConnMetadata, key gossh.PublicKey, _ *gossh.Permissions, _ string) (*gossh.Permissions, error) {
			p, ok := s.keys.Load().Lookup(key)
			if !ok || c == nil {
				return nil, errNoPerson
			}
			c.authenticated(p)
			return &gossh.Permissions{Extensions: map[string]string{"limber-person": p.Folder}}, nil
		},
		AuthLogCallback: func(_ gossh.ConnMetadata, method string, err error) {
			if c != nil && method != "none" {
				c.tried(method)
			}
		},
	}
}

// middleware is the session: wish calls it for each session channel.
func (s *Server) middleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s.handle(sess)
		next(sess)
	}
}

func (s *Server) handle(sess ssh.Session) {
	c := connOf(sess.Context())
	if c == nil {
		return
	}
	who := c.person()
	if who == nil {
		return
	}
	c.begin()
	end := endLeft
	defer func() { c.finish(end) }()
	say := func(msg string) { io.WriteString(sess, "limber: "+msg+"\n") }
	ptyReq, winch, ok := sess.Pty()
	switch {
	case sess.RawCommand() != "" || sess.Subsystem() != "":
		say("limber serve runs the coach only; connect without a command")
		end = endCommand
		sess.Exit(1)
		return
	case !ok:
		say("the coach needs a terminal; connect with ssh -t")
		end = endNoTerminal
		sess.Exit(1)
		return
	}
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	default:
		say("the server is full, try again later")
		end = endFull
		sess.Exit(1)
		return
	}
	ss := newSession(s, sess, c, who)
	if !s.track(ss) {
		say("the server is stopping, try again later")
		end = endShutdown
		sess.Exit(1)
		return
	}
	defer s.untrack(ss)
	ss.run(ptyReq, winch)
	end = ss.reason()
}

// joinErrors makes one error of many, one a line.
func joinErrors(errs []error) error {
	lines := make([]string, len(errs))
	for i, e := range errs {
		lines[i] = e.Error()
	}
	return errors.New(strings.Join(lines, "\n"))
}

// patientsDir holds one folder per patient, under the data directory.
const patientsDir = "patients"

// PatientDir is where a patient's journal is.
func (s *Server) PatientDir(p *Person) string {
	return filepath.Join(s.cfg.DataDir, patientsDir, p.Folder)
}
