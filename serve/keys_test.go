package serve

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestKeysFile(t *testing.T) {
	ann := newPerson(t, "Ann Lee", Patient)
	ann2 := newPerson(t, "Ann Lee", Patient) // her tablet
	ruth := newPerson(t, "Ruth Jones", Therapist)
	key := func(p *person) string {
		return strings.TrimPrefix(strings.TrimSuffix(p.line(), " "+p.name), "limber-role=therapist ")
	}
	src := "# the clinic's keys\n\n" + ann.line() + "\n" + ruth.line() + "\r\n" + key(ann2) + " Ann Lee\n" +
		"limber-role=patient " + key(newPerson(t, "x", Patient)) + " Dr. Ana O'Neil-Ríos (2)\n"
	k, errs := ParseKeys([]byte(src), "keys")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if k.Len() != 4 || len(k.Patients()) != 2 {
		t.Fatalf("%d keys, patients %v", k.Len(), k.Patients())
	}
	for _, c := range []struct {
		p          *person
		name, role string
		folder     string
	}{{ann, "Ann Lee", "patient", "ann-lee"}, {ann2, "Ann Lee", "patient", "ann-lee"}, {ruth, "Ruth Jones", "therapist", "ruth-jones"}} {
		got, ok := k.Lookup(c.p.signer.PublicKey())
		if !ok || got.Name != c.name || string(got.Role) != c.role || got.Folder != c.folder {
			t.Fatalf("%s: %+v %v", c.name, got, ok)
		}
	}
	if p := k.Patients()[1]; p.Folder != "dr-ana-o-neil-ríos-2" {
		t.Fatalf("folder %q", p.Folder)
	}
	if _, ok := k.Lookup(newPerson(t, "x", Patient).signer.PublicKey()); ok {
		t.Fatal("an unknown key was found")
	}
}

func TestKeysFileMistakes(t *testing.T) {
	a := newPerson(t, "a", Patient)
	key := strings.TrimSuffix(a.line(), " a")
	other := func() string { return strings.TrimSuffix(newPerson(t, "b", Patient).line(), " b") }
	for _, c := range []struct{ name, src, want string }{
		{"traversal", key + " ../x", "keys:1:"},
		{"slash", key + " a/b", `holds '/', which would make it a path`},
		{"backslash", key + ` a\b`, `which would make it a path`},
		{"dots only", key + " ..", "has no letter or digit"},
		{"empty", key, "no name"},
		{"control", key + " Ann\x1b[31mLee", "control or invisible character"},
		{"zero width", key + " Ann\u200bLee", "control or invisible character"},
		{"bidi", key + " Ann\u202eLee", "control or invisible character"},
		{"too long", key + " " + strings.Repeat("a", 61), "longer than 60"},
		{"role", "limber-role=admin " + key + " Ann", `"admin" is not a role`},
		{"option", `from="10.0.0.1" ` + key + " Ann", "is not supported"},
		{"not a key", "ssh-ed25519 AAAAnotakey Ann", "not a public key"},
		{"same key twice", key + " Ann\n" + key + " Bob", "keys:2:1: this key is already on line 1"},
		{"one folder two names", key + " Ann Lee\n" + other() + " ann-lee", "would share the folder ann-lee"},
		{"empty file", "# nobody yet\n", "holds no keys"},
	} {
		_, errs := ParseKeys([]byte(c.src), "keys")
		if len(errs) == 0 {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		msg := errs[0].Error()
		if !strings.Contains(msg, c.want) {
			t.Errorf("%s: %q, want %q", c.name, msg, c.want)
		}
		if strings.HasPrefix(msg, "keys:") && !strings.Contains(msg, "; ") {
			t.Errorf("%s: no hint in %q", c.name, msg)
		}
	}
	// Every mistake is told, each at its line, and the column names the name.
	_, errs := ParseKeys([]byte(key+" ../x\n"+other()+" a/b\n"), "keys")
	if len(errs) != 2 || !strings.HasPrefix(errs[1].Error(), "keys:2:") {
		t.Fatalf("%v", errs)
	}
	if col := len(key) + 2; !strings.HasPrefix(errs[0].Error(), "keys:1:"+strconv.Itoa(col)+":") {
		t.Fatalf("column: %v, want %d", errs[0], col)
	}
}

func TestNameLengthThreshold(t *testing.T) {
	for n, ok := range map[int]bool{59: true, 60: true, 61: false} {
		_, msg := Folder(strings.Repeat("é", n))
		if (msg == "") != ok {
			t.Errorf("%d characters: %q", n, msg)
		}
	}
}

// A traversal name in the keys file stops the server from starting, and
// nothing is created outside the data directory.
func TestServerRefusesABadKeysFile(t *testing.T) {
	root := t.TempDir()
	data := filepath.Join(root, "data")
	keys := filepath.Join(root, "keys")
	p := newPerson(t, "../escaped", Patient)
	writeKeys(t, keys, p)
	_, err := New(Config{KeysFile: keys, DataDir: data, Idle: DefaultIdle, MaxSessions: 1, Library: testLibrary(t)})
	if err == nil || !strings.Contains(err.Error(), keys+":2:") || !strings.Contains(err.Error(), "would make it a path") {
		t.Fatalf("%v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "escaped")); !os.IsNotExist(err) {
		t.Fatalf("something was made outside the data directory: %v", err)
	}
	// A FIFO or a folder is refused, never waited on.
	if _, errs := LoadKeys(root); len(errs) == 0 || !strings.Contains(errs[0].Error(), "not a regular file") {
		t.Fatalf("a folder as keys file: %v", errs)
	}
}
