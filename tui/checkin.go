package tui

// The check-in (DESIGN section 4), before every recorded session: usual
// pain, each red flag on its own line, blood sugar where the profile asks
// for it, the next-morning question where the last session raised pain,
// and what follows from the answers. What the answers mean is the coach's
// (coach.CheckIn.Verdict); this file asks and shows. Demo mode shows it
// too, lets enter pass each question, and records nothing.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
	"limber/text"
)

// checkIn is what the check-in found, for the session to record and obey.
type checkIn struct {
	coach.CheckIn
	rt   *exercises.Routine
	done []string // exercises finished earlier today (carrying on)
	feet bool     // a feet answer: standing and feet work are left out
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
	unit  coach.GlucoseUnit
	note  string
	prev  []ciStep // for b

	first      bool // no session with work before: "in the last few days"
	askMorning bool
	day        coach.Day
	seated     *exercises.Routine
	ended      bool // recorded as a session with no exercise
}

func newCheckin(ctx *Context, routine string) (*checkinModel, bool) {
	rt, ok := ctx.Lib.Routine(routine)
	if !ok {
		return nil, false
	}
	c := &checkinModel{ctx: ctx, ci: checkIn{rt: rt}, pain: picker{lo: 0, hi: 10}}
	c.unit, ok = coach.UnitOf(ctx.Profile.Units)
	if !ok {
		c.unit = coach.MgPerDL
	}
	c.sugar = textinput.New()
	c.sugar.CharLimit = 5
	c.sugar.Placeholder = "reading"
	c.sugar.Validate = func(s string) error {
		if strings.Trim(s, "0123456789.,") != "" {
			return fmt.Errorf("numbers only")
		}
		return nil
	}
	now := ctx.Now()
	c.askMorning = ctx.Progress.NeedsNextMorning(now)
	c.first = ctx.Progress.LastSession() == nil
	c.step = ciPain
	if c.day = ctx.Progress.Day(rt, now); !c.day.Done && c.day.Resume != nil && len(c.day.Finished) > 0 {
		c.step = ciCarryOn
	}
	return c, true
}

func (c *checkinModel) SetSize(w, h int) { c.w, c.h = w, h }
func (c *checkinModel) Title() string    { return c.ci.rt.Name }

func (c *checkinModel) Keys() []key.Binding {
	k := c.ctx.Keys
	if c.ended {
		return []key.Binding{as(k.Enter, "close")}
	}
	switch c.step {
	case ciCarryOn:
		return []key.Binding{label(k.Number, "1/2", "carry on / start again"), k.Quit}
	case ciPain:
		return append(c.pain.keys(c.ctx), k.Quit)
	case ciHighPain:
		return []key.Binding{label(k.Number, "1/2", "easier / rest"), k.Back, k.Quit}
	case ciFlags, ciKetones, ciMorning:
		return []key.Binding{k.Yes, k.No, k.Back, k.Quit}
	case ciFeet:
		out := []key.Binding{as(k.Enter, "go on")}
		if c.seated != nil {
			out = append(out, label(k.Number, "2", "the seated routine"))
		}
		return append(out, k.Quit)
	case ciSugar:
		return []key.Binding{label(k.Number, "0–9", "type the reading"), as(k.Enter, "done"), label(k.Close, "esc", "leave")}
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
	// Typing a reading, q is not a digit: esc leaves instead.
	if c.step == ciSugar && key.Matches(k, keys.Close) || c.step != ciSugar && key.Matches(k, keys.Quit) {
		return nil, nav{ask: true}
	}
	if key.Matches(k, keys.Back) && len(c.prev) > 0 && c.step != ciSugar {
		c.step, c.prev = c.prev[len(c.prev)-1], c.prev[:len(c.prev)-1]
		c.note = ""
		if c.step == ciFlags && c.flag > 0 {
			c.ans, c.ci.RedFlags = nil, nil
			c.flag = 0
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
				c.sugar.SetValue(map[coach.GlucoseUnit]string{coach.MmolPerL: "7", coach.MgPerDL: "120"}[c.unit])
			}
		}
	}
	if h := checkinHandlers[c.step]; h != nil {
		return h(c, k)
	}
	return nil, nav{}
}

// checkinHandlers answer a key at each step of the check-in.
var checkinHandlers = map[ciStep]func(c *checkinModel, k tea.KeyMsg) (tea.Cmd, nav){
	ciCarryOn:  (*checkinModel).updateCarryOn,
	ciPain:     (*checkinModel).updatePain,
	ciHighPain: (*checkinModel).updateHighPain,
	ciFlags:    (*checkinModel).answerFlag,
	ciFeet:     (*checkinModel).updateFeet,
	ciSugar:    (*checkinModel).updateSugar,
	ciSugarLow: (*checkinModel).updateSugarLow,
	ciKetones:  (*checkinModel).updateKetones,
	ciMorning:  (*checkinModel).updateMorning,
}

func (c *checkinModel) updateCarryOn(k tea.KeyMsg) (tea.Cmd, nav) {
	switch {
	case key.Matches(k, c.ctx.Keys.Enter), k.String() == "1":
		c.ci.done = c.day.Finished
		c.goTo(ciPain)
	case k.String() == "2":
		c.goTo(ciPain)
	}
	return nil, nav{}
}

func (c *checkinModel) updatePain(k tea.KeyMsg) (tea.Cmd, nav) {
	n, ok, _ := c.pain.update(&c.ctx.Keys, k)
	if !ok {
		return nil, nav{}
	}
	c.ci.Baseline = n
	c.ci.Today = ""
	if n >= coach.HighPainAt(c.ctx.Lib, c.ci.rt) {
		c.goTo(ciHighPain)
	} else {
		c.goTo(ciFlags)
	}
	return nil, nav{}
}

func (c *checkinModel) updateHighPain(k tea.KeyMsg) (tea.Cmd, nav) {
	switch k.String() {
	case "1":
		c.ci.Today = coach.TodayEasier
		c.goTo(ciFlags)
	case "2":
		c.ci.Today = coach.TodayRest
		c.goTo(ciRest)
		c.end(coach.OutcomeRest)
	}
	return nil, nav{}
}

func (c *checkinModel) updateFeet(k tea.KeyMsg) (tea.Cmd, nav) {
	switch {
	case key.Matches(k, c.ctx.Keys.Enter):
		if len(c.kept(c.ci.rt)) == 0 {
			c.end("feet")
			return nil, nav{done: true}
		}
		return c.next()
	case k.String() == "2" && c.seated != nil:
		c.ci.rt, c.ci.done = c.seated, nil
		return c.next()
	}
	return nil, nav{}
}

func (c *checkinModel) updateSugar(k tea.KeyMsg) (tea.Cmd, nav) {
	if key.Matches(k, c.ctx.Keys.Enter) {
		return c.answerSugar()
	}
	var cmd tea.Cmd
	c.sugar, cmd = c.sugar.Update(k)
	return cmd, nav{}
}

func (c *checkinModel) updateSugarLow(k tea.KeyMsg) (tea.Cmd, nav) {
	if key.Matches(k, c.ctx.Keys.Enter) {
		c.sugar.SetValue("")
		c.step = ciSugar
		return c.sugar.Focus(), nav{}
	}
	return nil, nav{}
}

func (c *checkinModel) updateKetones(k tea.KeyMsg) (tea.Cmd, nav) {
	switch {
	case key.Matches(k, c.ctx.Keys.Yes):
		c.ci.Ketones = new(true)
		c.goTo(ciNoSugar)
		c.end(coach.OutcomeKetones)
	case key.Matches(k, c.ctx.Keys.No):
		c.ci.Ketones = new(false)
		return c.afterSugar()
	}
	return nil, nav{}
}

// updateMorning: yes, the pain was still there the next morning.
func (c *checkinModel) updateMorning(k tea.KeyMsg) (tea.Cmd, nav) {
	yes := key.Matches(k, c.ctx.Keys.Yes)
	if !yes && !key.Matches(k, c.ctx.Keys.No) {
		return nil, nav{}
	}
	c.ci.Settled = new(!yes)
	return c.finish()
}

func (c *checkinModel) answerFlag(k tea.KeyMsg) (tea.Cmd, nav) {
	keys := &c.ctx.Keys
	var yes bool
	switch {
	case key.Matches(k, keys.Yes):
		yes = true
	case key.Matches(k, keys.No):
	default:
		if key.Matches(k, keys.Enter, keys.Number, keys.Count) {
			c.note = "Please answer y for yes or n for no."
		}
		return nil, nav{}
	}
	c.note = ""
	c.ans = append(c.ans, yes)
	if yes {
		c.ci.RedFlags = append(c.ci.RedFlags, coach.RedFlags[c.flag].Flag)
	}
	if c.flag+1 < len(coach.RedFlags) {
		c.flag++
		return nil, nav{}
	}
	v := c.ci.Verdict(coach.HighPainAt(c.ctx.Lib, c.ci.rt))
	switch {
	case v.Stop:
		c.goTo(ciStop)
		c.end(v.Outcome)
	case v.LeaveOutFeet:
		c.ci.feet = true
		c.seated = nil
		for _, rt := range c.ctx.Lib.Routines() {
			if rt != c.ci.rt && len(rt.Items) > 0 && len(c.kept(rt)) == len(rt.Items) {
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

// kept is the routine's plan for today after a feet answer, without what
// was finished earlier today.
func (c *checkinModel) kept(rt *exercises.Routine) []coach.PlanItem {
	kept, _ := coach.LeaveOutFeet(c.ctx.Progress.Plan(rt))
	return slices.DeleteFunc(kept, func(it coach.PlanItem) bool { return slices.Contains(c.ci.done, it.Exercise.ID) })
}

// next is the question after the red flags: blood sugar, the next
// morning, or the session.
func (c *checkinModel) next() (tea.Cmd, nav) {
	if c.ctx.Profile.Insulin {
		c.goTo(ciSugar)
		return c.sugar.Focus(), nav{}
	}
	return c.afterSugar()
}

func (c *checkinModel) afterSugar() (tea.Cmd, nav) {
	c.sugar.Blur()
	if c.askMorning {
		c.goTo(ciMorning)
		return nil, nav{}
	}
	return c.finish()
}

func (c *checkinModel) answerSugar() (tea.Cmd, nav) {
	g, err := coach.ParseGlucose(c.sugar.Value(), c.unit)
	if err != nil {
		c.note = exercises.Escape(err.Error())
		return nil, nav{}
	}
	c.ci.Glucose = &g
	switch a := g.Advice(); {
	case a.Recheck:
		c.note = a.Say
		c.goTo(ciSugarLow)
		c.note = a.Say
		return nil, nav{}
	case a.AskKetones:
		c.goTo(ciKetones)
		c.note = a.Say
		return nil, nav{}
	}
	return c.afterSugar()
}

// finish hands the answers to the session.
func (c *checkinModel) finish() (tea.Cmd, nav) {
	if len(c.ci.done) > 0 && c.day.Resume != nil {
		c.ci.Resumes = c.day.Resume.ID
	}
	return nil, nav{to: scrSession, start: c.ci}
}

// end records a session that stops at the check-in: a red flag, rest
// today, ketones, or nothing left after a feet answer.
func (c *checkinModel) end(outcome string) {
	c.ended = true
	now := c.ctx.Now()
	id := journal.NewSessionID(now)
	c.ctx.Record(c.ci.Record(now, id, c.ci.rt.ID),
		journal.Record{Kind: journal.KindSessionEnd, At: now, Session: id, Routine: c.ci.rt.ID, Outcome: outcome})
}

// page builds a centred screen of paragraphs, each wrapped to the check-in's
// width and styled as a whole.
type page struct {
	w     int
	lines []string
}

func (p *page) para(s string, style func(...string) string) *page {
	for _, l := range text.Lines(s, min(p.w, 72)) {
		if style != nil {
			l = style(l)
		}
		p.lines = append(p.lines, l)
	}
	return p
}

func (p *page) add(lines ...string) *page { p.lines = append(p.lines, lines...); return p }

func (c *checkinModel) View() string {
	switch c.step {
	case ciPain:
		note := ""
		if c.ctx.Demo {
			note = "Demo: enter passes each question; nothing is recorded."
		}
		return viewScale(c.ctx, "How is your usual nerve pain right now?", c.pain.pick, c.w, c.h, note)
	case ciMorning:
		return viewYesNo(c.ctx, "Think of the morning after your last session: was the pain it stirred up still there?", nil, c.w, c.h)
	}
	p := &page{w: c.w}
	if v := checkinViews[c.step]; v != nil {
		v(c, p)
	}
	if c.ended {
		p.add("", c.ctx.Styles.Key.Render("enter")+"  close")
	}
	return strings.Join(center(p.lines, c.h), "\n")
}

// checkinViews draw each step of the check-in.
var checkinViews = map[ciStep]func(c *checkinModel, p *page){
	ciCarryOn:  (*checkinModel).viewCarryOn,
	ciHighPain: (*checkinModel).viewHighPain,
	ciFlags:    (*checkinModel).viewFlags,
	ciStop:     (*checkinModel).viewNoExercise,
	ciNoSugar:  (*checkinModel).viewNoExercise,
	ciFeet:     (*checkinModel).viewFeet,
	ciSugar:    (*checkinModel).viewSugar,
	ciSugarLow: (*checkinModel).viewSugarLow,
	ciKetones:  (*checkinModel).viewKetones,
	ciRest:     (*checkinModel).viewRest,
}

func (c *checkinModel) viewCarryOn(p *page) {
	st := c.ctx.Styles
	name := ""
	if len(c.day.Left) > 0 {
		if x, ok := c.ctx.Lib.Exercise(c.day.Left[0]); ok {
			name = clean(x.Name)
		}
	}
	p.para(fmt.Sprintf("You started this routine earlier today and finished %d of its %d exercises.", len(c.day.Finished), len(c.ci.rt.Items)), st.Title.Render)
	p.add("", st.Key.Render("1")+"  carry on from "+name+"   (or enter)", st.Key.Render("2")+"  start again from the first exercise")
}

func (c *checkinModel) viewHighPain(p *page) {
	st := c.ctx.Styles
	p.para(fmt.Sprintf("Your usual pain is high today: %d out of 10.", c.ci.Baseline), st.Warn.Render).add("")
	p.para("On a day like this, gentler is better. What would you like to do?", nil)
	p.add("", st.Key.Render("1")+"  an easier session: every exercise one step easier, just for today",
		st.Key.Render("2")+"  rest today (that is a good choice too)")
}

// viewFlags lists every red flag on its own line, with the answers so far.
func (c *checkinModel) viewFlags(p *page) {
	st := c.ctx.Styles
	q := "Since your last session, have you had any of these? Answer each one."
	if c.first {
		q = "In the last few days, have you had any of these? Answer each one."
	}
	p.para(q, st.Title.Render).add("")
	for i, f := range coach.RedFlags {
		mark := "   "
		switch {
		case i < len(c.ans) && c.ans[i]:
			mark = "yes"
		case i < len(c.ans):
			mark = "no "
		}
		cursor := " "
		if i == c.flag {
			cursor = "▸"
		}
		row := text.Hang(fmt.Sprintf("%s %s  ", cursor, mark), f.Question, c.w)
		if i == c.flag {
			for j := range row {
				row[j] = st.Selected.Render(row[j])
			}
		}
		p.add(row...)
	}
	p.add("", st.Key.Render("y")+"  yes        "+st.Key.Render("n")+"  no")
	if c.note != "" {
		p.add(st.Warn.Render(c.note))
	}
}

// viewNoExercise is a red flag's, or ketones', advice: no exercise today.
func (c *checkinModel) viewNoExercise(p *page) {
	st := c.ctx.Styles
	p.para("No exercise today.", st.Stop.Render)
	for _, s := range c.ci.Verdict(11).Say {
		p.add("").para(s, nil)
	}
	p.add("").para(c.savedLine(), st.Subtle.Render)
}

func (c *checkinModel) viewSugar(p *page) {
	st := c.ctx.Styles
	p.para("Check your blood sugar now.", st.Title.Render)
	p.add("", "Your reading: "+c.sugar.View()+" "+string(c.unit), "")
	p.para("Type the number, then press enter.", st.Subtle.Render)
	if c.note != "" {
		p.para(c.note, st.Warn.Render)
	}
}

func (c *checkinModel) viewSugarLow(p *page) {
	st := c.ctx.Styles
	p.para(c.note, st.Warn.Render).add("", st.Key.Render("enter")+"  I have checked again")
}

func (c *checkinModel) viewKetones(p *page) {
	st := c.ctx.Styles
	p.para(c.note, st.Warn.Render).add("")
	p.para("Are ketones present? If you cannot check and you feel unwell, answer yes.", st.Title.Render)
	p.add("", st.Key.Render("y")+"  yes        "+st.Key.Render("n")+"  no")
}

func (c *checkinModel) viewRest(p *page) {
	st := c.ctx.Styles
	p.para("Rest today. That is part of the plan too.", st.Good.Render).add("")
	p.para("Gentle movement through the day still helps. If your usual pain stays this high for several days, tell your clinician.", nil)
	p.add("").para(c.savedLine(), st.Subtle.Render)
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

// viewFeet says what a feet answer leaves out, and what remains.
func (c *checkinModel) viewFeet(p *page) {
	st := c.ctx.Styles
	p.para("Look after that foot today.", st.Warn.Render)
	for _, s := range c.ci.Verdict(11).Say {
		p.add("").para(s, nil)
	}
	kept := c.kept(c.ci.rt)
	_, left := coach.LeaveOutFeet(c.ctx.Progress.Plan(c.ci.rt))
	p.add("")
	if len(kept) == 0 {
		p.para("Every exercise of this routine is done standing or works the feet, so there is none to do today.", nil)
	} else {
		var names []string
		for _, l := range left {
			names = append(names, clean(l.Item.Exercise.Name)+" ("+l.Why+")")
		}
		p.para(fmt.Sprintf("Left out today: %s.", strings.Join(names, "; ")), nil)
		p.add("", st.Key.Render("enter")+fmt.Sprintf("  do the %d that remain", len(kept)))
	}
	if c.seated != nil {
		p.add(st.Key.Render("2") + "  do " + clean(c.seated.Name) + " instead")
	}
	if len(kept) == 0 {
		p.add(st.Key.Render("enter") + "  close")
	}
}
