package clientgrants

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzDecode feeds arbitrary bytes to the generated decoders, as a server
// answering with garbage would: decoding never panics, and whatever decodes
// also validates without panicking and re-encodes to JSON that decodes to
// the same encoding again.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		`[]`, `[{"id":"cgr_1","scope":["a"]}]`, `{"start":0,"limit":50,"total":1,"client_grants":[]}`,
		`{"client_grants":[],"next":"x"}`, `{"client_grants":[],"next":"x","extra":1}`, `{"next":1}`,
		`{"scope":null}`, `{"scope":[""]}`, `{"organization_usage":"bogus"}`, `null`, `"x"`, `{`, `[1`,
		`{"id":"o","metadata":{"k":null},"branding":{"colors":{"primary":"#fff"}},"token_quota":{"client_credentials":{}}}`,
		`{"per_day":1e400}`, `{"per_day":9223372036854775808}`, "{\"audience\":\"\xff\"}",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip[ListClientGrantResponseContent](t, data)
		roundTrip[ListClientGrantOrganizationsResponseContent](t, data)
		roundTrip[UpdateClientGrantRequestContent](t, data)
		roundTrip[CreateClientGrantRequestContent](t, data)
		roundTrip[Organization](t, data)
		roundTrip[TokenQuotaClientCredentials](t, data)
	})
}

// roundTrip decodes data into a T and, when that succeeds, checks that
// Validate runs and that encode → decode → encode is stable.
func roundTrip[T any, PT interface {
	*T
	Validate() error
}](t *testing.T, data []byte) {
	var v T
	if json.Unmarshal(data, &v) != nil {
		return
	}
	_ = PT(&v).Validate()
	first, err := json.Marshal(&v)
	if err != nil {
		t.Fatalf("%T decoded %q but does not encode: %v", v, data, err)
	}
	var again T
	if err := json.Unmarshal(first, &again); err != nil {
		t.Fatalf("%T: re-decoding its own encoding %s failed: %v", v, first, err)
	}
	second, err := json.Marshal(&again)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Fatalf("%T: encoding is not stable:\n%s\n%s", v, first, second)
	}
}
