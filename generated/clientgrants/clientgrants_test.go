package clientgrants

// Behaviour tests of the generated package: JSON round trips of every schema
// type, absent / null / value handling, and additional properties. The
// validation rules are tested in validate_behaviour_test.go, the unions in
// union_behaviour_test.go and the benchmarks live in benchmark_test.go.
//
// Tests named after a BUG are skipped: they state what the generated code
// should do and fail against the code as generated today.

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// ---------------------------------------------------------------------------
// Helpers.

// validatable is what every generated type implements.
type validatable interface{ Validate() error }

func mustUnmarshal(t testing.TB, data []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("json.Unmarshal(%s) into %T: %v", data, v, err)
	}
}

func mustMarshal(t testing.TB, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json.Marshal(%T): %v", v, err)
	}
	return data
}

// decodeAny decodes one JSON document into generic Go values, keeping
// numbers as written so that no precision is lost in the comparison.
func decodeAny(t testing.TB, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decoding %s as any: %v", data, err)
	}
	if dec.More() {
		t.Fatalf("trailing data after the JSON value in %s", data)
	}
	return v
}

// assertSameJSON compares two JSON documents semantically (key order and
// white space do not matter, everything else does).
func assertSameJSON(t testing.TB, got, want []byte) {
	t.Helper()
	if g, w := decodeAny(t, got), decodeAny(t, want); !reflect.DeepEqual(g, w) {
		t.Errorf("JSON differs\n got: %s\nwant: %s", got, want)
	}
}

// assertJSONBytes compares encoded output byte for byte.
func assertJSONBytes(t testing.TB, got []byte, want string) {
	t.Helper()
	if string(got) != want {
		t.Errorf("encoded\n got: %s\nwant: %s", got, want)
	}
}

// violationStrings returns the violations of err rendered as "path: message";
// err must be nil or hold a *ValidationError.
func violationStrings(t testing.TB, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %q (%T) is not a *ValidationError", err, err)
	}
	if len(ve.Violations) == 0 {
		t.Fatalf("Validate returned a *ValidationError without violations")
	}
	out := make([]string, len(ve.Violations))
	for i, v := range ve.Violations {
		out[i] = v.String()
	}
	return out
}

// assertViolations checks the exact violations, in order. No want means valid.
func assertViolations(t testing.TB, err error, want ...string) {
	t.Helper()
	got := violationStrings(t, err)
	if len(want) == 0 {
		want = nil
	}
	if !slices.Equal(got, want) {
		t.Errorf("violations\n got: %q\nwant: %q", got, want)
	}
}

// assertViolationsAnyOrder checks the exact violations, ignoring their order
// (for maps, whose entries Validate walks in Go's random map order).
func assertViolationsAnyOrder(t testing.TB, err error, want ...string) {
	t.Helper()
	got := slices.Sorted(slices.Values(violationStrings(t, err)))
	want = slices.Sorted(slices.Values(want))
	if len(want) == 0 {
		want = nil
	}
	if !slices.Equal(got, want) {
		t.Errorf("violations (any order)\n got: %q\nwant: %q", got, want)
	}
}

// assertEveryFieldSet checks that the document a test decoded sets every
// JSON property of the struct v points to, so that a round trip really
// covers every field.
func assertEveryFieldSet(t testing.TB, v any) {
	t.Helper()
	rv := reflect.ValueOf(v).Elem()
	if rv.Kind() != reflect.Struct {
		t.Fatalf("%T is not a pointer to a struct", v)
	}
	for i := range rv.NumField() {
		f := rv.Type().Field(i)
		if !f.IsExported() || f.Tag.Get("json") == "-" {
			continue
		}
		if rv.Field(i).IsZero() {
			t.Errorf("%s.%s is not set by the test document", rv.Type().Name(), f.Name)
		}
	}
}

// ---------------------------------------------------------------------------
// Realistic documents.

const (
	// grantFull sets every property of the client grant response schemas.
	grantFull = `{
  "id": "cgr_4pI9a42haOLLWnwq",
  "client_id": "AaiyAPdpYdesoKnqjj8HJqRn4T5titww",
  "audience": "https://api.example.com/",
  "scope": ["read:users", "update:users", "delete:users"],
  "organization_usage": "allow",
  "allow_any_organization": false,
  "default_for": "third_party_clients",
  "is_system": false,
  "subject_type": "client",
  "authorization_details_types": ["payment_initiation", "money_transfer"],
  "allow_all_scopes": false
}`

	// grantSystem is a second full grant with the other values of each field.
	grantSystem = `{
  "id": "cgr_0000000000000001",
  "client_id": "9bMvEBLYv8KrmdsY4SNOvpxYD2WaxEDV",
  "audience": "https://tenant.eu.auth0.com/api/v2/",
  "scope": [],
  "organization_usage": "require",
  "allow_any_organization": true,
  "default_for": "third_party_clients",
  "is_system": true,
  "subject_type": "user",
  "authorization_details_types": [],
  "allow_all_scopes": true
}`

	createFull = `{
  "client_id": "AaiyAPdpYdesoKnqjj8HJqRn4T5titww",
  "audience": "https://api.example.com/",
  "default_for": "third_party_clients",
  "organization_usage": "require",
  "allow_any_organization": true,
  "scope": ["read:invoices", "write:invoices"],
  "subject_type": "user",
  "authorization_details_types": ["payment_initiation"],
  "allow_all_scopes": false
}`

	createMinimal = `{"audience": "https://api.example.com/"}`

	updateValues = `{
  "scope": ["read:users"],
  "organization_usage": "deny",
  "allow_any_organization": false,
  "authorization_details_types": ["money_transfer"],
  "allow_all_scopes": true
}`

	updateNulls = `{
  "scope": null,
  "organization_usage": null,
  "allow_any_organization": null,
  "authorization_details_types": [],
  "allow_all_scopes": null
}`

	orgFull = `{
  "id": "org_Fi6xKlPeQqd4fQbB",
  "name": "acme",
  "display_name": "Acme Users",
  "branding": {
    "logo_url": "https://cdn.example.com/acme.png",
    "colors": {"primary": "#0059d6", "page_background": "#000000"}
  },
  "metadata": {"tier": "gold", "region": "eu", "legacy_id": null},
  "token_quota": {"client_credentials": {"enforce": true, "per_day": 1000, "per_hour": 100}}
}`

	// orgExtra has undeclared properties; their values are written compactly
	// because AdditionalProperties keeps the raw bytes and encoding/json
	// compacts them on the way out.
	orgExtra = `{
  "id": "org_2",
  "name": "globex",
  "display_name": "Globex Corporation",
  "extra": {"a":1},
  "z": true
}`
)

var (
	grantsOffset = `{"start": 0, "limit": 50, "total": 2, "client_grants": [` + grantFull + `,` + grantSystem + `]}`
	grantsPaged  = `{"next": "Y2dyXzAwMDAwMDAwMDAwMDAwMDE=", "client_grants": [` + grantFull + `,` + grantSystem + `]}`
	orgsOffset   = `{"start": 50, "limit": 50, "total": 52, "organizations": [` + orgFull + `,` + orgExtra + `]}`
	orgsPaged    = `{"next": "b3JnXzI=", "organizations": [` + orgFull + `,` + orgExtra + `]}`
)

type roundTripCase struct {
	name string
	json string
	new  func() any
	full bool // the document sets every declared property of the struct
}

func roundTripCases() []roundTripCase {
	grant := func() any { return new(ClientGrantResponseContent) }
	return []roundTripCase{
		// Client grants, as every response schema.
		{"ClientGrantResponseContent", grantFull, grant, true},
		{"ClientGrantResponseContent/system", grantSystem, grant, true},
		{"ClientGrantResponseContent/empty", `{}`, grant, false},
		{"CreateClientGrantResponseContent", grantFull, func() any { return new(CreateClientGrantResponseContent) }, true},
		{"GetClientGrantResponseContent", grantFull, func() any { return new(GetClientGrantResponseContent) }, true},
		{"UpdateClientGrantResponseContent", grantSystem, func() any { return new(UpdateClientGrantResponseContent) }, true},

		// Request bodies.
		{"CreateClientGrantRequestContent", createFull, func() any { return new(CreateClientGrantRequestContent) }, true},
		{"CreateClientGrantRequestContent/minimal", createMinimal, func() any { return new(CreateClientGrantRequestContent) }, false},
		{"UpdateClientGrantRequestContent/values", updateValues, func() any { return new(UpdateClientGrantRequestContent) }, true},
		{"UpdateClientGrantRequestContent/nulls", updateNulls, func() any { return new(UpdateClientGrantRequestContent) }, true},

		// Organizations and their parts.
		{"Organization", orgFull, func() any { return new(Organization) }, true},
		{"Organization/additional properties", orgExtra, func() any { return new(Organization) }, false},
		{"OrganizationBranding", `{"logo_url": "https://cdn.example.com/l.svg", "colors": {"primary": "#ff0000", "page_background": "#ffffff"}}`,
			func() any { return new(OrganizationBranding) }, true},
		{"OrganizationBrandingColors", `{"primary": "#0059d6", "page_background": "#000000"}`,
			func() any { return new(OrganizationBrandingColors) }, true},
		{"OrganizationMetadata", `{"tier": "gold", "odd key": "x", "cleared": null, "empty": ""}`,
			func() any { return new(OrganizationMetadata) }, false},
		{"OrganizationMetadata/empty", `{}`, func() any { return new(OrganizationMetadata) }, false},
		{"TokenQuota", `{"client_credentials": {"enforce": false, "per_day": 2147483647, "per_hour": 1}}`,
			func() any { return new(TokenQuota) }, true},
		{"TokenQuotaClientCredentials", `{"enforce": true, "per_day": 86400, "per_hour": 3600}`,
			func() any { return new(TokenQuotaClientCredentials) }, true},
		{"TokenQuotaClientCredentials/enforce only", `{"enforce": false}`,
			func() any { return new(TokenQuotaClientCredentials) }, false},

		// Paginated objects.
		{"ListClientGrantOffsetPaginatedResponseContent", grantsOffset,
			func() any { return new(ListClientGrantOffsetPaginatedResponseContent) }, true},
		{"ListClientGrantPaginatedResponseContent", grantsPaged,
			func() any { return new(ListClientGrantPaginatedResponseContent) }, true},
		{"ListClientGrantOrganizationsOffsetPaginatedResponseContent", orgsOffset,
			func() any { return new(ListClientGrantOrganizationsOffsetPaginatedResponseContent) }, true},
		{"ListClientGrantOrganizationsPaginatedResponseContent", orgsPaged,
			func() any { return new(ListClientGrantOrganizationsPaginatedResponseContent) }, true},

		// Unions, one case per variant.
		{"ListClientGrantResponseContent/array", `[` + grantFull + `,` + grantSystem + `]`,
			func() any { return new(ListClientGrantResponseContent) }, false},
		{"ListClientGrantResponseContent/offset", grantsOffset,
			func() any { return new(ListClientGrantResponseContent) }, false},
		{"ListClientGrantResponseContent/checkpoint", grantsPaged,
			func() any { return new(ListClientGrantResponseContent) }, false},
		{"ListClientGrantOrganizationsResponseContent/array", `[` + orgFull + `,` + orgExtra + `]`,
			func() any { return new(ListClientGrantOrganizationsResponseContent) }, false},
		{"ListClientGrantOrganizationsResponseContent/offset", orgsOffset,
			func() any { return new(ListClientGrantOrganizationsResponseContent) }, false},
		{"ListClientGrantOrganizationsResponseContent/checkpoint", orgsPaged,
			func() any { return new(ListClientGrantOrganizationsResponseContent) }, false},

		// Enumerations, every listed value.
		{"ClientGrantAllowAnyOrganizationEnum/true", `true`, func() any { return new(ClientGrantAllowAnyOrganizationEnum) }, false},
		{"ClientGrantDefaultForEnum/third_party_clients", `"third_party_clients"`, func() any { return new(ClientGrantDefaultForEnum) }, false},
		{"ClientGrantOrganizationNullableUsageEnum/deny", `"deny"`, func() any { return new(ClientGrantOrganizationNullableUsageEnum) }, false},
		{"ClientGrantOrganizationNullableUsageEnum/allow", `"allow"`, func() any { return new(ClientGrantOrganizationNullableUsageEnum) }, false},
		{"ClientGrantOrganizationNullableUsageEnum/require", `"require"`, func() any { return new(ClientGrantOrganizationNullableUsageEnum) }, false},
		{"ClientGrantOrganizationUsageEnum/deny", `"deny"`, func() any { return new(ClientGrantOrganizationUsageEnum) }, false},
		{"ClientGrantOrganizationUsageEnum/allow", `"allow"`, func() any { return new(ClientGrantOrganizationUsageEnum) }, false},
		{"ClientGrantOrganizationUsageEnum/require", `"require"`, func() any { return new(ClientGrantOrganizationUsageEnum) }, false},
		{"ClientGrantSubjectTypeEnum/client", `"client"`, func() any { return new(ClientGrantSubjectTypeEnum) }, false},
		{"ClientGrantSubjectTypeEnum/user", `"user"`, func() any { return new(ClientGrantSubjectTypeEnum) }, false},
	}
}

// TestRoundTrip decodes a realistic document into each type, checks it is
// valid, encodes it and compares the result with the input, then decodes the
// output again and compares the Go values.
func TestRoundTrip(t *testing.T) {
	for _, tc := range roundTripCases() {
		t.Run(tc.name, func(t *testing.T) {
			first := tc.new()
			mustUnmarshal(t, []byte(tc.json), first)
			if tc.full {
				assertEveryFieldSet(t, first)
			}
			if err := first.(validatable).Validate(); err != nil {
				t.Errorf("Validate of the decoded document: %v", err)
			}

			encoded := mustMarshal(t, first)
			assertSameJSON(t, encoded, []byte(tc.json))

			second := tc.new()
			mustUnmarshal(t, encoded, second)
			if !reflect.DeepEqual(first, second) {
				t.Errorf("decode(encode(v)) != v\nfirst:  %+v\nsecond: %+v", first, second)
			}
			if again := mustMarshal(t, second); !bytes.Equal(again, encoded) {
				t.Errorf("encoding is not stable\nfirst:  %s\nsecond: %s", encoded, again)
			}
		})
	}
}

// TestRoundTripCoversEveryType makes sure the round-trip table names every
// type that types.go declares, so a new schema type cannot slip through.
func TestRoundTripCoversEveryType(t *testing.T) {
	file, err := parser.ParseFile(token.NewFileSet(), "types.go", nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, tc := range roundTripCases() {
		covered[reflect.TypeOf(tc.new()).Elem().Name()] = true
	}
	var declared []string
	aliases := map[string]string{} // alias → the type it names
	for _, decl := range file.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.TYPE {
			continue
		}
		for _, spec := range gen.Specs {
			// The parameters structs of operations are not JSON documents.
			ts := spec.(*ast.TypeSpec)
			if name := ts.Name.Name; !strings.HasSuffix(name, "RequestParameters") {
				declared = append(declared, name)
				if ts.Assign.IsValid() {
					aliases[name] = ts.Type.(*ast.Ident).Name
				}
			}
		}
	}
	if len(declared) != 23 {
		t.Errorf("types.go declares %d types, want the 23 schemas of client-grants.yaml: %v", len(declared), declared)
	}
	for _, name := range declared {
		// An alias is covered by the type it names: the three answers
		// that repeat ClientGrantResponseContent are declared as its aliases.
		if of, ok := aliases[name]; ok {
			name = of
		}
		if !covered[name] {
			t.Errorf("type %s has no round-trip case", name)
		}
	}
	if len(aliases) != 3 {
		t.Errorf("types.go declares %d aliases, want the 3 answers that repeat ClientGrantResponseContent: %v", len(aliases), aliases)
	}
}

// TestDecodedValues checks field by field what the realistic documents decode to.
func TestDecodedValues(t *testing.T) {
	t.Run("ClientGrantResponseContent", func(t *testing.T) {
		var got ClientGrantResponseContent
		mustUnmarshal(t, []byte(grantFull), &got)
		want := ClientGrantResponseContent{
			ID:                        NewOpt("cgr_4pI9a42haOLLWnwq"),
			ClientID:                  NewOpt("AaiyAPdpYdesoKnqjj8HJqRn4T5titww"),
			Audience:                  NewOpt("https://api.example.com/"),
			Scope:                     NewOpt([]string{"read:users", "update:users", "delete:users"}),
			OrganizationUsage:         NewOpt(ClientGrantOrganizationUsageEnumAllow),
			AllowAnyOrganization:      NewOpt(false),
			DefaultFor:                NewOpt(ClientGrantDefaultForEnumThirdPartyClients),
			IsSystem:                  NewOpt(false),
			SubjectType:               NewOpt(ClientGrantSubjectTypeEnumClient),
			AuthorizationDetailsTypes: NewOpt([]string{"payment_initiation", "money_transfer"}),
			AllowAllScopes:            NewOpt(false),
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got  %+v\nwant %+v", got, want)
		}
	})

	t.Run("CreateClientGrantRequestContent", func(t *testing.T) {
		var got CreateClientGrantRequestContent
		mustUnmarshal(t, []byte(createFull), &got)
		want := CreateClientGrantRequestContent{
			ClientID:                  NewOpt("AaiyAPdpYdesoKnqjj8HJqRn4T5titww"),
			Audience:                  "https://api.example.com/",
			DefaultFor:                NewOpt(ClientGrantDefaultForEnumThirdPartyClients),
			OrganizationUsage:         NewOpt(ClientGrantOrganizationUsageEnumRequire),
			AllowAnyOrganization:      NewOpt(true),
			Scope:                     NewOpt([]string{"read:invoices", "write:invoices"}),
			SubjectType:               NewOpt(ClientGrantSubjectTypeEnumUser),
			AuthorizationDetailsTypes: NewOpt([]string{"payment_initiation"}),
			AllowAllScopes:            NewOpt(false),
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got  %+v\nwant %+v", got, want)
		}

		var minimal CreateClientGrantRequestContent
		mustUnmarshal(t, []byte(createMinimal), &minimal)
		if !reflect.DeepEqual(minimal, CreateClientGrantRequestContent{Audience: "https://api.example.com/"}) {
			t.Errorf("minimal: got %+v", minimal)
		}
		// The spec's default for allow_any_organization is false; Or applies it.
		if minimal.AllowAnyOrganization.Set || minimal.AllowAnyOrganization.Or(false) != false {
			t.Errorf("absent allow_any_organization: %+v", minimal.AllowAnyOrganization)
		}
		if got, ok := minimal.ClientID.Get(); ok || got != "" {
			t.Errorf("absent client_id: Get() = %q, %v", got, ok)
		}
	})

	t.Run("UpdateClientGrantRequestContent", func(t *testing.T) {
		var values, nulls UpdateClientGrantRequestContent
		mustUnmarshal(t, []byte(updateValues), &values)
		mustUnmarshal(t, []byte(updateNulls), &nulls)
		wantValues := UpdateClientGrantRequestContent{
			Scope:                     NewNullable([]string{"read:users"}),
			OrganizationUsage:         NewNullable(ClientGrantOrganizationNullableUsageEnumDeny),
			AllowAnyOrganization:      NewNullable(false),
			AuthorizationDetailsTypes: NewOpt([]string{"money_transfer"}),
			AllowAllScopes:            NewNullable(true),
		}
		wantNulls := UpdateClientGrantRequestContent{
			Scope:                     NewNull[[]string](),
			OrganizationUsage:         NewNull[ClientGrantOrganizationNullableUsageEnum](),
			AllowAnyOrganization:      NewNull[bool](),
			AuthorizationDetailsTypes: NewOpt([]string{}),
			AllowAllScopes:            NewNull[bool](),
		}
		if !reflect.DeepEqual(values, wantValues) {
			t.Errorf("values: got %+v\nwant %+v", values, wantValues)
		}
		if !reflect.DeepEqual(nulls, wantNulls) {
			t.Errorf("nulls: got %+v\nwant %+v", nulls, wantNulls)
		}
	})

	t.Run("Organization", func(t *testing.T) {
		var got Organization
		mustUnmarshal(t, []byte(orgFull), &got)
		want := Organization{
			ID:          NewOpt("org_Fi6xKlPeQqd4fQbB"),
			Name:        NewOpt("acme"),
			DisplayName: NewOpt("Acme Users"),
			Branding: NewOpt(OrganizationBranding{
				LogoURL: NewOpt("https://cdn.example.com/acme.png"),
				Colors:  NewOpt(OrganizationBrandingColors{Primary: "#0059d6", PageBackground: "#000000"}),
			}),
			Metadata: NewOpt(OrganizationMetadata{
				"tier":      NewNullable("gold"),
				"region":    NewNullable("eu"),
				"legacy_id": NewNull[string](),
			}),
			TokenQuota: NewOpt(TokenQuota{ClientCredentials: TokenQuotaClientCredentials{
				Enforce: NewOpt(true),
				PerDay:  NewOpt[int64](1000),
				PerHour: NewOpt[int64](100),
			}}),
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got  %+v\nwant %+v", got, want)
		}
		if got.AdditionalProperties != nil {
			t.Errorf("AdditionalProperties = %v, want nil when there are none", got.AdditionalProperties)
		}
		if v, ok := got.Metadata.Value["legacy_id"].Get(); ok || v != "" {
			t.Errorf("null metadata value: Get() = %q, %v", v, ok)
		}
		if !got.Metadata.Value["legacy_id"].IsNull() || got.Metadata.Value["tier"].IsNull() {
			t.Errorf("IsNull wrong for metadata values %+v", got.Metadata.Value)
		}
	})

	t.Run("paginated numbers", func(t *testing.T) {
		var got ListClientGrantOrganizationsOffsetPaginatedResponseContent
		mustUnmarshal(t, []byte(orgsOffset), &got)
		if got.Start != NewOpt(50.0) || got.Limit != NewOpt(50.0) || got.Total != NewOpt(52.0) {
			t.Errorf("start/limit/total = %+v %+v %+v", got.Start, got.Limit, got.Total)
		}
		if n := len(got.Organizations.Value); n != 2 {
			t.Fatalf("%d organizations, want 2", n)
		}
		if id := got.Organizations.Value[1].ID.Value; id != "org_2" {
			t.Errorf("second organization id %q", id)
		}
	})
}

// ---------------------------------------------------------------------------
// Absent fields are omitted, set-but-zero fields are written.

func TestEncodeOmitsAbsentKeepsZero(t *testing.T) {
	cases := []struct {
		name  string
		value any
		want  string
	}{
		{"all absent", ClientGrantResponseContent{}, `{}`},
		{"one set", ClientGrantResponseContent{ID: NewOpt("cgr_1")}, `{"id":"cgr_1"}`},
		{"zero values set", ClientGrantResponseContent{
			ID:                   NewOpt(""),
			Scope:                NewOpt([]string{}),
			AllowAnyOrganization: NewOpt(false),
			IsSystem:             NewOpt(false),
			AllowAllScopes:       NewOpt(false),
		}, `{"id":"","scope":[],"allow_any_organization":false,"is_system":false,"allow_all_scopes":false}`},
		{"required audience always written", CreateClientGrantRequestContent{}, `{"audience":""}`},
		{"create with false and empty scope", CreateClientGrantRequestContent{
			Audience:             "https://api.example.com/",
			AllowAnyOrganization: NewOpt(false),
			Scope:                NewOpt([]string{}),
		}, `{"audience":"https://api.example.com/","allow_any_organization":false,"scope":[]}`},
		{"quota zeros", TokenQuotaClientCredentials{Enforce: NewOpt(false), PerHour: NewOpt[int64](0)}, `{"enforce":false,"per_hour":0}`},
		{"required client_credentials always written", TokenQuota{}, `{"client_credentials":{}}`},
		{"required colors always written", OrganizationBrandingColors{}, `{"primary":"","page_background":""}`},
		{"offset zero start", ListClientGrantOffsetPaginatedResponseContent{
			Start:        NewOpt(0.0),
			ClientGrants: NewOpt([]ClientGrantResponseContent{}),
		}, `{"start":0,"client_grants":[]}`},
		{"empty metadata", Organization{Metadata: NewOpt(OrganizationMetadata{})}, `{"metadata":{}}`},
		{"empty branding", Organization{Branding: NewOpt(OrganizationBranding{})}, `{"branding":{}}`},
		{"update false", UpdateClientGrantRequestContent{AllowAllScopes: NewNullable(false)}, `{"allow_all_scopes":false}`},
		{"update all absent", UpdateClientGrantRequestContent{}, `{}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assertJSONBytes(t, mustMarshal(t, tc.value), tc.want)
		})
	}
}

func TestDecodeKeepsSetButZero(t *testing.T) {
	var c CreateClientGrantRequestContent
	mustUnmarshal(t, []byte(`{"audience":"a","allow_any_organization":false,"scope":[],"allow_all_scopes":false}`), &c)
	if c.AllowAnyOrganization != NewOpt(false) || c.AllowAllScopes != NewOpt(false) {
		t.Errorf("false booleans not kept as set: %+v %+v", c.AllowAnyOrganization, c.AllowAllScopes)
	}
	if !c.Scope.Set || c.Scope.Value == nil || len(c.Scope.Value) != 0 {
		t.Errorf("empty scope array decoded as %#v", c.Scope)
	}
	if c.SubjectType.Set || c.ClientID.Set || c.AuthorizationDetailsTypes.Set {
		t.Errorf("absent fields decoded as set: %+v", c)
	}
	assertJSONBytes(t, mustMarshal(t, c), `{"audience":"a","allow_any_organization":false,"scope":[],"allow_all_scopes":false}`)
}

// A JSON null where the schema does not allow one is read as absent (the
// forgiving reader documented on Opt.UnmarshalJSON) and is not written back.
func TestNullForNonNullableIsAbsent(t *testing.T) {
	var g ClientGrantResponseContent
	mustUnmarshal(t, []byte(`{"audience":"https://api/","scope":null,"is_system":null,"subject_type":null}`), &g)
	if !reflect.DeepEqual(g, ClientGrantResponseContent{Audience: NewOpt("https://api/")}) {
		t.Errorf("got %+v", g)
	}
	assertJSONBytes(t, mustMarshal(t, g), `{"audience":"https://api/"}`)

	// The same holds for the one Opt field of the PATCH body; the body is then
	// empty and breaks minProperties.
	var u UpdateClientGrantRequestContent
	mustUnmarshal(t, []byte(`{"authorization_details_types":null}`), &u)
	if !reflect.DeepEqual(u, UpdateClientGrantRequestContent{}) {
		t.Errorf("got %+v", u)
	}
	assertViolations(t, u.Validate(), "0 properties are fewer than minProperties 1")

	// A set Opt is cleared by null, with white space around it.
	o := NewOpt("x")
	if err := o.UnmarshalJSON([]byte(" \t null\r\n")); err != nil {
		t.Fatal(err)
	}
	if o != (Opt[string]{}) {
		t.Errorf("Opt after null = %+v, want absent", o)
	}
}

func TestOptAndNullableAccessors(t *testing.T) {
	var absent Opt[int64]
	if v, ok := absent.Get(); v != 0 || ok || !absent.IsZero() || absent.Or(7) != 7 {
		t.Errorf("absent Opt: Get=%v,%v IsZero=%v Or=%v", v, ok, absent.IsZero(), absent.Or(7))
	}
	set := NewOpt[int64](0)
	if v, ok := set.Get(); v != 0 || !ok || set.IsZero() || set.Or(7) != 0 {
		t.Errorf("set Opt: Get=%v,%v IsZero=%v Or=%v", v, ok, set.IsZero(), set.Or(7))
	}
	for _, tc := range []struct {
		name                    string
		n                       Nullable[string]
		wantV                   string
		wantOK, wantNull, wantZ bool
		wantJSON                string
	}{
		{"absent", Nullable[string]{}, "", false, false, true, `null`},
		{"null", NewNull[string](), "", false, true, false, `null`},
		{"empty value", NewNullable(""), "", true, false, false, `""`},
		{"value", NewNullable("gold"), "gold", true, false, false, `"gold"`},
	} {
		v, ok := tc.n.Get()
		if v != tc.wantV || ok != tc.wantOK || tc.n.IsNull() != tc.wantNull || tc.n.IsZero() != tc.wantZ {
			t.Errorf("%s: Get=%q,%v IsNull=%v IsZero=%v", tc.name, v, ok, tc.n.IsNull(), tc.n.IsZero())
		}
		// Outside a struct (where omitzero cannot drop it) absent encodes as null.
		assertJSONBytes(t, mustMarshal(t, tc.n), tc.wantJSON)
	}
	assertJSONBytes(t, mustMarshal(t, absent), `null`)
	assertJSONBytes(t, mustMarshal(t, set), `0`)

	var n Nullable[bool]
	if err := n.UnmarshalJSON([]byte("\n null ")); err != nil || n != NewNull[bool]() {
		t.Errorf("Nullable after null = %+v, %v", n, err)
	}
	if err := n.UnmarshalJSON([]byte("false")); err != nil || n != NewNullable(false) {
		t.Errorf("Nullable after false = %+v, %v", n, err)
	}
	if err := n.UnmarshalJSON([]byte(`"yes"`)); err == nil {
		t.Errorf("Nullable[bool] accepted a string")
	}
}

// ---------------------------------------------------------------------------
// Null vs absent vs value in the PATCH body.

func TestUpdateNullAbsentValue(t *testing.T) {
	cases := []struct {
		name string
		json string // compact, in declared order: it must come back byte for byte
		want UpdateClientGrantRequestContent
	}{
		{"empty", `{}`, UpdateClientGrantRequestContent{}},
		{"scope null", `{"scope":null}`, UpdateClientGrantRequestContent{Scope: NewNull[[]string]()}},
		{"scope empty", `{"scope":[]}`, UpdateClientGrantRequestContent{Scope: NewNullable([]string{})}},
		{"scope value", `{"scope":["a"]}`, UpdateClientGrantRequestContent{Scope: NewNullable([]string{"a"})}},
		{"organization_usage null", `{"organization_usage":null}`,
			UpdateClientGrantRequestContent{OrganizationUsage: NewNull[ClientGrantOrganizationNullableUsageEnum]()}},
		{"organization_usage value", `{"organization_usage":"require"}`,
			UpdateClientGrantRequestContent{OrganizationUsage: NewNullable(ClientGrantOrganizationNullableUsageEnumRequire)}},
		{"allow_any_organization null", `{"allow_any_organization":null}`,
			UpdateClientGrantRequestContent{AllowAnyOrganization: NewNull[bool]()}},
		{"allow_any_organization false", `{"allow_any_organization":false}`,
			UpdateClientGrantRequestContent{AllowAnyOrganization: NewNullable(false)}},
		{"allow_any_organization true", `{"allow_any_organization":true}`,
			UpdateClientGrantRequestContent{AllowAnyOrganization: NewNullable(true)}},
		{"allow_all_scopes null", `{"allow_all_scopes":null}`,
			UpdateClientGrantRequestContent{AllowAllScopes: NewNull[bool]()}},
		{"allow_all_scopes false", `{"allow_all_scopes":false}`,
			UpdateClientGrantRequestContent{AllowAllScopes: NewNullable(false)}},
		{"authorization_details_types empty", `{"authorization_details_types":[]}`,
			UpdateClientGrantRequestContent{AuthorizationDetailsTypes: NewOpt([]string{})}},
		{"mixed", `{"scope":null,"organization_usage":"allow","allow_any_organization":null,"authorization_details_types":["money_transfer"],"allow_all_scopes":true}`,
			UpdateClientGrantRequestContent{
				Scope:                     NewNull[[]string](),
				OrganizationUsage:         NewNullable(ClientGrantOrganizationNullableUsageEnumAllow),
				AllowAnyOrganization:      NewNull[bool](),
				AuthorizationDetailsTypes: NewOpt([]string{"money_transfer"}),
				AllowAllScopes:            NewNullable(true),
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got UpdateClientGrantRequestContent
			mustUnmarshal(t, []byte(tc.json), &got)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("decoded %+v\nwant    %+v", got, tc.want)
			}
			assertJSONBytes(t, mustMarshal(t, got), tc.json)
			// A value built with the constructors encodes to the same bytes.
			assertJSONBytes(t, mustMarshal(t, tc.want), tc.json)
			if tc.json == `{}` {
				assertViolations(t, got.Validate(), "0 properties are fewer than minProperties 1")
			} else {
				assertViolations(t, got.Validate())
			}
		})
	}

	// The three states of scope through the accessors.
	var absent, null, value UpdateClientGrantRequestContent
	mustUnmarshal(t, []byte(`{}`), &absent)
	mustUnmarshal(t, []byte(`{"scope":null}`), &null)
	mustUnmarshal(t, []byte(`{"scope":["a"]}`), &value)
	if absent.Scope.Set || absent.Scope.IsNull() {
		t.Errorf("absent scope: %+v", absent.Scope)
	}
	if !null.Scope.IsNull() {
		t.Errorf("null scope: IsNull() = false")
	}
	if v, ok := null.Scope.Get(); ok || v != nil {
		t.Errorf("null scope: Get() = %v, %v", v, ok)
	}
	if v, ok := value.Scope.Get(); !ok || !slices.Equal(v, []string{"a"}) || value.Scope.IsNull() {
		t.Errorf("value scope: Get() = %v, %v, IsNull %v", v, ok, value.Scope.IsNull())
	}
}

// ---------------------------------------------------------------------------
// Additional properties.

func TestOrganizationKeepsUnknownProperties(t *testing.T) {
	// Keys in a scrambled order: declared ones come back first, in declared
	// order, then the others sorted by key.
	in := `{"z":true,"name":"acme","extra":{"a":1},"id":"org_1","display_name":"Acme"}`
	var o Organization
	mustUnmarshal(t, []byte(in), &o)
	wantExtra := map[string]json.RawMessage{"extra": json.RawMessage(`{"a":1}`), "z": json.RawMessage(`true`)}
	if !reflect.DeepEqual(o.AdditionalProperties, wantExtra) {
		t.Errorf("AdditionalProperties = %s", o.AdditionalProperties)
	}
	if o.ID != NewOpt("org_1") || o.Name != NewOpt("acme") || o.DisplayName != NewOpt("Acme") {
		t.Errorf("declared fields: %+v", o)
	}
	const want = `{"id":"org_1","name":"acme","display_name":"Acme","extra":{"a":1},"z":true}`
	assertJSONBytes(t, mustMarshal(t, o), want)
	assertJSONBytes(t, mustMarshal(t, &o), want)
	direct, err := o.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	assertJSONBytes(t, direct, want)
	assertViolations(t, o.Validate())

	// Only undeclared properties.
	var only Organization
	mustUnmarshal(t, []byte(`{"z":1,"a":[1,2],"m":{"k":null}}`), &only)
	assertJSONBytes(t, mustMarshal(t, only), `{"a":[1,2],"m":{"k":null},"z":1}`)

	// White space inside a kept value is compacted by encoding/json.
	var spaced Organization
	mustUnmarshal(t, []byte(`{"extra": { "a" : [ 1, 2 ] }}`), &spaced)
	assertJSONBytes(t, mustMarshal(t, spaced), `{"extra":{"a":[1,2]}}`)

	// Kept inside a list too.
	var list ListClientGrantOrganizationsResponseContent
	mustUnmarshal(t, []byte(`[{"id":"org_1","x-tier":"gold"},{"id":"org_2"}]`), &list)
	assertJSONBytes(t, mustMarshal(t, list), `[{"id":"org_1","x-tier":"gold"},{"id":"org_2"}]`)
}

func TestOrganizationConstructedAdditionalProperties(t *testing.T) {
	o := Organization{
		ID:   NewOpt("org_1"),
		Name: NewOpt("acme"),
		AdditionalProperties: map[string]json.RawMessage{
			"b":    json.RawMessage(`2`),
			"a":    json.RawMessage(`"one"`),
			"id":   json.RawMessage(`"shadowed"`),      // declared: the typed field wins
			"name": json.RawMessage(`"also shadowed"`), // declared
			"logo": json.RawMessage(`null`),
		},
	}
	assertJSONBytes(t, mustMarshal(t, o), `{"id":"org_1","name":"acme","a":"one","b":2,"logo":null}`)

	// A declared key in AdditionalProperties is dropped even when the typed
	// field is absent.
	shadowOnly := Organization{AdditionalProperties: map[string]json.RawMessage{"display_name": json.RawMessage(`"x"`)}}
	assertJSONBytes(t, mustMarshal(t, shadowOnly), `{}`)

	bad := Organization{ID: NewOpt("org_1"), AdditionalProperties: map[string]json.RawMessage{"bad": json.RawMessage(`{`)}}
	_, err := bad.MarshalJSON()
	var unsupported *json.UnsupportedValueError
	if !errors.As(err, &unsupported) || unsupported.Str != "additional property bad holds invalid JSON" {
		t.Errorf("MarshalJSON with invalid raw JSON: %v", err)
	}
	if _, err := json.Marshal(bad); err == nil {
		t.Errorf("json.Marshal accepted invalid raw JSON")
	}
}

// Closed schemas (additionalProperties: false) drop unknown properties
// without an error: the client is forgiving of a newer server.
func TestClosedSchemasDropUnknownProperties(t *testing.T) {
	cases := []struct {
		name string
		in   string
		new  func() any
		want string
	}{
		{"ClientGrantResponseContent", `{"id":"cgr_1","unknown":1,"nested":{"a":[1]},"client_id":"c"}`,
			func() any { return new(ClientGrantResponseContent) }, `{"id":"cgr_1","client_id":"c"}`},
		{"GetClientGrantResponseContent", `{"created_at":"2024-01-01T00:00:00Z","is_system":true}`,
			func() any { return new(GetClientGrantResponseContent) }, `{"is_system":true}`},
		{"CreateClientGrantRequestContent", `{"audience":"a","foo":"bar"}`,
			func() any { return new(CreateClientGrantRequestContent) }, `{"audience":"a"}`},
		{"UpdateClientGrantRequestContent", `{"bogus":1,"scope":null}`,
			func() any { return new(UpdateClientGrantRequestContent) }, `{"scope":null}`},
		{"TokenQuotaClientCredentials", `{"per_minute":5,"per_day":10}`,
			func() any { return new(TokenQuotaClientCredentials) }, `{"per_day":10}`},
		{"OrganizationBranding", `{"font":"serif","colors":{"primary":"#000","page_background":"#fff","accent":"#f00"}}`,
			func() any { return new(OrganizationBranding) }, `{"colors":{"primary":"#000","page_background":"#fff"}}`},
		{"ListClientGrantPaginatedResponseContent", `{"next":"x","total":3}`,
			func() any { return new(ListClientGrantPaginatedResponseContent) }, `{"next":"x"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := tc.new()
			mustUnmarshal(t, []byte(tc.in), v)
			assertJSONBytes(t, mustMarshal(t, v), tc.want)
		})
	}
}

// BUG: encoding/json matches object keys to struct fields case-insensitively,
// but the generated code treats keys case-sensitively everywhere else
// (knownOrganizationField, chooseObjectVariant, JSON Schema itself). So an
// undeclared key that differs from a declared one only in case is both
// decoded into the typed field and kept as an additional property.
func TestDeclaredPropertyNamesAreCaseSensitive(t *testing.T) {
	t.Skip("BUG: generated UnmarshalJSON relies on encoding/json's case-insensitive key matching: " +
		`Organization {"id":"org_a","ID":"org_b"} decodes ID="org_b" (the undeclared "ID" overwrites "id") ` +
		`and also keeps "ID" in AdditionalProperties, re-encoding as {"id":"org_b","ID":"org_b"}; ` +
		`UpdateClientGrantRequestContent {"SCOPE":null} (an unknown key) becomes a valid PATCH that clears scope`)

	t.Run("Organization", func(t *testing.T) {
		var o Organization
		mustUnmarshal(t, []byte(`{"id":"org_a","ID":"org_b"}`), &o)
		if o.ID != NewOpt("org_a") {
			t.Errorf(`ID = %+v, want "org_a": "ID" is a different, undeclared property`, o.ID)
		}
		if !reflect.DeepEqual(o.AdditionalProperties, map[string]json.RawMessage{"ID": json.RawMessage(`"org_b"`)}) {
			t.Errorf("AdditionalProperties = %s", o.AdditionalProperties)
		}
		assertJSONBytes(t, mustMarshal(t, o), `{"id":"org_a","ID":"org_b"}`)
	})
	t.Run("ClientGrantResponseContent", func(t *testing.T) {
		var g ClientGrantResponseContent
		mustUnmarshal(t, []byte(`{"Audience":""}`), &g)
		if g.Audience.Set {
			t.Errorf(`undeclared "Audience" decoded into audience: %+v`, g.Audience)
		}
		assertViolations(t, g.Validate())
	})
	t.Run("UpdateClientGrantRequestContent", func(t *testing.T) {
		var u UpdateClientGrantRequestContent
		mustUnmarshal(t, []byte(`{"SCOPE":null}`), &u)
		assertJSONBytes(t, mustMarshal(t, u), `{}`)
		assertViolations(t, u.Validate(), "0 properties are fewer than minProperties 1")
	})
}

// BUG: a set Opt or Nullable (or a union's Array variant) holding a nil Go
// slice encodes as JSON null, because Opt.MarshalJSON / Nullable.MarshalJSON
// / the union MarshalJSON pass the nil slice straight to json.Marshal.
func TestSetNilSliceKeepsItsState(t *testing.T) {
	t.Skip("BUG: a set Opt[[]string]/Nullable[[]string]/Array union variant holding a nil slice encodes as null: " +
		`CreateClientGrantRequestContent{Scope: NewOpt([]string(nil))} sends "scope":null, which the schema forbids ` +
		"(type: array), Validate does not report, and decodes back as absent; " +
		`NewNullable([]string(nil)) reports Get()==(nil,true) but is sent as "scope":null (clear) instead of a value; ` +
		"NewListClientGrantResponseContentArray(nil) encodes as null, which its own UnmarshalJSON rejects with *UnionError")

	t.Run("Opt", func(t *testing.T) {
		c := CreateClientGrantRequestContent{Audience: "https://api/", Scope: NewOpt([]string(nil))}
		encoded := mustMarshal(t, c)
		if bytes.Contains(encoded, []byte("null")) {
			t.Errorf("encoded %s: null is not a valid scope", encoded)
		}
		var back CreateClientGrantRequestContent
		mustUnmarshal(t, encoded, &back)
		if !back.Scope.Set {
			t.Errorf("set scope came back absent from %s", encoded)
		}
	})
	t.Run("Nullable", func(t *testing.T) {
		u := UpdateClientGrantRequestContent{Scope: NewNullable([]string(nil))}
		if _, ok := u.Scope.Get(); !ok || u.Scope.IsNull() {
			t.Fatalf("NewNullable(nil) is not a value: %+v", u.Scope)
		}
		encoded := mustMarshal(t, u)
		var back UpdateClientGrantRequestContent
		mustUnmarshal(t, encoded, &back)
		if back.Scope.IsNull() {
			t.Errorf("a scope value came back as null from %s", encoded)
		}
	})
	t.Run("union", func(t *testing.T) {
		encoded := mustMarshal(t, NewListClientGrantResponseContentArray(nil))
		var back ListClientGrantResponseContent
		if err := json.Unmarshal(encoded, &back); err != nil {
			t.Fatalf("decoding its own encoding %s: %v", encoded, err)
		}
		if arr, ok := back.Array(); !ok || len(arr) != 0 {
			t.Errorf("got %+v", back)
		}
	})
}

// TestErrorStrings pins the rendering of ValidationError and Violation.
func TestErrorStrings(t *testing.T) {
	if got := (&ValidationError{}).Error(); got != "validation failed" {
		t.Errorf("empty ValidationError: %q", got)
	}
	if got := (Violation{Message: "is required"}).String(); got != "is required" {
		t.Errorf("root violation: %q", got)
	}
	if got := (Violation{Path: "scope[3]", Message: "m"}).String(); got != "scope[3]: m" {
		t.Errorf("violation: %q", got)
	}
	two := &ValidationError{Violations: []Violation{{Path: "a", Message: "x"}, {Message: "y"}}}
	if got := two.Error(); got != "2 violations: a: x; y" {
		t.Errorf("two violations: %q", got)
	}
}

// TestOptDecodeAgreesWithEncodingJSON checks that Opt and Nullable decode
// every JSON literal exactly as encoding/json decodes it into the bare type
// (they read it with the generated runtime's own reader).
func TestOptDecodeAgreesWithEncodingJSON(t *testing.T) {
	literals := []string{
		`""`, `"a"`, `"read:users"`, `"é日😀"`, `"tab\there"`, `"quote\"d"`, `"back\\slash"`,
		`"\u00e9"`, `"\ud83d\ude00"`, `"\ud800"`, "\"bad \xff utf8\"", "\"raw\u2028sep\"", `"/\/"`,
		`true`, `false`,
		`0`, `-0`, `1`, `-1`, `42`, `2147483647`, `2147483648`, `9007199254740993`,
		`9223372036854775807`, `-9223372036854775808`, `9223372036854775808`, `-9223372036854775809`,
		`1.5`, `-1.5`, `0.1`, `1e3`, `1E3`, `1e+3`, `1e-3`, `-0.0`, `1.0`, `123456789012345678901234567890`,
		`1e400`, `5e-324`, `[]`, `{}`, `["x"]`,
	}
	for _, lit := range literals {
		data := []byte(lit)
		checkOptAgrees[string](t, data)
		checkOptAgrees[bool](t, data)
		checkOptAgrees[int64](t, data)
		checkOptAgrees[float64](t, data)
		checkOptAgrees[ClientGrantSubjectTypeEnum](t, data)
	}
	// Through a struct, as the generated types use them.
	for _, lit := range []string{`1`, `0`, `2147483648`, `-7`, `1e3`, `1.5`, `"1"`, `true`} {
		in := []byte(`{"per_day":` + lit + `}`)
		var got TokenQuotaClientCredentials
		gotErr := json.Unmarshal(in, &got)
		var want struct {
			PerDay *int64 `json:"per_day"`
		}
		wantErr := json.Unmarshal(in, &want)
		if (gotErr == nil) != (wantErr == nil) {
			t.Errorf("%s: error %v, encoding/json error %v", in, gotErr, wantErr)
			continue
		}
		if gotErr == nil && (!got.PerDay.Set || got.PerDay.Value != *want.PerDay) {
			t.Errorf("%s: got %+v, want %d", in, got.PerDay, *want.PerDay)
		}
	}
}

func checkOptAgrees[T comparable](t *testing.T, data []byte) {
	t.Helper()
	var want T
	wantErr := json.Unmarshal(data, &want)

	var opt Opt[T]
	optErr := json.Unmarshal(data, &opt)
	var null Nullable[T]
	nullErr := json.Unmarshal(data, &null)

	name := reflect.TypeFor[T]().Name()
	if (optErr == nil) != (wantErr == nil) || (nullErr == nil) != (wantErr == nil) {
		t.Errorf("%s into %s: Opt error %v, Nullable error %v, encoding/json error %v", data, name, optErr, nullErr, wantErr)
		return
	}
	if wantErr != nil {
		// The error is the reader's, which names the place.
		var de *DecodeError
		if !errors.As(optErr, &de) || !errors.As(nullErr, &de) {
			t.Errorf("%s into %s: Opt error %T, Nullable error %T, want *DecodeError", data, name, optErr, nullErr)
		}
		return
	}
	if opt != NewOpt(want) {
		t.Errorf("%s into %s: Opt %+v, want %#v", data, name, opt, want)
	}
	if null != NewNullable(want) {
		t.Errorf("%s into %s: Nullable %+v, want %#v", data, name, null, want)
	}
}
