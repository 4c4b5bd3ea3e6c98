package templates

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func knownSet(keys ...string) func(string) bool {
	return func(k string) bool {
		for _, x := range keys {
			if x == k {
				return true
			}
		}
		return false
	}
}

// rawMap turns a map of JSON texts into RawMessages.
func rawMap(m map[string]string) map[string]json.RawMessage {
	if m == nil {
		return nil
	}
	out := make(map[string]json.RawMessage, len(m))
	for k, v := range m {
		out[k] = json.RawMessage(v)
	}
	return out
}

func TestDecodeExtraFields(t *testing.T) {
	known := knownSet("id", "name")
	tests := []struct {
		name string
		in   string
		want map[string]string // nil: no extras
	}{
		{"empty object", `{}`, nil},
		{"only known", `{"id":1,"name":"n"}`, nil},
		{"one unknown", `{"id":1,"x":true}`, map[string]string{"x": "true"}},
		{"unknowns of every shape", `{"id":1,"a":{"b":[1,2]},"s":"str","n":null,"f":-1.5e3,"arr":[]}`,
			map[string]string{"a": `{"b":[1,2]}`, "s": `"str"`, "n": "null", "f": "-1.5e3", "arr": "[]"}},
		{"white space kept out of the raw value", "{ \"x\" :  [ 1 ,2 ] , \"id\":1 }", map[string]string{"x": "[ 1 ,2 ]"}},
		{"escaped key", `{"odd \"key\"":1}`, map[string]string{`odd "key"`: "1"}},
		{"key differing in case from a known one", `{"ID":1}`, map[string]string{"ID": "1"}},
		{"null object", `null`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeExtraFields([]byte(tt.in), known)
			if err != nil {
				t.Fatalf("decodeExtraFields(%s): %v", tt.in, err)
			}
			if tt.want == nil {
				if got != nil {
					t.Fatalf("decodeExtraFields(%s) = %v, want nil", tt.in, got)
				}
				return
			}
			if !reflect.DeepEqual(got, rawMap(tt.want)) {
				t.Fatalf("decodeExtraFields(%s) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDecodeExtraFieldsInvalid(t *testing.T) {
	for _, in := range []string{``, `{`, `[1]`, `"s"`, `1`, `{"a":}`, `{"a":1} x`} {
		got, err := decodeExtraFields([]byte(in), knownSet())
		if err == nil {
			t.Errorf("decodeExtraFields(%q) = %v, nil error; want an error", in, got)
		}
		if got != nil {
			t.Errorf("decodeExtraFields(%q) returned %v along with the error", in, got)
		}
	}
}

func TestAppendExtraFields(t *testing.T) {
	known := knownSet("id", "name")
	tests := []struct {
		name    string
		encoded string
		extra   map[string]string
		want    string
	}{
		{"nil extras leave the object alone", `{"id":1}`, nil, `{"id":1}`},
		{"empty extras leave the object alone", `{"id":1}`, map[string]string{}, `{"id":1}`},
		{"into empty object", `{}`, map[string]string{"x": "1"}, `{"x":1}`},
		{"into empty object with inner space", `{ }`, map[string]string{"x": "1"}, `{ "x":1}`},
		{"into non-empty object", `{"id":1}`, map[string]string{"x": "1"}, `{"id":1,"x":1}`},
		{"sorted key order", `{"id":1}`, map[string]string{"zeta": "3", "alpha": "1", "mid": `"m"`, "Beta": "2"},
			`{"id":1,"Beta":2,"alpha":1,"mid":"m","zeta":3}`},
		{"sorted into empty object", `{}`, map[string]string{"b": "2", "a": "1", "c": "3"}, `{"a":1,"b":2,"c":3}`},
		{"known keys skipped: the typed field wins", `{"id":1}`, map[string]string{"id": "99", "name": `"shadow"`, "x": "null"},
			`{"id":1,"x":null}`},
		{"only known keys", `{"id":1}`, map[string]string{"id": "2"}, `{"id":1}`},
		{"only known keys into empty", `{}`, map[string]string{"id": "2"}, `{}`},
		{"trailing newline from an Encoder", "{\"id\":1}\n", map[string]string{"x": "2"}, `{"id":1,"x":2}`},
		{"nested values", `{"id":1}`, map[string]string{"o": `{"a":[1,{"b":null}]}`}, `{"id":1,"o":{"a":[1,{"b":null}]}}`},
		{"keys needing escapes", `{}`, map[string]string{`q"uote`: "1", "new\nline": "2"}, `{"new\nline":2,"q\"uote":1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := appendExtraFields([]byte(tt.encoded), rawMap(tt.extra), known)
			if err != nil {
				t.Fatalf("appendExtraFields: %v", err)
			}
			if string(got) != tt.want {
				t.Fatalf("appendExtraFields = %s, want %s", got, tt.want)
			}
			if !json.Valid(got) {
				t.Fatalf("result %s is not valid JSON", got)
			}
		})
	}
}

func TestAppendExtraFieldsErrors(t *testing.T) {
	tests := []struct {
		name    string
		encoded string
		extra   map[string]string
		wantMsg string
	}{
		{"invalid raw value", `{"id":1}`, map[string]string{"x": `{"a":`}, "additional property x holds invalid JSON"},
		{"empty raw value", `{}`, map[string]string{"x": ``}, "additional property x holds invalid JSON"},
		{"bare word raw value", `{}`, map[string]string{"x": `hello`}, "additional property x holds invalid JSON"},
		{"two values in one raw value", `{}`, map[string]string{"x": `1 2`}, "additional property x holds invalid JSON"},
		{"encoded is an array", `[1]`, map[string]string{"x": "1"}, "additional properties need a JSON object"},
		{"encoded is null", `null`, map[string]string{"x": "1"}, "additional properties need a JSON object"},
		{"encoded is empty", ``, map[string]string{"x": "1"}, "additional properties need a JSON object"},
		{"encoded is one brace", `}`, map[string]string{"x": "1"}, "additional properties need a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := appendExtraFields([]byte(tt.encoded), rawMap(tt.extra), knownSet("id"))
			if err == nil {
				t.Fatalf("appendExtraFields = %s, nil error; want an error", got)
			}
			if got != nil {
				t.Errorf("appendExtraFields returned %s along with the error", got)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error = %q, want it to contain %q", err, tt.wantMsg)
			}
		})
	}
	// An invalid value under a known key is never written, so it is no error.
	got, err := appendExtraFields([]byte(`{"id":1}`), rawMap(map[string]string{"id": "{{"}), knownSet("id"))
	if err != nil || string(got) != `{"id":1}` {
		t.Errorf("invalid value under a known key: %s, %v; want {\"id\":1}, nil", got, err)
	}
}

// appendExtraFields must not write into the spare capacity of the caller's
// buffer.
func TestAppendExtraFieldsDoesNotClobberInput(t *testing.T) {
	buf := make([]byte, 0, 64)
	buf = append(buf, `{"id":1}`...)
	spare := buf[:cap(buf)]
	for i := len(buf); i < len(spare); i++ {
		spare[i] = '#'
	}
	got, err := appendExtraFields(buf, rawMap(map[string]string{"x": "2"}), knownSet("id"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != `{"id":1,"x":2}` {
		t.Fatalf("got %s", got)
	}
	if string(buf) != `{"id":1}` {
		t.Fatalf("input changed to %s", buf)
	}
	if bytes.Count(spare[len(buf):], []byte("#")) != len(spare)-len(buf) {
		t.Fatalf("spare capacity of the input was overwritten: %q", spare)
	}
}

// record is shaped like a generated struct with additionalProperties.
type record struct {
	ID    int                        `json:"id"`
	Name  string                     `json:"name,omitempty"`
	Extra map[string]json.RawMessage `json:"-"`
}

var recordKnown = knownSet("id", "name")

func (r *record) UnmarshalJSON(data []byte) error {
	type plain record
	if err := json.Unmarshal(data, (*plain)(r)); err != nil {
		return err
	}
	extra, err := decodeExtraFields(data, recordKnown)
	if err != nil {
		return err
	}
	r.Extra = extra
	return nil
}

func (r record) MarshalJSON() ([]byte, error) {
	type plain record
	b, err := json.Marshal(plain(r))
	if err != nil {
		return nil, err
	}
	return appendExtraFields(b, r.Extra, recordKnown)
}

func TestExtraFieldsRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // the encoding after decode: typed fields first, extras sorted
	}{
		{"no extras", `{"id":1,"name":"n"}`, `{"id":1,"name":"n"}`},
		{"extras only beside id", `{"zz":[1,2],"id":7,"aa":{"k":"v"}}`, `{"id":7,"aa":{"k":"v"},"zz":[1,2]}`},
		{"extras of every shape", `{"id":1,"t":true,"n":null,"s":"x","f":0.25,"neg":-3}`,
			`{"id":1,"f":0.25,"n":null,"neg":-3,"s":"x","t":true}`},
		{"unicode key and value", `{"id":1,"ключ":"значение"}`, `{"id":1,"ключ":"значение"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r record
			if err := json.Unmarshal([]byte(tt.in), &r); err != nil {
				t.Fatalf("Unmarshal: %v", err)
			}
			out, err := json.Marshal(r)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			if !json.Valid(out) {
				t.Fatalf("Marshal produced invalid JSON: %s", out)
			}
			if string(out) != tt.want {
				t.Fatalf("Marshal = %s, want %s", out, tt.want)
			}
			// The same properties as the input, compared as generic maps.
			var inMap, outMap map[string]any
			if err := json.Unmarshal([]byte(tt.in), &inMap); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(out, &outMap); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(inMap, outMap) {
				t.Fatalf("round trip changed the properties: %v -> %v", inMap, outMap)
			}
			// And the extras decode back to the same raw map.
			var again record
			if err := json.Unmarshal(out, &again); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(again, r) {
				t.Fatalf("second decode = %+v, want %+v", again, r)
			}
		})
	}
}

// An extra whose raw value is invalid makes the whole Marshal fail rather
// than emit broken JSON.
func TestExtraFieldsMarshalInvalid(t *testing.T) {
	r := record{ID: 1, Extra: rawMap(map[string]string{"x": "{"})}
	if out, err := json.Marshal(r); err == nil {
		t.Fatalf("Marshal = %s, nil error; want an error", out)
	}
}

// Property-based: for random-ish sets of extras, the result is valid JSON
// whose extra keys are exactly the unknown input keys.
func TestAppendExtraFieldsValidAndComplete(t *testing.T) {
	values := []string{`1`, `"s"`, `null`, `[]`, `{}`, `{"a":[true,false]}`, `-0.5e-3`, `"\u00e9\n"`}
	keys := []string{"a", "B", "id", "name", "with space", "é", "", "<html>", `\`}
	for mask := 0; mask < 1<<len(keys); mask += 7 {
		extra := map[string]json.RawMessage{}
		for i, k := range keys {
			if mask&(1<<i) != 0 {
				extra[k] = json.RawMessage(values[i%len(values)])
			}
		}
		for _, base := range []string{`{}`, `{"id":1}`, `{"id":1,"name":"n"}`} {
			out, err := appendExtraFields([]byte(base), extra, recordKnown)
			if err != nil {
				t.Fatalf("mask %b base %s: %v", mask, base, err)
			}
			if !json.Valid(out) {
				t.Fatalf("mask %b base %s: invalid JSON %s", mask, base, out)
			}
			got, err := decodeExtraFields(out, recordKnown)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]json.RawMessage{}
			for k, v := range extra {
				if !recordKnown(k) {
					want[k] = v
				}
			}
			if len(want) == 0 {
				want = nil
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("mask %b base %s: extras read back %q, want %q (from %s)", mask, base, got, want, out)
			}
		}
	}
}
