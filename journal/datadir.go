package journal

import (
	"errors"
	"os"
	"path/filepath"
)

// FileName is the journal's name inside the data directory.
const FileName = "journal.jsonl"

// DataDir picks the data directory: the --data-dir flag, else
// $LIMBER_DATA_DIR, else $XDG_DATA_HOME/limber, else ~/.local/share/limber.
// An empty variable counts as unset. A relative $XDG_DATA_HOME is ignored, as
// the XDG spec asks, so that the journal does not move with the working
// directory.
func DataDir(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if d := os.Getenv("LIMBER_DATA_DIR"); d != "" {
		return d, nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "limber"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", errors.New("cannot find a data directory: $HOME is not set; pass --data-dir DIR or set LIMBER_DATA_DIR")
	}
	return filepath.Join(home, ".local", "share", "limber"), nil
}

// Path is the journal file inside dir.
func Path(dir string) string { return filepath.Join(dir, FileName) }
