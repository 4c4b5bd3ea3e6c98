package templates

import (
	"encoding/json"
	"errors"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The reader is checked against encoding/json: for every decodeX and every
// input of the corpus below, json.Unmarshal into the same Go type must
// accept and reject the same inputs and, when it accepts, produce the same
// value. Object keys are the one deliberate difference: the reader matches
// them exactly, encoding/json also case-insensitively.

// rdCorpus holds the inputs every decoder is tried on: well-formed values of
// every kind and the malformed texts around them.
var rdCorpus = []string{
	// empty and white space
	``, ` `, "\t\n\r ", "\v1", "\f1", "\u00a01", "\x00", "1\x00", "\ufeff1",
	// literals
	`true`, `false`, `null`, ` true `, "\tnull\n", `tru`, `fals`, `nul`, `t`, `f`, `n`,
	`trUe`, `True`, `NULL`, `truee`, `nullx`, `nulll`, `falsex`, `true false`,
	// strings: escapes
	`""`, `"abc"`, `"\"\\\/\b\f\n\r\t"`, `"a\"b"`, `"\/"`, `"\u0041\u00e9\u4e2d"`, `"\u0000"`, `"\u001f"`,
	`"\u003c\u003e\u0026"`, `"\u2028\u2029"`, `"\uFFFD"`, `"\uffff"`, `"\uFEFF"`,
	// strings: surrogates
	`"\uD83D\uDE00"`, `"\ud83d\ude00"`, `"x\uD83D\uDE00y"`, `"\uD83D"`, `"\uDE00"`, `"\uD83Dx"`,
	`"\uD83D\u0041"`, `"\uDE00\uD83D"`, `"\uD83D\uD83D\uDE00"`, `"\uD83D\uDE00\uDE00"`, `"\uDBFF\uDFFF"`,
	`"\uD800\uDC00"`, `"\uD83D\n"`, `"\uD83D\uZZZZ"`, `"\uD83D\u12"`, `"\uD83D\"`, `"\uD83D\\"`,
	// strings: bad escapes and truncation
	`"\u"`, `"\u12"`, `"\u12G4"`, `"\uG"`, `"\x"`, `"\'"`, `"\U0041"`, `"\a"`, `"\0"`, `"\ "`,
	`"abc`, `"abc\`, `"abc\"`, `"\u00`, `"`, `'a'`, `"a"b"`, `""x`, `"a" "b"`,
	// strings: UTF-8 and control characters
	`"é"`, `"日本語"`, "\"\U0001F600\"", "\"\u2028\"", "\"\xff\"", "\"\xc3\"", "\"a\xc3(\"", "\"\xed\xa0\x80\"",
	"\"\xf4\x90\x80\x80\"", "\"\xc0\xaf\"", "\"\xe2\x82\"", "\"\xef\xbf\xbd\"", "\"\xff\\n\"", "\"\\n\xff\"",
	"\"\x00\"", "\"\x01\"", "\"\x1f\"", "\"\t\"", "\"\n\"", "\"\r\"", "\"\x7f\"", "\"a\x00\\n\"", "\xff", "\"a\"\xff",
	// numbers
	`0`, `-0`, `1`, `-1`, `01`, `-01`, `00`, `+1`, `.5`, `1.`, `-.5`, `1.5`, `-1.5`, `0.1`, `1.0`, `-0.0`,
	`1e2`, `1E2`, `1e+2`, `1e-2`, `1E+02`, `1e`, `1e+`, `1e-`, `1.e2`, `1.5e`, `-`, `--1`, `- 1`, `-a`, `1.5e3`,
	`9223372036854775807`, `9223372036854775808`, `-9223372036854775808`, `-9223372036854775809`,
	`999999999999999999`, `-999999999999999999`, `1000000000000000000`, `99999999999999999999`,
	`123456789012345678901234567890`, `100000000000000000000`, `2147483647`, `2147483648`, `-2147483648`,
	`-2147483649`, `4294967296`, `1e400`, `-1e400`, `1e-400`, `4.9e-324`, `2e-324`, `1.7976931348623157e308`,
	`1.7976931348623159e308`, `3.4028234663852886e38`, `3.4028235e38`, `3.4028236e38`, `3.5e38`, `-3.5e38`,
	`1e-46`, `1e-45`, `16777217`, `9007199254740993`, `0.0000001`, `123456789.123`, `1e21`, `1e20`,
	`0x10`, `1_000`, `Infinity`, `-Infinity`, `NaN`, `1e2.5`, `1.5.5`, `1 2`, `1,`, `1]`, `1}`, `[1]]`,
	`0e0`, `-0e-0`, `0.000`, `5e-1`, `2.0`, `-2147483648.0`, `1E400`, `12345678901234567890e-10`,
	// arrays
	`[]`, `[ ]`, "[\n]", `[1]`, `[1,2,3]`, ` [ 1 , 2 ] `, `["a","b"]`, `["a",null,"b"]`, `[null]`, `[null,null]`,
	`[1,]`, `[,1]`, `[,]`, `[1 2]`, `[`, `[1`, `[1,`, `]`, `[]]`, `[[]]`, `[["a"],["b","c"]]`, `[[1,2],[3]]`,
	`[1.5]`, `[-0]`, `[true,false]`, `["a",1]`, `[1,"a"]`, `[{}]`, `[[]`, `["\ud800"]`, `[1e400]`,
	`[9223372036854775808]`, `[2147483648]`, `[01]`, `[-]`, `[1.]`, `[1e]`, `[.5]`, `["a" "b"]`,
	`[1,2,3,4,5,6,7,8,9,10]`, `["a","b","c","d","e","f","g","h","i"]`, `[[null],null,[]]`,
	`["2024-01-02T03:04:05Z"]`, `[{"a":1},{"b":[2]}]`,
	// objects
	`{}`, `{ }`, `{"a":1}`, `{"a":1,"b":2}`, ` { "a" : 1 , "b" : 2 } `, `{"a":1,}`, `{,}`, `{"a"}`,
	`{"a":}`, `{"a" 1}`, `{a:1}`, `{"a":1 "b":2}`, `{"a":1,"a":2}`, `{"a":null}`, `{"a":[1,2]}`, `{"a":"x"}`,
	`{"\u0061":1}`, `{"a\u0000b":1}`, `{"":1}`, `{1:2}`, `{"a":1}}`, `{"a":{"b":[]}}`, `{"a":[true]}`,
	`{"a":1e400}`, `{"a":tru}`, `{"a":[}`, `{"a":{]}`, `{`, `{"a"`, `{"a":`, `{"a":1`, `{"a":1,`,
	`{"a\x01":1}`, "{\"\xff\":1}", `{"a":-0}`, `{"a":"b","c":["d"]}`, `{"x":{"y":{"z":null}}}`,
	`{"a":{"b":1},"a":{"c":2}}`, `{"a":[1,2,3],"a":[4]}`, `{"a":null,"a":1}`, `{"a":1,"a":null}`,
	`{"a":"2024-01-02T03:04:05Z"}`, `{"A":1}`, `{"a":[],"b":{}}`,
	// date-times
	`"2024-01-02T03:04:05Z"`, `"2024-01-02T03:04:05.123456789+01:00"`, `"2024-01-02T03:04:05-07:30"`,
	`"2024-01-02T03:04:05"`, `"2024-13-01T00:00:00Z"`, `"2024-02-30T00:00:00Z"`, `"2024-01-02t03:04:05z"`,
	`"2024-01-02 03:04:05Z"`, `"9999-12-31T23:59:59.999999999Z"`, `"0000-01-01T00:00:00Z"`,
	`"10000-01-01T00:00:00Z"`, `"2024-01-02T03:04:05+24:00"`, `"2024-01-02T3:04:05Z"`,
	`"2024-01-02T03:04:05,5Z"`, `"2024-01-02T03:04:05.Z"`, `"2024-01-02T24:00:00Z"`, `"2024-01-02T03:04:60Z"`,
	`"2024-01-02T03:04:05.1234567891Z"`, `"2024-01-02T03:04:05Z "`, `" 2024-01-02T03:04:05Z"`,
	"\"2024-01-02T03:04:05\xffZ\"", `"2024-01-02T03:04:05\u005a"`, `"\u0032024-01-02T03:04:05Z"`, `"2024-01-02T03:04:05\/"`,
	`{"when":"2024-01-02T03:04:05\u005a"}`,
}

// rdInputs is the corpus with variations: surrounded by white space, and
// followed by trailing data.
func rdInputs() []string {
	out := slices.Clone(rdCorpus)
	for _, in := range rdCorpus {
		out = append(out, " \n"+in+"\t\r", in+" x", in+"}")
	}
	return out
}

// rdDecode runs decode over input on a lenient reader, as unmarshalJSON does.
func rdDecode[T any](input string, decode func(*T, *jsonReader) bool) (T, error) {
	var v T
	d := newJSONReader(input, nil)
	decode(&v, d)
	return v, d.finish()
}

// rdSame compares two decoded values, telling -0 from 0 and nil slices and
// maps from empty ones.
func rdSame(a, b any) bool {
	switch x := a.(type) {
	case float64:
		return math.Float64bits(x) == math.Float64bits(b.(float64))
	case float32:
		return math.Float32bits(x) == math.Float32bits(b.(float32))
	case time.Time:
		y := b.(time.Time)
		return x.Equal(y) && x.Format(time.RFC3339Nano) == y.Format(time.RFC3339Nano)
	case Opt[time.Time]:
		y := b.(Opt[time.Time])
		return x.Set == y.Set && rdSame(x.Value, y.Value)
	}
	return reflect.DeepEqual(a, b)
}

// rdCheckError checks what the reader's error says of itself: a
// *DecodeError (or, leniently, a *UnionError) at an offset within the input.
func rdCheckError(t *testing.T, input string, err error) {
	t.Helper()
	var de *DecodeError
	var ue *UnionError
	switch {
	case errors.As(err, &de):
		if de.Offset < 0 || de.Offset > len(input) {
			t.Errorf("%q: error offset %d outside the input (%d bytes): %v", input, de.Offset, len(input), err)
		}
		if de.Msg == "" {
			t.Errorf("%q: error without a message", input)
		}
	case errors.As(err, &ue):
	default:
		t.Errorf("%q: error %T %v, want a *DecodeError", input, err, err)
	}
}

// rdAgree checks decode against json.Unmarshal into T on input.
func rdAgree[T any](t *testing.T, name, input string, decode func(*T, *jsonReader) bool) {
	t.Helper()
	rdAgreeWith(t, name, input, decode, stdUnmarshal[T])
}

func stdUnmarshal[T any](data []byte) (T, error) {
	var v T
	err := json.Unmarshal(data, &v)
	return v, err
}

// rdAgreeWith checks decode against what oracle, built on encoding/json,
// makes of input: both accept with the same value, or both reject.
func rdAgreeWith[T any](t *testing.T, name, input string, decode func(*T, *jsonReader) bool, oracle func([]byte) (T, error)) {
	t.Helper()
	got, err := rdDecode(input, decode)
	want, wantErr := oracle([]byte(input))
	switch {
	case (err == nil) != (wantErr == nil):
		t.Errorf("%s %q: reader gives %#v, %v; encoding/json %#v, %v", name, input, got, err, want, wantErr)
	case err == nil && !rdSame(got, want):
		t.Errorf("%s %q: reader gives %#v; encoding/json %#v", name, input, got, want)
	case err != nil:
		rdCheckError(t, input, err)
		if json.Valid([]byte(input)) {
			break
		}
		// Malformed input is rejected for its syntax, unless a value of
		// the wrong type came first (a lenient reader stops there).
		var de *DecodeError
		if errors.As(err, &de) && de.Path == "" && !strings.HasPrefix(de.Msg, "must be") && !rdSyntaxMsg(de.Msg) {
			t.Errorf("%s %q: malformed input rejected with %q", name, input, de.Msg)
		}
	}
}

// rdSyntaxMsg reports whether msg is one of the reader's syntax errors.
func rdSyntaxMsg(msg string) bool {
	return strings.HasPrefix(msg, "invalid character ") || msg == "unexpected end of JSON input" || msg == "exceeded max depth"
}

// Decoders of composite types, as the generator builds them from the
// runtime's functions.
var (
	rdStrings    = func(v *[]string, d *jsonReader) bool { return decodeArray(v, d, decodeString) }
	rdInt64s     = func(v *[]int64, d *jsonReader) bool { return decodeArray(v, d, decodeInt64) }
	rdFloat64s   = func(v *[]float64, d *jsonReader) bool { return decodeArray(v, d, decodeFloat64) }
	rdBools      = func(v *[]bool, d *jsonReader) bool { return decodeArray(v, d, decodeBool) }
	rdTimes      = func(v *[]time.Time, d *jsonReader) bool { return decodeArray(v, d, decodeTime) }
	rdStringGrid = func(v *[][]string, d *jsonReader) bool { return decodeArray(v, d, rdStrings) }
	rdInt64Map   = func(v *map[string]int64, d *jsonReader) bool { return decodeMap(v, d, decodeInt64) }
	rdStringMap  = func(v *map[string]string, d *jsonReader) bool { return decodeMap(v, d, decodeString) }
	rdListMap    = func(v *map[string][]int64, d *jsonReader) bool { return decodeMap(v, d, rdInt64s) }
	rdNullString = func(v *Nullable[string], d *jsonReader) bool {
		return decodeNullable(v, d, decodeString)
	}
	rdNullInt64 = func(v *Nullable[int64], d *jsonReader) bool { return decodeNullable(v, d, decodeInt64) }
	rdNullList  = func(v *Nullable[[]string], d *jsonReader) bool { return decodeNullable(v, d, rdStrings) }
	rdNullables = func(v *[]Nullable[int64], d *jsonReader) bool { return decodeArray(v, d, rdNullInt64) }
	rdNullMap   = func(v *map[string]Nullable[string], d *jsonReader) bool {
		return decodeMap(v, d, rdNullString)
	}
)

// rdRecord is what the generator emits for an object with a required
// property and optional ones of every kind. Its json tags make it the
// equivalent type for encoding/json (which uses no method of its own).
type rdRecord struct {
	ID    string                `json:"id"`
	Count Opt[int64]            `json:"count,omitzero"`
	Small Opt[int32]            `json:"small,omitzero"`
	Ratio Opt[float64]          `json:"ratio,omitzero"`
	Tiny  Opt[float32]          `json:"tiny,omitzero"`
	On    Opt[bool]             `json:"on,omitzero"`
	When  Opt[time.Time]        `json:"when,omitzero"`
	Tags  Opt[[]string]         `json:"tags,omitzero"`
	Note  Nullable[string]      `json:"note,omitzero"`
	Attrs Opt[map[string]int64] `json:"attrs,omitzero"`
	Child Opt[rdChild]          `json:"child,omitzero"`
	Raw   Opt[json.RawMessage]  `json:"raw,omitzero"`
	Kids  Opt[[]rdChild]        `json:"kids,omitzero"`
	Hist  Nullable[[]int64]     `json:"hist,omitzero"`
	Dims  Nullable[rdChild]     `json:"dims,omitzero"`
}

// rdChild is an open object (undeclared properties are skipped).
type rdChild struct {
	Name string          `json:"name"`
	Size Nullable[int64] `json:"size,omitzero"`
	More Opt[[]rdChild]  `json:"more,omitzero"`
}

func (v *rdRecord) decodeJSON(d *jsonReader) bool {
	if !d.beginObject() {
		return false
	}
	var seen uint64
	for d.nextKey() {
		switch d.key {
		case "id":
			seen |= 1 << 0
			decodeString(&v.ID, d)
		case "count":
			v.Count.found(decodeInt64(&v.Count.Value, d))
		case "small":
			v.Small.found(decodeInt32(&v.Small.Value, d))
		case "ratio":
			v.Ratio.found(decodeFloat64(&v.Ratio.Value, d))
		case "tiny":
			v.Tiny.found(decodeFloat32(&v.Tiny.Value, d))
		case "on":
			v.On.found(decodeBool(&v.On.Value, d))
		case "when":
			v.When.found(decodeTime(&v.When.Value, d))
		case "tags":
			v.Tags.found(decodeArray(&v.Tags.Value, d, decodeString))
		case "note":
			decodeNullable(&v.Note, d, decodeString)
		case "attrs":
			v.Attrs.found(decodeMap(&v.Attrs.Value, d, decodeInt64))
		case "child":
			v.Child.found(v.Child.Value.decodeJSON(d))
		case "raw":
			v.Raw.found(decodeRawJSON(&v.Raw.Value, d))
		case "kids":
			v.Kids.found(decodeArray(&v.Kids.Value, d, (*rdChild).decodeJSON))
		case "hist":
			decodeNullable(&v.Hist, d, rdInt64s)
		case "dims":
			decodeNullable(&v.Dims, d, (*rdChild).decodeJSON)
		default:
			d.unknown(true)
		}
	}
	d.missing(seen, "id")
	return true
}

func (v *rdChild) decodeJSON(d *jsonReader) bool {
	if !d.beginObject() {
		return false
	}
	var seen uint64
	for d.nextKey() {
		switch d.key {
		case "name":
			seen |= 1 << 0
			decodeString(&v.Name, d)
		case "size":
			decodeNullable(&v.Size, d, decodeInt64)
		case "more":
			v.More.found(decodeArray(&v.More.Value, d, (*rdChild).decodeJSON))
		default:
			d.unknown(false)
		}
	}
	d.missing(seen, "name")
	return true
}

// stdOpt and stdNullable behave as Opt and Nullable are meant to, through
// encoding/json alone. Opt and Nullable now decode and encode with the
// reader and writer themselves, so the comparisons go through these.
type stdOpt[T any] struct {
	Value T
	Set   bool
}

func (o stdOpt[T]) IsZero() bool { return !o.Set }

func (o stdOpt[T]) MarshalJSON() ([]byte, error) {
	if !o.Set {
		return []byte("null"), nil
	}
	return json.Marshal(o.Value)
}

// UnmarshalJSON decodes into the value there is, as encoding/json does
// (which matters when a key comes twice); null makes it absent.
func (o *stdOpt[T]) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*o = stdOpt[T]{}
		return nil
	}
	if err := json.Unmarshal(data, &o.Value); err != nil {
		return err
	}
	o.Set = true
	return nil
}

type stdNullable[T any] struct {
	Value     T
	Set, Null bool
}

func (n stdNullable[T]) IsZero() bool { return !n.Set }

func (n stdNullable[T]) MarshalJSON() ([]byte, error) {
	if !n.Set || n.Null {
		return []byte("null"), nil
	}
	return json.Marshal(n.Value)
}

// UnmarshalJSON decodes afresh; null makes it present and null.
func (n *stdNullable[T]) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*n = stdNullable[T]{Set: true, Null: true}
		return nil
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*n = stdNullable[T]{Value: v, Set: true}
	return nil
}

func toStdOpt[A, B any](o Opt[A], f func(A) B) stdOpt[B] {
	return stdOpt[B]{Value: f(o.Value), Set: o.Set}
}
func fromStdOpt[A, B any](o stdOpt[A], f func(A) B) Opt[B] {
	return Opt[B]{Value: f(o.Value), Set: o.Set}
}
func toStdNullable[T any](n Nullable[T]) stdNullable[T] {
	return stdNullable[T]{Value: n.Value, Set: n.Set, Null: n.Null}
}
func fromStdNullable[T any](n stdNullable[T]) Nullable[T] {
	return Nullable[T]{Value: n.Value, Set: n.Set, Null: n.Null}
}
func same[T any](v T) T { return v }

// mapSlice converts the elements of s, keeping nil apart from empty.
func mapSlice[A, B any](s []A, f func(A) B) []B {
	if s == nil {
		return nil
	}
	out := make([]B, len(s))
	for i, x := range s {
		out[i] = f(x)
	}
	return out
}

// rdRecordStd is rdRecord for encoding/json alone.
type rdRecordStd struct {
	ID    string                   `json:"id"`
	Count stdOpt[int64]            `json:"count,omitzero"`
	Small stdOpt[int32]            `json:"small,omitzero"`
	Ratio stdOpt[float64]          `json:"ratio,omitzero"`
	Tiny  stdOpt[float32]          `json:"tiny,omitzero"`
	On    stdOpt[bool]             `json:"on,omitzero"`
	When  stdOpt[time.Time]        `json:"when,omitzero"`
	Tags  stdOpt[[]string]         `json:"tags,omitzero"`
	Note  stdNullable[string]      `json:"note,omitzero"`
	Attrs stdOpt[map[string]int64] `json:"attrs,omitzero"`
	Child stdOpt[rdChildStd]       `json:"child,omitzero"`
	Raw   stdOpt[json.RawMessage]  `json:"raw,omitzero"`
	Kids  stdOpt[[]rdChildStd]     `json:"kids,omitzero"`
	Hist  stdNullable[[]int64]     `json:"hist,omitzero"`
	Dims  stdNullable[rdChildStd]  `json:"dims,omitzero"`
}

type rdChildStd struct {
	Name string               `json:"name"`
	Size stdNullable[int64]   `json:"size,omitzero"`
	More stdOpt[[]rdChildStd] `json:"more,omitzero"`
}

func (v rdRecord) std() rdRecordStd {
	return rdRecordStd{
		ID: v.ID, Count: toStdOpt(v.Count, same), Small: toStdOpt(v.Small, same), Ratio: toStdOpt(v.Ratio, same),
		Tiny: toStdOpt(v.Tiny, same), On: toStdOpt(v.On, same), When: toStdOpt(v.When, same), Tags: toStdOpt(v.Tags, same),
		Note: toStdNullable(v.Note), Attrs: toStdOpt(v.Attrs, same), Child: toStdOpt(v.Child, rdChild.std),
		Raw: toStdOpt(v.Raw, same), Kids: toStdOpt(v.Kids, func(s []rdChild) []rdChildStd { return mapSlice(s, rdChild.std) }),
		Hist: toStdNullable(v.Hist),
		Dims: stdNullable[rdChildStd]{Value: v.Dims.Value.std(), Set: v.Dims.Set, Null: v.Dims.Null},
	}
}

func (v rdRecordStd) record() rdRecord {
	return rdRecord{
		ID: v.ID, Count: fromStdOpt(v.Count, same), Small: fromStdOpt(v.Small, same), Ratio: fromStdOpt(v.Ratio, same),
		Tiny: fromStdOpt(v.Tiny, same), On: fromStdOpt(v.On, same), When: fromStdOpt(v.When, same), Tags: fromStdOpt(v.Tags, same),
		Note: fromStdNullable(v.Note), Attrs: fromStdOpt(v.Attrs, same), Child: fromStdOpt(v.Child, rdChildStd.child),
		Raw: fromStdOpt(v.Raw, same), Kids: fromStdOpt(v.Kids, func(s []rdChildStd) []rdChild { return mapSlice(s, rdChildStd.child) }),
		Hist: fromStdNullable(v.Hist),
		Dims: Nullable[rdChild]{Value: v.Dims.Value.child(), Set: v.Dims.Set, Null: v.Dims.Null},
	}
}

func (v rdChild) std() rdChildStd {
	return rdChildStd{Name: v.Name, Size: toStdNullable(v.Size), More: toStdOpt(v.More, func(s []rdChild) []rdChildStd { return mapSlice(s, rdChild.std) })}
}

func (v rdChildStd) child() rdChild {
	return rdChild{Name: v.Name, Size: fromStdNullable(v.Size), More: fromStdOpt(v.More, func(s []rdChildStd) []rdChild { return mapSlice(s, rdChildStd.child) })}
}

// Oracles: what encoding/json makes of the input, for the types that hold
// an Opt or a Nullable.
func stdRecord(data []byte) (rdRecord, error) {
	var v rdRecordStd
	err := json.Unmarshal(data, &v)
	return v.record(), err
}

func stdNull[T any](data []byte) (Nullable[T], error) {
	var v stdNullable[T]
	err := json.Unmarshal(data, &v)
	return fromStdNullable(v), err
}

func stdNullSlice[T any](data []byte) ([]Nullable[T], error) {
	var v []stdNullable[T]
	err := json.Unmarshal(data, &v)
	return mapSlice(v, fromStdNullable[T]), err
}

func stdNullMap[T any](data []byte) (map[string]Nullable[T], error) {
	var v map[string]stdNullable[T]
	err := json.Unmarshal(data, &v)
	if v == nil {
		return nil, err
	}
	out := make(map[string]Nullable[T], len(v))
	for k, x := range v {
		out[k] = fromStdNullable(x)
	}
	return out, err
}

// rdRecords are object inputs for rdRecord. Keys differ from the fields
// only where case matters on purpose (see TestReaderKeysMatchExactly).
var rdRecords = []string{
	`{"id":"a"}`, `{}`, `null`, `{"id":null}`, `{"id":"a","unknown":[1,{"x":null}]}`,
	`{"id":"a","count":1,"small":-2,"ratio":1.5,"tiny":0.1,"on":true,"when":"2024-01-02T03:04:05Z"}`,
	`{"count":null,"small":null,"ratio":null,"tiny":null,"on":null,"when":null,"tags":null,"attrs":null,"child":null,"raw":null}`,
	`{"count":1.5}`, `{"count":"1"}`, `{"count":1e2}`, `{"count":9223372036854775808}`, `{"small":2147483648}`,
	`{"small":-2147483649}`, `{"ratio":1e400}`, `{"tiny":3.5e38}`, `{"tiny":1e-50}`, `{"on":"true"}`, `{"on":1}`,
	`{"when":"yesterday"}`, `{"when":1}`, `{"tags":[]}`, `{"tags":["a",null,"b"]}`, `{"tags":"a"}`, `{"tags":[1]}`,
	`{"tags":["a"],"tags":["b","c"]}`, `{"tags":["a","b"],"tags":null}`, `{"note":null}`, `{"note":"x"}`,
	`{"note":"x","note":null}`, `{"note":null,"note":"y"}`, `{"note":1}`, `{"attrs":{}}`, `{"attrs":{"a":1,"b":null}}`,
	`{"attrs":{"a":1},"attrs":{"b":2}}`, `{"attrs":[]}`, `{"attrs":{"a":"1"}}`, `{"child":{}}`,
	`{"child":{"name":"n","size":3,"extra":{"deep":[true]}}}`, `{"child":{"size":null}}`, `{"child":[]}`,
	`{"child":{"name":"a"},"child":{"size":2}}`, `{"child":{"more":[{"name":"b","more":[{"name":"c"}]}]}}`,
	`{"raw":{"a": [1, "x"] }}`, `{"raw":"s"}`, `{"raw":[ ]}`, `{"raw":1e999}`, `{"kids":[{"name":"x"},null,{}]}`,
	`{"kids":[{"name":"x"}],"kids":[{"size":1},{"name":"y"}]}`, `{"kids":{}}`, `{"id":"a",}`, `{"id":"a"`,
	`{"id":"\u00e9\ud83d\ude00","note":"\ud800"}`, `{"\u0069d":"escaped key"}`, `{"id":"a"} `, `{"id":"a"}x`,
	`{"count":1,"count":2}`, `{"count":1,"count":null}`, `{"count":null,"count":1}`, `{"child":{"name":1}}`,
	`{"ratio":-0}`, `{"tiny":16777217}`, `[]`, `"id"`, `1`, `true`,
	`{"hist":null}`, `{"hist":[]}`, `{"hist":[1,null,3]}`, `{"hist":[1,2],"hist":[null]}`, `{"hist":[1],"hist":null}`,
	`{"hist":null,"hist":[4]}`, `{"hist":{}}`, `{"hist":[1.5]}`, `{"dims":null}`, `{"dims":{"name":"a","size":1}}`,
	`{"dims":{"name":"a"},"dims":{"size":2}}`, `{"dims":{"size":null}}`, `{"dims":[]}`, `{"dims":{"size":"1"}}`,
	`{"child":{"size":1,"size":null}}`, `{"child":{"more":[{"name":"x"}],"more":[{"size":3}]}}`,
}

func TestReaderMatchesEncodingJSON(t *testing.T) {
	for _, in := range rdInputs() {
		rdAgree(t, "string", in, decodeString)
		rdAgree(t, "bool", in, decodeBool)
		rdAgree(t, "int64", in, decodeInt64)
		rdAgree(t, "int32", in, decodeInt32)
		rdAgree(t, "float64", in, decodeFloat64)
		rdAgree(t, "float32", in, decodeFloat32)
		rdAgree(t, "[]string", in, rdStrings)
		rdAgree(t, "[]int64", in, rdInt64s)
		rdAgree(t, "[]float64", in, rdFloat64s)
		rdAgree(t, "[]bool", in, rdBools)
		rdAgree(t, "[][]string", in, rdStringGrid)
		rdAgree(t, "map[string]int64", in, rdInt64Map)
		rdAgree(t, "map[string]string", in, rdStringMap)
		rdAgree(t, "map[string][]int64", in, rdListMap)
		rdAgreeWith(t, "Nullable[string]", in, rdNullString, stdNull[string])
		rdAgreeWith(t, "Nullable[int64]", in, rdNullInt64, stdNull[int64])
		rdAgreeWith(t, "Nullable[[]string]", in, rdNullList, stdNull[[]string])
		rdAgreeWith(t, "[]Nullable[int64]", in, rdNullables, stdNullSlice[int64])
		rdAgreeWith(t, "map[string]Nullable[string]", in, rdNullMap, stdNullMap[string])
		rdAgreeWith(t, "struct", in, (*rdRecord).decodeJSON, stdRecord)
		rdAgree(t, "time.Time", in, decodeTime)
		rdAgree(t, "[]time.Time", in, rdTimes)
	}
}

func TestReaderObjectsMatchEncodingJSON(t *testing.T) {
	records := func(data []byte) ([]rdRecord, error) {
		var v []rdRecordStd
		err := json.Unmarshal(data, &v)
		return mapSlice(v, rdRecordStd.record), err
	}
	recordMap := func(data []byte) (map[string]rdRecord, error) {
		var v map[string]rdRecordStd
		err := json.Unmarshal(data, &v)
		if v == nil {
			return nil, err
		}
		out := map[string]rdRecord{}
		for k, x := range v {
			out[k] = x.record()
		}
		return out, err
	}
	for _, in := range rdRecords {
		rdAgreeWith(t, "struct", in, (*rdRecord).decodeJSON, stdRecord)
		rdAgreeWith(t, "struct", " "+in+" ", (*rdRecord).decodeJSON, stdRecord)
		rdAgreeWith(t, "[]struct", "["+in+","+in+"]", func(v *[]rdRecord, d *jsonReader) bool {
			return decodeArray(v, d, (*rdRecord).decodeJSON)
		}, records)
		rdAgreeWith(t, "map", `{"k":`+in+`}`, func(v *map[string]rdRecord, d *jsonReader) bool {
			return decodeMap(v, d, (*rdRecord).decodeJSON)
		}, recordMap)
	}
}

// decodeRawJSON differs from encoding/json on null alone (see
// TestReaderKnownDiscrepancies): compare the rest.
func TestReaderRawJSONMatchesEncodingJSON(t *testing.T) {
	for _, in := range rdInputs() {
		got, err := rdDecode(in, decodeRawJSON)
		var want json.RawMessage
		wantErr := json.Unmarshal([]byte(in), &want)
		if (err == nil) != (wantErr == nil) {
			t.Errorf("%q: reader %q, %v; encoding/json %q, %v", in, got, err, want, wantErr)
			continue
		}
		if err != nil {
			rdCheckError(t, in, err)
			continue
		}
		if string(want) == "null" {
			if got != nil {
				t.Errorf("%q: reader %q, want nil for null", in, got)
			}
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: reader %q; encoding/json %q", in, got, want)
		}
	}
}

// Where the reader knowingly departs from encoding/json. Each entry states
// what the reader does now; an entry that stops holding (the runtime was
// changed) fails, so that the list stays true.
func TestReaderKnownDiscrepancies(t *testing.T) {
	// json.RawMessage: encoding/json hands null to RawMessage.UnmarshalJSON,
	// which keeps the four bytes; the reader stores nil ("null becomes nil").
	var enc json.RawMessage
	if err := json.Unmarshal([]byte(`null`), &enc); err != nil || string(enc) != "null" {
		t.Fatalf("encoding/json: %q, %v", enc, err)
	}
	raw := json.RawMessage("old")
	d := newJSONReader(`null`, nil)
	if decodeRawJSON(&raw, d) || raw != nil || d.finish() != nil {
		t.Errorf("decodeRawJSON(null) = %q, want nil (the documented behaviour)", raw)
	}
}

// A byte order mark before a body is skipped, where encoding/json refuses
// the text; offsets in errors still count from the first byte, the mark's.
// Other JSON text keeps it, and is refused as encoding/json refuses it.
func TestBodyReaderSkipsByteOrderMark(t *testing.T) {
	const text = "\ufeff{\"a\":[1,2]}"
	var enc map[string][]int
	if err := json.Unmarshal([]byte(text), &enc); err == nil {
		t.Fatal("encoding/json took a byte order mark; this test no longer says anything")
	}
	decodeLists := func(v *map[string][]int64, d *jsonReader) bool {
		return decodeMap(v, d, func(v *[]int64, d *jsonReader) bool { return decodeArray(v, d, decodeInt64) })
	}
	d := newBodyReader([]byte(text), &validator{request: true})
	var got map[string][]int64
	if !decodeLists(&got, d) || d.finish() != nil || len(got["a"]) != 2 {
		t.Errorf("reading the body %q: %v, %v", text, got, d.finish())
	}
	d = newJSONReader(text, nil)
	if decodeLists(&got, d) || d.finish() == nil {
		t.Errorf("newJSONReader took %q", text)
	}
	d = newBodyReader([]byte("\ufeff[1,]"), nil)
	var list []int64
	decodeArray(&list, d, decodeInt64)
	if err, ok := d.finish().(*DecodeError); !ok || err.Offset != 6 {
		t.Errorf("error after a byte order mark: %v, want one at offset 6", d.finish())
	}
	d = newBodyReader([]byte("\ufeff"), nil)
	if decodeArray(&list, d, decodeInt64) || d.finish() == nil {
		t.Error("a byte order mark alone read as a value")
	}
}

// Object keys match exactly: encoding/json also matches a key that differs
// in case, the reader treats it as unknown.
func TestReaderKeysMatchExactly(t *testing.T) {
	in := `{"ID":"upper","Count":3}`
	enc, err := stdRecord([]byte(in))
	if err != nil || enc.ID != "upper" || !enc.Count.Set {
		t.Fatalf("encoding/json: %+v, %v", enc, err)
	}
	got, err := rdDecode(in, (*rdRecord).decodeJSON)
	if err != nil || got.ID != "" || got.Count.Set {
		t.Fatalf("reader: %+v, %v; want both keys ignored", got, err)
	}
	// A strict reader reports them.
	c := validator{}
	d := newJSONReader(in, &c)
	var v rdRecord
	v.decodeJSON(d)
	if err := d.finish(); err != nil {
		t.Fatal(err)
	}
	want := []Violation{{"ID", "unknown property"}, {"Count", "unknown property"}, {"id", "is required"}}
	if !reflect.DeepEqual(c.violations, want) {
		t.Fatalf("violations = %v, want %v", c.violations, want)
	}
}

// rdNest is a recursive array type, for nesting limits.
type rdNest []rdNest

func (v *rdNest) decodeJSON(d *jsonReader) bool {
	return decodeArray((*[]rdNest)(v), d, (*rdNest).decodeJSON)
}

// rdTree is a recursive object type.
type rdTree struct {
	Sub *rdTree `json:"a"`
}

func (v *rdTree) decodeJSON(d *jsonReader) bool {
	if !d.beginObject() {
		return false
	}
	for d.nextKey() {
		if d.key == "a" {
			if d.null() {
				v.Sub = nil
				continue
			}
			v.Sub = new(rdTree)
			v.Sub.decodeJSON(d)
			continue
		}
		d.unknown(false)
	}
	return true
}

func TestReaderDepthLimit(t *testing.T) {
	arrays := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	objects := func(n int) string { return strings.Repeat(`{"a":`, n-1) + "{}" + strings.Repeat("}", n-1) }
	mixed := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i%2 == 0 {
				b.WriteString(`[`)
			} else {
				b.WriteString(`{"a":`)
			}
		}
		b.WriteString("0")
		for i := n - 1; i >= 0; i-- {
			if i%2 == 0 {
				b.WriteString(`]`)
			} else {
				b.WriteString(`}`)
			}
		}
		return b.String()
	}
	for _, n := range []int{1, 2, maxJSONDepth - 1, maxJSONDepth, maxJSONDepth + 1, maxJSONDepth + 100} {
		for name, in := range map[string]string{"arrays": arrays(n), "objects": objects(n), "mixed": mixed(n), "unclosed": strings.Repeat("[", n)} {
			valid := json.Valid([]byte(in))
			if wantValid := n <= maxJSONDepth && name != "unclosed"; valid != wantValid {
				t.Fatalf("%s %d: json.Valid = %v", name, n, valid)
			}
			d := newJSONReader(in, nil)
			d.skip()
			err := d.finish()
			if (err == nil) != valid {
				t.Errorf("skip %s %d: error %v, json.Valid %v", name, n, err, valid)
			}
			if n > maxJSONDepth {
				// The error is at the first bracket too many, as in encoding/json.
				var de *DecodeError
				wantMsg, wantOffset := "exceeded max depth", rdNthOpen(in, maxJSONDepth+1)
				if !errors.As(err, &de) || de.Msg != wantMsg || de.Offset != wantOffset {
					t.Errorf("skip %s %d: %v, want %q at offset %d", name, n, err, wantMsg, wantOffset)
				}
			}
			rdAgree(t, "RawMessage "+name, in, func(v *json.RawMessage, d *jsonReader) bool {
				return decodeRawJSON(v, d)
			})
			switch name {
			case "arrays", "unclosed":
				rdAgree(t, "rdNest "+name, in, (*rdNest).decodeJSON)
			case "objects":
				rdAgree(t, "rdTree "+name, in, (*rdTree).decodeJSON)
			}
		}
	}
}

// rdNthOpen returns the offset of the nth '[' or '{' in s.
func rdNthOpen(s string, n int) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '[' || s[i] == '{' {
			if n--; n == 0 {
				return i
			}
		}
	}
	return -1
}

// rdSyntax runs skip and finish over input: what it accepts is exactly
// what json.Valid accepts.
func rdSyntax(input string) error {
	d := newJSONReader(input, nil)
	d.skip()
	return d.finish()
}

// Syntax errors name the offending byte, as encoding/json does: its
// SyntaxError.Offset counts the bytes read including the offending one.
func TestReaderSyntaxOffsetsMatchEncodingJSON(t *testing.T) {
	for _, in := range rdInputs() {
		err := rdSyntax(in)
		rdCompareSyntax(t, in, err)
	}
}

// rdCompareSyntax checks the reader's verdict on input against encoding/json's.
func rdCompareSyntax(t *testing.T, input string, err error) {
	t.Helper()
	var v json.RawMessage // takes any value: only the syntax can fail
	jerr := json.Unmarshal([]byte(input), &v)
	var se *json.SyntaxError
	if errors.As(jerr, &se) != (err != nil) || (jerr == nil) != (err == nil) {
		t.Fatalf("%q: reader %v; encoding/json %v", input, err, jerr)
	}
	if err == nil {
		return
	}
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("%q: %T %v, want a *DecodeError", input, err, err)
	}
	if de.Offset > len(input) || de.Path != "" {
		t.Fatalf("%q: offset %d beyond %d bytes, or path %q", input, de.Offset, len(input), de.Path)
	}
	want := int(se.Offset) - 1
	if de.Msg == "unexpected end of JSON input" {
		// encoding/json words the end of input inside a number or a
		// literal as an invalid ' '; both point just past the input.
		want = len(input)
	}
	if de.Offset != want {
		t.Fatalf("%q: reader offset %d (%s); encoding/json offset %d (%v)", input, de.Offset, de.Msg, want, se)
	}
}

func TestReaderSyntaxErrors(t *testing.T) {
	for _, tc := range []struct {
		in     string
		offset int
		msg    string
	}{
		{``, 0, "unexpected end of JSON input"},
		{`   `, 3, "unexpected end of JSON input"},
		{`{"a":1,}`, 7, "invalid character '}' looking for beginning of object key string"},
		{`[1,]`, 3, "invalid character ']' looking for beginning of value"},
		{`[1 2]`, 3, "invalid character '2' after array element"},
		{`{"a":1 "b":2}`, 7, `invalid character '"' after object key:value pair`},
		{`{"a" 1}`, 5, "invalid character '1' after object key"},
		{`{a:1}`, 1, "invalid character 'a' looking for beginning of object key string"},
		{`01`, 1, "invalid character '1' after top-level value"},
		{`-x`, 1, "invalid character 'x' in numeric literal"},
		{`-`, 1, "unexpected end of JSON input"},
		{`[1.]`, 3, "invalid character ']' in numeric literal"},
		{`1e+x`, 3, "invalid character 'x' in numeric literal"},
		{`+1`, 0, "invalid character '+' looking for beginning of value"},
		{`.5`, 0, "invalid character '.' looking for beginning of value"},
		{`trux`, 3, "invalid character 'x' in literal true (expecting 'e')"},
		{`[nul]`, 4, "invalid character ']' in literal null (expecting 'l')"},
		{`tru`, 3, "unexpected end of JSON input"},
		{`"abc`, 4, "unexpected end of JSON input"},
		{`"a\x"`, 3, "invalid character 'x' in string escape code"},
		{`"\u12G4"`, 5, `invalid character 'G' in \u hexadecimal character escape`},
		{`"\ud800\uZZZZ"`, 9, `invalid character 'Z' in \u hexadecimal character escape`},
		{`"\u12`, 5, "unexpected end of JSON input"},
		{`"abc\`, 5, "unexpected end of JSON input"},
		{`{"a":1}}`, 7, "invalid character '}' after top-level value"},
		{"{}\n\t ]", 5, "invalid character ']' after top-level value"},
		{`{"k":"v"} x`, 10, "invalid character 'x' after top-level value"},
		{`'a'`, 0, `invalid character '\'' looking for beginning of value`},
		{`{"a":[}`, 6, "invalid character '}' looking for beginning of value"},
		{`{"a":{]}`, 6, "invalid character ']' looking for beginning of object key string"},
	} {
		err := rdSyntax(tc.in)
		var de *DecodeError
		if !errors.As(err, &de) || de.Offset != tc.offset || de.Msg != tc.msg || de.Path != "" {
			t.Errorf("%q: %v; want %q at offset %d", tc.in, err, tc.msg, tc.offset)
			continue
		}
		if want := "json: " + tc.msg + " (offset " + strconv.Itoa(tc.offset) + ")"; de.Error() != want {
			t.Errorf("%q: Error() = %q, want %q", tc.in, de.Error(), want)
		}
		rdCompareSyntax(t, tc.in, err)
	}
	// The typed decoders stop at the same byte.
	for _, tc := range []struct {
		in     string
		offset int
	}{
		{`["a",]`, 5}, {`{"id":"a",}`, 10}, {`{"tags":["a" "b"]}`, 13}, {`{"count":1.}`, 11}, {`{"when":"x`, 10},
	} {
		_, err := rdDecode(tc.in, (*rdRecord).decodeJSON)
		if tc.in[0] == '[' {
			_, err = rdDecode(tc.in, rdStrings)
		}
		var de *DecodeError
		if !errors.As(err, &de) || de.Offset != tc.offset {
			t.Errorf("%q: %v, want a syntax error at offset %d", tc.in, err, tc.offset)
		}
	}
}

// Error messages name the offending byte as encoding/json does (quoted
// bytes included), except for the context of a bad digit, where the
// reader's wording is its own (the offsets agree).
func TestReaderSyntaxMessagesKnownDiscrepancies(t *testing.T) {
	for _, tc := range []struct{ in, reader, encoding string }{
		{"\"\x01\"", `invalid character '\x01' in string literal`, `invalid character '\x01' in string literal`},
		{"\xff", `invalid character 'ÿ' looking for beginning of value`, `invalid character 'ÿ' looking for beginning of value`},
		{`1.x`, `invalid character 'x' in numeric literal`, `invalid character 'x' after decimal point in numeric literal`},
		{`1ex`, `invalid character 'x' in numeric literal`, `invalid character 'x' in exponent of numeric literal`},
	} {
		var v any
		jerr := json.Unmarshal([]byte(tc.in), &v)
		err := rdSyntax(tc.in)
		var de *DecodeError
		if jerr == nil || jerr.Error() != tc.encoding || !errors.As(err, &de) || de.Msg != tc.reader {
			t.Errorf("%q: reader %v, encoding/json %v; want %q and %q", tc.in, err, jerr, tc.reader, tc.encoding)
		}
	}
}

// Lenient type errors name the path and the value, at the offset where the
// value starts.
func TestReaderLenientTypeErrors(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{`{"count":"1"}`, `json: count: must be an integer, not a string (offset 9)`},
		{`{"count": 1.5}`, `json: count: must be an integer, not 1.5 (offset 10)`},
		{`{"small":2147483648}`, `json: small: must be a 32-bit integer, not 2147483648 (offset 9)`},
		{`{"count":18446744073709551615}`, `json: count: must be a 64-bit integer, not 18446744073709551615 (offset 9)`},
		{`{"ratio":1e400}`, `json: ratio: must be a number in range, not 1e400 (offset 9)`},
		{`{"tiny":-3.5e38}`, `json: tiny: must be a number in range, not -3.5e38 (offset 8)`},
		{`{"tags":["a",{}]}`, `json: tags[1]: must be a string, not an object (offset 13)`},
		{`{"attrs":{"odd key":true}}`, `json: attrs["odd key"]: must be an integer, not a boolean (offset 20)`},
		{`{"when":"noon"}`, `json: when: must be an RFC 3339 date-time, not "noon" (offset 8)`},
		{`{"child":{"more":[{"name":[]}]}}`, `json: child.more[0].name: must be a string, not an array (offset 26)`},
		{`[]`, `json: must be an object, not an array (offset 0)`},
		{` 7`, `json: must be an object, not a number (offset 1)`},
		// The first error wins, even before malformed text further on.
		{`{"count":"x","tags":[,]}`, `json: count: must be an integer, not a string (offset 9)`},
	} {
		_, err := rdDecode(tc.in, (*rdRecord).decodeJSON)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: %v, want %s", tc.in, err, tc.want)
		}
	}
}

// A JSON null leaves the destination of every decodeX as it was and
// returns false; a value returns true.
func TestReaderNull(t *testing.T) {
	s, b, i, i32, f, f32, tm := "keep", true, int64(7), int32(7), 7.5, float32(7.5), time.Unix(1, 0)
	for name, decode := range map[string]func(d *jsonReader) bool{
		"string":  func(d *jsonReader) bool { return decodeString(&s, d) },
		"bool":    func(d *jsonReader) bool { return decodeBool(&b, d) },
		"int64":   func(d *jsonReader) bool { return decodeInt64(&i, d) },
		"int32":   func(d *jsonReader) bool { return decodeInt32(&i32, d) },
		"float64": func(d *jsonReader) bool { return decodeFloat64(&f, d) },
		"float32": func(d *jsonReader) bool { return decodeFloat32(&f32, d) },
		"time":    func(d *jsonReader) bool { return decodeTime(&tm, d) },
	} {
		d := newJSONReader(" null ", nil)
		if decode(d) || d.finish() != nil {
			t.Errorf("%s: null returned true or failed: %v", name, d.err)
		}
	}
	if s != "keep" || !b || i != 7 || i32 != 7 || f != 7.5 || f32 != 7.5 || !tm.Equal(time.Unix(1, 0)) {
		t.Fatalf("null changed a value: %q %v %d %d %v %v %v", s, b, i, i32, f, f32, tm)
	}
}

// Strings without escapes are substrings of the input; the scratch buffer
// of escaped ones is not shared with the strings returned.
func TestReaderStringsDoNotAlias(t *testing.T) {
	d := newJSONReader(`["a\nb","c\td","plain","é\u00e9"]`, nil)
	var got []string
	decodeArray(&got, d, decodeString)
	if err := d.finish(); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a\nb", "c\td", "plain", "éé"}; !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// decodeArray: null is nil, [] is empty but not nil, elements that are
// null are zero, and an existing backing array is reused as encoding/json
// reuses it.
func TestDecodeArray(t *testing.T) {
	for _, tc := range []struct {
		in    string
		start []string
		want  []string
		ok    bool
	}{
		{`null`, []string{"x"}, nil, false},
		{`[]`, nil, []string{}, true},
		{`[]`, []string{"x"}, []string{}, true},
		{`["a",null]`, nil, []string{"a", ""}, true},
		{`["a","b","c","d","e","f","g","h","i","j"]`, nil, strings.Split("abcdefghij", ""), true},
		{`["a"]`, []string{"x", "y"}, []string{"a"}, true},
		// encoding/json decodes into the elements it reuses: null leaves one.
		{`["a",null]`, []string{"x", "y"}, []string{"a", "y"}, true},
		{`["a","b","c"]`, []string{"x"}, []string{"a", "b", "c"}, true},
	} {
		got := slices.Clone(tc.start)
		d := newJSONReader(tc.in, nil)
		ok := decodeArray(&got, d, decodeString)
		if err := d.finish(); err != nil || ok != tc.ok || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s into %q: %#v, %v, %v; want %#v, %v", tc.in, tc.start, got, ok, err, tc.want, tc.ok)
		}
		enc := slices.Clone(tc.start)
		if err := json.Unmarshal([]byte(tc.in), &enc); err != nil || !reflect.DeepEqual(enc, got) {
			t.Errorf("%s into %q: encoding/json %#v, %v; reader %#v", tc.in, tc.start, enc, err, got)
		}
	}
	// The existing backing array is reused when it is large enough.
	buf := make([]string, 1, 4)
	d := newJSONReader(`["a","b","c"]`, nil)
	decodeArray(&buf, d, decodeString)
	if len(buf) != 3 || cap(buf) != 4 {
		t.Fatalf("len %d cap %d, want the backing array reused", len(buf), cap(buf))
	}
}

// decodeMap: null is nil, {} is empty but not nil, keys are added to an
// existing map, the last of a repeated key wins, null values are zero.
func TestDecodeMap(t *testing.T) {
	for _, tc := range []struct {
		in    string
		start map[string]int64
		want  map[string]int64
		ok    bool
	}{
		{`null`, map[string]int64{"x": 1}, nil, false},
		{`{}`, nil, map[string]int64{}, true},
		{`{"a":1,"b":null}`, nil, map[string]int64{"a": 1, "b": 0}, true},
		{`{"a":1}`, map[string]int64{"x": 9}, map[string]int64{"a": 1, "x": 9}, true},
		{`{"a":1,"a":2}`, nil, map[string]int64{"a": 2}, true},
		{`{"a":1,"a":null}`, nil, map[string]int64{"a": 0}, true},
		{`{"\u0061":1,"a\/b":2}`, nil, map[string]int64{"a": 1, "a/b": 2}, true},
	} {
		got := maps.Clone(tc.start)
		d := newJSONReader(tc.in, nil)
		ok := decodeMap(&got, d, decodeInt64)
		if err := d.finish(); err != nil || ok != tc.ok || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s into %v: %#v, %v, %v; want %#v, %v", tc.in, tc.start, got, ok, err, tc.want, tc.ok)
		}
		enc := maps.Clone(tc.start)
		if err := json.Unmarshal([]byte(tc.in), &enc); err != nil || !reflect.DeepEqual(enc, got) {
			t.Errorf("%s into %v: encoding/json %#v, %v; reader %#v", tc.in, tc.start, enc, err, got)
		}
	}
}

// decodeNullable: null makes it present and null, a value present with the
// value; it always returns true.
func TestDecodeNullable(t *testing.T) {
	for _, tc := range []struct {
		in    string
		start Nullable[[]string]
		want  Nullable[[]string]
	}{
		{`null`, Nullable[[]string]{}, NewNull[[]string]()},
		{` null`, NewNullable([]string{"x"}), NewNull[[]string]()},
		{`[]`, NewNull[[]string](), NewNullable([]string{})},
		{`["a"]`, Nullable[[]string]{}, NewNullable([]string{"a"})},
		{`["a"]`, NewNullable([]string{"x", "y"}), NewNullable([]string{"a"})},
	} {
		got := tc.start
		d := newJSONReader(tc.in, nil)
		if !decodeNullable(&got, d, rdStrings) {
			t.Errorf("%s: returned false", tc.in)
		}
		if err := d.finish(); err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s into %+v: %+v, %v; want %+v", tc.in, tc.start, got, err, tc.want)
		}
	}
	// A value of the wrong kind: leniently an error; strictly a violation,
	// and the Nullable is left null.
	got := NewNullable("x")
	d := newJSONReader(`5`, nil)
	decodeNullable(&got, d, decodeString)
	if d.finish() == nil {
		t.Fatal("5 into Nullable[string]: no error")
	}
	c := validator{}
	d = newJSONReader(`5`, &c)
	decodeNullable(&got, d, decodeString)
	if err := d.finish(); err != nil || !got.IsNull() || len(c.violations) != 1 {
		t.Fatalf("strict 5 into Nullable[string]: %+v, %v, %v", got, err, c.violations)
	}
}

// found records the outcome of a decodeX call on an Opt or Nullable.
func TestOptNullableFound(t *testing.T) {
	o := Opt[[]int]{Value: []int{1}}
	o.found(true)
	if !o.Set || !slices.Equal(o.Value, []int{1}) {
		t.Fatalf("Opt.found(true) = %+v", o)
	}
	o.found(false)
	if o.Set || o.Value != nil {
		t.Fatalf("Opt.found(false) = %+v, want absent and zero", o)
	}
	n := Nullable[[]int]{Value: []int{1}}
	n.found(true)
	if !n.Set || n.Null || !slices.Equal(n.Value, []int{1}) {
		t.Fatalf("Nullable.found(true) = %+v", n)
	}
	n.found(false)
	if !n.Set || !n.Null || n.Value != nil {
		t.Fatalf("Nullable.found(false) = %+v, want null and zero", n)
	}
	n = NewNull[[]int]()
	n.Value = []int{2}
	n.found(true)
	if !n.Set || n.Null {
		t.Fatalf("Nullable.found(true) after null = %+v", n)
	}
}

// rdOpen is an object that keeps its undeclared properties, as generated
// for additionalProperties.
type rdOpen struct {
	A     Opt[int64]
	Extra map[string]json.RawMessage
}

func (v *rdOpen) decodeJSON(d *jsonReader) bool {
	if !d.beginObject() {
		return false
	}
	for d.nextKey() {
		switch d.key {
		case "a":
			v.A.found(decodeInt64(&v.A.Value, d))
		default:
			d.keep(&v.Extra)
		}
	}
	return true
}

func TestReaderKeep(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want map[string]json.RawMessage
	}{
		{`{"a":1}`, nil},
		{`{}`, nil},
		{`{"b": [1, {"c" : null}] ,"a":1}`, map[string]json.RawMessage{"b": json.RawMessage(`[1, {"c" : null}]`)}},
		{`{"b":1,"b":"two"}`, map[string]json.RawMessage{"b": json.RawMessage(`"two"`)}},
		{`{"n":null,"\u0062":true}`, map[string]json.RawMessage{"n": json.RawMessage(`null`), "b": json.RawMessage(`true`)}},
		{`{"s":"\u00e9<>"}`, map[string]json.RawMessage{"s": json.RawMessage(`"\u00e9<>"`)}},
	} {
		got, err := rdDecode(tc.in, (*rdOpen).decodeJSON)
		if err != nil || !reflect.DeepEqual(got.Extra, tc.want) {
			t.Errorf("%s: %q, %v; want %q", tc.in, got.Extra, err, tc.want)
		}
		var all map[string]json.RawMessage
		if err := json.Unmarshal([]byte(tc.in), &all); err != nil {
			t.Fatal(err)
		}
		delete(all, "a")
		if len(all) == 0 {
			all = nil
		}
		if !reflect.DeepEqual(all, tc.want) {
			t.Errorf("%s: encoding/json keeps %q", tc.in, all)
		}
	}
	// A malformed value leaves the map alone.
	got, err := rdDecode(`{"b":[1,}`, (*rdOpen).decodeJSON)
	if err == nil || got.Extra != nil {
		t.Fatalf("malformed: %q, %v", got.Extra, err)
	}
}

// rdDecodeStrict decodes input on a strict reader and returns the
// violations as "path: message" strings.
func rdDecodeStrict[T any](t *testing.T, input string, decode func(*T, *jsonReader) bool) (T, []string, error) {
	t.Helper()
	var v T
	c := validator{}
	d := newJSONReader(input, &c)
	decode(&v, d)
	err := d.finish()
	var got []string
	for _, x := range c.violations {
		got = append(got, x.String())
	}
	return v, got, err
}

// unknown: skipped leniently and in open objects; in a closed object a
// strict reader reports it at its key, quoted when it is no plain name.
func TestReaderUnknownAndMissing(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{`{"id":"a"}`, nil},
		{`{}`, []string{"id: is required"}},
		{`{"id":null}`, []string{"id: must not be null"}}, // present, but null is not a string
		{`{"id":"a","zeta":1,"odd key":{"x":[1]},"":2}`, []string{"zeta: unknown property", `["odd key"]: unknown property`, `[""]: unknown property`}},
		{`{"id":"a","child":{"extra":1}}`, []string{"child.name: is required"}},
		{`{"id":"a","child":{"name":"n","extra":{"y":2}}}`, nil},
		{`{"id":"a","kids":[{"name":"a"},{},{"name":"b","more":[{}]}]}`, []string{"kids[1].name: is required", "kids[2].more[0].name: is required"}},
		{`{"zeta":1,"id":"a","zeta":2}`, []string{"zeta: unknown property", "zeta: unknown property"}},
	} {
		_, got, err := rdDecodeStrict(t, tc.in, (*rdRecord).decodeJSON)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, %v; want %q", tc.in, got, err, tc.want)
		}
		// Leniently, nothing is reported and nothing fails.
		if _, err := rdDecode(tc.in, (*rdRecord).decodeJSON); err != nil {
			t.Errorf("%s: lenient error %v", tc.in, err)
		}
	}
	// missing checks every bit, below the path of the object just read,
	// and does nothing on a lenient reader or after an error.
	c := validator{}
	d := newJSONReader(`{"body":{"c":1,"x":{"y":[]}}}`, &c)
	d.beginObject()
	d.nextKey()
	d.beginObject()
	for d.nextKey() {
		d.skip()
	}
	d.missing(0b101, "a", "b", "c", "d")
	want := []Violation{{"body.b", "is required"}, {"body.d", "is required"}}
	if !reflect.DeepEqual(c.violations, want) {
		t.Fatalf("missing = %v, want %v", c.violations, want)
	}
	if d.nextKey() || d.finish() != nil {
		t.Fatalf("reading on: %v", d.err)
	}
	d.err = errors.New("stop")
	d.missing(0, "a")
	lenient := newJSONReader(`{}`, nil)
	lenient.beginObject()
	lenient.nextKey()
	lenient.missing(0, "a")
	if len(c.violations) != 2 {
		t.Fatalf("missing after an error or leniently reported %v", c.violations)
	}
	// Any reader notes that something was missing, for a union to tell.
	if !lenient.lacking || !d.lacking {
		t.Errorf("lacking = %v leniently, %v strictly; want both set", lenient.lacking, d.lacking)
	}
	whole := newJSONReader(`{}`, nil)
	whole.missing(0b11, "a", "b")
	full := newJSONReader(`{}`, nil)
	full.missing(^uint64(0), make([]string, 64)...)
	if whole.lacking || full.lacking {
		t.Errorf("lacking set with every required property seen (2 of 2: %v; 64 of 64: %v)", whole.lacking, full.lacking)
	}
}

// rdOdd declares a property whose name is no plain path segment.
type rdOdd struct {
	N int64
}

func (v *rdOdd) decodeJSON(d *jsonReader) bool {
	if !d.beginObject() {
		return false
	}
	for d.nextKey() {
		switch d.key {
		case "a.b":
			decodeInt64(&v.N, d)
		default:
			d.unknown(true)
		}
	}
	return true
}

// An undeclared key is reported quoted when it is odd; a declared one is
// not, also after an undeclared value deep enough to move the reader's
// path to a larger array.
func TestReaderUnknownKeepsPathKinds(t *testing.T) {
	for _, depth := range []int{0, 1, 15, 16, 17, 40} {
		value := strings.Repeat("[", depth) + "1" + strings.Repeat("]", depth)
		in := `{"x.y":` + value + `,"a.b":"s","z":` + value + `,"a.b":true}`
		_, got, err := rdDecodeStrict(t, in, (*rdOdd).decodeJSON)
		want := []string{`["x.y"]: unknown property`, "a.b: must be an integer, not a string", "z: unknown property", "a.b: must be an integer, not a boolean"}
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("depth %d: %q, %v; want %q", depth, got, err, want)
		}
	}
}

// A strict reader reports a value of the wrong type with its path, skips
// it and reads on, so that one answer lists every problem; the values
// around it are decoded.
func TestReaderStrictMismatches(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{`{"id":"a","tags":["x",1,"y",{},null,[2]]}`, []string{
			"tags[1]: must be a string, not a number", "tags[3]: must be a string, not an object", "tags[4]: must not be null",
			"tags[5]: must be a string, not an array"}},
		{`{"id":1,"count":"2","small":3000000000,"ratio":1e999,"tiny":1e39,"on":"yes","when":"noon"}`, []string{
			"id: must be a string, not a number", "count: must be an integer, not a string",
			"small: must be a 32-bit integer, not 3000000000", "ratio: must be a number in range, not 1e999",
			"tiny: must be a number in range, not 1e39", "on: must be a boolean, not a string",
			`when: must be an RFC 3339 date-time, not "noon"`}},
		{`{"id":"a","count":1.5,"attrs":{"x":true,"odd key":1.0},"child":[],"kids":{"a":1}}`, []string{
			"count: must be an integer, not 1.5", "attrs.x: must be an integer, not a boolean",
			`attrs["odd key"]: must be an integer, not 1.0`, "child: must be an object, not an array",
			"kids: must be an array, not an object"}},
		{`{"id":"a","count":-9223372036854775809,"when":true}`, []string{
			"count: must be a 64-bit integer, not -9223372036854775809", "when: must be a date-time string, not a boolean"}},
		{`[{"id":"a"}]`, []string{"must be an object, not an array"}},
		{`"x"`, []string{"must be an object, not a string"}},
	} {
		_, got, err := rdDecodeStrict(t, tc.in, (*rdRecord).decodeJSON)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %q, %v\nwant %q", tc.in, got, err, tc.want)
		}
	}
	// Decoding goes on around the mismatches.
	v, got, err := rdDecodeStrict(t, `{"tags":["x",1,"y"],"count":"no","id":"z","on":true}`, (*rdRecord).decodeJSON)
	if err != nil || len(got) != 2 || v.ID != "z" || !v.On.Value || !slices.Equal(v.Tags.Value, []string{"x", "", "y"}) || v.Count.Set {
		t.Fatalf("decoded %+v, %q, %v", v, got, err)
	}
	// A mismatched value that is itself malformed is a syntax error, and
	// its violation is withdrawn.
	_, got, err = rdDecodeStrict(t, `{"id":[1,}`, (*rdRecord).decodeJSON)
	var de *DecodeError
	if !errors.As(err, &de) || de.Offset != 9 || got != nil {
		t.Fatalf("malformed mismatch: %q, %v", got, err)
	}
}

// rdUnion is a union as the generator emits it: an array, or one of two
// object variants told apart by their keys.
type rdUnion struct {
	variant int
	list    []string
	page    rdPage
	cursor  rdCursor
}

type rdPage struct {
	Start Opt[int64]
	Items Opt[[]string]
}

type rdCursor struct {
	Next  string
	Items Opt[[]string]
}

var variantsRdUnion = []objectVariant{
	{properties: []string{"start", "items"}, closed: true},
	{properties: []string{"next", "items"}, required: []string{"next"}, closed: true},
}

func (v *rdPage) decodeJSON(d *jsonReader) bool {
	if !d.beginObject() {
		return false
	}
	for d.nextKey() {
		switch d.key {
		case "start":
			v.Start.found(decodeInt64(&v.Start.Value, d))
		case "items":
			v.Items.found(decodeArray(&v.Items.Value, d, decodeString))
		default:
			d.unknown(true)
		}
	}
	return true
}

func (v *rdCursor) decodeJSON(d *jsonReader) bool {
	if !d.beginObject() {
		return false
	}
	var seen uint64
	for d.nextKey() {
		switch d.key {
		case "next":
			seen |= 1 << 0
			decodeString(&v.Next, d)
		case "items":
			v.Items.found(decodeArray(&v.Items.Value, d, decodeString))
		default:
			d.unknown(true)
		}
	}
	d.missing(seen, "next")
	return true
}

func (v *rdUnion) decodeJSON(d *jsonReader) bool {
	switch d.peek() {
	case '[':
		var x []string
		decodeArray(&x, d, decodeString)
		*v = rdUnion{variant: 1, list: x}
		return true
	case '{':
		switch d.chooseObject(variantsRdUnion) {
		case 0:
			var x rdPage
			x.decodeJSON(d)
			*v = rdUnion{variant: 2, page: x}
			return true
		case 1:
			var x rdCursor
			x.decodeJSON(d)
			*v = rdUnion{variant: 3, cursor: x}
			return true
		}
		d.noVariant("rdUnion", "array, object")
		return false
	}
	d.noVariant("rdUnion", "array, object")
	return false
}

// rdShapes is a union told apart by a discriminator.
type rdShapes struct {
	variant int
	circle  rdCircle
	square  rdCircle
}

type rdCircle struct {
	Kind string
	Size Opt[float64]
}

func (v *rdCircle) decodeJSON(d *jsonReader) bool {
	if !d.beginObject() {
		return false
	}
	for d.nextKey() {
		switch d.key {
		case "kind":
			decodeString(&v.Kind, d)
		case "size":
			v.Size.found(decodeFloat64(&v.Size.Value, d))
		default:
			d.unknown(true)
		}
	}
	return true
}

func (v *rdShapes) decodeJSON(d *jsonReader) bool {
	switch d.peek() {
	case '{':
		switch d.discriminator("kind") {
		case "circle":
			var x rdCircle
			x.decodeJSON(d)
			*v = rdShapes{variant: 1, circle: x}
			return true
		case "square":
			var x rdCircle
			x.decodeJSON(d)
			*v = rdShapes{variant: 2, square: x}
			return true
		}
		d.noVariant("rdShapes", "object")
		return false
	}
	d.noVariant("rdShapes", "object")
	return false
}

func TestReaderUnions(t *testing.T) {
	for _, tc := range []struct {
		in      string
		variant int
		err     string
		strict  []string
	}{
		{`["a"]`, 1, "", nil},
		{` {"start":1,"items":["x"]}`, 2, "", nil},
		{`{"items":[],"next":"n"}`, 3, "", nil},
		{`{"next":"n","bogus":1}`, 3, "", []string{"bogus: unknown property"}},
		{`{}`, 2, "", nil},
		{`{"start":1,"next":"n"}`, 0, "rdUnion: a JSON object matches none of its variants (array, object)", []string{"matches none of the variants of rdUnion (want array, object)"}},
		{`"s"`, 0, "rdUnion: a JSON string matches none of its variants (array, object)", []string{"matches none of the variants of rdUnion (want array, object)"}},
		{`5`, 0, "rdUnion: a JSON number matches none of its variants (array, object)", []string{"matches none of the variants of rdUnion (want array, object)"}},
		{`true`, 0, "rdUnion: a JSON boolean matches none of its variants (array, object)", []string{"matches none of the variants of rdUnion (want array, object)"}},
		{`null`, 0, "rdUnion: a JSON null matches none of its variants (array, object)", []string{"matches none of the variants of rdUnion (want array, object)"}},
		{`x`, 0, "json: invalid character 'x' looking for beginning of value (offset 0)", nil},
		{`{"start":1,`, 0, "json: unexpected end of JSON input (offset 11)", nil},
		{`{"next":"n",}`, 0, "json: invalid character '}' looking for beginning of object key string (offset 12)", nil},
	} {
		got, err := rdDecode(tc.in, (*rdUnion).decodeJSON)
		if (err == nil) != (tc.err == "") || (err != nil && err.Error() != tc.err) || got.variant != tc.variant {
			t.Errorf("%s: variant %d, %v; want %d, %q", tc.in, got.variant, err, tc.variant, tc.err)
		}
		if tc.variant == 0 && tc.err != "" && !strings.HasPrefix(tc.err, "json:") {
			var ue *UnionError
			if !errors.As(err, &ue) {
				t.Errorf("%s: %T, want a *UnionError", tc.in, err)
			}
		}
		_, strict, serr := rdDecodeStrict(t, tc.in, (*rdUnion).decodeJSON)
		if strings.HasPrefix(tc.err, "json:") {
			if serr == nil || serr.Error() != tc.err || strict != nil {
				t.Errorf("%s strict: %q, %v; want %q", tc.in, strict, serr, tc.err)
			}
			continue
		}
		if serr != nil || !slices.Equal(strict, tc.strict) {
			t.Errorf("%s strict: %q, %v; want %q", tc.in, strict, serr, tc.strict)
		}
	}
	for _, tc := range []struct {
		in      string
		variant int
		err     string
	}{
		{`{"kind":"circle","size":1}`, 1, ""},
		{`{"size":2,"kind":"square"}`, 2, ""},
		{`{"kind":"\u0073quare"}`, 2, ""},
		{`{"kind":"triangle"}`, 0, "rdShapes: a JSON object matches none of its variants (object)"},
		{`{"kind":1}`, 0, "rdShapes: a JSON object matches none of its variants (object)"},
		{`[]`, 0, "rdShapes: a JSON array matches none of its variants (object)"},
		// Malformed JSON is a syntax error, whether or not the tag was read.
		{`{"kind":"circle","size":}`, 0, "json: invalid character '}' looking for beginning of value (offset 24)"},
		{`{"kind":"triangle","size":}`, 0, "json: invalid character '}' looking for beginning of value (offset 26)"},
		{`{"size":[1,}`, 0, "json: invalid character '}' looking for beginning of value (offset 11)"},
		{`{"kind":"circle"`, 0, "json: unexpected end of JSON input (offset 16)"},
	} {
		got, err := rdDecode(tc.in, (*rdShapes).decodeJSON)
		if (err == nil) != (tc.err == "") || (err != nil && err.Error() != tc.err) || (tc.err == "" && got.variant != tc.variant) {
			t.Errorf("%s: variant %d, %v; want %d, %q", tc.in, got.variant, err, tc.variant, tc.err)
		}
	}
}

// chooseObject, objectKeys and discriminator read ahead: the reader is
// where it was, and a syntax error met on the way is kept in d.err.
func TestReaderLookAhead(t *testing.T) {
	for _, tc := range []struct {
		in     string
		keys   []string
		tag    string
		choice int
		err    string
	}{
		{` {"next":"n","items":[1,{"next":2}]} `, []string{"next", "items"}, "", 1, ""},
		{`{"kind":"a","kind":"b","x":{"kind":"c"}}`, []string{"kind", "x"}, "b", -1, ""},
		{`{"\u006bind":"t\u00e9"}`, []string{"kind"}, "té", -1, ""},
		// No variant takes kind; the object fits the page otherwise.
		{`{"kind":3,"start":1}`, []string{"kind", "start"}, "", 0, ""},
		{`{"start":1}`, []string{"start"}, "", 0, ""},
		{`{}`, nil, "", 0, ""},
		{`[1]`, nil, "", -1, ""},
		{`{"kind":"a","start":}`, nil, "a", -1, "invalid character '}' looking for beginning of value"},
		{`{"kind":"a"`, nil, "a", -1, "unexpected end of JSON input"},
		{`{"kind":"a\x"}`, nil, "", -1, "invalid character 'x' in string escape code"},
		{`{"start" 1}`, nil, "", -1, "invalid character '1' after object key"},
	} {
		for _, name := range []string{"objectKeys", "discriminator", "chooseObject"} {
			d := newJSONReader(tc.in, nil)
			d.key = "outer"
			d.space()
			start := *d
			startAt := slices.Clone(d.at)
			switch name {
			case "objectKeys":
				keys, _, ok := d.objectKeys(nil, nil, variantsRdUnion)
				if ok != (tc.err == "" && strings.TrimSpace(tc.in)[0] == '{') || (ok && !slices.Equal(keys, tc.keys)) {
					t.Errorf("objectKeys(%s) = %q, %v; want %q", tc.in, keys, ok, tc.keys)
				}
			case "discriminator":
				if tag := d.discriminator("kind"); tag != tc.tag && tc.err == "" {
					t.Errorf("discriminator(%s) = %q, want %q", tc.in, tag, tc.tag)
				}
			case "chooseObject":
				if got := d.chooseObject(variantsRdUnion); got != tc.choice {
					t.Errorf("chooseObject(%s) = %d, want %d", tc.in, got, tc.choice)
				}
			}
			if d.pos != start.pos || d.depth != start.depth || d.key != start.key || d.opened != start.opened || !slices.Equal(d.at, startAt) {
				t.Errorf("%s(%s) moved the reader: pos %d depth %d key %q opened %v", name, tc.in, d.pos, d.depth, d.key, d.opened)
			}
			var de *DecodeError
			if tc.err == "" && d.err != nil || tc.err != "" && (!errors.As(d.err, &de) || de.Msg != tc.err) {
				t.Errorf("%s(%s): d.err = %v, want %q", name, tc.in, d.err, tc.err)
			}
		}
	}
	// Inside an object, after a key: the look-ahead reads the value only.
	d := newJSONReader(`{"u":{"next":"n"},"v":2}`, nil)
	d.beginObject()
	d.nextKey()
	pos, at := d.pos, slices.Clone(d.at)
	if got := d.chooseObject(variantsRdUnion); got != 1 || d.pos != pos || d.key != "u" || !slices.Equal(d.at, at) {
		t.Fatalf("nested chooseObject = %d at %d, key %q, path %q", got, d.pos, d.key, d.where())
	}
	if got := d.discriminator("next"); got != "n" || d.pos != pos || d.key != "u" || !slices.Equal(d.at, at) {
		t.Fatalf("nested discriminator = %q at %d, key %q, path %q", got, d.pos, d.key, d.where())
	}
	var u rdUnion
	u.decodeJSON(d)
	if !d.nextKey() || d.key != "v" {
		t.Fatalf("after the union: key %q, err %v", d.key, d.err)
	}
}

// decodeExternal hands a value of a foreign type to encoding/json.
func TestDecodeExternal(t *testing.T) {
	type ext struct {
		A int `json:"a"`
	}
	for _, in := range []string{`{"a":1}`, ` {"a":1,"b":[]} `, `null`, `{"a":"x"}`, `[1]`, `{"a":1`, `{"a":1}x`, `{"A":2}`} {
		got, err := rdDecode(in, decodeExternal[ext])
		var want ext
		wantErr := json.Unmarshal([]byte(in), &want)
		if (err == nil) != (wantErr == nil) || err == nil && got != want {
			t.Errorf("%s: reader %+v, %v; encoding/json %+v, %v", in, got, err, want, wantErr)
		}
	}
	var v ext
	d := newJSONReader(`null`, nil)
	if decodeExternal(&v, d) {
		t.Error("null returned true")
	}
	_, got, err := rdDecodeStrict(t, `{"a":"x"}`, decodeExternal[ext])
	if err != nil || len(got) != 1 || !strings.HasPrefix(got[0], "does not fit: json: cannot unmarshal string into Go struct field") {
		t.Fatalf("strict: %q, %v", got, err)
	}
}

// FuzzReaderString compares decodeString, and keys read by decodeMap, with
// encoding/json.
func FuzzReaderString(f *testing.F) {
	for _, in := range rdCorpus {
		if strings.HasPrefix(in, `"`) {
			f.Add(in)
		}
	}
	f.Add(`"\ud83d\ude00\ud83d"`)
	f.Add("\"\xed\xb0\x80\\udc00\"")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := rdDecode(in, decodeString)
		var want string
		wantErr := json.Unmarshal([]byte(in), &want)
		if (err == nil) != (wantErr == nil) || err == nil && got != want {
			t.Fatalf("%q: reader %q, %v; encoding/json %q, %v", in, got, err, want, wantErr)
		}
		if err != nil {
			rdCheckError(t, in, err)
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("%q: decoded %q is not valid UTF-8", in, got)
		}
		obj := `{` + strings.TrimSpace(in) + `:1}`
		keys, err := rdDecode(obj, rdInt64Map)
		var wantKeys map[string]int64
		if wantErr := json.Unmarshal([]byte(obj), &wantKeys); err != nil || wantErr != nil || !reflect.DeepEqual(keys, wantKeys) {
			t.Fatalf("%s: reader %v, %v; encoding/json %v, %v", obj, keys, err, wantKeys, wantErr)
		}
	})
}

// FuzzReaderNumber compares the number decoders with encoding/json.
func FuzzReaderNumber(f *testing.F) {
	for _, in := range rdCorpus {
		if in != "" && strings.ContainsRune("-0123456789+.", rune(in[0])) {
			f.Add(in)
		}
	}
	f.Fuzz(func(t *testing.T, in string) {
		rdAgree(t, "int64", in, decodeInt64)
		rdAgree(t, "int32", in, decodeInt32)
		rdAgree(t, "float64", in, decodeFloat64)
		rdAgree(t, "float32", in, decodeFloat32)
		rdAgree(t, "[]int64", "["+in+"]", rdInt64s)
		if t.Failed() {
			t.FailNow()
		}
	})
}

// FuzzSkip checks that skip and finish accept exactly what json.Valid
// accepts, at encoding/json's offsets, and that raw returns the value's text.
func FuzzSkip(f *testing.F) {
	for _, in := range rdCorpus {
		f.Add(in)
	}
	for _, in := range rdRecords {
		f.Add(in)
	}
	f.Add(strings.Repeat("[", 20) + strings.Repeat("]", 20))
	f.Fuzz(func(t *testing.T, in string) {
		err := rdSyntax(in)
		if (err == nil) != json.Valid([]byte(in)) {
			t.Fatalf("%q: skip error %v, json.Valid %v", in, err, json.Valid([]byte(in)))
		}
		rdCompareSyntax(t, in, err)
		if err != nil {
			return
		}
		d := newJSONReader(in, nil)
		if raw := d.raw(); raw != strings.Trim(in, " \t\r\n") || d.finish() != nil {
			t.Fatalf("%q: raw %q, %v", in, raw, d.err)
		}
	})
}

func BenchmarkReaderString(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"plain", `"client_credentials for the management API of tenant 42"`},
		{"escaped", `"line one\nline two \"quoted\" \u00e9\ud83d\ude00 and more text"`},
		{"utf8", `"überprüfung der zugriffsrechte für den mandanten"`},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.in)))
			for b.Loop() {
				var s string
				d := newJSONReader(bc.in, nil)
				decodeString(&s, d)
				if d.err != nil {
					b.Fatal(d.err)
				}
			}
		})
	}
}

func BenchmarkSkip(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"client_grants":[`)
	for i := range 50 {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(`{"id":"cgr_0123456789abcdef","client_id":"AaiyAPdpYdesoKnqjj8HJqRn4T5titww","audience":"https://tenant.example.com/api/v2/","scope":["read:users","update:users","delete:users"],"allow_any_organization":false,"is_system":false,"n":12.5e3,"note":null,"esc":"a\"b\\c\u00e9"}`)
	}
	sb.WriteString(`],"start":0,"limit":50,"total":50}`)
	in := sb.String()
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		d := newJSONReader(in, nil)
		d.skip()
		if err := d.finish(); err != nil {
			b.Fatal(err)
		}
	}
}
