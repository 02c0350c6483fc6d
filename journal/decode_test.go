package journal

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// fastCases are lines the fast path must either decode exactly as
// encoding/json does or hand over to it.
var fastCases = []string{
	`{"v":1,"kind":"set","at":"2025-03-01T07:03:12.123456789+01:00","session":"20250301T060000Z-a1b2c3","routine":"knee-daily","exercise":"wall-sit","name":"Wall sit","unit":"seconds","set":2,"side":"left","rung":{"sets":3,"level":2,"value":30},"target":30,"achieved":29,"effort":3}`,
	`{"v":1,"kind":"session_start","at":"2025-03-01T07:00:00Z","session":"s","baseline":0,"red_flag":false,"settled":true,"demo":true}`,
	`{"v":1,"kind":"exercise_end","at":"2025-03-01T07:00:00Z","session":"s","pain":0,"score":-3,"stopped":true,"decision":{"from":{"sets":3,"level":1,"value":8},"to":{"sets":3,"level":1,"value":9},"streak":2,"flag":true,"reason":"effort ≤ 3: up"}}`,
	`{"v":1,"kind":"session_end","at":"2025-03-01T07:00:00-05:00","session":"s","outcome":"finished"}`,
	`{"v":1,"kind":"adjust","at":"2025-03-01T07:00:00Z","session":"s","rung":{},"note":"by hand"}`,
	` { "v" : 1 , "kind" : "set" , "at" : "2025-03-01T07:00:00Z" , "session" : "s" , "rung" : { "sets" : 1 } } `,
	"{\"v\":1,\t\"kind\":\"set\",\r\n\"at\":\"2025-03-01T07:00:00Z\",\"session\":\"s\"}",
	`{"v":1,"kind":"session_start","at":"2025-03-01T07:00:00Z","session":"s","baseline":6,"red_flag":true,"settled":false,"red_flags":["chest-pain","fall"],"glucose":5.6,"glucose_unit":"mmol/L","ketones":false,"today":"rest","resumes":"s0"}`,
	`{"v":1,"kind":"session_start","at":"2025-03-01T07:00:00Z","session":"s","red_flags":[],"glucose":250}`,
	`{"v":1,"kind":"session_start","at":"2025-03-01T07:00:00Z","session":"s","red_flags":[ "a" , "b" ],"glucose":-0.25}`,
	`{"v":1,"kind":"flare","at":"2025-03-01T07:00:00Z","session":"s","exercise":"x","set":2,"side":"left","pain":7}`,
	`{"v":1,"kind":"exercise_end","at":"2025-03-01T07:00:00Z","session":"s","exercise":"x","name":"Toe taps · ½","unit":"reps","pain":2}`,
	`{}`,
	// Handed over: escapes, nulls, case-folded or unknown keys, duplicates,
	// floats, leading zeros, bad UTF-8, trailing garbage, bad times.
	`{"v":1,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s","note":"line\nbreak \"quoted\" \u00e9 \ud83d\ude00"}`,
	`{"v":1,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s","pain":null,"rung":null}`,
	`{"v":1,"kind":"session_start","at":"2025-03-01T07:00:00Z","session":"s","red_flags":null}`,
	`{"v":1,"kind":"session_start","at":"2025-03-01T07:00:00Z","session":"s","red_flags":["a",1]}`,
	`{"v":1,"kind":"session_start","at":"2025-03-01T07:00:00Z","session":"s","red_flags":["a",]}`,
	`{"v":1,"kind":"session_start","at":"2025-03-01T07:00:00Z","session":"s","red_flags":"a"}`,
	`{"v":1,"kind":"session_start","at":"2025-03-01T07:00:00Z","session":"s","glucose":1e2}`,
	`{"v":1,"kind":"session_start","at":"2025-03-01T07:00:00Z","session":"s","glucose":05.5}`,
	`{"v":1,"kind":"session_start","at":"2025-03-01T07:00:00Z","session":"s","glucose":5.}`,
	`{"v":1,"kind":"session_start","at":"2025-03-01T07:00:00Z","session":"s","glucose":.5}`,
	`{"v":1,"kind":"session_start","at":"2025-03-01T07:00:00Z","session":"s","glucose":"5.5"}`,
	`{"v":1,"kind":"session_start","at":"2025-03-01T07:00:00Z","session":"s","glucose":0.1000000000000000055511151231257827}`,
	`{"V":1,"KIND":"set","At":"2025-03-01T07:00:00Z","Session":"s"}`,
	`{"v":1,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s","extra":[1,{"a":2}]}`,
	`{"v":1,"kind":"set","kind":"adjust","at":"2025-03-01T07:00:00Z","session":"s"}`,
	`{"v":1,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s","rung":{"sets":1},"rung":{"level":2}}`,
	`{"v":1.0,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s"}`,
	`{"v":1e0,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s"}`,
	`{"v":01,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s"}`,
	`{"v":-0,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s"}`,
	`{"v":99999999999999999999,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s"}`,
	"{\"v\":1,\"kind\":\"set\",\"at\":\"2025-03-01T07:00:00Z\",\"session\":\"s\xff\xfe\"}",
	"{\"v\":1,\"kind\":\"set\",\"at\":\"2025-03-01T07:00:00Z\",\"session\":\"tab\there\"}",
	`{"v":1,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s"} x`,
	`{"v":1,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s"}{}`,
	`{"v":1,"kind":"set","at":"2025-03-01T25:00:00Z","session":"s"}`,
	`{"v":1,"kind":"set","at":"2025-03-01 07:00:00Z","session":"s"}`,
	`{"v":1,"kind":"set","at":12,"session":"s"}`,
	`{"v":"1","kind":"set","at":"2025-03-01T07:00:00Z","session":"s"}`,
	`{"v":1,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s","demo":"true"}`,
	`{"v":1,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s","demo":tru}`,
	`{"v":1,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s",}`,
	`{"v":1,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s"`,
	`{"v":1,"kind":"set","at":"2025-03-01T07:0`,
	`["v",1]`,
	`null`,
	`{"v":1,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s","side":"abcdefgh\"ijk"}`,
	`{"v":1,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s","side":"abcdefgh\u0000ijk"}`,
	`{"v":1,"kind":"set","at":"2025-03-01T07:00:00Z","session":"s","note":"` + strings.Repeat("x", 5000) + `"}`,
}

// checkFast fails t if the fast path accepts line but decodes it differently
// from encoding/json, or accepts what encoding/json refuses.
func checkFast(t *testing.T, line []byte) (accepted bool) {
	t.Helper()
	return checkFastWith(t, newDecoder(), line)
}

func checkFastWith(t *testing.T, d *decoder, line []byte) (accepted bool) {
	t.Helper()
	var fast Record
	if !d.decodeFast(line, &fast) {
		return false
	}
	var want Record
	if err := json.Unmarshal(line, &want); err != nil {
		t.Fatalf("fast path accepted %q, which encoding/json refuses: %v", line, err)
	}
	if !reflect.DeepEqual(fast, want) {
		t.Fatalf("fast path decoded %q as\n%+v\nencoding/json as\n%+v", line, fast, want)
	}
	return true
}

func TestDecodeFastAgreesWithEncodingJSON(t *testing.T) {
	accepted := 0
	for _, c := range fastCases {
		if checkFast(t, []byte(c)) {
			accepted++
		}
	}
	// The fast path must actually be used for the lines Append writes.
	if accepted < 13 {
		t.Errorf("fast path accepted %d of the first 13 cases; it should take all of them", accepted)
	}
	d := newDecoder() // one for the whole file, as Read does
	for line := range strings.Lines(string(History(2000))) {
		if !checkFastWith(t, d, []byte(strings.TrimSuffix(line, "\n"))) {
			t.Fatalf("fast path refused a line Append writes: %s", line)
		}
	}
}

// FuzzDecodeFast decodes two lines with one decoder, as a journal is read,
// so that what the decoder caches from one line is tested on the next.
func FuzzDecodeFast(f *testing.F) {
	for i, c := range fastCases {
		f.Add([]byte(c), []byte(fastCases[(i+1)%len(fastCases)]))
	}
	f.Fuzz(func(t *testing.T, first, second []byte) {
		d := newDecoder()
		checkFastWith(t, d, first)
		checkFastWith(t, d, second)
	})
}

func TestSpecial(t *testing.T) {
	// The lowest marked byte must be the first special one, wherever it is.
	for pos := range 8 {
		for c := range 256 {
			b := []byte("abcdefgh")
			b[pos] = byte(c)
			want := 8
			for i, x := range b {
				if x == '"' || x == '\\' || x < 0x20 || x >= 0x80 {
					want = i
					break
				}
			}
			got := 8
			if m := special(uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56); m != 0 {
				got = 0
				for m&0x80 == 0 {
					m >>= 8
					got++
				}
			}
			if got != want {
				t.Fatalf("special(%q): first special byte at %d, want %d", b, got, want)
			}
		}
	}
}
