package generator_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/generator"
)

// auth0Spec is the whole Auth0 Management API: 245 paths, 2,698 schemas.
const auth0Spec = "../../shared/specs/auth0-management-api.json"

// TestWholeAuth0Spec generates types, client and server for the whole Auth0
// Management API and checks that the package is gofmt'd, builds and vets: the
// generator's behaviour on a large real spec, beyond client-grants.
func TestWholeAuth0Spec(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large generated package; skipped in -short mode")
	}
	if _, err := os.Stat(auth0Spec); err != nil {
		t.Skipf("%s is absent (it lives in ../shared next to the checkout): %v", auth0Spec, err)
	}
	res, err := generator.Generate(generator.Config{Spec: auth0Spec, Package: "management"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		checkGofmt(t, f)
	}
	// Zero skipped operations: every operation of the spec is served (each
	// has its Operation value in server.go, and a client method), and no
	// warning says something was skipped.
	if served, want := operationsServed(t, res.Files), operationsIn(t, auth0Spec); served != want {
		t.Errorf("server.go serves %d operations; the spec has %d", served, want)
	}
	for _, w := range res.Warnings {
		if strings.Contains(w.Msg, "skipped") {
			t.Errorf("a warning skips something: %v", w)
		}
	}
	mod := vetModule(t, "auth0check", res.Files)
	// The server starts and routes every operation: a request for each,
	// without credentials, is refused for want of them (401), not as an
	// unknown path or method. Some of the spec's paths overlap (GET
	// /organizations/name/{name} and /organizations/{id}/client-grants),
	// which Go's ServeMux refuses with a panic. And the unions and patterns
	// that were once decoded or checked wrong stay right.
	if err := os.WriteFile(filepath.Join(mod, "management", "routes_test.go"), routesTest(t, auth0Spec), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "management", "flagship_test.go"), []byte(auth0BehaviourTest), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "test", "-vet=off", "-count=1", "./management")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the generated Auth0 server does not route every operation: %v\n%s", err, tail(string(out), 40))
	}
	t.Logf("%d files, %d warnings", len(res.Files), len(res.Warnings))
}

// TestAuth0Included generates two of the Auth0 spec's tags, as a user who
// calls only those would: the package serves exactly their operations,
// declares only the schemas they reach, and builds and vets.
func TestAuth0Included(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated package; skipped in -short mode")
	}
	if _, err := os.Stat(auth0Spec); err != nil {
		t.Skipf("%s is absent (it lives in ../shared next to the checkout): %v", auth0Spec, err)
	}
	tags := []string{"client-grants", "clients"}
	res, err := generator.Generate(generator.Config{Spec: auth0Spec, Package: "management", IncludeTags: tags})
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, item := range specPaths(t, auth0Spec) {
		for _, raw := range item {
			var op struct{ Tags []string }
			if json.Unmarshal(raw, &op) == nil && slices.ContainsFunc(op.Tags, func(tag string) bool { return slices.Contains(tags, tag) }) {
				want++
			}
		}
	}
	if served := operationsServed(t, res.Files); served != want || want == 0 {
		t.Errorf("server.go serves %d operations; the spec has %d tagged %v", served, want, tags)
	}
	for _, f := range res.Files {
		if f.Name == "types.go" && (!strings.Contains(string(f.Content), "\ntype ClientGrantResponseContent struct") || strings.Contains(string(f.Content), "\ntype CreateUserRequestContent struct")) {
			t.Error("types.go does not hold just the schemas the client-grants and clients operations use")
		}
	}
	vetModule(t, "auth0included", res.Files)
}

// vetModule writes files as package management of a new module and vets
// it, failing the test when vet finds anything; it returns the module's
// folder.
func vetModule(t *testing.T, module string, files []generator.File) string {
	t.Helper()
	mod := t.TempDir()
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module "+module+"\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := generator.Write(filepath.Join(mod, "management"), files); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the generated package does not vet: %v\n%s", err, out)
	}
	return mod
}

// auth0BehaviourTest runs inside the package generated from the Auth0
// spec: payloads that the generator once decoded into the wrong union
// variant (dropping fields on the way back out), and a look-ahead pattern
// it once left unchecked.
const auth0BehaviourTest = `package management_test

import (
	"encoding/json"
	"strings"
	"testing"

	"auth0check/management"
)

func TestFlagshipUnions(t *testing.T) {
	var ips []management.BotDetectionIPAddressOrCidrBlock
	if err := json.Unmarshal([]byte(` + "`" + `["10.0.0.1", "2001:db8::1", "10.0.0.0/8", "2001:db8::/32", "10.0.0.0/33"]` + "`" + `), &ips); err != nil || len(ips) != 5 {
		t.Fatalf("bot detection allowlist: %v", err)
	}
	if _, ok := ips[3].IPv6CidrBlock(); !ok {
		t.Errorf("2001:db8::/32 decoded as %+v, want IPv6CidrBlock", ips[3])
	}
	if err := ips[4].Validate(); err == nil || !strings.Contains(err.Error(), "matches none of its variants") {
		t.Errorf("10.0.0.0/33: Validate() = %v, want it to match none of the variants", err)
	}
	if _, ok := ips[0].IPv4(); !ok {
		t.Errorf("10.0.0.1 decoded as %+v, want IPv4", ips[0])
	}
	if _, ok := ips[1].IPv6(); !ok {
		t.Errorf("2001:db8::1 decoded as %+v, want IPv6", ips[1])
	}
	if _, ok := ips[2].Cidr(); !ok {
		t.Errorf("10.0.0.0/8 decoded as %+v, want Cidr", ips[2])
	}

	for _, in := range []string{
		` + "`" + `[{"id":"abc"},{"metadata":{"k":"v"}}]` + "`" + `,
		` + "`" + `[{"id":"a1","type":"ACTIVECAMPAIGN","action":"UPSERT_CONTACT","params":{"connection_id":"c1","email":"x@example.com"}},{"id":"a2","type":"AIRTABLE","action":"LIST_RECORDS","params":{"connection_id":"c2","base_id":"b","table_name":"t"}}]` + "`" + `,
	} {
		var out []byte
		var err error
		if strings.Contains(in, "metadata") {
			var filters []management.AculClientFilter
			if err = json.Unmarshal([]byte(in), &filters); err == nil {
				if _, ok := filters[1].ByMetadata(); !ok {
					t.Errorf("a metadata filter decoded as %+v", filters[1])
				}
				out, err = json.Marshal(filters)
			}
		} else {
			var actions []management.FlowAction
			if err = json.Unmarshal([]byte(in), &actions); err == nil {
				crm, _ := actions[0].Activecampaign()
				if _, ok := crm.UpsertContact(); !ok {
					t.Errorf("an UPSERT_CONTACT action decoded as %+v", actions[0])
				}
				table, _ := actions[1].Airtable()
				if _, ok := table.ListRecords(); !ok {
					t.Errorf("a LIST_RECORDS action decoded as %+v", actions[1])
				}
				out, err = json.Marshal(actions)
			}
		}
		if err != nil || string(out) != in {
			t.Errorf("round trip of %s: %s, %v", in, out, err)
		}
	}

	padded := management.UpdateFeatureFlagRequestContent{Name: management.NewOpt(" padded")}
	if err := padded.Validate(); err == nil || !strings.Contains(err.Error(), "does not match pattern") {
		t.Errorf("a name the look-ahead pattern refuses: Validate() = %v", err)
	}
	// ^(.){1,1024}$ counts beyond Go's 1,000.
	blob := management.ClientAddonAzureBlob{BlobName: management.NewOpt(strings.Repeat("b", 1024))}
	if err := blob.Validate(); err != nil {
		t.Errorf("a blob name of 1,024 characters: Validate() = %v", err)
	}
	blob.BlobName = management.NewOpt(strings.Repeat("b", 1025))
	if err := blob.Validate(); err == nil || !strings.Contains(err.Error(), "does not match pattern") {
		t.Errorf("a blob name of 1,025 characters: Validate() = %v", err)
	}
}
`

// routesTest writes a test, for the package generated from a JSON spec,
// that sends each of the spec's operations to NewServer without
// credentials and wants each refused with 401; the path parameters are
// filled with "x1".
func routesTest(t *testing.T, spec string) []byte {
	t.Helper()
	paths := specPaths(t, spec)
	param := regexp.MustCompile(`\{[^}]*\}`)
	var b strings.Builder
	b.WriteString(`package management_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"auth0check/management"
)

var operations = [][2]string{
`)
	for _, path := range slices.Sorted(maps.Keys(paths)) {
		for _, method := range slices.Sorted(maps.Keys(paths[path])) {
			switch method {
			case "get", "put", "post", "delete", "options", "head", "patch", "trace":
				fmt.Fprintf(&b, "\t{%q, %q},\n", strings.ToUpper(method), param.ReplaceAllString(path, "x1"))
			}
		}
	}
	b.WriteString(`}

func TestEveryOperationIsRouted(t *testing.T) {
	srv := httptest.NewServer(management.NewServer(nil))
	defer srv.Close()
	for _, op := range operations {
		req, err := http.NewRequest(op[0], srv.URL+op[1], nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Errorf("%s %s: %v", op[0], op[1], err)
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s %s: status %d, want 401", op[0], op[1], resp.StatusCode)
		}
	}
	t.Logf("%d operations routed", len(operations))
}
`)
	return []byte(b.String())
}

// operationDecl is the declaration of an operation's Operation value in a
// generated server.go.
var operationDecl = regexp.MustCompile(`(?m)^\top[A-Z]\w* = Operation\{`)

// operationsServed counts the operations a generated server.go declares.
func operationsServed(t *testing.T, files []generator.File) int {
	t.Helper()
	for _, f := range files {
		if f.Name == "server.go" {
			return len(operationDecl.FindAll(f.Content, -1))
		}
	}
	t.Fatal("no server.go generated")
	return 0
}

// operationsIn counts the operations of a JSON spec: its paths' methods.
func operationsIn(t *testing.T, spec string) int {
	t.Helper()
	n := 0
	for _, item := range specPaths(t, spec) {
		for method := range item {
			switch method {
			case "get", "put", "post", "delete", "options", "head", "patch", "trace":
				n++
			}
		}
	}
	return n
}

// specPaths reads the paths of a JSON spec: each path's fields by name.
func specPaths(t *testing.T, spec string) map[string]map[string]json.RawMessage {
	t.Helper()
	data, err := os.ReadFile(spec)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Paths
}
