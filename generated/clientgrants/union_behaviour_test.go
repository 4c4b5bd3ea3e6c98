package clientgrants

// Union behaviour: ListClientGrantResponseContent and
// ListClientGrantOrganizationsResponseContent are told apart by JSON shape
// and, between objects, by their keys.

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// Compact documents in declared field order, so re-encoding is byte-exact.
const (
	g1JSON = `{"id":"cgr_1","client_id":"client_1","audience":"https://api.example.com/","scope":["read:users"],"subject_type":"client"}`
	g2JSON = `{"id":"cgr_2","client_id":"client_2","audience":"https://billing.example.com/","scope":[],"organization_usage":"require","allow_any_organization":true,"subject_type":"user"}`
	o1JSON = `{"id":"org_1","name":"acme","display_name":"Acme","metadata":{"region":null,"tier":"gold"}}`
	o2JSON = `{"id":"org_2","name":"globex","x-custom":[1,2]}`
)

var (
	g1 = ClientGrantResponseContent{
		ID: NewOpt("cgr_1"), ClientID: NewOpt("client_1"), Audience: NewOpt("https://api.example.com/"),
		Scope: NewOpt([]string{"read:users"}), SubjectType: NewOpt(ClientGrantSubjectTypeEnumClient),
	}
	g2 = ClientGrantResponseContent{
		ID: NewOpt("cgr_2"), ClientID: NewOpt("client_2"), Audience: NewOpt("https://billing.example.com/"),
		Scope: NewOpt([]string{}), OrganizationUsage: NewOpt(ClientGrantOrganizationUsageEnumRequire),
		AllowAnyOrganization: NewOpt(true), SubjectType: NewOpt(ClientGrantSubjectTypeEnumUser),
	}
	o1 = Organization{
		ID: NewOpt("org_1"), Name: NewOpt("acme"), DisplayName: NewOpt("Acme"),
		Metadata: NewOpt(OrganizationMetadata{"region": NewNull[string](), "tier": NewNullable("gold")}),
	}
	o2 = Organization{
		ID: NewOpt("org_2"), Name: NewOpt("globex"),
		AdditionalProperties: map[string]json.RawMessage{"x-custom": json.RawMessage(`[1,2]`)},
	}
)

// grantVariant reports which accessor of u answers true; exactly one must.
func grantVariant(t testing.TB, u ListClientGrantResponseContent) string {
	t.Helper()
	var held []string
	if _, ok := u.Array(); ok {
		held = append(held, "Array")
	}
	if _, ok := u.OffsetPaginated(); ok {
		held = append(held, "OffsetPaginated")
	}
	if _, ok := u.Paginated(); ok {
		held = append(held, "Paginated")
	}
	if len(held) > 1 {
		t.Fatalf("union claims several variants: %v", held)
	}
	if len(held) == 0 {
		return ""
	}
	return held[0]
}

func orgVariant(t testing.TB, u ListClientGrantOrganizationsResponseContent) string {
	t.Helper()
	var held []string
	if _, ok := u.Array(); ok {
		held = append(held, "Array")
	}
	if _, ok := u.OffsetPaginated(); ok {
		held = append(held, "OffsetPaginated")
	}
	if _, ok := u.Paginated(); ok {
		held = append(held, "Paginated")
	}
	if len(held) > 1 {
		t.Fatalf("union claims several variants: %v", held)
	}
	if len(held) == 0 {
		return ""
	}
	return held[0]
}

func TestListClientGrantResponseContentVariants(t *testing.T) {
	cases := []struct {
		name    string
		json    string
		variant string
		want    ListClientGrantResponseContent
	}{
		{"bare array", `[` + g1JSON + `,` + g2JSON + `]`, "Array",
			NewListClientGrantResponseContentArray([]ClientGrantResponseContent{g1, g2})},
		{"empty array", `[]`, "Array",
			NewListClientGrantResponseContentArray([]ClientGrantResponseContent{})},
		{"offset page", `{"start":0,"limit":50,"total":2,"client_grants":[` + g1JSON + `,` + g2JSON + `]}`, "OffsetPaginated",
			NewListClientGrantResponseContentOffsetPaginated(ListClientGrantOffsetPaginatedResponseContent{
				Start: NewOpt(0.0), Limit: NewOpt(50.0), Total: NewOpt(2.0),
				ClientGrants: NewOpt([]ClientGrantResponseContent{g1, g2}),
			})},
		{"offset page, some keys", `{"total":0,"client_grants":[]}`, "OffsetPaginated",
			NewListClientGrantResponseContentOffsetPaginated(ListClientGrantOffsetPaginatedResponseContent{
				Total: NewOpt(0.0), ClientGrants: NewOpt([]ClientGrantResponseContent{}),
			})},
		{"checkpoint page", `{"next":"abc","client_grants":[` + g1JSON + `,` + g2JSON + `]}`, "Paginated",
			NewListClientGrantResponseContentPaginated(ListClientGrantPaginatedResponseContent{
				Next: NewOpt("abc"), ClientGrants: NewOpt([]ClientGrantResponseContent{g1, g2}),
			})},
		// Both object variants can hold it; the tighter fit wins.
		{"last checkpoint page", `{"client_grants":[` + g1JSON + `]}`, "Paginated",
			NewListClientGrantResponseContentPaginated(ListClientGrantPaginatedResponseContent{
				ClientGrants: NewOpt([]ClientGrantResponseContent{g1}),
			})},
		{"empty object", `{}`, "Paginated",
			NewListClientGrantResponseContentPaginated(ListClientGrantPaginatedResponseContent{})},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var u ListClientGrantResponseContent
			mustUnmarshal(t, []byte(tc.json), &u)
			if got := grantVariant(t, u); got != tc.variant {
				t.Errorf("variant %q, want %q", got, tc.variant)
			}
			if !reflect.DeepEqual(u, tc.want) {
				t.Errorf("decoded %+v\nwant    %+v", u, tc.want)
			}
			assertJSONBytes(t, mustMarshal(t, u), tc.json)
			assertJSONBytes(t, mustMarshal(t, tc.want), tc.json)
			assertJSONBytes(t, mustMarshal(t, &u), tc.json)
			assertViolations(t, u.Validate())
		})
	}

	// The accessors hand back the held variant's value.
	var u ListClientGrantResponseContent
	mustUnmarshal(t, []byte(`{"next":"abc","client_grants":[`+g1JSON+`]}`), &u)
	page, ok := u.Paginated()
	if !ok || page.Next.Value != "abc" || len(page.ClientGrants.Value) != 1 || page.ClientGrants.Value[0].ID.Value != "cgr_1" {
		t.Errorf("Paginated() = %+v, %v", page, ok)
	}
	if arr, ok := u.Array(); ok || arr != nil {
		t.Errorf("Array() on a Paginated union = %v, %v", arr, ok)
	}
	if off, ok := u.OffsetPaginated(); ok || !reflect.DeepEqual(off, ListClientGrantOffsetPaginatedResponseContent{}) {
		t.Errorf("OffsetPaginated() on a Paginated union = %+v, %v", off, ok)
	}

	// Decoding again replaces the variant entirely.
	mustUnmarshal(t, []byte(`[`+g2JSON+`]`), &u)
	if !reflect.DeepEqual(u, NewListClientGrantResponseContentArray([]ClientGrantResponseContent{g2})) {
		t.Errorf("after re-decoding: %+v", u)
	}
}

func TestListClientGrantOrganizationsResponseContentVariants(t *testing.T) {
	cases := []struct {
		name    string
		json    string
		variant string
		want    ListClientGrantOrganizationsResponseContent
	}{
		{"bare array", `[` + o1JSON + `,` + o2JSON + `]`, "Array",
			NewListClientGrantOrganizationsResponseContentArray([]Organization{o1, o2})},
		{"empty array", `[]`, "Array",
			NewListClientGrantOrganizationsResponseContentArray([]Organization{})},
		{"offset page", `{"start":50,"limit":50,"total":52,"organizations":[` + o1JSON + `,` + o2JSON + `]}`, "OffsetPaginated",
			NewListClientGrantOrganizationsResponseContentOffsetPaginated(ListClientGrantOrganizationsOffsetPaginatedResponseContent{
				Start: NewOpt(50.0), Limit: NewOpt(50.0), Total: NewOpt(52.0),
				Organizations: NewOpt([]Organization{o1, o2}),
			})},
		{"offset page, start only", `{"start":0}`, "OffsetPaginated",
			NewListClientGrantOrganizationsResponseContentOffsetPaginated(ListClientGrantOrganizationsOffsetPaginatedResponseContent{
				Start: NewOpt(0.0),
			})},
		{"checkpoint page", `{"next":"b3JnXzI=","organizations":[` + o1JSON + `]}`, "Paginated",
			NewListClientGrantOrganizationsResponseContentPaginated(ListClientGrantOrganizationsPaginatedResponseContent{
				Next: NewOpt("b3JnXzI="), Organizations: NewOpt([]Organization{o1}),
			})},
		{"last checkpoint page", `{"organizations":[` + o2JSON + `]}`, "Paginated",
			NewListClientGrantOrganizationsResponseContentPaginated(ListClientGrantOrganizationsPaginatedResponseContent{
				Organizations: NewOpt([]Organization{o2}),
			})},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var u ListClientGrantOrganizationsResponseContent
			mustUnmarshal(t, []byte(tc.json), &u)
			if got := orgVariant(t, u); got != tc.variant {
				t.Errorf("variant %q, want %q", got, tc.variant)
			}
			if !reflect.DeepEqual(u, tc.want) {
				t.Errorf("decoded %+v\nwant    %+v", u, tc.want)
			}
			assertJSONBytes(t, mustMarshal(t, u), tc.json)
			assertJSONBytes(t, mustMarshal(t, tc.want), tc.json)
			assertViolations(t, u.Validate())
		})
	}
}

func TestUnionShapeErrors(t *testing.T) {
	cases := []struct {
		json, shape string
	}{
		{`"abc"`, "string"},
		{`42`, "number"},
		{`-1.5`, "number"},
		{`true`, "boolean"},
		{`null`, "null"},
		{` null `, "null"},
		// Objects that no closed variant can hold.
		{`{"next":"abc","total":1}`, "object"},
	}
	for _, tc := range cases {
		t.Run("grants "+tc.json, func(t *testing.T) {
			var u ListClientGrantResponseContent
			err := json.Unmarshal([]byte(tc.json), &u)
			var ue *UnionError
			if !errors.As(err, &ue) {
				t.Fatalf("error %v (%T), want *UnionError", err, err)
			}
			want := UnionError{Type: "ListClientGrantResponseContent", Shape: tc.shape, Want: "array, object"}
			if *ue != want {
				t.Errorf("UnionError %+v, want %+v", *ue, want)
			}
			if msg := "ListClientGrantResponseContent: a JSON " + tc.shape + " matches none of its variants (array, object)"; err.Error() != msg {
				t.Errorf("Error() = %q, want %q", err.Error(), msg)
			}
			if grantVariant(t, u) != "" {
				t.Errorf("a failed decode set a variant: %+v", u)
			}
		})
		t.Run("organizations "+tc.json, func(t *testing.T) {
			var u ListClientGrantOrganizationsResponseContent
			err := json.Unmarshal([]byte(tc.json), &u)
			var ue *UnionError
			if !errors.As(err, &ue) {
				t.Fatalf("error %v (%T), want *UnionError", err, err)
			}
			want := UnionError{Type: "ListClientGrantOrganizationsResponseContent", Shape: tc.shape, Want: "array, object"}
			if *ue != want {
				t.Errorf("UnionError %+v, want %+v", *ue, want)
			}
			if msg := "ListClientGrantOrganizationsResponseContent: a JSON " + tc.shape + " matches none of its variants (array, object)"; err.Error() != msg {
				t.Errorf("Error() = %q, want %q", err.Error(), msg)
			}
		})
	}

	// A key that no variant declares may come from a newer server: the
	// client forgives it and picks the variant the other keys fit, as plain
	// closed structs drop unknown keys (TestClosedSchemasDropUnknownProperties).
	var u ListClientGrantResponseContent
	if err := json.Unmarshal([]byte(`{"next":"abc","client_grants":[],"request_id":"r1"}`), &u); err != nil {
		t.Errorf("object with an unknown key: %v", err)
	} else if p, ok := u.Paginated(); !ok || p.Next.Value != "abc" {
		t.Errorf("object with an unknown key decoded as %+v", u)
	}

	// The right shape with the wrong content is a plain decode error that
	// names the place.
	for in, where := range map[string]string{`[1]`: "[0]", `[{"scope":"read:users"}]`: "[0].scope", `{"client_grants":5}`: "client_grants", `{"start":"0"}`: "start"} {
		var u ListClientGrantResponseContent
		err := json.Unmarshal([]byte(in), &u)
		var de *DecodeError
		if !errors.As(err, &de) || de.Path != where {
			t.Errorf("%s: error %v (%T), want a *DecodeError at %s", in, err, err, where)
		}
	}
	// Malformed JSON never reaches UnmarshalJSON.
	var syntax *json.SyntaxError
	if err := json.Unmarshal([]byte(`[`), new(ListClientGrantResponseContent)); !errors.As(err, &syntax) {
		t.Errorf("malformed JSON: %v", err)
	}
	// Calling UnmarshalJSON directly with nothing is a syntax error.
	if err := new(ListClientGrantResponseContent).UnmarshalJSON([]byte("  ")); err == nil ||
		err.Error() != "json: unexpected end of JSON input (offset 2)" {
		t.Errorf("empty input: %v", err)
	}
}

func TestEmptyUnion(t *testing.T) {
	var grants ListClientGrantResponseContent
	if grantVariant(t, grants) != "" {
		t.Errorf("zero union holds a variant")
	}
	if _, err := grants.MarshalJSON(); err == nil || err.Error() != "ListClientGrantResponseContent: no variant is set" {
		t.Errorf("MarshalJSON of an empty union: %v", err)
	}
	_, err := json.Marshal(grants)
	var me *json.MarshalerError
	if !errors.As(err, &me) || !strings.HasSuffix(err.Error(), "ListClientGrantResponseContent: no variant is set") {
		t.Errorf("json.Marshal of an empty union: %v", err)
	}
	assertViolations(t, grants.Validate(), "no variant of ListClientGrantResponseContent is set")

	var orgs ListClientGrantOrganizationsResponseContent
	if _, err := orgs.MarshalJSON(); err == nil || err.Error() != "ListClientGrantOrganizationsResponseContent: no variant is set" {
		t.Errorf("MarshalJSON of an empty union: %v", err)
	}
	if _, err := json.Marshal(&orgs); err == nil {
		t.Errorf("json.Marshal of an empty union succeeded")
	}
	assertViolations(t, orgs.Validate(), "no variant of ListClientGrantOrganizationsResponseContent is set")
}

func TestUnionValidateReachesVariant(t *testing.T) {
	long := strings.Repeat("x", 256)
	grantCases := []struct {
		name, json string
		want       []string
	}{
		{"array", `[{"id":"cgr_1"},{"audience":"","subject_type":"bogus"}]`, []string{
			"[1].audience: length 0 is less than minLength 1",
			`[1].subject_type: value "bogus" is not one of "client", "user"`,
		}},
		{"offset", `{"total":1,"client_grants":[{"scope":["read:users",""]}]}`, []string{
			"client_grants[0].scope[1]: length 0 is less than minLength 1",
		}},
		{"checkpoint", `{"next":"x","client_grants":[{},{"authorization_details_types":["` + long + `"]}]}`, []string{
			"client_grants[1].authorization_details_types[0]: length 256 exceeds maxLength 255",
		}},
	}
	for _, tc := range grantCases {
		t.Run("grants "+tc.name, func(t *testing.T) {
			var u ListClientGrantResponseContent
			assertViolations(t, decodeAndValidate(t, []byte(tc.json), &u), tc.want...)
		})
	}

	orgCases := []struct {
		name, json string
		want       []string
	}{
		{"array", `[{"id":"` + strings.Repeat("o", 51) + `"}]`, []string{"[0].id: length 51 exceeds maxLength 50"}},
		{"offset", `{"start":0,"organizations":[{"name":"ok"},{"name":""}]}`, []string{
			"organizations[1].name: length 0 is less than minLength 1",
		}},
		{"checkpoint", `{"next":"x","organizations":[{"metadata":{"odd key":"` + long + `"},"token_quota":{"client_credentials":{"per_day":0}}}]}`, []string{
			`organizations[0].metadata["odd key"]: length 256 exceeds maxLength 255`,
			"organizations[0].token_quota.client_credentials.per_day: value 0 is less than minimum 1",
		}},
	}
	for _, tc := range orgCases {
		t.Run("organizations "+tc.name, func(t *testing.T) {
			var u ListClientGrantOrganizationsResponseContent
			assertViolations(t, decodeAndValidate(t, []byte(tc.json), &u), tc.want...)
		})
	}

	// Built with a constructor.
	built := NewListClientGrantOrganizationsResponseContentArray([]Organization{
		{ID: NewOpt("org_1")},
		{ID: NewOpt(strings.Repeat("o", 51)), DisplayName: NewOpt("")},
	})
	assertViolations(t, built.Validate(),
		"[1].id: length 51 exceeds maxLength 50",
		"[1].display_name: length 0 is less than minLength 1")
	paged := NewListClientGrantResponseContentPaginated(ListClientGrantPaginatedResponseContent{
		ClientGrants: NewOpt([]ClientGrantResponseContent{{DefaultFor: NewOpt(ClientGrantDefaultForEnum("all"))}}),
	})
	assertViolations(t, paged.Validate(), `client_grants[0].default_for: value "all" is not one of "third_party_clients"`)
}
