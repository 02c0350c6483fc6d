// Package tui is limber's coach: bubbletea models, views, styles and keys.
// It holds no rules: the exercises package decides, the journal records.
package tui

import (
	"fmt"
	"io"
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
	Library  *exercises.Library
	Records  []journal.Record // the journal as read at start
	Recorder Recorder
	Now      func() time.Time
	Demo     bool    // nothing recorded; free stepping
	Speed    float64 // timers run this many times faster (demo)
	Routine  string  // start in this routine (limber run); "" for home
	Color    bool
	Cues     Cues
	// Notice shows the one-time notice that limber supports, and does not
	// replace, a clinician; NoticeSeen is called once it was read.
	Notice     bool
	NoticeSeen func()
	// Trace, when set, gets one line per hold or timed set: its deadline
	// and when the coach saw it end (for measuring timer precision).
	Trace io.Writer
	// Problems are one-line warnings to show at home (skipped library
	// files, damaged journal lines).
	Problems []string
}

type screen int

const (
	scrNotice screen = iota
	scrHome
	scrLibrary
	scrCard
	scrTips
	scrSession
	scrProgress
)

// Model is the root: a screen enum and one state per screen.
type Model struct {
	opt      Options
	st       Styles
	keys     KeyMap
	help     help.Model
	width    int
	height   int
	screen   screen
	records  []journal.Record
	progress *coach.Progress

	homeCursor int
	routines   []homeItem
	libCursor  int
	libList    []*exercises.Exercise
	card       *exercises.Exercise
	tipScroll  int

	progressLines []string
	adjusting     bool // the card's ladder picker (therapist)
	adjustIdx     int
	adjustConfirm bool

	sess        *session
	confirmQuit bool
	saveErr     string
	quitting    bool
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
	m := &Model{opt: opt, st: NewStyles(opt.Color), keys: DefaultKeyMap(), help: help.New(), width: 80, height: 24}
	m.help.ShowAll = false
	m.records = append([]journal.Record(nil), opt.Records...)
	m.progress = coach.Replay(opt.Library, m.records)
	m.libList = byCategory(m.opt.Library.Exercises())
	m.refreshHome()
	m.screen = scrHome
	if opt.Notice {
		m.screen = scrNotice
	} else if opt.Routine != "" {
		m.startRoutine(opt.Routine)
	}
	m.syncKeys()
	return m
}

// Init starts listening for journal write failures.
func (m *Model) Init() tea.Cmd { return listenErrors(m.opt.Recorder) }

// record journals records and keeps them for the replay.
func (m *Model) record(recs ...journal.Record) {
	if m.opt.Demo {
		return
	}
	m.opt.Recorder.Record(recs...)
	m.records = append(m.records, recs...)
}

// replay recomputes every rung from the records (after a session start and
// at the end of a session).
func (m *Model) replay() { m.progress = coach.Replay(m.opt.Library, m.records) }

// Update handles messages in a fixed order: global keys, window size,
// results of background work, then the active screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.ForceQ):
			m.endSessionOnQuit()
			m.quitting = true
			return m, tea.Quit
		case key.Matches(msg, m.keys.Suspend):
			if m.sess != nil {
				m.sess.pauseTimer(m.opt.Now())
			}
			return m, tea.Suspend
		}
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.Width = msg.Width - 2
		return m, nil
	case tea.ResumeMsg:
		return m, nil // a suspended timer stays paused until space
	case saveErrMsg:
		m.saveErr = fmt.Sprintf("Could not save to the journal: %v", msg.err)
		return m, listenErrors(m.opt.Recorder)
	case tickMsg:
		if m.sess != nil && m.screen == scrSession {
			cmd := m.sess.tick(m, msg)
			m.syncKeys()
			return m, cmd
		}
		return m, nil
	}
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	// Keys typed faster than the terminal is read arrive together ("0n");
	// each is an answer of its own.
	if k.Type == tea.KeyRunes && len(k.Runes) > 1 && !k.Paste {
		var cmds []tea.Cmd
		for _, r := range k.Runes {
			_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			cmds = append(cmds, cmd)
		}
		return m, tea.Batch(cmds...)
	}
	if m.confirmQuit {
		cmd := m.answerQuit(k)
		m.syncKeys()
		return m, cmd
	}
	if key.Matches(k, m.keys.Help) {
		m.help.ShowAll = !m.help.ShowAll
		if m.help.ShowAll {
			m.keys.Help.SetHelp("?", "fewer keys")
		} else {
			m.keys.Help.SetHelp("?", "more keys")
		}
		return m, nil
	}
	var cmd tea.Cmd
	switch m.screen {
	case scrNotice:
		cmd = m.updateNotice(k)
	case scrHome:
		cmd = m.updateHome(k)
	case scrLibrary:
		cmd = m.updateLibrary(k)
	case scrCard:
		cmd = m.updateCard(k)
	case scrTips, scrProgress:
		cmd = m.updatePage(k, scrHome)
	case scrSession:
		cmd = m.sess.update(m, k)
	}
	m.syncKeys()
	return m, cmd
}

// answerQuit handles y/n after q.
func (m *Model) answerQuit(k tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Yes), key.Matches(k, m.keys.Quit):
		m.confirmQuit = false
		if m.screen == scrSession && m.sess != nil {
			m.endSessionOnQuit()
			if m.opt.Routine != "" {
				m.quitting = true
				return tea.Quit
			}
			m.toHome()
			return nil
		}
		m.quitting = true
		return tea.Quit
	case key.Matches(k, m.keys.No), k.Type == tea.KeyEsc, key.Matches(k, m.keys.Enter):
		m.confirmQuit = false
		if m.screen == scrSession && m.sess != nil {
			return m.sess.carryOn(m)
		}
	}
	return nil
}

// endSessionOnQuit records that a session was left part-way.
func (m *Model) endSessionOnQuit() {
	if m.sess != nil && m.sess.started && !m.sess.ended {
		m.sess.ended = true
		m.record(journal.Record{Kind: journal.KindSessionEnd, At: m.opt.Now(), Session: m.sess.id, Routine: m.sess.rt.ID, Outcome: "quit"})
	}
}

func (m *Model) toHome() {
	m.sess = nil
	m.screen = scrHome
	m.replay()
	m.refreshHome()
	m.syncKeys()
}

// syncKeys enables the keys of the current screen, for the help footer.
func (m *Model) syncKeys() {
	k := &m.keys
	if m.confirmQuit {
		k.only(&k.Yes, &k.No)
		return
	}
	switch m.screen {
	case scrNotice:
		k.only(&k.Enter, &k.Quit)
	case scrHome:
		k.only(&k.Up, &k.Down, &k.Enter, &k.Library, &k.Tips, &k.Progress, &k.Quit)
		k.Enter.SetHelp("enter", "start")
	case scrLibrary:
		k.only(&k.Up, &k.Down, &k.Enter, &k.Back, &k.Quit)
		k.Enter.SetHelp("enter", "open")
	case scrCard:
		switch {
		case m.adjustConfirm:
			k.only(&k.Yes, &k.No)
		case m.adjusting:
			k.only(&k.Up, &k.Down, &k.Enter, &k.Back)
			k.Up.SetHelp("↑", "harder")
			k.Down.SetHelp("↓", "easier")
			k.Enter.SetHelp("enter", "place here")
		default:
			k.only(&k.Up, &k.Down, &k.Back, &k.Adjust, &k.Quit)
			k.Up.SetHelp("↑", "up")
			k.Down.SetHelp("↓", "down")
		}
	case scrTips, scrProgress:
		k.only(&k.Up, &k.Down, &k.Back, &k.Quit)
	case scrSession:
		if m.sess != nil {
			m.sess.syncKeys(m)
		}
	}
}

// View draws the screen; it only reads the model.
func (m *Model) View() string {
	if m.quitting {
		return ""
	}
	if m.width < 60 || m.height < 20 {
		// Short lines, so that even a tiny window shows all of it.
		return fmt.Sprintf("Window too small.\nlimber needs 60×20;\nthis one is %d×%d.", m.width, m.height)
	}
	header := m.header()
	footer := m.footer()
	bodyH := m.height - lipglossHeight(header) - lipglossHeight(footer)
	var body []string
	switch m.screen {
	case scrNotice:
		body = m.viewNotice(bodyH)
	case scrHome:
		body = m.viewHome(bodyH)
	case scrLibrary:
		body = m.viewLibrary(bodyH)
	case scrCard:
		if m.adjusting {
			body = m.viewAdjust(bodyH)
		} else {
			body = m.viewCard(m.card, m.cardDose(m.card), bodyH, m.tipScroll)
		}
	case scrTips:
		body = m.viewTips(bodyH)
	case scrProgress:
		body = m.viewProgress(bodyH)
	case scrSession:
		body = m.sess.view(m, bodyH)
	}
	if m.confirmQuit {
		body = m.viewConfirmQuit(bodyH)
	}
	return header + "\n" + strings.Join(fit(body, bodyH, m.width-2), "\n") + "\n" + footer
}

func lipglossHeight(s string) int { return strings.Count(s, "\n") + 1 }

func (m *Model) header() string {
	left := m.st.Title.Render("limber")
	switch m.screen {
	case scrSession:
		if m.sess != nil {
			left += m.st.Subtle.Render(" · " + clean(m.sess.rt.Name))
		}
	case scrLibrary, scrCard:
		left += m.st.Subtle.Render(" · library")
	case scrTips:
		left += m.st.Subtle.Render(" · tips")
	case scrProgress:
		left += m.st.Subtle.Render(" · progress")
	}
	if m.opt.Demo {
		left += " " + m.st.Banner.Render("DEMO: nothing is recorded")
	}
	right := m.opt.Now().Format("Mon 2 Jan 15:04")
	if m.screen == scrSession && m.sess != nil && m.sess.ex != nil {
		right = fmt.Sprintf("exercise %d of %d", m.sess.idx+1, len(m.sess.plan))
	}
	line := spread(left, m.st.Subtle.Render(right), m.width-2)
	rule := m.st.Rule.Render(strings.Repeat("─", m.width-2))
	return " " + line + "\n " + rule
}

func (m *Model) footer() string {
	var lines []string
	if m.saveErr != "" {
		lines = append(lines, " "+m.st.Stop.Render("! "+m.saveErr))
	}
	h := m.help.View(m.keys)
	for _, l := range strings.Split(h, "\n") {
		// bubbles/help can overrun its width when the ellipsis does not
		// fit; the footer never does.
		if lipgloss.Width(l) > m.width-2 {
			l = text.Truncate(l, m.width-2)
		}
		lines = append(lines, " "+l)
	}
	return strings.Join(lines, "\n")
}

func (m *Model) viewConfirmQuit(h int) []string {
	msg := "Leave limber?"
	if m.screen == scrSession && m.sess != nil && m.sess.started {
		msg = "Leave this session? What you have done is saved."
	}
	return center([]string{"", m.st.Title.Render(msg), "", "y  yes, leave      n  no, carry on"}, h)
}

// clean makes YAML text safe for the terminal (validation already refused
// control characters; this is the second lock).
func clean(s string) string { return exercises.Clean(s, false) }

func (m *Model) updateNotice(k tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Enter):
		if m.opt.NoticeSeen != nil {
			m.opt.NoticeSeen()
		}
		m.screen = scrHome
		if m.opt.Routine != "" {
			m.startRoutine(m.opt.Routine)
		}
	case key.Matches(k, m.keys.Quit):
		m.confirmQuit = true
	}
	return nil
}

func (m *Model) viewNotice(h int) []string {
	w := min(m.width-6, 70)
	lines := []string{
		m.st.Title.Render("Welcome to limber"),
		"",
		text.Wrap("limber guides your exercises, counts for you, and adjusts them to how you feel.", w),
		"",
		text.Wrap("It supports, and does not replace, advice from your doctor, nurse or therapist. Follow the plan they gave you.", w),
		"",
		text.Wrap("Stop and rest if you feel chest pain, faintness or sharp pain, and contact your clinician.", w),
		"",
		m.st.Key.Render("enter") + "  I understand",
	}
	return center(strings.Split(strings.Join(lines, "\n"), "\n"), h)
}

// byCategory orders exercises as the library screen groups them.
func byCategory(xs []*exercises.Exercise) []*exercises.Exercise {
	var out []*exercises.Exercise
	for _, c := range exercises.Categories {
		for _, x := range xs {
			if x.Category == c {
				out = append(out, x)
			}
		}
	}
	return out
}
