package templates

import (
	"bytes"
	"mime/multipart"
	"net/textproto"
	"net/url"
	"strings"
)

// unformable is the violation of a field that a form body cannot carry;
// what is "null" or "an empty array", neither of which a form can spell.
func unformable(field, what string) *Violation {
	return &Violation{Path: field, Message: "is " + what + ", which a form cannot express"}
}

// multipartBody encodes form fields as a multipart/form-data body, in key
// order, and returns it with its content type (which names the boundary).
// The keys in files hold files' content: each of their values is sent as a
// file part of the media type files gives, with the key as its file name,
// which is what servers that take uploads look for; the other keys are
// sent as text fields.
func multipartBody(form url.Values, files map[string]string) ([]byte, string) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, k := range sortedKeys(form) {
		contentType, isFile := files[k]
		for _, v := range form[k] {
			// Writes to a bytes.Buffer cannot fail.
			if !isFile {
				_ = w.WriteField(k, v)
				continue
			}
			h := textproto.MIMEHeader{}
			h.Set("Content-Disposition", `form-data; name="`+quoteEscaper.Replace(k)+`"; filename="`+quoteEscaper.Replace(k)+`"`)
			h.Set("Content-Type", contentType)
			part, _ := w.CreatePart(h)
			_, _ = part.Write([]byte(v))
		}
	}
	_ = w.Close()
	return buf.Bytes(), w.FormDataContentType()
}

// quoteEscaper escapes a name for a quoted Content-Disposition parameter,
// as mime/multipart does for the names it writes.
var quoteEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// cookieText percent-encodes the text of a cookie parameter, as the form
// style that cookies default to encodes what it expands: each byte that a
// cookie value cannot hold (RFC 6265: controls, space, '"', ',', ';', '\'
// and everything beyond ASCII), and '%' itself. net/http would drop those
// bytes, so JSON text and non-ASCII text arrived cut. The generated
// server decodes it (cookieValues).
func cookieText(s string) string {
	return percentEncode(s, func(c byte) bool {
		return c > ' ' && c < 0x7f && c != '"' && c != ',' && c != ';' && c != '\\' && c != '%'
	})
}

// reservedText percent-encodes a query value of a parameter with
// allowReserved: RFC 3986's unreserved characters and the reserved ones a
// query allows stay as they are ($filter=name%20eq%20'a/b'). What would end
// or split a pair (&, =, +, #, ;), brackets and '%' itself are still
// escaped, so that a server reads back the value given, as it would from
// url.QueryEscape's text.
func reservedText(s string) string {
	return percentEncode(s, func(c byte) bool {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~:/?@!$'()*,", c) >= 0
	})
}

// percentEncode writes each byte of s that keep refuses as %XX.
func percentEncode(s string, keep func(c byte) bool) string {
	const hex = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if keep(c) {
			if b != nil {
				b = append(b, c)
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(s)+8), s[:i]...)
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	if b == nil {
		return s
	}
	return string(b)
}
