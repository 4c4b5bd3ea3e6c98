package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/generator"
)

// TestSameRouteRefusesOnlyAServer: two paths that are one route with the
// same method (27 directory specs have them) cannot be served, but they
// can be called, so a client-only generation goes ahead.
func TestSameRouteRefusesOnlyAServer(t *testing.T) {
	spec := filepath.Join(t.TempDir(), "spec.yaml")
	if err := os.WriteFile(spec, []byte(`openapi: 3.0.3
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
`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := generator.Generate(generator.Config{Spec: spec, Package: "x"})
	if err == nil || !strings.Contains(err.Error(), `spec.yaml:8:3: paths "/a/{x}" and "/a/{y}" are one route`) || !strings.Contains(err.Error(), "-generate types,client") {
		t.Errorf("with a server: %v; want the route refused at the later path, with the way out", err)
	}
	res, err := generator.Generate(generator.Config{Spec: spec, Package: "x", Generate: []string{"types", "client"}})
	if err != nil {
		t.Fatalf("client only: %v", err)
	}
	var client string
	for _, f := range res.Files {
		if f.Name == "client.go" {
			client = string(f.Content)
		}
	}
	if !strings.Contains(client, "func (s *Client) GetAX(") || !strings.Contains(client, "func (s *Client) GetAY(") {
		t.Errorf("client only: want a method for each path in client.go:\n%s", client)
	}
}
