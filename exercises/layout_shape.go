package exercises

import (
	"regexp"
	"strings"
)

// The shape of a library file as messages about its layout need it: field
// paths, the fields of each mapping, and which fields hold lists.

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func lastPart(path string) string {
	path = trimIndex(path)
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

func trimIndex(path string) string {
	for strings.HasSuffix(path, "]") {
		i := strings.LastIndexByte(path, '[')
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return path
}

var indexRE = regexp.MustCompile(`\[\d+\]`)

// shape is a field path without its list indexes: exercises[].dose.
func shape(path string) string { return indexRE.ReplaceAllString(path, "[]") }

// The shape of a library file, as far as messages about its layout need:
// the fields of each mapping, and which fields hold lists.
var layoutFields = map[string][]string{
	"":                                 {"title", "category", "rules", "exercises", "routines", "tips"},
	"exercises[]":                      exerciseFields,
	"exercises[].dose":                 {"kind", "sets", "reps", "hold", "duration", "rest", "sides", "tempo", "level", "source"},
	"exercises[].dose.tempo":           {"up", "hold", "down"},
	"exercises[].progression":          {"reps", "hold", "duration", "sets", "gate", "source"},
	"exercises[].progression.reps":     {"min", "max", "step"},
	"exercises[].progression.hold":     {"min", "max", "step"},
	"exercises[].progression.duration": {"min", "max", "step"},
	"exercises[].progression.sets":     {"min", "max"},
	"exercises[].score":                {"out_of"},
	"routines[]":                       routineFields,
	"routines[].exercises[]":           {"id", "dose", "level"},
	"routines[].exercises[].dose":      {"sets", "reps", "hold", "duration", "rest", "level"},
	"tips[]":                           tipFields,
}

var listPaths = map[string]bool{
	"exercises": true, "routines": true, "tips": true,
	"exercises[].areas": true, "exercises[].equipment": true, "exercises[].safety": true,
	"exercises[].steps": true, "exercises[].cues": true, "exercises[].levels": true,
	"routines[].before": true, "routines[].after": true, "routines[].exercises": true,
}

// listOfFields: lists whose items are mappings ("- id: ...").
var listOfFields = map[string]bool{"exercises": true, "routines": true, "tips": true}

func fieldsAt(path string) []string {
	sh := shape(path)
	if f, ok := layoutFields[sh]; ok {
		return f
	}
	if strings.HasSuffix(sh, "rules") {
		return append(append([]string{"sessions_to_progress"}, ruleBlocks...), "source")
	}
	for _, b := range ruleBlocks {
		if strings.HasSuffix(sh, "rules."+b) {
			var out []string
			for _, k := range ruleKeys {
				if k.block == b {
					out = append(out, k.key)
				}
			}
			return out
		}
	}
	return nil
}

// accepts reports whether the mapping at path has a field named key.
func accepts(path, key string) bool {
	for _, f := range fieldsAt(path) {
		if f == key {
			return true
		}
	}
	return false
}
