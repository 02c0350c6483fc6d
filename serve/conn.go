package serve

import (
	"log/slog"
	"net"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/ssh"
)

// conn is one TCP connection: who it turned out to be, and how it ended,
// for the one log line it leaves when it closes.
type conn struct {
	net.Conn
	srv   *Server
	id    uint64
	start time.Time

	authDeadline time.Time
	authed       atomic.Bool

	mu       sync.Mutex
	who      *Person
	methods  []string // authentication methods tried
	keys     []string // fingerprints of unknown keys offered
	end      string
	sessions int    // sessions ended
	active   int    // sessions running
	closed   bool   // the connection closed
	failure  string // why the handshake failed

	logOnce sync.Once
}

type connKey struct{}

func connOf(ctx ssh.Context) *conn {
	c, _ := ctx.Value(connKey{}).(*conn)
	return c
}

// maxConnsPerSession bounds connections still authenticating, so that a
// flood of half-open ones cannot starve the sessions.
const maxConnsPerSession = 2

// connect is wish's ConnCallback: it wraps each new connection.
func (s *Server) connect(ctx ssh.Context, nc net.Conn) net.Conn {
	now := s.cfg.Now()
	c := &conn{Conn: nc, srv: s, id: s.nextID.Add(1), start: now, authDeadline: time.Now().Add(s.cfg.AuthTimeout)}
	s.mu.Lock()
	n, closing := len(s.conns), s.closing
	if !closing && n < maxConnsPerSession*s.cfg.MaxSessions+8 {
		s.conns[c] = struct{}{}
	}
	s.mu.Unlock()
	if closing || n >= maxConnsPerSession*s.cfg.MaxSessions+8 {
		c.setEnd("refused: too many connections")
		c.logOnce.Do(c.logEnd)
		return nil
	}
	nc.SetDeadline(c.authDeadline)
	ctx.SetValue(connKey{}, c)
	return c
}

// failed is wish's ConnectionFailedCallback: the handshake or the
// authentication did not succeed.
func (s *Server) failed(nc net.Conn, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		if c.RemoteAddr().String() == nc.RemoteAddr().String() {
			c.mu.Lock()
			c.failure = err.Error()
			c.mu.Unlock()
		}
	}
}

// SetDeadline keeps the authentication deadline until the client has
// authenticated: the SSH server moves the deadline on at every read, and a
// client that never authenticates must not hold a connection for --idle.
func (c *conn) SetDeadline(t time.Time) error {
	if !c.authed.Load() && (t.IsZero() || t.After(c.authDeadline)) {
		t = c.authDeadline
	}
	return c.Conn.SetDeadline(t)
}

func (c *conn) authenticated(p *Person) {
	c.mu.Lock()
	c.who = p
	c.mu.Unlock()
	c.authed.Store(true)
}

func (c *conn) person() *Person {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.who
}

func (c *conn) tried(method string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !slices.Contains(c.methods, method) {
		c.methods = append(c.methods, method)
	}
}

func (c *conn) offered(fp string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !slices.Contains(c.keys, fp) && len(c.keys) < 4 {
		c.keys = append(c.keys, fp)
	}
}

// begin counts a session starting on the connection.
func (c *conn) begin() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.active++
}

// finish records how a session ended; the log line waits for the last
// session and the connection's close, whichever comes later.
func (c *conn) finish(end string) {
	c.mu.Lock()
	c.end = end
	c.sessions++
	c.active--
	ready := c.closed && c.active == 0
	c.mu.Unlock()
	if ready {
		c.logOnce.Do(c.logEnd)
	}
}

// setEnd is how a connection refused before any session ended.
func (c *conn) setEnd(end string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.end = end
}

func (c *conn) Close() error {
	err := c.Conn.Close()
	c.srv.mu.Lock()
	delete(c.srv.conns, c)
	c.srv.mu.Unlock()
	c.mu.Lock()
	c.closed = true
	ready := c.active == 0
	c.mu.Unlock()
	if ready {
		c.logOnce.Do(c.logEnd)
	}
	return err
}

// logEnd writes the connection's one line: who, from where, when, for
// how long, and how it ended. Nothing about health: no pain, no exercise,
// no routine.
func (c *conn) logEnd() {
	c.mu.Lock()
	defer c.mu.Unlock()
	attrs := []any{
		slog.Uint64("conn", c.id),
		slog.String("from", addrOf(c.Conn)),
		slog.Time("start", c.start),
		slog.Duration("duration", c.srv.cfg.Now().Sub(c.start).Round(time.Millisecond)),
	}
	end := c.end
	switch {
	case c.who != nil:
		attrs = append(attrs, slog.String("who", c.who.Name), slog.String("role", string(c.who.Role)))
		if c.sessions == 0 {
			end = endNoSession
		}
	case end == "":
		end = "refused: " + c.refusal()
		if len(c.keys) > 0 {
			attrs = append(attrs, slog.String("keys", strings.Join(c.keys, ",")))
		}
	}
	attrs = append(attrs, slog.String("end", end))
	c.srv.log.Info("connection", attrs...)
}

// refusal says why a client was not let in.
func (c *conn) refusal() string {
	switch {
	case len(c.keys) > 0:
		return "unknown key"
	case len(c.methods) > 0:
		return "no accepted method (tried " + strings.Join(c.methods, ", ") + ")"
	case strings.Contains(c.failure, "i/o timeout"):
		return "did not authenticate in time"
	case c.failure != "":
		return "handshake failed"
	}
	return "closed before authenticating"
}

func addrOf(nc net.Conn) string {
	if nc == nil || nc.RemoteAddr() == nil {
		return ""
	}
	return nc.RemoteAddr().String()
}
