package tui

// The journal, read after the first frame. A ten-year journal takes a
// moment to replay even from its state cache; nothing of the first screen
// waits for it (DESIGN section 8). Until it is read, home says "Loading
// your journal…" where the day's routines go, a routine or a test asked
// for on the command line opens once it is read, and keys typed meanwhile
// are answered then, in order.

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"limber/coach"
	"limber/exercises"
	"limber/text"
)

// Loading is what the coach shows while the journal is read.
const Loading = "Loading your journal…"

// journalLoad is the root's part in reading the journal.
type journalLoad struct {
	held []tea.KeyMsg // keys typed while the journal is read (Context.loading)
	// pending is where the command line asked to start (limber run,
	// limber assess), opened once the journal is read.
	pending         nav
	journalProblems []string // damaged lines the reader skipped, for home
	loadErr         error
}

// loadedMsg is the journal read and replayed through lib.
type loadedMsg struct {
	st  *coach.Start
	err error
	lib *exercises.Library
}

// load reads the journal and replays it through lib, from its state cache
// where that matches, off the UI loop.
func (m *Model) load(lib *exercises.Library) tea.Cmd {
	path := m.ctx.journal
	return func() tea.Msg {
		st, err := coach.Resume(path, lib)
		return loadedMsg{st: st, err: err, lib: lib}
	}
}

// loadWait is how long the first screen waits for the journal: even a
// ten-year journal is read from its state cache in less (4 to 7 ms on a
// shared 2-core machine), and the first screen then shows it, with no
// "Loading" before it; still the first screen comes sooner than a minimal
// bubbletea program's (README, Development). Tests set it to 0: no wait.
var loadWait = 8 * time.Millisecond

// loadAtStart reads the journal for the first screen: taken in at once
// when it is read within loadWait, else given to Update when it is.
func (m *Model) loadAtStart() tea.Cmd {
	done := make(chan tea.Msg, 1)
	read := m.load(m.ctx.Lib)
	go func() { done <- read() }()
	if loadWait <= 0 {
		return func() tea.Msg { return <-done }
	}
	wait := time.NewTimer(loadWait)
	defer wait.Stop()
	select {
	case msg := <-done:
		return m.takeJournal(msg.(loadedMsg))
	case <-wait.C:
		return func() tea.Msg { return <-done }
	}
}

// takeJournal takes the journal in: the replay goes on from it, home shows it,
// and what waited for it goes ahead. A new state cache, when one is worth
// it, is written off the UI loop.
func (m *Model) takeJournal(msg loadedMsg) tea.Cmd {
	if msg.lib != m.ctx.Lib {
		return nil // read through a library replaced since; that one's load is under way
	}
	m.ctx.loading = false
	if msg.err != nil {
		m.loadErr, m.quitting = msg.err, true
		return tea.Quit
	}
	st := msg.st
	c := m.ctx
	c.replayer = st.Replayer
	// What this run could not save is not in the file.
	if len(c.unsaved) > 0 && !c.replayer.Add(c.unsaved) {
		c.replayFromStart()
	}
	c.Records = nil
	c.Replay()
	m.journalProblems = nil
	if n := len(st.Warnings); n > 0 {
		m.journalProblems = []string{fmt.Sprintf("%s damaged journal line(s) skipped, first %s", text.Thousands(n), st.Warnings[0].String())}
	}
	home := m.models[scrHome].(*homeModel)
	home.problems = m.problems()
	home.refresh()
	m.layout()
	cmds := []tea.Cmd{func() tea.Msg { st.Save(); return nil }}
	if n := m.pending; n.to != scrStay {
		m.pending = nav{}
		cmds = append(cmds, m.follow(n))
	}
	for _, k := range m.held {
		_, cmd := m.Update(k)
		cmds = append(cmds, cmd)
	}
	m.held = nil
	return tea.Batch(cmds...)
}

// open goes to where the command line asked to start: now, or once the
// journal is read.
func (m *Model) open(n nav) {
	if m.ctx.loading {
		m.pending = n
		return
	}
	m.follow(n)
}

// LoadError is why the journal could not be read, if it could not: the
// coach stopped, and the process should say why and exit non-zero.
func (m *Model) LoadError() error { return m.loadErr }
