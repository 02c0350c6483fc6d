package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"

	"limber/exercises"
)

// HostKeyFile is the server's private host key, in the data directory.
const HostKeyFile = "ssh_host_ed25519_key"

// hostKey loads the host key from dir, or makes one the first time. It is
// written whole or not at all (a temporary file, synced, then renamed),
// readable by its owner only; a key that others can read is refused, as
// sshd refuses it, because anyone who has it can pose as the clinic.
func hostKey(dir string) (gossh.Signer, error) {
	path := filepath.Join(dir, HostKeyFile)
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return newHostKey(path)
	case err != nil:
		return nil, fmt.Errorf("host key: %w", err)
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("host key %s is not a regular file", exercises.Escape(path))
	case fi.Mode().Perm()&0o077 != 0:
		return nil, fmt.Errorf("host key %s can be read by others (mode %04o); run chmod 600 on it", exercises.Escape(path), fi.Mode().Perm())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("host key %s: %v; move it away and a new one is made (clients will then warn that the key changed)", exercises.Escape(path), err)
	}
	return signer, nil
}

func newHostKey(path string) (gossh.Signer, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "limber serve host key")
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	if err := writeWhole(path, pem.EncodeToMemory(block), 0o600); err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	return gossh.NewSignerFromKey(priv)
}

// writeWhole writes data to path atomically and durably.
func writeWhole(path string, data []byte, mode fs.FileMode) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // after a rename there is nothing left to remove
	if err := f.Chmod(mode); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Fingerprint is a key's SHA256 fingerprint, as ssh-keygen -l prints it.
func Fingerprint(k gossh.PublicKey) string { return gossh.FingerprintSHA256(k) }
