package clientgrants

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// hundredGrants returns a ListClientGrantResponseContent array of 100
// realistic client grants.
func hundredGrants() []byte {
	var b strings.Builder
	b.WriteByte('[')
	for i := range 100 {
		if i > 0 {
			b.WriteByte(',')
		}
		usage := [...]string{"deny", "allow", "require"}[i%3]
		subject := [...]string{"client", "user"}[i%2]
		fmt.Fprintf(&b, `{"id":"cgr_%016d","client_id":"client_%032d","audience":"https://api%d.example.com/",`+
			`"scope":["read:users","update:users","delete:users","read:logs","create:client_grants"],`+
			`"organization_usage":%q,"allow_any_organization":%t,"is_system":false,"subject_type":%q,`+
			`"authorization_details_types":["payment_initiation"],"allow_all_scopes":false}`,
			i, i, i, usage, i%2 == 0, subject)
	}
	b.WriteByte(']')
	return []byte(b.String())
}

func TestHundredGrantsFixture(t *testing.T) {
	var u ListClientGrantResponseContent
	mustUnmarshal(t, hundredGrants(), &u)
	arr, ok := u.Array()
	if !ok || len(arr) != 100 {
		t.Fatalf("Array() = %d grants, %v", len(arr), ok)
	}
	if arr[99].ID.Value != "cgr_0000000000000099" || arr[98].OrganizationUsage.Value != ClientGrantOrganizationUsageEnumRequire {
		t.Errorf("last grants: %+v %+v", arr[98], arr[99])
	}
	assertViolations(t, u.Validate())
	assertSameJSON(t, mustMarshal(t, u), hundredGrants())
}

// BenchmarkDecodeListClientGrants decodes through json.Unmarshal, as code
// that knows nothing of the generated codec does: encoding/json scans the
// input once before calling UnmarshalJSON. BenchmarkDecodeList (perf_test.go)
// measures the codec alone against its baselines.
func BenchmarkDecodeListClientGrants(b *testing.B) {
	data := hundredGrants()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var u ListClientGrantResponseContent
		if err := json.Unmarshal(data, &u); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateListClientGrants(b *testing.B) {
	data := hundredGrants()
	var u ListClientGrantResponseContent
	if err := json.Unmarshal(data, &u); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := u.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeListClientGrants encodes through json.Marshal, which
// compacts what MarshalJSON returns; BenchmarkEncodeList measures the codec
// alone.
func BenchmarkEncodeListClientGrants(b *testing.B) {
	data := hundredGrants()
	var u ListClientGrantResponseContent
	if err := json.Unmarshal(data, &u); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := json.Marshal(u); err != nil {
			b.Fatal(err)
		}
	}
}
