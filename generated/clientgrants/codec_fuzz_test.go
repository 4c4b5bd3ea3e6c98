// Differential fuzzing of the generated JSON codecs against encoding/json.
//
// The generated types are to get reflection-free codecs: MarshalJSON and
// UnmarshalJSON methods written out by the generator instead of
// encoding/json walking the types by reflection. The behaviour they must keep
// is encoding/json's. So this file declares, by hand, plain "mirror" types
// (no methods; pointers with omitempty for Opt, canonical json.RawMessage
// for Nullable, map[string]*string for OrganizationMetadata, a second decode
// pass for Organization's additional properties) whose encoding/json
// behaviour is the reference, and checks the generated side against them:
//
//   - FuzzCodecDecode: for any input, the generated decoder (UnmarshalJSON
//     called directly when the type has it, json.Unmarshal otherwise) and
//     json.Unmarshal into the mirror both accept or both reject, and accepted
//     values are equal (compared as generated values, floats bit for bit).
//   - FuzzCodecEncode: values derived from the input (decoded by encoding/json
//     into the mirror, and built by putting the raw input bytes into every
//     string field and its bits into the numbers) encode byte for byte as
//     json.Marshal encodes the mirror, and the generated decoder reads that
//     encoding back to the same value.
//
// UnmarshalJSON is called directly, never through json.Unmarshal: encoding/json
// validates the whole input before it hands it to a method, which would hide
// the codec's own syntax checking. Likewise MarshalJSON is called directly, as
// json.Marshal would compact and re-escape its output.
//
// Not flagged, on purpose: object keys that match a declared property only
// case-insensitively (encoding/json takes them, the codec and JSON Schema do
// not; see cfFoldedKey), and union values, which encoding/json cannot decode
// at all: the reference for ListClientGrantResponseContent and
// ListClientGrantOrganizationsResponseContent picks the variant by shape and
// keys as union.go documents, then decodes the variant with encoding/json. An
// offset page without start, limit and total encodes to keys that the
// checkpoint page declares too, so it comes back as one (cfNoOffsetFields).
// Everything else is flagged, including the corners of encoding/json: a null
// for a required field leaves it unchanged, invalid UTF-8 and lone surrogates
// become U+FFFD, integers must be exact and fit in int64, a repeated key
// decodes into what the earlier one left (objects merge, slices reuse their
// elements), except where cfDeliberate says the codec differs on purpose.
// The environment variable CODECFUZZ_KNOWN names open findings to step over
// while fuzzing for others (see cfKnownFindings); it is empty by default.
//
// The seed corpus runs under plain go test (and make test). Each target runs
// for a while with
//
//	go test -run '^$' -fuzz FuzzCodecDecode -fuzztime 60s -fuzzminimizetime 5s ./generated/clientgrants
//	go test -run '^$' -fuzz FuzzCodecEncode -fuzztime 60s -fuzzminimizetime 5s ./generated/clientgrants
//
// (-fuzzminimizetime keeps the minimization of the 40 KB seeds' offspring
// from stalling the run.)

package clientgrants

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// ---------------------------------------------------------------------------
// Mirror types. Field order and JSON names follow types.go exactly, since the
// encoding is compared byte for byte.

// mirGrant mirrors ClientGrantResponseContent (and the Create, Get and Update
// response contents, which have the same fields).
type mirGrant struct {
	ID                        *string   `json:"id,omitempty"`
	ClientID                  *string   `json:"client_id,omitempty"`
	Audience                  *string   `json:"audience,omitempty"`
	Scope                     *[]string `json:"scope,omitempty"`
	OrganizationUsage         *string   `json:"organization_usage,omitempty"`
	AllowAnyOrganization      *bool     `json:"allow_any_organization,omitempty"`
	DefaultFor                *string   `json:"default_for,omitempty"`
	IsSystem                  *bool     `json:"is_system,omitempty"`
	SubjectType               *string   `json:"subject_type,omitempty"`
	AuthorizationDetailsTypes *[]string `json:"authorization_details_types,omitempty"`
	AllowAllScopes            *bool     `json:"allow_all_scopes,omitempty"`
}

// mirCreate mirrors CreateClientGrantRequestContent; audience is required,
// so it is a plain string (a JSON null leaves it unchanged).
type mirCreate struct {
	ClientID                  *string   `json:"client_id,omitempty"`
	Audience                  string    `json:"audience"`
	DefaultFor                *string   `json:"default_for,omitempty"`
	OrganizationUsage         *string   `json:"organization_usage,omitempty"`
	AllowAnyOrganization      *bool     `json:"allow_any_organization,omitempty"`
	Scope                     *[]string `json:"scope,omitempty"`
	SubjectType               *string   `json:"subject_type,omitempty"`
	AuthorizationDetailsTypes *[]string `json:"authorization_details_types,omitempty"`
	AllowAllScopes            *bool     `json:"allow_all_scopes,omitempty"`
}

// mirUpdate mirrors UpdateClientGrantRequestContent. A nullable field is a
// json.RawMessage: nil when absent, "null" when null, and otherwise the value
// as json.Marshal writes it (cfDecodeUpdate canonicalizes what it read).
type mirUpdate struct {
	Scope                     json.RawMessage `json:"scope,omitempty"`              // Nullable[[]string]
	OrganizationUsage         json.RawMessage `json:"organization_usage,omitempty"` // Nullable[enum string]
	AllowAnyOrganization      json.RawMessage `json:"allow_any_organization,omitempty"`
	AuthorizationDetailsTypes *[]string       `json:"authorization_details_types,omitempty"`
	AllowAllScopes            json.RawMessage `json:"allow_all_scopes,omitempty"`
}

// mirOrg mirrors Organization. Extra is filled by a second decode of the same
// object into a map, keeping the keys that are not declared (exactly, as
// knownOrganizationField matches them).
type mirOrg struct {
	ID          *string             `json:"id,omitempty"`
	Name        *string             `json:"name,omitempty"`
	DisplayName *string             `json:"display_name,omitempty"`
	Branding    *mirBranding        `json:"branding,omitempty"`
	Metadata    *map[string]*string `json:"metadata,omitempty"` // OrganizationMetadata: nil pointer = null
	TokenQuota  *mirTokenQuota      `json:"token_quota,omitempty"`

	Extra map[string]json.RawMessage `json:"-"`
}

type mirBranding struct {
	LogoURL *string    `json:"logo_url,omitempty"`
	Colors  *mirColors `json:"colors,omitempty"`
}

type mirColors struct {
	Primary        string `json:"primary"`
	PageBackground string `json:"page_background"`
}

type mirTokenQuota struct {
	ClientCredentials mirTokenQuotaCC `json:"client_credentials"`
}

type mirTokenQuotaCC struct {
	Enforce *bool  `json:"enforce,omitempty"`
	PerDay  *int64 `json:"per_day,omitempty"`
	PerHour *int64 `json:"per_hour,omitempty"`
}

type mirOffsetPage struct {
	Start        *float64    `json:"start,omitempty"`
	Limit        *float64    `json:"limit,omitempty"`
	Total        *float64    `json:"total,omitempty"`
	ClientGrants *[]mirGrant `json:"client_grants,omitempty"`
}

type mirCheckpointPage struct {
	Next         *string     `json:"next,omitempty"`
	ClientGrants *[]mirGrant `json:"client_grants,omitempty"`
}

// mirOrgOffsetPage and mirOrgCheckpointPage hold their organizations as E:
// mirOrg for the declared fields, json.RawMessage for the second decode pass
// (additional properties) and for encoding (each already encoded).
type mirOrgOffsetPage[E any] struct {
	Start         *float64 `json:"start,omitempty"`
	Limit         *float64 `json:"limit,omitempty"`
	Total         *float64 `json:"total,omitempty"`
	Organizations *[]E     `json:"organizations,omitempty"`
}

type mirOrgCheckpointPage[E any] struct {
	Next          *string `json:"next,omitempty"`
	Organizations *[]E    `json:"organizations,omitempty"`
}

// mirUnion mirrors a list union: variant 1 is the array, 2 the offset page,
// 3 the checkpoint page.
type mirUnion[A, O, P any] struct {
	variant int
	array   []A
	offset  O
	page    P
}

// ---------------------------------------------------------------------------
// The generated side.

// cfGenDecode decodes data into a new G with the generated codec.
func cfGenDecode[G any](data []byte) (G, error) {
	var g G
	if u, ok := any(&g).(json.Unmarshaler); ok {
		return g, u.UnmarshalJSON(data)
	}
	return g, json.Unmarshal(data, &g)
}

// cfGenEncode encodes g with the generated codec.
func cfGenEncode[G any](g G) ([]byte, error) {
	if m, ok := any(&g).(json.Marshaler); ok {
		return m.MarshalJSON()
	}
	return json.Marshal(g)
}

// cfDiff describes the first difference between a and b, "" when none.
// Equal is as reflect.DeepEqual has it (a nil slice or map is not an empty
// one), except that floats are compared bit for bit, so that -0 is not 0.
func cfDiff[G any](a, b G) string {
	what, path := cfDiffValue(reflect.ValueOf(&a).Elem(), reflect.ValueOf(&b).Elem())
	if what == "" {
		return ""
	}
	slices.Reverse(path)
	return fmt.Sprintf("at %T%s: %s", a, strings.Join(path, ""), what)
}

// cfDiffValue returns what differs and where, as path steps innermost first
// (built only when something differs: this runs for every input).
func cfDiffValue(a, b reflect.Value) (string, []string) {
	leaf := func(equal bool, x, y any) (string, []string) {
		if equal {
			return "", nil
		}
		return fmt.Sprintf("%#v vs %#v", x, y), nil
	}
	switch a.Kind() {
	case reflect.Bool:
		return leaf(a.Bool() == b.Bool(), a.Bool(), b.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return leaf(a.Int() == b.Int(), a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return leaf(a.Uint() == b.Uint(), a.Uint(), b.Uint())
	case reflect.Float32, reflect.Float64:
		return leaf(math.Float64bits(a.Float()) == math.Float64bits(b.Float()), a.Float(), b.Float())
	case reflect.String:
		return leaf(a.String() == b.String(), a.String(), b.String())
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return leaf(a.IsNil() == b.IsNil(), a.IsNil(), b.IsNil())
		}
		return cfDiffValue(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.Type() == reflect.TypeFor[json.RawMessage]() {
			return leaf(a.IsNil() == b.IsNil() && bytes.Equal(a.Bytes(), b.Bytes()), string(a.Bytes()), string(b.Bytes()))
		}
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return fmt.Sprintf("%s vs %s", cfSliceShape(a), cfSliceShape(b)), nil
		}
		for i := range a.Len() {
			if what, path := cfDiffValue(a.Index(i), b.Index(i)); what != "" {
				return what, append(path, fmt.Sprintf("[%d]", i))
			}
		}
		return "", nil
	case reflect.Map:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("nil map %v vs %v", a.IsNil(), b.IsNil()), nil
		}
		for it := a.MapRange(); it.Next(); {
			v := b.MapIndex(it.Key())
			if !v.IsValid() {
				return fmt.Sprintf("key %q only in the first", it.Key().String()), nil
			}
			if what, path := cfDiffValue(it.Value(), v); what != "" {
				return what, append(path, fmt.Sprintf("[%q]", it.Key().String()))
			}
		}
		if a.Len() != b.Len() {
			return fmt.Sprintf("%d keys vs %d", a.Len(), b.Len()), nil
		}
		return "", nil
	case reflect.Struct:
		for i := range a.NumField() {
			if what, path := cfDiffValue(a.Field(i), b.Field(i)); what != "" {
				return what, append(path, "."+a.Type().Field(i).Name)
			}
		}
		return "", nil
	}
	panic("cfDiffValue: unexpected kind " + a.Kind().String())
}

func cfSliceShape(v reflect.Value) string {
	if v.IsNil() {
		return "nil"
	}
	return fmt.Sprintf("len %d", v.Len())
}

func cfVerdict(err error) string {
	if err == nil {
		return "accepted"
	}
	return "rejected: " + err.Error()
}

// ---------------------------------------------------------------------------
// One generated type against its mirror.

type cfCase interface {
	checkDecode(t *testing.T, data []byte)
	checkEncode(t *testing.T, data []byte)
}

type cfCodec[G, M any] struct {
	// decode is the reference: encoding/json into the mirror.
	decode func([]byte) (M, error)
	// toGen converts a mirror value to the generated type.
	toGen func(M) G
	// encode is the reference encoding of a mirror value.
	encode func(M) ([]byte, error)
	// canon, when set, returns a decoded value as it comes back from its own
	// encoding, for the round-trip check: additional properties hold raw
	// JSON as written, and the encoding compacts and escapes it (cfCanonExtra).
	canon func(M) M
	// inject, when set, builds a value from raw fuzz bytes: they become every
	// string (possibly invalid UTF-8) and the bits of the numbers.
	inject func([]byte) (M, bool)
	// injectGen, when set, builds the generated value for inject's mirror
	// value directly, where toGen would lose what is being tested (a
	// Nullable string with invalid UTF-8, which a RawMessage cannot hold).
	injectGen func([]byte) G
	// ambiguous, when set, reports a value whose encoding does not tell which
	// union variant it is, so that it cannot come back as itself.
	ambiguous func(M) bool
}

func (c cfCodec[G, M]) checkDecode(t *testing.T, data []byte) {
	got, gerr := cfGenDecode[G](data)
	m, rerr := c.decode(data)
	if (gerr == nil) != (rerr == nil) {
		t.Fatalf("%T: decoding %q\ngenerated codec: %s\nencoding/json:   %s", got, data, cfVerdict(gerr), cfVerdict(rerr))
	}
	if gerr != nil {
		return
	}
	if d := cfDiff(got, c.toGen(m)); d != "" {
		t.Fatalf("%T: decoding %q, both accept, values differ (generated codec vs encoding/json) %s", got, data, d)
	}
}

func (c cfCodec[G, M]) checkEncode(t *testing.T, data []byte) {
	if m, err := c.decode(data); err == nil {
		var after *G // what must come back, nil when it cannot (ambiguous)
		if c.ambiguous == nil || !c.ambiguous(m) {
			g := c.toGen(m)
			if c.canon != nil {
				g = c.toGen(c.canon(m))
			}
			after = &g
		}
		c.encodeOne(t, "decoded from", data, m, c.toGen(m), after)
	}
	if c.inject != nil && len(data) <= cfInjectMax {
		if m, ok := c.inject(data); ok {
			g := c.toGen(m)
			if c.injectGen != nil {
				g = c.injectGen(data)
			}
			c.encodeOne(t, "injected from", data, m, g, nil)
		}
	}
}

// encodeOne checks the encoding of g, the generated twin of m (how says
// where they come from). after, when set, is what encode → decode must give
// back: set for values that came out of a decode, nil for injected ones
// (invalid UTF-8 comes back as U+FFFD) and for ambiguous union values.
// Either way, decoding the encoding with the generated codec must give what
// encoding/json gives.
func (c cfCodec[G, M]) encodeOne(t *testing.T, how string, data []byte, m M, g G, after *G) {
	want, werr := c.encode(m)
	got, gerr := cfGenEncode(g)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("%T %s %q: encoding\ngenerated codec: %s\nencoding/json:   %s", g, how, data, cfVerdict(gerr), cfVerdict(werr))
	}
	if werr != nil {
		return
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%T %s %q: encodings differ\ngenerated codec: %s\nencoding/json:   %s", g, how, data, got, want)
	}
	back, err := cfGenDecode[G](got)
	if err != nil {
		t.Fatalf("%T %s %q: the generated codec rejects its own encoding %s: %v", g, how, data, got, err)
	}
	ref, err := c.decode(want)
	if err != nil {
		t.Fatalf("%T %s %q: encoding/json rejects the mirror's encoding %s: %v (harness bug)", g, how, data, want, err)
	}
	if d := cfDiff(back, c.toGen(ref)); d != "" {
		t.Fatalf("%T %s %q: decoding the encoding %s, values differ (generated codec vs encoding/json) %s", g, how, data, got, d)
	}
	if after != nil {
		if d := cfDiff(*after, back); d != "" {
			t.Fatalf("%T %s %q: round trip through %s, values differ (before vs after) %s", g, how, data, got, d)
		}
	}
}

// cfUnmarshal is the plain reference decode.
func cfUnmarshal[M any](data []byte) (M, error) {
	var m M
	err := json.Unmarshal(data, &m)
	return m, err
}

func cfMarshal[M any](m M) ([]byte, error) { return json.Marshal(m) }

// ---------------------------------------------------------------------------
// Conversions mirror → generated.

func cfOpt[T any](p *T) Opt[T] {
	if p == nil {
		return Opt[T]{}
	}
	return NewOpt(*p)
}

func cfOptAs[T, U any](p *U, f func(U) T) Opt[T] {
	if p == nil {
		return Opt[T]{}
	}
	return NewOpt(f(*p))
}

// cfNullable converts a canonical nullable RawMessage. It decodes into the
// plain type U, never into a generated type, whose own codec is under test.
func cfNullable[T, U any](raw json.RawMessage, f func(U) T) Nullable[T] {
	switch {
	case raw == nil:
		return Nullable[T]{}
	case string(raw) == "null":
		return NewNull[T]()
	}
	var u U
	if err := json.Unmarshal(raw, &u); err != nil {
		panic(fmt.Sprintf("non-canonical nullable %q: %v", raw, err))
	}
	return NewNullable(f(u))
}

// cfCanonNullable checks a nullable value as Nullable.UnmarshalJSON reads it
// (null, or a fresh U) and returns it as json.Marshal writes it.
func cfCanonNullable[U any](raw json.RawMessage) (json.RawMessage, error) {
	if raw == nil || string(raw) == "null" {
		return raw, nil
	}
	var u U
	if err := json.Unmarshal(raw, &u); err != nil {
		return nil, err
	}
	return json.Marshal(u)
}

func cfSlice[T, U any](s []U, f func(U) T) []T {
	if s == nil {
		return nil
	}
	out := make([]T, len(s))
	for i, u := range s {
		out[i] = f(u)
	}
	return out
}

func cfIdentity[T any](v T) T { return v }

func cfGrantToGen(m mirGrant) ClientGrantResponseContent {
	return ClientGrantResponseContent{
		ID:                        cfOpt(m.ID),
		ClientID:                  cfOpt(m.ClientID),
		Audience:                  cfOpt(m.Audience),
		Scope:                     cfOpt(m.Scope),
		OrganizationUsage:         cfOptAs(m.OrganizationUsage, func(s string) ClientGrantOrganizationUsageEnum { return ClientGrantOrganizationUsageEnum(s) }),
		AllowAnyOrganization:      cfOpt(m.AllowAnyOrganization),
		DefaultFor:                cfOptAs(m.DefaultFor, func(s string) ClientGrantDefaultForEnum { return ClientGrantDefaultForEnum(s) }),
		IsSystem:                  cfOpt(m.IsSystem),
		SubjectType:               cfOptAs(m.SubjectType, func(s string) ClientGrantSubjectTypeEnum { return ClientGrantSubjectTypeEnum(s) }),
		AuthorizationDetailsTypes: cfOpt(m.AuthorizationDetailsTypes),
		AllowAllScopes:            cfOpt(m.AllowAllScopes),
	}
}

func cfGrantsToGen(p *[]mirGrant) Opt[[]ClientGrantResponseContent] {
	return cfOptAs(p, func(s []mirGrant) []ClientGrantResponseContent { return cfSlice(s, cfGrantToGen) })
}

func cfCreateToGen(m mirCreate) CreateClientGrantRequestContent {
	return CreateClientGrantRequestContent{
		ClientID:                  cfOpt(m.ClientID),
		Audience:                  m.Audience,
		DefaultFor:                cfOptAs(m.DefaultFor, func(s string) ClientGrantDefaultForEnum { return ClientGrantDefaultForEnum(s) }),
		OrganizationUsage:         cfOptAs(m.OrganizationUsage, func(s string) ClientGrantOrganizationUsageEnum { return ClientGrantOrganizationUsageEnum(s) }),
		AllowAnyOrganization:      cfOpt(m.AllowAnyOrganization),
		Scope:                     cfOpt(m.Scope),
		SubjectType:               cfOptAs(m.SubjectType, func(s string) ClientGrantSubjectTypeEnum { return ClientGrantSubjectTypeEnum(s) }),
		AuthorizationDetailsTypes: cfOpt(m.AuthorizationDetailsTypes),
		AllowAllScopes:            cfOpt(m.AllowAllScopes),
	}
}

func cfUpdateToGen(m mirUpdate) UpdateClientGrantRequestContent {
	return UpdateClientGrantRequestContent{
		Scope: cfNullable(m.Scope, cfIdentity[[]string]),
		OrganizationUsage: cfNullable(m.OrganizationUsage, func(s string) ClientGrantOrganizationNullableUsageEnum {
			return ClientGrantOrganizationNullableUsageEnum(s)
		}),
		AllowAnyOrganization:      cfNullable(m.AllowAnyOrganization, cfIdentity[bool]),
		AuthorizationDetailsTypes: cfOpt(m.AuthorizationDetailsTypes),
		AllowAllScopes:            cfNullable(m.AllowAllScopes, cfIdentity[bool]),
	}
}

func cfMetadataToGen(m map[string]*string) OrganizationMetadata {
	if m == nil {
		return nil
	}
	out := make(OrganizationMetadata, len(m))
	for k, v := range m {
		if v == nil {
			out[k] = NewNull[string]()
		} else {
			out[k] = NewNullable(*v)
		}
	}
	return out
}

func cfTokenQuotaCCToGen(m mirTokenQuotaCC) TokenQuotaClientCredentials {
	return TokenQuotaClientCredentials{Enforce: cfOpt(m.Enforce), PerDay: cfOpt(m.PerDay), PerHour: cfOpt(m.PerHour)}
}

func cfTokenQuotaToGen(m mirTokenQuota) TokenQuota {
	return TokenQuota{ClientCredentials: cfTokenQuotaCCToGen(m.ClientCredentials)}
}

func cfColorsToGen(m mirColors) OrganizationBrandingColors {
	return OrganizationBrandingColors{Primary: m.Primary, PageBackground: m.PageBackground}
}

func cfBrandingToGen(m mirBranding) OrganizationBranding {
	return OrganizationBranding{LogoURL: cfOpt(m.LogoURL), Colors: cfOptAs(m.Colors, cfColorsToGen)}
}

func cfOrgToGen(m mirOrg) Organization {
	return Organization{
		ID:                   cfOpt(m.ID),
		Name:                 cfOpt(m.Name),
		DisplayName:          cfOpt(m.DisplayName),
		Branding:             cfOptAs(m.Branding, cfBrandingToGen),
		Metadata:             cfOptAs(m.Metadata, cfMetadataToGen),
		TokenQuota:           cfOptAs(m.TokenQuota, cfTokenQuotaToGen),
		AdditionalProperties: m.Extra,
	}
}

func cfOrgsToGen(p *[]mirOrg) Opt[[]Organization] {
	return cfOptAs(p, func(s []mirOrg) []Organization { return cfSlice(s, cfOrgToGen) })
}

func cfOffsetPageToGen(m mirOffsetPage) ListClientGrantOffsetPaginatedResponseContent {
	return ListClientGrantOffsetPaginatedResponseContent{
		Start: cfOpt(m.Start), Limit: cfOpt(m.Limit), Total: cfOpt(m.Total), ClientGrants: cfGrantsToGen(m.ClientGrants),
	}
}

func cfCheckpointPageToGen(m mirCheckpointPage) ListClientGrantPaginatedResponseContent {
	return ListClientGrantPaginatedResponseContent{Next: cfOpt(m.Next), ClientGrants: cfGrantsToGen(m.ClientGrants)}
}

func cfOrgOffsetPageToGen(m mirOrgOffsetPage[mirOrg]) ListClientGrantOrganizationsOffsetPaginatedResponseContent {
	return ListClientGrantOrganizationsOffsetPaginatedResponseContent{
		Start: cfOpt(m.Start), Limit: cfOpt(m.Limit), Total: cfOpt(m.Total), Organizations: cfOrgsToGen(m.Organizations),
	}
}

func cfOrgCheckpointPageToGen(m mirOrgCheckpointPage[mirOrg]) ListClientGrantOrganizationsPaginatedResponseContent {
	return ListClientGrantOrganizationsPaginatedResponseContent{Next: cfOpt(m.Next), Organizations: cfOrgsToGen(m.Organizations)}
}

func cfGrantUnionToGen(m mirUnion[mirGrant, mirOffsetPage, mirCheckpointPage]) ListClientGrantResponseContent {
	switch m.variant {
	case 1:
		return NewListClientGrantResponseContentArray(cfSlice(m.array, cfGrantToGen))
	case 2:
		return NewListClientGrantResponseContentOffsetPaginated(cfOffsetPageToGen(m.offset))
	case 3:
		return NewListClientGrantResponseContentPaginated(cfCheckpointPageToGen(m.page))
	}
	return ListClientGrantResponseContent{}
}

func cfOrgUnionToGen(m mirUnion[mirOrg, mirOrgOffsetPage[mirOrg], mirOrgCheckpointPage[mirOrg]]) ListClientGrantOrganizationsResponseContent {
	switch m.variant {
	case 1:
		return NewListClientGrantOrganizationsResponseContentArray(cfSlice(m.array, cfOrgToGen))
	case 2:
		return NewListClientGrantOrganizationsResponseContentOffsetPaginated(cfOrgOffsetPageToGen(m.offset))
	case 3:
		return NewListClientGrantOrganizationsResponseContentPaginated(cfOrgCheckpointPageToGen(m.page))
	}
	return ListClientGrantOrganizationsResponseContent{}
}

// ---------------------------------------------------------------------------
// Reference decoders that need more than one json.Unmarshal.

func cfDecodeUpdate(data []byte) (mirUpdate, error) {
	m, err := cfUnmarshal[mirUpdate](data)
	if err != nil {
		return m, err
	}
	for _, f := range []struct {
		raw   *json.RawMessage
		canon func(json.RawMessage) (json.RawMessage, error)
	}{
		{&m.Scope, cfCanonNullable[[]string]},
		{&m.OrganizationUsage, cfCanonNullable[string]},
		{&m.AllowAnyOrganization, cfCanonNullable[bool]},
		{&m.AllowAllScopes, cfCanonNullable[bool]},
	} {
		if *f.raw, err = f.canon(*f.raw); err != nil {
			return m, err
		}
	}
	return m, nil
}

// cfOrgDeclared lists Organization's declared properties.
var cfOrgDeclared = cfJSONNames(reflect.TypeFor[mirOrg]())

// cfOrgExtra returns the undeclared properties of the organization object in
// raw, nil when there are none, as the encoding/json-based
// Organization.UnmarshalJSON kept them (a second pass over the object).
func cfOrgExtra(raw []byte) (map[string]json.RawMessage, error) {
	var all map[string]json.RawMessage
	if err := json.Unmarshal(raw, &all); err != nil {
		return nil, err
	}
	var extra map[string]json.RawMessage
	for k, v := range all {
		if cfOrgDeclared[k] {
			continue
		}
		if extra == nil {
			extra = map[string]json.RawMessage{}
		}
		extra[k] = v
	}
	return extra, nil
}

func cfDecodeOrg(data []byte) (mirOrg, error) {
	m, err := cfUnmarshal[mirOrg](data)
	if err != nil {
		return m, err
	}
	m.Extra, err = cfOrgExtra(data)
	return m, err
}

// cfFillOrgExtra completes organizations decoded by encoding/json (first
// pass, so that a duplicate key merges into them exactly as it does into
// []Organization) with the additional properties of the same elements,
// decoded as raw JSON (second pass).
func cfFillOrgExtra(orgs []mirOrg, raws []json.RawMessage) error {
	if len(orgs) != len(raws) {
		return fmt.Errorf("harness: %d organizations, %d raw", len(orgs), len(raws))
	}
	for i := range orgs {
		extra, err := cfOrgExtra(raws[i])
		if err != nil {
			return err
		}
		orgs[i].Extra = extra
	}
	return nil
}

func cfDecodeOrgs(data []byte) ([]mirOrg, error) {
	orgs, err := cfUnmarshal[[]mirOrg](data)
	if err != nil {
		return orgs, err
	}
	raws, err := cfUnmarshal[[]json.RawMessage](data)
	if err != nil {
		return orgs, err
	}
	return orgs, cfFillOrgExtra(orgs, raws)
}

func cfDecodeOrgOffsetPage(data []byte) (mirOrgOffsetPage[mirOrg], error) {
	m, err := cfUnmarshal[mirOrgOffsetPage[mirOrg]](data)
	if err != nil || m.Organizations == nil {
		return m, err
	}
	raw, err := cfUnmarshal[mirOrgOffsetPage[json.RawMessage]](data)
	if err != nil {
		return m, err
	}
	return m, cfFillOrgExtra(*m.Organizations, *raw.Organizations)
}

func cfDecodeOrgCheckpointPage(data []byte) (mirOrgCheckpointPage[mirOrg], error) {
	m, err := cfUnmarshal[mirOrgCheckpointPage[mirOrg]](data)
	if err != nil || m.Organizations == nil {
		return m, err
	}
	raw, err := cfUnmarshal[mirOrgCheckpointPage[json.RawMessage]](data)
	if err != nil {
		return m, err
	}
	return m, cfFillOrgExtra(*m.Organizations, *raw.Organizations)
}

// cfDecodeUnion is the reference for a list union, which encoding/json has no
// equivalent for: it picks the variant by the JSON shape and, for an object,
// by its keys (the rule documented on chooseObjectVariant in union.go,
// re-implemented here: every variant is closed and requires nothing), then
// decodes the variant with encoding/json.
func cfDecodeUnion[A, O, P any](data []byte, array func([]byte) ([]A, error), offset func([]byte) (O, error), page func([]byte) (P, error),
	offsetKeys, pageKeys []string) (mirUnion[A, O, P], error) {
	var m mirUnion[A, O, P]
	var err error
	switch trimmed := cfTrim(data); {
	case len(trimmed) > 0 && trimmed[0] == '[':
		m.variant = 1
		m.array, err = array(data)
		return m, err
	case len(trimmed) > 0 && trimmed[0] == '{':
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(data, &fields); err != nil {
			return m, err
		}
		switch cfChooseVariant(fields, offsetKeys, pageKeys) {
		case 0:
			m.variant = 2
			m.offset, err = offset(data)
			return m, err
		case 1:
			m.variant = 3
			m.page, err = page(data)
			return m, err
		}
	}
	return m, fmt.Errorf("no variant holds %.20q", data)
}

// cfTrim strips the white space JSON allows around a value.
func cfTrim(data []byte) []byte { return bytes.Trim(data, " \t\r\n") }

func cfChooseVariant(fields map[string]json.RawMessage, variants ...[]string) int {
	best := func() int {
		best, bestMatched := -1, -1
		for i, props := range variants {
			matched, fits := 0, true
			for k := range fields {
				if !slices.Contains(props, k) {
					fits = false
					break
				}
				matched++
			}
			if fits && (best < 0 || matched > bestMatched || (matched == bestMatched && len(props) < len(variants[best]))) {
				best, bestMatched = i, matched
			}
		}
		return best
	}
	if i := best(); i >= 0 {
		return i
	}
	// No variant takes every key: drop the keys no variant declares.
	for k := range fields {
		if !slices.ContainsFunc(variants, func(props []string) bool { return slices.Contains(props, k) }) {
			delete(fields, k)
		}
	}
	if len(fields) == 0 {
		return -1
	}
	return best()
}

// cfNoOffsetFields reports an offset page without start, limit and total.
// Its encoding ({} or one with the list alone) has only keys that the
// checkpoint page declares too, and the rule prefers the variant with fewer
// properties on a tie, so it decodes as a checkpoint page: encode → decode
// does not give it back. That is the union's design, not the codec's doing.
func cfNoOffsetFields(start, limit, total *float64) bool {
	return start == nil && limit == nil && total == nil
}

var (
	cfGrantOffsetKeys = []string{"start", "limit", "total", "client_grants"}
	cfGrantPageKeys   = []string{"next", "client_grants"}
	cfOrgOffsetKeys   = []string{"start", "limit", "total", "organizations"}
	cfOrgPageKeys     = []string{"next", "organizations"}
)

// ---------------------------------------------------------------------------
// Reference encoders that need more than one json.Marshal.

// cfEncodeOrg writes the declared properties with json.Marshal, then the
// additional ones in key order, skipping declared keys (the typed field
// wins), each key as json.Marshal writes a string and each value as
// json.Marshal writes a json.RawMessage: compacted, with <, >, &, U+2028 and
// U+2029 escaped in its strings. (Values decoded from the input keep their
// white space and escapes as written, so this is checked.)
func cfEncodeOrg(m mirOrg) ([]byte, error) {
	out, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(m.Extra))
	for k := range m.Extra {
		if !cfOrgDeclared[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	out = out[:len(out)-1]
	for _, k := range keys {
		if len(out) > 1 {
			out = append(out, ',')
		}
		key, _ := json.Marshal(k)
		value, err := json.Marshal(m.Extra[k])
		if err != nil {
			return nil, err
		}
		out = append(append(append(out, key...), ':'), value...)
	}
	return append(out, '}'), nil
}

func cfEncodeOrgList(orgs []mirOrg) ([]json.RawMessage, error) {
	if orgs == nil {
		return nil, nil
	}
	out := make([]json.RawMessage, len(orgs))
	for i, o := range orgs {
		var err error
		if out[i], err = cfEncodeOrg(o); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func cfEncodeOrgPtrList(p *[]mirOrg) (*[]json.RawMessage, error) {
	if p == nil {
		return nil, nil
	}
	out, err := cfEncodeOrgList(*p)
	return &out, err
}

func cfEncodeOrgs(orgs []mirOrg) ([]byte, error) {
	out, err := cfEncodeOrgList(orgs)
	if err != nil {
		return nil, err
	}
	return json.Marshal(out)
}

func cfEncodeOrgOffsetPage(m mirOrgOffsetPage[mirOrg]) ([]byte, error) {
	orgs, err := cfEncodeOrgPtrList(m.Organizations)
	if err != nil {
		return nil, err
	}
	return json.Marshal(mirOrgOffsetPage[json.RawMessage]{Start: m.Start, Limit: m.Limit, Total: m.Total, Organizations: orgs})
}

func cfEncodeOrgCheckpointPage(m mirOrgCheckpointPage[mirOrg]) ([]byte, error) {
	orgs, err := cfEncodeOrgPtrList(m.Organizations)
	if err != nil {
		return nil, err
	}
	return json.Marshal(mirOrgCheckpointPage[json.RawMessage]{Next: m.Next, Organizations: orgs})
}

func cfEncodeUnion[A, O, P any](m mirUnion[A, O, P], array func([]A) ([]byte, error), offset func(O) ([]byte, error), page func(P) ([]byte, error)) ([]byte, error) {
	switch m.variant {
	case 1:
		return array(m.array)
	case 2:
		return offset(m.offset)
	case 3:
		return page(m.page)
	}
	return nil, fmt.Errorf("no variant is set")
}

// cfCanonExtra returns m with its additional properties as json.Marshal
// writes a json.RawMessage (compacted, with <, >, &, U+2028 and U+2029
// escaped), which is how they come back from an encode → decode round trip.
func cfCanonExtra(m mirOrg) mirOrg {
	if m.Extra == nil {
		return m
	}
	extra := make(map[string]json.RawMessage, len(m.Extra))
	for k, v := range m.Extra {
		c, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		extra[k] = c
	}
	m.Extra = extra
	return m
}

func cfCanonOrgs(orgs []mirOrg) []mirOrg {
	if orgs == nil {
		return nil
	}
	return cfSlice(orgs, cfCanonExtra)
}

func cfCanonOrgsPtr(p *[]mirOrg) *[]mirOrg {
	if p == nil {
		return nil
	}
	out := cfCanonOrgs(*p)
	return &out
}

// ---------------------------------------------------------------------------
// Values built from raw fuzz bytes, to reach what decoding cannot produce:
// invalid UTF-8 in strings and arbitrary float64 and int64 values.

// cfInjectMax bounds the inputs that are injected: a string goes into a
// dozen fields of some twenty types, which for long inputs only costs time.
const cfInjectMax = 1024

func cfInjectNumbers(data []byte) (float64, int64, bool) {
	var b [8]byte
	copy(b[:], data)
	f := math.Float64frombits(binary.LittleEndian.Uint64(b[:]))
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, 0, false // encoding/json refuses them; not a codec question
	}
	return f, int64(binary.LittleEndian.Uint64(b[:])), true
}

func cfInjectGrant(data []byte) (mirGrant, bool) {
	s, yes := string(data), len(data)%2 == 0
	return mirGrant{
		ID: &s, ClientID: &s, Audience: &s, Scope: &[]string{s, "", s}, OrganizationUsage: &s,
		AllowAnyOrganization: &yes, DefaultFor: &s, IsSystem: &yes, SubjectType: &s,
		AuthorizationDetailsTypes: &[]string{s}, AllowAllScopes: &yes,
	}, true
}

func cfInjectCreate(data []byte) (mirCreate, bool) {
	s, no := string(data), len(data)%2 == 1
	return mirCreate{ClientID: &s, Audience: s, DefaultFor: &s, OrganizationUsage: &s, AllowAnyOrganization: &no,
		Scope: &[]string{s}, SubjectType: &s, AuthorizationDetailsTypes: &[]string{}, AllowAllScopes: &no}, true
}

// cfInjectUpdate returns the mirror value (a nullable holds json.Marshal of
// its value, so invalid UTF-8 is already \ufffd there) and, for injectGen,
// the generated value holding the raw bytes themselves.
func cfInjectUpdate(data []byte) (mirUpdate, UpdateClientGrantRequestContent) {
	s := string(data)
	if len(data)%2 == 1 {
		return mirUpdate{Scope: json.RawMessage("null"), OrganizationUsage: json.RawMessage("null"),
				AllowAnyOrganization: json.RawMessage("null"), AllowAllScopes: json.RawMessage("false")},
			UpdateClientGrantRequestContent{Scope: NewNull[[]string](), OrganizationUsage: NewNull[ClientGrantOrganizationNullableUsageEnum](),
				AllowAnyOrganization: NewNull[bool](), AllowAllScopes: NewNullable(false)}
	}
	scope, _ := json.Marshal([]string{s, s})
	usage, _ := json.Marshal(s)
	return mirUpdate{Scope: scope, OrganizationUsage: usage, AllowAnyOrganization: json.RawMessage("true"),
			AuthorizationDetailsTypes: &[]string{s}, AllowAllScopes: json.RawMessage("null")},
		UpdateClientGrantRequestContent{Scope: NewNullable([]string{s, s}), OrganizationUsage: NewNullable(ClientGrantOrganizationNullableUsageEnum(s)),
			AllowAnyOrganization: NewNullable(true), AuthorizationDetailsTypes: NewOpt([]string{s}), AllowAllScopes: NewNull[bool]()}
}

func cfInjectTokenQuotaCC(data []byte) (mirTokenQuotaCC, bool) {
	_, i, _ := cfInjectNumbers(data)
	neg, yes := -i, len(data)%2 == 0
	return mirTokenQuotaCC{Enforce: &yes, PerDay: &i, PerHour: &neg}, true
}

func cfInjectOrg(data []byte) (mirOrg, bool) {
	s := string(data)
	value, _ := json.Marshal(s)
	cc, _ := cfInjectTokenQuotaCC(data)
	return mirOrg{
		ID: &s, Name: &s, DisplayName: &s,
		Branding:   &mirBranding{LogoURL: &s, Colors: &mirColors{Primary: s, PageBackground: s}},
		Metadata:   &map[string]*string{s: &s, "k": nil, s + "\x00": &s, "<&>": &s},
		TokenQuota: &mirTokenQuota{ClientCredentials: cc},
		// An undeclared key from the bytes, beside ones that sort around it.
		Extra: map[string]json.RawMessage{s: value, "~": json.RawMessage(`{"a":[1,null]}`), "\u2028": value},
	}, true
}

func cfInjectOffsetPage(data []byte) (mirOffsetPage, bool) {
	f, _, ok := cfInjectNumbers(data)
	if !ok {
		return mirOffsetPage{}, false
	}
	g, _ := cfInjectGrant(data)
	neg, small := -f, f/1e300
	return mirOffsetPage{Start: &f, Limit: &neg, Total: &small, ClientGrants: &[]mirGrant{g, {}}}, true
}

func cfInjectOrgOffsetPage(data []byte) (mirOrgOffsetPage[mirOrg], bool) {
	f, _, ok := cfInjectNumbers(data)
	if !ok {
		return mirOrgOffsetPage[mirOrg]{}, false
	}
	o, _ := cfInjectOrg(data)
	big := f * 1e300
	if math.IsInf(big, 0) {
		big = f
	}
	return mirOrgOffsetPage[mirOrg]{Start: &f, Total: &big, Organizations: &[]mirOrg{o, {}}}, true
}

// cfOptCodec checks Opt[T] on its own (as a user's struct or a standalone
// value would use it) against a pointer to T's mirror: null is absent.
func cfOptCodec[T, M any](decode func([]byte) (M, error), toGen func(M) T, encode func(M) ([]byte, error)) cfCodec[Opt[T], *M] {
	return cfCodec[Opt[T], *M]{
		decode: func(data []byte) (*M, error) {
			if string(cfTrim(data)) == "null" {
				return nil, nil
			}
			m, err := decode(data)
			return &m, err
		},
		toGen: func(p *M) Opt[T] { return cfOptAs(p, toGen) },
		encode: func(p *M) ([]byte, error) {
			if p == nil {
				return []byte("null"), nil
			}
			return encode(*p)
		},
	}
}

// cfNullableCodec checks Nullable[T] on its own against a canonical
// json.RawMessage holding a U ("null" when null).
func cfNullableCodec[T, U any](f func(U) T) cfCodec[Nullable[T], json.RawMessage] {
	return cfCodec[Nullable[T], json.RawMessage]{
		decode: func(data []byte) (json.RawMessage, error) {
			raw, err := cfUnmarshal[json.RawMessage](data)
			if err != nil {
				return nil, err
			}
			return cfCanonNullable[U](raw)
		},
		toGen:  func(raw json.RawMessage) Nullable[T] { return cfNullable(raw, f) },
		encode: cfMarshal[json.RawMessage],
	}
}

// ---------------------------------------------------------------------------
// The covered types.

func cfCases() []cfCase {
	grant := cfCodec[ClientGrantResponseContent, mirGrant]{
		decode: cfUnmarshal[mirGrant], toGen: cfGrantToGen, encode: cfMarshal[mirGrant], inject: cfInjectGrant,
	}
	org := cfCodec[Organization, mirOrg]{
		decode: cfDecodeOrg, toGen: cfOrgToGen, encode: cfEncodeOrg, canon: cfCanonExtra, inject: cfInjectOrg,
	}
	optOrg := cfOptCodec(cfDecodeOrg, cfOrgToGen, cfEncodeOrg)
	optOrg.canon = func(p *mirOrg) *mirOrg {
		if p == nil {
			return nil
		}
		c := cfCanonExtra(*p)
		return &c
	}
	type grantUnion = mirUnion[mirGrant, mirOffsetPage, mirCheckpointPage]
	type orgUnion = mirUnion[mirOrg, mirOrgOffsetPage[mirOrg], mirOrgCheckpointPage[mirOrg]]
	return []cfCase{
		grant,
		// The response contents of create, get and update have the same fields.
		cfCodec[CreateClientGrantResponseContent, mirGrant]{
			decode: grant.decode, encode: grant.encode, inject: grant.inject,
			toGen: func(m mirGrant) CreateClientGrantResponseContent {
				return CreateClientGrantResponseContent(cfGrantToGen(m))
			},
		},
		cfCodec[GetClientGrantResponseContent, mirGrant]{
			decode: grant.decode, encode: grant.encode,
			toGen: func(m mirGrant) GetClientGrantResponseContent { return GetClientGrantResponseContent(cfGrantToGen(m)) },
		},
		cfCodec[UpdateClientGrantResponseContent, mirGrant]{
			decode: grant.decode, encode: grant.encode,
			toGen: func(m mirGrant) UpdateClientGrantResponseContent {
				return UpdateClientGrantResponseContent(cfGrantToGen(m))
			},
		},
		cfCodec[CreateClientGrantRequestContent, mirCreate]{
			decode: cfUnmarshal[mirCreate], toGen: cfCreateToGen, encode: cfMarshal[mirCreate], inject: cfInjectCreate,
		},
		cfCodec[UpdateClientGrantRequestContent, mirUpdate]{
			decode: cfDecodeUpdate, toGen: cfUpdateToGen, encode: cfMarshal[mirUpdate],
			inject: func(data []byte) (mirUpdate, bool) {
				m, _ := cfInjectUpdate(data)
				return m, true
			},
			injectGen: func(data []byte) UpdateClientGrantRequestContent {
				_, g := cfInjectUpdate(data)
				return g
			},
		},
		org,
		cfCodec[OrganizationBranding, mirBranding]{
			decode: cfUnmarshal[mirBranding], toGen: cfBrandingToGen, encode: cfMarshal[mirBranding],
		},
		cfCodec[OrganizationBrandingColors, mirColors]{
			decode: cfUnmarshal[mirColors], toGen: cfColorsToGen, encode: cfMarshal[mirColors],
		},
		cfCodec[OrganizationMetadata, map[string]*string]{
			decode: cfUnmarshal[map[string]*string], toGen: cfMetadataToGen, encode: cfMarshal[map[string]*string],
			inject: func(data []byte) (map[string]*string, bool) {
				o, _ := cfInjectOrg(data)
				return *o.Metadata, true
			},
		},
		cfCodec[TokenQuota, mirTokenQuota]{
			decode: cfUnmarshal[mirTokenQuota], toGen: cfTokenQuotaToGen, encode: cfMarshal[mirTokenQuota],
		},
		cfCodec[TokenQuotaClientCredentials, mirTokenQuotaCC]{
			decode: cfUnmarshal[mirTokenQuotaCC], toGen: cfTokenQuotaCCToGen, encode: cfMarshal[mirTokenQuotaCC], inject: cfInjectTokenQuotaCC,
		},
		cfCodec[ListClientGrantOffsetPaginatedResponseContent, mirOffsetPage]{
			decode: cfUnmarshal[mirOffsetPage], toGen: cfOffsetPageToGen, encode: cfMarshal[mirOffsetPage], inject: cfInjectOffsetPage,
		},
		cfCodec[ListClientGrantPaginatedResponseContent, mirCheckpointPage]{
			decode: cfUnmarshal[mirCheckpointPage], toGen: cfCheckpointPageToGen, encode: cfMarshal[mirCheckpointPage],
		},
		cfCodec[ListClientGrantOrganizationsOffsetPaginatedResponseContent, mirOrgOffsetPage[mirOrg]]{
			decode: cfDecodeOrgOffsetPage, toGen: cfOrgOffsetPageToGen, encode: cfEncodeOrgOffsetPage, inject: cfInjectOrgOffsetPage,
			canon: func(m mirOrgOffsetPage[mirOrg]) mirOrgOffsetPage[mirOrg] {
				m.Organizations = cfCanonOrgsPtr(m.Organizations)
				return m
			},
		},
		cfCodec[ListClientGrantOrganizationsPaginatedResponseContent, mirOrgCheckpointPage[mirOrg]]{
			decode: cfDecodeOrgCheckpointPage, toGen: cfOrgCheckpointPageToGen, encode: cfEncodeOrgCheckpointPage,
			canon: func(m mirOrgCheckpointPage[mirOrg]) mirOrgCheckpointPage[mirOrg] {
				m.Organizations = cfCanonOrgsPtr(m.Organizations)
				return m
			},
		},
		cfCodec[ListClientGrantResponseContent, grantUnion]{
			decode: func(data []byte) (grantUnion, error) {
				return cfDecodeUnion(data, cfUnmarshal[[]mirGrant], cfUnmarshal[mirOffsetPage], cfUnmarshal[mirCheckpointPage],
					cfGrantOffsetKeys, cfGrantPageKeys)
			},
			toGen: cfGrantUnionToGen, ambiguous: func(m grantUnion) bool {
				return m.variant == 2 && cfNoOffsetFields(m.offset.Start, m.offset.Limit, m.offset.Total)
			},
			encode: func(m grantUnion) ([]byte, error) {
				return cfEncodeUnion(m, cfMarshal[[]mirGrant], cfMarshal[mirOffsetPage], cfMarshal[mirCheckpointPage])
			},
			inject: func(data []byte) (grantUnion, bool) {
				g, _ := cfInjectGrant(data)
				return grantUnion{variant: 1, array: []mirGrant{g, {}}}, true
			},
		},
		cfCodec[ListClientGrantOrganizationsResponseContent, orgUnion]{
			decode: func(data []byte) (orgUnion, error) {
				return cfDecodeUnion(data, cfDecodeOrgs, cfDecodeOrgOffsetPage, cfDecodeOrgCheckpointPage, cfOrgOffsetKeys, cfOrgPageKeys)
			},
			toGen: cfOrgUnionToGen, ambiguous: func(m orgUnion) bool {
				return m.variant == 2 && cfNoOffsetFields(m.offset.Start, m.offset.Limit, m.offset.Total)
			},
			encode: func(m orgUnion) ([]byte, error) {
				return cfEncodeUnion(m, cfEncodeOrgs, cfEncodeOrgOffsetPage, cfEncodeOrgCheckpointPage)
			},
			canon: func(m orgUnion) orgUnion {
				m.array = cfCanonOrgs(m.array)
				m.offset.Organizations = cfCanonOrgsPtr(m.offset.Organizations)
				m.page.Organizations = cfCanonOrgsPtr(m.page.Organizations)
				return m
			},
			inject: func(data []byte) (orgUnion, bool) {
				o, _ := cfInjectOrg(data)
				return orgUnion{variant: 1, array: []mirOrg{{}, o}}, true
			},
		},
		// Opt and Nullable on their own.
		cfOptCodec(cfUnmarshal[string], cfIdentity[string], cfMarshal[string]),
		cfOptCodec(cfUnmarshal[bool], cfIdentity[bool], cfMarshal[bool]),
		cfOptCodec(cfUnmarshal[int64], cfIdentity[int64], cfMarshal[int64]),
		cfOptCodec(cfUnmarshal[float64], cfIdentity[float64], cfMarshal[float64]),
		cfOptCodec(cfUnmarshal[[]string], cfIdentity[[]string], cfMarshal[[]string]),
		cfOptCodec(cfUnmarshal[string], func(s string) ClientGrantSubjectTypeEnum { return ClientGrantSubjectTypeEnum(s) }, cfMarshal[string]),
		cfOptCodec(cfUnmarshal[mirTokenQuotaCC], cfTokenQuotaCCToGen, cfMarshal[mirTokenQuotaCC]),
		cfOptCodec(cfUnmarshal[map[string]*string], cfMetadataToGen, cfMarshal[map[string]*string]),
		optOrg,
		cfNullableCodec(cfIdentity[string]),
		cfNullableCodec(cfIdentity[bool]),
		cfNullableCodec(cfIdentity[[]string]),
		cfNullableCodec(func(s string) ClientGrantOrganizationNullableUsageEnum {
			return ClientGrantOrganizationNullableUsageEnum(s)
		}),
		// Enumerations, in case they get codecs of their own.
		cfCodec[ClientGrantOrganizationUsageEnum, string]{
			decode: cfUnmarshal[string], encode: cfMarshal[string],
			toGen:  func(s string) ClientGrantOrganizationUsageEnum { return ClientGrantOrganizationUsageEnum(s) },
			inject: func(data []byte) (string, bool) { return string(data), true },
		},
		cfCodec[ClientGrantOrganizationNullableUsageEnum, string]{
			decode: cfUnmarshal[string], encode: cfMarshal[string],
			toGen: func(s string) ClientGrantOrganizationNullableUsageEnum {
				return ClientGrantOrganizationNullableUsageEnum(s)
			},
		},
		cfCodec[ClientGrantSubjectTypeEnum, string]{
			decode: cfUnmarshal[string], encode: cfMarshal[string],
			toGen: func(s string) ClientGrantSubjectTypeEnum { return ClientGrantSubjectTypeEnum(s) },
		},
		cfCodec[ClientGrantDefaultForEnum, string]{
			decode: cfUnmarshal[string], encode: cfMarshal[string],
			toGen: func(s string) ClientGrantDefaultForEnum { return ClientGrantDefaultForEnum(s) },
		},
		cfCodec[ClientGrantAllowAnyOrganizationEnum, bool]{
			decode: cfUnmarshal[bool], encode: cfMarshal[bool],
			toGen: func(b bool) ClientGrantAllowAnyOrganizationEnum { return ClientGrantAllowAnyOrganizationEnum(b) },
		},
	}
}

// ---------------------------------------------------------------------------
// The deliberate difference in key matching.

// cfJSONNames returns the JSON names of the fields of the struct type t.
func cfJSONNames(t reflect.Type) map[string]bool {
	names := map[string]bool{}
	for f := range t.Fields() {
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
			names[name] = true
		}
	}
	return names
}

// cfDeclaredNames holds every property name the covered types declare.
var cfDeclaredNames = func() []string {
	all := map[string]bool{}
	for _, t := range []reflect.Type{
		reflect.TypeFor[mirGrant](), reflect.TypeFor[mirCreate](), reflect.TypeFor[mirUpdate](),
		reflect.TypeFor[mirOrg](), reflect.TypeFor[mirBranding](), reflect.TypeFor[mirColors](),
		reflect.TypeFor[mirTokenQuota](), reflect.TypeFor[mirTokenQuotaCC](),
		reflect.TypeFor[mirOffsetPage](), reflect.TypeFor[mirCheckpointPage](),
		reflect.TypeFor[mirOrgOffsetPage[mirOrg]](), reflect.TypeFor[mirOrgCheckpointPage[mirOrg]](),
	} {
		for name := range cfJSONNames(t) {
			all[name] = true
		}
	}
	return slices.Sorted(maps.Keys(all))
}()

// cfFoldedKey reports whether the JSON value in data has, at any depth, an
// object key that differs from a declared property name but equals it under
// strings.EqualFold (which is exactly encoding/json's folding). encoding/json
// matches such a key to the field; the generated codec, like JSON Schema,
// matches keys exactly (see TestDeclaredPropertyNamesAreCaseSensitive), so
// the two may legitimately disagree. This skips more than it must (a folded
// key inside metadata or an unknown property would be harmless) to stay
// simple. Keys after a syntax error are not looked at: both sides must
// reject such input anyway.
func cfFoldedKey(data []byte) bool {
	// Read tokens, not a map: a map would drop the keys inside the earlier
	// occurrences of a repeated key.
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	// walk reads one value; it returns true when it finds such a key or
	// meets a syntax error (after which there is nothing left to look at).
	var walk func() (found, stop bool)
	walk = func() (bool, bool) {
		tok, err := dec.Token()
		if err != nil {
			return false, true
		}
		switch tok {
		case json.Delim('['):
			for dec.More() {
				if found, stop := walk(); stop {
					return found, true
				}
			}
		case json.Delim('{'):
			for dec.More() {
				tok, err := dec.Token()
				k, ok := tok.(string)
				if err != nil || !ok {
					return false, true
				}
				for _, name := range cfDeclaredNames {
					if k != name && strings.EqualFold(k, name) {
						return true, true
					}
				}
				if found, stop := walk(); stop {
					return found, true
				}
			}
		default:
			return false, false
		}
		_, err = dec.Token() // the closing ] or }
		return false, err != nil
	}
	found, _ := walk()
	return found
}

// ---------------------------------------------------------------------------
// Findings already reported, to step over on request.

// cfKnown names the open findings that a fuzzing session steps over, so that
// it can look past a difference already reported: the environment variable
// CODECFUZZ_KNOWN lists them, comma-separated. It is empty by default, so
// that make test and plain fuzzing flag everything but the deliberate
// differences below.
var cfKnown = strings.Split(os.Getenv("CODECFUZZ_KNOWN"), ",")

// cfKnownFindings tells, for each open finding, whether an input may show
// it. There are none open.
var cfKnownFindings = map[string]func([]byte) bool{}

// cfDeliberate tells, for each deliberate difference from the reference,
// whether an input may show it; such inputs are always stepped over.
var cfDeliberate = map[string]func([]byte) bool{
	// encoding/json decodes an array into the slice already there, so a
	// key repeated after a non-empty array decodes into the earlier
	// elements, and a null element leaves one as it was. The old
	// Organization.UnmarshalJSON (which the mirror models) cleared
	// AdditionalProperties on null; the codec leaves the whole object as it
	// was, as encoding/json does for any struct.
	"dupnull": cfRepeatsArrayWithNull,
}

func cfSkipKnown(data []byte) bool {
	for _, applies := range cfDeliberate {
		if applies(data) {
			return true
		}
	}
	for name, applies := range cfKnownFindings {
		if slices.Contains(cfKnown, name) && applies(data) {
			return true
		}
	}
	return false
}

// cfRepeatsArrayWithNull reports whether an object in data repeats a key
// after an occurrence whose value is a non-empty array, with an array that
// has a null element.
func cfRepeatsArrayWithNull(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type value struct{ null, nonEmptyArray, arrayWithNull, stop bool }
	var found bool
	// walk reads one value; stop is set once found or at a syntax error.
	var walk func() value
	walk = func() value {
		tok, err := dec.Token()
		if err != nil {
			return value{stop: true}
		}
		switch tok {
		case nil:
			return value{null: true}
		case json.Delim('['):
			var v value
			for dec.More() {
				e := walk()
				if e.stop {
					return e
				}
				v.nonEmptyArray = true
				v.arrayWithNull = v.arrayWithNull || e.null
			}
			_, err := dec.Token()
			v.stop = err != nil
			return v
		case json.Delim('{'):
			arrays := map[string]bool{}
			for dec.More() {
				tok, err := dec.Token()
				key, ok := tok.(string)
				if err != nil || !ok {
					return value{stop: true}
				}
				v := walk()
				if v.stop {
					return v
				}
				if arrays[key] && v.arrayWithNull {
					found = true
					return value{stop: true}
				}
				arrays[key] = arrays[key] || v.nonEmptyArray
			}
			_, err := dec.Token()
			return value{stop: err != nil}
		}
		return value{}
	}
	walk()
	return found
}

// ---------------------------------------------------------------------------
// Seeds.

func cfSeeds() [][]byte {
	hundred := hundredGrants()
	seeds := []string{
		// Realistic documents.
		string(hundred),
		`{"start":0,"limit":100,"total":100,"client_grants":` + string(hundred) + `}`,
		`{"next":"cp_1","client_grants":` + string(hundred) + `}`,
		`{"id":"cgr_1","client_id":"c","audience":"https://api/","scope":["read:users",""],"organization_usage":"deny",` +
			`"allow_any_organization":true,"default_for":"third_party_clients","is_system":false,"subject_type":"user",` +
			`"authorization_details_types":["payment_initiation"],"allow_all_scopes":true}`,
		`{"client_id":"c","audience":"https://api/","default_for":"third_party_clients","organization_usage":"require",` +
			`"allow_any_organization":false,"scope":["a"],"subject_type":"client","authorization_details_types":[],"allow_all_scopes":false}`,
		`{"scope":["a","b"],"organization_usage":"allow","allow_any_organization":true,"authorization_details_types":["x"],"allow_all_scopes":false}`,
		`{"id":"org_1","name":"acme","display_name":"Acme","branding":{"logo_url":"https://l/","colors":{"primary":"#fff","page_background":"#000"}},` +
			`"metadata":{"a":"1","b":null,"":""},"token_quota":{"client_credentials":{"enforce":true,"per_day":100,"per_hour":10}},` +
			`"x-extra":{"deep":[1,2,{"z":null}]},"":"empty key"}`,
		`[{"id":"org_1","zz":1},null,{}]`,
		`{"start":0,"limit":2,"total":3,"organizations":[{"id":"o","unknown":[true]},{"metadata":{}}]}`,
		`{"next":"n","organizations":[{"name":"n","z":{}}]}`,
		`{"client_credentials":{"per_day":1}}`, `{"enforce":false,"per_day":1,"per_hour":2147483647}`,
		`{"primary":"p","page_background":"b"}`, `{"logo_url":"u","colors":{"primary":"p"}}`,
		`"deny"`, `"third_party_clients"`, `true`, `false`, `"bogus"`,
		// Set / absent / null, for every field type.
		`{}`, `[]`, `[{}]`, `[null]`, `null`, ` null `,
		`{"id":null,"client_id":null,"audience":null,"scope":null,"organization_usage":null,"allow_any_organization":null,` +
			`"default_for":null,"is_system":null,"subject_type":null,"authorization_details_types":null,"allow_all_scopes":null}`,
		`{"audience":null}`, `{"audience":""}`, `{"audience":"a","audience":null}`,
		`{"scope":null,"organization_usage":null,"allow_any_organization":null,"allow_all_scopes":null,"authorization_details_types":null}`,
		`{"scope":[],"authorization_details_types":[]}`, `{"scope":[null,"a",null]}`, `{"scope":[[]]}`,
		`{"organization_usage":"bogus"}`, `{"organization_usage":""}`,
		`{"branding":null,"metadata":null,"token_quota":null}`, `{"branding":{},"metadata":{},"token_quota":{}}`,
		`{"token_quota":{"client_credentials":null}}`, `{"client_credentials":null}`, `{"client_credentials":{}}`,
		`{"branding":{"colors":null}}`, `{"branding":{"colors":{"primary":null,"page_background":null}}}`,
		`{"metadata":{"k":null,"l":"v","m":""}}`, `{"metadata":{"k":1}}`, `{"metadata":[]}`,
		`{"start":null,"limit":null,"total":null,"client_grants":null}`, `{"client_grants":[null,{}]}`,
		`{"next":null}`, `{"organizations":null}`, `{"organizations":[null]}`,
		// Unions: which object variant.
		`{"start":1,"next":"x"}`, `{"client_grants":[],"zz":1}`, `{"zz":1}`, `{"next":"a","next":"b"}`,
		`{"n\u0065xt":"x","zz":{}}`, `{"total":1,"client_grants":null}`, `{"next":tru}`, `{"organizations":[],"limit":-0}`,
		// Escapes.
		`{"id":"\u0041\u00e9\u65e5"}`, `{"id":"\ud83d\ude00"}`, `{"id":"\ud800"}`, `{"id":"\udc00"}`, `{"id":"\ud800\u0041"}`,
		`{"id":"\ud800\ud800\udc00"}`, `{"id":"\udbff\udfff"}`, `{"id":"\/\\\"\b\f\n\r\t"}`, `{"id":"\u0000\u001f"}`,
		`{"id":"\U0041"}`, `{"id":"\x41"}`, `{"id":"\u00"}`, `{"id":"\ud8"}`, `{"id":"\u004G"}`, `{"id":"\'"}`,
		`{"\u0069d":"x"}`, `{"i\u0064":"x","\u0063lient_id":"y"}`, `{"metadata":{"\ud800":"lone","\u00e9":"\u2028"}}`,
		`{"audience":"<script>&amp;</script>"}`, `{"audience":"\u003c\u003e\u0026"}`, "{\"audience\":\"\u2028\u2029\"}",
		`{"x<>&":"<>&","id":"<"}`,
		// Control characters and invalid UTF-8, raw.
		"{\"id\":\"a\x01b\"}", "{\"id\":\"\t\"}", "{\"id\":\"\x7f\"}", "{\"id\":\"\xff\"}", "{\"id\":\"\xc3\x28\"}",
		"{\"id\":\"\xed\xa0\x80\"}", "{\"id\":\"\xe2\x82\"}", "{\"id\":\"\xf4\x90\x80\x80\"}", "{\"id\":\"\xc0\xaf\"}",
		"{\"metadata\":{\"\xff\":\"\xfe\"}}", "{\"\xff\":\"\xff\",\"id\":\"\xe2\x80\xa8\"}", "[\"\xff\"]", "\"\xff\"",
		"\xef\xbb\xbf{}", "{\"id\":\"x\"}\x00",
		// Numbers.
		`{"per_day":1e2}`, `{"per_day":1E2}`, `{"per_day":1.0}`, `{"per_day":1.5}`, `{"per_day":-0}`, `{"per_day":0}`,
		`{"per_day":9223372036854775807}`, `{"per_day":9223372036854775808}`, `{"per_day":-9223372036854775808}`,
		`{"per_day":-9223372036854775809}`, `{"per_day":99999999999999999999999}`, `{"per_day":01}`, `{"per_day":-}`,
		`{"per_day":+1}`, `{"per_day":.5}`, `{"per_day":1.}`, `{"per_day":1e}`, `{"per_day":0x10}`, `{"per_day":"1"}`,
		`{"per_day":NaN}`, `{"per_day":Infinity}`, `{"per_day":-01}`, `{"per_day":1_000}`,
		`{"start":-0}`, `{"start":-0.0}`, `{"start":0.1}`, `{"start":1E400}`, `{"start":-1e400}`, `{"start":1e-400}`,
		`{"start":5e-324}`, `{"start":1.7976931348623157e308}`, `{"start":1e21}`, `{"start":1e20}`, `{"start":1e-7}`,
		`{"start":1e-6}`, `{"start":123456789012345678901234567890}`, `{"start":9007199254740993}`, `{"start":1E+2}`,
		`{"start":1e-2,"limit":2.5e+10,"total":0.000001}`, `{"start":0e0,"limit":-0e-0,"total":1.8e308}`,
		`{"start":1e308,"limit":4.9e-324,"total":2.4e-324}`, `{"per_hour":0e0}`, `{"per_hour":1E+2}`, `{"per_hour":-0.0}`, `{"start":"0"}`, `{"start":true}`,
		`1`, `-0`, `1e400`, `9223372036854775808`,
		// Duplicate keys: the last wins, and encoding/json merges objects and
		// reuses slice elements.
		`{"id":"a","id":"b"}`, `{"id":"a","id":null}`, `{"id":null,"id":"a"}`,
		`{"scope":["a","b"],"scope":["c"]}`, `{"scope":["a","b"],"scope":["c"],"scope":[null,null]}`,
		`{"scope":null,"scope":["a"],"scope":null}`, `{"scope":["a","b"],"scope":[],"scope":[null,null]}`,
		`{"client_grants":[{"id":"a"}],"client_grants":[],"client_grants":[null]}`,
		`{"organizations":[{"z":1}],"organizations":[null]}`, `[{"z":1},null]`,
		`{"branding":{"logo_url":"x"},"branding":{"colors":{"primary":"p","page_background":"b"}}}`,
		`{"branding":{"logo_url":"x"},"branding":null,"branding":{}}`,
		`{"metadata":{"a":"1"},"metadata":{"b":null}}`, `{"metadata":{"a":"1","a":null}}`,
		`{"client_grants":[{"id":"a","audience":"x"}],"client_grants":[{"id":"b"}]}`,
		`{"client_grants":[{"id":"a"},{"id":"b"}],"client_grants":[null,null]}`,
		`{"organizations":[{"id":"a","name":"x","q":1}],"organizations":[{"id":"b"}]}`,
		`{"organizations":[{"id":"a"},{"z":1}],"organizations":[{"id":"b"}],"organizations":[null,null]}`,
		`{"zz":1,"zz":2}`, `{"client_credentials":{"per_day":1},"client_credentials":{"per_hour":2}}`,
		`{"scope":["a"],"scope":null}`, `{"allow_all_scopes":true,"allow_all_scopes":null}`,
		// Unknown keys, deeply nested.
		`{"zz":{"a":[1,{"b":[true,null,"x",{"c":{}}]}]},"id":"x"}`,
		`{"unknown":[[[[[[[[[[[[[[[[{"id":5}]]]]]]]]]]]]]]]],"id":"x"}`,
		`{"zz":"\ud800","yy":"\xff","xx":1e400,"ww":-0,"vv":[1.0,1E2]}`,
		`{"zz":{"ID":1},"id":"x"}`, `{"x": [ 1 , 2 ] ,"y":{ "a" : "<\u0041>" }, "z" : "\u2028"}`,
		`{"unknown":` + strings.Repeat("[", 9999) + strings.Repeat("]", 9999) + `}`,
		`{"unknown":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}`,
		strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
		// Key case (skipped by the decode target, used by the encode target).
		`{"ID":"x"}`, `{"Scope":null}`, `{"ſcope":["a"]}`, `{"id":"a","ID":"b"}`,
		`{"client_grants":[{"AudieNCe":""}],"client_grants":[{}]}`,
		// White space everywhere.
		" \t\r\n{ \"id\" : \"x\" ,\n\t\"scope\" : [ \"a\" , \"b\" ] , \"metadata\" : { \"k\" : null } } \r\n",
		" [ { } , null ] ", "\n{\"start\"\t:\r1\n}\n", "{\"id\":\"x\"}\v", "\f{}",
		// Trailing garbage.
		`{"id":"x"}x`, `{"id":"x"} {}`, `{}}`, `[]]`, `{} null`, `[],`, `{"id":"x"},`, `nullx`, `truex`,
		// Truncated.
		`{"id":"x"`, `{"id":`, `{"id`, `{`, `[`, `[{"id":"x"},`, `"`, `{"id":"\`, `{"id":"\u12`, `tru`, `nul`, `-`,
		`{"scope":["a"`, `{"metadata":{"k":`,
		// Empty.
		``, ` `, "\n",
		// Other syntax errors.
		`{"id":"x",}`, `{'id':'x'}`, `{"id" "x"}`, `{"id":"x" "a":1}`, `[1,]`, `{"id":"x"/**/}`, `{id:"x"}`,
		`{"id":True}`, `{"allow_all_scopes":TRUE}`, `{,}`, `{:}`, `{"a"}`, `[,1]`,
	}
	// Wrong types (and some right ones) for every property, at the top
	// level and where the property sits nested.
	literals := []string{`1`, `-1.5`, `"s"`, `true`, `[]`, `{}`, `null`, `["x",1]`, `[null]`, `{"a":1}`}
	for _, lit := range literals {
		for _, name := range cfDeclaredNames {
			seeds = append(seeds, `{"`+name+`":`+lit+`}`)
		}
		for _, nested := range []string{
			`{"branding":{"logo_url":%s}}`, `{"branding":{"colors":{"primary":%s,"page_background":"b"}}}`,
			`{"token_quota":{"client_credentials":{"per_day":%s}}}`, `{"token_quota":{"client_credentials":%s}}`,
			`{"metadata":{"k":%s}}`, `{"client_grants":[{"scope":%s}]}`, `{"client_grants":[%s]}`,
			`{"organizations":[{"metadata":%s}]}`, `{"organizations":[%s]}`, `[{"id":%s}]`, `[%s]`, `%s`,
		} {
			seeds = append(seeds, fmt.Sprintf(nested, lit))
		}
	}
	out := make([][]byte, len(seeds))
	for i, s := range seeds {
		out[i] = []byte(s)
	}
	return out
}

// ---------------------------------------------------------------------------
// The fuzz targets.

func FuzzCodecDecode(f *testing.F) {
	for _, seed := range cfSeeds() {
		f.Add(seed)
	}
	cases := cfCases()
	f.Fuzz(func(t *testing.T, data []byte) {
		if cfFoldedKey(data) {
			return // a deliberate difference, see cfFoldedKey
		}
		if cfSkipKnown(data) {
			return
		}
		for _, c := range cases {
			c.checkDecode(t, data)
		}
	})
}

func FuzzCodecEncode(f *testing.F) {
	for _, seed := range cfSeeds() {
		f.Add(seed)
	}
	cases := cfCases()
	f.Fuzz(func(t *testing.T, data []byte) {
		if cfSkipKnown(data) {
			return
		}
		for _, c := range cases {
			c.checkEncode(t, data)
		}
	})
}
