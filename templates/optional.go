package templates

import (
	"encoding/json"
	"time"
)

// Opt is an optional value that is either absent or set. It is a plain value
// type, so decoding a struct full of optional fields allocates nothing extra.
// Fields of this type carry the `omitzero` JSON option: an absent Opt is left
// out of the encoded object.
//
// Its methods but MarshalJSON take a pointer. The compiler builds an Opt's
// methods once for every type it holds, and a method with a value receiver
// twice (the second for calls through a pointer), which made a large API's
// package up to a tenth slower to build; a pointer also spares copying a
// large Value. MarshalJSON keeps its value receiver so that encoding/json
// uses it for an Opt it cannot address. (Nullable keeps value receivers: it
// can be the value of a map, which cannot be addressed, where an Opt never
// is.)
type Opt[T any] struct {
	Value T
	Set   bool
}

// NewOpt returns an Opt that holds v.
func NewOpt[T any](v T) Opt[T] { return Opt[T]{Value: v, Set: true} }

// Get returns the value and whether it is set.
func (o *Opt[T]) Get() (T, bool) { return o.Value, o.Set }

// Or returns the value when it is set and def otherwise.
func (o *Opt[T]) Or(def T) T {
	if o.Set {
		return o.Value
	}
	return def
}

// IsZero reports whether o is absent; encoding/json consults it for `omitzero`.
func (o *Opt[T]) IsZero() bool { return !o.Set }

// found records how decoding into o.Value went: a value makes o present;
// null (or a mismatch) leaves it absent. The decoders call it once per
// property, so it is kept out of line, as path.field is.
//
//go:noinline
func (o *Opt[T]) found(present bool) {
	if present {
		o.Set = true
	} else {
		*o = Opt[T]{}
	}
}

// MarshalJSON encodes the value; an absent Opt outside a struct encodes as null.
func (o Opt[T]) MarshalJSON() ([]byte, error) {
	if !o.Set {
		return []byte("null"), nil
	}
	return marshalValue(&o.Value)
}

// UnmarshalJSON decodes a present value. A JSON null leaves o absent: the
// schema does not allow null here, and a forgiving reader treats it as missing.
func (o *Opt[T]) UnmarshalJSON(data []byte) error {
	d := newJSONReader(string(data), nil)
	if d.null() {
		*o = Opt[T]{}
	} else {
		decodeValue(d, &o.Value)
		o.Set = true
	}
	return d.finish()
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

// found records how decoding into n.Value went: either way n is present,
// holding the value or null. It is kept out of line, as Opt.found is.
//
//go:noinline
func (n *Nullable[T]) found(present bool) {
	if present {
		n.Set, n.Null = true, false
	} else {
		*n = Nullable[T]{Set: true, Null: true}
	}
}

// MarshalJSON encodes the value, or null when n is null or absent.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if !n.Set || n.Null {
		return []byte("null"), nil
	}
	return marshalValue(&n.Value)
}

// UnmarshalJSON decodes null or a value; either way n becomes present.
func (n *Nullable[T]) UnmarshalJSON(data []byte) error {
	d := newJSONReader(string(data), nil)
	if d.null() {
		*n = Nullable[T]{Set: true, Null: true}
	} else {
		var v T
		decodeValue(d, &v)
		*n = Nullable[T]{Value: v, Set: true}
	}
	return d.finish()
}

// decodeValue reads one value into dst: with its generated decoder, the
// reader's own for a builtin, and encoding/json for anything else.
func decodeValue(d *jsonReader, dst any) {
	switch v := dst.(type) {
	case jsonDecodable:
		v.decodeJSON(d)
	case *string:
		decodeString(v, d)
	case *bool:
		decodeBool(v, d)
	case *int64:
		decodeInt64(v, d)
	case *int32:
		decodeInt32(v, d)
	case *float64:
		decodeFloat64(v, d)
	case *float32:
		decodeFloat32(v, d)
	case *time.Time:
		decodeTime(v, d)
	case *json.RawMessage:
		decodeRawJSON(v, d)
	default:
		decodeWithJSON(dst, d)
	}
}

// marshalValue encodes v like decodeValue decodes it.
func marshalValue(v any) ([]byte, error) {
	return encodeJSONBytes(func(w *jsonWriter) {
		switch x := v.(type) {
		case jsonEncodable:
			x.encodeJSON(w)
		case *string:
			encodeString(x, w)
		case *bool:
			encodeBool(x, w)
		case *int64:
			encodeInt64(x, w)
		case *int32:
			encodeInt32(x, w)
		case *float64:
			encodeFloat64(x, w)
		case *float32:
			encodeFloat32(x, w)
		case *time.Time:
			encodeTime(x, w)
		case *json.RawMessage:
			encodeRawJSON(x, w)
		default:
			encodeWithJSON(v, w)
		}
	})
}
