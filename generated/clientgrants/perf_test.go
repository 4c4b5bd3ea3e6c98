// Benchmarks of issue 7 for the generated types and client, each set beside
// hand-written baselines measured in the same run, so that the comparison
// does not depend on the machine or on numbers copied from an earlier run.
//
// Each Benchmark function is one comparison group: its sub-benchmark named
// "oasgen" measures the generated code and every other sub-benchmark is a
// baseline for it. tools/benchratio reads `go test -bench` output, divides
// oasgen's ns/op by each baseline's and checks the issue's goals; `make
// bench` pipes every benchmark through it. Nothing here asserts on timings:
// the checks made before each timed loop only make sure that the subject and
// its baselines do the same work on the same data.
//
//   - BenchmarkDecodeList: ListClientGrantResponseContent.UnmarshalJSON
//     against encoding/json into a hand-written struct, and against
//     json.Valid, the floor: a decoder cannot beat a scan of the bytes.
//   - BenchmarkEncodeList: MarshalJSON against json.Marshal of the
//     hand-written struct holding the same grants.
//   - BenchmarkClientList: the generated client's ClientGrants.List against
//     a hand-written net/http + encoding/json call, both over loopback.
package clientgrants

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strconv"
	"testing"
)

// plainGrant is ClientGrantResponseContent as one writes it by hand for
// encoding/json: the same JSON names, pointers for the optional scalars so
// that an absent field stays absent (and false is not dropped), and plain
// slices, whose nil already means absent, with omitempty. The only
// difference from the generated type is that omitempty also drops an empty
// array, which the benchmark data never holds. It is the baseline's type in
// every group.
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

// perfPtr returns a pointer to a copy of the value an Opt holds, or nil when
// it is absent.
func perfPtr[T, P any](o Opt[T], conv func(T) P) *P {
	if !o.Set {
		return nil
	}
	v := conv(o.Value)
	return &v
}

func perfSame[T any](v T) T { return v }

// plainOf converts generated grants into the baseline's type, sharing
// nothing mutable with them.
func plainOf(gs []ClientGrantResponseContent) []plainGrant {
	out := make([]plainGrant, len(gs))
	for i, g := range gs {
		out[i] = plainGrant{
			ID:                        perfPtr(g.ID, perfSame),
			ClientID:                  perfPtr(g.ClientID, perfSame),
			Audience:                  perfPtr(g.Audience, perfSame),
			Scope:                     append([]string(nil), g.Scope.Value...),
			OrganizationUsage:         perfPtr(g.OrganizationUsage, func(v ClientGrantOrganizationUsageEnum) string { return string(v) }),
			AllowAnyOrganization:      perfPtr(g.AllowAnyOrganization, perfSame),
			DefaultFor:                perfPtr(g.DefaultFor, func(v ClientGrantDefaultForEnum) string { return string(v) }),
			IsSystem:                  perfPtr(g.IsSystem, perfSame),
			SubjectType:               perfPtr(g.SubjectType, func(v ClientGrantSubjectTypeEnum) string { return string(v) }),
			AuthorizationDetailsTypes: append([]string(nil), g.AuthorizationDetailsTypes.Value...),
			AllowAllScopes:            perfPtr(g.AllowAllScopes, perfSame),
		}
	}
	return out
}

// perfGrantCount is how many grants hundredGrants holds, the divisor of the
// allocs/grant metric.
const perfGrantCount = 100

// perfDecodeHundred decodes hundredGrants() with the generated decoder and
// returns the data, the grants and the union holding them.
func perfDecodeHundred(b *testing.B) ([]byte, []ClientGrantResponseContent, ListClientGrantResponseContent) {
	b.Helper()
	data := hundredGrants()
	var u ListClientGrantResponseContent
	if err := u.UnmarshalJSON(data); err != nil {
		b.Fatalf("UnmarshalJSON: %v", err)
	}
	arr, ok := u.Array()
	if !ok || len(arr) != perfGrantCount {
		b.Fatalf("UnmarshalJSON decoded %d grants (array variant: %v), want %d", len(arr), ok, perfGrantCount)
	}
	return data, arr, u
}

// perfSameJSON fails b unless got and want hold the same JSON value.
func perfSameJSON(b *testing.B, what string, got, want []byte) {
	b.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		b.Fatalf("%s: not JSON: %v", what, err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		b.Fatalf("%s: the expected value is not JSON: %v", what, err)
	}
	if !reflect.DeepEqual(g, w) {
		b.Fatalf("%s: got\n%s\nwant\n%s", what, got, want)
	}
}

// BenchmarkDecodeList decodes the 100 grants of hundredGrants() (about 47 KB)
// into the generated union, calling its UnmarshalJSON directly, as the
// generated client does with a response body (json.Unmarshal would first run
// encoding/json's own validity scan over the bytes). Baselines:
// encoding_json decodes the same bytes into []plainGrant with
// json.Unmarshal; json_valid only checks that they are JSON, the floor for
// any decoder. The decoding sub-benchmarks also report allocs/grant.
func BenchmarkDecodeList(b *testing.B) {
	data, arr, _ := perfDecodeHundred(b)
	var plain []plainGrant
	if err := json.Unmarshal(data, &plain); err != nil {
		b.Fatalf("json.Unmarshal into []plainGrant: %v", err)
	}
	if want := plainOf(arr); !reflect.DeepEqual(plain, want) {
		b.Fatalf("the baseline decoded other grants than oasgen:\n%+v\nwant\n%+v", plain, want)
	}
	if !json.Valid(data) {
		b.Fatal("json.Valid rejects the fixture")
	}

	b.Run("oasgen", func(b *testing.B) {
		decode := func() {
			var u ListClientGrantResponseContent
			if err := u.UnmarshalJSON(data); err != nil {
				b.Fatal(err)
			}
		}
		perAlloc := testing.AllocsPerRun(20, decode) / perfGrantCount
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			decode()
		}
		b.ReportMetric(perAlloc, "allocs/grant")
	})
	b.Run("encoding_json", func(b *testing.B) {
		decode := func() {
			var v []plainGrant
			if err := json.Unmarshal(data, &v); err != nil {
				b.Fatal(err)
			}
		}
		perAlloc := testing.AllocsPerRun(20, decode) / perfGrantCount
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			decode()
		}
		b.ReportMetric(perAlloc, "allocs/grant")
	})
	b.Run("json_valid", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if !json.Valid(data) {
				b.Fatal("invalid")
			}
		}
	})
}

// BenchmarkEncodeList encodes the 100 decoded grants with the union's
// MarshalJSON, called directly. Baseline encoding_json: json.Marshal of the
// same grants as []plainGrant. Both outputs are checked to be the fixture's
// JSON value first; SetBytes is the size of each one's output.
func BenchmarkEncodeList(b *testing.B) {
	data, arr, u := perfDecodeHundred(b)
	plain := plainOf(arr)
	generated, err := u.MarshalJSON()
	if err != nil {
		b.Fatalf("MarshalJSON: %v", err)
	}
	perfSameJSON(b, "oasgen's encoding", generated, data)
	handwritten, err := json.Marshal(plain)
	if err != nil {
		b.Fatalf("json.Marshal: %v", err)
	}
	perfSameJSON(b, "the baseline's encoding", handwritten, data)

	b.Run("oasgen", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(generated)))
		for b.Loop() {
			if _, err := u.MarshalJSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(handwritten)))
		for b.Loop() {
			if _, err := json.Marshal(plain); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// perfToken is the bearer token of BenchmarkClientList.
const perfToken = "perf-token"

// perfHTTPClient returns a keep-alive client over a transport of its own,
// set up like http.DefaultTransport; every sub-benchmark of
// BenchmarkClientList gets one with the same settings, closed at its end.
func perfHTTPClient(b *testing.B) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 4
	b.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

// handwrittenList is the baseline client call of BenchmarkClientList: GET
// {base}/client-grants?per_page=N with a bearer token, the body read in full
// and decoded with encoding/json. A non-200 answer is an error.
func handwrittenList(ctx context.Context, hc *http.Client, base, token string, perPage int) ([]plainGrant, error) {
	q := url.Values{}
	q.Set("per_page", strconv.Itoa(perPage))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/client-grants?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d: %s", resp.StatusCode, body)
	}
	var grants []plainGrant
	if err := json.Unmarshal(body, &grants); err != nil {
		return nil, err
	}
	return grants, nil
}

// BenchmarkClientList is one call listing 100 grants against a loopback
// httptest.Server that answers GET /api/v2/client-grants?per_page=100 with
// the hundredGrants() bytes (and 400 or 401 to any other request, so that a
// client sending something else fails the checks before the timed loop).
// oasgen: the generated client's ClientGrants.List, with its default
// options apart from the HTTP client and the token. Baseline handwritten:
// handwrittenList. Each uses its own keep-alive client with the same
// transport settings.
func BenchmarkClientList(b *testing.B) {
	data := hundredGrants()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Header.Get("Authorization") != "Bearer "+perfToken:
			http.Error(w, "unauthorized", http.StatusUnauthorized)
		case r.Method != http.MethodGet || r.URL.Path != "/api/v2/client-grants" || r.URL.RawQuery != "per_page=100":
			http.Error(w, "unexpected request "+r.Method+" "+r.URL.String(), http.StatusBadRequest)
		default:
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Length", strconv.Itoa(len(data)))
			_, _ = w.Write(data)
		}
	}))
	defer srv.Close()
	base := srv.URL + "/api/v2"
	ctx := context.Background()

	b.Run("oasgen", func(b *testing.B) {
		c, err := NewClient(base, WithHTTPClient(perfHTTPClient(b)), WithToken(perfToken))
		if err != nil {
			b.Fatal(err)
		}
		params := ListClientGrantsRequestParameters{PerPage: NewOpt[int64](100)}
		u, err := c.ClientGrants.List(ctx, params)
		if err != nil {
			b.Fatal(err)
		}
		if arr, ok := u.Array(); !ok || len(arr) != perfGrantCount {
			b.Fatalf("List returned %d grants (array variant: %v), want %d", len(arr), ok, perfGrantCount)
		}
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := c.ClientGrants.List(ctx, params); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("handwritten", func(b *testing.B) {
		hc := perfHTTPClient(b)
		grants, err := handwrittenList(ctx, hc, base, perfToken, 100)
		if err != nil {
			b.Fatal(err)
		}
		if len(grants) != perfGrantCount {
			b.Fatalf("handwrittenList returned %d grants, want %d", len(grants), perfGrantCount)
		}
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := handwrittenList(ctx, hc, base, perfToken, 100); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestPerfBaselinesAgree runs the checks the benchmarks make before timing,
// so that `go test` alone notices a baseline that drifts from the subject.
func TestPerfBaselinesAgree(t *testing.T) {
	data := hundredGrants()
	var u ListClientGrantResponseContent
	if err := u.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	arr, _ := u.Array()
	var plain []plainGrant
	if err := json.Unmarshal(data, &plain); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(plain, plainOf(arr)) || len(plain) != perfGrantCount {
		t.Fatalf("the baseline decoded %d grants unlike oasgen's %d", len(plain), len(arr))
	}
	out, err := json.Marshal(plain)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, data) {
		t.Errorf("json.Marshal([]plainGrant) does not give back the fixture:\n%s", out)
	}
}
