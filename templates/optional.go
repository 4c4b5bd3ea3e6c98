package templates

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// Opt is an optional value that is either absent or set. It is a plain value
// type, so decoding a struct full of optional fields allocates nothing extra.
// Fields of this type carry the `omitzero` JSON option: an absent Opt is left
// out of the encoded object.
type Opt[T any] struct {
	Value T
	Set   bool
}

// NewOpt returns an Opt that holds v.
func NewOpt[T any](v T) Opt[T] { return Opt[T]{Value: v, Set: true} }

// Get returns the value and whether it is set.
func (o Opt[T]) Get() (T, bool) { return o.Value, o.Set }

// Or returns the value when it is set and def otherwise.
func (o Opt[T]) Or(def T) T {
	if o.Set {
		return o.Value
	}
	return def
}

// IsZero reports whether o is absent; encoding/json consults it for `omitzero`.
func (o Opt[T]) IsZero() bool { return !o.Set }

// MarshalJSON encodes the value; an absent Opt outside a struct encodes as null.
func (o Opt[T]) MarshalJSON() ([]byte, error) {
	if !o.Set {
		return []byte("null"), nil
	}
	return json.Marshal(o.Value)
}

// UnmarshalJSON decodes a present value. A JSON null leaves o absent: the
// schema does not allow null here, and a forgiving reader treats it as missing.
func (o *Opt[T]) UnmarshalJSON(data []byte) error {
	if isJSONNull(data) {
		*o = Opt[T]{}
		return nil
	}
	if err := decodeValue(data, &o.Value); err != nil {
		return err
	}
	o.Set = true
	return nil
}

// Nullable is a value that the schema allows to be null. It has three states,
// which survive a JSON round trip: absent (the key is missing), null, and a
// value. Fields of this type carry the `omitzero` JSON option, so an absent
// Nullable is left out while a null one is written as null.
type Nullable[T any] struct {
	Value T
	Set   bool // the key was present, as a value or as null
	Null  bool // the key was present with a null value
}

// NewNullable returns a Nullable that holds v.
func NewNullable[T any](v T) Nullable[T] { return Nullable[T]{Value: v, Set: true} }

// NewNull returns a Nullable that is explicitly null.
func NewNull[T any]() Nullable[T] { return Nullable[T]{Set: true, Null: true} }

// Get returns the value and whether there is one (neither absent nor null).
func (n Nullable[T]) Get() (T, bool) { return n.Value, n.Set && !n.Null }

// IsNull reports whether n is explicitly null.
func (n Nullable[T]) IsNull() bool { return n.Set && n.Null }

// IsZero reports whether n is absent; encoding/json consults it for `omitzero`.
func (n Nullable[T]) IsZero() bool { return !n.Set }

// MarshalJSON encodes the value, or null when n is null or absent.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if !n.Set || n.Null {
		return []byte("null"), nil
	}
	return json.Marshal(n.Value)
}

// UnmarshalJSON decodes null or a value; either way n becomes present.
func (n *Nullable[T]) UnmarshalJSON(data []byte) error {
	if isJSONNull(data) {
		*n = Nullable[T]{Set: true, Null: true}
		return nil
	}
	var v T
	if err := decodeValue(data, &v); err != nil {
		return err
	}
	*n = Nullable[T]{Value: v, Set: true}
	return nil
}

// decodeValue decodes one JSON value into dst. Plain strings, booleans and
// numbers take a fast path that allocates nothing beyond the string itself;
// everything else, and anything unusual (escapes, a type mismatch), goes
// through encoding/json, which also produces its errors.
func decodeValue(data []byte, dst any) error {
	switch p := dst.(type) {
	case *string:
		if len(data) >= 2 && data[0] == '"' && data[len(data)-1] == '"' && plainString(data[1:len(data)-1]) {
			*p = string(data[1 : len(data)-1])
			return nil
		}
	case *bool:
		switch string(data) {
		case "true":
			*p = true
			return nil
		case "false":
			*p = false
			return nil
		}
	case *int64:
		if plainNumber(data) {
			if v, err := strconv.ParseInt(string(data), 10, 64); err == nil {
				*p = v
				return nil
			}
		}
	case *float64:
		if plainNumber(data) {
			if v, err := strconv.ParseFloat(string(data), 64); err == nil {
				*p = v
				return nil
			}
		}
	}
	return json.Unmarshal(data, dst)
}

// plainString reports whether the inside of a JSON string needs no
// unescaping: no backslash, no control character, valid UTF-8.
func plainString(s []byte) bool {
	for _, c := range s {
		if c == '\\' || c == '"' || c < 0x20 {
			return false
		}
	}
	return utf8.Valid(s)
}

// plainNumber reports whether data looks like a JSON number that strconv
// reads the same way (no hex, no underscores, no leading plus).
func plainNumber(data []byte) bool {
	digits := bytes.TrimPrefix(data, []byte("-"))
	if len(digits) == 0 || digits[0] < '0' || digits[0] > '9' || (digits[0] == '0' && len(digits) > 1 && digits[1] >= '0' && digits[1] <= '9') {
		return false
	}
	for _, c := range data {
		if (c < '0' || c > '9') && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E' {
			return false
		}
	}
	return true
}

// isJSONNull reports whether data is the JSON literal null, allowing for
// surrounding white space.
func isJSONNull(data []byte) bool {
	data = trimJSONSpace(data)
	return len(data) == 4 && string(data) == "null"
}

// trimJSONSpace strips the white space JSON allows around a value.
func trimJSONSpace(data []byte) []byte {
	for len(data) > 0 && isJSONSpace(data[0]) {
		data = data[1:]
	}
	for len(data) > 0 && isJSONSpace(data[len(data)-1]) {
		data = data[:len(data)-1]
	}
	return data
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
