package templates

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"math"
	"mime"
	"net/http"
	"reflect"
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
// application/json). v is encoded in full before anything is sent, so an
// encode error is logged and answered with 500 instead of a truncated body.
// Statuses that carry no body (204, 304, 1xx) get only the status line.
func (s *serverCore) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	if !bodyAllowed(status) {
		w.WriteHeader(status)
		return
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		s.opts.logger.ErrorContext(r.Context(), "encoding the response", "method", r.Method, "path", r.URL.Path, "status", status, "error", err)
		s.opts.writeError(w, r, internalError())
		return
	}
	sendJSON(w, status, buf.Bytes())
}

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
// empty and not required. Failures are *Error: a missing or unsupported
// Content-Type is 415 (before the body is read) and names the accepted
// types; a body above the limit is 413; an empty body when required is 400.
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
// range ("type/*", "*/*"); "" when none does.
func matchMediaType(mt string, accepted []string) string {
	for _, a := range accepted {
		if strings.EqualFold(a, mt) {
			return a
		}
	}
	for _, a := range accepted {
		if a == "*/*" {
			return a
		}
		if prefix, ok := strings.CutSuffix(a, "/*"); ok && len(mt) > len(prefix) && strings.EqualFold(mt[:len(prefix)+1], prefix+"/") {
			return a
		}
	}
	return ""
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
func bearerToken(r *http.Request) string {
	scheme, token, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
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
	body, _ := json.Marshal(struct { // strings and an int cannot fail to encode
		StatusCode int    `json:"statusCode"`
		Error      string `json:"error"`
		Message    string `json:"message"`
		ErrorCode  string `json:"errorCode,omitempty"`
	}{status, name, msg, e.Code})
	sendJSON(w, status, append(body, '\n'))
}

// parseInt reads a parameter as a 64-bit integer, reporting a violation at p
// and returning 0 when text is not one.
func parseInt(c *validator, p *path, text string) int64 {
	n, err := strconv.ParseInt(text, 10, 64)
	switch {
	case errors.Is(err, strconv.ErrRange):
		c.report(p, "must be an integer between "+strconv.FormatInt(math.MinInt64, 10)+" and "+strconv.FormatInt(math.MaxInt64, 10)+", not "+strconv.Quote(text))
		return 0
	case err != nil:
		c.report(p, "must be an integer, not "+strconv.Quote(text))
		return 0
	}
	return n
}

// parseFloat reads a parameter as a finite number written as JSON writes
// numbers (no hex, infinities, NaN or leading plus), reporting a violation at p and returning 0
// when text is not one.
func parseFloat(c *validator, p *path, text string) float64 {
	x, err := strconv.ParseFloat(text, 64)
	if err != nil || !plainNumber([]byte(text)) {
		c.report(p, "must be a number, not "+strconv.Quote(text))
		return 0
	}
	return x
}

// parseBool reads a parameter as a boolean, which must be written true or
// false, reporting a violation at p and returning false otherwise.
func parseBool(c *validator, p *path, text string) bool {
	switch text {
	case "true":
		return true
	case "false":
		return false
	}
	c.report(p, "must be true or false, not "+strconv.Quote(text))
	return false
}

// shape describes, for strict checking of a request body, what its JSON must
// look like beyond what decoding into the Go type enforces: which objects are
// closed to undeclared keys, which keys are required, where objects and
// arrays belong. The generator emits one per body type; a nil *shape accepts
// anything.
type shape struct {
	object   bool              // the value must be a JSON object
	fields   map[string]*shape // declared properties (nil entry = anything)
	required []string
	closed   bool   // additionalProperties: false — undeclared keys are violations
	values   *shape // for maps / additionalProperties schemas: every other value
	array    bool   // the value must be a JSON array
	items    *shape
}

// checkShape walks v, decoded with json.Decoder.UseNumber into any, against
// s and reports with JSON paths: required keys that are missing (`is
// required`, in the order of s.required), keys s does not declare where it is
// closed (`unknown property`), and values of the wrong kind (`must be an
// object`, `must be an array`). Keys are walked in sorted order and match
// exactly (case-sensitive). A JSON null passes the kind checks: whether null
// is allowed is for decoding and Validate to say, as shape does not record it.
func checkShape(c *validator, p *path, v any, s *shape) {
	if s == nil || v == nil {
		return
	}
	switch {
	case s.object:
		m, ok := v.(map[string]any)
		if !ok {
			c.report(p, "must be an object")
			return
		}
		checkObject(c, p, m, s)
	case s.array:
		items, ok := v.([]any)
		if !ok {
			c.report(p, "must be an array")
			return
		}
		for i, item := range items {
			q := p.at(i)
			checkShape(c, &q, item, s.items)
		}
	}
}

// checkObject checks the keys of one object against s. Declared properties
// get field paths, like Validate reports; other keys get key paths, which
// quote a key that is not a plain name.
func checkObject(c *validator, p *path, m map[string]any, s *shape) {
	for _, k := range s.required {
		if _, ok := m[k]; !ok {
			q := p.field(k)
			c.required(&q)
		}
	}
	for _, k := range sortedKeys(m) {
		if fs, declared := s.fields[k]; declared {
			q := p.field(k)
			checkShape(c, &q, m[k], fs)
			continue
		}
		q := p.key(k)
		switch {
		case s.values != nil:
			checkShape(c, &q, m[k], s.values)
		case s.closed:
			c.report(&q, "unknown property")
		}
	}
}

// decodeStrict decodes a JSON request body. Malformed JSON, trailing data
// after the value included, is an *Error 400 with Code "invalid_json" whose
// message names the problem and its byte offset (counted from 0). Otherwise
// the tree is checked with checkShape into c and, when that found nothing,
// data is unmarshalled into dst (unless dst is nil); an error there becomes
// a violation at the root, "does not match the schema: …".
func decodeStrict(c *validator, data []byte, s *shape, dst any) *Error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return malformedJSON(data, err)
	}
	end := int(dec.InputOffset())
	for end < len(data) && isJSONSpace(data[end]) {
		end++
	}
	if end < len(data) {
		return NewError(http.StatusBadRequest, "invalid_json", "malformed JSON at offset "+strconv.Itoa(end)+": unexpected data after the top-level value")
	}
	before := len(c.violations)
	checkShape(c, nil, tree, s)
	if dst == nil {
		return nil
	}
	// Decode even when keys are unknown or missing, so that the value's own
	// checks list their violations too: the client hears of every problem
	// at once. A value of the wrong kind would only be reported twice.
	for _, v := range c.violations[before:] {
		if strings.HasPrefix(v.Message, "must be an ") {
			return nil
		}
	}
	if err := json.Unmarshal(data, dst); err != nil {
		c.report(nil, "does not match the schema: "+describeDecodeError(err))
	}
	return nil
}

// malformedJSON is the 400 answer to a body that is not JSON, with the
// offset of the offending byte.
func malformedJSON(data []byte, err error) *Error {
	msg := "malformed JSON"
	var se *json.SyntaxError
	if errors.As(err, &se) {
		msg += " at offset " + strconv.FormatInt(max(se.Offset-1, 0), 10) + ": " + se.Error()
	} else if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		msg += " at offset " + strconv.Itoa(len(data)) + ": unexpected end of input"
	} else {
		msg += ": " + err.Error()
	}
	return NewError(http.StatusBadRequest, "invalid_json", msg)
}

// describeDecodeError words an unmarshalling error for the client: a type
// mismatch as `a.b: want integer, got string`, in JSON Schema's type names
// rather than Go's; anything else without the "json: " prefix.
func describeDecodeError(err error) string {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return strings.TrimPrefix(err.Error(), "json: ")
	}
	got := te.Value // "string", "number 1.5", "bool", "array", "object"
	if got == "bool" {
		got = "boolean"
	}
	msg := "want " + schemaType(te.Type) + ", got " + got
	if te.Field != "" {
		msg = te.Field + ": " + msg
	}
	return msg
}

// schemaType names the JSON Schema type that a Go type decodes from.
func schemaType(t reflect.Type) string {
	if t == nil {
		return "a different value"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	case reflect.Pointer:
		return schemaType(t.Elem())
	}
	return t.String()
}
