// Package tui is limber's coach: bubbletea models, views, styles and keys.
// It holds no rules: the exercises package decides, the journal records.
//
// The root Model owns one sub-model per screen (notice, home, library,
// card, page, check-in, session). Each screen shares the Context, answers
// keys with Update, draws itself with View at the size SetSize gave it,
// and asks the root to move elsewhere by returning a nav.
package tui

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
	"limber/text"
)

// Options wire the coach to its library, journal, clock and cues.
type Options struct {
	Library *exercises.Library
	// Journal is the journal's path: the coach reads it, from its state
	// cache, after drawing its first screen (load.go). Where it is empty,
	// Records are the journal, as read at start.
	Journal  string
	Records  []journal.Record
	Recorder Recorder
	Now      func() time.Time
	Demo     bool    // nothing recorded; free stepping
	Speed    float64 // timers run this many times faster (demo, tests)
	Routine  string  // start in this routine (limber run); "" for home
	Assess   string  // start in this outcome measure (limber assess TEST)
	Color    bool
	Cues     Cues
	Profile  Profile
	// Notice shows the one-time notice that limber supports, and does not
	// replace, a clinician; NoticeSeen is called once it was read.
	Notice     bool
	NoticeSeen func()
	// Trace, when set, gets one line per hold or timed set: its deadline
	// and when the coach saw it end (for measuring timer precision).
	Trace io.Writer
	// Width and Height are the window's, where known at start (else 80×24
	// until bubbletea says). FirstFrame, when set, is the terminal they
	// are of: Init draws the first screen on it at once, rather than
	// leave it to the renderer's first tick (firstframe.go).
	Width, Height int
	FirstFrame    io.Writer
	// Problems are one-line warnings to show at home (skipped library
	// files, damaged journal lines).
	Problems []string
	// Renderer draws the styles; nil is lipgloss's default (this
	// process's terminal). limber serve gives each session its own.
	Renderer *lipgloss.Renderer
	// NoAdjust turns off the card's therapist placement (a), for a
	// patient's own session over limber serve.
	NoAdjust bool
	// LibraryProblems are warnings about the library loaded at start;
	// home shows them first, until a reload brings a library without
	// errors.
	LibraryProblems []string
	// Reload, when set, loads the library again if its files changed
	// since it was last called, and returns nil when they did not. The
	// coach calls it each time it comes back to the home screen, so that
	// a therapist can edit a library and demo it in one sitting. A
	// library with errors is not taken up: the last one without errors
	// stays in use, and home says so.
	Reload func() (*exercises.Library, []*exercises.Error)
	// NoFigures leaves out the exercises' drawings (--no-figures).
	NoFigures bool
}

type screen int

const (
	scrStay screen = iota
	scrNotice
	scrHome
	scrLibrary
	scrCard
	scrPage
	scrCheckin
	scrSession
	scrAssess
)

// MinWidth and MinHeight are the smallest window the coach draws in.
const MinWidth, MinHeight = 60, 20

// nav is a screen's request to the root: go to another screen, open an
// exercise or a routine, or ask before leaving. The zero nav stays.
type nav struct {
	to      screen
	ex      *exercises.Exercise // the card to open
	page    pageKind            // the page to open
	routine string              // the routine to start
	test    string              // the outcome measure to open
	start   checkIn             // the check-in's answers, for the session
	ask     bool                // ask "leave?" first
	done    bool                // a routine ended: home, or out after `limber run`
}

// screenModel is one screen.
type screenModel interface {
	Update(k tea.KeyMsg) (tea.Cmd, nav)
	View() string
	SetSize(w, h int)
	Keys() []key.Binding
	Title() string
}

// Model is the root: the screen shown, and one model per screen.
type Model struct {
	ctx  *Context
	opt  Options
	help help.Model

	screen screen
	models map[screen]screenModel
	sess   *sessionModel // also in models while a routine runs

	confirmQuit bool
	quitting    bool

	loaded    time.Time // when the library in use was loaded
	libErrors int       // errors of the last reload not taken up; 0 when none

	journalLoad // the journal read after the first frame (load.go)
}

// New builds the coach.
func New(opt Options) *Model {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Speed < 1 {
		opt.Speed = 1
	}
	if opt.Recorder == nil || opt.Demo {
		opt.Recorder = nopRecorder{}
	}
	if opt.Renderer == nil {
		opt.Renderer = lipgloss.DefaultRenderer()
	}
	keys := DefaultKeyMap()
	if opt.NoAdjust {
		keys.Adjust.SetEnabled(false)
	}
	ctx := &Context{
		Lib: opt.Library, Profile: opt.Profile,
		Now: opt.Now, Styles: NewStylesFor(opt.Renderer, opt.Color), Keys: keys, Demo: opt.Demo, Speed: opt.Speed,
		Cues: opt.Cues, Color: opt.Color, Trace: opt.Trace, Width: 80, Height: 24, recorder: opt.Recorder,
		replayer: coach.NewReplayer(opt.Library), journal: opt.Journal, NoFigures: opt.NoFigures,
	}
	if opt.Journal == "" {
		ctx.base = slices.Clone(opt.Records)
		ctx.replayer.Add(ctx.base)
	}
	ctx.Replay()
	m := &Model{ctx: ctx, opt: opt, help: help.New(), models: map[screen]screenModel{}, loaded: opt.Now()}
	m.ctx.loading = opt.Journal != ""
	m.help.Styles = ctx.Styles.Help
	notice := newNotice(ctx)
	notice.seen, notice.next = opt.NoticeSeen, nav{to: scrHome}
	if opt.Routine != "" {
		notice.next = nav{to: scrCheckin, routine: opt.Routine}
	}
	if opt.Assess != "" {
		notice.next = nav{to: scrAssess, test: opt.Assess}
	}
	m.models[scrNotice] = notice
	m.models[scrHome] = newHome(ctx, m.problems())
	m.models[scrLibrary] = newLibrary(ctx)
	m.screen = scrHome
	switch {
	case opt.Notice:
		m.screen = scrNotice
	case opt.Routine != "":
		m.open(nav{to: scrCheckin, routine: opt.Routine})
	case opt.Assess != "":
		m.open(nav{to: scrAssess, test: opt.Assess})
	}
	if opt.Width > 0 && opt.Height > 0 {
		m.Update(tea.WindowSizeMsg{Width: opt.Width, Height: opt.Height})
	}
	m.layout()
	return m
}

// Init draws the first screen at once, where it may (FirstFrame), and
// reads the journal, when the coach reads it from its file, in a Cmd: the
// first screen does not wait for it. Timers begin with a set.
func (m *Model) Init() tea.Cmd {
	draw := m.opt.FirstFrame != nil && m.opt.Width > 0 && m.opt.Height > 0
	if !m.ctx.loading {
		if draw {
			m.drawFirstFrame()
		}
		return nil
	}
	if !coach.Quick(m.ctx.journal) {
		// A full replay of a big journal (with no cache yet, as at the
		// first start of a new limber) takes longer than the first
		// screen would wait, and both cores: draw first, then read.
		if draw {
			m.drawFirstFrame()
		}
		return m.load(m.ctx.Lib)
	}
	cmd := m.loadAtStart()
	if draw {
		m.drawFirstFrame()
	}
	return cmd
}

// Failed reports a write to the journal that never succeeded: the process
// should exit non-zero.
func (m *Model) Failed() bool { return len(m.ctx.unsaved) > 0 }

// Update handles messages in a fixed order: global keys, window size,
// timer ticks, then the active screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.ctx.Keys.ForceQ):
			m.leaveNow()
			return m, tea.Quit
		case m.ctx.loading:
			m.held = append(m.held, msg) // answered once the journal is read
			return m, nil
		case key.Matches(msg, m.ctx.Keys.Suspend):
			if m.sess != nil {
				m.sess.pause()
			}
			if a := m.assess(); a != nil {
				a.pause(false)
			}
			return m, tea.Suspend
		}
		return m, m.key(msg)
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
		m.help.Width = msg.Width - 2
		m.layout()
		if m.tooSmall() && m.sess != nil {
			m.sess.pauseForSize()
		}
		if a := m.assess(); m.tooSmall() && a != nil {
			a.pause(true)
		}
		return m, nil
	case tea.ResumeMsg:
		return m, nil // a suspended timer stays paused until space
	case loadedMsg:
		return m, m.takeJournal(msg)
	case tickMsg:
		if m.sess != nil {
			return m, m.sess.tick(msg)
		}
	case assessTickMsg:
		if a := m.assess(); a != nil {
			return m, a.tick(msg)
		}
	}
	return m, nil
}

func (m *Model) key(k tea.KeyMsg) tea.Cmd {
	// Keys typed faster than the terminal is read arrive together ("0n");
	// each is an answer of its own.
	if k.Type == tea.KeyRunes && len(k.Runes) > 1 && !k.Paste {
		var cmds []tea.Cmd
		for _, r := range k.Runes {
			cmds = append(cmds, m.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
		}
		return tea.Batch(cmds...)
	}
	if m.tooSmall() {
		return nil
	}
	if m.confirmQuit {
		return m.answerQuit(k)
	}
	keys := &m.ctx.Keys
	switch {
	case key.Matches(k, keys.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.layout()
		return nil
	case m.help.ShowAll && key.Matches(k, keys.Close):
		m.help.ShowAll = false
		m.layout()
		return nil
	}
	cmd, n := m.active().Update(k)
	return tea.Batch(cmd, m.follow(n))
}

func (m *Model) active() screenModel { return m.models[m.screen] }

// assess is the outcome measure open now, or nil.
func (m *Model) assess() *assessModel {
	a, _ := m.models[scrAssess].(*assessModel)
	return a
}

// follow follows a screen's nav.
func (m *Model) follow(n nav) tea.Cmd {
	switch {
	case n.ask:
		m.confirmQuit = true
		return nil
	case n.done:
		m.sess = nil
		delete(m.models, scrSession)
		delete(m.models, scrCheckin)
		delete(m.models, scrAssess)
		if m.opt.Routine != "" || m.opt.Assess != "" {
			m.quitting = true
			return tea.Quit
		}
		n.to = scrHome
	}
	switch n.to {
	case scrStay:
		return nil
	case scrHome:
		if m.reload() && m.ctx.journal != "" {
			// Another library: the journal is replayed through it from
			// its file, after this screen is drawn.
			m.ctx.Records = nil
			m.ctx.loading = true
			m.screen = scrHome
			m.layout()
			m.models[scrHome].(*homeModel).refresh()
			return m.load(m.ctx.Lib)
		}
		m.ctx.Replay()
		m.models[scrHome].(*homeModel).refresh()
	case scrCard:
		m.models[scrCard] = newCard(m.ctx, n.ex)
	case scrPage:
		m.models[scrPage] = newPage(m.ctx, n.page)
	case scrCheckin:
		c, ok := newCheckin(m.ctx, n.routine)
		if !ok {
			return nil
		}
		m.models[scrCheckin] = c
	case scrAssess:
		a, ok := newAssess(m.ctx, n.test)
		if !ok {
			return nil
		}
		m.models[scrAssess] = a
	case scrSession:
		m.sess = newSession(m.ctx, n.start)
		m.models[scrSession] = m.sess
		delete(m.models, scrCheckin)
	}
	m.screen = n.to
	m.layout()
	if n.to == scrSession {
		return m.sess.begin()
	}
	return nil
}

// reload takes up a library that changed on disk, on the way home; one
// with errors is left, and home says so. It reports whether it took one
// up: the journal must then be replayed through it from the start.
func (m *Model) reload() bool {
	if m.opt.Reload == nil {
		return false
	}
	lib, errs := m.opt.Reload()
	took := false
	switch {
	case lib == nil:
		return false
	case len(errs) > 0:
		m.libErrors = len(errs)
	default:
		m.ctx.Lib, m.loaded, m.libErrors = lib, m.ctx.Now(), 0
		m.opt.LibraryProblems = nil
		m.models[scrLibrary] = newLibrary(m.ctx)
		took = true
		if m.ctx.journal == "" {
			m.ctx.replayer = coach.NewReplayer(lib)
			m.ctx.replayer.Add(m.ctx.base)
		}
	}
	m.models[scrHome].(*homeModel).problems = m.problems()
	return took
}

// problems are the warnings home shows.
func (m *Model) problems() []string {
	out := append([]string(nil), m.opt.LibraryProblems...)
	if m.libErrors > 0 {
		// Two short lines: home gives each problem one line, even in the
		// narrowest window.
		out = append(out, fmt.Sprintf("The library changed but has %d error(s).", m.libErrors),
			fmt.Sprintf("Still using the one from %s: run limber validate.", m.loaded.Format("15:04")))
	}
	out = append(out, m.journalProblems...)
	return append(out, m.opt.Problems...)
}

// answerQuit handles y/n after q.
func (m *Model) answerQuit(k tea.KeyMsg) tea.Cmd {
	keys := &m.ctx.Keys
	switch {
	case key.Matches(k, keys.Yes), key.Matches(k, keys.Quit):
		m.confirmQuit = false
		if m.sess != nil && m.screen == scrSession {
			m.sess.quit()
			return m.follow(nav{done: true})
		}
		if m.screen == scrCheckin && m.opt.Routine == "" || m.screen == scrAssess && m.opt.Assess == "" {
			return m.follow(nav{done: true})
		}
		m.quitting = true
		return tea.Quit
	case key.Matches(k, keys.No), key.Matches(k, keys.Close), key.Matches(k, keys.Enter):
		m.confirmQuit = false
		if m.sess != nil && m.screen == scrSession {
			return m.sess.carryOn()
		}
		if a := m.assess(); a != nil && m.screen == scrAssess {
			return a.carryOn()
		}
	}
	return nil
}

// leaveNow is ctrl+c: what is done is kept, the session is closed.
func (m *Model) leaveNow() {
	if m.sess != nil {
		m.sess.quit()
	}
	m.quitting = true
}

// layout gives every screen the size left between header and footer.
func (m *Model) layout() {
	w, h := m.bodySize(m.header(), m.footer())
	for _, s := range m.models {
		s.SetSize(w, h)
	}
}

// bodySize is the room left between header and footer.
func (m *Model) bodySize(header, footer string) (int, int) {
	return m.ctx.Width - 2, m.ctx.Height - lineCount(header) - lineCount(footer)
}

func (m *Model) tooSmall() bool { return m.ctx.Width < MinWidth || m.ctx.Height < MinHeight }

func lineCount(s string) int { return strings.Count(s, "\n") + 1 }

// View draws the screen; it only reads the model.
func (m *Model) View() string {
	if m.quitting {
		return ""
	}
	if m.tooSmall() {
		// Short lines, so that even a tiny window shows all of it.
		msg := fmt.Sprintf("Window too small.\nlimber needs %d×%d;\nthis one is %d×%d.", MinWidth, MinHeight, m.ctx.Width, m.ctx.Height)
		if m.sess != nil && m.sess.sizePaused {
			msg += "\nThe timer is paused."
		}
		return msg
	}
	header, footer := m.header(), m.footer()
	w, h := m.bodySize(header, footer)
	body := m.active().View()
	if m.confirmQuit {
		body = m.viewConfirmQuit(h)
	}
	return header + "\n" + strings.Join(fit(strings.Split(body, "\n"), h, w), "\n") + "\n" + footer
}

func (m *Model) header() string {
	st := m.ctx.Styles
	left := st.Title.Render("limber")
	if t := m.active().Title(); t != "" {
		left += st.Subtle.Render(" · " + clean(t))
	}
	if m.ctx.Demo {
		left += " " + st.Banner.Render("DEMO: nothing is recorded")
	}
	right := m.ctx.Now().Format("Mon 2 Jan 15:04")
	if m.sess != nil && m.screen == scrSession {
		if r := m.sess.where(); r != "" {
			right = r
		}
	}
	w := m.ctx.Width - 2
	line := spread(left, st.Subtle.Render(right), w)
	return " " + line + "\n " + st.Rule.Render(strings.Repeat("─", max(0, w)))
}

func (m *Model) footer() string {
	keys := helpKeys{short: m.active().Keys(), always: []key.Binding{m.ctx.Keys.Help}}
	if m.confirmQuit {
		keys.short = []key.Binding{m.ctx.Keys.Yes, m.ctx.Keys.No}
	}
	if m.help.ShowAll {
		keys.always = []key.Binding{label(m.ctx.Keys.Help, "?/esc", "fewer keys"), m.ctx.Keys.ForceQ, m.ctx.Keys.Suspend}
	}
	var lines []string
	for _, l := range strings.Split(m.help.View(keys), "\n") {
		// bubbles/help can overrun its width when the ellipsis does not
		// fit; the footer never does.
		lines = append(lines, " "+text.Truncate(l, m.ctx.Width-2))
	}
	return strings.Join(lines, "\n")
}

func (m *Model) viewConfirmQuit(h int) string {
	st := m.ctx.Styles
	msg := "Leave limber?"
	if m.sess != nil && m.screen == scrSession && m.sess.started {
		msg = "Leave this session? What you have done is saved."
		if u, _ := m.ctx.Unsaved(); len(u) > 0 {
			msg = "Leave this session? Some of what you did could not be saved."
		}
	}
	if m.screen == scrAssess {
		msg = "Leave this test? Nothing of it is recorded until the end."
		if u, _ := m.ctx.Unsaved(); len(u) > 0 {
			msg = "Leave without saving your result?"
		}
	}
	return strings.Join(center([]string{"", st.Title.Render(msg), "", st.Key.Render("y") + "  yes, leave      " + st.Key.Render("n") + "  no, carry on"}, h), "\n")
}

// clean makes YAML text safe for the terminal (validation already refused
// control characters; this is the second lock).
func clean(s string) string { return exercises.Clean(s, false) }
