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
	"strconv"
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
	s.writeJSON(rec, httptest.NewRequest("POST", "/", nil), http.StatusCreated, anyJSON(map[string]any{"id": "cgr_1", "scope": []string{"a", "b"}}))
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
	s.writeJSON(rec, httptest.NewRequest("GET", "/x", nil), http.StatusOK, anyJSON(map[string]any{"ok": 1, "bad": math.Inf(1)}))
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
		{name: "range declared in upper case", contentType: "image/png", body: "PNG", accepted: []string{"Image/*"}, wantBody: "PNG", wantType: "Image/*"},
		{name: "any needs a subtype", contentType: "json", body: "{}", accepted: []string{"*/*"}, wantStatus: 415, wantMessage: `Content-Type "json" is not supported; use */*`},
		{name: "json suffix range", contentType: "application/merge-patch+json", body: "{}", accepted: []string{"application/*+json"}, wantBody: "{}", wantType: "application/*+json"},
		{name: "json suffix range takes json", contentType: "application/json", body: "{}", accepted: []string{"application/*+json"}, wantBody: "{}", wantType: "application/*+json"},
		{name: "json suffix range needs the suffix", contentType: "application/xml", body: "<a/>", accepted: []string{"application/*+json"}, wantStatus: 415,
			wantMessage: `Content-Type "application/xml" is not supported; use application/*+json`},
		{name: "json suffix range needs the type", contentType: "text/x+json", body: "{}", accepted: []string{"application/*+json"}, wantStatus: 415,
			wantMessage: `Content-Type "text/x+json" is not supported; use application/*+json`},
		{name: "json suffix range needs a subtype before the suffix", contentType: "application/+json", body: "{}", accepted: []string{"application/*+json"}, wantStatus: 415,
			wantMessage: `Content-Type "application/+json" is not supported; use application/*+json`},
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
		// An empty form encodes an object with no fields: decoding checks
		// its required fields as for any other form.
		{name: "required and an empty form", contentType: "application/x-www-form-urlencoded; charset=utf-8", required: true, wantBody: "", wantType: "application/x-www-form-urlencoded"},
		{name: "optional and an empty form, chunked", contentType: "application/x-www-form-urlencoded", chunked: true, wantBody: "", wantType: "application/x-www-form-urlencoded"},
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
			if len(got) == 0 && got != nil && mt == "" {
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
		s.writeJSON(w, r, 200, anyJSON(map[string]int{"bytes": len(body)}))
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

// srvBody is a request body as the generator emits it for a closed object
// with a required property, optional ones of several kinds, an open nested
// object, an array of closed objects and a map.
type srvBody struct {
	ClientID string
	Take     Opt[int64]
	Small    Opt[int32]
	Scope    Opt[[]string]
	Inner    Opt[srvInner]
	Rules    Opt[[]srvRule]
	Meta     Opt[map[string][]string]
	Note     Nullable[string]
}

// srvInner is open: undeclared properties are skipped.
type srvInner struct {
	N Opt[int64]
}

// srvRule is closed, with a required id.
type srvRule struct {
	ID string
}

func (v *srvBody) decodeJSON(d *jsonReader) bool {
	if !d.beginObject() {
		return false
	}
	var seen uint64
	for d.nextKey() {
		switch d.key {
		case "client_id":
			seen |= 1 << 0
			decodeString(&v.ClientID, d)
		case "take":
			v.Take.found(decodeInt64(&v.Take.Value, d))
		case "small":
			v.Small.found(decodeInt32(&v.Small.Value, d))
		case "scope":
			v.Scope.found(decodeArray(&v.Scope.Value, d, decodeString))
		case "inner":
			v.Inner.found(v.Inner.Value.decodeJSON(d))
		case "rules":
			v.Rules.found(decodeArray(&v.Rules.Value, d, (*srvRule).decodeJSON))
		case "meta":
			v.Meta.found(decodeMap(&v.Meta.Value, d, func(v *[]string, d *jsonReader) bool {
				return decodeArray(v, d, decodeString)
			}))
		case "note":
			decodeNullable(&v.Note, d, decodeString)
		default:
			d.unknown(true)
		}
	}
	d.missing(seen, "client_id")
	return true
}

func (v *srvInner) decodeJSON(d *jsonReader) bool {
	if !d.beginObject() {
		return false
	}
	for d.nextKey() {
		switch d.key {
		case "n":
			v.N.found(decodeInt64(&v.N.Value, d))
		default:
			d.unknown(false)
		}
	}
	return true
}

func (v *srvRule) decodeJSON(d *jsonReader) bool {
	if !d.beginObject() {
		return false
	}
	var seen uint64
	for d.nextKey() {
		switch d.key {
		case "id":
			seen |= 1 << 0
			decodeString(&v.ID, d)
		default:
			d.unknown(true)
		}
	}
	d.missing(seen, "id")
	return true
}

// srvStrict decodes data into a srvBody as a generated server does, and
// returns the violations as "path: message" lines.
func srvStrict(c *validator, data string) (srvBody, []string, *Error) {
	var body srvBody
	e := decodeStrict(c, []byte(data), func(d *jsonReader) { body.decodeJSON(d) })
	var got []string
	for _, v := range c.violations {
		got = append(got, v.String())
	}
	return body, got, e
}

// TestParseJSONParam: a parameter of JSON text is read as strictly as a
// body, each violation where it stands under the parameter, and text that
// is not JSON is one violation at the parameter, whatever its start made
// the reader report.
func TestParseJSONParam(t *testing.T) {
	for text, want := range map[string]string{
		"[1,2]":     "",
		" [] ":      "",
		"1":         "ids: must be an array, not a number",
		"1,2":       "ids: must be JSON of the parameter's type: json: invalid character ',' after top-level value (offset 1)",
		"{}":        "ids: must be an array, not an object",
		`[1,"a"]`:   "ids[1]: must be an integer, not a string",
		"[1,2":      "ids: must be JSON of the parameter's type: json: unexpected end of JSON input (offset 4)",
		`["a"] [1]`: "ids: must be JSON of the parameter's type: json: invalid character '[' after top-level value (offset 6)",
	} {
		c := &validator{request: true}
		fp := (*path)(nil).field("ids")
		var v []int64
		parseJSONParam(c, &fp, text, decodeFunc(func(d *jsonReader) bool { return decodeArray(&v, d, decodeInt64) }))
		got := ""
		if err := c.err(); err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

func TestDecodeStrictSuccess(t *testing.T) {
	var c validator
	c.report(nil, "earlier parameter violation") // does not stop the body from being decoded
	data := "  {\"client_id\":\"c1\",\"take\":7,\"small\":-2147483648,\"scope\":[\"a\",\"b\"],\"inner\":{\"n\":9007199254740993,\"x\":[1]}," +
		"\"rules\":[{\"id\":\"r\"}],\"meta\":{\"k\":[\"v\"],\"odd key\":[]},\"note\":null}\n"
	got, msgs, e := srvStrict(&c, data)
	if e != nil {
		t.Fatalf("error %+v", e)
	}
	want := srvBody{
		ClientID: "c1", Take: NewOpt[int64](7), Small: NewOpt[int32](-2147483648), Scope: NewOpt([]string{"a", "b"}),
		Inner: NewOpt(srvInner{N: NewOpt[int64](9007199254740993)}), Rules: NewOpt([]srvRule{{ID: "r"}}),
		Meta: NewOpt(map[string][]string{"k": {"v"}, "odd key": {}}), Note: NewNull[string](),
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("decoded %+v\nwant %+v", got, want)
	}
	if !slices.Equal(msgs, []string{"earlier parameter violation"}) {
		t.Fatalf("violations = %q, want only the earlier one", msgs)
	}
}

// What does not fit is reported with its path, in document order, and
// decoding goes on, so that one answer lists every problem.
func TestDecodeStrictViolations(t *testing.T) {
	for _, tc := range []struct {
		name string
		json string
		want []string
	}{
		{"missing required", `{}`, []string{"client_id: is required"}},
		{"null where the schema does not allow it", `{"client_id":null,"take":null,"scope":null,"inner":null,"rules":[null],"note":null}`,
			[]string{"client_id: must not be null", "take: must not be null", "scope: must not be null", "inner: must not be null", "rules[0]: must not be null"}},
		{"unknown properties, exact keys", `{"zeta":1,"Client_id":"x","client_id":"c","odd key":{"x":[1,{}]},"":null}`,
			[]string{"zeta: unknown property", "Client_id: unknown property", `["odd key"]: unknown property`, `[""]: unknown property`}},
		{"open nested object", `{"client_id":"c","inner":{"n":1,"anything":[{"deep":true}]}}`, nil},
		{"closed array items", `{"client_id":"c","rules":[{"id":"a"},{},{"id":"b","extra":3},{"ID":"c"}]}`,
			[]string{"rules[1].id: is required", "rules[2].extra: unknown property", "rules[3].ID: unknown property", "rules[3].id: is required"}},
		{"wrong kinds in an array", `{"client_id":"c","scope":["a",1,"b",{},true,null,[]]}`,
			[]string{"scope[1]: must be a string, not a number", "scope[3]: must be a string, not an object",
				"scope[4]: must be a string, not a boolean", "scope[5]: must not be null", "scope[6]: must be a string, not an array"}},
		{"wrong kinds", `{"client_id":5,"take":"ten","small":3000000000,"scope":"read","inner":[],"rules":{},"meta":[],"note":false}`,
			[]string{"client_id: must be a string, not a number", "take: must be an integer, not a string",
				"small: must be a 32-bit integer, not 3000000000", "scope: must be an array, not a string",
				"inner: must be an object, not an array", "rules: must be an array, not an object",
				"meta: must be an object, not an array", "note: must be a string, not a boolean"}},
		{"numbers that do not fit", `{"client_id":"c","take":1.5,"small":-2147483649,"inner":{"n":1e2}}`,
			[]string{"take: must be an integer, not 1.5", "small: must be a 32-bit integer, not -2147483649", "inner.n: must be an integer, not 1e2"}},
		{"map values", `{"client_id":"c","meta":{"ok":[],"bad":5,"odd key":{},"k":["x",2]}}`,
			[]string{"meta.bad: must be an array, not a number", `meta["odd key"]: must be an array, not an object`, "meta.k[1]: must be a string, not a number"}},
		{"after a skipped value the path is right", `{"zeta":[[{"a":1}]],"rules":[{"q":{"r":[]}},{"id":7}],"client_id":"c","take":"x"}`,
			[]string{"zeta: unknown property", "rules[0].q: unknown property", "rules[0].id: is required",
				"rules[1].id: must be a string, not a number", "take: must be an integer, not a string"}},
		{"root array", `[{"client_id":"c"}]`, []string{"must be an object, not an array"}},
		{"root string", `"x"`, []string{"must be an object, not a string"}},
		{"root null", `null`, []string{"must not be null"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c validator
			_, got, e := srvStrict(&c, tc.json)
			if e != nil {
				t.Fatalf("error %+v", e)
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("violations =\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// Decoding goes on around what does not fit: the rest is decoded.
func TestDecodeStrictDecodesAroundViolations(t *testing.T) {
	var c validator
	got, msgs, e := srvStrict(&c, `{"take":"x","scope":["a",2,"c"],"extra":{},"note":"n","rules":[{"id":1},{"id":"r"}]}`)
	if e != nil || len(msgs) != 5 {
		t.Fatalf("%q, %+v", msgs, e)
	}
	want := srvBody{Scope: NewOpt([]string{"a", "", "c"}), Note: NewNullable("n"), Rules: NewOpt([]srvRule{{}, {ID: "r"}})}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("decoded %+v\nwant %+v", got, want)
	}
}

// Malformed JSON, trailing data included, is a 400 invalid_json naming the
// offset of the offending byte; the violations found before it are
// withdrawn (those from before the body are kept).
func TestDecodeStrictMalformed(t *testing.T) {
	deep := `{"client_id":"c","scope":` + strings.Repeat("[", maxJSONDepth+1)
	for _, tc := range []struct {
		data string
		msg  string
	}{
		{`{"client_id":}`, `malformed JSON at offset 13: invalid character '}' looking for beginning of value`},
		{`{"client_id":"c"`, `malformed JSON at offset 16: unexpected end of JSON input`},
		{``, `malformed JSON at offset 0: unexpected end of JSON input`},
		{`   `, `malformed JSON at offset 3: unexpected end of JSON input`},
		{`{} {}`, `malformed JSON at offset 3: invalid character '{' after top-level value`},
		{`{"client_id":"c"}x`, `malformed JSON at offset 17: invalid character 'x' after top-level value`},
		{"{}\n\t ]", `malformed JSON at offset 5: invalid character ']' after top-level value`},
		{`{"client_id":"c","inner":{"n":1}}}`, `malformed JSON at offset 33: invalid character '}' after top-level value`},
		{`[1,]`, `malformed JSON at offset 3: invalid character ']' looking for beginning of value`},
		{`{"scope":[1,]}`, `malformed JSON at offset 12: invalid character ']' looking for beginning of value`},
		{`{"zeta":1,"client_id":"c"`, `malformed JSON at offset 25: unexpected end of JSON input`},
		{`{"take":01}`, `malformed JSON at offset 9: invalid character '1' after object key:value pair`},
		{`{"take":-}`, `malformed JSON at offset 9: invalid character '}' in numeric literal`},
		{`{"scope":"a\x"}`, `malformed JSON at offset 12: invalid character 'x' in string escape code`},
		{`{"inner":{"n":tru}}`, `malformed JSON at offset 17: invalid character '}' in literal true (expecting 'e')`},
		{`{"client_id":'c'}`, `malformed JSON at offset 13: invalid character '\'' looking for beginning of value`},
		{`{"rules":[{"id":"a"},{"id":"b" "x":1}]}`, `malformed JSON at offset 31: invalid character '"' after object key:value pair`},
		{deep, `malformed JSON at offset ` + strconv.Itoa(len(deep)-2) + `: exceeded max depth`},
	} {
		var c validator
		c.report(nil, "earlier parameter violation")
		_, msgs, e := srvStrict(&c, tc.data)
		if e == nil || e.Status != 400 || e.Code != "invalid_json" || e.Message != tc.msg {
			t.Errorf("decodeStrict(%q) = %+v, want 400 invalid_json %q", tc.data, e, tc.msg)
		}
		if !slices.Equal(msgs, []string{"earlier parameter violation"}) {
			t.Errorf("decodeStrict(%q): violations %q; want only the earlier one", tc.data, msgs)
		}
	}
}

// The 400 reaches the client through fail, in the Auth0 shape.
func TestDecodeStrictAnswer(t *testing.T) {
	s, _ := srvCore()
	var c validator
	_, _, e := srvStrict(&c, `{"client_id":"<c>"`)
	rec := httptest.NewRecorder()
	s.fail(rec, httptest.NewRequest("POST", "/x", nil), "op", e)
	body := `{"statusCode":400,"error":"Bad Request","message":"malformed JSON at offset 18: unexpected end of JSON input","errorCode":"invalid_json"}` + "\n"
	srvWant(t, rec, 400, jsonHeaders(len(body)), body)
}

// A generated server without a client, a client without a server, and
// types alone get only part of the runtime files; each part must compile
// on its own.
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
		{"server only", func(s Source) bool { return s.Server || !s.Client }},
		{"client only", func(s Source) bool { return s.Client || !s.Server }},
		{"types only", func(s Source) bool { return !s.Client && !s.Server }},
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
	both := map[string]bool{"text.go": true} // parameter text: the client and the server each need it
	for _, s := range Sources() {
		if s.Server != (strings.HasPrefix(s.Name, "server_") || both[s.Name]) {
			t.Errorf("%s: Server = %v", s.Name, s.Server)
		}
		if s.Server && s.Client != both[s.Name] {
			t.Errorf("%s: Client = %v and Server = %v", s.Name, s.Client, s.Server)
		}
	}
}
