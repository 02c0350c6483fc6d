package journal

import (
	"path/filepath"
	"testing"
)

func TestDataDir(t *testing.T) {
	tests := []struct {
		name           string
		flag, env, xdg string
		home           string
		want           string
		wantErr        bool
	}{
		{name: "flag wins", flag: "/f", env: "/e", xdg: "/x", home: "/h", want: "/f"},
		{name: "relative flag kept as given", flag: "data", env: "/e", home: "/h", want: "data"},
		{name: "env", env: "/e", xdg: "/x", home: "/h", want: "/e"},
		{name: "xdg", xdg: "/x", home: "/h", want: filepath.Join("/x", "limber")},
		{name: "relative xdg ignored", xdg: "rel", home: "/h", want: filepath.Join("/h", ".local", "share", "limber")},
		{name: "home", home: "/h", want: filepath.Join("/h", ".local", "share", "limber")},
		{name: "nothing at all", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("LIMBER_DATA_DIR", tt.env)
			t.Setenv("XDG_DATA_HOME", tt.xdg)
			t.Setenv("HOME", tt.home)
			got, err := DataDir(tt.flag)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("DataDir(%q) = %q, want an error", tt.flag, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("DataDir(%q): %v", tt.flag, err)
			}
			if got != tt.want {
				t.Errorf("DataDir(%q) = %q, want %q", tt.flag, got, tt.want)
			}
		})
	}
}

func TestPath(t *testing.T) {
	if got, want := Path("/d"), filepath.Join("/d", "journal.jsonl"); got != want {
		t.Errorf("Path = %q, want %q", got, want)
	}
}
