package templates

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/url"
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

func TestMultipartBody(t *testing.T) {
	body, ct := multipartBody(url.Values{"b": {"2", "3"}, "a": {"1"}})
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
		got = append(got, part.FormName()+"="+string(data))
	}
	if want := "a=1 b=2 b=3"; strings.Join(got, " ") != want {
		t.Errorf("parts = %v, want %s", got, want)
	}
}
