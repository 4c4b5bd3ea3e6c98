package main

// Bad input through the real server, with raw HTTP requests: the generated
// client validates before sending, so it could not send most of these.

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/oasgen/oasgen/generated/clientgrants"
)

// rawCase is one request and the answer it must get.
type rawCase struct {
	name        string
	method      string
	path        string // below /api/v2 unless it starts with "!" (then as is)
	query       string
	contentType string // "" = application/json when there is a body
	body        string
	token       string // "" = none; allToken is set by default through noToken=false
	noToken     bool

	status int
	inMsg  []string          // substrings the error message must hold
	msg    string            // the whole error message, when set
	header map[string]string // headers the answer must carry (value substring)
}

// seededID is the grant every raw test server holds.
const seededID = "cgr_Seeded0000000000"

func seededFake() *fake {
	f := newFake(testTokens())
	f.seed(grant{
		ID: clientgrants.NewOpt(seededID), ClientID: clientgrants.NewOpt("app_seed"),
		Audience: clientgrants.NewOpt("https://seed.example.com/"), AllowAnyOrganization: clientgrants.NewOpt(false),
		Scope: clientgrants.NewOpt([]string{"read:seed"}),
	})
	return f
}

// badInputCases is the table: also the seed corpus of FuzzServer.
func badInputCases() []rawCase {
	long := strings.Repeat("s", 281)
	return []rawCase{
		{name: "per_page 0", method: "GET", path: "/client-grants", query: "per_page=0", status: 400, inMsg: []string{"per_page", "minimum 1"}},
		{name: "per_page 101", method: "GET", path: "/client-grants", query: "per_page=101", status: 400, inMsg: []string{"per_page", "maximum 100"}},
		{name: "per_page abc", method: "GET", path: "/client-grants", query: "per_page=abc", status: 400, inMsg: []string{"per_page", "integer", "abc"}},
		{name: "per_page huge", method: "GET", path: "/client-grants", query: "per_page=99999999999999999999", status: 400, inMsg: []string{"per_page"}},
		{name: "page -1", method: "GET", path: "/client-grants", query: "page=-1&per_page=10", status: 400, inMsg: []string{"page", "minimum 0"}},
		{name: "take 0", method: "GET", path: "/client-grants", query: "take=0", status: 400, inMsg: []string{"take"}},
		{name: "take 101", method: "GET", path: "/client-grants", query: "take=101", status: 400, inMsg: []string{"take"}},
		{name: "include_totals yes", method: "GET", path: "/client-grants", query: "include_totals=yes", status: 400, inMsg: []string{"include_totals", "yes"}},
		{name: "subject_type bogus", method: "GET", path: "/client-grants", query: "subject_type=bogus", status: 400, inMsg: []string{"subject_type", "bogus"}},
		{name: "default_for bogus", method: "GET", path: "/client-grants", query: "default_for=all_clients", status: 400, inMsg: []string{"default_for"}},
		{name: "allow_any_organization false", method: "GET", path: "/client-grants", query: "allow_any_organization=false", status: 400, inMsg: []string{"allow_any_organization"}},
		{name: "every violation listed", method: "GET", path: "/client-grants", query: "per_page=0&take=0&subject_type=x", status: 400, inMsg: []string{"per_page", "take", "subject_type"}},
		{name: "per_page twice", method: "GET", path: "/client-grants", query: "per_page=1&per_page=2", status: 400, inMsg: []string{"per_page: must be given once, not 2 times"}},
		{name: "audience twice", method: "GET", path: "/client-grants", query: "audience=a&audience=b", status: 400, inMsg: []string{"audience: must be given once"}},
		// A parameter the operation does not declare, as Auth0 answers one
		// ("Additional properties not allowed"): a misspelling is not taken
		// for an absent parameter.
		{name: "unknown parameter", method: "GET", path: "/client-grants", query: "per_page=5&perpage=10", status: 400, msg: "perpage: unknown query parameter"},
		{name: "unknown parameter on get", method: "GET", path: "/client-grants/" + seededID, query: "fields=id", status: 400, msg: "fields: unknown query parameter"},
		{name: "unknown parameter on create", method: "POST", path: "/client-grants", query: "dry_run=1", body: `{"audience":"https://a/"}`, status: 400, msg: "dry_run: unknown query parameter"},
		{name: "bad escape", method: "GET", path: "/client-grants", query: "audience=%zz", status: 400, msg: `audience: is not a valid query parameter: invalid URL escape "%zz"`},
		{name: "semicolon", method: "GET", path: "/client-grants", query: "per_page=5;page=1", status: 400, inMsg: []string{"per_page: is not a valid query parameter: a semicolon"}},
		{name: "organizations per_page 0", method: "GET", path: "/client-grants/" + seededID + "/organizations", query: "per_page=0", status: 400, inMsg: []string{"per_page"}},
		{name: "organizations take abc", method: "GET", path: "/client-grants/" + seededID + "/organizations", query: "take=abc", status: 400, inMsg: []string{"take"}},

		{name: "unknown body field", method: "POST", path: "/client-grants", body: `{"audience":"https://a/","bogus":1}`, status: 400, inMsg: []string{"bogus", "unknown property"}},
		{name: "missing audience", method: "POST", path: "/client-grants", body: `{"client_id":"app"}`, status: 400, inMsg: []string{"audience", "required"}},
		{name: "empty audience", method: "POST", path: "/client-grants", body: `{"audience":""}`, status: 400, inMsg: []string{"audience"}},
		{name: "audience not a string", method: "POST", path: "/client-grants", body: `{"audience":5}`, status: 400, inMsg: []string{"audience"}},
		{name: "scope item of 281 chars", method: "POST", path: "/client-grants", body: `{"audience":"https://a/","scope":["` + long + `"]}`, status: 400, inMsg: []string{"scope[0]", "maxLength 280"}},
		{name: "scope not an array", method: "POST", path: "/client-grants", body: `{"audience":"https://a/","scope":"read"}`, status: 400, inMsg: []string{"scope", "array"}},
		{name: "organization_usage bogus", method: "POST", path: "/client-grants", body: `{"audience":"https://a/","organization_usage":"sometimes"}`, status: 400, inMsg: []string{"organization_usage"}},
		// A body of the wrong kind, or null, is reported once: the fields
		// it never had are not also reported missing.
		{name: "body not an object", method: "POST", path: "/client-grants", body: `[1,2]`, status: 400, msg: "must be an object, not an array"},
		{name: "malformed JSON", method: "POST", path: "/client-grants", body: `{"audience":`, status: 400, inMsg: []string{"malformed JSON"}},
		// A value of the wrong kind, or a null, is reported once: its zero
		// is not checked again (no "length 0 is less than minLength 1").
		{name: "wrong kinds reported once", method: "POST", path: "/client-grants", body: `{"audience":"a","scope":["x",7,null],"client_id":5}`, status: 400,
			inMsg: []string{"3 violations: ", "scope[1]: must be a string, not a number", "scope[2]: must not be null", "client_id: must be a string, not a number"}},
		{name: "null body", method: "POST", path: "/client-grants", body: `null`, status: 400, msg: "must not be null"},
		{name: "trailing data", method: "POST", path: "/client-grants", body: `{"audience":"a"} {}`, status: 400, inMsg: []string{"malformed JSON at offset 17", "after top-level value"}},
		{name: "form body missing audience", method: "POST", path: "/client-grants", contentType: "application/x-www-form-urlencoded", body: "client_id=app", status: 400, inMsg: []string{"audience"}},
		{name: "form body unknown key", method: "POST", path: "/client-grants", contentType: "application/x-www-form-urlencoded", body: "audience=a&nope=1", status: 400, inMsg: []string{"nope"}},
		{name: "wrong content type", method: "POST", path: "/client-grants", contentType: "text/plain", body: `{"audience":"a"}`, status: 415, inMsg: []string{"text/plain", "application/json"}},
		{name: "PATCH {}", method: "PATCH", path: "/client-grants/" + seededID, body: `{}`, status: 400, inMsg: []string{"minProperties"}},
		{name: "PATCH unknown field", method: "PATCH", path: "/client-grants/" + seededID, body: `{"audience":"https://b/"}`, status: 400, inMsg: []string{"audience", "unknown property"}},
		{name: "PATCH scope item empty", method: "PATCH", path: "/client-grants/" + seededID, body: `{"scope":[""]}`, status: 400, inMsg: []string{"scope[0]"}},
		{name: "PATCH malformed JSON", method: "PATCH", path: "/client-grants/" + seededID, body: `{"scope":[}`, status: 400, inMsg: []string{"malformed JSON"}},
		{name: "PATCH wrong content type", method: "PATCH", path: "/client-grants/" + seededID, contentType: "application/xml", body: `<x/>`, status: 415, inMsg: []string{"application/xml"}},

		{name: "wrong method", method: "PUT", path: "/client-grants", body: `{}`, status: 405, inMsg: []string{"PUT"}, header: map[string]string{"Allow": "GET, POST"}},
		{name: "wrong method on a grant", method: "POST", path: "/client-grants/" + seededID, status: 405, header: map[string]string{"Allow": "PATCH"}},
		{name: "unknown path", method: "GET", path: "/clients", status: 404, inMsg: []string{"/api/v2/clients"}},
		{name: "outside the base path", method: "GET", path: "!/client-grants", status: 404},
		{name: "unknown grant", method: "GET", path: "/client-grants/cgr_nope", status: 404, inMsg: []string{"The client grant does not exist."}},
		{name: "no token", method: "GET", path: "/client-grants", noToken: true, status: 401, header: map[string]string{"WWW-Authenticate": "Bearer"}},
		{name: "no token on create", method: "POST", path: "/client-grants", body: `{"audience":"a"}`, noToken: true, status: 401, header: map[string]string{"WWW-Authenticate": "Bearer"}},
		{name: "bad token", method: "GET", path: "/client-grants", token: unknownToken, status: 401, header: map[string]string{"WWW-Authenticate": "Bearer"}},
		{name: "wrong scope", method: "DELETE", path: "/client-grants/" + seededID, token: readToken, status: 403, inMsg: []string{"Insufficient scope; expected any of: delete:client_grants."}},
		{name: "wrong scope before validation", method: "GET", path: "/client-grants", query: "per_page=0", token: orgReadToken, status: 403, inMsg: []string{"read:client_grants"}},

		// Controls: good requests get through.
		{name: "form body create", method: "POST", path: "/client-grants", contentType: "application/x-www-form-urlencoded", body: "audience=https%3A%2F%2Fform%2F&client_id=app_form&scope=a&scope=b", status: 201},
		{name: "list", method: "GET", path: "/client-grants", query: "per_page=100&page=0&include_totals=true", status: 200},
		{name: "patch", method: "PATCH", path: "/client-grants/" + seededID, body: `{"scope":null}`, status: 200},
		{name: "delete", method: "DELETE", path: "/client-grants/" + seededID, status: 204},
	}
}

// request builds tc against base (the server's URL).
func (tc rawCase) request(base string) (*http.Request, error) {
	path := basePath + tc.path
	if strings.HasPrefix(tc.path, "!") {
		path = tc.path[1:]
	}
	url := base + path
	if tc.query != "" {
		url += "?" + tc.query
	}
	var body io.Reader
	if tc.body != "" {
		body = strings.NewReader(tc.body)
	}
	req, err := http.NewRequest(tc.method, url, body)
	if err != nil {
		return nil, err
	}
	if tc.body != "" {
		ct := tc.contentType
		if ct == "" {
			ct = "application/json"
		}
		req.Header.Set("Content-Type", ct)
	}
	switch {
	case tc.noToken:
	case tc.token != "":
		req.Header.Set("Authorization", "Bearer "+tc.token)
	default:
		req.Header.Set("Authorization", "Bearer "+allToken)
	}
	return req, nil
}

// errorBody is the Auth0 error shape.
type errorBody struct {
	StatusCode int    `json:"statusCode"`
	Error      string `json:"error"`
	Message    string `json:"message"`
	ErrorCode  string `json:"errorCode"`
}

// checkAnswer checks the status, the headers and, for errors, the JSON body.
func checkAnswer(t *testing.T, tc rawCase, status int, header http.Header, body []byte) {
	t.Helper()
	if status != tc.status {
		t.Errorf("status %d, want %d; body %s", status, tc.status, body)
		return
	}
	for k, v := range tc.header {
		if got := header.Get(k); !strings.Contains(got, v) {
			t.Errorf("header %s = %q, want it to contain %q", k, got, v)
		}
	}
	if status < 400 {
		return
	}
	if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q, want application/json", ct)
	}
	var e errorBody
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("error body is not JSON: %v: %s", err, body)
	}
	if e.StatusCode != status || e.Error != http.StatusText(status) || e.Message == "" {
		t.Errorf("error body %+v does not match status %d", e, status)
	}
	for _, s := range tc.inMsg {
		if !strings.Contains(e.Message, s) {
			t.Errorf("message %q does not contain %q", e.Message, s)
		}
	}
	if tc.msg != "" && e.Message != tc.msg {
		t.Errorf("message %q, want %q", e.Message, tc.msg)
	}
}

func TestBadInput(t *testing.T) {
	for _, tc := range badInputCases() {
		t.Run(tc.name, func(t *testing.T) {
			f := seededFake()
			srv := newHTTPServer(t, f)
			req, err := tc.request(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			checkAnswer(t, tc, resp.StatusCode, resp.Header, body)
			// A refused request changes nothing.
			if tc.status >= 400 && f.count() != 1 {
				t.Errorf("the store holds %d grants after a refused request, want 1", f.count())
			}
		})
	}
}

// TestUnknownQueryIgnored: with WithUnknownQueryIgnored, a parameter the
// operation does not declare is let through unread, while the declared
// ones are still checked and a pair that does not decode is still refused.
func TestUnknownQueryIgnored(t *testing.T) {
	h := clientgrants.NewServer(seededFake(),
		clientgrants.WithBasePath(basePath),
		clientgrants.WithLogger(slog.New(slog.DiscardHandler)),
		clientgrants.WithUnknownQueryIgnored())
	for _, tc := range []rawCase{
		{query: "_=1700000000&per_page=1", status: 200},
		{query: "_=1&per_page=0", status: 400, msg: "per_page: value 0 is less than minimum 1"},
		{query: "_=%zz", status: 400, msg: `_: is not a valid query parameter: invalid URL escape "%zz"`},
	} {
		req := httptest.NewRequest("GET", basePath+"/client-grants?"+tc.query, nil)
		req.Header.Set("Authorization", "Bearer "+allToken)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		tc.name = tc.query
		checkAnswer(t, tc, rec.Code, rec.Header(), rec.Body.Bytes())
	}
}

// TestBodyTooLarge sends 2 MiB to a server that takes 1 MiB. With Expect:
// 100-continue the server answers before the body is sent, so the client
// reliably reads the 413 instead of racing a connection reset.
func TestBodyTooLarge(t *testing.T) {
	f := seededFake()
	srv := newHTTPServer(t, f)
	for _, method := range []string{"POST", "PATCH"} {
		path := basePath + "/client-grants"
		if method == "PATCH" {
			path += "/" + seededID
		}
		big := bytes.Repeat([]byte(" "), 2<<20)
		copy(big, `{"audience":"a"}`)
		req, err := http.NewRequest(method, srv.URL+path, bytes.NewReader(big))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+allToken)
		req.Header.Set("Expect", "100-continue")
		tr := &http.Transport{ExpectContinueTimeout: 5 * time.Second}
		resp, err := (&http.Client{Transport: tr}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		tr.CloseIdleConnections()
		checkAnswer(t, rawCase{status: 413, inMsg: []string{"1048576"}}, resp.StatusCode, resp.Header, body)
	}
	// Chunked, so the size is found only while reading: still 413.
	rec := serveRecorded(newHandler(f), "POST", basePath+"/client-grants", "application/json", io.MultiReader(strings.NewReader(`{"audience":"a","scope":["`), strings.NewReader(strings.Repeat("s", 2<<20)), strings.NewReader(`"]}`)), -1)
	checkAnswer(t, rawCase{status: 413, inMsg: []string{"1048576"}}, rec.Code, rec.Header(), rec.Body.Bytes())
	if f.count() != 1 {
		t.Errorf("the store holds %d grants, want 1", f.count())
	}
}

// TestCreateWithoutBody: the spec does not mark the request bodies
// required, but an empty body still has to meet the schema: a create
// without one is a 400 naming audience, an update without one breaks
// minProperties. (The first generated server text let both through to the
// handler with a zero body.)
func TestCreateWithoutBody(t *testing.T) {
	f := seededFake()
	srv := newHTTPServer(t, f)
	for _, tc := range []rawCase{
		{method: "POST", path: "/client-grants", status: 400, inMsg: []string{"audience"}},
		{method: "PATCH", path: "/client-grants/" + seededID, status: 400, inMsg: []string{"minProperties"}},
	} {
		for _, ct := range []string{"application/json", ""} {
			req, err := tc.request(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			if ct != "" {
				req.Header.Set("Content-Type", ct)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			t.Logf("%s %s (Content-Type %q): %d %s", tc.method, tc.path, ct, resp.StatusCode, bytes.TrimSpace(body))
			checkAnswer(t, tc, resp.StatusCode, resp.Header, body)
		}
	}
	if f.count() != 1 {
		t.Errorf("the store holds %d grants, want 1", f.count())
	}
}
