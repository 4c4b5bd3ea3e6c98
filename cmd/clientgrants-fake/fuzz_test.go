package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzServer sends arbitrary requests with the all-scopes token to the
// generated server serving a fake that holds one grant (seededID). Whatever
// the input, the answer is never a 5xx (a panic in a handler would be one),
// an error answer is Auth0-shaped JSON naming its status, and a 2xx body is
// JSON. A body starting with "form:" is sent as a form, the rest as JSON.
//
//	go test -run '^$' -fuzz FuzzServer -fuzztime 30s ./cmd/clientgrants-fake/
func FuzzServer(f *testing.F) {
	for _, tc := range badInputCases() {
		path := basePath + tc.path
		if strings.HasPrefix(tc.path, "!") {
			path = tc.path[1:]
		}
		body := tc.body
		if tc.contentType == "application/x-www-form-urlencoded" {
			body = "form:" + body
		}
		f.Add(tc.method, path, tc.query, body)
	}
	f.Add("GET", basePath+"/client-grants/"+seededID, "", "")
	f.Add("GET", basePath+"/client-grants", "take=3&from="+seededID+"&audience=x&client_id=y&allow_any_organization=true&subject_type=user&default_for=third_party_clients", "")
	f.Add("GET", basePath+"/client-grants", "from=nope", "")
	f.Add("GET", basePath+"/client-grants", "page=9223372036854775807&per_page=100&include_totals=true", "")
	f.Add("GET", basePath+"/client-grants/"+seededID+"/organizations", "page=9223372036854775807&per_page=100&include_totals=true", "")
	f.Add("POST", basePath+"/client-grants", "", `{"audience":"https://seed.example.com/","client_id":"app_seed"}`)
	f.Add("POST", basePath+"/client-grants", "", `{"audience":"a","client_id":"c","default_for":"third_party_clients"}`)
	f.Add("POST", basePath+"/client-grants", "", `null`)
	f.Add("PATCH", basePath+"/client-grants/"+seededID, "", `{"scope":null,"organization_usage":null,"allow_any_organization":null,"allow_all_scopes":null,"authorization_details_types":[]}`)
	f.Add("PATCH", basePath+"/client-grants/"+seededID, "", `null`)
	f.Add("PATCH", basePath+"/client-grants/"+seededID, "", `form:scope=a&allow_all_scopes=true`)
	f.Add("HEAD", basePath+"/client-grants", "", "")
	f.Add("OPTIONS", basePath+"/client-grants", "", "")
	f.Add("GET", basePath+"/client-grants/%2F..%2F", "", "")
	f.Add("GET", "//api/v2/./client-grants", "", "")

	f.Fuzz(func(t *testing.T, method, path, query, body string) {
		if !strings.HasPrefix(path, "/") {
			path = "/" + path
		}
		u := (&url.URL{Path: path, RawQuery: query}).String()
		contentType := "application/json"
		if rest, ok := strings.CutPrefix(body, "form:"); ok {
			body, contentType = rest, "application/x-www-form-urlencoded"
		}
		req, err := http.NewRequestWithContext(context.Background(), method, u, strings.NewReader(body))
		if err != nil {
			t.Skip("not a request net/http would serve:", err)
		}
		if body != "" {
			req.Header.Set("Content-Type", contentType)
		}
		req.Header.Set("Authorization", "Bearer "+allToken)
		rec := httptest.NewRecorder()
		newHandler(seededFake()).ServeHTTP(rec, req)

		status, got := rec.Code, rec.Body.Bytes()
		if status >= 500 {
			t.Fatalf("%s %s: %d %s", method, u, status, got)
		}
		switch {
		case status >= 400:
			var e errorBody
			if err := json.Unmarshal(got, &e); err != nil || e.StatusCode != status || e.Message == "" {
				t.Fatalf("%s %s: %d with error body %q (%v)", method, u, status, got, err)
			}
		case status >= 200 && status < 300 && status != http.StatusNoContent && method != http.MethodHead:
			if !json.Valid(got) {
				t.Fatalf("%s %s: %d with a body that is not JSON: %q", method, u, status, got)
			}
		}
	})
}
