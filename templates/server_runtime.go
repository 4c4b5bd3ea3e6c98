package templates

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
)

// ServerOption configures a server through the generated NewServer(impl, opts...).
type ServerOption func(*serverOptions)

// serverOptions holds what the options set; newServerCore fills in defaults.
type serverOptions struct {
	basePath     string                                                 // e.g. "/api/v2"; "" = none
	maxBodyBytes int64                                                  // default 1 MiB
	logger       *slog.Logger                                           // default slog.Default()
	writeError   func(w http.ResponseWriter, r *http.Request, e *Error) // default writeAuth0Error
	// security is the SecurityHandler the generated code asserts; nil
	// means the Handler's own methods, when it has them.
	security any
	// ignoreUnknownQuery lets query parameters the spec does not declare
	// through, unread, instead of answering 400.
	ignoreUnknownQuery bool
}

// defaultMaxBodyBytes bounds a request body when WithMaxBodyBytes is not given.
const defaultMaxBodyBytes = 1 << 20

// WithBasePath serves every operation below path, such as "/api/v2". The
// path is normalised to one leading slash and no trailing slash, so "api/v2/"
// works too; "" and "/" mean no base path.
func WithBasePath(path string) ServerOption {
	p := strings.Trim(path, "/")
	if p != "" {
		p = "/" + p
	}
	return func(o *serverOptions) { o.basePath = p }
}

// WithMaxBodyBytes bounds the size of a request body; a larger one is
// answered with 413. A limit of zero or less keeps the 1 MiB default, so that
// no option can lift the bound by accident.
func WithMaxBodyBytes(n int64) ServerOption {
	return func(o *serverOptions) {
		if n > 0 {
			o.maxBodyBytes = n
		}
	}
}

// WithLogger logs failures (internal errors, panics) to l instead of
// slog.Default(). A nil l keeps the default.
func WithLogger(l *slog.Logger) ServerOption {
	return func(o *serverOptions) {
		if l != nil {
			o.logger = l
		}
	}
}

// WithErrorWriter replaces the Auth0-shaped error body with f, which writes
// every error answer: those the handlers return and those the server builds
// for bad requests, panics and internal errors. A nil f keeps the default.
func WithErrorWriter(f func(w http.ResponseWriter, r *http.Request, e *Error)) ServerOption {
	return func(o *serverOptions) {
		if f != nil {
			o.writeError = f
		}
	}
}

// WithUnknownQueryIgnored lets through, unread, query parameters an
// operation does not declare, such as a cache-busting "_=1700000000" that a
// proxy or a browser adds. Without it such a request is answered 400
// ("bogus: unknown query parameter"), as Auth0's own API answers it, so
// that a misspelt parameter is not mistaken for an absent one. Pairs that
// do not decode (a bad %-escape, a semicolon) are refused either way.
func WithUnknownQueryIgnored() ServerOption {
	return func(o *serverOptions) { o.ignoreUnknownQuery = true }
}

// Error is an answer with an error status. Handler code returns one
// (possibly wrapped) to choose the status, code and message; the server also
// builds them for bad requests.
type Error struct {
	Status     int
	Code       string      // machine-readable, e.g. "inexistent_client_grant"; may be empty
	Message    string      // for the client to read
	Violations []Violation // for 400s from validation: every violation
	Header     http.Header // extra headers, e.g. WWW-Authenticate, Allow
}

// NewError returns an *Error with the status, code and message.
func NewError(status int, code, message string) *Error {
	return &Error{Status: status, Code: code, Message: message}
}

// Error describes the answer on one line, such as `404 Not Found: The grant
// does not exist (errorCode inexistent_client_grant)`.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(e.Status))
	if text := http.StatusText(e.Status); text != "" {
		b.WriteString(" " + text)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.Code != "" {
		b.WriteString(" (errorCode " + e.Code + ")")
	}
	return b.String()
}

// Operation tells a security handler which operation a request is for.
type Operation struct {
	ID, Method, Path string
	Scopes           []string // every scope the operation's security requirements name, deduplicated, sorted
}

// ErrInsufficientScope is returned (possibly wrapped) by a security handler
// when the credential is valid but lacks a required scope: the answer is 403
// instead of 401.
var ErrInsufficientScope = errors.New("insufficient scope")

// serverCore holds what every generated handler shares.
type serverCore struct{ opts serverOptions }

// newServerCore applies opts over the defaults; nil options are skipped.
func newServerCore(opts []ServerOption) *serverCore {
	s := &serverCore{opts: serverOptions{
		maxBodyBytes: defaultMaxBodyBytes,
		logger:       slog.Default(),
		writeError:   writeAuth0Error,
	}}
	for _, opt := range opts {
		if opt != nil {
			opt(&s.opts)
		}
	}
	return s
}

// internalError is the answer to any failure whose details must stay on the
// server: a plain error, a panic, a body that cannot be encoded.
func internalError() *Error {
	return NewError(http.StatusInternalServerError, "", "Internal Server Error")
}

// fail answers with err. An *Error (found with errors.As) is sent as it
// says, after logging it when its status is 5xx; a *ValidationError becomes
// a 400 that lists every violation; anything else is a 500 with a generic
// message, its details logged with the operation, method and path but never
// sent to the client, where they could leak internals.
func (s *serverCore) fail(w http.ResponseWriter, r *http.Request, operation string, err error) {
	var e *Error
	var ve *ValidationError
	switch {
	case errors.As(err, &e):
		if e.Status < 400 || e.Status > 599 {
			c := *e // an error answer needs an error status; keep the handler's value intact
			c.Status = http.StatusInternalServerError
			e = &c
		}
		if e.Status >= 500 {
			s.logFailure(r, operation, "request failed", err)
		}
	case errors.As(err, &ve):
		e = &Error{
			Status:     http.StatusBadRequest,
			Code:       "invalid_request",
			Message:    ve.Error(),
			Violations: ve.Violations,
		}
	default:
		s.logFailure(r, operation, "request failed", err)
		e = internalError()
	}
	s.opts.writeError(w, r, e)
}

// logFailure logs err at error level with what locates the request. The
// query string is left out, as it may carry credentials.
func (s *serverCore) logFailure(r *http.Request, operation, msg string, err any, attrs ...any) {
	args := append([]any{"operation", operation, "method", r.Method, "path", r.URL.Path, "error", err}, attrs...)
	s.opts.logger.ErrorContext(r.Context(), msg, args...)
}

// recoverPanic is deferred by each handler: a panic in user code is logged
// (with its stack) and answered with 500, so that one bad request neither
// kills the connection silently nor reveals the panic to the client.
// http.ErrAbortHandler is panicked again, as net/http expects.
func (s *serverCore) recoverPanic(w http.ResponseWriter, r *http.Request, operation string) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	s.logFailure(r, operation, "handler panicked", v, "stack", string(debug.Stack()))
	s.opts.writeError(w, r, internalError())
}

// writeJSON writes v as JSON with the status (Content-Type:
// application/json). v is encoded in full, into a pooled buffer, before
// anything is sent, so an encode error is logged and answered with 500
// instead of a truncated body. Statuses that carry no body (204, 304, 1xx)
// get only the status line.
func (s *serverCore) writeJSON(w http.ResponseWriter, r *http.Request, status int, v jsonEncodable) {
	if !bodyAllowed(status) {
		w.WriteHeader(status)
		return
	}
	jw := getWriter()
	defer putWriter(jw)
	jw.wire = true
	v.encodeJSON(jw)
	if jw.err != nil {
		s.opts.logger.ErrorContext(r.Context(), "encoding the response", "method", r.Method, "path", r.URL.Path, "status", status, "error", jw.err)
		s.opts.writeError(w, r, internalError())
		return
	}
	jw.buf = append(jw.buf, '\n')
	sendJSON(w, status, jw.buf)
}

// encodeFunc is an encoder for a body that is not a generated type.
type encodeFunc func(w *jsonWriter)

func (f encodeFunc) encodeJSON(w *jsonWriter) { f(w) }

// bodyAllowed reports whether an answer with status may have a body.
func bodyAllowed(status int) bool {
	return status >= 200 && status != http.StatusNoContent && status != http.StatusNotModified
}

// sendJSON writes an encoded JSON body with its status and length. A write
// error means the client has gone, and there is no one left to tell.
func sendJSON(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// readBody reads the request body for an operation that accepts the given
// media types, such as ["application/json",
// "application/x-www-form-urlencoded"]; an entry may be a range like
// "image/*" or "*/*". It returns the body and the entry of mediaTypes that
// the Content-Type matched (parameters like charset ignored, case
// insensitive, exact entries before ranges), or nil and "" when the body is
// empty and not required. An empty body under a URL-encoded form's
// Content-Type is a form, the encoding of an object with no fields, which
// decoding then checks as any other. Failures are *Error: a missing or
// unsupported Content-Type is 415 (before the body is read) and names the
// accepted types; a body above the limit is 413; an empty body when
// required is 400.
func (s *serverCore) readBody(w http.ResponseWriter, r *http.Request, mediaTypes []string, required bool) ([]byte, string, *Error) {
	ct := r.Header.Get("Content-Type")
	if ct == "" && r.ContentLength > 0 {
		return nil, "", unsupportedMediaType("Content-Type is missing", mediaTypes)
	}
	matched := ""
	if ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if mt == "" && err != nil {
			return nil, "", unsupportedMediaType("Content-Type "+strconv.Quote(ct)+" is malformed", mediaTypes)
		}
		if matched = matchMediaType(mt, mediaTypes); matched == "" {
			return nil, "", unsupportedMediaType("Content-Type "+strconv.Quote(mt)+" is not supported", mediaTypes)
		}
	}
	body, e := s.readAll(w, r)
	switch {
	case e != nil:
		return nil, "", e
	case len(body) == 0 && strings.EqualFold(mediaBase(matched), "application/x-www-form-urlencoded"):
		return []byte{}, matched, nil
	case len(body) == 0 && required:
		return nil, "", NewError(http.StatusBadRequest, "", "request body is required")
	case len(body) == 0:
		return nil, "", nil
	case matched == "":
		// The length was not announced (chunked), so the check above
		// could not tell that a body without a Content-Type was coming.
		return nil, "", unsupportedMediaType("Content-Type is missing", mediaTypes)
	}
	return body, matched, nil
}

// readAll reads the whole request body within maxBodyBytes. A body that
// announces a larger length is refused before any of it is read.
func (s *serverCore) readAll(w http.ResponseWriter, r *http.Request) ([]byte, *Error) {
	limit := s.opts.maxBodyBytes
	tooLarge := NewError(http.StatusRequestEntityTooLarge, "", "request body exceeds the limit of "+strconv.FormatInt(limit, 10)+" bytes")
	if r.ContentLength > limit {
		return nil, tooLarge
	}
	if r.Body == nil {
		return nil, nil
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, tooLarge
		}
		return nil, NewError(http.StatusBadRequest, "", "reading the request body: "+err.Error())
	}
	return body, nil
}

// matchMediaType returns the entry of accepted that media type mt (already
// lower case, without parameters) matches: an equal entry first, then a
// range ("type/*", "*/*", or "application/*+json", which ASP.NET services
// list and which takes application/json too); "" when none does.
func matchMediaType(mt string, accepted []string) string {
	for _, a := range accepted {
		if strings.EqualFold(mediaBase(a), mt) {
			return a
		}
	}
	typ, sub, _ := strings.Cut(mt, "/")
	for _, a := range accepted {
		rangeType, rangeSub, _ := strings.Cut(strings.ToLower(mediaBase(a)), "/")
		suffix, isRange := strings.CutPrefix(rangeSub, "*")
		if !isRange || rangeType != "*" && rangeType != typ {
			continue
		}
		// "*" takes any subtype; "*+json" one that ends in +json, or json.
		if len(sub) > len(suffix) && strings.HasSuffix(sub, suffix) || suffix != "" && sub == suffix[1:] {
			return a
		}
	}
	return ""
}

// mediaBase is an accepted media type without its parameters: the spec
// may list "application/json; odata=minimalmetadata", which a request's
// Content-Type matches by its type alone.
func mediaBase(a string) string {
	if i := strings.IndexByte(a, ';'); i >= 0 {
		return strings.TrimSpace(a[:i])
	}
	return a
}

// unsupportedMediaType is the 415 answer: what is wrong, then the media
// types the operation accepts.
func unsupportedMediaType(problem string, accepted []string) *Error {
	msg := problem + "; the operation accepts no request body"
	if len(accepted) > 0 {
		msg = problem + "; use " + strings.Join(accepted, " or ")
	}
	return NewError(http.StatusUnsupportedMediaType, "", msg)
}

// bearerToken returns the token of an "Authorization: Bearer <token>" header
// (scheme case-insensitive), or "" when the header is absent, empty or of
// another scheme.
func bearerToken(r *http.Request) string { return authCredentials(r, "Bearer") }

// clientCertificate returns the SHA-256 fingerprint, in hex, of the
// certificate the client presented over TLS (mutualTLS), or "" when it
// presented none: the server's tls.Config must ask for one (ClientAuth).
// Whether the TLS layer verified it depends on that config too, so the
// SecurityHandler should know the fingerprints it accepts.
func clientCertificate(r *http.Request) string {
	if r.TLS == nil || len(r.TLS.PeerCertificates) == 0 {
		return ""
	}
	sum := sha256.Sum256(r.TLS.PeerCertificates[0].Raw)
	return hex.EncodeToString(sum[:])
}

// authCredentials returns the credentials of an "Authorization: <scheme>
// <credentials>" header of the given HTTP authentication scheme, compared
// without case as RFC 9110 says, or "" when the header is absent, empty or
// of another scheme.
func authCredentials(r *http.Request, scheme string) string {
	given, credentials, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !strings.EqualFold(given, scheme) {
		return ""
	}
	return strings.TrimSpace(credentials)
}

// writeAuth0Error writes the default error answer, in the shape the Auth0
// Management API uses: {"statusCode":400,"error":"Bad Request",
// "message":"…","errorCode":"…"} (errorCode omitted when empty). e.Header is
// copied into the response headers first; a status outside 400–599 is sent
// as 500 and an empty message as the status text.
func writeAuth0Error(w http.ResponseWriter, r *http.Request, e *Error) {
	h := w.Header()
	for k, vs := range e.Header {
		h.Del(k)
		for _, v := range vs {
			h.Add(k, v)
		}
	}
	status := e.Status
	if status < 400 || status > 599 {
		status = http.StatusInternalServerError
	}
	name := http.StatusText(status)
	if name == "" {
		name = "Error"
	}
	msg := e.Message
	if msg == "" {
		msg = name
	}
	jw := getWriter()
	defer putWriter(jw)
	jw.buf = append(jw.buf, `{"statusCode":`...)
	jw.buf = strconv.AppendInt(jw.buf, int64(status), 10)
	jw.key(`"error":`)
	jw.string(name)
	jw.key(`"message":`)
	jw.string(msg)
	if e.Code != "" {
		jw.key(`"errorCode":`)
		jw.string(e.Code)
	}
	jw.buf = append(jw.buf, "}\n"...)
	sendJSON(w, status, jw.buf)
}

// parseJSONParam reads a parameter that travels as JSON text (an object,
// an array) into dst with a strict reader, as decodeStrict reads a body:
// what does not fit is reported to c where it stands, under p, and text
// that is not JSON at p.
func parseJSONParam(c *validator, p *path, text string, dst jsonDecodable) {
	d := newJSONReaderAt(text, c, p)
	before, refused := len(c.violations), len(c.rejected)
	dst.decodeJSON(d)
	if err := d.finish(); err != nil {
		// Not JSON: what the reader made of its start does not count.
		c.violations, c.rejected = c.violations[:before], c.rejected[:refused]
		c.report(p, "must be JSON of the parameter's type: "+err.Error())
	}
}

// decodeFunc decodes into the value it closes over, for an array or a map
// that has no decodeJSON of its own.
type decodeFunc func(d *jsonReader) bool

func (f decodeFunc) decodeJSON(d *jsonReader) bool { return f(d) }

// decodeStrict decodes a request body with decode and a strict reader, which
// reports to c what does not fit: values of the wrong type, undeclared
// properties of closed objects, missing required ones. Malformed JSON is an
// *Error instead: 400 invalid_json, naming the offset of the offending byte.
func decodeStrict(c *validator, data []byte, decode func(d *jsonReader)) *Error {
	d := newBodyReader(data, c)
	before := len(c.violations)
	decode(d)
	if err := d.finish(); err != nil {
		c.violations = c.violations[:before]
		e := err.(*DecodeError)
		return NewError(http.StatusBadRequest, "invalid_json", "malformed JSON at offset "+strconv.Itoa(e.Offset)+": "+e.Msg)
	}
	return nil
}
