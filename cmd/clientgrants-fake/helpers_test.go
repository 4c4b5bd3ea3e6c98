package main

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/oasgen/oasgen/generated/clientgrants"
)

// The bearer tokens the tests use.
const (
	allToken     = "tok-all"      // every scope
	readToken    = "tok-read"     // read:client_grants only
	orgReadToken = "tok-org-read" // read:organization_client_grants only
	noScopeToken = "tok-none"     // no scope at all
	unknownToken = "tok-unknown"  // not given to the fake
)

func testTokens() map[string][]string {
	return map[string][]string{
		allToken:     allScopes,
		readToken:    {scopeRead},
		orgReadToken: {scopeOrgRead},
		noScopeToken: {},
	}
}

// newHandler serves f the way main does, logging nowhere.
func newHandler(f *fake) http.Handler {
	return clientgrants.NewServer(f,
		clientgrants.WithBasePath(basePath),
		clientgrants.WithLogger(slog.New(slog.DiscardHandler)))
}

// newTestServer starts a fake with the test tokens on 127.0.0.1.
func newTestServer(t testing.TB) (*fake, *httptest.Server) {
	t.Helper()
	f := newFake(testTokens())
	return f, newHTTPServer(t, f)
}

// newHTTPServer serves f on 127.0.0.1 until the test ends.
func newHTTPServer(t testing.TB, f *fake) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(newHandler(f))
	t.Cleanup(srv.Close)
	return srv
}

// serveRecorded runs one request with the all-scopes token through h in
// process. length is the Content-Length (-1: unknown, as when chunked).
func serveRecorded(h http.Handler, method, target, contentType string, body io.Reader, length int64) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, body)
	req.ContentLength = length
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Authorization", "Bearer "+allToken)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// newClient is a generated client of srv with token and no retries.
func newClient(t testing.TB, srv *httptest.Server, token string, opts ...clientgrants.Option) *clientgrants.Client {
	t.Helper()
	opts = append([]clientgrants.Option{
		clientgrants.WithToken(token),
		clientgrants.WithRetryPolicy(clientgrants.RetryPolicy{MaxAttempts: 1}),
	}, opts...)
	c, err := clientgrants.NewClient(srv.URL+basePath, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// apiError returns the *APIError in err, failing the test when there is none.
func apiError(t testing.TB, err error) *clientgrants.APIError {
	t.Helper()
	var e *clientgrants.APIError
	if !errors.As(err, &e) {
		t.Fatalf("want an *APIError, got %v", err)
	}
	return e
}

// seed stores g as it is, id included, bypassing the API.
func (f *fake) seed(g clientgrants.ClientGrantResponseContent) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.insertLocked(g)
}
