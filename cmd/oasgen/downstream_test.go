package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The downstream scenario: a user's module depends on oasgen (here through
// a replace directive to this checkout), keeps a spec and a go:generate
// line, generates, builds and vets; then the spec changes and the drift
// check reports the diff and whether the change breaks callers.

const downstreamSpec = `openapi: 3.1.0
info: {title: Pets, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - {name: limit, in: query, schema: {type: integer, minimum: 1}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
  /pets/{id}:
    delete:
      operationId: deletePet
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "204": {description: gone}
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: {type: string}
`

func TestDownstreamRepository(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module with the go command; skipped in -short mode")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	app := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		path := filepath.Join(app, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/app\n\ngo 1.26\n\nrequire github.com/oasgen/oasgen v0.0.0\n\nreplace github.com/oasgen/oasgen => "+root+"\n")
	write("go.sum", string(sum))
	write("api/openapi.yaml", downstreamSpec)
	write("internal/api/oasgen.yaml", "spec: ../../api/openapi.yaml\nout: .\npackage: api\n")
	write("internal/api/generate.go", "package api\n\n//go:generate go run github.com/oasgen/oasgen/cmd/oasgen -config oasgen.yaml\n")
	write("main.go", `package main

import (
	"context"
	"fmt"

	"example.com/app/internal/api"
)

func main() {
	c, err := api.NewClient("http://127.0.0.1:1")
	if err != nil {
		panic(err)
	}
	_, err = c.ListPets(context.Background(), api.ListPetsParams{Limit: api.NewOpt[int64](0)})
	fmt.Println(err)
}
`)
	run := func(name string, args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = app
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		code := 0
		if exitErr, ok := err.(*exec.ExitError); ok {
			code = exitErr.ExitCode()
		} else if err != nil {
			t.Fatalf("%s %v: %v", name, args, err)
		}
		return string(out), code
	}
	mustRun := func(name string, args ...string) string {
		t.Helper()
		out, code := run(name, args...)
		if code != 0 {
			t.Fatalf("%s %s: exit %d\n%s", name, strings.Join(args, " "), code, out)
		}
		return out
	}
	mustRun("go", "generate", "./...")
	for _, f := range []string{"client.go", "types.go", "transport.go"} {
		if _, err := os.Stat(filepath.Join(app, "internal/api", f)); err != nil {
			t.Fatalf("go generate did not write internal/api/%s: %v", f, err)
		}
	}
	mustRun("go", "build", "./...")
	mustRun("go", "vet", "./...")
	if out := mustRun("go", "run", "."); !strings.Contains(out, "listPets: invalid request: limit: value 0 is less than minimum 1") {
		t.Errorf("the generated client in the user's program: %s", out)
	}
	bin := filepath.Join(app, "oasgen-bin")
	mustRun("go", "build", "-o", bin, "github.com/oasgen/oasgen/cmd/oasgen")
	if out, code := run(bin, "-config", "internal/api/oasgen.yaml", "-check"); code != 0 {
		t.Fatalf("-check right after go generate: exit %d\n%s", code, out)
	}

	for _, tc := range []struct {
		name     string
		edit     func(string) string
		diff     []string // lines the diff must show
		verdict  string
		breaking []string // names the report must list
	}{
		{
			name: "optional field added",
			edit: func(s string) string {
				return strings.Replace(s, "        name: {type: string}\n", "        name: {type: string}\n        tag: {type: string}\n", 1)
			},
			diff:    []string{"+\tTag  Opt[string] `json:\"tag,omitzero\"`"},
			verdict: "verdict: compatible (1 addition)",
		},
		{
			name: "operation removed",
			edit: func(s string) string {
				i := strings.Index(s, "  /pets/{id}:")
				j := strings.Index(s, "components:")
				return s[:i] + s[j:]
			},
			diff:     []string{"-func (s *Client) DeletePet(ctx context.Context, id string) error {"},
			verdict:  "verdict: breaking",
			breaking: []string{"- removed func (*Client) DeletePet"},
		},
		{
			name: "required parameter added",
			edit: func(s string) string {
				return strings.Replace(s, "        - {name: limit, in: query, schema: {type: integer, minimum: 1}}\n",
					"        - {name: limit, in: query, schema: {type: integer, minimum: 1}}\n        - {name: owner, in: query, required: true, schema: {type: string}}\n", 1)
			},
			diff:     []string{"+\tOwner string `param:\"owner,query,required\"`"},
			verdict:  "verdict: breaking",
			breaking: []string{"+ added field ListPetsParams.Owner string"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			write("api/openapi.yaml", tc.edit(downstreamSpec))
			defer write("api/openapi.yaml", downstreamSpec)
			out, code := run(bin, "-config", "internal/api/oasgen.yaml", "-check")
			if code != 1 {
				t.Fatalf("-check after the edit: exit %d, want 1\n%s", code, out)
			}
			for _, want := range append(append(tc.diff, tc.verdict, "--- "), tc.breaking...) {
				if !strings.Contains(out, want) {
					t.Errorf("-check output lacks %q:\n%s", want, out)
				}
			}
		})
	}
	if out, code := run(bin, "-config", "internal/api/oasgen.yaml", "-check"); code != 0 {
		t.Fatalf("-check with the spec restored: exit %d\n%s", code, out)
	}
}
