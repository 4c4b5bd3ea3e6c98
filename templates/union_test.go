package templates

import (
	"encoding/json"
	"errors"
	"testing"
	"unsafe"
)

// chooseObjectVariant runs chooseObject on data, which must hold one
// JSON value and nothing more.
func chooseObjectVariant(data []byte, variants []objectVariant) (int, error) {
	d := newJSONReader(string(data), nil)
	i := d.chooseObject(variants)
	if d.err == nil {
		d.skip()
	}
	return i, d.finish()
}

// discriminatorValue runs discriminator on data, which must hold one JSON
// value: the tag and whether there is one.
func discriminatorValue(data []byte, property string) (string, bool, error) {
	d := newJSONReader(string(data), nil)
	tag := d.discriminator(property)
	d.skip()
	if err := d.finish(); err != nil {
		return "", false, err
	}
	return tag, tag != "", nil
}

// The two closed pages of a paginated list, as in the Auth0 client grants
// response: offset paging or checkpoint paging.
var pageVariants = []objectVariant{
	{properties: []string{"start", "limit", "total", "client_grants"}, closed: true},
	{properties: []string{"next", "client_grants"}, closed: true},
}

func TestChooseObjectVariant(t *testing.T) {
	tests := []struct {
		name     string
		variants []objectVariant
		in       string
		want     int
	}{
		{"checkpoint page", pageVariants, `{"next":"x","client_grants":[]}`, 1},
		{"offset page", pageVariants, `{"start":0,"limit":50,"total":3,"client_grants":[]}`, 0},
		{"offset page partial", pageVariants, `{"start":0,"client_grants":[]}`, 0},
		{"only shared key: tighter fit", pageVariants, `{"client_grants":[]}`, 1},
		{"empty object: tighter fit", pageVariants, `{}`, 1},
		{"white space around", pageVariants, " \n{ \"next\" : \"x\" }\t", 1},
		{"unknown key, both closed", pageVariants, `{"bogus":1}`, -1},
		{"known plus a key no variant declares: forgiven", pageVariants, `{"next":"x","bogus":1}`, 1},
		{"keys from both, both closed", pageVariants, `{"next":"x","start":0}`, -1},
		{"no variants", nil, `{"a":1}`, -1},
		{
			"required key missing excludes",
			[]objectVariant{
				{properties: []string{"start", "limit", "total", "client_grants"}, required: []string{"start"}, closed: true},
				{properties: []string{"next", "client_grants"}, required: []string{"next"}, closed: true},
			},
			`{"client_grants":[]}`, -1,
		},
		{
			"required key missing excludes the tighter one",
			[]objectVariant{
				{properties: []string{"start", "limit", "total", "client_grants"}, closed: true},
				{properties: []string{"next", "client_grants"}, required: []string{"next"}, closed: true},
			},
			`{"client_grants":[]}`, 0,
		},
		{
			"required key present",
			[]objectVariant{
				{properties: []string{"a", "b"}, required: []string{"a"}},
				{properties: []string{"a"}, required: []string{"a", "b"}},
			},
			`{"a":1,"b":2}`, 0,
		},
		{
			"required null still counts as present",
			[]objectVariant{
				{properties: []string{"a"}, required: []string{"a"}, closed: true},
			},
			`{"a":null}`, 0,
		},
		{
			"open variant takes unknown keys",
			[]objectVariant{
				{properties: []string{"a"}, closed: true},
				{properties: []string{"a"}},
			},
			`{"a":1,"zzz":2}`, 1,
		},
		{
			"more matched keys beat fewer properties",
			[]objectVariant{
				{properties: []string{"a"}},
				{properties: []string{"a", "b", "c", "d"}},
			},
			`{"a":1,"b":2}`, 1,
		},
		{
			"more matched keys win regardless of order",
			[]objectVariant{
				{properties: []string{"a", "b", "c", "d"}},
				{properties: []string{"a"}},
			},
			`{"a":1,"b":2}`, 0,
		},
		{
			"tie on matched and size: earlier wins",
			[]objectVariant{
				{properties: []string{"a", "x"}},
				{properties: []string{"a", "y"}},
			},
			`{"a":1}`, 0,
		},
		{
			"tie on matched: fewer properties wins even when later",
			[]objectVariant{
				{properties: []string{"a", "x", "y"}},
				{properties: []string{"a", "z"}},
				{properties: []string{"a", "q", "r", "s"}},
			},
			`{"a":1}`, 1,
		},
		{
			"excluded variants do not block later ones",
			[]objectVariant{
				{properties: []string{"a"}, required: []string{"zz"}},
				{properties: []string{"b"}, closed: true},
				{properties: []string{"a", "b"}, closed: true},
			},
			`{"a":1,"b":2}`, 2,
		},
		{
			"same keys: the variant whose const-like property holds the value",
			[]objectVariant{
				{properties: []string{"action", "id", "type"}, required: []string{"action"}, closed: true, consts: []constProperty{{"action", "LIST"}, {"type", "CRM"}}},
				{properties: []string{"action", "id", "type"}, required: []string{"action"}, closed: true, consts: []constProperty{{"action", "UPSERT"}, {"type", "CRM"}}},
			},
			`{"id":"a1","type":"CRM","action":"UPSERT"}`, 1,
		},
		{
			"a const-like property that is absent excludes nothing",
			[]objectVariant{
				{properties: []string{"id", "kind"}, consts: []constProperty{{"kind", "a"}}},
				{properties: []string{"id", "kind", "x"}, consts: []constProperty{{"kind", "b"}}},
			},
			`{"id":1}`, 0,
		},
		{
			"a value no variant expects (a newer server's) falls back to keys alone",
			[]objectVariant{
				{properties: []string{"action", "id"}, consts: []constProperty{{"action", "LIST"}}},
				{properties: []string{"action", "id", "note"}, consts: []constProperty{{"action", "UPSERT"}}},
			},
			`{"id":"a1","action":"DELETE","note":"n"}`, 1,
		},
		{
			"a non-string value excludes nothing",
			[]objectVariant{
				{properties: []string{"kind"}, consts: []constProperty{{"kind", "a"}}},
				{properties: []string{"kind"}, consts: []constProperty{{"kind", "b"}}},
			},
			`{"kind":null}`, 0,
		},
		{
			"an escaped value is compared unescaped",
			[]objectVariant{
				{properties: []string{"kind"}, consts: []constProperty{{"kind", "a/b"}}},
				{properties: []string{"kind"}, consts: []constProperty{{"kind", "a\"b"}}},
			},
			`{"kind":"a\"b"}`, 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := chooseObjectVariant([]byte(tt.in), tt.variants)
			if err != nil {
				t.Fatalf("chooseObjectVariant(%s) error: %v", tt.in, err)
			}
			if got != tt.want {
				t.Fatalf("chooseObjectVariant(%s) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestChooseObjectVariantInvalid(t *testing.T) {
	for _, in := range []string{
		``,
		`{`,
		`{"a":}`,
		`{"a":1,}`,
		`{"a":1} trailing`,
		`[1,2`,
		`"str`,
		`12x`,
		`tru`,
	} {
		got, err := chooseObjectVariant([]byte(in), pageVariants)
		if err == nil {
			t.Errorf("chooseObjectVariant(%q) = %d, nil error; want an error", in, got)
			continue
		}
		if got != -1 {
			t.Errorf("chooseObjectVariant(%q) = %d with error %v; want -1", in, got, err)
		}
	}
	// Well-formed JSON that is no object fits no variant.
	for _, in := range []string{`[1,2]`, `"str"`, `12`, `true`, `null`} {
		if got, err := chooseObjectVariant([]byte(in), pageVariants); got != -1 || err != nil {
			t.Errorf("chooseObjectVariant(%q) = %d, %v; want -1, nil", in, got, err)
		}
	}
}

// The choice must not depend on Go's random map order: repeat to shake out
// any order dependence in the key loop.
func TestChooseObjectVariantDeterministic(t *testing.T) {
	in := []byte(`{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9}`)
	variants := []objectVariant{
		{properties: []string{"a", "b", "c", "d", "e", "f", "g", "h"}, closed: true},
		{properties: []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}},
		{properties: []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"}},
	}
	for range 200 {
		got, err := chooseObjectVariant(in, variants)
		if err != nil || got != 2 {
			t.Fatalf("chooseObjectVariant = %d, %v; want 2, nil", got, err)
		}
	}
}

func TestUnionError(t *testing.T) {
	var err error = &UnionError{Type: "Page", Shape: "string", Want: "object"}
	want := "Page: a JSON string matches none of its variants (object)"
	if err.Error() != want {
		t.Fatalf("Error() = %q, want %q", err.Error(), want)
	}
	var ue *UnionError
	if !errors.As(&json.MarshalerError{Err: err}, &ue) || ue.Type != "Page" {
		t.Fatalf("errors.As through a wrapper failed: %v", ue)
	}
}

func TestDiscriminatorValue(t *testing.T) {
	for _, tc := range []struct {
		in    string
		value string
		ok    bool
		err   bool
	}{
		{`{"kind":"sq","side":1}`, "sq", true, false},
		{`{"side":1}`, "", false, false},
		{`{"kind":3}`, "", false, false},
		{`{"kind":`, "", false, true},
		{`{"kind":"sq","side":}`, "", false, true},
		{`{"kind":"sq"} x`, "", false, true},
		{` {"side":{"kind":"inner"},"kind":"s\u0071"} `, "sq", true, false},
		{`["kind","sq"]`, "", false, false},
		{`"sq"`, "", false, false},
	} {
		value, ok, err := discriminatorValue([]byte(tc.in), "kind")
		if value != tc.value || ok != tc.ok || (err != nil) != tc.err {
			t.Errorf("discriminatorValue(%s) = %q, %v, %v", tc.in, value, ok, err)
		}
	}
}

// unknownTagOf runs unknownTag as a generated decoder does, on an object
// whose discriminator "kind" names no variant, with a lenient reader or a
// strict one (check): whether it kept the object, what it kept, the
// violations and the error.
func unknownTagOf(in string, check *validator) (bool, string, error) {
	d := newJSONReader(in, check)
	var unknown string
	tag := d.discriminator("kind")
	kept := d.unknownTag("Shape", "kind", tag, `"circle", "sq"`, &unknown)
	return kept, unknown, d.finish()
}

func TestUnknownTag(t *testing.T) {
	for _, tc := range []struct {
		in      string
		kept    string // what a lenient reader keeps; "" for an error
		err     string // the lenient reader's error
		strict  string // the strict reader's violations
		partial bool   // the input is malformed: both readers fail alike
	}{
		{in: `{"kind":"tri","n":[1, 2]} `, kept: `{"kind":"tri","n":[1, 2]}`, strict: `kind: value "tri" is not one of "circle", "sq"`},
		{in: ` { "n" : 1 , "kind" : "x" }`, kept: `{ "n" : 1 , "kind" : "x" }`, strict: `kind: value "x" is not one of "circle", "sq"`},
		{in: `{"n":1}`, err: "Shape: a JSON object matches none of its variants (object)", strict: "kind: is required: it tells which of Shape's variants the object is"},
		{in: `{"kind":7}`, err: "Shape: a JSON object matches none of its variants (object)", strict: `kind: value 7 is not one of "circle", "sq"`},
		{in: `{"kind":"tri","n":}`, err: "json: invalid character '}' looking for beginning of value (offset 18)", partial: true},
	} {
		kept, unknown, err := unknownTagOf(tc.in, nil)
		if kept != (tc.kept != "") || unknown != tc.kept || (err == nil) != (tc.err == "") || (err != nil && err.Error() != tc.err) {
			t.Errorf("lenient %s: kept %v %q, %v; want %q, %q", tc.in, kept, unknown, err, tc.kept, tc.err)
		}
		var c validator
		kept, unknown, err = unknownTagOf(tc.in, &c)
		if tc.partial {
			if err == nil || kept {
				t.Errorf("strict %s: kept %v, %v; want an error", tc.in, kept, err)
			}
			continue
		}
		var got []string
		for _, v := range c.violations {
			got = append(got, v.String())
		}
		if kept || unknown != "" || err != nil || len(got) != 1 || got[0] != tc.strict {
			t.Errorf("strict %s: kept %v %q, %v, %q; want %q", tc.in, kept, unknown, err, got, tc.strict)
		}
	}
}

// TestUnknownTagCopies: what a lenient reader keeps does not share the
// input's memory, which may be a whole answer.
func TestUnknownTagCopies(t *testing.T) {
	in := `[{"kind":"tri"}]`
	d := newJSONReader(in, nil)
	d.beginArray()
	var unknown string
	tag := d.discriminator("kind")
	if !d.unknownTag("Shape", "kind", tag, `"circle"`, &unknown) || unknown != `{"kind":"tri"}` {
		t.Fatalf("kept %q", unknown)
	}
	if unsafe.StringData(unknown) == unsafe.StringData(in[1:]) {
		t.Error("the kept object is a view of the input")
	}
}

func TestUnknownVariantWrite(t *testing.T) {
	for _, tc := range []struct{ unknown, out, err string }{
		{` { "kind" : "tri", "s": "<a>" } `, `{"kind":"tri","s":"\u003ca\u003e"}`, ""},
		{"", "null", "Shape: no variant is set"},
		{`{"kind":`, "null", "Shape: no variant is set"},
	} {
		w := &jsonWriter{}
		w.unknownVariant("Shape", tc.unknown)
		if string(w.buf) != tc.out || (w.err == nil) != (tc.err == "") || (w.err != nil && w.err.Error() != tc.err) {
			t.Errorf("unknownVariant(%q) = %s, %v; want %s, %q", tc.unknown, w.buf, w.err, tc.out, tc.err)
		}
	}
}

func TestValidatorNoVariant(t *testing.T) {
	var c validator
	root := (*path)(nil)
	item := root.at(2)
	c.noVariant(root, "Shape", "")
	c.noVariant(&item, "Shape", `{"kind":"tri"}`)
	want := "2 violations: no variant of Shape is set; [2]: is an object whose discriminator names none of the variants of Shape (kept as it was read)"
	if err := c.err(); err == nil || err.Error() != want {
		t.Errorf("err() = %v\nwant %s", err, want)
	}
}

func TestValidatorRawNotNull(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		null bool
	}{{`{"a":1}`, false}, {`"x"`, false}, {`0`, false}, {``, true}, {`null`, true}, {" null\n", true}} {
		var c validator
		c.rawNotNull(nil, []byte(tc.raw))
		if err := c.err(); (err != nil) != tc.null || (err != nil && err.Error() != "must be a value, not null") {
			t.Errorf("rawNotNull(%q) = %v", tc.raw, err)
		}
	}
}

// TestRetry: a union may try its variants on a value within a try of its
// own on another value, or within another union's try on the same value,
// but not within its own try on the same value, which would go round for
// ever.
func TestRetry(t *testing.T) {
	top := newJSONReader(`["a"]`, nil)
	u1 := top.retry("U1", `"a"`)
	if u1 == nil {
		t.Fatal("U1's first try was refused")
	}
	u2 := u1.retry("U2", `"a"`)
	if u2 == nil {
		t.Fatal("U2 within U1 on the same text was refused")
	}
	if again := u2.retry("U1", `"a"`); again != nil {
		t.Error("U1 within its own try on the same text was allowed")
	}
	if other := u2.retry("U1", `"b"`); other == nil {
		t.Error("U1 within its own try on other text was refused")
	}
	var s string
	if !decodeString(&s, u1) || u1.finish() != nil || s != "a" {
		t.Errorf("the retry's reader read %q, %v", s, u1.finish())
	}
}
