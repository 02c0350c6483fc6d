package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"limber/exercises"
	"limber/serve"
	"limber/text"
)

type serveOptions struct {
	listen, keys string
	idle         time.Duration
	maxSessions  int
	speed        float64
}

func newServeCmd(e *env) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "the coach over SSH, for telehealth: each patient their own coach, therapists watch and adjust",
		Long: `limber serve: the coach over SSH, for telehealth.

A patient runs "ssh -p 2222 clinic-host" and gets their own coach, over their
own journal in the server's data directory. A therapist gets the list of
patients: watch a patient's live session (read-only), read their report,
adjust a rung (recorded in their journal with the therapist's name), or
demo a routine at their rungs.

Public keys only: no passwords, no keyboard-interactive. The keys file is in
authorized_keys format, one line per key: the person's name is the key's
comment, and therapists carry the option limber-role=therapist:

  ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... Ann Lee
  limber-role=therapist ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... Ruth Jones

Each patient's journal is in DATA/patients/<name>/ (ann-lee). The host key
is made once, in DATA/ssh_host_ed25519_key (mode 0600). SIGHUP reads the keys
file again; SIGTERM closes every session cleanly (a session left part-way is
recorded as quit) and stops. One log line per connection goes to stderr:
who, from where, when, how long, how it ended; nothing about health.`,
		Example: `  limber serve --data-dir /var/lib/limber --keys /etc/limber/keys --listen 10.8.0.1:2222
  ssh -p 2222 -i ~/.ssh/id_ed25519 clinic-host       (a patient or a therapist)`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return e.serve(o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.listen, "listen", serve.DefaultListen, "listen on `ADDR`; the default is this machine only: give the clinic's address (its VPN or LAN) to serve others")
	f.StringVar(&o.keys, "keys", "", "the keys `FILE` (authorized_keys format; default DATA/keys)")
	f.DurationVar(&o.idle, "idle", serve.DefaultIdle, "close a session after `D` with nothing typed or shown")
	f.IntVar(&o.maxSessions, "max-sessions", serve.DefaultMaxSessions, "at most `N` sessions at once; the next one hears that the server is full")
	f.Float64Var(&o.speed, "speed", 1, "run every session's timers `N` times faster (1 to 1000), for tests only")
	cmd.MarkFlagFilename("keys")
	return cmd
}

// serve runs limber serve until SIGTERM or SIGINT.
func (e *env) serve(o *serveOptions) error {
	switch {
	case !(o.speed >= 1 && o.speed <= 1000):
		return invalidf("--speed %v is out of range; use 1 to 1000", o.speed)
	case o.idle < time.Second:
		return invalidf("--idle %v is too short; use at least 1s (the default is %v)", o.idle, serve.DefaultIdle)
	case o.maxSessions < 1:
		return invalidf("--max-sessions %d: use 1 or more", o.maxSessions)
	}
	dir, err := e.dataDirectory()
	if err != nil {
		return err
	}
	keys := o.keys
	if keys == "" {
		keys = filepath.Join(dir, "keys")
	}
	if _, err := os.Stat(keys); err != nil {
		return invalidf("no keys file at %s: create it, one line per person (their public key, then their name), or give --keys FILE", exercises.Escape(keys))
	}
	lib, errs := e.loadLibrary()
	var problems []string
	if len(errs) > 0 {
		e.warn(errorLines(errs))
		problems = append(problems, fmt.Sprintf("%s problem(s) in the clinic's library files were skipped", text.Thousands(len(errs))))
	}
	srv, err := serve.New(serve.Config{
		KeysFile: keys, DataDir: dir, Idle: o.idle, MaxSessions: o.maxSessions, Library: lib, Problems: problems,
		Speed: o.speed, NoColor: e.noColor, Log: e.stderr,
	})
	if err != nil {
		return invalidf("%v", err)
	}
	ln, err := net.Listen("tcp", o.listen)
	if err != nil {
		return invalidf("cannot listen on %s: %v; choose another with --listen ADDR", exercises.Escape(o.listen), err)
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	log.Info("listening", "addr", ln.Addr().String(), "host_key", serve.Fingerprint(srv.HostKey()),
		"keys", srv.Keys().Len(), "patients", len(srv.Keys().Patients()), "data", dir)

	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	defer signal.Stop(sigs)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	for {
		select {
		case err := <-served:
			if err != nil {
				return invalidf("the server stopped: %v", err)
			}
			return nil
		case sig := <-sigs:
			if sig == syscall.SIGHUP {
				if err := srv.ReloadKeys(); err != nil {
					log.Error("keys file not reloaded; the keys in use stay", "error", err.Error())
				} else {
					log.Info("keys file reloaded", "keys", srv.Keys().Len(), "patients", len(srv.Keys().Patients()))
				}
				continue
			}
			log.Info("stopping", "signal", sig.String(), "sessions", srv.Sessions())
			ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
			err := srv.Shutdown(ctx)
			cancel()
			<-served
			if err != nil {
				return invalidf("stopping: %v", err)
			}
			log.Info("stopped")
			return nil
		}
	}
}
