// Benchmarks of issue 7 for the generated server, each beside a hand-written
// net/http + encoding/json handler that does the same work over the same
// grants, measured in the same run.
//
// Each Benchmark function is one comparison group: its sub-benchmark named
// "oasgen" serves the request through the generated server and the fake,
// and "handwritten" through handwrittenServer below. tools/benchratio divides
// the first's ns/op by the second's and checks the goals. Nothing
// here asserts on timings.
//
// The hand-written handler is meant as a fair opponent, the code a careful
// person writes without a generator: a ServeMux route, the bearer token and
// its scope checked, every query parameter of the spec's list operation
// parsed and validated (answering 400 with an Auth0-shaped error on the first
// bad one), the fake's three list shapes and five filters, the page copied
// under a read lock and encoded with json.Marshal into a plain struct with
// pointer fields. TestHandwrittenMatchesGenerated checks that it answers a
// table of requests as the generated server and the fake do, so that the
// baseline is neither a cheat nor a strawman.
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/oasgen/oasgen/generated/clientgrants"
)

// perfStoreSize is how many grants both servers hold in the benchmarks.
const perfStoreSize = 200

// perfGrants returns n realistic grants, shaped like the generated package's
// hundredGrants fixture.
func perfGrants(n int) []clientgrants.ClientGrantResponseContent {
	usages := []clientgrants.ClientGrantOrganizationUsageEnum{
		clientgrants.ClientGrantOrganizationUsageEnumDeny,
		clientgrants.ClientGrantOrganizationUsageEnumAllow,
		clientgrants.ClientGrantOrganizationUsageEnumRequire,
	}
	subjects := []clientgrants.ClientGrantSubjectTypeEnum{
		clientgrants.ClientGrantSubjectTypeEnumClient,
		clientgrants.ClientGrantSubjectTypeEnumUser,
	}
	out := make([]clientgrants.ClientGrantResponseContent, n)
	for i := range out {
		out[i] = clientgrants.ClientGrantResponseContent{
			ID:                        clientgrants.NewOpt(fmt.Sprintf("cgr_Perf%012d", i)),
			ClientID:                  clientgrants.NewOpt(fmt.Sprintf("client_%032d", i)),
			Audience:                  clientgrants.NewOpt(fmt.Sprintf("https://api%d.example.com/", i%7)),
			Scope:                     clientgrants.NewOpt([]string{"read:users", "update:users", "delete:users", "read:logs", "create:client_grants"}),
			OrganizationUsage:         clientgrants.NewOpt(usages[i%3]),
			AllowAnyOrganization:      clientgrants.NewOpt(i%2 == 0),
			IsSystem:                  clientgrants.NewOpt(false),
			SubjectType:               clientgrants.NewOpt(subjects[i%2]),
			AuthorizationDetailsTypes: clientgrants.NewOpt([]string{"payment_initiation"}),
			AllowAllScopes:            clientgrants.NewOpt(false),
		}
	}
	return out
}

// plainGrant is the hand-written handler's type for a grant: the JSON names
// of ClientGrantResponseContent, pointers for optional scalars and plain
// slices (nil = absent) with omitempty.
type plainGrant struct {
	ID                        *string  `json:"id,omitempty"`
	ClientID                  *string  `json:"client_id,omitempty"`
	Audience                  *string  `json:"audience,omitempty"`
	Scope                     []string `json:"scope,omitempty"`
	OrganizationUsage         *string  `json:"organization_usage,omitempty"`
	AllowAnyOrganization      *bool    `json:"allow_any_organization,omitempty"`
	DefaultFor                *string  `json:"default_for,omitempty"`
	IsSystem                  *bool    `json:"is_system,omitempty"`
	SubjectType               *string  `json:"subject_type,omitempty"`
	AuthorizationDetailsTypes []string `json:"authorization_details_types,omitempty"`
	AllowAllScopes            *bool    `json:"allow_all_scopes,omitempty"`
}

// optPtr returns a pointer to a copy of what o holds (converted to P), or nil
// when o is absent.
func optPtr[T any, P any](o clientgrants.Opt[T], conv func(T) P) *P {
	if !o.Set {
		return nil
	}
	v := conv(o.Value)
	return &v
}

func same[T any](v T) T { return v }

// toPlain converts a generated grant for the hand-written store.
func toPlain(g clientgrants.ClientGrantResponseContent) plainGrant {
	return plainGrant{
		ID:                        optPtr(g.ID, same),
		ClientID:                  optPtr(g.ClientID, same),
		Audience:                  optPtr(g.Audience, same),
		Scope:                     slices.Clone(g.Scope.Value),
		OrganizationUsage:         optPtr(g.OrganizationUsage, func(v clientgrants.ClientGrantOrganizationUsageEnum) string { return string(v) }),
		AllowAnyOrganization:      optPtr(g.AllowAnyOrganization, same),
		DefaultFor:                optPtr(g.DefaultFor, func(v clientgrants.ClientGrantDefaultForEnum) string { return string(v) }),
		IsSystem:                  optPtr(g.IsSystem, same),
		SubjectType:               optPtr(g.SubjectType, func(v clientgrants.ClientGrantSubjectTypeEnum) string { return string(v) }),
		AuthorizationDetailsTypes: slices.Clone(g.AuthorizationDetailsTypes.Value),
		AllowAllScopes:            optPtr(g.AllowAllScopes, same),
	}
}

// handwrittenServer serves GET /api/v2/client-grants by hand, with the
// semantics of the fake's ClientGrantsList. Its grants are in creation
// order; index maps each id to its position (for from=).
type handwrittenServer struct {
	tokens map[string][]string

	mu     sync.RWMutex
	grants []plainGrant
	index  map[string]int
}

// newHandwrittenServer returns the baseline handler holding grants, which
// accepts the given bearer tokens with their scopes.
func newHandwrittenServer(tokens map[string][]string, grants []clientgrants.ClientGrantResponseContent) http.Handler {
	s := &handwrittenServer{tokens: tokens, index: map[string]int{}}
	for i, g := range grants {
		s.grants = append(s.grants, toPlain(g))
		s.index[g.ID.Value] = i
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+basePath+"/client-grants", s.list)
	return mux
}

// handwrittenError writes an Auth0-shaped error answer.
func handwrittenError(w http.ResponseWriter, status int, code, message string) {
	body, _ := json.Marshal(struct {
		StatusCode int    `json:"statusCode"`
		Error      string `json:"error"`
		Message    string `json:"message"`
		ErrorCode  string `json:"errorCode,omitempty"`
	}{status, http.StatusText(status), message, code})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// handwrittenJSON writes v as a 200 JSON answer.
func handwrittenJSON(w http.ResponseWriter, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		handwrittenError(w, http.StatusInternalServerError, "", "Internal Server Error")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

// listQuery is the parsed query string of the list operation.
type listQuery struct {
	perPage, page, take               int64
	hasPerPage, hasPage, hasTake      bool
	totals, hasFrom                   bool
	from, audience, clientID          string
	hasAudience, hasClientID          bool
	anyOrg, hasSubject, hasDefaultFor bool
	subject, defaultFor               string
}

// errBadQuery is a query parameter that breaks the spec; its text is the
// message of the 400 answer.
type errBadQuery string

func (e errBadQuery) Error() string { return string(e) }

// intParam parses an integer parameter within [lo, hi].
func intParam(name, text string, lo, hi int64) (int64, error) {
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil || n < lo || n > hi {
		if hi == math.MaxInt64 {
			return 0, errBadQuery(fmt.Sprintf("Query validation error: '%s' must be an integer of at least %d", name, lo))
		}
		return 0, errBadQuery(fmt.Sprintf("Query validation error: '%s' must be an integer between %d and %d", name, lo, hi))
	}
	return n, nil
}

// boolParam parses a boolean parameter, written true or false.
func boolParam(name, text string) (bool, error) {
	switch text {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, errBadQuery(fmt.Sprintf("Query validation error: '%s' must be true or false", name))
}

// listQueryNames are the query parameters the list operation declares.
var listQueryNames = [...]string{"per_page", "page", "include_totals", "from", "take", "audience", "client_id", "allow_any_organization", "subject_type", "default_for"}

// parseListQuery reads and validates every parameter of the list operation
// (each takes one value, so a repeated one is refused; a pair that does not
// decode and a parameter it does not declare are refused too), stopping at
// the first bad one.
func parseListQuery(r *http.Request) (q listQuery, err error) {
	values, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return q, errBadQuery("Query validation error: " + err.Error())
	}
	first := func(name string) (string, bool) {
		vs, ok := values[name]
		if !ok {
			return "", false
		}
		return vs[0], true
	}
	for name, vs := range values {
		if !slices.Contains(listQueryNames[:], name) {
			return q, errBadQuery(fmt.Sprintf("Query validation error: Additional properties not allowed: %s", name))
		}
		if len(vs) > 1 {
			return q, errBadQuery(fmt.Sprintf("Query validation error: '%s' must be given once", name))
		}
	}
	if v, ok := first("per_page"); ok {
		if q.perPage, err = intParam("per_page", v, 1, 100); err != nil {
			return q, err
		}
		q.hasPerPage = true
	}
	if v, ok := first("page"); ok {
		if q.page, err = intParam("page", v, 0, math.MaxInt64); err != nil {
			return q, err
		}
		q.hasPage = true
	}
	if v, ok := first("include_totals"); ok {
		if q.totals, err = boolParam("include_totals", v); err != nil {
			return q, err
		}
	}
	q.from, q.hasFrom = first("from")
	if v, ok := first("take"); ok {
		if q.take, err = intParam("take", v, 1, 100); err != nil {
			return q, err
		}
		q.hasTake = true
	}
	q.audience, q.hasAudience = first("audience")
	q.clientID, q.hasClientID = first("client_id")
	if v, ok := first("allow_any_organization"); ok {
		if v != "true" { // the enum has the one value true
			return q, errBadQuery("Query validation error: 'allow_any_organization' must be true")
		}
		q.anyOrg = true
	}
	if q.subject, q.hasSubject = first("subject_type"); q.hasSubject && q.subject != "client" && q.subject != "user" {
		return q, errBadQuery("Query validation error: 'subject_type' must be one of client, user")
	}
	if q.defaultFor, q.hasDefaultFor = first("default_for"); q.hasDefaultFor && q.defaultFor != "third_party_clients" {
		return q, errBadQuery("Query validation error: 'default_for' must be third_party_clients")
	}
	return q, nil
}

// match reports whether g passes the filters of q.
func (q *listQuery) match(g *plainGrant) bool {
	eq := func(p *string, want string) bool { return p != nil && *p == want }
	return (!q.hasAudience || (g.Audience != nil && *g.Audience == q.audience) || (g.Audience == nil && q.audience == "")) &&
		(!q.hasClientID || eq(g.ClientID, q.clientID)) &&
		(!q.anyOrg || (g.AllowAnyOrganization != nil && *g.AllowAnyOrganization)) &&
		(!q.hasSubject || eq(g.SubjectType, q.subject)) &&
		(!q.hasDefaultFor || eq(g.DefaultFor, q.defaultFor))
}

// list serves GET /api/v2/client-grants.
func (s *handwrittenServer) list(w http.ResponseWriter, r *http.Request) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	scopes, known := s.tokens[token]
	if !ok || !known {
		handwrittenError(w, http.StatusUnauthorized, "invalid_token", "Invalid token")
		return
	}
	if !slices.Contains(scopes, scopeRead) {
		handwrittenError(w, http.StatusForbidden, "insufficient_scope", "Insufficient scope, expected any of: "+scopeRead)
		return
	}
	q, err := parseListQuery(r)
	if err != nil {
		handwrittenError(w, http.StatusBadRequest, "invalid_query_string", err.Error())
		return
	}

	body, err := s.selectPage(&q)
	if err != nil {
		handwrittenError(w, http.StatusBadRequest, "invalid_query_string", err.Error())
		return
	}
	handwrittenJSON(w, body)
}

// selectPage returns the answer to q, built under the read lock from copies
// of the stored grants, so that it can be encoded after the lock is released.
func (s *handwrittenServer) selectPage(q *listQuery) (any, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	switch {
	case q.hasFrom || q.hasTake: // a checkpoint page
		start := 0
		if q.from != "" {
			i, ok := s.index[q.from]
			if !ok {
				return nil, errBadQuery(`The "from" checkpoint is not valid.`)
			}
			start = i
		}
		take := defaultPageSize
		if q.hasTake {
			take = int(q.take)
		}
		type page struct {
			ClientGrants []plainGrant `json:"client_grants"`
			Next         *string      `json:"next,omitempty"`
		}
		p := page{ClientGrants: make([]plainGrant, 0, min(take, len(s.grants)-start))}
		for i := start; i < len(s.grants); i++ {
			if !q.match(&s.grants[i]) {
				continue
			}
			if len(p.ClientGrants) == take {
				p.Next = s.grants[i].ID
				break
			}
			p.ClientGrants = append(p.ClientGrants, s.grants[i])
		}
		return p, nil
	case !q.hasPage && !q.hasPerPage && !q.totals: // every grant
		items := make([]plainGrant, 0, len(s.grants))
		for i := range s.grants {
			if q.match(&s.grants[i]) {
				items = append(items, s.grants[i])
			}
		}
		return items, nil
	}
	// an offset page
	perPage := int64(defaultPageSize)
	if q.hasPerPage {
		perPage = q.perPage
	}
	skip := int64(-1) // a page past the end holds nothing (and page·perPage may overflow)
	if q.page <= int64(len(s.grants))/perPage {
		skip = q.page * perPage
	}
	items := make([]plainGrant, 0, min(int(perPage), len(s.grants)))
	total := int64(0)
	for i := range s.grants {
		if !q.match(&s.grants[i]) {
			continue
		}
		if skip >= 0 && total >= skip && total < skip+perPage {
			items = append(items, s.grants[i])
		}
		total++
	}
	if !q.totals {
		return items, nil
	}
	return struct {
		Start        float64      `json:"start"`
		Limit        int64        `json:"limit"`
		Total        int64        `json:"total"`
		ClientGrants []plainGrant `json:"client_grants"`
	}{float64(q.page) * float64(perPage), perPage, total, items}, nil
}

// perfServers returns the generated server over a fake and the hand-written
// one, both holding the same perfStoreSize grants and accepting the test
// tokens.
func perfServers() (generated, handwritten http.Handler) {
	grants := perfGrants(perfStoreSize)
	f := newFake(testTokens())
	for _, g := range grants {
		f.seed(g)
	}
	return newHandler(f), newHandwrittenServer(testTokens(), grants)
}

// perfServe runs one GET of target with the all-scopes token through h.
func perfServe(h http.Handler, target string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Header.Set("Authorization", "Bearer "+allToken)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// benchServe is one sub-benchmark: GET target through h, every answer
// checked for the status want. SetBytes is the size of the answer's body.
func benchServe(b *testing.B, h http.Handler, target string, want int) {
	rec := perfServe(h, target)
	if rec.Code != want {
		b.Fatalf("status %d, want %d: %s", rec.Code, want, rec.Body)
	}
	b.ReportAllocs()
	b.SetBytes(int64(rec.Body.Len()))
	for b.Loop() {
		if rec := perfServe(h, target); rec.Code != want {
			b.Fatalf("status %d, want %d: %s", rec.Code, want, rec.Body)
		}
	}
}

// BenchmarkServerList is one in-process GET
// /api/v2/client-grants?per_page=50 with a valid bearer token and 200 grants
// stored, answered with the first 50. oasgen: the generated server with the
// fake behind it; handwritten: handwrittenServer. Both answers are checked
// to hold the same 50 grants before timing.
func BenchmarkServerList(b *testing.B) {
	const target = basePath + "/client-grants?per_page=50"
	gen, hw := perfServers()
	var got, want []plainGrant
	for _, c := range []struct {
		h    http.Handler
		into *[]plainGrant
	}{{gen, &got}, {hw, &want}} {
		rec := perfServe(c.h, target)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		if err := json.Unmarshal(rec.Body.Bytes(), c.into); err != nil {
			b.Fatal(err)
		}
	}
	if len(got) != defaultPageSize || !reflect.DeepEqual(got, want) {
		b.Fatalf("the generated server answered %d grants, the hand-written one %d, or others", len(got), len(want))
	}
	b.Run("oasgen", func(b *testing.B) { benchServe(b, gen, target, http.StatusOK) })
	b.Run("handwritten", func(b *testing.B) { benchServe(b, hw, target, http.StatusOK) })
}

// BenchmarkServerReject is the same request with per_page=0, which the spec
// forbids (minimum 1): both servers answer 400 with an Auth0-shaped error
// body, checked before timing.
func BenchmarkServerReject(b *testing.B) {
	const target = basePath + "/client-grants?per_page=0"
	gen, hw := perfServers()
	for _, h := range []http.Handler{gen, hw} {
		rec := perfServe(h, target)
		var e struct {
			StatusCode int    `json:"statusCode"`
			Error      string `json:"error"`
			Message    string `json:"message"`
			ErrorCode  string `json:"errorCode"`
		}
		if rec.Code != http.StatusBadRequest {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.StatusCode != http.StatusBadRequest ||
			e.Error != "Bad Request" || !strings.Contains(e.Message, "per_page") || e.ErrorCode == "" {
			b.Fatalf("not an Auth0 error naming per_page (%v): %s", err, rec.Body)
		}
	}
	b.Run("oasgen", func(b *testing.B) { benchServe(b, gen, target, http.StatusBadRequest) })
	b.Run("handwritten", func(b *testing.B) { benchServe(b, hw, target, http.StatusBadRequest) })
}

// TestHandwrittenMatchesGenerated checks that the hand-written baseline does
// what the generated server and the fake do: the same status for each
// request and, for a 200, the same JSON body.
func TestHandwrittenMatchesGenerated(t *testing.T) {
	gen, hw := perfServers()
	id := func(i int) string { return fmt.Sprintf("cgr_Perf%012d", i) }
	for _, tc := range []struct {
		query  string
		token  string // "" = allToken; "-" = none
		status int
	}{
		{"", "", 200},
		{"per_page=50", "", 200},
		{"per_page=100&page=1", "", 200},
		{"per_page=50&page=3", "", 200},
		{"per_page=50&page=4", "", 200},
		{"per_page=1&page=9223372036854775807", "", 200},
		{"per_page=7&page=2&include_totals=true", "", 200},
		{"include_totals=true", "", 200},
		{"include_totals=false", "", 200},
		{"page=1", "", 200},
		{"take=10", "", 200},
		{"from=" + id(190), "", 200},
		{"from=" + id(20) + "&take=5", "", 200},
		{"from=&take=3", "", 200},
		{"audience=https://api3.example.com/", "", 200},
		{"audience=https://api3.example.com/&per_page=5&include_totals=true", "", 200},
		{"client_id=client_00000000000000000000000000000042", "", 200},
		{"allow_any_organization=true&per_page=100", "", 200},
		{"subject_type=user&take=100", "", 200},
		{"default_for=third_party_clients", "", 200},
		{"per_page=50&per_page=500", "", 400},
		{"audience=a&per_page=5&audience=b", "", 400},
		{"per_page=0", "", 400},
		{"per_page=101", "", 400},
		{"per_page=x", "", 400},
		{"per_page=", "", 400},
		{"page=-1", "", 400},
		{"include_totals=yes", "", 400},
		{"take=0", "", 400},
		{"take=101", "", 400},
		{"from=cgr_unknown", "", 400},
		{"allow_any_organization=false", "", 400},
		{"subject_type=robot", "", 400},
		{"default_for=first_party_clients", "", 400},
		{"per_page=50&perpage=10", "", 400},
		{"audience=%zz", "", 400},
		{"per_page=5;page=1", "", 400},
		{"per_page=50&&", "", 200},
		{"per_page=50", "-", 401},
		{"per_page=50", unknownToken, 401},
		{"per_page=50", noScopeToken, 403},
		{"per_page=50", orgReadToken, 403},
		{"per_page=50", readToken, 200},
	} {
		t.Run(tc.query+"/"+tc.token, func(t *testing.T) {
			target := basePath + "/client-grants?" + tc.query
			var bodies [2]any
			for i, h := range []http.Handler{gen, hw} {
				req := httptest.NewRequest(http.MethodGet, target, nil)
				switch tc.token {
				case "":
					req.Header.Set("Authorization", "Bearer "+allToken)
				case "-":
				default:
					req.Header.Set("Authorization", "Bearer "+tc.token)
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != tc.status {
					t.Fatalf("%s server: status %d, want %d: %s", [2]string{"generated", "hand-written"}[i], rec.Code, tc.status, rec.Body)
				}
				if err := json.Unmarshal(rec.Body.Bytes(), &bodies[i]); err != nil {
					t.Fatalf("%s server: %v: %s", [2]string{"generated", "hand-written"}[i], err, rec.Body)
				}
			}
			if tc.status == http.StatusOK && !reflect.DeepEqual(bodies[0], bodies[1]) {
				t.Errorf("bodies differ:\ngenerated    %v\nhand-written %v", bodies[0], bodies[1])
			}
		})
	}
}
