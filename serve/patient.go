package serve

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"limber/journal"
	"limber/profile"
	"limber/tui"
)

// patientModel is a patient's own coach, the same as at home, over their
// journal in the clinic's data directory. It hands every message to the
// coach, keeps the frame the coach drew, and publishes it to the hub for
// a therapist who watches.
type patientModel struct {
	coach   *tui.Model
	live    *Live
	frame   string
	w, h    int
	closing bool
}

func (m *patientModel) Init() tea.Cmd {
	cmd := m.coach.Init()
	m.draw()
	return cmd
}

func (m *patientModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case closeMsg:
		if !m.closing {
			// ctrl+c is the coach's "leave now": a session left
			// part-way is recorded as "quit" before the program ends.
			m.closing = true
			m.coach.Update(ctrlC)
			m.draw()
		}
		return m, tea.Quit
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	}
	_, cmd := m.coach.Update(msg)
	m.draw()
	return m, cmd
}

func (m *patientModel) draw() {
	m.frame = m.coach.View()
	m.live.Publish(m.frame, m.w, m.h)
}

func (m *patientModel) View() string { return m.frame }

// patientModel opens the patient's journal (taking over from a session of
// theirs still open elsewhere) and builds their coach.
func (s *Server) patientModel(ss *session, t terminal) (tea.Model, func(), error) {
	who := ss.who
	dir := s.PatientDir(who)
	j, err := journal.Open(dir)
	if err != nil {
		return nil, nil, errors.New("your journal could not be opened; please tell the clinic")
	}
	live, prev := s.hub.Join(who.Folder, s.cfg.Now(), ss.close)
	cleanup := func() { s.hub.Leave(live) }
	if prev != nil {
		// One patient, one live session: the older one closes (its
		// open coach session recorded as "quit") before this one reads
		// the journal.
		prev.Close(endReplaced)
		select {
		case <-prev.Ended():
		case <-time.After(s.cfg.CloseTimeout + time.Second):
		}
	}
	recs, warns, err := journal.Read(j.Path())
	if err != nil {
		cleanup()
		return nil, nil, errors.New("your journal could not be read; please tell the clinic")
	}
	problems := append([]string(nil), s.cfg.Problems...)
	if len(warns) > 0 {
		problems = append(problems, fmt.Sprintf("%d damaged journal line(s) were skipped; the clinic can see which", len(warns)))
	}
	prof, err := profile.Load(dir)
	if err != nil {
		problems = append(problems, "your profile could not be read and was left out; please tell the clinic")
		prof = &profile.Profile{}
	}
	marker := filepath.Join(dir, "notice-seen")
	_, noticeErr := os.Stat(marker)
	coach := tui.New(tui.Options{
		Library: s.cfg.Library, Records: recs, Recorder: tui.NewJournalRecorder(j), Now: s.cfg.Now, Speed: s.cfg.Speed,
		Color: t.color, Renderer: t.r, Cues: tui.Cues{Bell: t.bell}, Problems: problems,
		Profile:    tui.Profile{Insulin: prof.UsesInsulin(), Units: prof.Units},
		Notice:     errors.Is(noticeErr, os.ErrNotExist),
		NoticeSeen: func() { os.WriteFile(marker, []byte("The first-start notice was shown.\n"), 0o600) },
		// Placing a patient on a rung is the therapist's, over serve.
		NoAdjust: true,
	})
	m := &patientModel{coach: coach, live: live, w: t.w, h: t.h}
	if t.w > 0 && t.h > 0 {
		coach.Update(tea.WindowSizeMsg{Width: t.w, Height: t.h})
	}
	return m, cleanup, nil
}
