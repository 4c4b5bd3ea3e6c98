package templates

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// jsonWriter encodes generated types into one growing buffer, for the
// generated encodeJSON methods. Its output is byte for byte what
// json.Marshal writes for the same value: the same escaping (<, > and &
// included), the same number formats, null for nil slices and maps, and
// map keys in sorted order. The first error (a float that JSON cannot
// hold, a union with no variant) is kept in err.
//
// A body on the wire (a server's response, a client's request) is written
// with wire set: there a nil slice or map is [] or {}, as the schema types
// it, not the null a Go nil would give, which the other side would refuse
// where the spec says array (a handler that returns "var items []Item" has
// found no items, not a null).
type jsonWriter struct {
	buf  []byte
	err  error
	wire bool
}

// jsonEncodable is a generated type that writes itself to a jsonWriter.
type jsonEncodable interface {
	encodeJSON(w *jsonWriter)
}

// writerPool recycles encoding buffers between calls.
var writerPool = sync.Pool{New: func() any { return &jsonWriter{buf: make([]byte, 0, 4096)} }}

// getWriter returns an empty writer from the pool.
func getWriter() *jsonWriter {
	w := writerPool.Get().(*jsonWriter)
	w.buf, w.err, w.wire = w.buf[:0], nil, false
	return w
}

// putWriter returns w to the pool, unless its buffer has grown so large
// that keeping it would pin memory.
func putWriter(w *jsonWriter) {
	if cap(w.buf) <= 1<<20 {
		writerPool.Put(w)
	}
}

// marshalJSON encodes v into a new slice: the entry point of the generated
// MarshalJSON methods.
func marshalJSON(v jsonEncodable) ([]byte, error) { return encodeJSONBytes(v.encodeJSON) }

// encodeJSONBytes encodes with encode, in a pooled buffer, into a new slice:
// what MarshalJSON returns.
func encodeJSONBytes(encode func(w *jsonWriter)) ([]byte, error) { return encodeBytes(encode, false) }

// encodeWireBytes is encodeJSONBytes for a body a client sends, which is
// on the wire (see jsonWriter).
func encodeWireBytes(encode func(w *jsonWriter)) ([]byte, error) { return encodeBytes(encode, true) }

func encodeBytes(encode func(w *jsonWriter), wire bool) ([]byte, error) {
	w := getWriter()
	w.wire = wire
	encode(w)
	out, err := slices.Clone(w.buf), w.err
	putWriter(w)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// fail records the first error.
func (w *jsonWriter) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// key starts an object member: a comma unless it is the first, then the
// quoted, escaped key and its colon, given precomputed as `"name":`. It is
// called once per property in every encoder; kept out of line, it costs a
// call per member and saves the compiler an append at each of those sites.
//
//go:noinline
func (w *jsonWriter) key(quoted string) {
	w.member()
	w.buf = append(w.buf, quoted...)
}

// member starts an object member: a comma unless it is the first.
func (w *jsonWriter) member() {
	if n := len(w.buf); n > 0 && w.buf[n-1] != '{' {
		w.buf = append(w.buf, ',')
	}
}

// null writes a JSON null. Like key, it is kept out of line, since the
// encoders call it at thousands of sites.
//
//go:noinline
func (w *jsonWriter) null() { w.buf = append(w.buf, "null"...) }

// htmlSafe marks the ASCII bytes that json.Marshal copies into a string
// as they are: printable, and none of ", \, <, > or &.
var htmlSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = false
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// string writes s as a JSON string.
func (w *jsonWriter) string(s string) {
	b := append(w.buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if htmlSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	w.buf = append(b, '"')
}

// float writes f as json.Marshal does: the shortest form that reads back
// the same, with an exponent only for very large or very small values.
// NaN and infinities have no JSON form and are an error.
func (w *jsonWriter) float(f float64, bits int) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		w.fail(errors.New("json: unsupported value: " + strconv.FormatFloat(f, 'g', -1, bits)))
		w.null()
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b := strconv.AppendFloat(w.buf, f, format, -1, bits)
	if format == 'e' {
		// Write e-7 rather than e-07, as json.Marshal does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	w.buf = b
}

// encodeString writes *v; like every encodeX function, its shape matches
// the generated encodeJSON methods, so that arrays and maps can take either.
// Like key, it is kept out of line, since the encoders call it at thousands
// of sites.
//
//go:noinline
func encodeString(v *string, w *jsonWriter) { w.string(*v) }

// encodeBool writes *v. Like key, it is kept out of line, since the
// encoders call it at thousands of sites.
//
//go:noinline
func encodeBool(v *bool, w *jsonWriter) { w.buf = strconv.AppendBool(w.buf, *v) }

// encodeInt64 writes *v.
func encodeInt64(v *int64, w *jsonWriter) { w.buf = strconv.AppendInt(w.buf, *v, 10) }

// encodeInt32 writes *v.
func encodeInt32(v *int32, w *jsonWriter) { w.buf = strconv.AppendInt(w.buf, int64(*v), 10) }

// encodeFloat64 writes *v.
func encodeFloat64(v *float64, w *jsonWriter) { w.float(*v, 64) }

// encodeFloat32 writes *v.
func encodeFloat32(v *float32, w *jsonWriter) { w.float(float64(*v), 32) }

// encodeTime writes *v in RFC 3339 with nanoseconds, as time.Time's own
// MarshalJSON does; a year outside 0–9999 is an error.
func encodeTime(v *time.Time, w *jsonWriter) {
	b := append(w.buf, '"')
	b, err := v.AppendText(b)
	if err != nil {
		w.fail(err)
		w.null()
		return
	}
	w.buf = append(b, '"')
}

// encodeRawJSON writes the JSON text *v holds, compacted and escaped as
// json.Marshal writes a json.RawMessage; nil is null.
func encodeRawJSON(v *json.RawMessage, w *jsonWriter) {
	if *v == nil {
		w.null()
		return
	}
	if !w.compact(string(*v)) {
		w.fail(errors.New("json: a json.RawMessage holds invalid JSON"))
		w.null()
	}
}

// compact appends the JSON text raw without white space, escaping <, >, &,
// U+2028 and U+2029 in its strings as json.Marshal does. It appends nothing
// and returns false when raw is not one JSON value.
func (w *jsonWriter) compact(raw string) bool {
	d := newJSONReader(raw, nil)
	d.skip()
	if d.finish() != nil {
		return false
	}
	b := w.buf
	for i := 0; i < len(raw); {
		c := raw[i]
		switch c {
		case ' ', '\t', '\n', '\r':
			i++
		case '"':
			end := i + 1
			for raw[end] != '"' {
				if raw[end] == '\\' {
					end++
				}
				end++
			}
			w.buf = b
			w.rawString(raw[i+1 : end])
			b = w.buf
			i = end + 1
		default:
			b = append(b, c)
			i++
		}
	}
	w.buf = b
	return true
}

// rawString writes the inside of an already valid JSON string, keeping its
// escapes and bytes (invalid UTF-8 included) and adding the escapes
// json.Marshal adds.
func (w *jsonWriter) rawString(s string) {
	b := append(w.buf, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			b = append(b, s[i:i+2]...)
			i += 2
		case c == '<' || c == '>' || c == '&':
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			i++
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == '\u2028' || r == '\u2029' {
				b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			} else {
				b = append(b, s[i:i+size]...)
			}
			i += size
		}
	}
	w.buf = append(b, '"')
}

// encodeExternal writes a value of a type named by x-go-type through
// encoding/json: the generator knows nothing of its shape.
func encodeExternal[T any](v *T, w *jsonWriter) { encodeWithJSON(v, w) }

// encodeWithJSON writes v with encoding/json, for types the generator
// knows nothing of.
func encodeWithJSON(v any, w *jsonWriter) {
	data, err := json.Marshal(v)
	if err != nil {
		w.fail(err)
		w.null()
		return
	}
	w.buf = append(w.buf, data...)
}

// encodeArray writes s as a JSON array, with elem writing each element;
// a nil slice is null, or [] on the wire.
func encodeArray[E any](s []E, w *jsonWriter, elem func(*E, *jsonWriter)) {
	if s == nil && !w.wire {
		w.null()
		return
	}
	w.buf = append(w.buf, '[')
	for i := range s {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		elem(&s[i], w)
	}
	w.buf = append(w.buf, ']')
}

// encodeMap writes m as a JSON object with its keys in sorted order, with
// elem writing each value; a nil map is null, or {} on the wire.
func encodeMap[V any](m map[string]V, w *jsonWriter, elem func(*V, *jsonWriter)) {
	if m == nil && !w.wire {
		w.null()
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w.buf = append(w.buf, '{')
	for i, k := range keys {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		w.string(k)
		w.buf = append(w.buf, ':')
		v := m[k]
		elem(&v, w)
	}
	w.buf = append(w.buf, '}')
}

// encodeNullable writes a value that may be null; an absent one is null
// too, as it is when it stands alone.
func encodeNullable[T any](v *Nullable[T], w *jsonWriter, elem func(*T, *jsonWriter)) {
	if !v.Set || v.Null {
		w.null()
		return
	}
	elem(&v.Value, w)
}

// encodeExtra writes the additional properties of an object after its
// declared ones, in key order, skipping keys the schema declares (the
// typed field wins).
func encodeExtra(w *jsonWriter, extra map[string]json.RawMessage, known func(string) bool) {
	if len(extra) == 0 {
		return
	}
	keys := make([]string, 0, len(extra))
	for k := range extra {
		if !known(k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		w.member()
		w.string(k)
		w.buf = append(w.buf, ':')
		if v := extra[k]; v == nil || !w.compact(string(v)) {
			w.fail(&json.UnsupportedValueError{Str: "additional property " + k + " holds invalid JSON"})
			w.null()
		}
	}
}
