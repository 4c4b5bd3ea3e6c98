package templates

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/url"
	"strconv"
)

// paramText renders a parameter value that is not a plain scalar (a union
// of strings, say) as the text of a path, query, header or cookie value: its
// JSON encoding, without quotes when that is a string.
func paramText(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	if s, err := strconv.Unquote(string(data)); err == nil && len(data) > 0 && data[0] == '"' {
		return s
	}
	return string(data)
}

// multipartBody encodes form fields as a multipart/form-data body, in key
// order, and returns it with its content type (which names the boundary).
func multipartBody(form url.Values) ([]byte, string) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, k := range sortedKeys(form) {
		for _, v := range form[k] {
			_ = w.WriteField(k, v) // writes to a bytes.Buffer cannot fail
		}
	}
	_ = w.Close()
	return buf.Bytes(), w.FormDataContentType()
}
