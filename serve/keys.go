package serve

import (
	"bytes"
	"crypto/rsa"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	gossh "golang.org/x/crypto/ssh"

	"limber/exercises"
)

// Role is what a key may do: a patient runs their own coach; a therapist
// opens the list of patients.
type Role string

const (
	Patient   Role = "patient"
	Therapist Role = "therapist"
)

// roleOption is the one authorized_keys option limber reads.
const roleOption = "limber-role"

// maxNameLen is the longest name, in characters (as library names).
const maxNameLen = 60

// maxKeysFile is the largest keys file read; a clinic's is a few kB.
const maxKeysFile = 1 << 20

// Person is someone the keys file lets in.
type Person struct {
	Name   string // as written after the key (its comment)
	Folder string // the path-safe form of the name: the patient's folder
	Role   Role
	Line   int // where the person first appears in the keys file
}

// Keys is the keys file, read: who each public key belongs to.
type Keys struct {
	byKey  map[string]*Person // by the key's wire form
	people []*Person          // in file order, one per name and role
}

// Lookup finds the person a key belongs to.
func (k *Keys) Lookup(key gossh.PublicKey) (*Person, bool) {
	p, ok := k.byKey[string(key.Marshal())]
	return p, ok
}

// Patients lists the patients, in the order of the keys file.
func (k *Keys) Patients() []*Person {
	var out []*Person
	for _, p := range k.people {
		if p.Role == Patient {
			out = append(out, p)
		}
	}
	return out
}

// Patient finds a patient by folder.
func (k *Keys) Patient(folder string) (*Person, bool) {
	for _, p := range k.people {
		if p.Role == Patient && p.Folder == folder {
			return p, true
		}
	}
	return nil, false
}

// Len is how many keys there are.
func (k *Keys) Len() int { return len(k.byKey) }

// KeyError is one mistake in the keys file, at its place, with what to do.
type KeyError struct {
	File      string
	Line, Col int
	Msg, Hint string
}

func (e *KeyError) Error() string {
	s := fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

// LoadKeys reads the keys file at path. Every mistake is reported, each
// with its line; a file with any mistake lets nobody in, so that a typo
// never gives a key the wrong person's data.
func LoadKeys(path string) (*Keys, []error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, []error{fmt.Errorf("cannot read the keys file: %w", err)}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, []error{fmt.Errorf("cannot read the keys file: %w", err)}
	}
	if !fi.Mode().IsRegular() {
		return nil, []error{fmt.Errorf("%s is not a regular file; give the keys file with --keys FILE", exercises.Escape(path))}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxKeysFile+1))
	if err != nil {
		return nil, []error{fmt.Errorf("cannot read the keys file: %w", err)}
	}
	if len(data) > maxKeysFile {
		return nil, []error{fmt.Errorf("%s is larger than 1 MiB; is it the keys file?", exercises.Escape(path))}
	}
	return ParseKeys(data, path)
}

// ParseKeys reads a keys file in authorized_keys format: one key a line,
// the person's name as the key's comment, and the option
// limber-role=therapist for a therapist (patient is the default):
//
//	ssh-ed25519 AAAAC3Nza... Ann Lee
//	limber-role=therapist ssh-ed25519 AAAAC3Nza... Ruth Jones
func ParseKeys(data []byte, file string) (*Keys, []error) {
	k := &Keys{byKey: map[string]*Person{}}
	var errs []error
	bad := func(line, col int, hint, format string, args ...any) {
		errs = append(errs, &KeyError{File: exercises.Escape(file), Line: line, Col: col, Msg: fmt.Sprintf(format, args...), Hint: hint})
	}
	keyLine := map[string]int{}
	byFolder := map[string]*Person{}
	for i, raw := range bytes.Split(data, []byte("\n")) {
		n := i + 1
		line := bytes.TrimRight(raw, "\r")
		trimmed := bytes.TrimSpace(line)
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		if !utf8.Valid(line) {
			bad(n, 1, "save the file as UTF-8", "this line is not valid UTF-8")
			continue
		}
		key, comment, options, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			bad(n, 1, "each line is [limber-role=therapist] TYPE KEY NAME, as ssh-keygen writes it in a .pub file", "not a public key: %s", strings.TrimPrefix(err.Error(), "ssh: "))
			continue
		}
		col := bytes.Index(line, []byte(comment)) + 1
		if comment == "" {
			col = len(line) + 1
		}
		role, ok := roleOf(options, func(hint, format string, args ...any) { bad(n, 1, hint, format, args...) })
		if !ok {
			continue
		}
		if msg, hint := weakKey(key); msg != "" {
			bad(n, 1, hint, "%s", msg)
			continue
		}
		name := strings.TrimSpace(comment)
		folder, msg := Folder(name)
		if msg != "" {
			bad(n, col, "write the person's name after the key, in letters, digits, spaces and . , ' - ( ) only", "%s", msg)
			continue
		}
		wire := string(key.Marshal())
		if at, dup := keyLine[wire]; dup {
			bad(n, 1, "one key belongs to one person: remove one of the two lines", "this key is already on line %d", at)
			continue
		}
		p := byFolder[string(role)+"/"+folder]
		switch {
		case p == nil:
			p = &Person{Name: name, Folder: folder, Role: role, Line: n}
			byFolder[string(role)+"/"+folder] = p
			k.people = append(k.people, p)
		case p.Name != name:
			bad(n, col, "give one of them a different name (a middle initial will do)",
				"the name %s would share the folder %s with %s on line %d", exercises.Quote(name), folder, exercises.Quote(p.Name), p.Line)
			continue
		}
		// The same name again is the same person with another device.
		keyLine[wire] = n
		k.byKey[wire] = p
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(k.byKey) == 0 {
		return nil, []error{fmt.Errorf("%s holds no keys; add one line per person: the public key, then their name", exercises.Escape(file))}
	}
	return k, nil
}

// roleOf reads the line's options: limber-role alone is understood. Any
// other option (from=, command=, restrict...) is refused rather than
// ignored, so that nobody believes a key is held to a rule limber does not
// keep.
func roleOf(options []string, bad func(hint, format string, args ...any)) (Role, bool) {
	role := Patient
	seen := false
	for _, o := range options {
		name, val, _ := strings.Cut(o, "=")
		if name != roleOption {
			bad("limber serve understands only limber-role=therapist (or =patient) before a key", "the option %s is not supported", exercises.Quote(o))
			return "", false
		}
		if seen {
			bad("give limber-role once", "limber-role is given twice")
			return "", false
		}
		seen = true
		switch Role(strings.Trim(val, `"`)) {
		case Patient:
			role = Patient
		case Therapist:
			role = Therapist
		default:
			bad("use limber-role=therapist or limber-role=patient", "%s is not a role", exercises.Quote(val))
			return "", false
		}
	}
	return role, true
}

// weakKey refuses what an SSH server should not accept in 2026: DSA,
// RSA under 2048 bits, and certificates (limber keeps no CA).
func weakKey(key gossh.PublicKey) (msg, hint string) {
	switch key.Type() {
	case "ssh-dss":
		return "DSA keys are too weak", "make an ed25519 key: ssh-keygen -t ed25519"
	case gossh.KeyAlgoRSA:
		if ck, ok := key.(gossh.CryptoPublicKey); ok {
			if rk, ok := ck.CryptoPublicKey().(*rsa.PublicKey); ok && rk.N.BitLen() < 2048 {
				return fmt.Sprintf("this RSA key has %d bits, fewer than 2048", rk.N.BitLen()), "make an ed25519 key: ssh-keygen -t ed25519"
			}
		}
	}
	if _, ok := key.(*gossh.Certificate); ok {
		return "certificates are not supported", "list the person's own public key instead"
	}
	return "", ""
}

// Folder is the path-safe form of a name: lowercase letters and digits,
// with a dash for each run of anything else ("Ann O'Neil" -> "ann-o-neil").
// A name that could be read as a path, or that holds anything but letters,
// digits, spaces and a little punctuation, is refused with why.
func Folder(name string) (string, string) {
	switch {
	case name == "":
		return "", "no name: the person's name goes after the key, as its comment"
	case utf8.RuneCountInString(name) > maxNameLen:
		return "", fmt.Sprintf("the name is longer than %d characters", maxNameLen)
	}
	for _, r := range name {
		switch {
		case r == '/' || r == '\\':
			return "", fmt.Sprintf("the name %s holds %q, which would make it a path", exercises.Quote(name), r)
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.Is(unicode.Mn, r):
		case r == ' ', strings.ContainsRune(".,'-()", r):
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return "", fmt.Sprintf("the name %s holds a control or invisible character", exercises.Quote(name))
		default:
			return "", fmt.Sprintf("the name %s holds %q", exercises.Quote(name), r)
		}
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "", fmt.Sprintf("the name %s has no letter or digit", exercises.Quote(name))
	}
	return b.String(), ""
}

// errNoPerson is a verified key that is no longer in the keys file (it was
// reloaded between the key's check and the session).
var errNoPerson = errors.New("this key is not in the keys file")
