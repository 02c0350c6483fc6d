// Package docs holds limber's documentation for library authors: the
// library format (library.md), the rules (rules.md) and a JSON Schema of
// the library file format (library.schema.json), which editors with
// yaml-language-server use to complete and check fields while a therapist
// types.
package docs

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of a limber library file, as in
// docs/library.schema.json. It describes the structure the loader accepts:
// fields, types, allowed words and limits. What depends on several values
// at once (a starting dose on its grid, references between routines and
// exercises, duplicate ids) only the loader checks.
//
//go:embed library.schema.json
var Schema []byte
