// Package content holds limber's built-in exercise libraries, routines and
// tips as YAML, embedded in the binary.
package content

import "embed"

// FS holds every built-in library file.
//
//go:embed *.yaml
var FS embed.FS
