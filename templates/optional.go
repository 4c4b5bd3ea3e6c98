package templates

import "encoding/json"

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
	if err := json.Unmarshal(data, &o.Value); err != nil {
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
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*n = Nullable[T]{Value: v, Set: true}
	return nil
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
