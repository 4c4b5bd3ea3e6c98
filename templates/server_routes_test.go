package templates

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// anyJSON encodes v with encoding/json, for tests that need a body of no
// generated type.
func anyJSON(v any) jsonEncodable {
	return encodeFunc(func(w *jsonWriter) { encodeWithJSON(v, w) })
}

func TestRespond(t *testing.T) {
	s := newServerCore(nil)
	total := http.Header{"X-Total-Count": {"2"}}
	for _, tc := range []struct {
		status    int
		header    http.Header
		body      jsonEncodable
		wantCode  int
		wantBody  string
		wantTotal string
	}{
		{200, nil, anyJSON(map[string]int{"a": 1}), 200, "{\"a\":1}\n", ""},
		{200, total, anyJSON(map[string]int{"a": 1}), 200, "{\"a\":1}\n", "2"},
		{204, total, nil, 204, "", "2"},
		{204, nil, nil, 204, "", ""},
		{0, total, nil, 500, "", ""}, // a zero response sends none of it
	} {
		w := httptest.NewRecorder()
		s.respond(w, httptest.NewRequest("GET", "/x", nil), "op", tc.status, tc.header, tc.body)
		if w.Code != tc.wantCode || (tc.wantBody != "" && w.Body.String() != tc.wantBody) || w.Header().Get("X-Total-Count") != tc.wantTotal {
			t.Errorf("respond(%d, %v, %v) = %d %v %q", tc.status, tc.header, tc.body, w.Code, w.Header(), w.Body.String())
		}
	}
}

func TestMethodNotAllowedAndNotFound(t *testing.T) {
	s := newServerCore(nil)
	w := httptest.NewRecorder()
	s.methodNotAllowed("GET, POST")(w, httptest.NewRequest("PUT", "/api/v2/client-grants", nil))
	var body map[string]any
	json.Unmarshal(w.Body.Bytes(), &body)
	if w.Code != 405 || w.Header().Get("Allow") != "GET, POST" || body["errorCode"] != "method_not_allowed" ||
		body["message"] != "method PUT is not allowed on /api/v2/client-grants; allowed: GET, POST" {
		t.Errorf("405: %d %v %s", w.Code, w.Header(), w.Body)
	}
	w = httptest.NewRecorder()
	s.notFound(w, httptest.NewRequest("GET", "/nope", nil))
	if w.Code != 404 || !bytes.Contains(w.Body.Bytes(), []byte(`"message":"no operation at /nope"`)) {
		t.Errorf("404: %d %s", w.Code, w.Body)
	}
}

func TestRejection(t *testing.T) {
	s := newServerCore(nil)
	op := Operation{ID: "get_x", Scopes: []string{"read:a", "read:b"}}
	custom := NewError(418, "teapot", "short and stout")
	for _, tc := range []struct {
		name      string
		errs      []error
		status    int
		message   string
		challenge string
	}{
		{"missing", []error{errNoCredential, errNoCredential}, 401, "Missing authentication.", "Bearer"},
		{"rejected beats missing", []error{errNoCredential, errors.New("bad signature")}, 401, "Invalid token.", `Bearer error="invalid_token"`},
		{"scope beats rejected", []error{errors.New("bad"), fmt.Errorf("token t: %w", ErrInsufficientScope)}, 403, "Insufficient scope; expected any of: read:a, read:b.", ""},
		{"explicit error wins", []error{fmt.Errorf("w: %w", ErrInsufficientScope), custom}, 418, "short and stout", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rejected error
			for _, err := range tc.errs {
				rejected = strongerRejection(rejected, err)
			}
			var he *Error
			if !errors.As(s.rejection(op, rejected), &he) {
				t.Fatal("rejection is not an *Error")
			}
			if he.Status != tc.status || he.Message != tc.message || he.Header.Get("WWW-Authenticate") != tc.challenge {
				t.Errorf("got %d %q %q", he.Status, he.Message, he.Header.Get("WWW-Authenticate"))
			}
		})
	}
}

func TestCredentialHelpers(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Authorization", "basic dXNlcjpwdw==")
	r.AddCookie(&http.Cookie{Name: "s", Value: "1"})
	r.AddCookie(&http.Cookie{Name: "s", Value: "2"})
	if basicCredentials(r) != "dXNlcjpwdw==" || cookieValue(r, "s") != "1" || cookieValue(r, "t") != "" {
		t.Error("credential helpers")
	}
	if vs, ok := cookieValues(r, "s"); !ok || !reflect.DeepEqual(vs, []string{"1", "2"}) {
		t.Errorf("cookieValues = %v", vs)
	}
	if _, ok := cookieValues(r, "t"); ok {
		t.Error("cookieValues found a missing cookie")
	}
	r.Header.Set("Authorization", "Bearer x")
	if basicCredentials(r) != "" {
		t.Error("basicCredentials read a bearer header")
	}
}

// TestQueryParams checks the map-free query parser against url.ParseQuery,
// which (*url.URL).Query uses: the same keys, the same values in the same
// order, malformed pairs dropped.
func TestQueryParams(t *testing.T) {
	for _, raw := range []string{
		"", "a=1", "a=1&b=2&a=3", "b=2&a=1&c&c=", "x=%41%42&y=a+b&z=%zz&w=1;2&v=ok",
		"&&a=1&", "=v&k=", "%E2%82%AC=euro", "a=1&a=2&a=3&a=4&a=5&a=6&a=7&a=8&a=9&a=10&a=11&a=12&a=13&b=1",
		"k=a=b", "q=%2B%26%3D",
	} {
		var q queryParams
		q.parse(raw)
		want, _ := url.ParseQuery(raw)
		got := url.Values{}
		for i, k := range q.keys {
			got[k] = append(got[k], q.values[i])
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("parse(%q) = %v, want %v", raw, got, want)
		}
		for k, vs := range want {
			if values, ok := q.get(k); !ok || !reflect.DeepEqual(values, vs) {
				t.Errorf("parse(%q).get(%q) = %v, %v; want %v", raw, k, values, ok, vs)
			}
		}
		if values, ok := q.get("missing"); ok || values != nil {
			t.Errorf("parse(%q).get(missing) = %v, %v", raw, values, ok)
		}
	}
}

// one reports a key given more than once at its path, and still returns
// its values; a key given once, or not at all, reports nothing.
func TestQueryParamsOne(t *testing.T) {
	var q queryParams
	q.parse("page=1&per_page=5&per_page=6")
	c := &validator{request: true}
	var p *path
	if values, ok := q.one(c, p, "page"); !ok || len(values) != 1 || values[0] != "1" {
		t.Errorf("one(page) = %v, %v", values, ok)
	}
	if values, ok := q.one(c, p, "missing"); ok || values != nil {
		t.Errorf("one(missing) = %v, %v", values, ok)
	}
	if len(c.violations) != 0 {
		t.Fatalf("violations before a repeated key: %v", c.violations)
	}
	if values, ok := q.one(c, p, "per_page"); !ok || len(values) != 2 || values[0] != "5" {
		t.Errorf("one(per_page) = %v, %v", values, ok)
	}
	if err := c.err(); err == nil || err.Error() != "per_page: must be given once, not 2 times" {
		t.Errorf("err() = %v", err)
	}
}

// skipEmpty drops a key that came with nothing but empty values, and
// nothing else: after it, the key is neither found nor left over, while a
// key with one value that is not empty keeps all of its values.
func TestQuerySkipEmpty(t *testing.T) {
	tests := []struct {
		raw   string
		found bool // whether get("offset") still finds the key
	}{
		{raw: "a=1&offset=&z=2"},
		{raw: "a=1&offset&z=2"},
		{raw: "offset=&offset="},
		{raw: "offset=&offset=3", found: true},
		{raw: "offset=3", found: true},
		{raw: "a=1"},
	}
	for _, tt := range tests {
		var q queryParams
		q.parse(tt.raw)
		want, _ := url.ParseQuery(tt.raw)
		q.skipEmpty("offset")
		values, found := q.get("offset")
		if found != tt.found || (found && !reflect.DeepEqual(values, want["offset"])) {
			t.Errorf("%q: after skipEmpty, get(offset) = %q, %v; want %q, %v", tt.raw, values, found, want["offset"], tt.found)
		}
		q.get("a")
		q.get("z")
		c := &validator{request: true}
		q.leftovers(c, false)
		if err := c.err(); err != nil {
			t.Errorf("%q: leftovers after skipEmpty: %v", tt.raw, err)
		}
	}
}

func TestQueryLeftovers(t *testing.T) {
	tests := []struct {
		name, raw     string
		ignoreUnknown bool
		credentials   []string
		want          string // c.err(), "" for none
	}{
		{name: "all read", raw: "page=1&filter%5Bkind%5D=cat"},
		{name: "empty pairs", raw: "&&page=1&"},
		{name: "unknown", raw: "page=1&bogus=2&bogus=3", want: "bogus: unknown query parameter"},
		{name: "unknown ignored", raw: "page=1&bogus=2", ignoreUnknown: true},
		{name: "odd key", raw: "a%20b=1", want: `["a b"]: unknown query parameter`},
		{name: "empty key", raw: "=1", want: `[""]: unknown query parameter`},
		{name: "near a deep object", raw: "filterx=1&filter=2", want: "2 violations: filter: unknown query parameter; filterx: unknown query parameter"},
		{name: "credential", raw: "page=1&api_key=k", credentials: []string{"api_key"}},
		{name: "bad escape", raw: "page=%zz", want: `page: is not a valid query parameter: invalid URL escape "%zz"`},
		{name: "bad escape ignoring unknown", raw: "bogus=%zz", ignoreUnknown: true, want: `bogus: is not a valid query parameter: invalid URL escape "%zz"`},
		{name: "semicolon", raw: "page=1;per_page=2", want: "page: is not a valid query parameter: a semicolon does not separate parameters (an ampersand does); escape one in a value as %3B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q queryParams
			q.parse(tt.raw)
			c := &validator{request: true}
			q.get("page")
			deepObject(c, nil, &q, "filter")
			q.leftovers(c, tt.ignoreUnknown, tt.credentials...)
			got := ""
			if err := c.err(); err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("leftovers of %q: %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}

func TestQueryLeftoversManyKeys(t *testing.T) {
	// More keys than the buffer holds.
	var raw []string
	for i := range 20 {
		raw = append(raw, "k"+strconv.Itoa(i)+"=v")
	}
	var q queryParams
	q.parse(strings.Join(raw, "&"))
	for i := range 19 {
		q.get("k" + strconv.Itoa(i))
	}
	c := &validator{request: true}
	q.leftovers(c, false)
	if err := c.err(); err == nil || err.Error() != "k19: unknown query parameter" {
		t.Errorf("err() = %v", err)
	}
}

func BenchmarkQueryParams(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var q queryParams
		q.parse("per_page=50&page=2&include_totals=true&audience=https%3A%2F%2Fapi")
		if v, ok := q.get("per_page"); !ok || v[0] != "50" {
			b.Fatal("per_page not found")
		}
	}
}

func TestDeepObjectAndSplitList(t *testing.T) {
	var q queryParams
	q.parse("filter%5Bkind%5D=cat&filter%5Bage%5D=2&filterx=1&other%5Ba%5D=b&filter%5Bkind%5D=dog")
	var c validator
	got, ok := deepObject(&c, nil, &q, "filter")
	if !ok || !reflect.DeepEqual(got, map[string]string{"kind": "cat", "age": "2"}) {
		t.Errorf("deepObject = %v", got)
	}
	// A property given twice is reported, as a parameter given twice is.
	if err := c.err(); err == nil || err.Error() != "filter.kind: must be given once, not 2 times" {
		t.Errorf("deepObject of a repeated property: err = %v", err)
	}
	if _, ok := deepObject(&c, nil, &q, "none"); ok {
		t.Error("deepObject found a missing parameter")
	}
	if got := splitList([]string{"1|2", "3"}, "|"); !reflect.DeepEqual(got, []string{"1", "2", "3"}) {
		t.Errorf("splitList = %v", got)
	}
}

func TestFormObjectAndPairs(t *testing.T) {
	var q queryParams
	q.parse("R=1&G=2&R=9&R=3&limit=5&api_key=k&mode=fast&size=w,1,h,2&odd=a,1,b")
	var c validator
	if got, ok := formObject(&c, nil, &q, "color", []string{"R", "G", "B"}); !ok || !reflect.DeepEqual(got, map[string]string{"R": "1", "G": "2"}) {
		t.Errorf("formObject of R, G, B = %v, %v", got, ok)
	}
	if err := c.err(); err == nil || err.Error() != "color.R: must be given once, not 3 times" {
		t.Errorf("formObject of a repeated property: err = %v", err)
	}
	c = validator{}
	if _, ok := formObject(&c, nil, &q, "color", []string{"B"}); ok {
		t.Error("formObject found a missing property")
	}
	q.get("limit")
	if got, ok := q.pairs(&c, nil, "size"); !ok || !reflect.DeepEqual(got, map[string]string{"w": "1", "h": "2"}) || c.err() != nil {
		t.Errorf("pairs of size = %v, %v, %v", got, ok, c.err())
	}
	if got, _ := q.pairs(&c, nil, "odd"); !reflect.DeepEqual(got, map[string]string{"a": "1"}) || c.err() == nil || !strings.Contains(c.err().Error(), "odd: must be keys and values in turn, separated by commas, not an odd count of items (3)") {
		t.Errorf("pairs of odd = %v, %v", got, c.err())
	}
	// The rest, but the credential: what no parameter has read.
	c = validator{}
	if got, ok := formObject(&c, nil, &q, "extra", nil, "api_key"); !ok || !reflect.DeepEqual(got, map[string]string{"mode": "fast"}) {
		t.Errorf("formObject of the rest = %v, %v", got, ok)
	}
	c = validator{}
	q.leftovers(&c, false, "api_key")
	if err := c.err(); err != nil {
		t.Errorf("leftovers after the rest: %v", err)
	}
}

func TestParseMultipart(t *testing.T) {
	// A file part reads as a field of its content.
	body, ct := multipartBody(url.Values{"a": {"1"}, "b": {"x", "y"}}, map[string]string{"b": "text/plain"})
	form, err := parseMultipart(body, ct)
	if err != nil || !reflect.DeepEqual(form, url.Values{"a": {"1"}, "b": {"x", "y"}}) {
		t.Errorf("parseMultipart = %v, %v", form, err)
	}
	if _, err := parseMultipart([]byte("junk"), "multipart/form-data; boundary=zz"); err == nil {
		t.Error("parseMultipart accepted junk")
	}
}

// TestRouter: routes that ServeMux refuses together (Auth0's
// /organizations/name/{p0} and /organizations/{p0}/client-grants) are
// served; a literal segment wins over a wildcard unless the rest of the
// path, or the method, rules it out; 405 lists the methods of the path
// that matched, 404 answers the rest.
func TestRouter(t *testing.T) {
	rt := newRouter(newServerCore(nil))
	route := func(name string) http.HandlerFunc { return echoRoute(name, 2) }
	rt.handle("GET", "/api/organizations/name/{p0}", route("byName"))
	rt.handle("GET", "/api/organizations/{p0}/client-grants", route("grants"))
	rt.handle("POST", "/api/organizations/{p0}/client-grants", route("addGrant"))
	rt.handle("GET", "/api/organizations/{p0}", route("get"))
	rt.handle("DELETE", "/api/organizations/{p0}", route("delete"))
	rt.handle("GET", "/api/organizations/{p0}/members/{p1}", route("member"))
	rt.handle("GET", "/api", route("root"))
	checkRoutes(t, rt, []routeCase{
		{"GET", "/api/organizations/name/acme", 200, "byName acme ", ""},
		{"GET", "/api/organizations/name/client-grants", 200, "byName client-grants ", ""},
		{"GET", "/api/organizations/org_1/client-grants", 200, "grants org_1 ", ""},
		{"POST", "/api/organizations/name/client-grants", 200, "addGrant name ", ""}, // only the wildcard path has POST
		{"GET", "/api/organizations/name", 200, "get name ", ""},                     // the literal path needs one more segment
		{"GET", "/api/organizations/org%2F1/members/u%7C2", 200, "member org/1 u|2", ""},
		{"HEAD", "/api/organizations/org_1", 200, "get org_1 ", ""}, // GET serves HEAD (net/http drops the body)
		{"GET", "/api", 200, "root  ", ""},
		{"PUT", "/api/organizations/org_1", 405, "", "GET, DELETE"},
		{"PUT", "/api/organizations/name/x", 405, "", "GET"},
		{"GET", "/api/organizations/", 404, "", ""}, // a wildcard takes no empty segment
		{"GET", "/api/organizations/org_1/", 404, "", ""},
		{"GET", "/api/organizations/org_1/members", 404, "", ""},
		{"GET", "/other", 404, "", ""},
	})
}

// TestRouterMixedSegments: wildcards beside text in one segment
// (discourse's {id}.json, Google's {name}:cancel, Jellyfin's
// {segment}.{container}, Azure's System.{location}) match the parts of a
// segment; a segment with more text is tried before one with less, and
// both before a whole-segment wildcard.
func TestRouterMixedSegments(t *testing.T) {
	rt := newRouter(newServerCore(nil))
	route := func(name string) http.HandlerFunc { return echoRoute(name, 3) }
	rt.handle("GET", "/groups/{p0}.json", route("json"))
	rt.handle("GET", "/groups/{p0}", route("plain"))
	rt.handle("GET", "/groups/{p0}.full.json", route("full"))
	rt.handle("POST", "/v1/{p0}:cancel", route("cancel"))
	rt.handle("GET", "/videos/{p0}/{p1}.{p2}", route("stream"))
	rt.handle("GET", "/rg/System.{p0}/locations/{p1}", route("system"))
	rt.handle("GET", "/rg/{p0}/locations/{p1}", route("rg"))
	rt.handle("GET", "/odd/x{p0}{p", route("unclosed")) // no generated route has one; it must not hang
	// healthcare.gov's {pageName}{mediaTypeExtension}, whose enum lists
	// ".json" only; and a segment of one-value wildcards alone.
	rt.handle("GET", "/blog/{p0}{p1=.json}", route("blog"))
	rt.handle("GET", "/blog/{p0}/{p1=v}{p2=.json}", route("fixed"))
	// jellyfin's {segmentId}.{container}, an integer before the dot, and
	// one with three wildcards.
	rt.handle("GET", "/hls/{p0:short}.{p1}", route("segment"))
	rt.handle("GET", "/hls3/{p0:short}.{p1}.{p2}", route("three"))
	// Gitea's {sha}.{diffType} beside {sha}: a share that is not one of
	// the values named leaves the segment to the other route, or, when
	// no other takes it, to this one, whose handler refuses the value.
	rt.handle("GET", "/commits/{p0}.{p1|diff|patch}", route("diff"))
	rt.handle("GET", "/commits/{p0}", route("commit"))
	rt.handle("GET", "/only/{p0}.{p1|json|xml}", route("only"))
	rt.handle("GET", "/kind/{p0:short|audio|video}.{p1}", route("kind"))
	rt.handle("GET", "/kind/{p0}", route("anykind"))
	rt.handle("POST", "/posted/{p0}", route("posted"))
	rt.handle("GET", "/posted/{p0}.{p1|a|b}", route("got"))
	checkRoutes(t, rt, []routeCase{
		{"GET", "/commits/v1.2", 200, "commit v1.2  ", ""},
		{"GET", "/commits/abc.diff", 200, "diff abc diff ", ""},
		{"GET", "/commits/v1.2.patch", 200, "diff v1.2 patch ", ""},
		{"GET", "/commits/https:%2F%2Fexample.com%2Fx", 200, "commit https://example.com/x  ", ""},
		{"GET", "/only/a.json", 200, "only a json ", ""},
		{"GET", "/only/a.yaml", 200, "only a yaml ", ""},
		{"GET", "/kind/audio.x.y", 200, "kind audio x.y ", ""},
		{"GET", "/kind/other.x", 200, "anykind other.x  ", ""},
		{"GET", "/posted/x.b", 200, "got x b ", ""},
		{"GET", "/posted/x.c", 200, "got x c ", ""},
		{"POST", "/posted/x.c", 200, "posted x.c  ", ""},
		{"DELETE", "/posted/x.c", 405, "", "POST"},
		{"GET", "/hls/5.https:%2F%2Fexample.com%2Fx", 200, "segment 5 https://example.com/x ", ""},
		{"GET", "/hls/-1.a.b", 200, "segment -1 a.b ", ""},
		{"GET", "/hls/5.ts", 200, "segment 5 ts ", ""},
		{"GET", "/hls/.ts", 404, "", ""},
		{"GET", "/hls/5.", 404, "", ""},
		{"GET", "/hls/5", 404, "", ""},
		{"GET", "/hls3/5.a.b.c", 200, "three 5 a.b c", ""},
		{"GET", "/hls3/5.a", 404, "", ""},
		{"GET", "/blog/a.b.json", 200, "blog a.b .json ", ""},
		{"GET", "/blog/a%2Fb.json", 200, "blog a/b .json ", ""},
		{"GET", "/blog/.json", 404, "", ""},
		{"GET", "/blog/a.xml", 404, "", ""},
		{"GET", "/blog/a/v.json", 200, "fixed a v .json", ""},
		{"GET", "/blog/a/w.json", 404, "", ""},
		{"GET", "/groups/7.json", 200, "json 7  ", ""},
		{"GET", "/groups/7.full.json", 200, "full 7  ", ""},
		{"GET", "/groups/7", 200, "plain 7  ", ""},
		{"GET", "/groups/.json", 200, "plain .json  ", ""}, // the wildcard beside text takes no empty part
		{"POST", "/v1/operations%2Fop1:cancel", 200, "cancel operations/op1  ", ""},
		{"GET", "/v1/op1:cancel", 405, "", "POST"},
		{"GET", "/videos/v1/seg.2.ts", 200, "stream v1 seg.2 ts", ""},
		{"GET", "/videos/v1/seg", 404, "", ""},
		{"GET", "/videos/v1/.ts", 404, "", ""},
		{"GET", "/rg/System.local/locations/x", 200, "system local x ", ""},
		{"GET", "/rg/System./locations/x", 200, "rg System. x ", ""},
		{"GET", "/rg/other/locations/x", 200, "rg other x ", ""},
		{"GET", "/odd/xa{p", 200, "unclosed a  ", ""},
	})
}

// routeCase is a request to a router and what it must answer: the status,
// the body of a 200, and the Allow header.
type routeCase struct {
	method, path string
	code         int
	body, allow  string
}

// checkRoutes sends each case's request through rt.
func checkRoutes(t *testing.T, rt *router, cases []routeCase) {
	t.Helper()
	for _, tc := range cases {
		w := httptest.NewRecorder()
		rt.ServeHTTP(w, httptest.NewRequest(tc.method, tc.path, nil))
		if w.Code != tc.code || (tc.code == 200 && w.Body.String() != tc.body) || w.Header().Get("Allow") != tc.allow {
			t.Errorf("%s %s = %d %q, Allow %q; want %d %q, Allow %q", tc.method, tc.path, w.Code, w.Body, w.Header().Get("Allow"), tc.code, tc.body, tc.allow)
		}
	}
}

// echoRoute answers with its name and the values of its first n
// wildcards, a space apart.
func echoRoute(name string, n int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		parts := []string{name}
		for i := range n {
			parts = append(parts, r.PathValue(pathValueName(i)))
		}
		fmt.Fprint(w, strings.Join(parts, " "))
	}
}

// TestRouterManyWildcards: a route with more wildcards than the router
// names ahead of time still hands each to its handler.
func TestRouterManyWildcards(t *testing.T) {
	rt := newRouter(newServerCore(nil))
	rt.handle("GET", "/{p0}/{p1}/{p2}/{p3}/{p4}/{p5}/{p6}/{p7}/{p8}/{p9}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, r.PathValue("p0"), r.PathValue("p8"), r.PathValue("p9"))
	})
	w := httptest.NewRecorder()
	rt.ServeHTTP(w, httptest.NewRequest("GET", "/a/b/c/d/e/f/g/h/i/j", nil))
	if w.Code != 200 || w.Body.String() != "aij" {
		t.Errorf("= %d %q, want 200 aij", w.Code, w.Body)
	}
}

// TestRouteConditionMetBy checks what meets a shared route's condition: a
// header or query parameter that is there, even empty (AWS Cloud
// Directory's required x-amz-data-partition may be ""), and, where the
// condition has a value, one of the values sent.
func TestRouteConditionMetBy(t *testing.T) {
	for _, tt := range []struct {
		name   string
		cond   routeCondition
		header http.Header
		query  string
		want   bool
	}{
		{"an empty header is there", routeCondition{name: "x-amz-data-partition", header: true}, http.Header{"X-Amz-Data-Partition": {""}}, "", true},
		{"a header that is not there", routeCondition{name: "x-amz-data-partition", header: true}, http.Header{}, "x-amz-data-partition=1", false},
		{"a header's value", routeCondition{name: "X-Amz-Target", value: "Shield.ListAttacks", header: true}, http.Header{"X-Amz-Target": {"Shield.ListAttacks"}}, "", true},
		{"another header value", routeCondition{name: "X-Amz-Target", value: "Shield.ListAttacks", header: true}, http.Header{"X-Amz-Target": {"Shield.DescribeAttack"}}, "", false},
		{"an empty query parameter is there", routeCondition{name: "uploads"}, nil, "uploads", true},
		{"a query parameter's value", routeCondition{name: "Action", value: "CreateUser"}, nil, "Action=DeleteUser&Action=CreateUser", true},
		{"another query value", routeCondition{name: "Action", value: "CreateUser"}, nil, "Action=DeleteUser", false},
	} {
		r := httptest.NewRequest(http.MethodPut, "/directory?"+tt.query, nil)
		for k, vs := range tt.header {
			r.Header[k] = vs
		}
		if got := tt.cond.metBy(r, r.URL.Query()); got != tt.want {
			t.Errorf("%s: metBy = %v, want %v", tt.name, got, tt.want)
		}
	}
}
