package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/generator/config"
	"github.com/oasgen/oasgen/generator/load"
)

func TestParseExample(t *testing.T) {
	f, err := config.Parse(filepath.Join("repo", "oasgen.yaml"), []byte(config.Example))
	if err != nil {
		t.Fatal(err)
	}
	if f.Spec != filepath.Join("repo", "api", "openapi.yaml") || f.Out != filepath.Join("repo", "internal", "api") {
		t.Errorf("paths not resolved against the config's folder: spec %s, out %s", f.Spec, f.Out)
	}
	if f.Package != "api" || f.Check || len(f.Generate) != 2 || f.Generate[0] != "types" || f.Generate[1] != "client" {
		t.Errorf("got %+v", f)
	}
	if f.TypeNames["ClientGrantResponseContent"] != "Grant" || f.MethodNames["get_client-grants"] != "ListGrants" {
		t.Errorf("names: %v %v", f.TypeNames, f.MethodNames)
	}
	if len(f.IncludeTags) != 1 || f.IncludeTags[0] != "client-grants" || len(f.IncludeOperations) != 1 || f.IncludeOperations[0] != "get_clients" {
		t.Errorf("include: tags %q, operations %q", f.IncludeTags, f.IncludeOperations)
	}
}

func TestParseJSON(t *testing.T) {
	f, err := config.Parse("c.json", []byte(`{"spec": "/abs/api.json", "out": "gen", "check": true}`))
	if err != nil {
		t.Fatal(err)
	}
	if f.Spec != "/abs/api.json" || f.Out != "gen" || !f.Check {
		t.Errorf("got %+v", f)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      string
	}{
		{"unknown key", "spec: a.yaml\nout: x\nouput: y\n", `c.yaml:3:1: unknown key "ouput"; known keys: spec, out, package, generate, check, names, include`},
		{"unknown include key", "spec: a\nout: b\ninclude:\n  paths: [/x]\n", `c.yaml:4:3: unknown key "paths" in include; known keys: tags, operations`},
		{"include tags not a list", "spec: a\nout: b\ninclude:\n  tags: users\n", `c.yaml:4:9: include.tags must be a list, such as [a, b]`},
		{"include empty operation", "spec: a\nout: b\ninclude:\n  operations: [x, \"\"]\n", `c.yaml:4:19: include.operations lists strings; this item is not one`},
		{"unknown names key", "spec: a\nout: b\nnames:\n  schemas: {}\n", `c.yaml:4:3: unknown key "schemas" in names; known keys: types, operations`},
		{"bad generate", "spec: a\nout: b\ngenerate: [types, docs]\n", `c.yaml:3:19: cannot generate "docs"; choose from types, client, server`},
		{"generate not a list", "spec: a\nout: b\ngenerate: types\n", `c.yaml:3:11: generate must be a list, such as [types, client]`},
		{"check not bool", "spec: a\nout: b\ncheck: yes please\n", `c.yaml:3:8: expected true or false, not "yes please"`},
		{"missing spec", "out: b\n", `c.yaml:1:1: spec is required: the OpenAPI document to read`},
		{"missing out", "spec: a\n", `c.yaml:1:1: out is required: the directory to write the package to`},
		{"duplicate key", "spec: a\nspec: b\nout: c\n", `c.yaml:2:1: key "spec" appears twice`},
		{"not a mapping", "- a\n- b\n", `c.yaml:1:1: the config must be a mapping of keys to values`},
		{"spec not a string", "spec: [a]\nout: b\n", `c.yaml:1:7: expected a string`},
		{"invalid yaml", "spec: [a\n", `c.yaml: invalid config:`},
		{"empty", "", `c.yaml: the config file is empty; it needs at least spec and out`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := config.Parse("c.yaml", []byte(tc.src))
			var le *load.Error
			if !errors.As(err, &le) {
				t.Fatalf("error %v (%T), want *load.Error", err, err)
			}
			if got := err.Error(); len(got) < len(tc.want) || got[:len(tc.want)] != tc.want {
				t.Errorf("error = %q, want it to start with %q", got, tc.want)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := config.Load(filepath.Join(t.TempDir(), "nope.yaml"))
	if err == nil || !strings.HasSuffix(err.Error(), "nope.yaml: cannot read config: no such file or directory") {
		t.Fatalf("error = %v", err)
	}
	path := filepath.Join(t.TempDir(), "oasgen.yaml")
	os.WriteFile(path, []byte("spec: s.yaml\nout: o\n"), 0o644)
	f, err := config.Load(path)
	if err != nil || f.Spec != filepath.Join(filepath.Dir(path), "s.yaml") {
		t.Fatalf("Load = %+v, %v", f, err)
	}
}

// TestReadmeShowsExample keeps the README's config reference in step with
// the example that TestParseExample checks.
func TestReadmeShowsExample(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Skip("README.md not found next to the module")
	}
	body := strings.SplitN(config.Example, "\n", 2)[1] // after the "# oasgen.yaml" line
	if !strings.Contains(string(readme), body) {
		t.Errorf("README.md does not show the config example as config.Example has it:\n%s", body)
	}
}
