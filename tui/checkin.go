package tui

// The check-in (DESIGN section 4), before every recorded session: usual
// pain, each red flag on its own line, blood sugar where the profile asks
// for it, the next-morning question where the last session raised pain,
// and what follows from the answers. Demo mode shows it too, lets enter
// pass each question, and records nothing.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"limber/exercises"
	"limber/journal"
	"limber/text"
)

// redFlag is one question of the check-in. Stop flags end the session;
// feet flags leave out standing and foot work.
type redFlag struct {
	id, question string
	feet         bool
}

var redFlags = []redFlag{
	{id: "chest-pain", question: "New chest pain or pressure"},
	{id: "breathless", question: "Short of breath while resting"},
	{id: "fainted", question: "Fainted, or nearly fainted"},
	{id: "fall", question: "A fall since your last session"},
	{id: "fever", question: "A fever, or feeling unwell (after chemotherapy: call your team now)"},
	{id: "foot-wound", question: "A new wound, blister or sore on a foot", feet: true},
	{id: "foot-red-warm-swollen", question: "A foot that is red, warm or swollen", feet: true},
}

// checkIn is what the check-in found, for the session to record and obey.
type checkIn struct {
	rt       *exercises.Routine
	baseline int
	redFlags []string // ids answered yes
	settled  *bool    // next morning: had the last session's pain gone
	glucose  *float64
	unit     string
	easier   bool              // every exercise one rung lower, today only
	resumes  string            // the session carried on
	done     []string          // exercises finished earlier today (carrying on)
	leaveOut map[string]string // exercise id -> why it is left out today
}

type ciStep int

const (
	ciCarryOn  ciStep = iota // started earlier today: carry on or start again
	ciPain                   // usual pain now
	ciHighPain               // high usual pain: easier today, or rest
	ciFlags                  // each red flag, y or n
	ciStop                   // a stop flag: no exercise today
	ciFeet                   // a feet flag: what remains, or the seated routine
	ciSugar                  // blood sugar reading
	ciSugarLow               // low: eat, wait, check again
	ciKetones                // high: ketones?
	ciNoSugar                // ketones present: no exercise today
	ciMorning                // the last session's pain, next morning
	ciRest                   // rest today, recorded
)

// checkinModel asks the check-in's questions one screen at a time.
type checkinModel struct {
	ctx   *Context
	w, h  int
	step  ciStep
	ci    checkIn
	pain  picker
	flag  int    // the red flag being asked
	ans   []bool // answers so far
	sugar textinput.Model
	note  string
	prev  []ciStep // for b

	askMorning bool
	carryFrom  string // the first exercise not yet finished today
	seated     *exercises.Routine
	ended      bool // recorded as a session with no exercise
}

func newCheckin(ctx *Context, routine string) (*checkinModel, bool) {
	rt, ok := ctx.Lib.Routine(routine)
	if !ok {
		return nil, false
	}
	c := &checkinModel{ctx: ctx, ci: checkIn{rt: rt, baseline: 0}, pain: picker{lo: 0, hi: 10}}
	c.sugar = textinput.New()
	c.sugar.CharLimit = 5
	c.sugar.Placeholder = "reading"
	c.sugar.Validate = func(s string) error {
		if strings.Trim(s, "0123456789.,") != "" {
			return fmt.Errorf("numbers only")
		}
		return nil
	}
	c.askMorning = lastSessionRaisedPain(ctx)
	c.step = ciPain
	if done, finished := routineToday(ctx, rt); !done && len(finished) > 0 {
		for _, it := range rt.Items {
			if !slices.Contains(finished, it.ID) {
				c.carryFrom = it.ID
				break
			}
		}
		c.ci.done = finished
		c.step = ciCarryOn
	}
	return c, true
}

// lastSessionRaisedPain is the next-morning rule's question: did some
// exercise of the last session with work end with more pain than that
// session began with?
func lastSessionRaisedPain(ctx *Context) bool {
	today := ctx.today()
	ss := ctx.Progress.Sessions
	for i := len(ss) - 1; i >= 0; i-- {
		s := ss[i]
		if len(s.Exercises) == 0 {
			continue
		}
		if !s.Start.Before(today) {
			return false // already exercised today: it was asked then
		}
		base := 0
		if s.Baseline != nil {
			base = *s.Baseline
		}
		for _, r := range ctx.Records {
			if r.Session == s.ID && r.Kind == journal.KindExerciseEnd && r.Pain != nil && *r.Pain > base {
				return true
			}
		}
		return false
	}
	return false
}

func (c *checkinModel) SetSize(w, h int) { c.w, c.h = w, h }
func (c *checkinModel) Title() string    { return c.ci.rt.Name }

func (c *checkinModel) Keys() []key.Binding {
	k := c.ctx.Keys
	switch c.step {
	case ciCarryOn:
		return []key.Binding{as(k.Enter, "carry on"), label(k.Number, "1/2", "carry on / start again"), k.Quit}
	case ciPain:
		return append(c.pain.keys(c.ctx), k.Quit)
	case ciHighPain:
		return []key.Binding{label(k.Number, "1/2", "easier / rest"), k.Back, k.Quit}
	case ciFlags, ciKetones, ciMorning:
		return []key.Binding{k.Yes, k.No, k.Back, k.Quit}
	case ciFeet:
		if c.seated != nil {
			return []key.Binding{as(k.Enter, "go on"), label(k.Number, "2", "the seated routine"), k.Quit}
		}
		return []key.Binding{as(k.Enter, "go on"), k.Quit}
	case ciSugar:
		return []key.Binding{label(k.Number, "0–9", "type the reading"), as(k.Enter, "done"), k.Quit}
	case ciSugarLow:
		return []key.Binding{as(k.Enter, "check again"), k.Quit}
	}
	return []key.Binding{as(k.Enter, "close")}
}

func (c *checkinModel) goTo(s ciStep) {
	c.prev = append(c.prev, c.step)
	c.step, c.note = s, ""
}

func (c *checkinModel) Update(k tea.KeyMsg) (tea.Cmd, nav) {
	keys := &c.ctx.Keys
	if c.ended {
		if key.Matches(k, keys.Enter, keys.Quit) {
			return nil, nav{done: true}
		}
		return nil, nav{}
	}
	if key.Matches(k, keys.Quit) && c.step != ciSugar {
		return nil, nav{ask: true}
	}
	if key.Matches(k, keys.Back) && len(c.prev) > 0 && c.step != ciSugar {
		c.step, c.prev = c.prev[len(c.prev)-1], c.prev[:len(c.prev)-1]
		if c.step == ciFlags && c.flag > 0 {
			c.flag--
			c.ans = c.ans[:c.flag]
		}
		return nil, nav{}
	}
	// Demo: enter passes each question with the calm answer.
	if c.ctx.Demo && key.Matches(k, keys.Enter) {
		switch c.step {
		case ciFlags, ciMorning, ciKetones:
			k = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'n'}}
		case ciSugar:
			if c.sugar.Value() == "" {
				c.sugar.SetValue(map[bool]string{true: "7", false: "120"}[c.unitMmol()])
			}
		}
	}
	switch c.step {
	case ciCarryOn:
		switch {
		case key.Matches(k, keys.Enter), k.String() == "1":
			c.goTo(ciPain)
		case k.String() == "2":
			c.ci.done, c.carryFrom = nil, ""
			c.goTo(ciPain)
		}
	case ciPain:
		n, ok, _ := c.pain.update(keys, k)
		if !ok {
			return nil, nav{}
		}
		c.ci.baseline = n
		if n >= c.highPain() {
			c.goTo(ciHighPain)
		} else {
			c.goTo(ciFlags)
		}
	case ciHighPain:
		switch k.String() {
		case "1":
			c.ci.easier = true
			c.goTo(ciFlags)
		case "2":
			c.goTo(ciRest)
			c.end("rest")
		}
	case ciFlags:
		return c.answerFlag(k)
	case ciFeet:
		switch {
		case key.Matches(k, keys.Enter):
			if c.remaining(c.ci.rt) == 0 {
				c.end("feet")
				return nil, nav{done: true}
			}
			return c.next()
		case k.String() == "2" && c.seated != nil:
			c.ci.rt, c.ci.done, c.carryFrom = c.seated, nil, ""
			c.ci.leaveOut = leaveOutFeet(c.ctx, c.seated)
			return c.next()
		}
	case ciSugar:
		if key.Matches(k, keys.Quit) && c.sugar.Value() == "" {
			return nil, nav{ask: true}
		}
		if key.Matches(k, keys.Enter) {
			return c.answerSugar()
		}
		var cmd tea.Cmd
		c.sugar, cmd = c.sugar.Update(k)
		return cmd, nav{}
	case ciSugarLow:
		if key.Matches(k, keys.Enter) {
			c.sugar.SetValue("")
			c.step = ciSugar
		}
	case ciKetones:
		switch {
		case key.Matches(k, keys.Yes):
			c.goTo(ciNoSugar)
			c.end("blood-sugar")
		case key.Matches(k, keys.No):
			return c.next()
		}
	case ciMorning:
		switch {
		case key.Matches(k, keys.Yes):
			f := false
			c.ci.settled = &f
			return c.finish()
		case key.Matches(k, keys.No):
			t := true
			c.ci.settled = &t
			return c.finish()
		}
	}
	return nil, nav{}
}

func (c *checkinModel) highPain() int {
	// The check-in's threshold is the routine's first exercise's rules
	// (the library's, where it sets one).
	return 7
}

func (c *checkinModel) unitMmol() bool { return strings.EqualFold(c.ctx.Profile.Units, "mmol/L") }

func (c *checkinModel) answerFlag(k tea.KeyMsg) (tea.Cmd, nav) {
	keys := &c.ctx.Keys
	var yes bool
	switch {
	case key.Matches(k, keys.Yes):
		yes = true
	case key.Matches(k, keys.No):
	default:
		if key.Matches(k, keys.Enter) {
			c.note = "Please answer y for yes or n for no."
		}
		return nil, nav{}
	}
	c.note = ""
	c.ans = append(c.ans, yes)
	if yes {
		c.ci.redFlags = append(c.ci.redFlags, redFlags[c.flag].id)
	}
	if c.flag+1 < len(redFlags) {
		c.flag++
		return nil, nav{}
	}
	stop, feet := false, false
	for i, a := range c.ans {
		if a {
			stop = stop || !redFlags[i].feet
			feet = feet || redFlags[i].feet
		}
	}
	switch {
	case stop:
		c.goTo(ciStop)
		c.end("red_flag")
	case feet:
		c.ci.leaveOut = leaveOutFeet(c.ctx, c.ci.rt)
		c.seated = nil
		for _, rt := range c.ctx.Lib.Routines() {
			if rt != c.ci.rt && len(rt.Items) > 0 && len(leaveOutFeet(c.ctx, rt)) == 0 {
				c.seated = rt
				break
			}
		}
		c.goTo(ciFeet)
	default:
		return c.next()
	}
	return nil, nav{}
}

// remaining counts the routine's exercises left in today.
func (c *checkinModel) remaining(rt *exercises.Routine) int {
	n := 0
	for _, it := range rt.Items {
		if _, out := c.ci.leaveOut[it.ID]; !out && !slices.Contains(c.ci.done, it.ID) {
			n++
		}
	}
	return n
}

// leaveOutFeet is every standing exercise and every one for the feet or
// ankles, with why.
func leaveOutFeet(ctx *Context, rt *exercises.Routine) map[string]string {
	out := map[string]string{}
	for _, it := range rt.Items {
		x, ok := ctx.Lib.Exercise(it.ID)
		if !ok {
			continue
		}
		switch {
		case x.Position == exercises.Standing:
			out[x.ID] = "it is done standing"
		case feetWork(x):
			out[x.ID] = "it works the feet or ankles"
		}
	}
	return out
}

func feetWork(x *exercises.Exercise) bool {
	for _, a := range x.Areas {
		switch strings.ToLower(strings.TrimSuffix(a, "s")) {
		case "foot", "feet", "ankle", "toe", "heel", "sole", "arche", "arch":
			return true
		}
	}
	return false
}

// next is the question after the red flags: blood sugar, the next
// morning, or the session.
func (c *checkinModel) next() (tea.Cmd, nav) {
	switch {
	case c.ctx.Profile.Insulin && c.step != ciSugar && c.step != ciKetones:
		c.goTo(ciSugar)
		return c.sugar.Focus(), nav{}
	case c.askMorning:
		c.goTo(ciMorning)
		return nil, nav{}
	}
	return c.finish()
}

func (c *checkinModel) answerSugar() (tea.Cmd, nav) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(c.sugar.Value(), ",", "."), 64)
	if err != nil || v <= 0 || v > 1000 {
		c.note = "Please type your reading as a number, such as " + map[bool]string{true: "6.5", false: "120"}[c.unitMmol()] + "."
		return nil, nav{}
	}
	mg := v
	unit := "mg/dL"
	if c.unitMmol() {
		mg, unit = v*18, "mmol/L"
	}
	c.ci.glucose, c.ci.unit = &v, unit
	switch {
	case mg < 100:
		c.goTo(ciSugarLow)
		return nil, nav{}
	case mg > 250:
		c.goTo(ciKetones)
		return nil, nav{}
	}
	c.sugar.Blur()
	if c.askMorning {
		c.goTo(ciMorning)
		return nil, nav{}
	}
	return c.finish()
}

// finish hands the answers to the session.
func (c *checkinModel) finish() (tea.Cmd, nav) {
	if c.carryFrom != "" {
		c.ci.resumes = c.partWayID()
	}
	return nil, nav{to: scrSession, start: c.ci}
}

func (c *checkinModel) partWayID() string {
	today := c.ctx.today()
	for i := len(c.ctx.Progress.Sessions) - 1; i >= 0; i-- {
		s := c.ctx.Progress.Sessions[i]
		if s.Routine == c.ci.rt.ID && !s.Start.Before(today) {
			return s.ID
		}
	}
	return ""
}

// end records a session that stops at the check-in: a red flag, rest
// today, or blood sugar.
func (c *checkinModel) end(outcome string) {
	c.ended = true
	now := c.ctx.Now()
	id := journal.NewSessionID(now)
	start := sessionStart(c.ci, id, now, c.ctx.Demo)
	c.ctx.Record(start, journal.Record{Kind: journal.KindSessionEnd, At: now, Session: id, Routine: c.ci.rt.ID, Outcome: outcome})
}

// sessionStart is the record of a check-in's answers.
func sessionStart(ci checkIn, id string, now time.Time, demo bool) journal.Record {
	b := ci.baseline
	stop := false
	for _, f := range ci.redFlags {
		for _, rf := range redFlags {
			stop = stop || (rf.id == f && !rf.feet)
		}
	}
	return journal.Record{Kind: journal.KindSessionStart, At: now, Session: id, Routine: ci.rt.ID,
		Baseline: &b, RedFlag: &stop, Settled: ci.settled, Demo: demo}
}

func (c *checkinModel) View() string {
	st := c.ctx.Styles
	w, h := c.w, c.h
	para := func(lines []string, s string, style func(...string) string) []string {
		for _, l := range text.Lines(s, min(w, 72)) {
			if style != nil {
				l = style(l)
			}
			lines = append(lines, l)
		}
		return lines
	}
	var lines []string
	switch c.step {
	case ciCarryOn:
		x, _ := c.ctx.Lib.Exercise(c.carryFrom)
		name := c.carryFrom
		if x != nil {
			name = clean(x.Name)
		}
		lines = para(lines, fmt.Sprintf("You started this routine earlier today and finished %d of its %d exercises.", len(c.ci.done), len(c.ci.rt.Items)), st.Title.Render)
		lines = append(lines, "", st.Key.Render("1")+"  carry on from "+name+"   (enter)", st.Key.Render("2")+"  start again from the first exercise")
	case ciPain:
		note := ""
		if c.ctx.Demo {
			note = "Demo: enter passes each question; nothing is recorded."
		}
		return viewScale(c.ctx, "How is your usual nerve pain right now?", c.pain.pick, w, h, note)
	case ciHighPain:
		lines = para(lines, fmt.Sprintf("Your usual pain is high today: %d out of 10.", c.ci.baseline), st.Warn.Render)
		lines = append(lines, "")
		lines = para(lines, "On a day like this, gentler is better. What would you like to do?", nil)
		lines = append(lines, "", st.Key.Render("1")+"  an easier session: every exercise one step easier, just for today",
			st.Key.Render("2")+"  rest today (that is a good choice too)")
	case ciFlags:
		q := "Since your last session, have you had any of these? Answer each one."
		lines = para(lines, q, st.Title.Render)
		lines = append(lines, "")
		for i, f := range redFlags {
			mark := "   "
			switch {
			case i < len(c.ans) && c.ans[i]:
				mark = "yes"
			case i < len(c.ans):
				mark = "no "
			}
			row := text.Hang(fmt.Sprintf("%s  %s ", map[bool]string{true: "▸", false: " "}[i == c.flag], mark), f.question, w)
			if i == c.flag {
				for j := range row {
					row[j] = st.Selected.Render(row[j])
				}
			}
			lines = append(lines, row...)
		}
		lines = append(lines, "", st.Key.Render("y")+"  yes        "+st.Key.Render("n")+"  no")
		if c.note != "" {
			lines = append(lines, st.Warn.Render(c.note))
		}
	case ciStop:
		lines = para(lines, "Please do not exercise today.", st.Stop.Render)
		lines = append(lines, "")
		lines = para(lines, "Rest, and contact your clinician today about what you noticed. If you have chest pain, trouble breathing or feel very unwell, call emergency services now.", nil)
		if slices.Contains(c.ci.redFlags, "fever") {
			lines = append(lines, "")
			lines = para(lines, "After chemotherapy, a fever needs a call to your cancer team now, day or night.", st.Warn.Render)
		}
		lines = append(lines, "")
		lines = para(lines, c.savedLine(), st.Subtle.Render)
	case ciFeet:
		lines = c.viewFeet(para)
	case ciSugar:
		unit := "mg/dL"
		if c.unitMmol() {
			unit = "mmol/L"
		}
		lines = para(lines, "Check your blood sugar now.", st.Title.Render)
		lines = append(lines, "", "Your reading: "+c.sugar.View()+" "+unit, "")
		lines = para(lines, "Type the number, then press enter.", st.Subtle.Render)
		if c.note != "" {
			lines = para(lines, c.note, st.Warn.Render)
		}
	case ciSugarLow:
		lines = para(lines, "That reading is too low to exercise safely.", st.Warn.Render)
		lines = append(lines, "")
		lines = para(lines, "Eat or drink 15 g of fast sugar (such as half a glass of fruit juice or 4 glucose tablets). Wait 15 minutes, then check again.", nil)
		lines = append(lines, "", st.Key.Render("enter")+"  I have checked again")
	case ciKetones:
		lines = para(lines, "That reading is high. Please check for ketones if you can.", st.Warn.Render)
		lines = append(lines, "")
		lines = para(lines, "Are ketones present? If you cannot check and you feel unwell, answer yes.", st.Title.Render)
		lines = append(lines, "", st.Key.Render("y")+"  yes        "+st.Key.Render("n")+"  no")
	case ciNoSugar:
		lines = para(lines, "Please do not exercise today.", st.Stop.Render)
		lines = append(lines, "")
		lines = para(lines, "High blood sugar with ketones makes exercise unsafe. Follow your diabetes plan and contact your care team.", nil)
		lines = append(lines, "")
		lines = para(lines, c.savedLine(), st.Subtle.Render)
	case ciMorning:
		return viewYesNo(c.ctx, "Think of the morning after your last session: was the pain it stirred up still there?", nil, w, h)
	case ciRest:
		lines = para(lines, "Rest today. That is part of the plan too.", st.Good.Render)
		lines = append(lines, "")
		lines = para(lines, "If your usual pain stays this high for several days, tell your clinician.", nil)
		lines = append(lines, "")
		lines = para(lines, c.savedLine(), st.Subtle.Render)
	}
	if c.ended {
		lines = append(lines, "", st.Key.Render("enter")+"  close")
	}
	return strings.Join(center(lines, h), "\n")
}

func (c *checkinModel) savedLine() string {
	switch {
	case c.ctx.Demo:
		return "Demo: nothing was recorded."
	case len(c.ctx.unsaved) > 0:
		return "This could not be saved to your journal."
	}
	return "This has been noted for your therapist."
}

func (c *checkinModel) viewFeet(para func([]string, string, func(...string) string) []string) []string {
	st := c.ctx.Styles
	var lines []string
	lines = para(lines, "Look after that foot today.", st.Warn.Render)
	lines = append(lines, "")
	lines = para(lines, "Keep weight off a foot that is red, warm or swollen, or has a wound, and contact your foot team today.", nil)
	n := c.remaining(c.ci.rt)
	lines = append(lines, "")
	if n == 0 {
		lines = para(lines, "Every exercise of this routine is standing or for the feet, so there is none to do today.", nil)
	} else {
		var names []string
		for _, it := range c.ci.rt.Items {
			if why, out := c.ci.leaveOut[it.ID]; out {
				x, _ := c.ctx.Lib.Exercise(it.ID)
				names = append(names, clean(x.Name)+" ("+why+")")
			}
		}
		lines = para(lines, fmt.Sprintf("Today we leave out %d exercise(s): %s.", len(names), strings.Join(names, "; ")), nil)
		lines = append(lines, "", st.Key.Render("enter")+fmt.Sprintf("  do the %d that remain", n))
	}
	if c.seated != nil {
		lines = append(lines, st.Key.Render("2")+"  do "+clean(c.seated.Name)+" instead")
	}
	if n == 0 {
		lines = append(lines, st.Key.Render("enter")+"  close")
	}
	return lines
}
