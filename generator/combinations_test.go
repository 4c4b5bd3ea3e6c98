package generator_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/oasgen/oasgen/generator"
	"github.com/oasgen/oasgen/templates"
)

// TestObjectKeywordCombinations generates an object schema for each
// combination of the keywords that shape its undeclared properties
// (propertyNames, additionalProperties, patternProperties, properties and
// dependentRequired), each in its ordinary and its odd forms, as JSON and,
// for some, as a form body and as parameters, and wants the package to
// build and vet. Golden cases cover each keyword's
// behaviour; their combinations once declared loop variables and paths
// that no check used, which does not compile, and only a build finds that.
func TestObjectKeywordCombinations(t *testing.T) {
	names := []any{nil, true, map[string]any{"maxLength": 3}, map[string]any{"format": "uuid"}, map[string]any{"format": "unchecked"}, map[string]any{"enum": []string{"a"}}}
	extras := []any{nil, true, false, map[string]any{"type": "integer"}, map[string]any{}}
	patterns := []any{nil, map[string]any{}, map[string]any{"^x-": map[string]any{}}, map[string]any{"^x-": map[string]any{"type": "string"}, "^y": map[string]any{}}, map[string]any{`(a)\1`: map[string]any{}}}
	props := []any{nil, map[string]any{}, map[string]any{"a": map[string]any{"type": "string"}}}
	deps := []any{nil, map[string]any{"a": []string{"b"}}}

	schemas := map[string]any{}
	holder := map[string]any{}
	paths := map[string]any{}
	n := 0
	for _, nm := range names {
		for _, ap := range extras {
			for _, pp := range patterns {
				for _, pr := range props {
					for _, dr := range deps {
						s := map[string]any{"type": "object"}
						for key, v := range map[string]any{"propertyNames": nm, "additionalProperties": ap, "patternProperties": pp, "properties": pr, "dependentRequired": dr} {
							if v != nil {
								s[key] = v
							}
						}
						n++
						name := fmt.Sprintf("S%d", n)
						schemas[name] = s
						ref := map[string]any{"$ref": "#/components/schemas/" + name}
						if n%3 == 0 {
							holder["p"+name] = s // inline too, as a property's own schema
						} else {
							holder["p"+name] = ref
						}
						if n%10 == 0 {
							// A form body, and parameters in the query,
							// a header and the path, of some: all are
							// read from text.
							paths["/forms/"+name+"/{id}"] = map[string]any{"post": map[string]any{
								"operationId": "form" + name,
								"parameters": []any{
									map[string]any{"name": "q", "in": "query", "style": "deepObject", "schema": ref},
									map[string]any{"name": "r", "in": "query", "schema": ref}, // form, exploded: its keys are query keys
									map[string]any{"name": "X-H", "in": "header", "schema": ref},
									map[string]any{"name": "id", "in": "path", "required": true, "schema": ref},
								},
								"requestBody": map[string]any{"content": map[string]any{"application/x-www-form-urlencoded": map[string]any{"schema": ref}}},
								"responses":   map[string]any{"204": map[string]any{"description": "ok"}},
							}}
						}
					}
				}
			}
		}
	}
	spec := holderSpec("Combinations", schemas, holder, nil, paths)
	res := vetSpec(t, "combinations", spec)
	t.Logf("%d object schemas, %d warnings", n, len(res.Warnings))
}

// TestParamCombinations generates an operation for each parameter that
// a schema of each kind (scalars with and without checks, a nullable
// string, arrays of scalars and of objects, structs open, closed and
// empty, maps, a union) makes in each place and style it can take, with
// and without explode, required and optional, and wants the package to
// build and vet: the client's checks and the server's parsing of each
// once declared paths that nothing used (an object path argument whose
// fields are always sent).
func TestParamCombinations(t *testing.T) {
	str := map[string]any{"type": "string"}
	kinds := []map[string]any{
		str,
		{"type": "string", "pattern": "^a", "maxLength": 5},
		{"type": "integer", "minimum": 1},
		{"type": "number"},
		{"type": "boolean"},
		{"type": "string", "enum": []string{"a", "b"}},
		{"type": "string", "format": "date-time"},
		{"type": []string{"string", "null"}},
		{"type": "array", "items": str},
		{"type": "array", "items": map[string]any{"type": "integer"}, "minItems": 1},
		{"type": "array", "items": map[string]any{"type": "object", "properties": map[string]any{"a": str}}},
		{"type": "object", "properties": map[string]any{"a": str}},
		{"type": "object", "properties": map[string]any{"a": map[string]any{"type": "integer"}}, "required": []string{"a"}},
		{"type": "object", "additionalProperties": false, "properties": map[string]any{"a": str}},
		{"type": "object", "additionalProperties": false},
		{"type": "object", "additionalProperties": str},
		{"type": "object", "additionalProperties": map[string]any{"type": "integer"}},
		{"oneOf": []any{str, map[string]any{"type": "integer"}}},
	}
	type style struct {
		name    string
		explode bool
	}
	styles := map[string][]style{
		"path":   {{"simple", false}, {"simple", true}, {"label", false}, {"label", true}, {"matrix", false}, {"matrix", true}},
		"query":  {{"form", true}, {"form", false}, {"spaceDelimited", false}, {"pipeDelimited", false}, {"deepObject", true}},
		"header": {{"simple", false}, {"simple", true}},
		"cookie": {{"form", true}, {"form", false}},
	}
	paths := map[string]any{}
	n := 0
	for _, schema := range kinds {
		for _, in := range []string{"path", "query", "header", "cookie"} {
			for _, st := range styles[in] {
				for _, required := range []bool{true, false} {
					if in == "path" && !required {
						continue
					}
					n++
					name, path := fmt.Sprintf("p%d", n), fmt.Sprintf("/ops/%d", n)
					if in == "path" {
						path += "/{" + name + "}"
					}
					if in == "header" {
						name = fmt.Sprintf("X-P%d", n)
					}
					param := map[string]any{"name": name, "in": in, "required": required, "style": st.name, "explode": st.explode, "schema": schema}
					paths[path] = map[string]any{"get": map[string]any{
						"operationId": fmt.Sprintf("op%d", n),
						"parameters":  []any{param},
						"responses":   map[string]any{"204": map[string]any{"description": "ok"}},
					}}
				}
			}
		}
	}
	spec := map[string]any{"openapi": "3.1.0", "info": map[string]any{"title": "Parameters", "version": "1"}, "paths": paths}
	res := vetSpec(t, "parameters", spec)
	t.Logf("%d operations, %d warnings", n, len(res.Warnings))
}

// TestBodyCombinations generates, for a schema of each kind (scalars,
// bytes, arrays, structs open, closed and empty, a map, patterns, a
// multipart-like struct, unions, any value, null), a request body under
// each media type, required and optional, and an answer with headers
// under each status kind, and wants the package to build and vet.
func TestBodyCombinations(t *testing.T) {
	str := map[string]any{"type": "string"}
	kinds := []map[string]any{
		str, {"type": "integer"}, {"type": "boolean"}, {"type": []string{"string", "null"}},
		{"type": "string", "format": "binary"}, {"type": "string", "format": "byte"},
		{"type": "array", "items": str}, {"type": "array", "items": map[string]any{"type": "object", "properties": map[string]any{"a": str}}},
		{"type": "object", "properties": map[string]any{"a": str}},
		{"type": "object", "properties": map[string]any{"a": map[string]any{"type": "integer"}}, "required": []string{"a"}},
		{"type": "object", "additionalProperties": false},
		{"type": "object", "additionalProperties": false, "properties": map[string]any{"a": str}},
		{"type": "object", "additionalProperties": str},
		{"type": "object", "patternProperties": map[string]any{"^x": str}},
		{"type": "object", "properties": map[string]any{"f": map[string]any{"type": "string", "format": "binary"}, "n": map[string]any{"type": "integer"}}},
		{"oneOf": []any{str, map[string]any{"type": "integer"}}},
		{"oneOf": []any{
			map[string]any{"type": "object", "properties": map[string]any{"a": str}, "required": []string{"a"}},
			map[string]any{"type": "object", "properties": map[string]any{"b": str}, "required": []string{"b"}},
		}},
		{}, {"type": "null"},
	}
	media := []string{"application/json", "application/x-www-form-urlencoded", "multipart/form-data", "application/octet-stream", "text/plain", "application/xml", "*/*"}
	headers := map[string]any{
		"X-Rate": map[string]any{"schema": map[string]any{"type": "integer"}},
		"X-Obj":  map[string]any{"schema": map[string]any{"type": "object", "properties": map[string]any{"a": str}}},
	}
	paths := map[string]any{}
	n := 0
	for _, schema := range kinds {
		for _, m := range media {
			content := map[string]any{m: map[string]any{"schema": schema}}
			for _, required := range []bool{true, false} {
				n++
				paths[fmt.Sprintf("/bodies/%d", n)] = map[string]any{"post": map[string]any{
					"operationId": fmt.Sprintf("body%d", n),
					"requestBody": map[string]any{"required": required, "content": content},
					"responses":   map[string]any{"204": map[string]any{"description": "ok"}},
				}}
			}
			for _, status := range []string{"200", "201", "default"} {
				n++
				paths[fmt.Sprintf("/answers/%d", n)] = map[string]any{"get": map[string]any{
					"operationId": fmt.Sprintf("answer%d", n),
					"responses":   map[string]any{status: map[string]any{"description": "it", "headers": headers, "content": content}},
				}}
			}
		}
	}
	spec := map[string]any{"openapi": "3.1.0", "info": map[string]any{"title": "Bodies", "version": "1"}, "paths": paths}
	res := vetSpec(t, "bodies", spec)
	t.Logf("%d operations, %d warnings", n, len(res.Warnings))
}

// holderSpec is a spec of the given schemas and paths, with one more
// schema, Holder, an object of the given properties (those in required
// required), and one more operation that takes a Holder and answers one:
// each combination test makes a schema of each combination, and the
// Holder makes every one of them reachable from an operation.
func holderSpec(title string, schemas, holder map[string]any, required []string, paths map[string]any) map[string]any {
	h := map[string]any{"type": "object", "properties": holder}
	if len(required) > 0 {
		h["required"] = required
	}
	schemas["Holder"] = h
	ref := map[string]any{"$ref": "#/components/schemas/Holder"}
	paths["/holders"] = map[string]any{"post": map[string]any{
		"operationId": "createHolder",
		"requestBody": map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": ref}}},
		"responses":   map[string]any{"200": map[string]any{"description": "ok", "content": map[string]any{"application/json": map[string]any{"schema": ref}}}},
	}}
	return map[string]any{
		"openapi":    "3.1.0",
		"info":       map[string]any{"title": title, "version": "1"},
		"paths":      paths,
		"components": map[string]any{"schemas": schemas},
	}
}

// vetSpec generates the package of spec, written out as JSON, and wants
// it to build and vet in a module of that name; it skips the test in
// -short mode, which builds no package.
func vetSpec(t *testing.T, module string, spec map[string]any) *generator.Result {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a generated package; skipped in -short mode")
	}
	data, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), module+".json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := generator.Generate(generator.Config{Spec: path, Package: "management"})
	if err != nil {
		t.Fatal(err)
	}
	vetModule(t, module, res.Files)
	return res
}

// TestNameCombinations names schemas, properties, operations, tags,
// parameters and security schemes after Go's keywords and builtins, the
// generated code's own variables and methods, every identifier of the
// runtime, and names Go cannot spell, and wants the package to build and
// vet. An operation named like a method whose signature go vet knows
// (MarshalJSON, ReadByte, GobEncode) once made a method that did not vet.
func TestNameCombinations(t *testing.T) {
	names := []string{
		"type", "func", "package", "import", "var", "map", "chan", "go", "range", "return",
		"string", "int64", "error", "len", "nil", "true", "iota", "any", "new", "make", "append", "panic", "min", "clear",
		"ctx", "c", "p", "v", "w", "r", "d", "k", "x", "fp", "kp", "np", "ok", "err", "params", "body", "result", "resp",
		"headers", "query", "op", "operation", "values", "text", "items", "item", "matched", "before",
		"Validate", "validate", "MarshalJSON", "UnmarshalJSON", "encodeJSON", "decodeJSON", "IsZero", "Get", "Or",
		"Set", "Value", "Null", "found", "String", "AdditionalProperties", "IsKnown", "Unknown", "Is", "As", "Unwrap",
		"ReadByte", "GobEncode", "_", "123abc", "ä", "x-y", "ID", "id", "URL", "url",
	}
	for _, id := range templates.Identifiers() {
		if !slices.Contains(names, id) {
			names = append(names, id)
		}
	}
	header := regexp.MustCompile(`[^A-Za-z0-9-]`)
	component := regexp.MustCompile(`^[A-Za-z0-9._-]+$`) // what OpenAPI allows as a component's name
	str := map[string]any{"type": "string"}
	props := map[string]any{}
	schemas := map[string]any{}
	schemes := map[string]any{}
	paths := map[string]any{}
	for i, name := range names {
		props[name] = str
		if component.MatchString(name) {
			schemas[name] = map[string]any{"type": "object", "properties": map[string]any{"f": str}}
			schemes[name] = map[string]any{"type": "apiKey", "in": "header", "name": "X-Key"}
		}
		paths[fmt.Sprintf("/p/%d/{id}", i)] = map[string]any{"get": map[string]any{
			"operationId": name,
			"tags":        []string{name},
			"security":    []any{map[string]any{"Error": []string{}}},
			"parameters": []any{
				map[string]any{"name": "id", "in": "path", "required": true, "schema": str},
				map[string]any{"name": name, "in": "query", "schema": str},
				map[string]any{"name": "X-H" + header.ReplaceAllString(name, ""), "in": "header", "schema": map[string]any{"type": "integer"}},
			},
			"responses": map[string]any{"200": map[string]any{"description": "it", "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Everything"}}}}},
		}}
	}
	schemas["Everything"] = map[string]any{"type": "object", "properties": props, "required": names[:40]}
	schemas["Union"] = map[string]any{"oneOf": []any{
		map[string]any{"$ref": "#/components/schemas/Is"}, map[string]any{"$ref": "#/components/schemas/Unwrap"}, map[string]any{"$ref": "#/components/schemas/MarshalJSON"},
	}}
	spec := map[string]any{
		"openapi":    "3.1.0",
		"info":       map[string]any{"title": "Names", "version": "1"},
		"paths":      paths,
		"components": map[string]any{"schemas": schemas, "securitySchemes": schemes},
	}
	res := vetSpec(t, "names", spec)
	t.Logf("%d names, %d warnings", len(names), len(res.Warnings))
}
