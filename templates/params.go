package templates

import (
	"bytes"
	"mime/multipart"
	"net/url"
)

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
