package clientgrants

// HTTP tests of the generated client: every operation runs against an
// httptest server on 127.0.0.1, which records exactly what it received
// (method, request URI, query, headers, body) and answers with canned JSON.
// Covered: the requests each operation sends and the values it decodes,
// validation before sending, API and transport errors, retries and
// cancellation, and the ListAll iterators in both paging modes.
//
// Helpers here carry an "ht" prefix so that they do not clash with the
// helpers of the other test files of the package.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// ---------------------------------------------------------------------------
// Helpers.

// htRequest is what the test server saw of one request.
type htRequest struct {
	Method     string
	RequestURI string // as on the request line: escaped path and raw query
	Path       string // r.URL.Path (unescaped)
	RawPath    string // r.URL.RawPath, set only when the path needed escaping
	RawQuery   string
	Header     http.Header
	Body       []byte
	At         time.Time
}

// htServer is an httptest server that records every request before
// handing it, with its 1-based hit number, to the test's handler.
type htServer struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []htRequest
}

// htStart starts a recording server; it is closed when the test ends.
func htStart(t *testing.T, handler func(w http.ResponseWriter, r *http.Request, hit int)) *htServer {
	t.Helper()
	s := &htServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			t.Errorf("server: reading the request body: %v", err)
		}
		s.mu.Lock()
		s.reqs = append(s.reqs, htRequest{
			Method:     r.Method,
			RequestURI: r.RequestURI,
			Path:       r.URL.Path,
			RawPath:    r.URL.RawPath,
			RawQuery:   r.URL.RawQuery,
			Header:     r.Header.Clone(),
			Body:       body,
			At:         time.Now(),
		})
		hit := len(s.reqs)
		s.mu.Unlock()
		handler(w, r, hit)
	}))
	t.Cleanup(s.Close)
	return s
}

// requests returns a copy of the requests recorded so far.
func (s *htServer) requests() []htRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.reqs)
}

// hits returns how many requests the server has received.
func (s *htServer) hits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.reqs)
}

// queries returns the raw query strings of the recorded requests.
func (s *htServer) queries() []string {
	var out []string
	for _, r := range s.requests() {
		out = append(out, r.RawQuery)
	}
	return out
}

// only returns the single request the server received.
func (s *htServer) only(t *testing.T) htRequest {
	t.Helper()
	reqs := s.requests()
	if len(reqs) != 1 {
		t.Fatalf("server received %d requests, want exactly 1", len(reqs))
	}
	return reqs[0]
}

// htFastRetry is the policy of most tests: three attempts, short waits.
var htFastRetry = RetryPolicy{MaxAttempts: 3, BaseDelay: time.Millisecond, MaxDelay: 10 * time.Millisecond}

// htClient returns a client for s with base path /api/v2, the token "TOKEN"
// and htFastRetry; opts come after those and may override them.
func htClient(t *testing.T, s *htServer, opts ...Option) *Client {
	t.Helper()
	all := append([]Option{WithToken("TOKEN"), WithRetryPolicy(htFastRetry)}, opts...)
	c, err := NewClient(s.URL+"/api/v2", all...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

// htReply writes a JSON answer.
func htReply(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// htNoHandler is the handler of servers that must not be reached.
func htNoHandler(t *testing.T) func(http.ResponseWriter, *http.Request, int) {
	return func(w http.ResponseWriter, r *http.Request, _ int) {
		t.Errorf("server reached: %s %s", r.Method, r.RequestURI)
		w.WriteHeader(http.StatusTeapot)
	}
}

// htCheckHeaders checks the headers every request carries, with the exact
// values: the bearer token, Accept, the default User-Agent, and
// Content-Type exactly when contentType is not empty.
func htCheckHeaders(t *testing.T, r htRequest, contentType string) {
	t.Helper()
	want := map[string][]string{
		"Authorization": {"Bearer TOKEN"},
		"Accept":        {"application/json"},
		"User-Agent":    {"oasgen-client"},
	}
	if contentType != "" {
		want["Content-Type"] = []string{contentType}
	}
	for k, v := range want {
		if got := r.Header.Values(k); !slices.Equal(got, v) {
			t.Errorf("header %s = %q, want %q", k, got, v)
		}
	}
	if contentType == "" {
		if got := r.Header.Values("Content-Type"); got != nil {
			t.Errorf("Content-Type = %q on a request without a body", got)
		}
		if len(r.Body) != 0 {
			t.Errorf("body = %q on a request without a body", r.Body)
		}
	}
}

// htCheckRequest checks method, request URI (escaped path and raw query),
// and body bytes of a recorded request.
func htCheckRequest(t *testing.T, r htRequest, method, requestURI, body string) {
	t.Helper()
	if r.Method != method {
		t.Errorf("method = %s, want %s", r.Method, method)
	}
	if r.RequestURI != requestURI {
		t.Errorf("request URI = %q, want %q", r.RequestURI, requestURI)
	}
	if string(r.Body) != body {
		t.Errorf("body\n got: %s\nwant: %s", r.Body, body)
	}
}

// htWantValidation checks that err is the operation's validation error,
// with exactly the given message and violations ("path: message").
func htWantValidation(t *testing.T, err error, wantMsg string, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("err = nil, want a validation error")
	}
	if err.Error() != wantMsg {
		t.Errorf("error\n got: %s\nwant: %s", err, wantMsg)
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %q (%T) does not wrap a *ValidationError", err, err)
	}
	var got []string
	for _, v := range ve.Violations {
		got = append(got, v.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("violations\n got: %q\nwant: %q", got, want)
	}
}

// htWantAPIError returns the *APIError that err wraps, failing when there is
// none or when its status differs.
func htWantAPIError(t *testing.T, err error, status int) *APIError {
	t.Helper()
	var ae *APIError
	if !errors.As(err, &ae) {
		t.Fatalf("error %v (%T) does not wrap an *APIError", err, err)
	}
	if ae.StatusCode != status {
		t.Errorf("StatusCode = %d, want %d", ae.StatusCode, status)
	}
	return ae
}

// htGrantJSON is a complete grant as the server sends it, and htGrant the
// value it decodes to.
const htGrantJSON = `{"id":"cgr_1","client_id":"app_1","audience":"https://api.example.com/",` +
	`"scope":["read:orders","write:orders"],"organization_usage":"allow","allow_any_organization":true,` +
	`"default_for":"third_party_clients","is_system":false,"subject_type":"client",` +
	`"authorization_details_types":["payment"],"allow_all_scopes":false}`

var htGrant = ClientGrantResponseContent{
	ID:                        NewOpt("cgr_1"),
	ClientID:                  NewOpt("app_1"),
	Audience:                  NewOpt("https://api.example.com/"),
	Scope:                     NewOpt([]string{"read:orders", "write:orders"}),
	OrganizationUsage:         NewOpt(ClientGrantOrganizationUsageEnumAllow),
	AllowAnyOrganization:      NewOpt(true),
	DefaultFor:                NewOpt(ClientGrantDefaultForEnumThirdPartyClients),
	IsSystem:                  NewOpt(false),
	SubjectType:               NewOpt(ClientGrantSubjectTypeEnumClient),
	AuthorizationDetailsTypes: NewOpt([]string{"payment"}),
	AllowAllScopes:            NewOpt(false),
}

func htCheckValue[T any](t *testing.T, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded value\n got: %+v\nwant: %+v", got, want)
	}
}

// ---------------------------------------------------------------------------
// Client construction.

func TestClientNewClientBaseURL(t *testing.T) {
	if got, want := ServerURL("acme.eu.auth0.com"), "https://acme.eu.auth0.com/api/v2"; got != want {
		t.Errorf("ServerURL = %q, want %q", got, want)
	}
	for _, tc := range []struct{ url, err string }{
		{"", `invalid base URL "": want an absolute http or https URL`},
		{"/api/v2", `invalid base URL "/api/v2": want an absolute http or https URL`},
		{"ftp://h/api/v2", `invalid base URL "ftp://h/api/v2": want an absolute http or https URL`},
		{"https://h/api/v2?x=1", `invalid base URL "https://h/api/v2?x=1": must not have a query or fragment`},
		{"https://h/api/v2#f", `invalid base URL "https://h/api/v2#f": must not have a query or fragment`},
		{"https://h/api/v2", ""},
		{DefaultServerURL, `invalid base URL "https://{TENANT}.auth0.com/api/v2": invalid character "{" in host name`},
	} {
		_, err := NewClient(tc.url)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.err {
			t.Errorf("NewClient(%q) error = %q, want %q", tc.url, got, tc.err)
		}
	}

	// A trailing slash on the base URL does not double the slash.
	s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 200, `{}`) })
	c, err := NewClient(s.URL+"/api/v2/", WithToken("TOKEN"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ClientGrants.Get(context.Background(), "cgr_1"); err != nil {
		t.Fatal(err)
	}
	if got := s.only(t).RequestURI; got != "/api/v2/client-grants/cgr_1" {
		t.Errorf("request URI = %q, want /api/v2/client-grants/cgr_1", got)
	}
}

// ---------------------------------------------------------------------------
// The six operations: the exact request and the decoded answer.

func TestClientListRequest(t *testing.T) {
	ctx := context.Background()
	t.Run("no parameters", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 200, `[]`) })
		if _, err := htClient(t, s).ClientGrants.List(ctx, ListClientGrantsRequestParameters{}); err != nil {
			t.Fatal(err)
		}
		r := s.only(t)
		htCheckRequest(t, r, "GET", "/api/v2/client-grants", "")
		if r.RawQuery != "" {
			t.Errorf("raw query = %q, want none", r.RawQuery)
		}
		htCheckHeaders(t, r, "")
	})
	t.Run("every parameter", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 200, `[]`) })
		_, err := htClient(t, s).ClientGrants.List(ctx, ListClientGrantsRequestParameters{
			PerPage:              NewOpt[int64](5),
			Page:                 NewOpt[int64](0), // set but zero: sent
			IncludeTotals:        NewOpt(false),    // set but false: sent
			From:                 NewOpt("cur sor/1"),
			Take:                 NewOpt[int64](7),
			Audience:             NewOpt("https://api.example.com/"),
			ClientID:             NewOpt("app&1"),
			AllowAnyOrganization: NewOpt(ClientGrantAllowAnyOrganizationEnumTrue),
			SubjectType:          NewOpt(ClientGrantSubjectTypeEnumUser),
			DefaultFor:           NewOpt(ClientGrantDefaultForEnumThirdPartyClients),
		})
		if err != nil {
			t.Fatal(err)
		}
		r := s.only(t)
		// url.Values.Encode sends the parameters sorted by name, each once,
		// query-escaped.
		const query = "allow_any_organization=true&audience=https%3A%2F%2Fapi.example.com%2F&client_id=app%261" +
			"&default_for=third_party_clients&from=cur+sor%2F1&include_totals=false&page=0&per_page=5" +
			"&subject_type=user&take=7"
		htCheckRequest(t, r, "GET", "/api/v2/client-grants?"+query, "")
		if r.RawQuery != query {
			t.Errorf("raw query\n got: %s\nwant: %s", r.RawQuery, query)
		}
		htCheckHeaders(t, r, "")
	})
	t.Run("some parameters", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 200, `[]`) })
		_, err := htClient(t, s).ClientGrants.List(ctx, ListClientGrantsRequestParameters{
			ClientID: NewOpt("app_1"),
			PerPage:  NewOpt[int64](100),
		})
		if err != nil {
			t.Fatal(err)
		}
		htCheckRequest(t, s.only(t), "GET", "/api/v2/client-grants?client_id=app_1&per_page=100", "")
	})
}

func TestClientListResponseShapes(t *testing.T) {
	ctx := context.Background()
	t.Run("array", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) {
			htReply(w, 200, `[`+htGrantJSON+`,{"id":"cgr_2"}]`)
		})
		got, err := htClient(t, s).ClientGrants.List(ctx, ListClientGrantsRequestParameters{})
		if err != nil {
			t.Fatal(err)
		}
		arr, ok := got.Array()
		if !ok {
			t.Fatalf("Array() ok = false")
		}
		htCheckValue(t, arr, []ClientGrantResponseContent{htGrant, {ID: NewOpt("cgr_2")}})
		if _, ok := got.OffsetPaginated(); ok {
			t.Errorf("OffsetPaginated() ok = true for an array")
		}
		if _, ok := got.Paginated(); ok {
			t.Errorf("Paginated() ok = true for an array")
		}
	})
	t.Run("offset paginated", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) {
			htReply(w, 200, `{"start":50,"limit":50,"total":51,"client_grants":[`+htGrantJSON+`]}`)
		})
		got, err := htClient(t, s).ClientGrants.List(ctx, ListClientGrantsRequestParameters{
			Page: NewOpt[int64](1), PerPage: NewOpt[int64](50), IncludeTotals: NewOpt(true),
		})
		if err != nil {
			t.Fatal(err)
		}
		htCheckRequest(t, s.only(t), "GET", "/api/v2/client-grants?include_totals=true&page=1&per_page=50", "")
		v, ok := got.OffsetPaginated()
		if !ok {
			t.Fatalf("OffsetPaginated() ok = false")
		}
		htCheckValue(t, v, ListClientGrantOffsetPaginatedResponseContent{
			Start: NewOpt[float64](50), Limit: NewOpt[float64](50), Total: NewOpt[float64](51),
			ClientGrants: NewOpt([]ClientGrantResponseContent{htGrant}),
		})
		if _, ok := got.Array(); ok {
			t.Errorf("Array() ok = true for an offset page")
		}
		if _, ok := got.Paginated(); ok {
			t.Errorf("Paginated() ok = true for an offset page")
		}
	})
	t.Run("checkpoint paginated", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) {
			htReply(w, 200, `{"client_grants":[`+htGrantJSON+`],"next":"cur_2"}`)
		})
		got, err := htClient(t, s).ClientGrants.List(ctx, ListClientGrantsRequestParameters{Take: NewOpt[int64](1)})
		if err != nil {
			t.Fatal(err)
		}
		htCheckRequest(t, s.only(t), "GET", "/api/v2/client-grants?take=1", "")
		v, ok := got.Paginated()
		if !ok {
			t.Fatalf("Paginated() ok = false")
		}
		htCheckValue(t, v, ListClientGrantPaginatedResponseContent{
			Next: NewOpt("cur_2"), ClientGrants: NewOpt([]ClientGrantResponseContent{htGrant}),
		})
		if _, ok := got.Array(); ok {
			t.Errorf("Array() ok = true for a checkpoint page")
		}
		if _, ok := got.OffsetPaginated(); ok {
			t.Errorf("OffsetPaginated() ok = true for a checkpoint page")
		}
	})
	t.Run("last checkpoint page without next", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) {
			htReply(w, 200, `{"client_grants":[{"id":"cgr_9"}]}`)
		})
		got, err := htClient(t, s).ClientGrants.List(ctx, ListClientGrantsRequestParameters{Take: NewOpt[int64](1)})
		if err != nil {
			t.Fatal(err)
		}
		v, ok := got.Paginated()
		if !ok {
			t.Fatalf("Paginated() ok = false for {client_grants} (the tighter variant should win)")
		}
		htCheckValue(t, v, ListClientGrantPaginatedResponseContent{
			ClientGrants: NewOpt([]ClientGrantResponseContent{{ID: NewOpt("cgr_9")}}),
		})
	})
}

func TestClientCreateRequest(t *testing.T) {
	ctx := context.Background()
	body := CreateClientGrantRequestContent{
		ClientID:             NewOpt("app_1"),
		Audience:             "https://api.example.com/",
		OrganizationUsage:    NewOpt(ClientGrantOrganizationUsageEnumAllow),
		AllowAnyOrganization: NewOpt(false), // set but false: sent
		Scope:                NewOpt([]string{"read:orders", "write:orders"}),
		SubjectType:          NewOpt(ClientGrantSubjectTypeEnumClient),
	}
	t.Run("json", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 201, htGrantJSON) })
		got, err := htClient(t, s).ClientGrants.Create(ctx, body)
		if err != nil {
			t.Fatal(err)
		}
		r := s.only(t)
		htCheckRequest(t, r, "POST", "/api/v2/client-grants",
			`{"client_id":"app_1","audience":"https://api.example.com/","organization_usage":"allow",`+
				`"allow_any_organization":false,"scope":["read:orders","write:orders"],"subject_type":"client"}`)
		htCheckHeaders(t, r, "application/json")
		if got, want := r.Header.Get("Content-Length"), strconv.Itoa(len(r.Body)); got != want {
			t.Errorf("Content-Length = %q, want %q", got, want)
		}
		htCheckValue(t, got, CreateClientGrantResponseContent(htGrant))
	})
	t.Run("json minimal", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 201, `{"id":"cgr_2"}`) })
		got, err := htClient(t, s).ClientGrants.Create(ctx, CreateClientGrantRequestContent{Audience: "aud"})
		if err != nil {
			t.Fatal(err)
		}
		htCheckRequest(t, s.only(t), "POST", "/api/v2/client-grants", `{"audience":"aud"}`)
		htCheckValue(t, got, CreateClientGrantResponseContent{ID: NewOpt("cgr_2")})
	})
	t.Run("form", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 201, htGrantJSON) })
		got, err := htClient(t, s, WithFormBodies()).ClientGrants.Create(ctx, body)
		if err != nil {
			t.Fatal(err)
		}
		r := s.only(t)
		htCheckRequest(t, r, "POST", "/api/v2/client-grants",
			"allow_any_organization=false&audience=https%3A%2F%2Fapi.example.com%2F&client_id=app_1"+
				"&organization_usage=allow&scope=read%3Aorders&scope=write%3Aorders&subject_type=client")
		htCheckHeaders(t, r, "application/x-www-form-urlencoded")
		htCheckValue(t, got, CreateClientGrantResponseContent(htGrant))
	})
}

func TestClientGetRequest(t *testing.T) {
	ctx := context.Background()
	s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 200, htGrantJSON) })
	got, err := htClient(t, s).ClientGrants.Get(ctx, "cgr_1")
	if err != nil {
		t.Fatal(err)
	}
	r := s.only(t)
	htCheckRequest(t, r, "GET", "/api/v2/client-grants/cgr_1", "")
	htCheckHeaders(t, r, "")
	htCheckValue(t, got, GetClientGrantResponseContent(htGrant))
}

func TestClientGetEscapesPath(t *testing.T) {
	s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 200, `{"id":"a/b c"}`) })
	got, err := htClient(t, s).ClientGrants.Get(context.Background(), "a/b c")
	if err != nil {
		t.Fatal(err)
	}
	r := s.only(t)
	// The slash stays inside the one path segment.
	if r.RequestURI != "/api/v2/client-grants/a%2Fb%20c" {
		t.Errorf("request URI = %q, want /api/v2/client-grants/a%%2Fb%%20c", r.RequestURI)
	}
	if r.RawPath != "/api/v2/client-grants/a%2Fb%20c" {
		t.Errorf("RawPath = %q, want /api/v2/client-grants/a%%2Fb%%20c", r.RawPath)
	}
	if r.Path != "/api/v2/client-grants/a/b c" {
		t.Errorf("Path = %q", r.Path)
	}
	htCheckValue(t, got, GetClientGrantResponseContent{ID: NewOpt("a/b c")})

	// The same escaping in every operation that takes the id.
	ctx := context.Background()
	c := htClient(t, s)
	_, _ = c.ClientGrants.Update(ctx, "?x#y%", UpdateClientGrantRequestContent{AllowAllScopes: NewNullable(true)})
	_ = c.ClientGrants.Delete(ctx, "?x#y%")
	_, _ = c.ClientGrants.Organizations.List(ctx, "?x#y%", ListClientGrantOrganizationsRequestParameters{})
	var uris []string
	for _, r := range s.requests()[1:] {
		uris = append(uris, r.Method+" "+r.RequestURI)
	}
	want := []string{
		"PATCH /api/v2/client-grants/%3Fx%23y%25",
		"DELETE /api/v2/client-grants/%3Fx%23y%25",
		"GET /api/v2/client-grants/%3Fx%23y%25/organizations",
	}
	if !slices.Equal(uris, want) {
		t.Errorf("requests\n got: %q\nwant: %q", uris, want)
	}
}

func TestClientUpdateRequest(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		body UpdateClientGrantRequestContent
		want string
	}{
		{"scope null", UpdateClientGrantRequestContent{Scope: NewNull[[]string]()}, `{"scope":null}`},
		{"scope absent", UpdateClientGrantRequestContent{AllowAllScopes: NewNullable(true)}, `{"allow_all_scopes":true}`},
		{"scope value", UpdateClientGrantRequestContent{Scope: NewNullable([]string{"read:orders"})}, `{"scope":["read:orders"]}`},
		{"scope empty", UpdateClientGrantRequestContent{Scope: NewNullable([]string{})}, `{"scope":[]}`},
		{"every field", UpdateClientGrantRequestContent{
			Scope:                     NewNullable([]string{"a", "b"}),
			OrganizationUsage:         NewNull[ClientGrantOrganizationNullableUsageEnum](),
			AllowAnyOrganization:      NewNullable(false),
			AuthorizationDetailsTypes: NewOpt([]string{"payment"}),
			AllowAllScopes:            NewNull[bool](),
		}, `{"scope":["a","b"],"organization_usage":null,"allow_any_organization":false,` +
			`"authorization_details_types":["payment"],"allow_all_scopes":null}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 200, htGrantJSON) })
			got, err := htClient(t, s).ClientGrants.Update(ctx, "cgr_1", tc.body)
			if err != nil {
				t.Fatal(err)
			}
			r := s.only(t)
			htCheckRequest(t, r, "PATCH", "/api/v2/client-grants/cgr_1", tc.want)
			htCheckHeaders(t, r, "application/json")
			htCheckValue(t, got, UpdateClientGrantResponseContent(htGrant))
		})
	}
}

func TestClientUpdateFormRequest(t *testing.T) {
	s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 200, htGrantJSON) })
	_, err := htClient(t, s, WithFormBodies()).ClientGrants.Update(context.Background(), "cgr_1", UpdateClientGrantRequestContent{
		Scope:                NewNullable([]string{"a b", "c"}),
		OrganizationUsage:    NewNullable(ClientGrantOrganizationNullableUsageEnumRequire),
		AllowAnyOrganization: NewNullable(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	r := s.only(t)
	htCheckRequest(t, r, "PATCH", "/api/v2/client-grants/cgr_1",
		"allow_any_organization=true&organization_usage=require&scope=a+b&scope=c")
	htCheckHeaders(t, r, "application/x-www-form-urlencoded")
}

func TestClientUpdateFormNull(t *testing.T) {
	for _, tc := range []struct {
		name string
		body UpdateClientGrantRequestContent
	}{
		{"scope", UpdateClientGrantRequestContent{Scope: NewNull[[]string]()}},
		{"organization_usage", UpdateClientGrantRequestContent{OrganizationUsage: NewNull[ClientGrantOrganizationNullableUsageEnum]()}},
		{"allow_any_organization", UpdateClientGrantRequestContent{AllowAnyOrganization: NewNull[bool]()}},
		{"allow_all_scopes", UpdateClientGrantRequestContent{AllowAllScopes: NewNull[bool]()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 200, htGrantJSON) })
			_, err := htClient(t, s, WithFormBodies()).ClientGrants.Update(context.Background(), "cgr_1", tc.body)
			if err == nil {
				// Sent anyway: then it must say null, which only JSON can.
				r := s.only(t)
				if got, want := string(r.Body), `{"`+tc.name+`":null}`; got != want {
					t.Errorf("null %s sent as %q (Content-Type %q), want the JSON %s or an error before sending",
						tc.name, got, r.Header.Get("Content-Type"), want)
				}
			} else if n := s.hits(); n != 0 {
				t.Errorf("error %v after %d requests; want it before sending", err, n)
			}
		})
	}
}

func TestClientDeleteRequest(t *testing.T) {
	s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { w.WriteHeader(http.StatusNoContent) })
	if err := htClient(t, s).ClientGrants.Delete(context.Background(), "cgr_1"); err != nil {
		t.Fatalf("Delete = %v, want nil", err)
	}
	r := s.only(t)
	htCheckRequest(t, r, "DELETE", "/api/v2/client-grants/cgr_1", "")
	htCheckHeaders(t, r, "")
}

func TestClientOrganizationsListRequest(t *testing.T) {
	ctx := context.Background()
	const orgJSON = `{"id":"org_1","name":"acme","display_name":"Acme","metadata":{"tier":"gold","old":null},"x_new":1}`
	wantOrg := Organization{
		ID:          NewOpt("org_1"),
		Name:        NewOpt("acme"),
		DisplayName: NewOpt("Acme"),
		Metadata:    NewOpt(OrganizationMetadata{"tier": NewNullable("gold"), "old": NewNull[string]()}),
		AdditionalProperties: map[string]json.RawMessage{
			"x_new": json.RawMessage(`1`),
		},
	}
	s := htStart(t, func(w http.ResponseWriter, r *http.Request, hit int) {
		switch hit {
		case 1:
			htReply(w, 200, `[`+orgJSON+`]`)
		case 2:
			htReply(w, 200, `{"start":0,"limit":1,"total":1,"organizations":[`+orgJSON+`]}`)
		default:
			htReply(w, 200, `{"organizations":[`+orgJSON+`],"next":"cur"}`)
		}
	})
	c := htClient(t, s)

	got, err := c.ClientGrants.Organizations.List(ctx, "cgr_1", ListClientGrantOrganizationsRequestParameters{})
	if err != nil {
		t.Fatal(err)
	}
	arr, ok := got.Array()
	if !ok {
		t.Fatal("Array() ok = false")
	}
	htCheckValue(t, arr, []Organization{wantOrg})

	got, err = c.ClientGrants.Organizations.List(ctx, "cgr_1", ListClientGrantOrganizationsRequestParameters{
		Page: NewOpt[int64](0), PerPage: NewOpt[int64](1), IncludeTotals: NewOpt(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	off, ok := got.OffsetPaginated()
	if !ok {
		t.Fatal("OffsetPaginated() ok = false")
	}
	htCheckValue(t, off, ListClientGrantOrganizationsOffsetPaginatedResponseContent{
		Start: NewOpt[float64](0), Limit: NewOpt[float64](1), Total: NewOpt[float64](1),
		Organizations: NewOpt([]Organization{wantOrg}),
	})

	got, err = c.ClientGrants.Organizations.List(ctx, "cgr_1", ListClientGrantOrganizationsRequestParameters{
		From: NewOpt("x"), Take: NewOpt[int64](1),
	})
	if err != nil {
		t.Fatal(err)
	}
	pag, ok := got.Paginated()
	if !ok {
		t.Fatal("Paginated() ok = false")
	}
	htCheckValue(t, pag, ListClientGrantOrganizationsPaginatedResponseContent{
		Next: NewOpt("cur"), Organizations: NewOpt([]Organization{wantOrg}),
	})

	reqs := s.requests()
	wantURIs := []string{
		"/api/v2/client-grants/cgr_1/organizations",
		"/api/v2/client-grants/cgr_1/organizations?include_totals=true&page=0&per_page=1",
		"/api/v2/client-grants/cgr_1/organizations?from=x&take=1",
	}
	if len(reqs) != len(wantURIs) {
		t.Fatalf("%d requests, want %d", len(reqs), len(wantURIs))
	}
	for i, r := range reqs {
		htCheckRequest(t, r, "GET", wantURIs[i], "")
		htCheckHeaders(t, r, "")
	}
}

func TestClientHeaderOptions(t *testing.T) {
	ctx := context.Background()
	t.Run("WithUserAgent and WithHeader", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 200, `{}`) })
		c := htClient(t, s, WithUserAgent("my-app/1.2"), WithHeader("X-Request-Id", "r1"), WithHeader("X-Request-Id", "r2"))
		if _, err := c.ClientGrants.Get(ctx, "cgr_1"); err != nil {
			t.Fatal(err)
		}
		r := s.only(t)
		if got := r.Header.Values("User-Agent"); !slices.Equal(got, []string{"my-app/1.2"}) {
			t.Errorf("User-Agent = %q, want my-app/1.2", got)
		}
		if got := r.Header.Values("X-Request-Id"); !slices.Equal(got, []string{"r1", "r2"}) {
			t.Errorf("X-Request-Id = %q, want [r1 r2]", got)
		}
		if got := r.Header.Get("Authorization"); got != "Bearer TOKEN" {
			t.Errorf("Authorization = %q", got)
		}
	})
	t.Run("empty user agent and token send none", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 200, `{}`) })
		c, err := NewClient(s.URL+"/api/v2", WithUserAgent(""), WithToken(""))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.ClientGrants.Get(ctx, "cgr_1"); err != nil {
			t.Fatal(err)
		}
		r := s.only(t)
		for _, k := range []string{"User-Agent", "Authorization"} {
			if got, ok := r.Header[k]; ok {
				t.Errorf("%s = %q, want no such header", k, got)
			}
		}
	})
	t.Run("token func per attempt", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, hit int) {
			if hit == 1 {
				htReply(w, 503, `{}`)
				return
			}
			htReply(w, 200, `{}`)
		})
		var mu sync.Mutex
		calls := 0
		c := htClient(t, s, WithTokenFunc(func(context.Context) (string, error) {
			mu.Lock()
			defer mu.Unlock()
			calls++
			return "tok" + strconv.Itoa(calls), nil
		}))
		if _, err := c.ClientGrants.Get(ctx, "cgr_1"); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range s.requests() {
			got = append(got, r.Header.Get("Authorization"))
		}
		if want := []string{"Bearer tok1", "Bearer tok2"}; !slices.Equal(got, want) {
			t.Errorf("Authorization per attempt = %q, want %q", got, want)
		}
	})
	t.Run("token func error", func(t *testing.T) {
		s := htStart(t, htNoHandler(t))
		boom := errors.New("vault sealed")
		c := htClient(t, s, WithTokenFunc(func(context.Context) (string, error) { return "", boom }))
		_, err := c.ClientGrants.Get(ctx, "cgr_1")
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v, want it to wrap %v", err, boom)
		}
		want := "get_client-grant: GET " + s.URL + "/api/v2/client-grants/cgr_1: getting the bearer token: vault sealed"
		if err.Error() != want {
			t.Errorf("error\n got: %s\nwant: %s", err, want)
		}
		if n := s.hits(); n != 0 {
			t.Errorf("server hits = %d, want 0", n)
		}
	})
}

// ---------------------------------------------------------------------------
// Validation before sending.

func TestClientRejectsInvalidRequests(t *testing.T) {
	ctx := context.Background()
	s := htStart(t, htNoHandler(t))
	c := htClient(t, s)
	long := strings.Repeat("s", 281)

	_, err := c.ClientGrants.List(ctx, ListClientGrantsRequestParameters{PerPage: NewOpt[int64](0)})
	htWantValidation(t, err, "get_client-grants: invalid request: per_page: value 0 is less than minimum 1",
		"per_page: value 0 is less than minimum 1")

	_, err = c.ClientGrants.List(ctx, ListClientGrantsRequestParameters{PerPage: NewOpt[int64](101)})
	htWantValidation(t, err, "get_client-grants: invalid request: per_page: value 101 exceeds maximum 100",
		"per_page: value 101 exceeds maximum 100")

	_, err = c.ClientGrants.List(ctx, ListClientGrantsRequestParameters{Take: NewOpt[int64](101)})
	htWantValidation(t, err, "get_client-grants: invalid request: take: value 101 exceeds maximum 100",
		"take: value 101 exceeds maximum 100")

	_, err = c.ClientGrants.List(ctx, ListClientGrantsRequestParameters{
		Page: NewOpt[int64](-1), Take: NewOpt[int64](0),
		AllowAnyOrganization: NewOpt(ClientGrantAllowAnyOrganizationEnum(false)),
		SubjectType:          NewOpt(ClientGrantSubjectTypeEnum("robot")),
	})
	htWantValidation(t, err, "get_client-grants: invalid request: 4 violations: "+
		"page: value -1 is less than minimum 0; take: value 0 is less than minimum 1; "+
		`allow_any_organization: value false is not one of true; subject_type: value "robot" is not one of "client", "user"`,
		"page: value -1 is less than minimum 0",
		"take: value 0 is less than minimum 1",
		"allow_any_organization: value false is not one of true",
		`subject_type: value "robot" is not one of "client", "user"`)

	_, err = c.ClientGrants.Create(ctx, CreateClientGrantRequestContent{Scope: NewOpt([]string{"ok", long})})
	htWantValidation(t, err, "post_client-grants: invalid request: 2 violations: "+
		"audience: is required; scope[1]: length 281 exceeds maxLength 280",
		"audience: is required",
		"scope[1]: length 281 exceeds maxLength 280")

	// The same with form bodies: validation does not depend on the encoding.
	_, err = htClient(t, s, WithFormBodies()).ClientGrants.Create(ctx, CreateClientGrantRequestContent{Audience: "a", Scope: NewOpt([]string{""})})
	htWantValidation(t, err, "post_client-grants: invalid request: scope[0]: length 0 is less than minLength 1",
		"scope[0]: length 0 is less than minLength 1")

	_, err = c.ClientGrants.Get(ctx, "")
	htWantValidation(t, err, "get_client-grant: invalid request: id: is required", "id: is required")

	_, err = c.ClientGrants.Update(ctx, "cgr_1", UpdateClientGrantRequestContent{})
	htWantValidation(t, err, "patch_client-grants_by_id: invalid request: 0 properties are fewer than minProperties 1",
		"0 properties are fewer than minProperties 1")

	_, err = c.ClientGrants.Update(ctx, "", UpdateClientGrantRequestContent{Scope: NewNullable([]string{long})})
	htWantValidation(t, err, "patch_client-grants_by_id: invalid request: 2 violations: "+
		"id: is required; scope[0]: length 281 exceeds maxLength 280",
		"id: is required", "scope[0]: length 281 exceeds maxLength 280")

	err = c.ClientGrants.Delete(ctx, "")
	htWantValidation(t, err, "delete_client-grants_by_id: invalid request: id: is required", "id: is required")

	_, err = c.ClientGrants.Organizations.List(ctx, "", ListClientGrantOrganizationsRequestParameters{PerPage: NewOpt[int64](101)})
	htWantValidation(t, err, "get_client-grant-organizations: invalid request: 2 violations: "+
		"id: is required; per_page: value 101 exceeds maximum 100",
		"id: is required", "per_page: value 101 exceeds maximum 100")

	// ListAll yields the validation error once and stops.
	n := 0
	for _, err := range c.ClientGrants.ListAll(ctx, ListClientGrantsRequestParameters{Take: NewOpt[int64](101)}) {
		n++
		htWantValidation(t, err, "get_client-grants: invalid request: take: value 101 exceeds maximum 100",
			"take: value 101 exceeds maximum 100")
	}
	if n != 1 {
		t.Errorf("ListAll yielded %d times, want 1 (the error)", n)
	}

	if got := s.hits(); got != 0 {
		t.Errorf("server hits = %d, want 0: invalid requests must not be sent", got)
	}
}

// ---------------------------------------------------------------------------
// Errors.

func TestClientAPIErrorNotFound(t *testing.T) {
	const body = `{"statusCode":404,"error":"Not Found","message":"The client grant does not exist.","errorCode":"inexistent_client_grant"}`
	s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		w.Header().Set("X-Trace", "t1")
		htReply(w, 404, body)
	})
	_, err := htClient(t, s).ClientGrants.Get(context.Background(), "cgr_missing")
	ae := htWantAPIError(t, err, 404)
	if n := s.hits(); n != 1 {
		t.Errorf("server hits = %d, want 1 (a 404 is not retried)", n)
	}
	url := s.URL + "/api/v2/client-grants/cgr_missing"
	for _, c := range []struct{ name, got, want string }{
		{"Operation", ae.Operation, "get_client-grant"},
		{"Method", ae.Method, "GET"},
		{"URL", ae.URL, url},
		{"ErrorName", ae.ErrorName, "Not Found"},
		{"Message", ae.Message, "The client grant does not exist."},
		{"ErrorCode", ae.ErrorCode, "inexistent_client_grant"},
		{"Body", string(ae.Body), body},
		{"Header X-Trace", ae.Header.Get("X-Trace"), "t1"},
		{"Error()", ae.Error(), "get_client-grant: GET " + url +
			": 404 Not Found: The client grant does not exist. (errorCode inexistent_client_grant)"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if !IsNotFound(err) {
		t.Error("IsNotFound = false")
	}
	if IsUnauthorized(err) || IsForbidden(err) || IsConflict(err) || IsRateLimited(err) {
		t.Error("another status helper is true for a 404")
	}
	if IsNotFound(fmt.Errorf("wrapped: %w", err)) != true {
		t.Error("IsNotFound is false for a wrapped *APIError")
	}
	if IsNotFound(errors.New("404")) || IsNotFound(nil) {
		t.Error("IsNotFound is true for an error that is no *APIError")
	}
}

func TestClientAPIErrorStatusHelpers(t *testing.T) {
	helpers := map[string]func(error) bool{
		"IsNotFound": IsNotFound, "IsUnauthorized": IsUnauthorized, "IsForbidden": IsForbidden,
		"IsConflict": IsConflict, "IsRateLimited": IsRateLimited,
	}
	for _, tc := range []struct {
		status int
		helper string
		hits   int // a 429 is retried until the attempts run out
		call   func(c *Client) error
	}{
		{401, "IsUnauthorized", 1, func(c *Client) error {
			_, err := c.ClientGrants.List(context.Background(), ListClientGrantsRequestParameters{})
			return err
		}},
		{403, "IsForbidden", 1, func(c *Client) error { return c.ClientGrants.Delete(context.Background(), "cgr_1") }},
		{409, "IsConflict", 1, func(c *Client) error {
			_, err := c.ClientGrants.Create(context.Background(), CreateClientGrantRequestContent{Audience: "a"})
			return err
		}},
		{429, "IsRateLimited", 3, func(c *Client) error {
			_, err := c.ClientGrants.Create(context.Background(), CreateClientGrantRequestContent{Audience: "a"})
			return err
		}},
		{400, "", 1, func(c *Client) error {
			_, err := c.ClientGrants.Update(context.Background(), "cgr_1", UpdateClientGrantRequestContent{AllowAllScopes: NewNullable(true)})
			return err
		}},
	} {
		t.Run(strconv.Itoa(tc.status), func(t *testing.T) {
			body := fmt.Sprintf(`{"statusCode":%d,"error":%q,"message":"m","errorCode":"c"}`, tc.status, http.StatusText(tc.status))
			s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, tc.status, body) })
			err := tc.call(htClient(t, s))
			ae := htWantAPIError(t, err, tc.status)
			if ae.ErrorName != http.StatusText(tc.status) || ae.Message != "m" || ae.ErrorCode != "c" || string(ae.Body) != body {
				t.Errorf("APIError fields = %q %q %q %q", ae.ErrorName, ae.Message, ae.ErrorCode, ae.Body)
			}
			for name, f := range helpers {
				if got, want := f(err), name == tc.helper; got != want {
					t.Errorf("%s = %v, want %v", name, got, want)
				}
			}
			if n := s.hits(); n != tc.hits {
				t.Errorf("server hits = %d, want %d", n, tc.hits)
			}
		})
	}
}

func TestClientAPIErrorNonJSONBody(t *testing.T) {
	s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = io.WriteString(w, "<html>\n  bad   gateway\n</html>")
	})
	// 502 on a POST: not retried.
	_, err := htClient(t, s).ClientGrants.Create(context.Background(), CreateClientGrantRequestContent{Audience: "a"})
	ae := htWantAPIError(t, err, 502)
	if ae.ErrorName != "" || ae.Message != "" || ae.ErrorCode != "" {
		t.Errorf("decoded fields of a non-JSON body: %q %q %q", ae.ErrorName, ae.Message, ae.ErrorCode)
	}
	want := "post_client-grants: POST " + s.URL + "/api/v2/client-grants: 502 Bad Gateway: <html> bad gateway </html>"
	if err.Error() != want {
		t.Errorf("error\n got: %s\nwant: %s", err, want)
	}
	if n := s.hits(); n != 1 {
		t.Errorf("server hits = %d, want 1", n)
	}
}

func TestClientDecodeErrors(t *testing.T) {
	ctx := context.Background()
	t.Run("malformed JSON", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 200, `{"id":"cgr_1",`) })
		got, err := htClient(t, s).ClientGrants.Get(ctx, "cgr_1")
		if err == nil {
			t.Fatalf("err = nil for a malformed body; decoded %+v", got)
		}
		var de *DecodeError
		if !errors.As(err, &de) || de.Offset != 14 {
			t.Errorf("err %v (%T) does not wrap a *DecodeError at offset 14", err, err)
		}
		if want := "get_client-grant: decoding the 200 response: json: unexpected end of JSON input (offset 14)"; err.Error() != want {
			t.Errorf("error\n got: %s\nwant: %s", err, want)
		}
		var ae *APIError
		if errors.As(err, &ae) {
			t.Error("a decode error is an *APIError")
		}
		if n := s.hits(); n != 1 {
			t.Errorf("server hits = %d, want 1 (a decode error is not retried)", n)
		}
	})
	t.Run("wrong type", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 201, `{"id":5}`) })
		_, err := htClient(t, s).ClientGrants.Create(ctx, CreateClientGrantRequestContent{Audience: "a"})
		var de *DecodeError
		if !errors.As(err, &de) || de.Path != "id" || de.Msg != "must be a string, not a number" {
			t.Fatalf("err %v (%T) does not wrap a *DecodeError at id", err, err)
		}
		if !strings.HasPrefix(err.Error(), "post_client-grants: decoding the 201 response: ") {
			t.Errorf("error %q does not name the operation and status", err)
		}
	})
	t.Run("union of no variant", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { htReply(w, 200, `"oops"`) })
		_, err := htClient(t, s).ClientGrants.List(ctx, ListClientGrantsRequestParameters{})
		var ue *UnionError
		if !errors.As(err, &ue) {
			t.Fatalf("err %v (%T) does not wrap a *UnionError", err, err)
		}
		want := "get_client-grants: decoding the 200 response: ListClientGrantResponseContent: a JSON string matches none of its variants (array, object)"
		if err.Error() != want {
			t.Errorf("error\n got: %s\nwant: %s", err, want)
		}
	})
	t.Run("empty body", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) { w.WriteHeader(200) })
		_, err := htClient(t, s).ClientGrants.Update(ctx, "cgr_1", UpdateClientGrantRequestContent{AllowAllScopes: NewNullable(true)})
		if err == nil || !strings.HasPrefix(err.Error(), "patch_client-grants_by_id: decoding the 200 response: ") {
			t.Errorf("err = %v, want a decode error of patch_client-grants_by_id", err)
		}
	})
}

func TestClientTransportErrors(t *testing.T) {
	ctx := context.Background()
	t.Run("closed server", func(t *testing.T) {
		s := htStart(t, htNoHandler(t))
		c := htClient(t, s)
		s.Close()

		_, err := c.ClientGrants.Get(ctx, "cgr_1")
		if err == nil {
			t.Fatal("err = nil from a closed server")
		}
		var opErr *net.OpError
		if !errors.As(err, &opErr) {
			t.Errorf("err %v (%T) does not wrap a *net.OpError", err, err)
		}
		var ae *APIError
		if errors.As(err, &ae) {
			t.Errorf("a transport error is an *APIError")
		}
		prefix := "get_client-grant: GET " + s.URL + "/api/v2/client-grants/cgr_1: "
		if msg := err.Error(); !strings.HasPrefix(msg, prefix) || !strings.HasSuffix(msg, " (after 3 attempts)") {
			t.Errorf("error %q, want prefix %q and suffix (after 3 attempts) (a GET is retried)", msg, prefix)
		}

		// A POST that could not connect is not retried either: one attempt.
		_, err = c.ClientGrants.Create(ctx, CreateClientGrantRequestContent{Audience: "a"})
		if !errors.As(err, &opErr) {
			t.Errorf("err %v (%T) does not wrap a *net.OpError", err, err)
		}
		prefix = "post_client-grants: POST " + s.URL + "/api/v2/client-grants: "
		if msg := err.Error(); !strings.HasPrefix(msg, prefix) || strings.Contains(msg, "attempts") {
			t.Errorf("error %q, want prefix %q and a single attempt", msg, prefix)
		}
	})
	t.Run("connection dropped", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) {
			conn, _, err := http.NewResponseController(w).Hijack()
			if err != nil {
				t.Errorf("hijack: %v", err)
				return
			}
			_ = conn.Close()
		})
		c := htClient(t, s)
		_, err := c.ClientGrants.Get(ctx, "cgr_1")
		if err == nil || !errors.Is(err, io.EOF) {
			t.Errorf("Get err = %v, want one wrapping io.EOF", err)
		}
		if n := s.hits(); n != 3 {
			t.Errorf("GET: server hits = %d, want 3 (retried)", n)
		}
		_, err = c.ClientGrants.Create(ctx, CreateClientGrantRequestContent{Audience: "a"})
		if err == nil || !errors.Is(err, io.EOF) {
			t.Errorf("Create err = %v, want one wrapping io.EOF", err)
		}
		if n := s.hits(); n != 4 {
			t.Errorf("POST: server hits = %d in all, want 4 (a POST that may have taken effect is not resent)", n)
		}
	})
}

// ---------------------------------------------------------------------------
// Retries and cancellation.

func TestClientRetryAfter429(t *testing.T) {
	s := htStart(t, func(w http.ResponseWriter, r *http.Request, hit int) {
		if hit == 1 {
			w.Header().Set("Retry-After", "1")
			htReply(w, 429, `{"statusCode":429,"error":"Too Many Requests","message":"Global limit has been reached","errorCode":"too_many_requests"}`)
			return
		}
		htReply(w, 201, `{"id":"cgr_1"}`)
	})
	// MaxDelay caps the waits the server asks for too: leave room for 1s.
	c := htClient(t, s, WithRetryPolicy(RetryPolicy{MaxAttempts: 3, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Second}))
	start := time.Now()
	got, err := c.ClientGrants.Create(context.Background(), CreateClientGrantRequestContent{Audience: "aud"})
	elapsed := time.Since(start)
	if err != nil {
		t.Fatalf("Create after a 429: %v", err)
	}
	htCheckValue(t, got, CreateClientGrantResponseContent{ID: NewOpt("cgr_1")})
	reqs := s.requests()
	if len(reqs) != 2 {
		t.Fatalf("server hits = %d, want 2", len(reqs))
	}
	if gap := reqs[1].At.Sub(reqs[0].At); gap < time.Second {
		t.Errorf("second attempt came %v after the first, want ≥ 1s (Retry-After: 1)", gap)
	}
	if elapsed < time.Second || elapsed > 3*time.Second {
		t.Errorf("call took %v, want about 1s", elapsed)
	}
	// The POST body is sent again, whole, on the retry.
	for i, r := range reqs {
		htCheckRequest(t, r, "POST", "/api/v2/client-grants", `{"audience":"aud"}`)
		if r.Header.Get("Content-Type") != "application/json" {
			t.Errorf("attempt %d: Content-Type = %q", i+1, r.Header.Get("Content-Type"))
		}
	}
}

func TestClientRetryAfterCappedByMaxDelay(t *testing.T) {
	s := htStart(t, func(w http.ResponseWriter, r *http.Request, hit int) {
		if hit == 1 {
			w.Header().Set("Retry-After", "30")
			htReply(w, 429, `{}`)
			return
		}
		htReply(w, 200, `{}`)
	})
	start := time.Now()
	if _, err := htClient(t, s).ClientGrants.Get(context.Background(), "cgr_1"); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("call took %v; MaxDelay 10ms should cap Retry-After: 30", d)
	}
	if n := s.hits(); n != 2 {
		t.Errorf("server hits = %d, want 2", n)
	}
}

func TestClientRetry5xx(t *testing.T) {
	ctx := context.Background()
	storm := func(status int) func(http.ResponseWriter, *http.Request, int) {
		return func(w http.ResponseWriter, r *http.Request, _ int) {
			htReply(w, status, `{"statusCode":503,"error":"Service Unavailable","message":"try later"}`)
		}
	}
	t.Run("GET 503 storm stops after MaxAttempts", func(t *testing.T) {
		s := htStart(t, storm(503))
		_, err := htClient(t, s).ClientGrants.Get(ctx, "cgr_1")
		ae := htWantAPIError(t, err, 503)
		if ae.Message != "try later" {
			t.Errorf("Message = %q", ae.Message)
		}
		if n := s.hits(); n != 3 {
			t.Errorf("server hits = %d, want exactly 3 (MaxAttempts)", n)
		}
	})
	t.Run("GET with MaxAttempts 1 is not retried", func(t *testing.T) {
		s := htStart(t, storm(503))
		_, err := htClient(t, s, WithRetryPolicy(RetryPolicy{MaxAttempts: 1})).ClientGrants.Get(ctx, "cgr_1")
		htWantAPIError(t, err, 503)
		if n := s.hits(); n != 1 {
			t.Errorf("server hits = %d, want 1", n)
		}
	})
	t.Run("DELETE 503 is retried", func(t *testing.T) {
		s := htStart(t, func(w http.ResponseWriter, r *http.Request, hit int) {
			if hit < 3 {
				htReply(w, 503, `{}`)
				return
			}
			w.WriteHeader(204)
		})
		if err := htClient(t, s).ClientGrants.Delete(ctx, "cgr_1"); err != nil {
			t.Fatalf("Delete = %v, want nil after two 503s", err)
		}
		if n := s.hits(); n != 3 {
			t.Errorf("server hits = %d, want 3", n)
		}
	})
	t.Run("POST 503 not retried", func(t *testing.T) {
		s := htStart(t, storm(503))
		_, err := htClient(t, s).ClientGrants.Create(ctx, CreateClientGrantRequestContent{Audience: "a"})
		htWantAPIError(t, err, 503)
		if n := s.hits(); n != 1 {
			t.Errorf("server hits = %d, want 1", n)
		}
	})
	t.Run("PATCH 503 not retried", func(t *testing.T) {
		s := htStart(t, storm(503))
		_, err := htClient(t, s).ClientGrants.Update(ctx, "cgr_1", UpdateClientGrantRequestContent{AllowAllScopes: NewNullable(true)})
		htWantAPIError(t, err, 503)
		if n := s.hits(); n != 1 {
			t.Errorf("server hits = %d, want 1", n)
		}
	})
	t.Run("GET 501 not retried", func(t *testing.T) {
		s := htStart(t, storm(501))
		_, err := htClient(t, s).ClientGrants.Get(ctx, "cgr_1")
		htWantAPIError(t, err, 501)
		if n := s.hits(); n != 1 {
			t.Errorf("server hits = %d, want 1", n)
		}
	})
}

func TestClientCancelDuringRetryAfter(t *testing.T) {
	sent := make(chan struct{}, 1)
	s := htStart(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		w.Header().Set("Retry-After", "30")
		htReply(w, 429, `{}`)
		sent <- struct{}{}
	})
	// No cap on the wait: without the cancellation the client would sleep 30s.
	c := htClient(t, s, WithRetryPolicy(RetryPolicy{MaxAttempts: 3, BaseDelay: time.Millisecond}))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var cancelledAt time.Time
	var mu sync.Mutex
	go func() {
		<-sent
		time.Sleep(50 * time.Millisecond) // let the client start waiting
		mu.Lock()
		cancelledAt = time.Now()
		mu.Unlock()
		cancel()
	}()
	start := time.Now()
	_, err := c.ClientGrants.Get(ctx, "cgr_1")
	done := time.Now()
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	want := "get_client-grant: GET " + s.URL + "/api/v2/client-grants/cgr_1: waiting to retry: context canceled"
	if err.Error() != want {
		t.Errorf("error\n got: %s\nwant: %s", err, want)
	}
	mu.Lock()
	sinceCancel := done.Sub(cancelledAt)
	mu.Unlock()
	// Retry-After asks for 30 s; returning well before that means the
	// cancel ended the wait (a loose bound: this is behaviour, not speed).
	if sinceCancel > 10*time.Second {
		t.Errorf("returned %v after the cancel (%v in all), want before the 30 s wait ends", sinceCancel, done.Sub(start))
	}
	if n := s.hits(); n != 1 {
		t.Errorf("server hits = %d, want 1", n)
	}
}

func TestClientCancelledBeforeCall(t *testing.T) {
	s := htStart(t, htNoHandler(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := htClient(t, s).ClientGrants.Get(ctx, "cgr_1")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n := s.hits(); n != 0 {
		t.Errorf("server hits = %d, want 0", n)
	}
}

// ---------------------------------------------------------------------------
// Pagination.

// htFakeGrants is a fake GET /client-grants over n grants "cgr_000"… that
// pages the way Auth0 does: with page/per_page/include_totals=true it
// answers {start,limit,total,client_grants}; with take (and from) it
// answers {client_grants,next}, next being absent on the last page. fail, if
// set, may answer instead (returning true).
func htFakeGrants(t *testing.T, n int, fail func(w http.ResponseWriter, r *http.Request, hit int) bool) func(http.ResponseWriter, *http.Request, int) {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("cgr_%03d", i)
	}
	page := func(from, to int) string {
		var b strings.Builder
		b.WriteByte('[')
		for i := from; i < to; i++ {
			if i > from {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"id":%q,"client_id":"app_1","audience":"aud"}`, ids[i])
		}
		b.WriteByte(']')
		return b.String()
	}
	return func(w http.ResponseWriter, r *http.Request, hit int) {
		if htRunaway(t, w, hit) {
			return
		}
		if fail != nil && fail(w, r, hit) {
			return
		}
		if r.Method != "GET" || r.URL.Path != "/api/v2/client-grants" {
			t.Errorf("fake: unexpected %s %s", r.Method, r.URL)
			w.WriteHeader(404)
			return
		}
		q := r.URL.Query()
		atoi := func(k string) int {
			v, err := strconv.Atoi(q.Get(k))
			if err != nil {
				t.Errorf("fake: %s=%q: %v", k, q.Get(k), err)
			}
			return v
		}
		if q.Has("take") || q.Has("from") {
			start, take := 0, 50 // Auth0's default take
			if q.Has("from") {
				start, _ = strconv.Atoi(strings.TrimPrefix(q.Get("from"), "cursor_"))
			}
			if q.Has("take") {
				take = atoi("take")
			}
			end := min(start+take, n)
			next := ""
			if end < n {
				next = fmt.Sprintf(`,"next":"cursor_%d"`, end)
			}
			htReply(w, 200, `{"client_grants":`+page(start, end)+next+`}`)
			return
		}
		if q.Get("include_totals") != "true" {
			t.Errorf("fake: page mode without include_totals=true: %s", r.URL.RawQuery)
		}
		perPage, pg := atoi("per_page"), atoi("page")
		start := min(pg*perPage, n)
		end := min(start+perPage, n)
		htReply(w, 200, fmt.Sprintf(`{"start":%d,"limit":%d,"total":%d,"client_grants":%s}`, start, perPage, n, page(start, end)))
	}
}

// htRunaway ends a walk that goes on for longer than any test needs (a
// walk that loops on its cursor, say) with a 400, which is not retried, so
// that such a bug fails the test instead of hanging it.
func htRunaway(t *testing.T, w http.ResponseWriter, hit int) bool {
	if hit <= 20 {
		return false
	}
	t.Errorf("fake: request %d: the walk does not stop", hit)
	htReply(w, 400, `{"statusCode":400,"error":"Bad Request","message":"runaway walk"}`)
	return true
}

// htCollect walks seq to its end, returning the ids it yielded and the
// errors, in order, as strings "id" or "error: …".
func htCollect(seq func(func(ClientGrantResponseContent, error) bool)) []string {
	var out []string
	for g, err := range seq {
		if err != nil {
			out = append(out, "error: "+err.Error())
			continue
		}
		out = append(out, g.ID.Value)
	}
	return out
}

func htIDs(from, to int) []string {
	var out []string
	for i := from; i < to; i++ {
		out = append(out, fmt.Sprintf("cgr_%03d", i))
	}
	return out
}

func TestClientListAllPageMode(t *testing.T) {
	ctx := context.Background()
	s := htStart(t, htFakeGrants(t, 250, nil))
	got := htCollect(htClient(t, s).ClientGrants.ListAll(ctx, ListClientGrantsRequestParameters{
		PerPage: NewOpt[int64](100), ClientID: NewOpt("app_1"),
	}))
	if want := htIDs(0, 250); !slices.Equal(got, want) {
		t.Errorf("ListAll yielded %d items %q…, want the 250 grants once each in order", len(got), got[:min(len(got), 3)])
	}
	want := []string{
		"client_id=app_1&include_totals=true&page=0&per_page=100",
		"client_id=app_1&include_totals=true&page=1&per_page=100",
		"client_id=app_1&include_totals=true&page=2&per_page=100",
	}
	if q := s.queries(); !slices.Equal(q, want) {
		t.Errorf("queries\n got: %q\nwant: %q", q, want)
	}
	for _, r := range s.requests() {
		htCheckHeaders(t, r, "")
	}
}

func TestClientListAllPageModeStopsAtTotal(t *testing.T) {
	// 200 grants in pages of 100: the second page is full, but the total
	// says it is the last, so no third request.
	s := htStart(t, htFakeGrants(t, 200, nil))
	got := htCollect(htClient(t, s).ClientGrants.ListAll(context.Background(), ListClientGrantsRequestParameters{PerPage: NewOpt[int64](100)}))
	if want := htIDs(0, 200); !slices.Equal(got, want) {
		t.Errorf("ListAll yielded %d items, want 200 in order", len(got))
	}
	want := []string{"include_totals=true&page=0&per_page=100", "include_totals=true&page=1&per_page=100"}
	if q := s.queries(); !slices.Equal(q, want) {
		t.Errorf("queries\n got: %q\nwant: %q", q, want)
	}
}

func TestClientListAllPageModeFromPage(t *testing.T) {
	s := htStart(t, htFakeGrants(t, 250, nil))
	got := htCollect(htClient(t, s).ClientGrants.ListAll(context.Background(), ListClientGrantsRequestParameters{
		PerPage: NewOpt[int64](100), Page: NewOpt[int64](1), IncludeTotals: NewOpt(false),
	}))
	if want := htIDs(100, 250); !slices.Equal(got, want) {
		t.Errorf("ListAll from page 1 yielded %d items, want grants 100…249 in order", len(got))
	}
	want := []string{"include_totals=true&page=1&per_page=100", "include_totals=true&page=2&per_page=100"}
	if q := s.queries(); !slices.Equal(q, want) {
		t.Errorf("queries\n got: %q\nwant: %q", q, want)
	}
}

func TestClientListAllCheckpointMode(t *testing.T) {
	s := htStart(t, htFakeGrants(t, 250, nil))
	got := htCollect(htClient(t, s).ClientGrants.ListAll(context.Background(), ListClientGrantsRequestParameters{Take: NewOpt[int64](100)}))
	if want := htIDs(0, 250); !slices.Equal(got, want) {
		t.Errorf("ListAll yielded %d items %q…, want the 250 grants once each in order", len(got), got[:min(len(got), 3)])
	}
	want := []string{"take=100", "from=cursor_100&take=100", "from=cursor_200&take=100"}
	if q := s.queries(); !slices.Equal(q, want) {
		t.Errorf("queries\n got: %q\nwant: %q", q, want)
	}
}

// A server that ignores the page number answers every page with the
// first: the iterator yields it once and ends with an error, where it used
// to ask for page after page without end.
func TestClientListAllServerIgnoresPage(t *testing.T) {
	s := htStart(t, func(w http.ResponseWriter, r *http.Request, hit int) {
		if !htRunaway(t, w, hit) {
			htReply(w, 200, `[{"id":"cgr_000"},{"id":"cgr_001"}]`)
		}
	})
	got := htCollect(htClient(t, s).ClientGrants.ListAll(context.Background(), ListClientGrantsRequestParameters{}))
	want := []string{"cgr_000", "cgr_001", "error: get_client-grants: the server sent the same page again (it ignores page), so paging stops"}
	if !slices.Equal(got, want) {
		t.Errorf("ListAll yielded %q, want %q", got, want)
	}
	if n := len(s.requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

// A server that answers a checkpoint with the cursor it was sent would be
// asked for the same page forever: the iterator stops with an error.
func TestClientListAllServerRepeatsCursor(t *testing.T) {
	s := htStart(t, func(w http.ResponseWriter, r *http.Request, hit int) {
		if !htRunaway(t, w, hit) {
			htReply(w, 200, `{"client_grants":[{"id":"cgr_000"}],"next":"c1"}`)
		}
	})
	got := htCollect(htClient(t, s).ClientGrants.ListAll(context.Background(), ListClientGrantsRequestParameters{Take: NewOpt[int64](1)}))
	want := []string{"cgr_000", "cgr_000", "error: get_client-grants: the server answered with the cursor it was sent, so paging stops"}
	if !slices.Equal(got, want) {
		t.Errorf("ListAll yielded %q, want %q", got, want)
	}
	if q := s.queries(); !slices.Equal(q, []string{"take=1", "from=c1&take=1"}) {
		t.Errorf("queries = %q", q)
	}
}

func TestClientListAllCheckpointFromCursor(t *testing.T) {
	s := htStart(t, htFakeGrants(t, 250, nil))
	got := htCollect(htClient(t, s).ClientGrants.ListAll(context.Background(), ListClientGrantsRequestParameters{From: NewOpt("cursor_240")}))
	if want := htIDs(240, 250); !slices.Equal(got, want) {
		t.Errorf("ListAll from cursor_240 yielded %q", got)
	}
	// take is left to the server's default: it is only sent when set.
	if q := s.queries(); !slices.Equal(q, []string{"from=cursor_240"}) {
		t.Errorf("queries = %q, want [from=cursor_240]", q)
	}
}

func TestClientListAllBreakStopsRequests(t *testing.T) {
	ctx := context.Background()
	t.Run("page mode", func(t *testing.T) {
		s := htStart(t, htFakeGrants(t, 250, nil))
		c := htClient(t, s)
		var got []string
		for g, err := range c.ClientGrants.ListAll(ctx, ListClientGrantsRequestParameters{PerPage: NewOpt[int64](100)}) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, g.ID.Value)
			if len(got) == 150 {
				break
			}
		}
		if !slices.Equal(got, htIDs(0, 150)) {
			t.Errorf("got %d items, want the first 150", len(got))
		}
		if n := s.hits(); n != 2 {
			t.Errorf("server hits = %d, want 2 (no request after the break)", n)
		}
	})
	t.Run("checkpoint mode", func(t *testing.T) {
		s := htStart(t, htFakeGrants(t, 250, nil))
		c := htClient(t, s)
		n := 0
		for _, err := range c.ClientGrants.ListAll(ctx, ListClientGrantsRequestParameters{Take: NewOpt[int64](100)}) {
			if err != nil {
				t.Fatal(err)
			}
			n++
			if n == 100 { // the last item of the first page
				break
			}
		}
		if hits := s.hits(); hits != 1 {
			t.Errorf("server hits = %d, want 1 (no request after the break)", hits)
		}
	})
}

func TestClientListAllErrorMidWalk(t *testing.T) {
	ctx := context.Background()
	const body = `{"statusCode":400,"error":"Bad Request","message":"Invalid checkpoint","errorCode":"invalid_query_string"}`
	fail := func(w http.ResponseWriter, r *http.Request, hit int) bool {
		if hit == 2 {
			htReply(w, 400, body)
			return true
		}
		return false
	}
	for _, tc := range []struct {
		name   string
		params ListClientGrantsRequestParameters
		url    string
	}{
		{"page mode", ListClientGrantsRequestParameters{PerPage: NewOpt[int64](100)}, "/api/v2/client-grants?include_totals=true&page=1&per_page=100"},
		{"checkpoint mode", ListClientGrantsRequestParameters{Take: NewOpt[int64](100)}, "/api/v2/client-grants?from=cursor_100&take=100"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := htStart(t, htFakeGrants(t, 250, fail))
			var ids []string
			var errs []error
			for g, err := range htClient(t, s).ClientGrants.ListAll(ctx, tc.params) {
				if err != nil {
					errs = append(errs, err)
					continue // the walk must end by itself
				}
				if len(errs) > 0 {
					t.Fatalf("item %s yielded after the error", g.ID.Value)
				}
				ids = append(ids, g.ID.Value)
			}
			if !slices.Equal(ids, htIDs(0, 100)) {
				t.Errorf("got %d items before the error, want the first page of 100", len(ids))
			}
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1", len(errs))
			}
			ae := htWantAPIError(t, errs[0], 400)
			if ae.URL != s.URL+tc.url || ae.ErrorCode != "invalid_query_string" {
				t.Errorf("APIError URL %q ErrorCode %q", ae.URL, ae.ErrorCode)
			}
			if n := s.hits(); n != 2 {
				t.Errorf("server hits = %d, want 2 (nothing after the error)", n)
			}
		})
	}
}

func TestClientListAllDecodeErrorMidWalk(t *testing.T) {
	s := htStart(t, htFakeGrants(t, 250, func(w http.ResponseWriter, r *http.Request, hit int) bool {
		if hit == 3 {
			htReply(w, 200, `{"client_grants":[{"id":`)
			return true
		}
		return false
	}))
	got := htCollect(htClient(t, s).ClientGrants.ListAll(context.Background(), ListClientGrantsRequestParameters{Take: NewOpt[int64](100)}))
	want := append(htIDs(0, 200), "error: get_client-grants: decoding the 200 response: json: unexpected end of JSON input (offset 24)")
	if !slices.Equal(got, want) {
		t.Errorf("got %d values ending %q, want 200 ids and the decode error", len(got), got[len(got)-1:])
	}
	if n := s.hits(); n != 3 {
		t.Errorf("server hits = %d, want 3", n)
	}
}

func TestClientOrganizationsListAll(t *testing.T) {
	ctx := context.Background()
	const n = 5
	orgs := func(from, to int) string {
		var parts []string
		for i := from; i < to; i++ {
			parts = append(parts, fmt.Sprintf(`{"id":"org_%d","name":"org-%d"}`, i, i))
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	handler := func(w http.ResponseWriter, r *http.Request, hit int) {
		if htRunaway(t, w, hit) {
			return
		}
		if r.URL.Path != "/api/v2/client-grants/cgr_1/organizations" {
			t.Errorf("unexpected path %q", r.URL.Path)
		}
		q := r.URL.Query()
		if q.Has("take") {
			take, _ := strconv.Atoi(q.Get("take"))
			start, _ := strconv.Atoi(q.Get("from"))
			end := min(start+take, n)
			next := ""
			if end < n {
				next = fmt.Sprintf(`,"next":"%d"`, end)
			}
			htReply(w, 200, `{"organizations":`+orgs(start, end)+next+`}`)
			return
		}
		perPage, _ := strconv.Atoi(q.Get("per_page"))
		page, _ := strconv.Atoi(q.Get("page"))
		start := min(page*perPage, n)
		end := min(start+perPage, n)
		htReply(w, 200, fmt.Sprintf(`{"start":%d,"limit":%d,"total":%d,"organizations":%s}`, start, perPage, n, orgs(start, end)))
	}
	want := []string{"org_0", "org_1", "org_2", "org_3", "org_4"}
	for _, tc := range []struct {
		name    string
		params  ListClientGrantOrganizationsRequestParameters
		queries []string
	}{
		{"page mode", ListClientGrantOrganizationsRequestParameters{PerPage: NewOpt[int64](2)}, []string{
			"include_totals=true&page=0&per_page=2", "include_totals=true&page=1&per_page=2", "include_totals=true&page=2&per_page=2",
		}},
		{"checkpoint mode", ListClientGrantOrganizationsRequestParameters{Take: NewOpt[int64](2)}, []string{
			"take=2", "from=2&take=2", "from=4&take=2",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := htStart(t, handler)
			var got []string
			for o, err := range htClient(t, s).ClientGrants.Organizations.ListAll(ctx, "cgr_1", tc.params) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, o.ID.Value)
			}
			if !slices.Equal(got, want) {
				t.Errorf("organizations = %q, want %q", got, want)
			}
			if q := s.queries(); !slices.Equal(q, tc.queries) {
				t.Errorf("queries\n got: %q\nwant: %q", q, tc.queries)
			}
		})
	}

	t.Run("empty id", func(t *testing.T) {
		s := htStart(t, htNoHandler(t))
		var errs []error
		for _, err := range htClient(t, s).ClientGrants.Organizations.ListAll(ctx, "", ListClientGrantOrganizationsRequestParameters{}) {
			errs = append(errs, err)
		}
		if len(errs) != 1 {
			t.Fatalf("yielded %d times, want once", len(errs))
		}
		htWantValidation(t, errs[0], "get_client-grant-organizations: invalid request: id: is required", "id: is required")
	})
}
