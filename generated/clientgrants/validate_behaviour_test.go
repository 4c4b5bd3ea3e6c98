package clientgrants

// Validation behaviour: every constraint of client-grants.yaml at and just
// past its boundary, exact paths and messages, and all violations returned.

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// docWith encodes fields (plus the given extra key/values) as a JSON object.
func docWith(t testing.TB, fields map[string]any) []byte {
	t.Helper()
	return mustMarshal(t, fields)
}

// decodeAndValidate decodes data into v and returns v.Validate().
func decodeAndValidate(t testing.TB, data []byte, v validatable) error {
	t.Helper()
	mustUnmarshal(t, data, v)
	return v.Validate()
}

func TestTokenQuotaClientCredentialsBounds(t *testing.T) {
	cases := []struct {
		json string
		want []string
	}{
		{`{"per_day":1}`, nil},
		{`{"per_day":0}`, []string{"per_day: value 0 is less than minimum 1"}},
		{`{"per_day":-1}`, []string{"per_day: value -1 is less than minimum 1"}},
		{`{"per_day":2147483647}`, nil},
		{`{"per_day":2147483648}`, []string{"per_day: value 2147483648 exceeds maximum 2147483647"}},
		{`{"per_hour":1}`, nil},
		{`{"per_hour":0}`, []string{"per_hour: value 0 is less than minimum 1"}},
		{`{"per_hour":2147483647}`, nil},
		{`{"per_hour":2147483648}`, []string{"per_hour: value 2147483648 exceeds maximum 2147483647"}},
		{`{"enforce":true,"per_day":0,"per_hour":2147483648}`, []string{
			"per_day: value 0 is less than minimum 1",
			"per_hour: value 2147483648 exceeds maximum 2147483647",
		}},
		{`{"enforce":false}`, nil},
		{`{"enforce":true,"per_day":2147483647,"per_hour":1}`, nil},
		{`{}`, []string{"0 properties are fewer than minProperties 1"}},
		// A null is read as absent, so this object has no properties either.
		{`{"per_day":null}`, []string{"0 properties are fewer than minProperties 1"}},
	}
	for _, tc := range cases {
		t.Run(tc.json, func(t *testing.T) {
			var v TokenQuotaClientCredentials
			assertViolations(t, decodeAndValidate(t, []byte(tc.json), &v), tc.want...)
		})
	}

	// The root-level violation renders without a path.
	err := (&TokenQuotaClientCredentials{}).Validate()
	if err == nil || err.Error() != "0 properties are fewer than minProperties 1" {
		t.Errorf("Error() = %v", err)
	}

	// Paths through the enclosing objects.
	var o Organization
	assertViolations(t, decodeAndValidate(t, []byte(`{"token_quota":{"client_credentials":{"per_hour":0}}}`), &o),
		"token_quota.client_credentials.per_hour: value 0 is less than minimum 1")
	o = Organization{}
	assertViolations(t, decodeAndValidate(t, []byte(`{"token_quota":{"client_credentials":{}}}`), &o),
		"token_quota.client_credentials: 0 properties are fewer than minProperties 1")
	// A missing required client_credentials is an empty one.
	var q TokenQuota
	assertViolations(t, decodeAndValidate(t, []byte(`{}`), &q),
		"client_credentials: 0 properties are fewer than minProperties 1")

	// A fraction does not fit an integer property: decoding fails.
	var frac TokenQuotaClientCredentials
	if err := json.Unmarshal([]byte(`{"per_day":1.5}`), &frac); err == nil {
		t.Errorf("per_day 1.5 decoded without error: %+v", frac)
	}
}

// stringCase is one string to put in a constrained place, with the message
// it should produce ("" when valid).
type stringCase struct {
	name, s, want string
}

// scopeItemCases covers minLength 1 / maxLength 280, counting code points.
func scopeItemCases() []stringCase {
	return []stringCase{
		{"0", "", "length 0 is less than minLength 1"},
		{"1 ascii", "a", ""},
		{"1 two-byte", "é", ""},
		{"1 four-byte", "😀", ""},
		{"280 ascii", strings.Repeat("s", 280), ""},
		{"281 ascii", strings.Repeat("s", 281), "length 281 exceeds maxLength 280"},
		{"280 two-byte", strings.Repeat("é", 280), ""},
		{"281 two-byte", strings.Repeat("é", 281), "length 281 exceeds maxLength 280"},
		{"280 three-byte", strings.Repeat("日", 280), ""},
		{"280 four-byte", strings.Repeat("😀", 280), ""},
		{"281 four-byte", strings.Repeat("😀", 281), "length 281 exceeds maxLength 280"},
		{"280 mixed", strings.Repeat("a😀", 140), ""},
		{"281 mixed", strings.Repeat("a😀", 140) + "é", "length 281 exceeds maxLength 280"},
		// A combining accent is a code point of its own.
		{"282 combining", strings.Repeat("e\u0301", 141), "length 282 exceeds maxLength 280"},
	}
}

func TestScopeItemLength(t *testing.T) {
	for _, tc := range scopeItemCases() {
		scope := []string{"read:users", "update:users", "a", tc.s}
		var want []string
		if tc.want != "" {
			want = []string{"scope[3]: " + tc.want}
		}
		t.Run("Create/"+tc.name, func(t *testing.T) {
			var v CreateClientGrantRequestContent
			doc := docWith(t, map[string]any{"audience": "https://api.example.com/", "scope": scope})
			assertViolations(t, decodeAndValidate(t, doc, &v), want...)
		})
		t.Run("Update/"+tc.name, func(t *testing.T) {
			var v UpdateClientGrantRequestContent
			doc := docWith(t, map[string]any{"scope": scope})
			assertViolations(t, decodeAndValidate(t, doc, &v), want...)
		})
		t.Run("Update constructed/"+tc.name, func(t *testing.T) {
			v := UpdateClientGrantRequestContent{Scope: NewNullable(scope)}
			assertViolations(t, v.Validate(), want...)
		})
	}

	// The response schemas only require scope items to be non-empty.
	responses := map[string]func() validatable{
		"ClientGrantResponseContent":       func() validatable { return new(ClientGrantResponseContent) },
		"CreateClientGrantResponseContent": func() validatable { return new(CreateClientGrantResponseContent) },
		"GetClientGrantResponseContent":    func() validatable { return new(GetClientGrantResponseContent) },
		"UpdateClientGrantResponseContent": func() validatable { return new(UpdateClientGrantResponseContent) },
	}
	for name, newV := range responses {
		t.Run(name, func(t *testing.T) {
			long := docWith(t, map[string]any{"scope": []string{strings.Repeat("s", 10000)}})
			assertViolations(t, decodeAndValidate(t, long, newV()))
			empty := docWith(t, map[string]any{"scope": []string{"read:users", ""}})
			assertViolations(t, decodeAndValidate(t, empty, newV()), "scope[1]: length 0 is less than minLength 1")
		})
	}
}

func TestAuthorizationDetailsTypesItemLength(t *testing.T) {
	items := []stringCase{
		{"0", "", "length 0 is less than minLength 1"},
		{"1", "x", ""},
		{"255 ascii", strings.Repeat("t", 255), ""},
		{"256 ascii", strings.Repeat("t", 256), "length 256 exceeds maxLength 255"},
		{"255 three-byte", strings.Repeat("型", 255), ""},
		{"256 three-byte", strings.Repeat("型", 256), "length 256 exceeds maxLength 255"},
	}
	types := []struct {
		name string
		new  func() validatable
		base map[string]any
	}{
		{"CreateClientGrantRequestContent", func() validatable { return new(CreateClientGrantRequestContent) }, map[string]any{"audience": "https://api/"}},
		{"UpdateClientGrantRequestContent", func() validatable { return new(UpdateClientGrantRequestContent) }, map[string]any{}},
		{"ClientGrantResponseContent", func() validatable { return new(ClientGrantResponseContent) }, map[string]any{}},
		{"CreateClientGrantResponseContent", func() validatable { return new(CreateClientGrantResponseContent) }, map[string]any{}},
		{"GetClientGrantResponseContent", func() validatable { return new(GetClientGrantResponseContent) }, map[string]any{}},
		{"UpdateClientGrantResponseContent", func() validatable { return new(UpdateClientGrantResponseContent) }, map[string]any{}},
	}
	for _, typ := range types {
		for _, item := range items {
			t.Run(typ.name+"/"+item.name, func(t *testing.T) {
				fields := map[string]any{"authorization_details_types": []string{"payment_initiation", item.s}}
				for k, v := range typ.base {
					fields[k] = v
				}
				var want []string
				if item.want != "" {
					want = []string{"authorization_details_types[1]: " + item.want}
				}
				assertViolations(t, decodeAndValidate(t, docWith(t, fields), typ.new()), want...)
			})
		}
	}
}

func TestAudience(t *testing.T) {
	create := []struct {
		json string
		want []string
	}{
		{`{"audience":""}`, []string{"audience: is required"}},
		{`{}`, []string{"audience: is required"}},
		{`{"audience":null}`, []string{"audience: is required"}},
		{`{"audience":"a"}`, nil},
		{`{"audience":"é"}`, nil},
		{`{"audience":"https://api.example.com/"}`, nil},
	}
	for _, tc := range create {
		t.Run("Create "+tc.json, func(t *testing.T) {
			var v CreateClientGrantRequestContent
			assertViolations(t, decodeAndValidate(t, []byte(tc.json), &v), tc.want...)
		})
	}
	if err := (&CreateClientGrantRequestContent{}).Validate(); err == nil || err.Error() != "audience: is required" {
		t.Errorf("zero CreateClientGrantRequestContent: Validate() = %v", err)
	}

	// Responses: audience is optional, but not empty when present.
	for _, newV := range []func() validatable{
		func() validatable { return new(ClientGrantResponseContent) },
		func() validatable { return new(CreateClientGrantResponseContent) },
		func() validatable { return new(GetClientGrantResponseContent) },
		func() validatable { return new(UpdateClientGrantResponseContent) },
	} {
		v := newV()
		t.Run(fmt.Sprintf("%T", v), func(t *testing.T) {
			assertViolations(t, decodeAndValidate(t, []byte(`{"audience":""}`), v), "audience: length 0 is less than minLength 1")
			assertViolations(t, decodeAndValidate(t, []byte(`{"audience":"a"}`), newV()))
			assertViolations(t, decodeAndValidate(t, []byte(`{}`), newV()))
		})
	}
}

func TestOrganizationLengths(t *testing.T) {
	cases := []struct {
		name  string
		field string
		s     string
		want  string
	}{
		{"id empty", "id", "", ""},
		{"id 50", "id", "org_" + strings.Repeat("x", 46), ""},
		{"id 51", "id", "org_" + strings.Repeat("x", 47), "id: length 51 exceeds maxLength 50"},
		{"id 50 two-byte", "id", strings.Repeat("ö", 50), ""},
		{"id 51 two-byte", "id", strings.Repeat("ö", 51), "id: length 51 exceeds maxLength 50"},
		{"name 0", "name", "", "name: length 0 is less than minLength 1"},
		{"name 1", "name", "a", ""},
		{"name 1 four-byte", "name", "🏢", ""},
		{"name 50", "name", strings.Repeat("n", 50), ""},
		{"name 51", "name", strings.Repeat("n", 51), "name: length 51 exceeds maxLength 50"},
		{"name 50 four-byte", "name", strings.Repeat("🏢", 50), ""},
		{"name 51 four-byte", "name", strings.Repeat("🏢", 51), "name: length 51 exceeds maxLength 50"},
		{"display_name 0", "display_name", "", "display_name: length 0 is less than minLength 1"},
		{"display_name 1", "display_name", "A", ""},
		{"display_name 255", "display_name", strings.Repeat("D", 255), ""},
		{"display_name 256", "display_name", strings.Repeat("D", 256), "display_name: length 256 exceeds maxLength 255"},
		{"display_name 255 two-byte", "display_name", strings.Repeat("Ü", 255), ""},
		{"display_name 256 two-byte", "display_name", strings.Repeat("Ü", 256), "display_name: length 256 exceeds maxLength 255"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var o Organization
			var want []string
			if tc.want != "" {
				want = []string{tc.want}
			}
			assertViolations(t, decodeAndValidate(t, docWith(t, map[string]any{tc.field: tc.s}), &o), want...)
		})
	}
}

// metadataOf returns n entries k00, k01, … with the value v (nil for null).
func metadataOf(n int, v any) map[string]any {
	m := make(map[string]any, n)
	for i := range n {
		m[fmt.Sprintf("k%02d", i)] = v
	}
	return m
}

func TestOrganizationMetadata(t *testing.T) {
	long := strings.Repeat("v", 256)
	cases := []struct {
		name     string
		metadata map[string]any
		want     []string
	}{
		{"25 entries", metadataOf(25, "x"), nil},
		{"26 entries", metadataOf(26, "x"), []string{"metadata: 26 properties exceed maxProperties 25"}},
		{"25 null entries", metadataOf(25, nil), nil},
		{"26 null entries", metadataOf(26, nil), []string{"metadata: 26 properties exceed maxProperties 25"}},
		{"empty", map[string]any{}, nil},
		{"value 255", map[string]any{"key": strings.Repeat("v", 255)}, nil},
		{"value 255 four-byte", map[string]any{"key": strings.Repeat("🔑", 255)}, nil},
		{"value empty", map[string]any{"key": ""}, nil},
		{"value null", map[string]any{"key": nil}, nil},
		{"value 256", map[string]any{"key": long}, []string{"metadata.key: length 256 exceeds maxLength 255"}},
		{"value 256 two-byte", map[string]any{"key": strings.Repeat("é", 256)}, []string{"metadata.key: length 256 exceeds maxLength 255"}},
		{"odd key", map[string]any{"odd key": long}, []string{`metadata["odd key"]: length 256 exceeds maxLength 255`}},
		{"dotted key", map[string]any{"a.b": long}, []string{`metadata["a.b"]: length 256 exceeds maxLength 255`}},
		{"plain key with _ and -", map[string]any{"snake_case-1": long}, []string{"metadata.snake_case-1: length 256 exceeds maxLength 255"}},
		{"empty key", map[string]any{"": long}, []string{`metadata[""]: length 256 exceeds maxLength 255`}},
		{"quote in key", map[string]any{`say "hi"`: long}, []string{`metadata["say \"hi\""]: length 256 exceeds maxLength 255`}},
		{"non-ASCII key", map[string]any{"région": long}, []string{`metadata["région"]: length 256 exceeds maxLength 255`}},
		{"26 entries, one too long", func() map[string]any {
			m := metadataOf(25, "x")
			m["tier"] = long
			return m
		}(), []string{
			"metadata: 26 properties exceed maxProperties 25",
			"metadata.tier: length 256 exceeds maxLength 255",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var o Organization
			doc := docWith(t, map[string]any{"id": "org_1", "metadata": tc.metadata})
			assertViolations(t, decodeAndValidate(t, doc, &o), tc.want...)
		})
	}

	// Several bad values: all reported (in some order, see the BUG test below).
	var o Organization
	doc := docWith(t, map[string]any{"metadata": map[string]any{"a": long, "odd key": long, "ok": "fine", "n": nil}})
	assertViolationsAnyOrder(t, decodeAndValidate(t, doc, &o),
		"metadata.a: length 256 exceeds maxLength 255",
		`metadata["odd key"]: length 256 exceeds maxLength 255`)

	// Validating the map on its own: the key is the whole path.
	assertViolations(t, OrganizationMetadata{"key": NewNullable(long)}.Validate(), "key: length 256 exceeds maxLength 255")
	assertViolations(t, OrganizationMetadata{"odd key": NewNullable(long)}.Validate(), `["odd key"]: length 256 exceeds maxLength 255`)
	assertViolations(t, OrganizationMetadata{"key": NewNull[string]()}.Validate())
	big := OrganizationMetadata{}
	for i := range 26 {
		big[strconv.Itoa(i)] = NewNullable("x")
	}
	assertViolations(t, big.Validate(), "26 properties exceed maxProperties 25")
	// A nil map is an empty object.
	assertViolations(t, OrganizationMetadata(nil).Validate())
}

// BUG: OrganizationMetadata.validate ranges over the map, so when several
// entries break a constraint the violations (and so ValidationError.Error())
// come out in Go's random map order and differ from one call to the next.
func TestMetadataViolationsAreDeterministic(t *testing.T) {

	long := strings.Repeat("v", 256)
	var o Organization
	mustUnmarshal(t, docWith(t, map[string]any{"metadata": metadataOf(10, long)}), &o)
	var want []string
	for i := range 10 {
		want = append(want, fmt.Sprintf("metadata.k%02d: length 256 exceeds maxLength 255", i))
	}
	for range 5 {
		assertViolations(t, o.Validate(), want...)
	}
}

func TestUpdateMinProperties(t *testing.T) {
	cases := []struct {
		json string
		want []string
	}{
		{`{}`, []string{"0 properties are fewer than minProperties 1"}},
		{`{"scope":null}`, nil},
		{`{"organization_usage":null}`, nil},
		{`{"allow_any_organization":null}`, nil},
		{`{"allow_all_scopes":false}`, nil},
		{`{"authorization_details_types":[]}`, nil},
		{`{"scope":[],"allow_all_scopes":null}`, nil},
	}
	for _, tc := range cases {
		t.Run(tc.json, func(t *testing.T) {
			var v UpdateClientGrantRequestContent
			assertViolations(t, decodeAndValidate(t, []byte(tc.json), &v), tc.want...)
		})
	}
	err := (&UpdateClientGrantRequestContent{}).Validate()
	if err == nil || err.Error() != "0 properties are fewer than minProperties 1" {
		t.Errorf("Error() = %v", err)
	}
}

func TestEnums(t *testing.T) {
	t.Run("unknown values decode and are kept", func(t *testing.T) {
		in := `{"organization_usage":"sometimes","default_for":"first_party_clients","subject_type":"bogus"}`
		var g ClientGrantResponseContent
		mustUnmarshal(t, []byte(in), &g)
		if g.SubjectType != NewOpt(ClientGrantSubjectTypeEnum("bogus")) || g.SubjectType.Value.IsKnown() {
			t.Errorf("subject_type = %+v, IsKnown %v", g.SubjectType, g.SubjectType.Value.IsKnown())
		}
		assertViolations(t, g.Validate(),
			`organization_usage: value "sometimes" is not one of "deny", "allow", "require"`,
			`default_for: value "first_party_clients" is not one of "third_party_clients"`,
			`subject_type: value "bogus" is not one of "client", "user"`)
		assertJSONBytes(t, mustMarshal(t, g), in)
	})
	t.Run("nullable enum in the PATCH body", func(t *testing.T) {
		var u UpdateClientGrantRequestContent
		assertViolations(t, decodeAndValidate(t, []byte(`{"organization_usage":"bogus"}`), &u),
			`organization_usage: value "bogus" is not one of "deny", "allow", "require"`)
		u = UpdateClientGrantRequestContent{}
		assertViolations(t, decodeAndValidate(t, []byte(`{"organization_usage":null}`), &u))
		assertViolations(t, (&UpdateClientGrantRequestContent{OrganizationUsage: NewNullable(ClientGrantOrganizationNullableUsageEnum(""))}).Validate(),
			`organization_usage: value "" is not one of "deny", "allow", "require"`)
	})
	t.Run("standalone", func(t *testing.T) {
		assertViolations(t, ClientGrantSubjectTypeEnum("bogus").Validate(), `value "bogus" is not one of "client", "user"`)
		assertViolations(t, ClientGrantSubjectTypeEnum("").Validate(), `value "" is not one of "client", "user"`)
		assertViolations(t, ClientGrantSubjectTypeEnum("Client").Validate(), `value "Client" is not one of "client", "user"`)
		assertViolations(t, ClientGrantSubjectTypeEnum(`a"b`).Validate(), `value "a\"b" is not one of "client", "user"`)
		assertViolations(t, ClientGrantOrganizationUsageEnum("never").Validate(), `value "never" is not one of "deny", "allow", "require"`)
		assertViolations(t, ClientGrantOrganizationNullableUsageEnum("never").Validate(), `value "never" is not one of "deny", "allow", "require"`)
		assertViolations(t, ClientGrantDefaultForEnum("x").Validate(), `value "x" is not one of "third_party_clients"`)
		assertViolations(t, ClientGrantAllowAnyOrganizationEnum(false).Validate(), `value false is not one of true`)
		assertViolations(t, ClientGrantAllowAnyOrganizationEnumTrue.Validate())
	})
	t.Run("IsKnown", func(t *testing.T) {
		known := []interface{ IsKnown() bool }{
			ClientGrantAllowAnyOrganizationEnumTrue,
			ClientGrantDefaultForEnumThirdPartyClients,
			ClientGrantOrganizationNullableUsageEnumDeny, ClientGrantOrganizationNullableUsageEnumAllow, ClientGrantOrganizationNullableUsageEnumRequire,
			ClientGrantOrganizationUsageEnumDeny, ClientGrantOrganizationUsageEnumAllow, ClientGrantOrganizationUsageEnumRequire,
			ClientGrantSubjectTypeEnumClient, ClientGrantSubjectTypeEnumUser,
		}
		for _, v := range known {
			if !v.IsKnown() {
				t.Errorf("%T(%v).IsKnown() = false", v, v)
			}
			if err := v.(validatable).Validate(); err != nil {
				t.Errorf("%T(%v).Validate() = %v", v, v, err)
			}
		}
		unknown := []interface{ IsKnown() bool }{
			ClientGrantAllowAnyOrganizationEnum(false),
			ClientGrantDefaultForEnum("THIRD_PARTY_CLIENTS"),
			ClientGrantOrganizationNullableUsageEnum("null"),
			ClientGrantOrganizationUsageEnum(""),
			ClientGrantSubjectTypeEnum("client "),
		}
		for _, v := range unknown {
			if v.IsKnown() {
				t.Errorf("%T(%q).IsKnown() = true", v, v)
			}
		}
	})
	t.Run("wrong JSON type is a decode error", func(t *testing.T) {
		var g ClientGrantResponseContent
		if err := json.Unmarshal([]byte(`{"subject_type":5}`), &g); err == nil {
			t.Errorf("subject_type 5 decoded: %+v", g)
		}
		var e ClientGrantAllowAnyOrganizationEnum
		if err := json.Unmarshal([]byte(`"true"`), &e); err == nil {
			t.Errorf(`"true" decoded into a boolean enum`)
		}
	})
}

// TestAllViolationsReturned breaks many constraints at once and expects every
// one of them, in the order of the schema's properties.
func TestAllViolationsReturned(t *testing.T) {
	doc := docWith(t, map[string]any{
		"audience":                    "",
		"default_for":                 "nobody",
		"organization_usage":          "sometimes",
		"scope":                       []string{"read:users", "", strings.Repeat("x", 281)},
		"subject_type":                "bogus",
		"authorization_details_types": []string{strings.Repeat("t", 256)},
		"allow_all_scopes":            true,
	})
	var c CreateClientGrantRequestContent
	err := decodeAndValidate(t, doc, &c)
	want := []string{
		"audience: is required",
		`default_for: value "nobody" is not one of "third_party_clients"`,
		`organization_usage: value "sometimes" is not one of "deny", "allow", "require"`,
		"scope[1]: length 0 is less than minLength 1",
		"scope[2]: length 281 exceeds maxLength 280",
		`subject_type: value "bogus" is not one of "client", "user"`,
		"authorization_details_types[0]: length 256 exceeds maxLength 255",
	}
	assertViolations(t, err, want...)
	if got, wantMsg := err.Error(), "7 violations: "+strings.Join(want, "; "); got != wantMsg {
		t.Errorf("Error()\n got: %s\nwant: %s", got, wantMsg)
	}

	// errors.As reaches the violations, also through wrapping.
	wrapped := fmt.Errorf("creating client grant: %w", err)
	var ve *ValidationError
	if !errors.As(wrapped, &ve) {
		t.Fatalf("errors.As failed on %v", wrapped)
	}
	if len(ve.Violations) != 7 || ve.Violations[4] != (Violation{Path: "scope[2]", Message: "length 281 exceeds maxLength 280"}) {
		t.Errorf("violations: %+v", ve.Violations)
	}

	// Nested objects.
	var o Organization
	orgDoc := docWith(t, map[string]any{
		"id":           strings.Repeat("i", 51),
		"name":         "",
		"display_name": strings.Repeat("d", 256),
		"metadata":     metadataOf(26, "x"),
		"token_quota":  map[string]any{"client_credentials": map[string]any{"per_day": 0, "per_hour": 2147483648}},
	})
	assertViolations(t, decodeAndValidate(t, orgDoc, &o),
		"id: length 51 exceeds maxLength 50",
		"name: length 0 is less than minLength 1",
		"display_name: length 256 exceeds maxLength 255",
		"metadata: 26 properties exceed maxProperties 25",
		"token_quota.client_credentials.per_day: value 0 is less than minimum 1",
		"token_quota.client_credentials.per_hour: value 2147483648 exceeds maximum 2147483647")

	// Validate returns a nil interface when all is well, not a typed nil.
	var valid CreateClientGrantRequestContent
	if err := decodeAndValidate(t, []byte(createFull), &valid); err != nil {
		t.Errorf("Validate() = %#v, want nil", err)
	}
	// Validation does not change the value.
	before := mustMarshal(t, c)
	_ = c.Validate()
	assertJSONBytes(t, mustMarshal(t, c), string(before))
}

// Integer values beyond 2^53 are reported exactly, not rounded through float64.
func TestLargeIntegerViolationMessages(t *testing.T) {
	var v TokenQuotaClientCredentials
	assertViolations(t, decodeAndValidate(t, []byte(`{"per_day":9007199254740993,"per_hour":-1000000000000000}`), &v),
		"per_day: value 9007199254740993 exceeds maximum 2147483647",
		"per_hour: value -1000000000000000 is less than minimum 1")
}

func TestInt64Extremes(t *testing.T) {
	var v TokenQuotaClientCredentials
	assertViolations(t, decodeAndValidate(t, []byte(`{"per_day":9223372036854775807,"per_hour":-9223372036854775808}`), &v),
		"per_day: value 9223372036854775807 exceeds maximum 2147483647",
		"per_hour: value -9223372036854775808 is less than minimum 1")

	// Past int64 the value cannot be held: a decode error, not a wrap-around.
	var over TokenQuotaClientCredentials
	err := json.Unmarshal([]byte(`{"per_day":9223372036854775808}`), &over)
	var de *DecodeError
	if !errors.As(err, &de) || de.Path != "per_day" || de.Msg != "must be a 64-bit integer, not 9223372036854775808" {
		t.Errorf("per_day 2^63: error %v (%T), want a *DecodeError at per_day; value %+v", err, err, over)
	}
}
