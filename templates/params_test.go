package templates

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

type textUnion struct{ s string }

func (u textUnion) MarshalJSON() ([]byte, error) { return json.Marshal(u.s) }

func TestParamText(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want string
	}{
		{textUnion{"10.0.0.1"}, "10.0.0.1"},
		{textUnion{`a "quoted" value`}, `a "quoted" value`},
		{map[string]int{"a": 1}, `{"a":1}`},
		{[]int{1, 2}, `[1,2]`},
		{1.5, "1.5"},
		{func() {}, ""},
	} {
		if got := paramText(tc.in); got != tc.want {
			t.Errorf("paramText(%#v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestMultipartBody: text fields and file parts, in key order; a file
// part carries its key as its file name and the media type it is given.
func TestSimpleObject(t *testing.T) {
	var c validator
	if got, ok := simpleObject(&c, nil, "X-Color", []string{"R,100,G,200"}, false); !ok || !reflect.DeepEqual(got, map[string]string{"R": "100", "G": "200"}) {
		t.Errorf("simpleObject of pairs = %v, %v", got, ok)
	}
	if got, ok := simpleObject(&c, nil, "X-Color", []string{"R=100,G=200,R=1"}, true); !ok || !reflect.DeepEqual(got, map[string]string{"R": "100", "G": "200"}) {
		t.Errorf("simpleObject of key=value items = %v, %v", got, ok)
	}
	before := len(c.violations)
	if _, ok := simpleObject(&c, nil, "X-Color", nil, false); ok || len(c.violations) != before {
		t.Errorf("simpleObject of no header: ok = %v, violations = %v", ok, c.violations[before:])
	}
	simpleObject(&c, nil, "X-Color", []string{"R=100,G"}, true)
	simpleObject(&c, nil, "X-Size", []string{"w,1,h"}, false)
	simpleObject(&c, nil, "X-Size", []string{"w,1,w,2,w,3"}, false)
	want := `4 violations: X-Color.R: must be given once, not 2 times; X-Color: must be key=value items separated by commas, not "G"; X-Size: must be keys and values in turn, separated by commas, not an odd count of items (3); X-Size.w: must be given once, not 3 times`
	if err := c.err(); err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

func TestObjectPath(t *testing.T) {
	fill := func(add func(key, value string)) {
		add("R", "1 0")
		add("a,b", "c/d")
	}
	if got, want := objectPath(false, fill), "R,1%200,a%2Cb,c%2Fd"; got != want {
		t.Errorf("objectPath = %q, want %q", got, want)
	}
	if got, want := objectPath(true, fill), "R=1%200,a%2Cb=c%2Fd"; got != want {
		t.Errorf("objectPath exploded = %q, want %q", got, want)
	}
}

func TestJoinTexts(t *testing.T) {
	got := joinTexts([]string{"a b", "c,d", "e"}, ",", url.PathEscape)
	if want := "a%20b,c%2Cd,e"; got != want {
		t.Errorf("joinTexts = %q, want %q", got, want)
	}
	got = joinTexts([]int{1, 2}, ";id=", strconv.Itoa)
	if want := "1;id=2"; got != want {
		t.Errorf("joinTexts = %q, want %q", got, want)
	}
	if got := joinTexts([]int{}, ",", func(int) string { return "x" }); got != "" {
		t.Errorf("joinTexts of no items = %q", got)
	}
}

func TestMultipartBody(t *testing.T) {
	form := url.Values{"b": {"2", "3"}, "a": {"1"}, "doc": {"\x00raw"}, `x"y`: {"z"}}
	body, ct := multipartBody(form, map[string]string{"doc": "text/csv", `x"y`: "application/octet-stream"})
	_, params, err := mime.ParseMediaType(ct)
	if err != nil || !strings.HasPrefix(ct, "multipart/form-data; boundary=") {
		t.Fatalf("content type %q: %v", ct, err)
	}
	r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var got []string
	for {
		part, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(part)
		got = append(got, fmt.Sprintf("%s=%q(file %q, %s)", part.FormName(), data, part.FileName(), part.Header.Get("Content-Type")))
	}
	want := []string{
		`a="1"(file "", )`,
		`b="2"(file "", )`,
		`b="3"(file "", )`,
		`doc="\x00raw"(file "doc", text/csv)`,
		`x"y="z"(file "x\"y", application/octet-stream)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("parts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCookieText: what a cookie value cannot hold is percent-encoded, and
// the server's cookieValues gives back the text the client meant, through
// net/http's own cookie writing and parsing (which drops such bytes when
// they are not encoded).
func TestCookieText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain-text_1.2", "plain-text_1.2"},
		{"", ""},
		{`{"name":"a b","n":1}`, `{%22name%22:%22a%20b%22%2C%22n%22:1}`},
		{"ä/é?&=#%", "%C3%A4/%C3%A9?&=#%25"},
		{"a;b\\c\x00\x7f", "a%3Bb%5Cc%00%7F"},
	} {
		got := cookieText(tc.in)
		if got != tc.want {
			t.Errorf("cookieText(%q) = %q, want %q", tc.in, got, tc.want)
		}
		r := httptest.NewRequest("GET", "/", nil)
		r.AddCookie(&http.Cookie{Name: "c", Value: got})
		values, ok := cookieValues(r, "c")
		if !ok || len(values) != 1 || values[0] != tc.in {
			t.Errorf("cookieValues after cookieText(%q) = %q, %v", tc.in, values, ok)
		}
	}
	// A value that is not percent-encoding, as a browser may set, is kept.
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Cookie", "c=100%")
	if values, _ := cookieValues(r, "c"); len(values) != 1 || values[0] != "100%" {
		t.Errorf("cookieValues(100%%) = %q", values)
	}
}

// TestUnformable: the violation names the field as the body's other
// violations name a top-level property: by its JSON name, as it is.
func TestUnformable(t *testing.T) {
	for _, tc := range []struct{ field, what, path, message string }{
		{"tags", "an empty array", "tags", "is an empty array, which a form cannot express"},
		{"odd key", "null", "odd key", "is null, which a form cannot express"},
	} {
		v := unformable(tc.field, tc.what)
		if v.Path != tc.path || v.Message != tc.message {
			t.Errorf("unformable(%q, %q) = %+v, want path %q, message %q", tc.field, tc.what, *v, tc.path, tc.message)
		}
	}
}

func TestConcreteMediaType(t *testing.T) {
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
	for _, tc := range []struct{ mediaType, data, want string }{
		{"text/csv", "a,b", "text/csv"},
		{"image/*", png, "image/png"},
		{"Image/*", png, "image/png"},
		{"*/*", png, "image/png"},
		{"*/*", "hello", "text/plain; charset=utf-8"},
		{"image/*", "hello", "image/*"}, // sniffed outside the range
		{"text/*", "hello", "text/plain; charset=utf-8"},
		{"application/octet-stream", png, "application/octet-stream"},
	} {
		if got := concreteMediaType(tc.mediaType, []byte(tc.data)); got != tc.want {
			t.Errorf("concreteMediaType(%q, %q) = %q, want %q", tc.mediaType, tc.data, got, tc.want)
		}
	}
}
