package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/generator"
)

// TestSameRouteWarnsOnlyWithAServer: two paths that are one route with the
// same method (27 directory specs have them) cannot both be served, but
// they can be called. With a server, the later path's operation is left
// out of it with a warning (so -strict refuses the spec); without one,
// nothing is left out and nothing is said. The golden case same-route
// runs such a client against such a server.
func TestSameRouteWarnsOnlyWithAServer(t *testing.T) {
	spec := writeSpec(t, `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a/{x}:
    get:
      parameters: [{name: x, in: path, required: true, schema: {type: string}}]
      responses: {"204": {description: ok}}
  /a/{y}:
    get:
      parameters: [{name: y, in: path, required: true, schema: {type: string}}]
      responses: {"204": {description: ok}}
`)
	file := func(res *generator.Result, name string) string {
		for _, f := range res.Files {
			if f.Name == name {
				return string(f.Content)
			}
		}
		return ""
	}
	res, err := generator.Generate(generator.Config{Spec: spec, Package: "x"})
	if err != nil {
		t.Fatalf("with a server: %v", err)
	}
	want := `spec.yaml:9:5: operation GET /a/{y}: the server leaves it out (the client calls it): path "/a/{y}" is one route with "/a/{x}"`
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Error(), want) {
		t.Errorf("with a server: warnings %v; want one, %s…", res.Warnings, want)
	}
	if server := file(res, "server.go"); !strings.Contains(server, "func (s *server) serveGetAX(") || strings.Contains(server, "GetAY") {
		t.Errorf("with a server: want GetAX served and GetAY absent in server.go:\n%s", server)
	}
	res, err = generator.Generate(generator.Config{Spec: spec, Package: "x", Generate: []string{"types", "client"}})
	if err != nil {
		t.Fatalf("client only: %v", err)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("client only: warnings %v; want none", res.Warnings)
	}
	for _, generate := range [][]string{nil, {"types", "client"}} {
		res, err := generator.Generate(generator.Config{Spec: spec, Package: "x", Generate: generate})
		if err != nil {
			t.Fatal(err)
		}
		if client := file(res, "client.go"); !strings.Contains(client, "func (s *Client) GetAX(") || !strings.Contains(client, "func (s *Client) GetAY(") {
			t.Errorf("generate %v: want a client method for each path in client.go:\n%s", generate, client)
		}
	}
}

// TestSameRouteIncluded: when the selection leaves out the earlier path's
// operation, the later one has the route to itself and is served.
func TestSameRouteIncluded(t *testing.T) {
	spec := writeSpec(t, `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a/{x}:
    get:
      operationId: getByX
      parameters: [{name: x, in: path, required: true, schema: {type: string}}]
      responses: {"204": {description: ok}}
  /a/{y}:
    get:
      operationId: getByY
      parameters: [{name: y, in: path, required: true, schema: {type: string}}]
      responses: {"204": {description: ok}}
`)
	for _, tc := range []struct {
		include  []string
		warnings int
		served   string
	}{
		{[]string{"getByY"}, 0, "serveGetByY("},
		{[]string{"getByX", "getByY"}, 1, "serveGetByX("},
	} {
		res, err := generator.Generate(generator.Config{Spec: spec, Package: "x", IncludeOperations: tc.include})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Warnings) != tc.warnings {
			t.Errorf("include %v: warnings %v; want %d", tc.include, res.Warnings, tc.warnings)
		}
		for _, f := range res.Files {
			if f.Name == "server.go" && !strings.Contains(string(f.Content), tc.served) {
				t.Errorf("include %v: server.go lacks %s", tc.include, tc.served)
			}
		}
	}
}

// writeSpec writes text as spec.yaml in a new folder and returns its path.
func writeSpec(t *testing.T, text string) string {
	t.Helper()
	spec := filepath.Join(t.TempDir(), "spec.yaml")
	if err := os.WriteFile(spec, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return spec
}
