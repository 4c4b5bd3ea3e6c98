package templates

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/url"
	"slices"
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
