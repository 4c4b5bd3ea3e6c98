package templates

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"time"
)

// testServer answers with handle, numbering hits from 1, and counts them.
type testServer struct {
	*httptest.Server
	hits atomic.Int32
}

func newTestServer(t *testing.T, handle func(hit int, w http.ResponseWriter, r *http.Request)) *testServer {
	t.Helper()
	s := &testServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handle(int(s.hits.Add(1)), w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// statuses answers the n-th hit with codes[n-1], and the last code after
// that; 2xx answers carry the body `{"ok":true}`.
func statuses(codes ...int) func(int, http.ResponseWriter, *http.Request) {
	return func(hit int, w http.ResponseWriter, _ *http.Request) {
		code := codes[min(hit, len(codes))-1]
		w.WriteHeader(code)
		if code/100 == 2 {
			io.WriteString(w, `{"ok":true}`)
		}
	}
}

// mustTransport builds a transport or stops the test.
func mustTransport(t *testing.T, baseURL string, opts ...Option) *transport {
	t.Helper()
	tr, err := newTransport(baseURL, opts)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// quickRetries allows n attempts with millisecond waits.
func quickRetries(n int) Option {
	return WithRetryPolicy(RetryPolicy{MaxAttempts: n, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond})
}

// seenRequest is what a test server saw of one request.
type seenRequest struct {
	method, requestURI string
	header             http.Header
	contentLength      int64
	body               string
}

func see(r *http.Request) seenRequest {
	body, _ := io.ReadAll(r.Body)
	return seenRequest{r.Method, r.RequestURI, r.Header.Clone(), r.ContentLength, string(body)}
}

func TestDoSendsRequest(t *testing.T) {
	var seen seenRequest
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		seen = see(r)
		w.Header().Set("X-Answer", "yes")
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, `{"id":"a/b c"}`)
	})
	tr := mustTransport(t, srv.URL+"/api/v2/",
		WithToken("tok"), WithUserAgent("test-agent/1"),
		WithHeader("X-Extra", "1"), WithHeader("x-extra", "2"))
	resp, err := tr.do(context.Background(), &request{
		operation:   "create_thing",
		method:      http.MethodPut,
		path:        "/things/a%2Fb%20c",
		query:       url.Values{"page": {"2"}, "fields": {"id,name"}},
		header:      http.Header{"X-Request-Id": {"r1"}},
		cookies:     []*http.Cookie{{Name: "sid", Value: "s1"}},
		body:        []byte(`{"a":1}`),
		contentType: "application/json",
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen.method != "PUT" {
		t.Errorf("method = %q, want PUT", seen.method)
	}
	if want := "/api/v2/things/a%2Fb%20c?fields=id%2Cname&page=2"; seen.requestURI != want {
		t.Errorf("request URI = %q, want %q", seen.requestURI, want)
	}
	for key, want := range map[string][]string{
		"Authorization":  {"Bearer tok"},
		"User-Agent":     {"test-agent/1"},
		"Accept":         {"application/json"},
		"X-Extra":        {"1", "2"},
		"X-Request-Id":   {"r1"},
		"Content-Type":   {"application/json"},
		"Cookie":         {"sid=s1"},
		"Content-Length": {"7"},
	} {
		if got := seen.header.Values(key); !slices.Equal(got, want) {
			t.Errorf("header %s = %q, want %q", key, got, want)
		}
	}
	if seen.contentLength != 7 || seen.body != `{"a":1}` {
		t.Errorf("body = %q (length %d), want {\"a\":1} (7)", seen.body, seen.contentLength)
	}
	if resp.status != http.StatusCreated || resp.header.Get("X-Answer") != "yes" || string(resp.body) != `{"id":"a/b c"}` {
		t.Errorf("response = %d %v %q", resp.status, resp.header, resp.body)
	}
}

func TestDoWithoutBodyOrOptions(t *testing.T) {
	var seen seenRequest
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		seen = see(r)
		w.WriteHeader(http.StatusNoContent)
	})
	tr := mustTransport(t, srv.URL)
	resp, err := tr.do(context.Background(), &request{operation: "list", method: http.MethodGet, path: "/things", query: url.Values{}, contentType: "application/json"})
	if err != nil {
		t.Fatal(err)
	}
	if seen.requestURI != "/things" {
		t.Errorf("request URI = %q, want /things (no query string)", seen.requestURI)
	}
	for _, key := range []string{"Authorization", "Content-Type", "Content-Length", "Cookie"} {
		if v, ok := seen.header[key]; ok {
			t.Errorf("header %s = %q, want none", key, v)
		}
	}
	if got := seen.header.Get("User-Agent"); got != "oasgen-client" {
		t.Errorf("User-Agent = %q, want oasgen-client", got)
	}
	if seen.contentLength != 0 || seen.body != "" {
		t.Errorf("body = %q (length %d), want none", seen.body, seen.contentLength)
	}
	if resp.status != http.StatusNoContent || len(resp.body) != 0 {
		t.Errorf("response = %d %q, want 204 and no body", resp.status, resp.body)
	}
}

func TestDoHeaderPrecedence(t *testing.T) {
	var seen seenRequest
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) { seen = see(r) })
	tr := mustTransport(t, srv.URL, WithToken("tok"),
		WithHeader("Accept", "text/plain"), WithHeader("X-Tenant", "client-wide"), WithHeader("Authorization", "Basic eA=="))
	_, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodGet, path: "/",
		header: http.Header{"X-Tenant": {"operation"}}})
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{
		"Accept":        "text/plain", // extra headers replace the defaults
		"X-Tenant":      "operation",  // operation parameters replace extra headers
		"Authorization": "Bearer tok", // the token source wins
	} {
		if got := seen.header.Values(key); !slices.Equal(got, []string{want}) {
			t.Errorf("header %s = %q, want [%q]", key, got, want)
		}
	}
}

// TestDoQueryPrecedence: an operation's own query parameter replaces a
// client-wide one of the same name rather than being sent beside it, which
// a server that takes the parameter once refuses (Trello declares its API
// key as a scheme and as a required parameter); an empty one gives way.
func TestDoQueryPrecedence(t *testing.T) {
	var seen seenRequest
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) { seen = see(r) })
	tr := mustTransport(t, srv.URL, WithQueryParam("key", "client"), WithQueryParam("token", "t"), WithQueryParam("tag", "a"), WithQueryParam("tag", "b"))
	_, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodGet, path: "/",
		query: url.Values{"key": {"operation"}, "page": {"2"}, "token": {""}}})
	if err != nil {
		t.Fatal(err)
	}
	// An empty value of the operation's gives way to the client's.
	if want := "/?key=operation&page=2&tag=a&tag=b&token=t"; seen.requestURI != want {
		t.Errorf("request URI = %q, want %q", seen.requestURI, want)
	}
}

// TestDoFollowsPageLink: a next-page link in the context replaces the URL
// the request would go to, keeps its query as the server wrote it, gains
// the client's query parameters it lacks, and is refused when it leaves
// the base URL's scheme and host, which the credentials must not follow.
func TestDoFollowsPageLink(t *testing.T) {
	var seen seenRequest
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) { seen = see(r) })
	tr := mustTransport(t, srv.URL+"/api", WithQueryParam("key", "client"), WithQueryParam("api-version", "1"), WithToken("tok"))
	r := &request{operation: "op", method: http.MethodGet, path: "/items", query: url.Values{"top": {"2"}}}
	for _, c := range []struct{ link, want string }{
		{srv.URL + "/api/items?api-version=2&%24skiptoken=a%2Bb", "/api/items?api-version=2&%24skiptoken=a%2Bb&key=client"},
		{"/api/items?page=3", "/api/items?page=3&api-version=1&key=client"},
		{"items?key=own", "/api/items?key=own&api-version=1"},
		{"", "/api/items?api-version=1&key=client&top=2"},
	} {
		if _, err := tr.do(withPageLink(context.Background(), c.link), r); err != nil {
			t.Fatalf("link %q: %v", c.link, err)
		}
		if seen.requestURI != c.want || seen.header.Get("Authorization") != "Bearer tok" {
			t.Errorf("link %q: request URI %q with Authorization %q, want %q with the token", c.link, seen.requestURI, seen.header.Get("Authorization"), c.want)
		}
	}
	hits := srv.hits.Load()
	for _, link := range []string{"https://elsewhere.example/api/items?page=2", "//elsewhere.example/x", strings.Replace(srv.URL, "http:", "https:", 1) + "/api/items", "http://[::1"} {
		_, err := tr.do(withPageLink(context.Background(), link), r)
		if err == nil || !strings.HasPrefix(err.Error(), "op: GET "+link+": the next page's link") {
			t.Errorf("link %q: err = %v, want it refused", link, err)
		}
	}
	if n := srv.hits.Load(); n != hits {
		t.Errorf("refused links sent %d requests", n-hits)
	}
}

// TestOnOrigin checks which next-page links stay on the client's base
// URL, and that an http:// link on an https:// API goes as https://.
func TestOnOrigin(t *testing.T) {
	for _, tt := range []struct {
		base, link string
		want       bool
		sent       string // the link as followed, when it is
	}{
		{"https://api.example.com/v1", "https://api.example.com/v1/items?page=2", true, "https://api.example.com/v1/items?page=2"},
		{"https://api.example.com/v1", "https://API.Example.com:443/v1/items", true, "https://API.Example.com:443/v1/items"},
		{"http://api.example.com", "http://api.example.com:80/items", true, "http://api.example.com:80/items"},
		{"https://api.example.com", "http://api.example.com/items?cursor=x", true, "https://api.example.com/items?cursor=x"},
		{"https://api.example.com:8443", "http://api.example.com:8443/items", true, "https://api.example.com:8443/items"},
		{"https://api.example.com", "http://api.example.com:80/items", false, ""},
		{"http://api.example.com", "https://api.example.com/items", false, ""},
		{"https://api.example.com", "https://api.example.com:8443/items", false, ""},
		{"https://api.example.com", "https://elsewhere.example/items", false, ""},
		{"https://api.example.com", "https://api.example.com.evil.test/items", false, ""},
		{"https://api.example.com", "ftp://api.example.com/items", false, ""},
	} {
		base, _ := url.Parse(tt.base)
		u, err := url.Parse(tt.link)
		if err != nil {
			t.Fatal(err)
		}
		if got := onOrigin(u, base); got != tt.want || got && u.String() != tt.sent {
			t.Errorf("onOrigin(%s, %s) = %v, followed as %s; want %v, %s", tt.link, tt.base, got, u, tt.want, tt.sent)
		}
	}
}

// TestDoFollowsHTTPLinkAsHTTPS: a Django API behind a proxy that ends TLS
// writes its next links http://; on an https:// client they go over TLS,
// with the token, where they were refused and ended the walk.
func TestDoFollowsHTTPLinkAsHTTPS(t *testing.T) {
	var seen seenRequest
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = see(r)
		seen.header.Set("X-TLS", strconv.FormatBool(r.TLS != nil))
	}))
	defer srv.Close()
	tr := mustTransport(t, srv.URL, WithHTTPClient(srv.Client()), WithToken("tok"))
	link := strings.Replace(srv.URL, "https:", "http:", 1) + "/items?cursor=c2"
	r := &request{operation: "op", method: http.MethodGet, path: "/items"}
	if _, err := tr.do(withPageLink(context.Background(), link), r); err != nil {
		t.Fatalf("link %q: %v", link, err)
	}
	if seen.requestURI != "/items?cursor=c2" || seen.header.Get("X-TLS") != "true" || seen.header.Get("Authorization") != "Bearer tok" {
		t.Errorf("request URI %q, over TLS %s, Authorization %q; want /items?cursor=c2 over TLS with the token", seen.requestURI, seen.header.Get("X-TLS"), seen.header.Get("Authorization"))
	}
}

// TestDoQueryReserved: the values of an allowReserved parameter keep the
// reserved characters a query allows, and still read back as given, by
// url.ParseQuery and by the generated server's parser; other values are
// escaped as ever.
func TestDoQueryReserved(t *testing.T) {
	var seen seenRequest
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) { seen = see(r) })
	tr := mustTransport(t, srv.URL)
	values := []string{"name eq 'a/b' and (x,y)", "a&b=c+d#e;f[g]%41 é", ":/?@!$'()*,", ""}
	query := url.Values{"$filter": values, "q": {"a/b c"}}
	if _, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodGet, path: "/", query: query, reserved: []string{"$filter"}}); err != nil {
		t.Fatal(err)
	}
	want := "/?%24filter=name%20eq%20'a/b'%20and%20(x,y)&%24filter=a%26b%3Dc%2Bd%23e%3Bf%5Bg%5D%2541%20%C3%A9&%24filter=:/?@!$'()*,&%24filter=&q=a%2Fb+c"
	if seen.requestURI != want {
		t.Errorf("request URI =\n%s\nwant\n%s", seen.requestURI, want)
	}
	raw := strings.TrimPrefix(want, "/?")
	if got, err := url.ParseQuery(raw); err != nil || !reflect.DeepEqual(got, query) {
		t.Errorf("url.ParseQuery = %v, %v; want %v", got, err, query)
	}
	var q queryParams
	q.parse(raw)
	if got, _ := q.get("$filter"); !reflect.DeepEqual(got, values) || len(q.malformed) > 0 {
		t.Errorf("the server's parse = %q (malformed %q), want %q", got, q.malformed, values)
	}
}

// TestCredentialsChosenPerOperation: a request carries the credentials of
// the first alternative of its operation that the client holds whole, and
// every credential (and the token) when it holds none; obono's HTTP basic
// and its API key in the same header each reach their own operations.
func TestCredentialsChosenPerOperation(t *testing.T) {
	var seen seenRequest
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) { seen = see(r) })
	tr := mustTransport(t, srv.URL, WithToken("tok"),
		withCredential("basic", "header", "Authorization", "Basic eA=="),
		withCredential("jwt", "header", "Authorization", "jwt-1"),
		withCredential("key", "query", "api_key", "k1"), withCredential("key2", "query", "api_key", "k2"),
		withCredential("session", "cookie", "sid", "s1"))
	for _, tc := range []struct {
		name      string
		security  [][]string
		query     url.Values
		cookies   []*http.Cookie
		uri, auth string
		cookie    string
	}{
		{"basic", [][]string{{"basic"}}, nil, nil, "/", "Basic eA==", ""},
		{"jwt", [][]string{{"jwt"}}, nil, nil, "/", "jwt-1", ""},
		{"the first held", [][]string{{"missing"}, {""}}, nil, nil, "/", "Bearer tok", ""},
		{"two schemes, one parameter", [][]string{{"key", "key2"}}, nil, nil, "/?api_key=k2", "", ""},
		{"a cookie", [][]string{{"session"}}, nil, nil, "/", "", "sid=s1"},
		{"its own empty cookie gives way", [][]string{{"session"}}, nil, []*http.Cookie{{Name: "sid"}}, "/", "", "sid=s1"},
		{"its own cookie wins", [][]string{{"session"}}, nil, []*http.Cookie{{Name: "sid", Value: "own"}}, "/", "", "sid=own"},
		{"the operation's own key", [][]string{{"key"}}, url.Values{"api_key": {"own"}}, nil, "/?api_key=own", "", ""},
		{"its empty key gives way", [][]string{{"key"}}, url.Values{"api_key": {""}}, nil, "/?api_key=k1", "", ""},
		{"none held: everything", [][]string{{"missing"}}, nil, nil, "/?api_key=k2", "Bearer tok", "sid=s1"},
		{"no requirements: everything", nil, nil, nil, "/?api_key=k2", "Bearer tok", "sid=s1"},
	} {
		_, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodGet, path: "/", query: tc.query, cookies: tc.cookies, security: tc.security})
		if err != nil {
			t.Fatal(err)
		}
		if seen.requestURI != tc.uri || seen.header.Get("Authorization") != tc.auth || seen.header.Get("Cookie") != tc.cookie {
			t.Errorf("%s: sent %s, Authorization %q, Cookie %q; want %s, %q, %q", tc.name,
				seen.requestURI, seen.header.Get("Authorization"), seen.header.Get("Cookie"), tc.uri, tc.auth, tc.cookie)
		}
	}
}

func TestDoJoinsBasePath(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) { io.WriteString(w, r.RequestURI) })
	for _, tc := range []struct{ base, path, want string }{
		{"", "/client-grants", "/client-grants"},
		{"/", "/client-grants", "/client-grants"},
		{"/api/v2", "/client-grants", "/api/v2/client-grants"},
		{"/api/v2/", "/client-grants", "/api/v2/client-grants"},
		{"/api/v2//", "/client-grants", "/api/v2/client-grants"},
		{"/api/v2", "client-grants", "/api/v2/client-grants"},
		{"/api/v2", "", "/api/v2"},
		{"/api/v2", "/client-grants/a%2Fb/x%3Fy", "/api/v2/client-grants/a%2Fb/x%3Fy"},
		{"/te%2Fnant/v2", "/a%2Fb", "/te%2Fnant/v2/a%2Fb"},
	} {
		tr := mustTransport(t, srv.URL+tc.base)
		resp, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodGet, path: tc.path})
		if err != nil {
			t.Fatal(err)
		}
		if got := string(resp.body); got != tc.want {
			t.Errorf("base %q + path %q: server saw %q, want %q", tc.base, tc.path, got, tc.want)
		}
	}
}

func TestDoRejectsBadPathEscape(t *testing.T) {
	tr := mustTransport(t, "https://example.com/api")
	_, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodGet, path: "/a%zz"})
	var escErr url.EscapeError
	if !errors.As(err, &escErr) || !strings.HasPrefix(err.Error(), "op: GET /a%zz: ") {
		t.Fatalf("err = %v, want an url.EscapeError wrapped with operation, method and path", err)
	}
}

func TestWithTokenFuncCalledPerAttempt(t *testing.T) {
	var auth []string
	srv := newTestServer(t, func(hit int, w http.ResponseWriter, r *http.Request) {
		auth = append(auth, r.Header.Get("Authorization"))
		statuses(503, 200)(hit, w, r)
	})
	var calls int
	tr := mustTransport(t, srv.URL, quickRetries(3), WithTokenFunc(func(ctx context.Context) (string, error) {
		calls++
		return "t" + strconv.Itoa(calls), nil
	}))
	if _, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodGet, path: "/x"}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"Bearer t1", "Bearer t2"}; calls != 2 || !slices.Equal(auth, want) {
		t.Fatalf("token calls = %d, server saw %q; want 2 and %q", calls, auth, want)
	}
}

func TestWithTokenFuncErrorAborts(t *testing.T) {
	srv := newTestServer(t, statuses(200))
	errExpired := errors.New("refresh token expired")
	tr := mustTransport(t, srv.URL, WithTokenFunc(func(context.Context) (string, error) { return "", errExpired }))
	_, err := tr.do(context.Background(), &request{operation: "get_thing", method: http.MethodGet, path: "/x"})
	if !errors.Is(err, errExpired) {
		t.Fatalf("err = %v, want it to wrap the token error", err)
	}
	if want := "get_thing: GET " + srv.URL + "/x: getting the bearer token: refresh token expired"; err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
	if n := srv.hits.Load(); n != 0 {
		t.Errorf("server hits = %d, want 0", n)
	}
}

func TestEmptyTokenSendsNoAuthorization(t *testing.T) {
	var seen seenRequest
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) { seen = see(r) })
	tr := mustTransport(t, srv.URL, WithToken(""), WithUserAgent(""))
	if _, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodGet, path: "/"}); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"Authorization", "User-Agent"} {
		if v, ok := seen.header[key]; ok {
			t.Errorf("header %s = %q, want none", key, v)
		}
	}
}

func TestRetryAfterSeconds(t *testing.T) {
	var times []time.Time
	srv := newTestServer(t, func(hit int, w http.ResponseWriter, r *http.Request) {
		times = append(times, time.Now())
		if hit == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		io.WriteString(w, `{"ok":true}`)
	})
	tr := mustTransport(t, srv.URL, WithRetryPolicy(RetryPolicy{MaxAttempts: 3, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Second}))
	resp, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodGet, path: "/"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.status != 200 || len(times) != 2 {
		t.Fatalf("status %d after %d hits, want 200 after 2", resp.status, len(times))
	}
	if gap := times[1].Sub(times[0]); gap < time.Second || gap > 3*time.Second {
		t.Errorf("second attempt %v after the first, want 1s (Retry-After)", gap)
	}
}

func TestRateLimitResetHonoured(t *testing.T) {
	var times []time.Time
	var reset int64
	srv := newTestServer(t, func(hit int, w http.ResponseWriter, r *http.Request) {
		times = append(times, time.Now())
		if hit == 1 {
			reset = time.Now().Add(1500 * time.Millisecond).Unix() // 0.5s to 1.5s ahead
			w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(reset, 10))
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		io.WriteString(w, `{"ok":true}`)
	})
	tr := mustTransport(t, srv.URL, WithRetryPolicy(RetryPolicy{MaxAttempts: 3, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Second}))
	if _, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodPost, path: "/"}); err != nil {
		t.Fatal(err)
	}
	if len(times) != 2 {
		t.Fatalf("server hits = %d, want 2", len(times))
	}
	if at := time.Unix(reset, 0); times[1].Before(at.Add(-10 * time.Millisecond)) {
		t.Errorf("second attempt at %v, before the rate limit reset at %v", times[1], at)
	}
	if gap := times[1].Sub(times[0]); gap < 400*time.Millisecond {
		t.Errorf("second attempt %v after the first, want at least 0.5s", gap)
	}
}

func TestRetriesByMethodAndStatus(t *testing.T) {
	for _, tc := range []struct {
		method string
		status int
		hits   int32
	}{
		{http.MethodGet, 503, 3},
		{http.MethodHead, 500, 3},
		{http.MethodPut, 502, 3},
		{http.MethodDelete, 504, 3},
		{http.MethodOptions, 503, 3},
		{http.MethodPost, 503, 1},
		{http.MethodPatch, 500, 1},
		{http.MethodPost, 429, 3},
		{http.MethodPatch, 429, 3},
		{http.MethodGet, 429, 3},
		{http.MethodGet, 501, 1},
		{http.MethodGet, 404, 1},
		{http.MethodGet, 400, 1},
		{http.MethodGet, 304, 1},
	} {
		srv := newTestServer(t, statuses(tc.status))
		tr := mustTransport(t, srv.URL, quickRetries(3))
		_, err := tr.do(context.Background(), &request{operation: "op", method: tc.method, path: "/"})
		var apiErr *APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != tc.status || apiErr.Method != tc.method {
			t.Errorf("%s answered %d: err = %v, want *APIError with that status", tc.method, tc.status, err)
		}
		if n := srv.hits.Load(); n != tc.hits {
			t.Errorf("%s answered %d: server hits = %d, want %d", tc.method, tc.status, n, tc.hits)
		}
	}
}

func TestPostRetriedOn429Succeeds(t *testing.T) {
	srv := newTestServer(t, statuses(429, 201))
	tr := mustTransport(t, srv.URL, quickRetries(3))
	resp, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodPost, path: "/", body: []byte("{}"), contentType: "application/json"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.status != 201 || srv.hits.Load() != 2 {
		t.Fatalf("status %d after %d hits, want 201 after 2", resp.status, srv.hits.Load())
	}
}

func TestRetryResendsBody(t *testing.T) {
	var mu sync.Mutex
	var seen []seenRequest
	srv := newTestServer(t, func(hit int, w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, see(r))
		mu.Unlock()
		statuses(503, 503, 200)(hit, w, r)
	})
	tr := mustTransport(t, srv.URL, quickRetries(3))
	if _, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodPut, path: "/", body: []byte(`{"name":"x"}`), contentType: "application/json"}); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 3 {
		t.Fatalf("server hits = %d, want 3", len(seen))
	}
	for i, s := range seen {
		if s.body != `{"name":"x"}` || s.contentLength != 12 || s.header.Get("Content-Type") != "application/json" {
			t.Errorf("attempt %d: body %q, length %d, type %q", i+1, s.body, s.contentLength, s.header.Get("Content-Type"))
		}
	}
}

func TestMaxAttemptsOneOrLessDisablesRetries(t *testing.T) {
	for _, n := range []int{1, 0, -1} {
		srv := newTestServer(t, statuses(503, 200))
		tr := mustTransport(t, srv.URL, quickRetries(n))
		_, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodGet, path: "/"})
		if !errors.As(err, new(*APIError)) || srv.hits.Load() != 1 {
			t.Errorf("MaxAttempts %d: err = %v after %d hits, want *APIError after 1", n, err, srv.hits.Load())
		}
	}
}

// closedAddr returns a loopback address nothing listens on.
func closedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestConnectionRefused(t *testing.T) {
	base := "http://" + closedAddr(t)
	for _, tc := range []struct {
		method   string
		attempts int
		suffix   string
	}{
		{http.MethodGet, 3, " (after 3 attempts)"},
		{http.MethodPost, 1, "connection refused"},
	} {
		attempts := 0
		tr := mustTransport(t, base, quickRetries(3), WithTokenFunc(func(context.Context) (string, error) {
			attempts++ // called once per attempt
			return "tok", nil
		}))
		_, err := tr.do(context.Background(), &request{operation: "list_things", method: tc.method, path: "/things"})
		var opErr *net.OpError
		if !errors.As(err, &opErr) {
			t.Fatalf("%s: err = %v, want a wrapped *net.OpError", tc.method, err)
		}
		if attempts != tc.attempts {
			t.Errorf("%s: %d attempts, want %d", tc.method, attempts, tc.attempts)
		}
		if prefix := "list_things: " + tc.method + " " + base + "/things: dial tcp "; !strings.HasPrefix(err.Error(), prefix) || !strings.HasSuffix(err.Error(), tc.suffix) {
			t.Errorf("%s: err = %q, want %q…%q", tc.method, err, prefix, tc.suffix)
		}
	}
}

func TestCancelDuringRetryAfter(t *testing.T) {
	firstHit := make(chan struct{})
	srv := newTestServer(t, func(hit int, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "60")
		w.WriteHeader(http.StatusTooManyRequests)
		if hit == 1 {
			close(firstHit)
		}
	})
	tr := mustTransport(t, srv.URL, WithRetryPolicy(RetryPolicy{MaxAttempts: 3, BaseDelay: time.Millisecond, MaxDelay: 2 * time.Minute}))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var cancelled time.Time
	go func() {
		<-firstHit
		time.Sleep(20 * time.Millisecond) // let the client start waiting
		cancelled = time.Now()
		cancel()
	}()
	_, err := tr.do(ctx, &request{operation: "op", method: http.MethodGet, path: "/"})
	returned := time.Now()
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want it to wrap context.Canceled", err)
	}
	if d := returned.Sub(cancelled); d > 200*time.Millisecond {
		t.Errorf("returned %v after the cancel, want promptly", d)
	}
	if want := "op: GET " + srv.URL + "/: waiting to retry: context canceled"; err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
	if n := srv.hits.Load(); n != 1 {
		t.Errorf("server hits = %d, want 1", n)
	}
}

func TestCallerDeadlineNotRetried(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	tr := mustTransport(t, srv.URL, quickRetries(3))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := tr.do(ctx, &request{operation: "op", method: http.MethodGet, path: "/"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	if n := srv.hits.Load(); n != 1 {
		t.Errorf("server hits = %d, want 1: a done context is never retried", n)
	}
}

func TestPerAttemptTimeout(t *testing.T) {
	slowFirst := func(hit int, w http.ResponseWriter, r *http.Request) {
		if hit == 1 {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
			return
		}
		io.WriteString(w, `{"ok":true}`)
	}
	t.Run("GET retried", func(t *testing.T) {
		srv := newTestServer(t, slowFirst)
		tr := mustTransport(t, srv.URL, quickRetries(3), WithTimeout(50*time.Millisecond))
		resp, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodGet, path: "/"})
		if err != nil {
			t.Fatal(err)
		}
		if resp.status != 200 || srv.hits.Load() != 2 {
			t.Fatalf("status %d after %d hits, want 200 after 2", resp.status, srv.hits.Load())
		}
	})
	t.Run("POST not retried", func(t *testing.T) {
		srv := newTestServer(t, slowFirst)
		tr := mustTransport(t, srv.URL, quickRetries(3), WithTimeout(50*time.Millisecond))
		_, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodPost, path: "/"})
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want context.DeadlineExceeded", err)
		}
		if n := srv.hits.Load(); n != 1 {
			t.Fatalf("server hits = %d, want 1", n)
		}
	})
}

func TestResponseTooLarge(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		io.Copy(w, io.LimitReader(zeros{}, maxResponseBytes+1))
	})
	tr := mustTransport(t, srv.URL, quickRetries(3))
	_, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodGet, path: "/big"})
	if want := "op: GET " + srv.URL + "/big: reading the 200 response: body exceeds the 32 MiB limit"; err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
	if n := srv.hits.Load(); n != 1 {
		t.Errorf("server hits = %d, want 1", n)
	}
}

// zeros is an endless stream of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestReadBodyLimit(t *testing.T) {
	body, err := readBody(strings.NewReader("0123456789"), 10)
	if err != nil || string(body) != "0123456789" {
		t.Fatalf("at the limit: %q, %v", body, err)
	}
	if _, err := readBody(strings.NewReader("0123456789x"), 10); err == nil || err.Error() != "body exceeds the 10 bytes limit" {
		t.Fatalf("one byte over the limit: %v", err)
	}
	if _, err := readBody(iotest.ErrReader(io.ErrUnexpectedEOF), 10); err != io.ErrUnexpectedEOF {
		t.Fatalf("failing reader: %v, want its error", err)
	}
}

func TestAPIErrorFromAuth0Body(t *testing.T) {
	const body = `{"statusCode":404,"error":"Not Found","message":"The grant does not exist","errorCode":"inexistent_client_grant"}`
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Trace", "t1")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, body)
	})
	tr := mustTransport(t, srv.URL+"/api/v2")
	_, err := tr.do(context.Background(), &request{operation: "get_client-grant", method: http.MethodGet, path: "/client-grants/x"})
	var e *APIError
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want *APIError", err)
	}
	target := srv.URL + "/api/v2/client-grants/x"
	if e.Operation != "get_client-grant" || e.Method != "GET" || e.URL != target || e.StatusCode != 404 ||
		e.Header.Get("X-Trace") != "t1" || string(e.Body) != body ||
		e.ErrorName != "Not Found" || e.Message != "The grant does not exist" || e.ErrorCode != "inexistent_client_grant" {
		t.Errorf("APIError = %+v", *e)
	}
	if want := "get_client-grant: GET " + target + ": 404 Not Found: The grant does not exist (errorCode inexistent_client_grant)"; err.Error() != want {
		t.Errorf("Error() = %q\nwant      %q", err, want)
	}
}

func TestAPIErrorNonJSONBody(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
		io.WriteString(w, "<html>\n  upstream\tconnect error\n</html>\n")
	})
	tr := mustTransport(t, srv.URL, quickRetries(1))
	_, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodGet, path: "/x"})
	var e *APIError
	if !errors.As(err, &e) || e.ErrorName != "" || e.Message != "" || e.ErrorCode != "" {
		t.Fatalf("err = %#v, want *APIError with nothing decoded", err)
	}
	if want := "op: GET " + srv.URL + "/x: 502 Bad Gateway: <html> upstream connect error </html>"; err.Error() != want {
		t.Errorf("Error() = %q\nwant      %q", err, want)
	}
}

func TestNewAPIErrorDecoding(t *testing.T) {
	for _, tc := range []struct {
		body                     string
		name, message, errorCode string
	}{
		{`{"statusCode":409,"error":"Conflict","message":"exists","errorCode":"dup"}`, "Conflict", "exists", "dup"},
		{" \n{\"message\":\"spaced\"}", "", "spaced", ""},
		{`{"error":{"code":1},"message":"kept"}`, "", "kept", ""}, // a field of another type is skipped
		{`{"detail":"other shape"}`, "", "", ""},
		{`{"message":`, "", "", ""},
		{`["message"]`, "", "", ""},
		{`message`, "", "", ""},
		{``, "", "", ""},
	} {
		e := newAPIError(&request{operation: "op", method: "GET"}, &url.URL{Scheme: "https", Host: "h"}, &response{status: 409, body: []byte(tc.body)})
		if e.ErrorName != tc.name || e.Message != tc.message || e.ErrorCode != tc.errorCode {
			t.Errorf("body %q: decoded %q, %q, %q; want %q, %q, %q", tc.body, e.ErrorName, e.Message, e.ErrorCode, tc.name, tc.message, tc.errorCode)
		}
	}
}

func TestNewAPIErrorRedactsPassword(t *testing.T) {
	u, _ := url.Parse("https://user:secret@h/x")
	e := newAPIError(&request{operation: "op", method: "GET"}, u, &response{status: 500})
	if e.URL != "https://user:xxxxx@h/x" {
		t.Fatalf("URL = %q, want the password redacted", e.URL)
	}
}

func TestAPIErrorMessage(t *testing.T) {
	long := strings.Repeat("a", 1000)
	accents := strings.Repeat("é", 300)
	for _, tc := range []struct {
		e    APIError
		want string
	}{
		{APIError{StatusCode: 404, ErrorName: "Not Found", Message: "The grant does not exist", ErrorCode: "inexistent_client_grant"},
			"op: GET https://h/x: 404 Not Found: The grant does not exist (errorCode inexistent_client_grant)"},
		{APIError{StatusCode: 403, ErrorName: "Forbidden", Body: []byte(`{"error":"Forbidden"}`)}, "op: GET https://h/x: 403 Forbidden"},
		{APIError{StatusCode: 400, Message: "Bad scope"}, "op: GET https://h/x: 400 Bad Request: Bad scope"},
		{APIError{StatusCode: 401, ErrorCode: "invalid_token"}, "op: GET https://h/x: 401 Unauthorized (errorCode invalid_token)"},
		{APIError{StatusCode: 500}, "op: GET https://h/x: 500 Internal Server Error"},
		{APIError{StatusCode: 599, Body: []byte("odd")}, "op: GET https://h/x: 599: odd"},
		{APIError{StatusCode: 500, Body: []byte(" \n ")}, "op: GET https://h/x: 500 Internal Server Error"},
		{APIError{StatusCode: 500, Body: []byte(long)}, "op: GET https://h/x: 500 Internal Server Error: " + long[:200] + "…"},
		{APIError{StatusCode: 500, Body: []byte(accents)}, "op: GET https://h/x: 500 Internal Server Error: " + accents[:200] + "…"},
		{APIError{StatusCode: 500, Body: []byte("bad \xff byte")}, "op: GET https://h/x: 500 Internal Server Error: bad \uFFFD byte"},
	} {
		tc.e.Operation, tc.e.Method, tc.e.URL = "op", "GET", "https://h/x"
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("Error() = %q\nwant      %q", got, tc.want)
		}
	}
}

func TestBodyPrefixCutsAtRuneBoundary(t *testing.T) {
	s := bodyPrefix([]byte("a" + strings.Repeat("é", 150))) // byte 200 falls inside a rune
	if want := "a" + strings.Repeat("é", 99) + "…"; s != want {
		t.Fatalf("bodyPrefix = %q, want %q", s, want)
	}
}

func TestStatusHelpers(t *testing.T) {
	helpers := []struct {
		name   string
		is     func(error) bool
		status int
	}{
		{"IsNotFound", IsNotFound, 404},
		{"IsUnauthorized", IsUnauthorized, 401},
		{"IsForbidden", IsForbidden, 403},
		{"IsConflict", IsConflict, 409},
		{"IsRateLimited", IsRateLimited, 429},
	}
	for _, status := range []int{401, 403, 404, 409, 429, 500} {
		err := fmt.Errorf("listing grants: %w", &APIError{StatusCode: status})
		for _, h := range helpers {
			if got := h.is(err); got != (status == h.status) {
				t.Errorf("%s(wrapped %d) = %v", h.name, status, got)
			}
		}
	}
	for _, h := range helpers {
		if h.is(nil) || h.is(errors.New("404")) {
			t.Errorf("%s true for an error that is no *APIError", h.name)
		}
	}
}

func TestDecodeResponse(t *testing.T) {
	var v struct{ ID string }
	if err := decodeResponse("op", &response{status: 200, body: []byte(`{"ID":"x"}`)}, &v); err != nil || v.ID != "x" {
		t.Fatalf("decoded %+v, %v", v, err)
	}
	err := decodeResponse("get_thing", &response{status: 201, body: []byte(`{"ID":`)}, &v)
	if !errors.As(err, new(*json.SyntaxError)) || err.Error() != "get_thing: decoding the 201 response: unexpected end of JSON input" {
		t.Errorf("err = %v", err)
	}
	err = decodeResponse("get_thing", &response{status: 200, body: []byte(`{"ID":1}`)}, &v)
	if !errors.As(err, new(*json.UnmarshalTypeError)) || !strings.HasPrefix(err.Error(), "get_thing: decoding the 200 response: json: cannot unmarshal number") {
		t.Errorf("err = %v", err)
	}
}

// An answer that starts with a byte order mark decodes (see newBodyReader).
func TestDecodeResponseByteOrderMark(t *testing.T) {
	var v rdChild
	if err := decodeResponse("op", &response{status: 200, body: []byte("\ufeff{\"name\":\"x\"}")}, &v); err != nil || v.Name != "x" {
		t.Fatalf("decoded %+v, %v", v, err)
	}
}

func TestNewTransportRejects(t *testing.T) {
	for _, base := range []string{
		"", "ftp://x", "not a url", "/api/v2", "api/v2", "//h/api", "https://", "https:///api",
		"mailto:a@b", "https://h/api?x=1", "https://h/api#frag", "https://h/api?", "http://h/%zz", "http://[::1",
	} {
		_, err := newTransport(base, nil)
		if want := "invalid base URL " + strconv.Quote(base) + ": "; err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("newTransport(%q) = %v, want an error starting %q", base, err, want)
		}
	}
}

func TestNewTransportDefaults(t *testing.T) {
	for _, base := range []string{"http://h", "https://h/api/v2/", "HTTPS://h:8443/x", "http://[::1]:80"} {
		if _, err := newTransport(base, nil); err != nil {
			t.Errorf("newTransport(%q): %v", base, err)
		}
	}
	tr := mustTransport(t, "https://h/api/v2")
	o := tr.opts
	if o.httpClient == nil || o.httpClient == http.DefaultClient || o.httpClient.Timeout != 0 ||
		o.token != nil || o.userAgent != "oasgen-client" || o.header != nil || o.timeout != 0 ||
		o.retry != DefaultRetryPolicy || o.formBodies {
		t.Errorf("defaults = %+v", o)
	}
	if want := (RetryPolicy{MaxAttempts: 4, BaseDelay: 250 * time.Millisecond, MaxDelay: 30 * time.Second}); DefaultRetryPolicy != want {
		t.Errorf("DefaultRetryPolicy = %+v, want %+v", DefaultRetryPolicy, want)
	}
}

// roundTripFunc lets a function serve as an http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestOptionsApplied(t *testing.T) {
	var sent []string
	client := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		sent = append(sent, r.URL.String())
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader("{}"))}, nil
	})}
	policy := RetryPolicy{MaxAttempts: 2, BaseDelay: time.Second, MaxDelay: time.Minute}
	opts := []Option{WithHTTPClient(client), WithHTTPClient(nil), WithTimeout(3 * time.Second), WithRetryPolicy(policy), WithFormBodies(), WithHeader("A", "1"), nil}
	tr := mustTransport(t, "https://h/api", opts...)
	if tr.opts.httpClient != client || tr.opts.timeout != 3*time.Second || tr.opts.retry != policy || !tr.opts.formBodies {
		t.Errorf("options = %+v", tr.opts)
	}
	if _, err := tr.do(context.Background(), &request{operation: "op", method: http.MethodGet, path: "/x"}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"https://h/api/x"}; !slices.Equal(sent, want) {
		t.Errorf("sent %q, want %q", sent, want)
	}
	// Each transport gets its own header map, even from the same options.
	other := mustTransport(t, "https://h/api", opts...)
	tr.opts.header.Add("B", "2")
	if _, ok := other.opts.header["B"]; ok {
		t.Error("transports built from the same options share a header map")
	}
}

func TestBackoff(t *testing.T) {
	p := RetryPolicy{BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second}
	for _, tc := range []struct {
		attempt int
		lo, hi  time.Duration
	}{
		{1, 50 * time.Millisecond, 100 * time.Millisecond},
		{2, 100 * time.Millisecond, 200 * time.Millisecond},
		{3, 200 * time.Millisecond, 400 * time.Millisecond},
		{4, 400 * time.Millisecond, 800 * time.Millisecond},
		{5, 500 * time.Millisecond, time.Second}, // capped, then jittered
		{200, 500 * time.Millisecond, time.Second},
	} {
		seen := map[time.Duration]bool{}
		for range 200 {
			d := p.backoff(tc.attempt)
			if d < tc.lo || d > tc.hi {
				t.Fatalf("backoff(%d) = %v, want within [%v, %v]", tc.attempt, d, tc.lo, tc.hi)
			}
			seen[d] = true
		}
		if len(seen) < 10 {
			t.Errorf("backoff(%d) took only %d distinct values in 200 draws; want jitter", tc.attempt, len(seen))
		}
	}
	uncapped := RetryPolicy{BaseDelay: time.Hour}
	if d := uncapped.backoff(100); d < math.MaxInt64/4 {
		t.Errorf("uncapped backoff(100) = %v, want a huge positive wait, no overflow", d)
	}
	if d := (RetryPolicy{}).backoff(3); d != 0 {
		t.Errorf("zero policy backoff = %v, want 0", d)
	}
}

func TestDelay(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	p := RetryPolicy{BaseDelay: time.Millisecond, MaxDelay: time.Minute}
	for _, tc := range []struct {
		status int
		header map[string]string
		want   time.Duration // -1: backoff, within [0.5ms, 1ms]
	}{
		{429, map[string]string{"Retry-After": "3"}, 3 * time.Second},
		{503, map[string]string{"Retry-After": "3"}, 3 * time.Second},
		{429, map[string]string{"Retry-After": "0"}, 0},
		{429, map[string]string{"Retry-After": "3600"}, time.Minute},
		{429, map[string]string{"Retry-After": "99999999999999999"}, time.Minute},
		{429, map[string]string{"Retry-After": now.Add(5 * time.Second).Format(http.TimeFormat)}, 5 * time.Second},
		{429, map[string]string{"Retry-After": now.Add(-5 * time.Second).Format(http.TimeFormat)}, 0},
		{429, map[string]string{"Retry-After": "-1"}, -1},
		{429, map[string]string{"Retry-After": "soon"}, -1},
		{429, map[string]string{"X-RateLimit-Reset": strconv.FormatInt(now.Unix()+7, 10)}, 7 * time.Second},
		{429, map[string]string{"X-RateLimit-Reset": strconv.FormatInt(now.Unix()+7200, 10)}, time.Minute},
		{429, map[string]string{"X-RateLimit-Reset": strconv.FormatInt(now.Unix()-7, 10)}, -1},
		{429, map[string]string{"X-RateLimit-Reset": "later"}, -1},
		{503, map[string]string{"X-RateLimit-Reset": strconv.FormatInt(now.Unix()+7, 10)}, -1},
		{429, map[string]string{"Retry-After": "2", "X-RateLimit-Reset": strconv.FormatInt(now.Unix()+7, 10)}, 2 * time.Second},
		{503, nil, -1},
	} {
		h := http.Header{}
		for k, v := range tc.header {
			h.Set(k, v)
		}
		got := p.delay(1, tc.status, h, now)
		if tc.want == -1 {
			if got < time.Millisecond/2 || got > time.Millisecond {
				t.Errorf("%d %v: delay = %v, want backoff within [0.5ms, 1ms]", tc.status, tc.header, got)
			}
		} else if got != tc.want {
			t.Errorf("%d %v: delay = %v, want %v", tc.status, tc.header, got, tc.want)
		}
	}
	if got := (RetryPolicy{}).delay(1, 429, http.Header{"Retry-After": {"90"}}, now); got != 90*time.Second {
		t.Errorf("no MaxDelay: delay = %v, want 90s uncapped", got)
	}
}

func TestRetryable(t *testing.T) {
	for _, tc := range []struct {
		method string
		status int
		want   bool
	}{
		{"GET", 429, true}, {"POST", 429, true}, {"PATCH", 429, true},
		{"GET", 500, true}, {"HEAD", 502, true}, {"PUT", 503, true}, {"DELETE", 504, true}, {"OPTIONS", 500, true},
		{"POST", 500, false}, {"PATCH", 503, false}, {"TRACE", 503, false},
		{"GET", 501, false}, {"GET", 505, false}, {"GET", 404, false}, {"GET", 408, false}, {"GET", 200, false}, {"GET", 600, false},
	} {
		if got := retryable(tc.method, tc.status); got != tc.want {
			t.Errorf("retryable(%s, %d) = %v, want %v", tc.method, tc.status, got, tc.want)
		}
	}
}

func TestTransient(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{fmt.Errorf("x: %w", context.DeadlineExceeded), true},
		{&url.Error{Op: "Get", URL: "u", Err: io.EOF}, true},
		{fmt.Errorf("reading: %w", io.ErrUnexpectedEOF), true},
		{&url.Error{Op: "Get", URL: "u", Err: &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}}, true},
		{&net.OpError{Op: "read", Net: "tcp", Err: errors.New("connection reset by peer")}, true},
		{&net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: "h", IsNotFound: true}}, false},
		{&net.OpError{Op: "dial", Err: &net.DNSError{Err: "timeout", Name: "h", IsTimeout: true}}, true},
		{&url.Error{Op: "Get", URL: "u", Err: context.Canceled}, false},
		{errors.New("body exceeds the 32 MiB limit"), false},
		{errors.New("x509: certificate signed by unknown authority"), false},
	} {
		if got := transient(tc.err); got != tc.want {
			t.Errorf("transient(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

func TestSleep(t *testing.T) {
	if err := sleep(context.Background(), 0); err != nil {
		t.Errorf("sleep(0) = %v", err)
	}
	if err := sleep(context.Background(), time.Millisecond); err != nil {
		t.Errorf("sleep(1ms) = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	if err := sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) || time.Since(start) > 100*time.Millisecond {
		t.Errorf("sleep on a cancelled context = %v after %v", err, time.Since(start))
	}
	if err := sleep(ctx, 0); !errors.Is(err, context.Canceled) {
		t.Errorf("sleep(0) on a cancelled context = %v", err)
	}
}

func TestBodyPrefixEmpty(t *testing.T) {
	if s := bodyPrefix(nil); s != "" {
		t.Errorf("bodyPrefix(nil) = %q", s)
	}
	if s := bodyPrefix(bytes.Repeat([]byte(" "), 1000)); s != "" {
		t.Errorf("bodyPrefix(1000 spaces) = %q, want \"\"", s)
	}
}

// A request for a redirect gets it back, through the default client and
// through one of the caller's, which is not changed; other requests follow
// redirects, and a redirect they are left with is an error.
func TestRedirects(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/download":
			w.Header().Set("Location", "/archive")
			w.WriteHeader(http.StatusFound)
		case "/nowhere":
			w.WriteHeader(http.StatusFound) // no Location: nothing to follow
		default:
			io.WriteString(w, `{"ok":true}`)
		}
	})
	own := &http.Client{}
	for _, opts := range [][]Option{nil, {WithHTTPClient(own)}} {
		tr := mustTransport(t, srv.URL, opts...)
		srv.hits.Store(0)
		resp, err := tr.do(context.Background(), &request{operation: "download", method: http.MethodGet, path: "/download", redirect: true})
		if err != nil || resp.status != http.StatusFound || resp.header.Get("Location") != "/archive" {
			t.Fatalf("a redirect asked for: %v, %+v", err, resp)
		}
		if n := srv.hits.Load(); n != 1 {
			t.Errorf("a redirect asked for took %d requests, want 1", n)
		}
		resp, err = tr.do(context.Background(), &request{operation: "download", method: http.MethodGet, path: "/download"})
		if err != nil || resp.status != http.StatusOK || string(resp.body) != `{"ok":true}` {
			t.Errorf("a redirect not asked for: %v, %+v; want it followed", err, resp)
		}
		var ae *APIError
		if _, err := tr.do(context.Background(), &request{operation: "nowhere", method: http.MethodGet, path: "/nowhere"}); !errors.As(err, &ae) || ae.StatusCode != http.StatusFound {
			t.Errorf("a redirect left unfollowed, not asked for: %v, want a 302 APIError", err)
		}
	}
	if own.CheckRedirect != nil {
		t.Error("the caller's http.Client was changed")
	}
}

// TestNextLinkHeader checks that the next page is found in the Link
// headers servers send, and nothing is made up where there is none.
// TestIsPageURL: a next that is an absolute http or https URL is a link,
// and any other text a cursor.
func TestIsPageURL(t *testing.T) {
	for next, want := range map[string]bool{
		"https://drchrono.com/api/allergies?cursor=cD0y": true,
		"HTTP://example.com/x":                           true,
		"http://127.0.0.1:8080/items?cursor=t2":          true,
		"":                                               false,
		"cD0yMDI0LTAxLTAy":                               false,
		"/api/allergies?cursor=cD0y":                     false,
		"ftp://example.com/x":                            false,
		"eyJ0IjoiaHR0cHM6Ly9leGFtcGxlLmNvbSJ9":           false,
		"token://x":                                      false,
	} {
		if got := isPageURL(next); got != want {
			t.Errorf("isPageURL(%q) = %v, want %v", next, got, want)
		}
	}
}

func TestNextLinkHeader(t *testing.T) {
	for _, tt := range []struct{ header, want string }{
		{`<https://api.github.com/users?since=46>; rel="next", <https://api.github.com/users{?since}>; rel="first"`, "https://api.github.com/users?since=46"},
		{`<https://x.test/a?page=1>; rel="prev", <https://x.test/a?page=3>; rel="next"`, "https://x.test/a?page=3"},
		{`</items?cursor=abc>; rel=next`, "/items?cursor=abc"},
		{`<https://x.test/b>; title="a, b; c"; rel="last next"`, "https://x.test/b"},
		{`<https://x.test/c>;rel="NEXT"`, "https://x.test/c"},
		{`<https://x.test/d>; rel="next-archive", <https://x.test/e>; rel="nextpage"`, ""},
		{`<https://x.test/f>; rel="first", <https://x.test/g>; rel="last"`, ""},
		{`<https://x.test/h>; title="unclosed; rel="next"`, ""},
		{`https://x.test/i; rel="next"`, ""},
		{`<https://x.test/j; rel="next"`, ""},
		{`<https://x.test/k>; rel="prev" junk, <https://x.test/l>; rel="next"`, ""},
		{`<https://x.test/m>; rel="a\"b next"`, "https://x.test/m"},
		{``, ""},
	} {
		if got := nextLinkHeader(tt.header); got != tt.want {
			t.Errorf("nextLinkHeader(%s) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

// FuzzNextLinkHeader checks that any header parses without a panic, and
// that a link found is one the header holds between angle brackets.
func FuzzNextLinkHeader(f *testing.F) {
	f.Add(`<https://api.github.com/users?since=46>; rel="next", <https://api.github.com/users{?since}>; rel="first"`)
	f.Add(`<a>; title="x, \"y\"; z"; rel=next`)
	f.Add(`<a>;;; rel=,,<b>; rel="next"`)
	f.Fuzz(func(t *testing.T, header string) {
		if got := nextLinkHeader(header); got != "" && !strings.Contains(header, "<"+got+">") {
			t.Errorf("nextLinkHeader(%q) = %q, which the header does not hold", header, got)
		}
	})
}
