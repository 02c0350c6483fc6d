package tui

import (
	"github.com/charmbracelet/bubbles/key"
)

// KeyMap is every key limber answers to. Which apply depends on the screen:
// the model enables them after each change of screen, and the help footer
// (bubbles/help) lists only the enabled ones.
type KeyMap struct {
	Pause    key.Binding
	Count    key.Binding
	Enter    key.Binding
	Skip     key.Binding
	Back     key.Binding
	Quit     key.Binding
	Help     key.Binding
	Plus     key.Binding
	Minus    key.Binding
	Extend   key.Binding
	Up       key.Binding
	Down     key.Binding
	Yes      key.Binding
	No       key.Binding
	Number   key.Binding
	Ten      key.Binding
	Pain     key.Binding
	End      key.Binding
	Library  key.Binding
	Tips     key.Binding
	Progress key.Binding
	Adjust   key.Binding
	ForceQ   key.Binding
	Suspend  key.Binding
}

// DefaultKeyMap is the one key map. Keys are chosen for one hand and few
// presses: space, enter and the digits do nearly everything.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, h string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, h))
	}
	return KeyMap{
		Pause:    b([]string{" "}, "space", "pause/resume"),
		Count:    b([]string{" "}, "space", "count a rep"),
		Enter:    b([]string{"enter"}, "enter", "continue"),
		Skip:     b([]string{"n"}, "n", "skip"),
		Back:     b([]string{"b"}, "b", "back"),
		Quit:     b([]string{"q"}, "q", "quit"),
		Help:     b([]string{"?"}, "?", "more keys"),
		Plus:     b([]string{"+", "="}, "+", "one more"),
		Minus:    b([]string{"-"}, "-", "one less"),
		Extend:   b([]string{"+", "="}, "+", "15 s more rest"),
		Up:       b([]string{"up", "k"}, "↑", "up"),
		Down:     b([]string{"down", "j"}, "↓", "down"),
		Yes:      b([]string{"y"}, "y", "yes"),
		No:       b([]string{"n"}, "n", "no"),
		Number:   b([]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}, "0–9", "answer"),
		Ten:      b([]string{"t"}, "t", "ten"),
		Pain:     b([]string{"p"}, "p", "pain flared"),
		End:      b([]string{"e"}, "e", "end session"),
		Library:  b([]string{"l"}, "l", "library"),
		Tips:     b([]string{"t"}, "t", "tips"),
		Progress: b([]string{"g"}, "g", "progress"),
		Adjust:   b([]string{"a"}, "a", "adjust (therapist)"),
		ForceQ:   b([]string{"ctrl+c"}, "ctrl+c", "quit now"),
		Suspend:  b([]string{"ctrl+z"}, "ctrl+z", "suspend"),
	}
}

func (k *KeyMap) all() []*key.Binding {
	return []*key.Binding{&k.Pause, &k.Count, &k.Enter, &k.Skip, &k.Back, &k.Quit, &k.Help, &k.Plus, &k.Minus,
		&k.Extend, &k.Up, &k.Down, &k.Yes, &k.No, &k.Number, &k.Ten, &k.Pain, &k.End, &k.Library, &k.Tips,
		&k.Progress, &k.Adjust, &k.ForceQ, &k.Suspend}
}

// only enables exactly the given bindings, plus the ones always on.
func (k *KeyMap) only(on ...*key.Binding) {
	for _, b := range k.all() {
		b.SetEnabled(false)
	}
	for _, b := range on {
		b.SetEnabled(true)
	}
	k.Help.SetEnabled(true)
	k.ForceQ.SetEnabled(true)
	k.Suspend.SetEnabled(true)
}

// ShortHelp is the footer: the keys of this screen.
func (k KeyMap) ShortHelp() []key.Binding {
	var out []key.Binding
	// The keys a patient needs most come first: a narrow footer cuts from
	// the end, and ? always shows them all.
	for _, b := range []key.Binding{k.Number, k.Ten, k.Yes, k.No, k.Count, k.Pause, k.Enter, k.Plus, k.Minus,
		k.Extend, k.Pain, k.End, k.Quit, k.Help, k.Skip, k.Back, k.Up, k.Down, k.Library, k.Tips, k.Progress, k.Adjust} {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}

// FullHelp is ? : every key of this screen, with the ones always there.
func (k KeyMap) FullHelp() [][]key.Binding {
	short := k.ShortHelp()
	var cols [][]key.Binding
	for i := 0; i < len(short); i += 4 {
		cols = append(cols, short[i:min(i+4, len(short))])
	}
	return append(cols, []key.Binding{k.ForceQ, k.Suspend})
}
