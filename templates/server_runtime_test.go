package templates

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// srvCore returns a server core whose log goes, as JSON lines, to the
// returned buffer.
func srvCore(opts ...ServerOption) (*serverCore, *bytes.Buffer) {
	var log bytes.Buffer
	l := slog.New(slog.NewJSONHandler(&log, nil))
	return newServerCore(append([]ServerOption{WithLogger(l)}, opts...)), &log
}

// srvLogLines decodes the JSON log lines in buf.
func srvLogLines(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	var lines []map[string]any
	for line := range strings.SplitSeq(strings.TrimSpace(buf.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		lines = append(lines, m)
	}
	return lines
}

// srvWant checks the status, headers and exact body of a recorded answer.
func srvWant(t *testing.T, rec *httptest.ResponseRecorder, status int, header map[string]string, body string) {
	t.Helper()
	if rec.Code != status {
		t.Errorf("status = %d, want %d", rec.Code, status)
	}
	for k, v := range header {
		if got := rec.Header().Get(k); got != v {
			t.Errorf("header %s = %q, want %q", k, got, v)
		}
	}
	if got := rec.Body.String(); got != body {
		t.Errorf("body = %q\nwant   %q", got, body)
	}
}

// jsonHeaders are the headers of a JSON answer with a body of n bytes.
func jsonHeaders(n int) map[string]string {
	return map[string]string{"Content-Type": "application/json", "Content-Length": fmt.Sprint(n)}
}

func funcPointer(f any) uintptr { return reflect.ValueOf(f).Pointer() }

func TestServerOptionsDefaults(t *testing.T) {
	s := newServerCore(nil)
	if s.opts.basePath != "" || s.opts.maxBodyBytes != 1<<20 || s.opts.logger != slog.Default() ||
		funcPointer(s.opts.writeError) != funcPointer(writeAuth0Error) {
		t.Fatalf("defaults = %+v", s.opts)
	}
	// nil options, a nil logger, a nil writer and a limit <= 0 keep the defaults
	s = newServerCore([]ServerOption{nil, WithLogger(nil), WithErrorWriter(nil), WithMaxBodyBytes(0), WithMaxBodyBytes(-1)})
	if s.opts.maxBodyBytes != 1<<20 || s.opts.logger != slog.Default() || funcPointer(s.opts.writeError) != funcPointer(writeAuth0Error) {
		t.Fatalf("nil or non-positive options changed the defaults: %+v", s.opts)
	}
	l := slog.New(slog.DiscardHandler)
	custom := func(w http.ResponseWriter, r *http.Request, e *Error) {}
	s = newServerCore([]ServerOption{WithBasePath("/api/v2"), WithMaxBodyBytes(10), WithLogger(l), WithErrorWriter(custom)})
	if s.opts.basePath != "/api/v2" || s.opts.maxBodyBytes != 10 || s.opts.logger != l || funcPointer(s.opts.writeError) != funcPointer(custom) {
		t.Fatalf("options not applied: %+v", s.opts)
	}
}

func TestWithBasePath(t *testing.T) {
	for in, want := range map[string]string{
		"":           "",
		"/":          "",
		"//":         "",
		"api":        "/api",
		"/api/v2":    "/api/v2",
		"api/v2/":    "/api/v2",
		"//api/v2//": "/api/v2",
	} {
		if got := newServerCore([]ServerOption{WithBasePath(in)}).opts.basePath; got != want {
			t.Errorf("WithBasePath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestErrorMessage(t *testing.T) {
	for _, tc := range []struct {
		e    *Error
		want string
	}{
		{NewError(404, "inexistent_client_grant", "The grant does not exist"), "404 Not Found: The grant does not exist (errorCode inexistent_client_grant)"},
		{NewError(400, "", "bad"), "400 Bad Request: bad"},
		{NewError(403, "", ""), "403 Forbidden"},
		{&Error{Status: 499}, "499"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
	e := NewError(409, "conflict", "exists")
	if e.Status != 409 || e.Code != "conflict" || e.Message != "exists" || e.Violations != nil || e.Header != nil {
		t.Fatalf("NewError = %+v", e)
	}
}

func TestFailError(t *testing.T) {
	s, log := srvCore()
	e := NewError(http.StatusNotFound, "inexistent_client_grant", "The grant does not exist")
	for _, err := range []error{e, fmt.Errorf("get grant: %w", e)} {
		rec := httptest.NewRecorder()
		s.fail(rec, httptest.NewRequest("GET", "/client-grants/x", nil), "get_client-grant", err)
		body := `{"statusCode":404,"error":"Not Found","message":"The grant does not exist","errorCode":"inexistent_client_grant"}` + "\n"
		srvWant(t, rec, 404, jsonHeaders(len(body)), body)
	}
	if log.Len() != 0 {
		t.Fatalf("a 4xx *Error was logged: %s", log)
	}
}

func TestFailErrorHeadersAndNoCode(t *testing.T) {
	s, _ := srvCore()
	e := NewError(http.StatusUnauthorized, "", "Missing authentication")
	e.Header = http.Header{"Www-Authenticate": {`Bearer realm="api"`}, "x-extra": {"a", "b"}}
	rec := httptest.NewRecorder()
	rec.Header().Set("X-Extra", "stale")
	s.fail(rec, httptest.NewRequest("GET", "/", nil), "op", e)
	body := `{"statusCode":401,"error":"Unauthorized","message":"Missing authentication"}` + "\n"
	srvWant(t, rec, 401, map[string]string{"WWW-Authenticate": `Bearer realm="api"`}, body)
	if got := rec.Header().Values("X-Extra"); !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("X-Extra = %q, want [a b] (replacing the stale value)", got)
	}
}

// An *Error without an error status is sent as 500, without changing the
// handler's value; a 5xx *Error is logged.
func TestFailErrorStatusFixedAndLogged(t *testing.T) {
	s, log := srvCore()
	e := &Error{Message: "oops"}
	rec := httptest.NewRecorder()
	s.fail(rec, httptest.NewRequest("POST", "/x", nil), "op", e)
	body := `{"statusCode":500,"error":"Internal Server Error","message":"oops"}` + "\n"
	srvWant(t, rec, 500, jsonHeaders(len(body)), body)
	if e.Status != 0 {
		t.Fatalf("fail changed the handler's *Error: %+v", e)
	}
	lines := srvLogLines(t, log)
	if len(lines) != 1 || lines[0]["level"] != "ERROR" || lines[0]["operation"] != "op" {
		t.Fatalf("log = %v, want one error line for op", lines)
	}

	log.Reset()
	rec = httptest.NewRecorder()
	s.fail(rec, httptest.NewRequest("GET", "/x", nil), "op", NewError(503, "", "down"))
	if rec.Code != 503 || len(srvLogLines(t, log)) != 1 {
		t.Fatalf("503: status %d, log %q", rec.Code, log)
	}
}

func TestFailValidationError(t *testing.T) {
	var got *Error
	s, log := srvCore(WithErrorWriter(func(w http.ResponseWriter, r *http.Request, e *Error) {
		got = e
		writeAuth0Error(w, r, e)
	}))
	violations := []Violation{{Path: "audience", Message: "is required"}, {Path: "scope[2]", Message: "length 0 is less than minLength 1"}}
	rec := httptest.NewRecorder()
	s.fail(rec, httptest.NewRequest("POST", "/client-grants", nil), "post_client-grants",
		fmt.Errorf("body: %w", &ValidationError{Violations: violations}))
	body := `{"statusCode":400,"error":"Bad Request","message":"2 violations: audience: is required; scope[2]: length 0 is less than minLength 1","errorCode":"invalid_request"}` + "\n"
	srvWant(t, rec, 400, jsonHeaders(len(body)), body)
	if got == nil || got.Status != 400 || got.Code != "invalid_request" || !reflect.DeepEqual(got.Violations, violations) {
		t.Fatalf("writer got %+v, want every violation kept", got)
	}
	if log.Len() != 0 {
		t.Fatalf("a 400 was logged: %s", log)
	}
}

func TestFailPlainError(t *testing.T) {
	s, log := srvCore()
	rec := httptest.NewRecorder()
	r := httptest.NewRequest("DELETE", "/client-grants/cgr_1?secret=s3cr3t", nil)
	s.fail(rec, r, "delete_client-grants_by_id", errors.New("database at 10.0.0.7 refused: password expired"))
	body := `{"statusCode":500,"error":"Internal Server Error","message":"Internal Server Error"}` + "\n"
	srvWant(t, rec, 500, jsonHeaders(len(body)), body)
	lines := srvLogLines(t, log)
	if len(lines) != 1 {
		t.Fatalf("log = %q, want one line", log)
	}
	want := map[string]any{
		"level": "ERROR", "msg": "request failed", "operation": "delete_client-grants_by_id",
		"method": "DELETE", "path": "/client-grants/cgr_1", "error": "database at 10.0.0.7 refused: password expired",
	}
	for k, v := range want {
		if lines[0][k] != v {
			t.Errorf("log %s = %v, want %v", k, lines[0][k], v)
		}
	}
	if strings.Contains(log.String(), "s3cr3t") {
		t.Errorf("the query string was logged: %s", log)
	}
}

func TestFailCustomWriter(t *testing.T) {
	s, _ := srvCore(WithErrorWriter(func(w http.ResponseWriter, r *http.Request, e *Error) {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(e.Status)
		fmt.Fprintf(w, "%d|%s|%s", e.Status, e.Code, e.Message)
	}))
	for _, tc := range []struct {
		err  error
		want string
	}{
		{NewError(409, "conflict", "exists"), "409|conflict|exists"},
		{errors.New("secret detail"), "500||Internal Server Error"},
		{&ValidationError{Violations: []Violation{{Path: "a", Message: "is required"}}}, "400|invalid_request|a: is required"},
	} {
		rec := httptest.NewRecorder()
		s.fail(rec, httptest.NewRequest("GET", "/", nil), "op", tc.err)
		if rec.Body.String() != tc.want || rec.Header().Get("Content-Type") != "text/plain" {
			t.Errorf("fail(%v) wrote %q (%s), want %q", tc.err, rec.Body, rec.Header().Get("Content-Type"), tc.want)
		}
	}
}

func TestWriteAuth0ErrorDefaults(t *testing.T) {
	for _, tc := range []struct {
		e    *Error
		body string
	}{
		{&Error{Status: 403}, `{"statusCode":403,"error":"Forbidden","message":"Forbidden"}`},
		{&Error{Status: 200, Message: "x"}, `{"statusCode":500,"error":"Internal Server Error","message":"x"}`},
		{&Error{Status: 499, Message: "x"}, `{"statusCode":499,"error":"Error","message":"x"}`},
		{&Error{Status: 400, Message: `<"quoted">`}, `{"statusCode":400,"error":"Bad Request","message":"\u003c\"quoted\"\u003e"}`},
	} {
		rec := httptest.NewRecorder()
		writeAuth0Error(rec, httptest.NewRequest("GET", "/", nil), tc.e)
		var status int
		fmt.Sscanf(tc.body, `{"statusCode":%d`, &status)
		srvWant(t, rec, status, jsonHeaders(len(tc.body)+1), tc.body+"\n")
	}
}

// srvHandler is a handler as generated code writes one.
func srvHandler(s *serverCore, body func(w http.ResponseWriter)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		defer s.recoverPanic(w, r, "get_thing")
		body(w)
	}
}

func TestRecoverPanic(t *testing.T) {
	s, log := srvCore()
	rec := httptest.NewRecorder()
	srvHandler(s, func(http.ResponseWriter) { panic("boom at 0xdeadbeef") })(rec, httptest.NewRequest("GET", "/things/1", nil))
	body := `{"statusCode":500,"error":"Internal Server Error","message":"Internal Server Error"}` + "\n"
	srvWant(t, rec, 500, jsonHeaders(len(body)), body)
	lines := srvLogLines(t, log)
	if len(lines) != 1 {
		t.Fatalf("log = %q, want one line", log)
	}
	l := lines[0]
	if l["level"] != "ERROR" || l["msg"] != "handler panicked" || l["operation"] != "get_thing" || l["method"] != "GET" ||
		l["path"] != "/things/1" || l["error"] != "boom at 0xdeadbeef" {
		t.Errorf("log line = %v", l)
	}
	if stack, _ := l["stack"].(string); !strings.Contains(stack, "TestRecoverPanic") {
		t.Errorf("log stack lacks the panicking test: %q", stack)
	}
}

func TestRecoverPanicNoPanic(t *testing.T) {
	s, log := srvCore()
	rec := httptest.NewRecorder()
	srvHandler(s, func(w http.ResponseWriter) { w.WriteHeader(http.StatusAccepted) })(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != http.StatusAccepted || rec.Body.Len() != 0 || log.Len() != 0 {
		t.Fatalf("without a panic: status %d, body %q, log %q", rec.Code, rec.Body, log)
	}
}

// http.ErrAbortHandler is net/http's way to abort a response; it must reach
// net/http unchanged.
func TestRecoverPanicAbortHandler(t *testing.T) {
	s, log := srvCore()
	rec := httptest.NewRecorder()
	var got any
	func() {
		defer func() { got = recover() }()
		srvHandler(s, func(http.ResponseWriter) { panic(http.ErrAbortHandler) })(rec, httptest.NewRequest("GET", "/", nil))
	}()
	if got != http.ErrAbortHandler || rec.Body.Len() != 0 || log.Len() != 0 {
		t.Fatalf("recovered %v, body %q, log %q; want ErrAbortHandler passed on, nothing written", got, rec.Body, log)
	}
}

func TestWriteJSON(t *testing.T) {
	s, log := srvCore()
	rec := httptest.NewRecorder()
	s.writeJSON(rec, httptest.NewRequest("POST", "/", nil), http.StatusCreated, map[string]any{"id": "cgr_1", "scope": []string{"a", "b"}})
	body := `{"id":"cgr_1","scope":["a","b"]}` + "\n"
	srvWant(t, rec, 201, jsonHeaders(len(body)), body)

	rec = httptest.NewRecorder()
	s.writeJSON(rec, httptest.NewRequest("DELETE", "/", nil), http.StatusNoContent, nil)
	srvWant(t, rec, 204, map[string]string{"Content-Type": "", "Content-Length": ""}, "")
	if log.Len() != 0 {
		t.Fatalf("log = %q", log)
	}
}

func TestWriteJSONEncodeError(t *testing.T) {
	s, log := srvCore()
	rec := httptest.NewRecorder()
	s.writeJSON(rec, httptest.NewRequest("GET", "/x", nil), http.StatusOK, map[string]any{"ok": 1, "bad": math.Inf(1)})
	body := `{"statusCode":500,"error":"Internal Server Error","message":"Internal Server Error"}` + "\n"
	srvWant(t, rec, 500, jsonHeaders(len(body)), body)
	lines := srvLogLines(t, log)
	if len(lines) != 1 || lines[0]["level"] != "ERROR" || !strings.Contains(fmt.Sprint(lines[0]["error"]), "unsupported value") || lines[0]["status"] != float64(200) {
		t.Fatalf("log = %v", lines)
	}
}

// errReader fails every read.
type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("connection reset") }

// chunked hides a body's length, as a chunked request does.
func chunked(r *http.Request) *http.Request {
	r.ContentLength = -1
	return r
}

func TestReadBody(t *testing.T) {
	jsonOrForm := []string{"application/json", "application/x-www-form-urlencoded"}
	const use = "; use application/json or application/x-www-form-urlencoded"
	twoMiB := strings.Repeat("x", 2<<20)
	for _, tc := range []struct {
		name        string
		contentType string
		body        string
		chunked     bool
		accepted    []string
		required    bool
		wantBody    string
		wantType    string
		wantStatus  int
		wantMessage string
	}{
		{name: "json", contentType: "application/json", body: `{}`, wantBody: `{}`, wantType: "application/json"},
		{name: "json with charset", contentType: "application/json; charset=utf-8", body: `{"a":1}`, wantBody: `{"a":1}`, wantType: "application/json"},
		{name: "case insensitive", contentType: "Application/JSON ; Charset=UTF-8", body: `{}`, wantBody: `{}`, wantType: "application/json"},
		{name: "form", contentType: "application/x-www-form-urlencoded", body: "a=1", wantBody: "a=1", wantType: "application/x-www-form-urlencoded"},
		{name: "declared in upper case", contentType: "application/json", body: "{}", accepted: []string{"Application/Json"}, wantBody: "{}", wantType: "Application/Json"},
		{name: "range", contentType: "image/png", body: "PNG", accepted: []string{"application/json", "image/*"}, wantBody: "PNG", wantType: "image/*"},
		{name: "any", contentType: "text/csv", body: "a,b", accepted: []string{"*/*"}, wantBody: "a,b", wantType: "*/*"},
		{name: "exact before range", contentType: "image/png", body: "PNG", accepted: []string{"image/*", "image/png"}, wantBody: "PNG", wantType: "image/png"},
		{name: "range needs the type", contentType: "imagery/png", body: "PNG", accepted: []string{"image/*"}, wantStatus: 415,
			wantMessage: `Content-Type "imagery/png" is not supported; use image/*`},
		{name: "missing content type", body: `{}`, wantStatus: 415, wantMessage: "Content-Type is missing" + use},
		{name: "missing content type, chunked", body: `{}`, chunked: true, wantStatus: 415, wantMessage: "Content-Type is missing" + use},
		{name: "other content type", contentType: "text/plain; charset=utf-8", body: `{}`, wantStatus: 415,
			wantMessage: `Content-Type "text/plain" is not supported` + use},
		{name: "malformed content type", contentType: "application/", body: `{}`, wantStatus: 415, wantMessage: `Content-Type "application/" is malformed` + use},
		{name: "no subtype", contentType: "json", body: `{}`, wantStatus: 415, wantMessage: `Content-Type "json" is not supported` + use},
		{name: "nothing accepted", contentType: "application/json", body: `{}`, accepted: []string{}, wantStatus: 415,
			wantMessage: `Content-Type "application/json" is not supported; the operation accepts no request body`},
		{name: "too large", contentType: "application/json", body: twoMiB, wantStatus: 413, wantMessage: "request body exceeds the limit of 1048576 bytes"},
		{name: "too large, chunked", contentType: "application/json", body: twoMiB, chunked: true, wantStatus: 413, wantMessage: "request body exceeds the limit of 1048576 bytes"},
		{name: "exactly the limit", contentType: "application/json", body: twoMiB[:1<<20], chunked: true, wantBody: twoMiB[:1<<20], wantType: "application/json"},
		{name: "required and empty", contentType: "application/json", required: true, wantStatus: 400, wantMessage: "request body is required"},
		{name: "required and absent", required: true, wantStatus: 400, wantMessage: "request body is required"},
		{name: "required, absent, chunked", required: true, chunked: true, wantStatus: 400, wantMessage: "request body is required"},
		{name: "optional and absent", wantBody: "", wantType: ""},
		{name: "optional and empty", contentType: "application/json", wantBody: "", wantType: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := srvCore()
			var body io.Reader
			if tc.body != "" {
				body = strings.NewReader(tc.body)
			}
			r := httptest.NewRequest("POST", "/client-grants", body)
			if tc.contentType != "" {
				r.Header.Set("Content-Type", tc.contentType)
			}
			if tc.chunked {
				chunked(r)
			}
			accepted := jsonOrForm
			if tc.accepted != nil {
				accepted = tc.accepted
			}
			got, mt, e := s.readBody(httptest.NewRecorder(), r, accepted, tc.required)
			if tc.wantStatus != 0 {
				if e == nil || e.Status != tc.wantStatus || e.Message != tc.wantMessage || e.Code != "" {
					t.Fatalf("error = %+v, want %d %q", e, tc.wantStatus, tc.wantMessage)
				}
				if got != nil || mt != "" {
					t.Fatalf("failure also returned %d bytes, type %q", len(got), mt)
				}
				return
			}
			if e != nil {
				t.Fatalf("unexpected error %+v", e)
			}
			if string(got) != tc.wantBody || mt != tc.wantType {
				t.Fatalf("got %d bytes %q, type %q; want %d bytes, type %q", len(got), got[:min(len(got), 20)], mt, len(tc.wantBody), tc.wantType)
			}
			if len(got) == 0 && got != nil {
				t.Fatalf("an empty body is returned as non-nil")
			}
		})
	}
}

func TestReadBodyLimitOption(t *testing.T) {
	s, _ := srvCore(WithMaxBodyBytes(4))
	r := httptest.NewRequest("POST", "/", strings.NewReader("12345"))
	r.Header.Set("Content-Type", "application/json")
	if _, _, e := s.readBody(httptest.NewRecorder(), r, []string{"application/json"}, true); e == nil || e.Status != 413 ||
		e.Message != "request body exceeds the limit of 4 bytes" {
		t.Fatalf("error = %+v, want 413", e)
	}
	r = httptest.NewRequest("POST", "/", strings.NewReader("1234"))
	r.Header.Set("Content-Type", "application/json")
	if got, _, e := s.readBody(httptest.NewRecorder(), r, []string{"application/json"}, true); e != nil || string(got) != "1234" {
		t.Fatalf("4 bytes under a 4-byte limit: %q, %+v", got, e)
	}
}

func TestReadBodyReadError(t *testing.T) {
	s, _ := srvCore()
	r := chunked(httptest.NewRequest("POST", "/", errReader{}))
	r.Header.Set("Content-Type", "application/json")
	_, _, e := s.readBody(httptest.NewRecorder(), r, []string{"application/json"}, true)
	if e == nil || e.Status != 400 || e.Message != "reading the request body: connection reset" {
		t.Fatalf("error = %+v", e)
	}
}

// Through a real server, the 413 is what the client sees and the
// connection is not reused for a body that was not read.
func TestReadBodyOverHTTP(t *testing.T) {
	s, _ := srvCore()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _, e := s.readBody(w, r, []string{"application/json"}, true)
		if e != nil {
			s.fail(w, r, "op", e)
			return
		}
		s.writeJSON(w, r, 200, map[string]int{"bytes": len(body)})
	}))
	defer srv.Close()
	for _, tc := range []struct {
		size   int
		status int
		body   string
	}{
		{2 << 20, 413, `{"statusCode":413,"error":"Request Entity Too Large","message":"request body exceeds the limit of 1048576 bytes"}` + "\n"},
		{10, 200, `{"bytes":10}` + "\n"},
	} {
		res, err := http.Post(srv.URL, "application/json; charset=utf-8", io.LimitReader(zeroReader{}, int64(tc.size))) // unknown length: chunked
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tc.status || string(got) != tc.body {
			t.Errorf("%d bytes: %d %q, want %d %q", tc.size, res.StatusCode, got, tc.status, tc.body)
		}
	}
}

// zeroReader reads endless zero bytes.
type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestBearerToken(t *testing.T) {
	for header, want := range map[string]string{
		"":                   "",
		"Bearer abc.def-1":   "abc.def-1",
		"bearer abc":         "abc",
		"BEARER abc":         "abc",
		"  Bearer   abc  ":   "abc",
		"Bearer":             "",
		"Bearer ":            "",
		"Bearerabc":          "",
		"Basic dXNlcjpwdw==": "",
		"Token abc":          "",
	} {
		r := httptest.NewRequest("GET", "/", nil)
		if header != "" {
			r.Header.Set("Authorization", header)
		}
		if got := bearerToken(r); got != want {
			t.Errorf("bearerToken(%q) = %q, want %q", header, got, want)
		}
	}
}

// srvParse runs one parameter conversion at path "take" and returns its
// result and messages.
func srvParse[T any](parse func(*validator, *path, string) T, text string) (T, []string) {
	var v validator
	p := (*path)(nil).field("take")
	got := parse(&v, &p, text)
	var msgs []string
	for _, x := range v.violations {
		msgs = append(msgs, x.Path+": "+x.Message)
	}
	return got, msgs
}

func TestParseInt(t *testing.T) {
	for text, want := range map[string]int64{"0": 0, "42": 42, "-7": -7, "9223372036854775807": math.MaxInt64} {
		if got, msgs := srvParse(parseInt, text); got != want || msgs != nil {
			t.Errorf("parseInt(%q) = %d, %q", text, got, msgs)
		}
	}
	for text, msg := range map[string]string{
		"abc":                  `take: must be an integer, not "abc"`,
		"":                     `take: must be an integer, not ""`,
		"1.5":                  `take: must be an integer, not "1.5"`,
		" 1":                   `take: must be an integer, not " 1"`,
		"0x10":                 `take: must be an integer, not "0x10"`,
		"9223372036854775808":  `take: must be an integer between -9223372036854775808 and 9223372036854775807, not "9223372036854775808"`,
		"-9223372036854775809": `take: must be an integer between -9223372036854775808 and 9223372036854775807, not "-9223372036854775809"`,
	} {
		if got, msgs := srvParse(parseInt, text); got != 0 || !slices.Equal(msgs, []string{msg}) {
			t.Errorf("parseInt(%q) = %d, %q; want 0, %q", text, got, msgs, msg)
		}
	}
}

func TestParseFloat(t *testing.T) {
	for text, want := range map[string]float64{"0": 0, "1.5": 1.5, "-2e3": -2000, "12": 12, "1E-2": 0.01} {
		if got, msgs := srvParse(parseFloat, text); got != want || msgs != nil {
			t.Errorf("parseFloat(%q) = %v, %q", text, got, msgs)
		}
	}
	for _, text := range []string{"abc", "", "NaN", "Inf", "-Infinity", "0x1p4", "1e400", "+1", ".5", "1_000", " 1"} {
		want := []string{`take: must be a number, not ` + fmt.Sprintf("%q", text)}
		if got, msgs := srvParse(parseFloat, text); got != 0 || !slices.Equal(msgs, want) {
			t.Errorf("parseFloat(%q) = %v, %q; want 0, %q", text, got, msgs, want)
		}
	}
}

func TestParseBool(t *testing.T) {
	for text, want := range map[string]bool{"true": true, "false": false} {
		if got, msgs := srvParse(parseBool, text); got != want || msgs != nil {
			t.Errorf("parseBool(%q) = %v, %q", text, got, msgs)
		}
	}
	for _, text := range []string{"yes", "True", "1", "0", "", "t"} {
		want := []string{`take: must be true or false, not ` + fmt.Sprintf("%q", text)}
		if got, msgs := srvParse(parseBool, text); got || !slices.Equal(msgs, want) {
			t.Errorf("parseBool(%q) = %v, %q; want false, %q", text, got, msgs, want)
		}
	}
}

// grantShape is a body shape with nested closed and open objects, arrays and
// a map.
var grantShape = &shape{
	object:   true,
	closed:   true,
	required: []string{"client_id", "audience"},
	fields: map[string]*shape{
		"client_id": nil,
		"audience":  nil,
		"scope":     {array: true},
		"a":         {object: true, closed: true, required: []string{"c"}, fields: map[string]*shape{"b": {object: true, closed: true, fields: map[string]*shape{"x": nil}}, "c": nil}},
		"rules":     {array: true, items: &shape{object: true, closed: true, required: []string{"id"}, fields: map[string]*shape{"id": nil}}},
		"matrix":    {array: true, items: &shape{array: true}},
		"meta":      {object: true, values: &shape{array: true}},
		"open":      {object: true, fields: map[string]*shape{"x": {object: true}}},
	},
}

// srvTree decodes JSON as request bodies are decoded for checkShape.
func srvTree(t *testing.T, data string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	return v
}

func TestCheckShape(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    *shape
		json string
		want []string
	}{
		{"valid", grantShape, `{"client_id":"c","audience":"a","scope":["x",1,{}],"a":{"b":{"x":[]},"c":null},"meta":{"k":[]},"open":{"anything":1}}`, nil},
		{"nil shape", nil, `[1,{"x":2}]`, nil},
		{"null passes kind checks", grantShape, `{"client_id":null,"audience":"a","scope":null,"a":null,"rules":[null]}`, nil},
		{"missing required", grantShape, `{}`, []string{"client_id: is required", "audience: is required"}},
		{"unknown keys, sorted, case-sensitive", grantShape, `{"zeta":1,"Audience":"a","client_id":"c","audience":"a","odd key":1,"beta":true}`,
			[]string{"Audience: unknown property", "beta: unknown property", `["odd key"]: unknown property`, "zeta: unknown property"}},
		{"nested", grantShape, `{"client_id":"c","audience":"a","a":{"b":{"x":1,"y":2},"d":3}}`,
			[]string{"a.c: is required", "a.b.y: unknown property", "a.d: unknown property"}},
		{"wrong kinds", grantShape, `{"client_id":"c","audience":"a","scope":"read","a":[],"rules":{},"meta":[],"open":"x"}`,
			[]string{"a: must be an object", "meta: must be an object", "open: must be an object", "rules: must be an array", "scope: must be an array"}},
		{"array items", grantShape, `{"client_id":"c","audience":"a","rules":[{"id":1},{},"x",{"id":2,"extra":3}],"matrix":[[],{},[1]]}`,
			[]string{"matrix[1]: must be an array", "rules[1].id: is required", "rules[2]: must be an object", "rules[3].extra: unknown property"}},
		{"map values", grantShape, `{"client_id":"c","audience":"a","meta":{"ok":[],"bad":5,"odd key":{}}}`,
			[]string{"meta.bad: must be an array", `meta["odd key"]: must be an array`}},
		{"open object keeps checking declared", grantShape, `{"client_id":"c","audience":"a","open":{"x":[],"y":[]}}`,
			[]string{"open.x: must be an object"}},
		{"root kind", grantShape, `[]`, []string{": must be an object"}},
		{"root array", &shape{array: true, items: &shape{object: true}}, `[{},{},"x"]`, []string{"[2]: must be an object"}},
		{"scope items", &shape{object: true, fields: map[string]*shape{"scope": {array: true, items: &shape{object: true}}}}, `{"scope":[{},{},"read"]}`,
			[]string{"scope[2]: must be an object"}},
		{"values with declared fields", &shape{object: true, fields: map[string]*shape{"n": {array: true}}, values: &shape{object: true}},
			`{"n":[],"m":{},"z":1}`, []string{"z: must be an object"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tree := srvTree(t, tc.json)
			for range 5 { // map order must not leak into the report
				var c validator
				checkShape(&c, nil, tree, tc.s)
				var got []string
				for _, v := range c.violations {
					got = append(got, v.Path+": "+v.Message)
				}
				if !slices.Equal(got, tc.want) {
					t.Fatalf("violations =\n%q\nwant\n%q", got, tc.want)
				}
			}
		})
	}
}

// checkShape reports below the path it is given.
func TestCheckShapeBelowPath(t *testing.T) {
	var c validator
	p := (*path)(nil).field("body")
	checkShape(&c, &p, srvTree(t, `{"x":1}`), &shape{object: true, closed: true})
	if want := []Violation{{Path: "body.x", Message: "unknown property"}}; !reflect.DeepEqual(c.violations, want) {
		t.Fatalf("violations = %v, want %v", c.violations, want)
	}
}

type srvInner struct {
	N Opt[int64] `json:"n"`
}

type srvBody struct {
	ClientID string     `json:"client_id"`
	Take     int64      `json:"take"`
	Scope    []string   `json:"scope"`
	Inner    srvInner   `json:"inner"`
	Big      Opt[int64] `json:"big"`
}

var srvBodyShape = &shape{
	object:   true,
	closed:   true,
	required: []string{"client_id"},
	fields:   map[string]*shape{"client_id": nil, "take": nil, "scope": {array: true}, "inner": {object: true}, "big": nil},
}

func TestDecodeStrictMalformed(t *testing.T) {
	for data, msg := range map[string]string{
		`{"client_id":}`:     `malformed JSON at offset 13: invalid character '}' looking for beginning of value`,
		`{"client_id":"c"`:   `malformed JSON at offset 16: unexpected end of input`,
		``:                   `malformed JSON at offset 0: unexpected end of input`,
		`   `:                `malformed JSON at offset 3: unexpected end of input`,
		`{} {}`:              `malformed JSON at offset 3: unexpected data after the top-level value`,
		`{"client_id":"c"}x`: `malformed JSON at offset 17: unexpected data after the top-level value`,
		"{}\n\t ]":           `malformed JSON at offset 5: unexpected data after the top-level value`,
		`[1,]`:               `malformed JSON at offset 3: invalid character ']' looking for beginning of value`,
	} {
		var c validator
		dst := srvBody{ClientID: "untouched"}
		e := decodeStrict(&c, []byte(data), srvBodyShape, &dst)
		if e == nil || e.Status != 400 || e.Code != "invalid_json" || e.Message != msg {
			t.Errorf("decodeStrict(%q) = %+v, want 400 invalid_json %q", data, e, msg)
		}
		if c.violations != nil || dst.ClientID != "untouched" {
			t.Errorf("decodeStrict(%q): violations %v, dst %+v; want neither touched", data, c.violations, dst)
		}
	}
}

func TestDecodeStrictShapeViolations(t *testing.T) {
	var c validator
	dst := srvBody{ClientID: "untouched"}
	if e := decodeStrict(&c, []byte(`{"take":1,"extra":true,"scope":"x"}`), srvBodyShape, &dst); e != nil {
		t.Fatalf("error %+v", e)
	}
	want := []Violation{{Path: "client_id", Message: "is required"}, {Path: "extra", Message: "unknown property"}, {Path: "scope", Message: "must be an array"}}
	if !reflect.DeepEqual(c.violations, want) {
		t.Fatalf("violations = %v, want %v", c.violations, want)
	}
	if dst.ClientID != "untouched" || dst.Take != 0 {
		t.Fatalf("dst decoded despite violations: %+v", dst)
	}
}

func TestDecodeStrictTypeMismatch(t *testing.T) {
	for data, msg := range map[string]string{
		`{"client_id":"c","take":"ten"}`:       "does not match the schema: take: want integer, got string",
		`{"client_id":"c","take":1.5}`:         "does not match the schema: take: want integer, got number 1.5",
		`{"client_id":5}`:                      "does not match the schema: client_id: want string, got number",
		`{"client_id":"c","inner":{"n":true}}`: "does not match the schema: inner.n: want integer, got boolean",
		`{"client_id":"c","scope":[1]}`:        "does not match the schema: scope: want string, got number",
	} {
		var c validator
		var dst srvBody
		if e := decodeStrict(&c, []byte(data), srvBodyShape, &dst); e != nil {
			t.Fatalf("%s: error %+v", data, e)
		}
		if want := []Violation{{Path: "", Message: msg}}; !reflect.DeepEqual(c.violations, want) {
			t.Errorf("%s: violations = %v, want %v", data, c.violations, want)
		}
	}
	var c validator
	var dst srvBody
	decodeStrict(&c, []byte(`[1]`), nil, &dst)
	if want := []Violation{{Path: "", Message: "does not match the schema: want object, got array"}}; !reflect.DeepEqual(c.violations, want) {
		t.Errorf("root mismatch: violations = %v, want %v", c.violations, want)
	}
}

func TestDecodeStrictSuccess(t *testing.T) {
	var c validator
	c.report(nil, "earlier parameter violation") // does not stop the body from being decoded
	var dst srvBody
	data := `  {"client_id":"c1","take":7,"scope":["a","b"],"inner":{"n":3},"big":9007199254740993}` + "\n"
	if e := decodeStrict(&c, []byte(data), srvBodyShape, &dst); e != nil {
		t.Fatalf("error %+v", e)
	}
	want := srvBody{ClientID: "c1", Take: 7, Scope: []string{"a", "b"}, Inner: srvInner{N: NewOpt[int64](3)}, Big: NewOpt[int64](9007199254740993)}
	if !reflect.DeepEqual(dst, want) {
		t.Fatalf("dst = %+v, want %+v", dst, want)
	}
	if len(c.violations) != 1 {
		t.Fatalf("violations = %v, want only the earlier one", c.violations)
	}
	// A nil dst only checks.
	var c2 validator
	if e := decodeStrict(&c2, []byte(`{"x":1}`), &shape{object: true, closed: true}, nil); e != nil || len(c2.violations) != 1 {
		t.Fatalf("nil dst: %+v, %v", e, c2.violations)
	}
}

// A generated server without a client, and a client without a server, get
// only part of the runtime files; each part must compile on its own.
func TestRuntimeSubsetsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library from source")
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", nil) // compiled export data from the build cache: fast
	for _, tc := range []struct {
		name string
		keep func(Source) bool
	}{
		{"server only", func(s Source) bool { return !s.Client }},
		{"client only", func(s Source) bool { return !s.Server }},
	} {
		var files []*ast.File
		var names []string
		for _, s := range Sources() {
			if !tc.keep(s) {
				continue
			}
			f, err := parser.ParseFile(fset, s.Name, append([]byte("package gen\n"), s.Body...), parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
			names = append(names, s.Name)
		}
		var errs []string
		conf := types.Config{Importer: imp, Error: func(err error) { errs = append(errs, err.Error()) }}
		_, _ = conf.Check("example.com/gen", fset, files, nil)
		if len(errs) > 0 {
			t.Errorf("%s (%s) does not compile:\n%s", tc.name, strings.Join(names, " "), strings.Join(errs, "\n"))
		}
	}
}

func TestSourcesServerFlag(t *testing.T) {
	for _, s := range Sources() {
		if s.Server != strings.HasPrefix(s.Name, "server_") {
			t.Errorf("%s: Server = %v", s.Name, s.Server)
		}
		if s.Server && s.Client {
			t.Errorf("%s is marked for both client and server", s.Name)
		}
	}
}
