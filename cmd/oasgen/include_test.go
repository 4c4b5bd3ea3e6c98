package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// includeCLISpec tags its operations: pets (which use Pet) and admin
// (which uses Audit).
const includeCLISpec = `openapi: 3.1.0
info: {title: Pets, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      tags: [pets]
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}
  /audit:
    get:
      operationId: readAudit
      tags: [admin]
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/Audit'}}}
components:
  schemas:
    Pet: {type: object, properties: {name: {type: string}}}
    Audit: {type: object, properties: {entries: {type: array, items: {type: string}}}}
`

// -include-tags, -include-operations and the config's include generate
// the operations they select and the schemas those use, and nothing else.
func TestInclude(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "spec.yaml")
	if err := os.WriteFile(spec, []byte(includeCLISpec), 0o644); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, "oasgen.yaml")
	if err := os.WriteFile(config, []byte("spec: spec.yaml\nout: fromconfig\ninclude:\n  operations: [readAudit]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		args       []string
		out        string
		has, lacks []string
	}{
		{"by tag", []string{"-spec", spec, "-out", filepath.Join(dir, "pets"), "-include-tags", "pets"}, "pets",
			[]string{"type Pet struct", "ListPets(", "operations tagged pets, with"}, []string{"type Audit struct", "ReadAudit("}},
		{"by operationId", []string{"-spec", spec, "-out", filepath.Join(dir, "audit"), "-include-operations", " readAudit ,"}, "audit",
			[]string{"type Audit struct", "ReadAudit(", "operations readAudit, with"}, []string{"type Pet struct", "ListPets("}},
		{"from the config", []string{"-config", config}, "fromconfig",
			[]string{"type Audit struct", "ReadAudit("}, []string{"type Pet struct", "ListPets("}},
		{"the flag over the config", []string{"-config", config, "-include-operations", "listPets"}, "fromconfig",
			[]string{"type Pet struct", "ListPets("}, []string{"type Audit struct", "ReadAudit("}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runOK(t, tc.args...)
			var all strings.Builder
			for _, f := range []string{"doc.go", "types.go", "client.go", "server.go"} {
				b, err := os.ReadFile(filepath.Join(dir, tc.out, f))
				if err != nil {
					t.Fatal(err)
				}
				all.Write(b)
			}
			for _, s := range tc.has {
				if !strings.Contains(all.String(), s) {
					t.Errorf("the package lacks %q", s)
				}
			}
			for _, s := range tc.lacks {
				if strings.Contains(all.String(), s) {
					t.Errorf("the package has %q, which the selection leaves out", s)
				}
			}
		})
	}

	out := filepath.Join(dir, "typo")
	r := runArgs(t, "-spec", spec, "-out", out, "-include-tags", "pet")
	if r.code != 2 || !strings.Contains(r.stderr, `oasgen: include: no operation has the tag "pet"; the spec's tags are "admin", "pets"`) {
		t.Errorf("a tag no operation has: exit %d, stderr %s", r.code, r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s was written", out)
	}
}
