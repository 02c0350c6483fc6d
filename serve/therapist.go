package serve

// The therapist's session: a list of patients; for each, watch their live
// session (read-only), read their progress report, adjust a rung (recorded
// in their journal with the therapist's name), or demo a routine at their
// rungs (nothing recorded).

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
	"limber/profile"
	"limber/report"
	"limber/text"
	"limber/tui"
)

type tscreen int

const (
	tList      tscreen = iota // the patients
	tPatient                  // one patient: what to do
	tReport                   // their progress report
	tExercises                // pick an exercise to adjust
	tLadder                   // pick its rung
	tRoutines                 // pick a routine to demo
	tDemo                     // the demo, the coach itself
	tWatch                    // their live screen
)

// therapistKeys are the keys of the therapist's screens beyond the
// coach's own.
type therapistKeys struct {
	Watch, Report, Adjust, Demo key.Binding
}

func newTherapistKeys() therapistKeys {
	b := func(k, h string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, h)) }
	return therapistKeys{Watch: b("w", "watch"), Report: b("r", "report"), Adjust: b("a", "adjust a rung"), Demo: b("d", "demo a routine")}
}

// patientData is one patient's journal, read.
type patientData struct {
	p     *Person
	j     *journal.Journal
	recs  []journal.Record
	prog  *coach.Progress
	warns int
}

type therapistModel struct {
	srv  *Server
	who  *Person
	done <-chan struct{} // the session ended: waiting commands give up
	t    terminal
	st   tui.Styles
	keys tui.KeyMap
	tk   therapistKeys
	help help.Model
	w, h int

	screen tscreen
	cursor int // in the patients, the exercises or the routines
	cur    *patientData
	msg    string // a line for the therapist: saved, or why not
	isErr  bool

	report viewport.Model

	exs     []*exercises.Exercise
	exIdx   int
	rungIdx int
	confirm bool

	demo *tui.Model

	live      *Live
	frame     Frame
	watchStop chan struct{}
	watchGen  int

	closing bool
}

// demoEndedMsg is the demo's coach quitting: back to the patient.
type demoEndedMsg struct{}

// watchMsg wakes the watch: the screen changed, or a patient connected.
type watchMsg struct{ gen int }

// rosterMsg: a patient connected or left, for the list's marks.
type rosterMsg struct{}

func (s *Server) therapistModel(ss *session, t terminal) tea.Model {
	m := &therapistModel{srv: s, who: ss.who, done: ss.done, t: t, st: tui.NewStylesFor(t.r, t.color), keys: tui.DefaultKeyMap(),
		tk: newTherapistKeys(), help: help.New(), w: t.w, h: t.h}
	m.help.Styles = m.st.Help
	m.report = viewport.New(0, 0)
	return m
}

func (m *therapistModel) Init() tea.Cmd { return m.waitRoster() }

// quit decides what a quit means: the demo's coach leaving returns to the
// patient; anything else ends the session.
func (m *therapistModel) quit() tea.Msg {
	if m.screen == tDemo && !m.closing {
		return demoEndedMsg{}
	}
	return tea.QuitMsg{}
}

func (m *therapistModel) waitRoster() tea.Cmd {
	_, ch := m.srv.hub.Get("")
	done := m.done
	return func() tea.Msg {
		select {
		case <-ch:
			return rosterMsg{}
		case <-done:
			return nil
		}
	}
}

func (m *therapistModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case closeMsg:
		m.closing = true
		if m.demo != nil {
			m.demo.Update(ctrlC)
		}
		m.stopWatch()
		return m, tea.Quit
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.help.Width = m.w - 2
		m.layout()
		if m.demo != nil {
			m.demo.Update(msg)
		}
		return m, nil
	case rosterMsg:
		if m.closing {
			return m, nil
		}
		return m, m.waitRoster()
	case demoEndedMsg:
		m.demo = nil
		m.screen = tPatient
		return m, nil
	case watchMsg:
		if msg.gen != m.watchGen || m.screen != tWatch {
			return m, nil
		}
		return m, m.follow()
	case tea.KeyMsg:
		if m.screen == tDemo {
			break
		}
		if key.Matches(msg, m.keys.ForceQ) {
			m.closing = true
			m.stopWatch()
			return m, tea.Quit
		}
		return m, m.key(msg)
	}
	if m.screen == tDemo && m.demo != nil {
		_, cmd := m.demo.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m *therapistModel) key(k tea.KeyMsg) tea.Cmd {
	keys := &m.keys
	back := key.Matches(k, keys.Back) || key.Matches(k, keys.Close)
	switch m.screen {
	case tList:
		ps := m.srv.Keys().Patients()
		switch {
		case key.Matches(k, keys.Up):
			m.cursor = max(0, m.cursor-1)
		case key.Matches(k, keys.Down):
			m.cursor = min(len(ps)-1, m.cursor+1)
		case key.Matches(k, keys.Enter) && len(ps) > 0:
			m.open(ps[min(m.cursor, len(ps)-1)])
		case key.Matches(k, keys.Quit):
			m.closing = true
			return tea.Quit
		}
	case tPatient:
		switch {
		case key.Matches(k, m.tk.Watch):
			return m.startWatch()
		case key.Matches(k, m.tk.Report):
			m.reload()
			m.screen = tReport
			m.layout()
			m.report.GotoTop()
		case key.Matches(k, m.tk.Adjust):
			m.reload()
			m.exs = m.exerciseList()
			m.screen, m.cursor = tExercises, 0
		case key.Matches(k, m.tk.Demo):
			m.screen, m.cursor = tRoutines, 0
		case back:
			m.screen, m.cur, m.msg = tList, nil, ""
			m.cursor = m.indexOf()
		case key.Matches(k, keys.Quit):
			m.closing = true
			return tea.Quit
		}
	case tReport:
		if back {
			m.screen = tPatient
			return nil
		}
		m.report, _ = m.report.Update(k)
	case tExercises:
		switch {
		case key.Matches(k, keys.Up):
			m.cursor = max(0, m.cursor-1)
		case key.Matches(k, keys.Down):
			m.cursor = min(len(m.exs)-1, m.cursor+1)
		case key.Matches(k, keys.Enter) && len(m.exs) > 0:
			m.exIdx = m.cursor
			x := m.exs[m.exIdx]
			m.rungIdx, _ = x.Ladder.Index(m.rungOf(x))
			m.screen, m.confirm, m.msg = tLadder, false, ""
		case back:
			m.screen = tPatient
		}
	case tLadder:
		m.keyLadder(k, back)
	case tRoutines:
		rts := m.srv.cfg.Library.Routines()
		switch {
		case key.Matches(k, keys.Up):
			m.cursor = max(0, m.cursor-1)
		case key.Matches(k, keys.Down):
			m.cursor = min(len(rts)-1, m.cursor+1)
		case key.Matches(k, keys.Enter) && len(rts) > 0:
			return m.startDemo(rts[m.cursor])
		case back:
			m.screen = tPatient
		}
	case tWatch:
		if back {
			m.stopWatch()
			m.screen = tPatient
		}
	}
	return nil
}

// open reads a patient's journal and shows what can be done for them.
func (m *therapistModel) open(p *Person) {
	m.cur = &patientData{p: p}
	m.reload()
	m.screen, m.msg = tPatient, ""
}

// reload reads the patient's journal again: the patient may have done a
// set since.
func (m *therapistModel) reload() {
	d := m.cur
	j, err := journal.Open(m.srv.PatientDir(d.p))
	if err != nil {
		m.msg, m.isErr = "Their journal could not be opened: "+err.Error(), true
		d.prog = coach.Replay(m.srv.cfg.Library, nil)
		return
	}
	recs, warns, err := journal.Read(j.Path())
	if err != nil {
		m.msg, m.isErr = "Their journal could not be read: "+err.Error(), true
	}
	d.j, d.recs, d.warns = j, recs, len(warns)
	d.prog = coach.Replay(m.srv.cfg.Library, recs)
}

func (m *therapistModel) indexOf() int {
	for i, p := range m.srv.Keys().Patients() {
		if m.cur != nil && p == m.cur.p {
			return i
		}
	}
	return 0
}

// exerciseList is every exercise, those the patient has done first.
func (m *therapistModel) exerciseList() []*exercises.Exercise {
	var done, rest []*exercises.Exercise
	for _, x := range m.srv.cfg.Library.Exercises() {
		if st, ok := m.cur.prog.State(x.ID); ok && (st.Sessions > 0 || len(st.Moves) > 0) {
			done = append(done, x)
		} else {
			rest = append(rest, x)
		}
	}
	return append(done, rest...)
}

func (m *therapistModel) rungOf(x *exercises.Exercise) exercises.Rung {
	d, _ := m.cur.prog.Now(x, x.Dose)
	return d.Rung()
}

func (m *therapistModel) keyLadder(k tea.KeyMsg, back bool) {
	keys := &m.keys
	x := m.exs[m.exIdx]
	if m.confirm {
		switch {
		case key.Matches(k, keys.Yes):
			m.place(x, x.Ladder.At(m.rungIdx))
			m.confirm = false
			m.screen = tExercises
		case key.Matches(k, keys.No), back:
			m.confirm = false
		}
		return
	}
	switch {
	case key.Matches(k, keys.Up):
		m.rungIdx = min(x.Ladder.Len()-1, m.rungIdx+1)
	case key.Matches(k, keys.Down):
		m.rungIdx = max(0, m.rungIdx-1)
	case key.Matches(k, keys.Enter):
		m.confirm = true
	case back:
		m.screen = tExercises
	}
}

// place records the patient's new rung in their journal, with the
// therapist's name, as limber adjust does.
func (m *therapistModel) place(x *exercises.Exercise, to exercises.Rung) {
	d := m.cur
	m.reload() // what the patient did meanwhile counts
	if d.j == nil {
		return
	}
	now := m.srv.cfg.Now()
	from := m.rungOf(x)
	_, state := d.prog.Now(x, x.Dose)
	dec := exercises.Adjusted(x, state, to)
	rg := to
	rec := journal.Record{Kind: journal.KindAdjust, At: now, Session: journal.NewSessionID(now), Exercise: x.ID, Rung: &rg,
		Note:     "placed by " + m.who.Name + " over limber serve",
		Decision: &journal.Decision{From: dec.From, To: dec.To, Reason: dec.Reason}}
	if err := d.j.Append(rec); err != nil {
		m.msg, m.isErr = "Not saved: "+err.Error()+". Nothing was changed; try again.", true
		return
	}
	m.reload()
	m.msg, m.isErr = fmt.Sprintf("Saved: %s is now %s (was %s).", clean(x.Name), clean(exercises.RungText(x, to)), clean(exercises.RungText(x, from))), false
	if m.srv.hub.Live(d.p.Folder) {
		m.msg += " " + d.p.Name + " is connected now: the coach shows it from their next start."
	}
}

func (m *therapistModel) startDemo(rt *exercises.Routine) tea.Cmd {
	m.demo = tui.New(tui.Options{
		Library: m.srv.cfg.Library, Records: m.cur.recs, Now: m.srv.cfg.Now, Demo: true, Speed: m.srv.cfg.Speed,
		Routine: rt.ID, Color: m.t.color, Renderer: m.t.r, Cues: tui.Cues{Bell: m.t.bell},
	})
	m.demo.Update(tea.WindowSizeMsg{Width: m.w, Height: m.h})
	m.screen = tDemo
	return m.demo.Init()
}

// startWatch follows the patient's live screen.
func (m *therapistModel) startWatch() tea.Cmd {
	m.stopWatch()
	m.watchStop = make(chan struct{})
	m.screen = tWatch
	m.live, m.frame = nil, Frame{}
	return m.follow()
}

func (m *therapistModel) stopWatch() {
	if m.watchStop != nil {
		close(m.watchStop)
		m.watchStop = nil
	}
	m.watchGen++
}

// follow takes the latest frame and waits for the next change: of the
// screen while the patient is connected, else of who is connected.
func (m *therapistModel) follow() tea.Cmd {
	if m.live != nil {
		f, next := m.live.Frame()
		m.frame = f
		if !f.Ended {
			return m.wake(next)
		}
		m.live = nil // ended: wait for them to connect again
	}
	live, joined := m.srv.hub.Get(m.cur.p.Folder)
	if live != nil {
		m.live = live
		f, next := live.Frame()
		m.frame = f
		return m.wake(next)
	}
	return m.wake(joined)
}

func (m *therapistModel) wake(ch <-chan struct{}) tea.Cmd {
	stop, gen, done := m.watchStop, m.watchGen, m.done
	return func() tea.Msg {
		select {
		case <-ch:
			return watchMsg{gen: gen}
		case <-stop:
			return nil
		case <-done:
			return nil
		}
	}
}

// layout sizes the report to the body, and writes it while it is shown:
// only r (and a resize then) reads the profile and builds the report,
// not every reading of the journal.
func (m *therapistModel) layout() {
	w, h := m.bodySize()
	m.report.Width, m.report.Height = w, h
	if m.screen == tReport && m.cur != nil && m.cur.prog != nil {
		m.report.SetContent(reportText(m.srv, m.cur, w))
	}
}

func (m *therapistModel) bodySize() (int, int) {
	return max(1, m.w-2), max(1, m.h-4)
}

func clean(s string) string { return exercises.Clean(s, false) }

// View draws the therapist's screen.
func (m *therapistModel) View() string {
	if m.closing {
		return ""
	}
	if m.screen == tDemo && m.demo != nil {
		return m.demo.View()
	}
	if m.w < tui.MinWidth || m.h < tui.MinHeight {
		return fmt.Sprintf("Window too small.\nlimber needs %d×%d;\nthis one is %d×%d.", tui.MinWidth, tui.MinHeight, m.w, m.h)
	}
	w, h := m.bodySize()
	var body []string
	switch m.screen {
	case tList:
		body = m.viewList(w)
	case tPatient:
		body = m.viewPatient(w)
	case tReport:
		body = strings.Split(m.report.View(), "\n")
	case tExercises:
		body = m.viewExercises(w, h)
	case tLadder:
		body = m.viewLadder(w)
	case tRoutines:
		body = m.viewRoutines(w, h)
	case tWatch:
		body = m.viewWatch(w, h)
	}
	if len(body) > h {
		body = body[:h]
	}
	for len(body) < h {
		body = append(body, "")
	}
	for i, l := range body {
		body[i] = " " + text.Truncate(l, w)
	}
	return m.header() + "\n" + strings.Join(body, "\n") + "\n" + m.footer()
}

func (m *therapistModel) header() string {
	st := m.st
	left := st.Title.Render("limber") + st.Subtle.Render(" · therapist · "+clean(m.who.Name))
	if m.cur != nil && m.screen != tList {
		left += st.Subtle.Render(" · " + clean(m.cur.p.Name))
	}
	right := st.Subtle.Render(m.srv.cfg.Now().Format("Mon 2 Jan 15:04"))
	w := m.w - 2
	gap := max(1, w-text.Width(left)-text.Width(right))
	line := text.Truncate(left+strings.Repeat(" ", gap)+right, w)
	return " " + line + "\n " + st.Rule.Render(strings.Repeat("─", max(0, w)))
}

func (m *therapistModel) footer() string {
	k := m.keys
	var keys []key.Binding
	switch m.screen {
	case tList:
		keys = []key.Binding{withHelp(k.Enter, "open"), k.Up, k.Down, k.Quit}
	case tPatient:
		keys = []key.Binding{m.tk.Watch, m.tk.Report, m.tk.Adjust, m.tk.Demo, withHelp(k.Back, "patients"), k.Quit}
	case tReport:
		keys = []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Back}
	case tExercises, tRoutines:
		keys = []key.Binding{withHelp(k.Enter, "choose"), k.Up, k.Down, k.Back}
	case tLadder:
		keys = []key.Binding{withHelp(k.Up, "harder"), withHelp(k.Down, "easier"), withHelp(k.Enter, "place here"), withHelp(k.Back, "cancel")}
		if m.confirm {
			keys = []key.Binding{k.Yes, k.No}
		}
	case tWatch:
		keys = []key.Binding{withHelp(k.Back, "stop watching")}
	}
	return " " + text.Truncate(m.help.ShortHelpView(keys), m.w-2)
}

func withHelp(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

func (m *therapistModel) mark(i, cursor int, row string) string {
	if i == cursor {
		return m.st.Selected.Render("▸ " + row)
	}
	return "  " + row
}

func (m *therapistModel) viewList(w int) []string {
	st := m.st
	lines := []string{st.Heading.Render("Patients"), ""}
	ps := m.srv.Keys().Patients()
	if len(ps) == 0 {
		return append(lines, "No patients in the keys file yet.")
	}
	nameW := min(40, max(16, w-24))
	for i, p := range ps {
		row := text.Pad(text.Truncate(clean(p.Name), nameW), nameW)
		if m.srv.hub.Live(p.Folder) {
			row += "  ● in a session now"
		}
		lines = append(lines, m.mark(i, min(m.cursor, len(ps)-1), row))
	}
	return lines
}

func (m *therapistModel) viewPatient(w int) []string {
	st := m.st
	d := m.cur
	lines := []string{st.Heading.Render(clean(d.p.Name))}
	if m.srv.hub.Live(d.p.Folder) {
		lines = append(lines, st.Good.Render("● in a session now"))
	} else {
		lines = append(lines, st.Subtle.Render("not connected"))
	}
	if last := d.prog.LastSession(); last != nil {
		lines = append(lines, fmt.Sprintf("Last session: %s, %s", last.Start.In(m.srv.cfg.Now().Location()).Format("Mon 2 Jan 15:04"), outcomeWords(last.Outcome)))
	} else {
		lines = append(lines, "No session recorded yet.")
	}
	if n := len(d.prog.Flags); n > 0 {
		lines = append(lines, st.Warn.Render(fmt.Sprintf("%d flag(s) to look at: see the report", n)))
	}
	if d.warns > 0 {
		lines = append(lines, st.Warn.Render(fmt.Sprintf("%d damaged journal line(s) skipped", d.warns)))
	}
	lines = append(lines, "",
		st.Key.Render("w")+"  watch their session (read-only)",
		st.Key.Render("r")+"  read their progress report",
		st.Key.Render("a")+"  adjust a rung",
		st.Key.Render("d")+"  demo a routine at their rungs (nothing recorded)",
		st.Key.Render("b")+"  back to the patients")
	if m.msg != "" {
		style := st.Good
		if m.isErr {
			style = st.Stop
		}
		lines = append(lines, "")
		for _, l := range text.Lines(m.msg, w) {
			lines = append(lines, style.Render(l))
		}
	}
	return lines
}

func outcomeWords(o string) string {
	switch o {
	case "":
		return "not ended"
	case coach.OutcomeRedFlag:
		return "ended at the check-in (red flag)"
	}
	return o
}

// window is the slice of n rows, around cursor, that fits in h.
func window(n, cursor, h int) (from, to int) {
	h = max(1, h)
	from = max(0, min(cursor-h/2, n-h))
	return from, min(n, from+h)
}

func (m *therapistModel) viewExercises(w, h int) []string {
	st := m.st
	lines := []string{st.Heading.Render("Adjust a rung: which exercise?")}
	if m.msg != "" {
		style := st.Good
		if m.isErr {
			style = st.Stop
		}
		for _, l := range text.Lines(m.msg, w) {
			lines = append(lines, style.Render(l))
		}
	}
	lines = append(lines, "")
	nameW := min(34, max(16, w-30))
	from, to := window(len(m.exs), m.cursor, h-len(lines))
	for i := from; i < to; i++ {
		x := m.exs[i]
		row := text.Pad(text.Truncate(clean(x.Name), nameW), nameW) + "  " + clean(exercises.RungText(x, m.rungOf(x)))
		lines = append(lines, m.mark(i, m.cursor, row))
	}
	return lines
}

func (m *therapistModel) viewLadder(w int) []string {
	st := m.st
	x := m.exs[m.exIdx]
	now := m.rungOf(x)
	ni, _ := x.Ladder.Index(now)
	to := x.Ladder.At(m.rungIdx)
	lines := []string{
		st.Title.Render("Adjust " + clean(x.Name) + " for " + clean(m.cur.p.Name)),
		"",
		fmt.Sprintf("Now:      %s   (step %d of %d)", clean(exercises.RungText(x, now)), ni+1, x.Ladder.Len()),
		st.Selected.Render(fmt.Sprintf("Place on: %s   (step %d of %d)", clean(exercises.RungText(x, to)), m.rungIdx+1, x.Ladder.Len())),
	}
	if lv := x.LevelName(to.Level); lv != "" {
		lines = append(lines, st.Subtle.Render(fmt.Sprintf("          level %d: %s", to.Level, clean(lv))))
	}
	lines = append(lines, "", "↑ harder   ↓ easier   enter place here   b cancel")
	if m.confirm {
		lines = append(lines, "", st.Warn.Render("Place "+clean(m.cur.p.Name)+" on this step? It is recorded in their journal with your name."), "y  yes      n  no")
	}
	var out []string
	for _, l := range lines {
		out = append(out, text.Lines(l, w)...)
	}
	return out
}

func (m *therapistModel) viewRoutines(w, h int) []string {
	st := m.st
	lines := []string{st.Heading.Render("Demo a routine for " + clean(m.cur.p.Name)), st.Subtle.Render("At their rungs; nothing is recorded."), ""}
	rts := m.srv.cfg.Library.Routines()
	nameW := min(40, max(16, w-16))
	from, to := window(len(rts), m.cursor, h-len(lines))
	for i := from; i < to; i++ {
		rt := rts[i]
		lines = append(lines, m.mark(i, m.cursor, text.Pad(text.Truncate(clean(rt.Name), nameW), nameW)+"  "+rt.Frequency))
	}
	return lines
}

// viewWatch is the patient's screen as they see it, read-only.
func (m *therapistModel) viewWatch(w, h int) []string {
	st := m.st
	name := clean(m.cur.p.Name)
	if m.live == nil {
		msg := name + " is not in a session now."
		if m.frame.Ended {
			msg = name + "'s session has ended."
		}
		return []string{st.Heading.Render("Watching " + name), "", msg, "", st.Subtle.Render("This page shows their screen as soon as they connect.")}
	}
	f := m.frame
	head := st.Heading.Render("Watching "+name) + st.Subtle.Render(fmt.Sprintf(" · read-only · their window %d×%d", f.Width, f.Height))
	lines := []string{head}
	body := f.Text
	if !m.t.color {
		body = ansi.Strip(body)
	}
	frame := fitFrame(strings.Split(body, "\n"), h-1)
	cut := f.Width > w
	for i, l := range frame {
		// Cut as their terminal would, without an ellipsis on every line.
		frame[i] = ansi.Truncate(strings.TrimRight(l, " "), w, "")
		cut = cut || ansi.StringWidth(l) > w
	}
	if cut || len(frame) < f.Height && len(frame) == h-1 {
		lines[0] += st.Warn.Render(" · your window is smaller than theirs")
	}
	return append(lines, frame...)
}

// fitFrame fits a screen into h lines: runs of blank lines shrink first
// (the longest first, down to one), so that the question at the bottom and
// the keys stay in view; only then is the bottom cut.
func fitFrame(lines []string, h int) []string {
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	for len(lines) > h {
		// The longest run of blank lines.
		best, bestLen := -1, 1
		for i := 0; i < len(lines); {
			j := i
			for j < len(lines) && blank(lines[j]) {
				j++
			}
			if j-i > bestLen {
				best, bestLen = i, j-i
			}
			i = max(j, i+1)
		}
		if best < 0 {
			return lines[:h]
		}
		lines = append(lines[:best], lines[best+1:]...)
	}
	return lines
}

// reportText is the progress report, as limber report prints it.
func reportText(s *Server, d *patientData, w int) string {
	prof, err := profile.Load(s.PatientDir(d.p))
	if err != nil {
		prof = &profile.Profile{}
	}
	if prof.Name == "" {
		prof.Name = d.p.Name
	}
	r := report.Build(report.Input{Lib: s.cfg.Library, Progress: d.prog, Profile: prof, Now: s.cfg.Now()})
	return strings.TrimRight(r.Text(w), "\n")
}
