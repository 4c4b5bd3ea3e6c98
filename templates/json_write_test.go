package templates

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The writer is checked against json.Marshal of the same Go value: the
// same bytes, or an error from both (the writer then writes null in place
// of the value and keeps the first error).

// wrEncode runs encode over v on a fresh writer.
func wrEncode[T any](v T, encode func(*T, *jsonWriter)) (string, error) {
	var w jsonWriter
	encode(&v, &w)
	return string(w.buf), w.err
}

// wrAgree checks encode against json.Marshal for v.
func wrAgree[T any](t *testing.T, v T, encode func(*T, *jsonWriter)) {
	t.Helper()
	wrAgreeWith(t, v, encode, func(v T) ([]byte, error) { return json.Marshal(v) })
}

// wrAgreeWith checks encode against oracle, built on json.Marshal.
func wrAgreeWith[T any](t *testing.T, v T, encode func(*T, *jsonWriter), oracle func(T) ([]byte, error)) {
	t.Helper()
	got, err := wrEncode(v, encode)
	want, wantErr := oracle(v)
	switch {
	case (err == nil) != (wantErr == nil):
		t.Errorf("%#v: writer %s, %v; json.Marshal %s, %v", v, got, err, want, wantErr)
	case err == nil && got != string(want):
		t.Errorf("%#v: writer %s; json.Marshal %s", v, got, want)
	case err != nil && !json.Valid([]byte(got)):
		t.Errorf("%#v: writer wrote %q with error %v, want null in place of the failing value", v, got, err)
	}
}

// Oracles for values that hold a Nullable or an rdRecord.
func stdMarshalNullable[T any](v Nullable[T]) ([]byte, error) { return json.Marshal(toStdNullable(v)) }

func stdMarshalNullables[T any](v []Nullable[T]) ([]byte, error) {
	return json.Marshal(mapSlice(v, toStdNullable[T]))
}

func stdMarshalNullMap[T any](v map[string]Nullable[T]) ([]byte, error) {
	m := map[string]stdNullable[T]{}
	for k, x := range v {
		m[k] = toStdNullable(x)
	}
	return json.Marshal(m)
}

func stdMarshalRecord(v rdRecord) ([]byte, error) { return json.Marshal(v.std()) }

// wrStrings are strings that need every kind of care.
var wrStrings = []string{
	"", "plain", `"quoted"`, `back\slash`, "<script>&amp;</script>", "\u2028\u2029", "a\u2028b",
	"\b\f\n\r\t", "\x00\x01\x1f\x7f", "é", "日本語", "\U0001F600", "\u00a0", "\ufeff", "\ufffd", "\xef\xbf\xbd",
	"\xff", "\xc3", "a\xc3(", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\xe2\x80", "\xe2\x80\xa8", "\xe2\x80\xa9",
	"\xe2\x80\xaa", "x\xff\xfey", "\x80", strings.Repeat("long plain text ", 50), strings.Repeat("<é\n", 100),
}

func TestWriterStringsMatchMarshal(t *testing.T) {
	for c := range 128 {
		wrAgree(t, string(rune(c)), encodeString)
		wrAgree(t, "a"+string(rune(c))+"b", encodeString)
	}
	var all []byte
	for c := range 256 {
		all = append(all, byte(c))
	}
	wrAgree(t, string(all), encodeString)
	wrAgree(t, string(all[:128]), encodeString)
	for _, s := range wrStrings {
		wrAgree(t, s, encodeString)
	}
	for r := rune(0x80); r < 0x3400; r++ {
		wrAgree(t, string(r), encodeString)
	}
	for _, r := range []rune{0xd7ff, 0xe000, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x1f600, 0x10ffff} {
		wrAgree(t, "x"+string(r)+"y", encodeString)
	}
}

func TestWriterStringEscapes(t *testing.T) {
	for in, want := range map[string]string{
		"<>&":          `"\u003c\u003e\u0026"`,
		"\u2028\u2029": `"\u2028\u2029"`,
		"\xff":         `"\ufffd"`,
		"\ufffd":       "\"\ufffd\"",
		"\x00\x1f":     `"\u0000\u001f"`,
		"\b\f":         `"\b\f"`,
		"\x7f":         "\"\x7f\"",
		`a"b\c/`:       `"a\"b\\c/"`,
	} {
		if got, _ := wrEncode(in, encodeString); got != want {
			t.Errorf("%q: %s, want %s", in, got, want)
		}
	}
}

func TestWriterFloatsMatchMarshal(t *testing.T) {
	negZero := math.Copysign(0, -1)
	for _, f := range []float64{
		0, negZero, 1, -1, 0.1, 0.2, 1.5, -2.5e3, 1e-7, -1e-7, 1e-6, 9.99e-7, 0.000001, 1e20, 1e21, -1e21, 9.999e20,
		123456789.123, 12345678901234567890, 1e100, 1.5e300, 1e-320, 5e-324, math.MaxFloat64, -math.MaxFloat64,
		math.SmallestNonzeroFloat64, 100, 1e15, 1e16, 123e-20, 9007199254740993, 0.30000000000000004, 2.5e-8,
	} {
		wrAgree(t, f, encodeFloat64)
		wrAgree(t, float32(f), encodeFloat32)
	}
	for _, f := range []float32{
		0, float32(negZero), 0.1, 1e-7, 1e-6, 9.99e-7, 1e20, 1e21, 16777217, 3.4e38, math.MaxFloat32, -math.MaxFloat32,
		math.SmallestNonzeroFloat32, 1.17549435e-38, 123456.79, 3.1415927, 1e-45, 9.999999e20, 1.0000001e21,
	} {
		wrAgree(t, f, encodeFloat32)
		wrAgree(t, float64(f), encodeFloat64)
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		wrAgree(t, f, encodeFloat64)
		wrAgree(t, float32(f), encodeFloat32)
		got, err := wrEncode(f, encodeFloat64)
		_, want := json.Marshal(f)
		if got != "null" || err == nil || want == nil || err.Error() != want.Error() {
			t.Errorf("%v: error %v, json.Marshal error %v", f, err, want)
		}
	}
	// The exponent is written without a leading zero.
	for f, want := range map[float64]string{1e-7: "1e-7", 1e21: "1e+21", 1.5e-9: "1.5e-9", 1e20: "100000000000000000000", -0.0000001: "-1e-7"} {
		if got, _ := wrEncode(f, encodeFloat64); got != want {
			t.Errorf("%v: %s, want %s", f, got, want)
		}
	}
	if got, _ := wrEncode(negZero, encodeFloat64); got != "-0" {
		t.Errorf("-0: %s", got)
	}
}

func TestWriterIntsAndBoolsMatchMarshal(t *testing.T) {
	for _, n := range []int64{0, 1, -1, 42, math.MaxInt64, math.MinInt64, 1 << 53, -(1 << 53) - 1} {
		wrAgree(t, n, encodeInt64)
	}
	for _, n := range []int32{0, 1, -1, math.MaxInt32, math.MinInt32} {
		wrAgree(t, n, encodeInt32)
	}
	wrAgree(t, true, encodeBool)
	wrAgree(t, false, encodeBool)
}

func TestWriterTimeMatchesMarshal(t *testing.T) {
	for _, tm := range []time.Time{
		{},
		time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC),
		time.Date(2024, 1, 2, 3, 4, 5, 123456789, time.UTC),
		time.Date(2024, 1, 2, 3, 4, 5, 120000000, time.UTC),
		time.Date(2024, 1, 2, 3, 4, 5, 1, time.FixedZone("", 5*3600+30*60)),
		time.Date(2024, 1, 2, 3, 4, 5, 0, time.FixedZone("MST", -7*3600)),
		time.Date(2024, 1, 2, 3, 4, 5, 0, time.FixedZone("", -(23*3600+59*60))),
		time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Unix(1700000000, 5).In(time.Local),
		time.Now(), // with a monotonic reading
		// Years and zones RFC 3339 cannot hold: an error for both.
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 1, 2, 3, 4, 5, 0, time.FixedZone("", 24*3600)),
	} {
		wrAgree(t, tm, encodeTime)
	}
}

func TestWriterRawJSONMatchesMarshal(t *testing.T) {
	for _, raw := range []string{
		`{"a": 1}`, " [ 1 , 2 ,\n\t3 ] ", `"<a href=\"x\">&amp;</a>"`, `{"<>&":"\u003c"}`, "\"\u2028\u2029\"",
		"\"\xff\xfe\"", `"\\u2028"`, `"\""`, `"a\\"`, `1e400`, `-0`, `null`, `true`, ` "x" `, `{"a":{"b":[{},[]]}}`,
		"{\"k\u2028\":\"v\u2029\"}", `"\ud800"`, `[ "a" , { "b" : null } ]`,
		// Not one JSON value: an error for both.
		``, ` `, `{`, `[1,]`, `nul`, `"abc`, `{} {}`, `01`, `'a'`, "\"\x01\"", `[1]]`,
		strings.Repeat("[", maxJSONDepth+1) + strings.Repeat("]", maxJSONDepth+1),
	} {
		wrAgree(t, json.RawMessage(raw), encodeRawJSON)
	}
	wrAgree(t, json.RawMessage(nil), encodeRawJSON)
	wrAgree(t, json.RawMessage{}, encodeRawJSON)
	// Deep but within the limit.
	deep := strings.Repeat("[", maxJSONDepth) + strings.Repeat("]", maxJSONDepth)
	wrAgree(t, json.RawMessage(deep), encodeRawJSON)
}

func TestWriterArraysMatchMarshal(t *testing.T) {
	wrAgree(t, []string(nil), func(v *[]string, w *jsonWriter) { encodeArray(*v, w, encodeString) })
	wrAgree(t, []string{}, func(v *[]string, w *jsonWriter) { encodeArray(*v, w, encodeString) })
	wrAgree(t, wrStrings, func(v *[]string, w *jsonWriter) { encodeArray(*v, w, encodeString) })
	grid := func(v *[][]int64, w *jsonWriter) {
		encodeArray(*v, w, func(v *[]int64, w *jsonWriter) { encodeArray(*v, w, encodeInt64) })
	}
	wrAgree(t, [][]int64{nil, {}, {1}, {2, 3}}, grid)
	nullables := func(v *[]Nullable[int64], w *jsonWriter) {
		encodeArray(*v, w, func(v *Nullable[int64], w *jsonWriter) { encodeNullable(v, w, encodeInt64) })
	}
	wrAgreeWith(t, []Nullable[int64]{NewNullable[int64](1), NewNull[int64](), {}, NewNullable[int64](0)}, nullables, stdMarshalNullables[int64])
	floats := func(v *[]float64, w *jsonWriter) { encodeArray(*v, w, encodeFloat64) }
	wrAgree(t, []float64{1, math.NaN(), 2}, floats)
	// After an error the writer keeps going, with null in its place, and
	// keeps the first error.
	got, err := wrEncode([]float64{1, math.Inf(1), math.NaN()}, floats)
	if got != "[1,null,null]" || err == nil || !strings.Contains(err.Error(), "+Inf") {
		t.Errorf("got %s, %v", got, err)
	}
}

func TestWriterMapsMatchMarshal(t *testing.T) {
	strs := func(v *map[string]string, w *jsonWriter) { encodeMap(*v, w, encodeString) }
	wrAgree(t, map[string]string(nil), strs)
	wrAgree(t, map[string]string{}, strs)
	m := map[string]string{}
	for i, s := range wrStrings {
		m[s] = wrStrings[(i+1)%len(wrStrings)]
	}
	m["B"], m["a"], m["A"], m["aa"], m["a\x00"] = "1", "2", "3", "4", "5"
	for range 5 { // map order must not leak into the output
		wrAgree(t, m, strs)
	}
	lists := func(v *map[string][]string, w *jsonWriter) {
		encodeMap(*v, w, func(v *[]string, w *jsonWriter) { encodeArray(*v, w, encodeString) })
	}
	wrAgree(t, map[string][]string{"x": nil, "y": {}, "z": {"<"}}, lists)
	nulls := func(v *map[string]Nullable[string], w *jsonWriter) {
		encodeMap(*v, w, func(v *Nullable[string], w *jsonWriter) { encodeNullable(v, w, encodeString) })
	}
	wrAgreeWith(t, map[string]Nullable[string]{"a": NewNullable("v"), "b": NewNull[string](), "c": {}}, nulls, stdMarshalNullMap[string])
	nested := func(v *map[string]map[string]float32, w *jsonWriter) {
		encodeMap(*v, w, func(v *map[string]float32, w *jsonWriter) { encodeMap(*v, w, encodeFloat32) })
	}
	wrAgree(t, map[string]map[string]float32{"o": {"b": 0.1, "a": 1e21}, "n": nil, "e": {}}, nested)
}

func TestWriterNullable(t *testing.T) {
	for _, n := range []Nullable[string]{{}, NewNull[string](), NewNullable(""), NewNullable("<x>"), {Value: "ignored"}, {Value: "ignored", Set: true, Null: true}} {
		wrAgreeWith(t, n, func(v *Nullable[string], w *jsonWriter) { encodeNullable(v, w, encodeString) }, stdMarshalNullable[string])
	}
	times := func(v *Nullable[time.Time], w *jsonWriter) { encodeNullable(v, w, encodeTime) }
	wrAgreeWith(t, NewNullable(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)), times, stdMarshalNullable[time.Time])
}

func (v *rdRecord) encodeJSON(w *jsonWriter) {
	w.buf = append(w.buf, '{')
	w.key(`"id":`)
	encodeString(&v.ID, w)
	if v.Count.Set {
		w.key(`"count":`)
		encodeInt64(&v.Count.Value, w)
	}
	if v.Small.Set {
		w.key(`"small":`)
		encodeInt32(&v.Small.Value, w)
	}
	if v.Ratio.Set {
		w.key(`"ratio":`)
		encodeFloat64(&v.Ratio.Value, w)
	}
	if v.Tiny.Set {
		w.key(`"tiny":`)
		encodeFloat32(&v.Tiny.Value, w)
	}
	if v.On.Set {
		w.key(`"on":`)
		encodeBool(&v.On.Value, w)
	}
	if v.When.Set {
		w.key(`"when":`)
		encodeTime(&v.When.Value, w)
	}
	if v.Tags.Set {
		w.key(`"tags":`)
		encodeArray(v.Tags.Value, w, encodeString)
	}
	if v.Note.Set {
		w.key(`"note":`)
		encodeNullable(&v.Note, w, encodeString)
	}
	if v.Attrs.Set {
		w.key(`"attrs":`)
		encodeMap(v.Attrs.Value, w, encodeInt64)
	}
	if v.Child.Set {
		w.key(`"child":`)
		v.Child.Value.encodeJSON(w)
	}
	if v.Raw.Set {
		w.key(`"raw":`)
		encodeRawJSON(&v.Raw.Value, w)
	}
	if v.Kids.Set {
		w.key(`"kids":`)
		encodeArray(v.Kids.Value, w, (*rdChild).encodeJSON)
	}
	if v.Hist.Set {
		w.key(`"hist":`)
		encodeNullable(&v.Hist, w, func(v *[]int64, w *jsonWriter) { encodeArray(*v, w, encodeInt64) })
	}
	if v.Dims.Set {
		w.key(`"dims":`)
		encodeNullable(&v.Dims, w, (*rdChild).encodeJSON)
	}
	w.buf = append(w.buf, '}')
}

func (v *rdChild) encodeJSON(w *jsonWriter) {
	w.buf = append(w.buf, '{')
	w.key(`"name":`)
	encodeString(&v.Name, w)
	if v.Size.Set {
		w.key(`"size":`)
		encodeNullable(&v.Size, w, encodeInt64)
	}
	if v.More.Set {
		w.key(`"more":`)
		encodeArray(v.More.Value, w, (*rdChild).encodeJSON)
	}
	w.buf = append(w.buf, '}')
}

// wrRecords are values of rdRecord, whose json tags make json.Marshal
// write what the generated encodeJSON writes.
var wrRecords = []rdRecord{
	{},
	{ID: "<a>", Count: NewOpt[int64](-3), Small: NewOpt[int32](math.MaxInt32), Ratio: NewOpt(1e21), Tiny: NewOpt[float32](0.1),
		On: NewOpt(false), When: NewOpt(time.Date(2024, 1, 2, 3, 4, 5, 6, time.UTC)), Tags: NewOpt([]string{}),
		Note: NewNull[string](), Attrs: NewOpt(map[string]int64{"b": 2, "a": 1}), Raw: NewOpt(json.RawMessage(` { "x" : "&" } `))},
	{Tags: NewOpt([]string(nil)), Attrs: NewOpt(map[string]int64(nil)), Note: NewNullable("n"), Raw: NewOpt(json.RawMessage(nil))},
	{Child: NewOpt(rdChild{Name: "c", Size: NewNull[int64](), More: NewOpt([]rdChild{{Name: "d"}, {Size: NewNullable[int64](4)}})})},
	{Kids: NewOpt([]rdChild{{}, {Name: "\u2028"}}), Child: NewOpt(rdChild{})},
	{Hist: NewNullable([]int64{1, 2}), Dims: NewNullable(rdChild{Name: "d", Size: NewNullable[int64](1)})},
	{Hist: NewNull[[]int64](), Dims: NewNull[rdChild](), Note: NewNullable("")},
	{Hist: NewNullable([]int64(nil)), Dims: Nullable[rdChild]{Value: rdChild{Name: "hidden"}}},
	// Errors: the same for both.
	{Ratio: NewOpt(math.NaN())},
	{Raw: NewOpt(json.RawMessage(`{`))},
	{When: NewOpt(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))},
}

func TestWriterObjectsMatchMarshal(t *testing.T) {
	for _, v := range wrRecords {
		wrAgreeWith(t, v, (*rdRecord).encodeJSON, stdMarshalRecord)
		wrAgreeWith(t, []rdRecord{v, v}, func(v *[]rdRecord, w *jsonWriter) { encodeArray(*v, w, (*rdRecord).encodeJSON) },
			func(v []rdRecord) ([]byte, error) { return json.Marshal(mapSlice(v, rdRecord.std)) })
		wrAgreeWith(t, map[string]rdRecord{"k": v, "j": {}}, func(v *map[string]rdRecord, w *jsonWriter) {
			encodeMap(*v, w, (*rdRecord).encodeJSON)
		}, func(v map[string]rdRecord) ([]byte, error) {
			return json.Marshal(map[string]rdRecordStd{"k": v["k"].std(), "j": v["j"].std()})
		})
	}
}

// What the writer writes, the reader reads back to the same value (an Opt
// set to a nil slice or map excepted: it is written null, read as absent).
func TestWriterReaderRoundTrip(t *testing.T) {
	for _, v := range []rdRecord{wrRecords[0], wrRecords[1], wrRecords[3], wrRecords[4], wrRecords[5], wrRecords[6]} {
		data, err := marshalJSON(&v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := rdDecode(string(data), (*rdRecord).decodeJSON)
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		again, err := marshalJSON(&got)
		if err != nil || !bytes.Equal(again, data) {
			t.Fatalf("round trip: %s, then %s, %v", data, again, err)
		}
	}
}

// key writes a comma before every member but the first of its object.
func TestWriterKeyCommas(t *testing.T) {
	var w jsonWriter
	w.buf = append(w.buf, '[')
	for i := range 2 {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		w.buf = append(w.buf, '{')
		w.key(`"a":`)
		w.buf = append(w.buf, '{')
		w.key(`"b":`)
		w.null()
		w.buf = append(w.buf, '}')
		w.key(`"c":`)
		w.buf = append(w.buf, "[]"...)
		w.key(`"d":`)
		w.null()
		w.buf = append(w.buf, '}')
	}
	w.buf = append(w.buf, ']')
	if want := `[{"a":{"b":null},"c":[],"d":null},{"a":{"b":null},"c":[],"d":null}]`; string(w.buf) != want || !json.Valid(w.buf) {
		t.Fatalf("got %s, want %s", w.buf, want)
	}
}

// encodeExtra writes the undeclared properties after the declared ones:
// sorted, compacted and escaped as json.Marshal writes a map of raw values.
func TestEncodeExtra(t *testing.T) {
	known := func(k string) bool { return k == "id" }
	extra := map[string]json.RawMessage{
		"id":    json.RawMessage(`"shadowed"`),
		"b":     json.RawMessage(` { "x" : [ 1 , "<&>" ] } `),
		"a":     json.RawMessage(`null`),
		"<key>": json.RawMessage("\"\u2028\""),
		"":      json.RawMessage(`0`),
	}
	for _, tc := range []struct {
		declared string // what the object holds before
		want     string
	}{
		{"", `{"":0,"\u003ckey\u003e":"\u2028","a":null,"b":{"x":[1,"\u003c\u0026\u003e"]}}`},
		{`"id":"x"`, `{"id":"x","":0,"\u003ckey\u003e":"\u2028","a":null,"b":{"x":[1,"\u003c\u0026\u003e"]}}`},
	} {
		w := jsonWriter{buf: []byte("{" + tc.declared)}
		encodeExtra(&w, extra, known)
		w.buf = append(w.buf, '}')
		if string(w.buf) != tc.want || w.err != nil {
			t.Errorf("after %q: %s, %v; want %s", tc.declared, w.buf, w.err, tc.want)
		}
	}
	// With nothing declared, the object is what json.Marshal writes for
	// the map without the declared keys.
	undeclared := map[string]json.RawMessage{}
	for k, v := range extra {
		if !known(k) {
			undeclared[k] = v
		}
	}
	want, err := json.Marshal(undeclared)
	w := jsonWriter{buf: []byte("{")}
	encodeExtra(&w, extra, known)
	w.buf = append(w.buf, '}')
	if err != nil || string(w.buf) != string(want) {
		t.Errorf("got %s, json.Marshal %s, %v", w.buf, want, err)
	}
	// Nothing to add, or only declared keys: nothing written.
	for _, m := range []map[string]json.RawMessage{nil, {}, {"id": json.RawMessage(`1`)}} {
		w := jsonWriter{buf: []byte("{")}
		encodeExtra(&w, m, known)
		if string(w.buf) != "{" || w.err != nil {
			t.Errorf("%v: %s, %v", m, w.buf, w.err)
		}
	}
	// Invalid or nil values are an error, with null in their place.
	for _, bad := range []json.RawMessage{nil, json.RawMessage(`{`), json.RawMessage(``), json.RawMessage(`1 2`)} {
		w := jsonWriter{buf: []byte("{")}
		encodeExtra(&w, map[string]json.RawMessage{"x": bad, "y": json.RawMessage(`1`)}, known)
		var uve *json.UnsupportedValueError
		if string(w.buf) != `{"x":null,"y":1` || !errors.As(w.err, &uve) {
			t.Errorf("%q: %s, %v", bad, w.buf, w.err)
		}
	}
}

// marshalJSON and encodeJSONBytes return a slice of their own: the pooled
// buffer is reused by the next call, which must not change the last result.
func TestMarshalJSONAndEncodeBody(t *testing.T) {
	v := wrRecords[1]
	want, err := json.Marshal(v.std())
	if err != nil {
		t.Fatal(err)
	}
	first, err := marshalJSON(&v)
	if err != nil || !bytes.Equal(first, want) {
		t.Fatalf("marshalJSON = %s, %v; want %s", first, err, want)
	}
	kept := string(first)
	for range 10 {
		other := rdRecord{ID: strings.Repeat("z", 100)}
		if _, err := marshalJSON(&other); err != nil {
			t.Fatal(err)
		}
	}
	if string(first) != kept {
		t.Fatalf("an earlier result changed: %s", first)
	}
	// An error returns no data and leaves the next call clean.
	bad := rdRecord{Ratio: NewOpt(math.Inf(-1))}
	if data, err := marshalJSON(&bad); data != nil || err == nil {
		t.Fatalf("marshalJSON(-Inf) = %s, %v", data, err)
	}
	if data, err := marshalJSON(&v); err != nil || !bytes.Equal(data, want) {
		t.Fatalf("after an error: %s, %v", data, err)
	}
	body, err := encodeJSONBytes(func(w *jsonWriter) { v.encodeJSON(w) })
	if err != nil || !bytes.Equal(body, want) {
		t.Fatalf("encodeJSONBytes = %s, %v", body, err)
	}
	if body, err := encodeJSONBytes(func(w *jsonWriter) { bad.encodeJSON(w) }); body != nil || err == nil {
		t.Fatalf("encodeJSONBytes(-Inf) = %s, %v", body, err)
	}
	if body, err := encodeJSONBytes(func(w *jsonWriter) { w.null() }); err != nil || string(body) != "null" {
		t.Fatalf("encodeJSONBytes after an error = %s, %v", body, err)
	}
}

func TestEncodeExternal(t *testing.T) {
	type ext struct {
		A int    `json:"a"`
		B string `json:"b,omitempty"`
	}
	wrAgree(t, ext{A: 1, B: "<"}, encodeExternal[ext])
	wrAgree(t, map[string]any{"z": 1, "a": []any{nil, "x"}}, encodeExternal[map[string]any])
	wrAgree(t, make(chan int), encodeExternal[chan int])
	wrAgree(t, math.NaN(), encodeExternal[float64])
}

// FuzzWriterString compares w.string with json.Marshal, and the writer's
// compaction of raw JSON with json.Marshal of a json.RawMessage.
func FuzzWriterString(f *testing.F) {
	for _, s := range wrStrings {
		f.Add(s)
	}
	for _, s := range rdCorpus {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := wrEncode(s, encodeString)
		want, wantErr := json.Marshal(s)
		if err != nil || wantErr != nil || got != string(want) {
			t.Fatalf("%q: writer %s, %v; json.Marshal %s, %v", s, got, err, want, wantErr)
		}
		if !utf8.ValidString(got) || !json.Valid([]byte(got)) {
			t.Fatalf("%q: wrote %q", s, got)
		}
		got, err = wrEncode(json.RawMessage(s), encodeRawJSON)
		want, wantErr = json.Marshal(json.RawMessage(s))
		if (err == nil) != (wantErr == nil) || err == nil && got != string(want) {
			t.Fatalf("raw %q: writer %s, %v; json.Marshal %s, %v", s, got, err, want, wantErr)
		}
	})
}

func BenchmarkWriterString(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"plain", "client_credentials for the management API of tenant 42"},
		{"escaped", "line one\nline two \"quoted\" <b> & é😀 and more text"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.in)))
			w := jsonWriter{buf: make([]byte, 0, 256)}
			for b.Loop() {
				w.buf = w.buf[:0]
				w.string(bc.in)
			}
		})
	}
}

// TestWireNil: a nil slice or map is null, as json.Marshal writes it, except
// on the wire, where it is [] or {}; a non-nil empty one is [] or {} both
// ways.
func TestWireNil(t *testing.T) {
	for _, wire := range []bool{false, true} {
		encode := encodeJSONBytes
		want := `[null,null,[],{}]`
		if wire {
			encode, want = encodeWireBytes, `[[],{},[],{}]`
		}
		got, err := encode(func(w *jsonWriter) {
			w.buf = append(w.buf, '[')
			encodeArray([]string(nil), w, encodeString)
			w.buf = append(w.buf, ',')
			encodeMap(map[string]string(nil), w, encodeString)
			w.buf = append(w.buf, ',')
			encodeArray([]string{}, w, encodeString)
			w.buf = append(w.buf, ',')
			encodeMap(map[string]string{}, w, encodeString)
			w.buf = append(w.buf, ']')
		})
		if err != nil || string(got) != want {
			t.Errorf("wire %v: %s, %v; want %s", wire, got, err, want)
		}
	}
	// A pooled writer does not keep wire from its last use.
	for range 10 {
		encodeWireBytes(func(w *jsonWriter) {})
		if got, _ := encodeJSONBytes(func(w *jsonWriter) { encodeArray([]int64(nil), w, encodeInt64) }); string(got) != "null" {
			t.Fatalf("after a wire encoding, a nil slice is %s", got)
		}
	}
}
