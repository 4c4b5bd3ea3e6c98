package generator_test

import (
	"fmt"
	"testing"
)

// TestScalarCombinations generates a schema for each scalar kind (each
// type and format, enums of each type, consts, type arrays, allOf of
// scalars), plain, nullable in each of OpenAPI's three ways, with a
// default, and with its checks; each is a property (required and
// optional), an array's items, a map's values, and a query, header and
// path parameter, and wants the package to build and vet.
func TestScalarCombinations(t *testing.T) {
	kinds := []map[string]any{
		{"type": "string"},
		{"type": "string", "format": "date-time"},
		{"type": "string", "format": "date"},
		{"type": "string", "format": "uuid"},
		{"type": "string", "format": "uri"},
		{"type": "string", "format": "email"},
		{"type": "string", "format": "byte"},
		{"type": "string", "format": "binary"},
		{"type": "string", "format": "ipv4"},
		{"type": "string", "format": "duration"},
		{"type": "integer"},
		{"type": "integer", "format": "int32"},
		{"type": "integer", "format": "int64"},
		{"type": "number", "format": "float"},
		{"type": "number", "format": "double"},
		{"type": "number"},
		{"type": "boolean"},
		{"type": "string", "enum": []any{"a", "b-c", ""}},
		{"type": "integer", "enum": []any{1, 2, -3}},
		{"type": "number", "enum": []any{1.5, 2}},
		{"type": "boolean", "enum": []any{true}},
		{"enum": []any{"a", 1}},
		{"const": "x"},
		{"const": 7},
		{"const": true},
		{"type": []string{"string", "integer"}},
		{"type": []string{"string", "integer"}, "minLength": 2, "minimum": 0, "format": "int64"},
		{"type": []string{"integer", "number"}, "maximum": 9},
		{"type": []string{"boolean", "string", "number"}, "pattern": "^[a-z]+$"},
		{"type": []string{"array", "string"}, "items": map[string]any{"type": "integer"}, "maxItems": 3},
		{"type": []string{"object", "boolean"}, "properties": map[string]any{"a": map[string]any{"type": "string"}}, "required": []string{"a"}},
		{"type": []string{"boolean", "number", "string", "array", "object"}},
		{"allOf": []any{map[string]any{"type": "string"}, map[string]any{"maxLength": 3}}},
		{"allOf": []any{map[string]any{"type": "integer", "minimum": 1}, map[string]any{"maximum": 9}}},
	}
	checks := map[string]map[string]any{
		"string":  {"minLength": 1, "maxLength": 9, "pattern": "^[a-z0-9-]*$"},
		"integer": {"minimum": 1, "maximum": 100, "multipleOf": 2, "exclusiveMaximum": 99},
		"number":  {"minimum": 0.5, "exclusiveMinimum": 0, "multipleOf": 0.25},
	}
	defaults := map[string]any{"string": "a", "integer": 4, "number": 1.5, "boolean": true}
	schemas := map[string]any{}
	holder := map[string]any{}
	var required []string
	paths := map[string]any{}
	n := 0
	for _, kind := range kinds {
		typ, _ := kind["type"].(string)
		for _, form := range []string{"plain", "nullable30", "nullType", "nullEnum", "default", "checked"} {
			s := map[string]any{}
			for k, v := range kind {
				s[k] = v
			}
			switch form {
			case "nullable30":
				s["nullable"] = true
			case "nullType":
				if typ == "" {
					continue
				}
				s["type"] = []string{typ, "null"}
			case "nullEnum":
				e, ok := s["enum"].([]any)
				if !ok {
					continue
				}
				s["enum"] = append(append([]any{}, e...), nil)
			case "default":
				d, ok := defaults[typ]
				if !ok || s["format"] != nil || s["enum"] != nil {
					continue
				}
				s["default"] = d
			case "checked":
				c, ok := checks[typ]
				if !ok || s["format"] != nil || s["enum"] != nil {
					continue
				}
				for k, v := range c {
					s[k] = v
				}
			}
			n++
			name := fmt.Sprintf("K%d", n)
			schemas[name] = s
			ref := map[string]any{"$ref": "#/components/schemas/" + name}
			holder["r"+name] = ref
			holder["o"+name] = s
			holder["a"+name] = map[string]any{"type": "array", "items": ref, "uniqueItems": n%2 == 0}
			holder["m"+name] = map[string]any{"type": "object", "additionalProperties": s}
			required = append(required, "r"+name)
			if s["format"] == "binary" {
				continue // not text: no parameter
			}
			paths["/k/"+name+"/{id}"] = map[string]any{"get": map[string]any{
				"operationId": "get" + name,
				"parameters": []any{
					map[string]any{"name": "id", "in": "path", "required": true, "schema": ref},
					map[string]any{"name": "q", "in": "query", "schema": ref},
					map[string]any{"name": "qs", "in": "query", "schema": map[string]any{"type": "array", "items": ref}},
					map[string]any{"name": "X-H", "in": "header", "required": true, "schema": ref},
					map[string]any{"name": "c", "in": "cookie", "schema": ref},
				},
				"responses": map[string]any{"200": map[string]any{
					"description": "ok",
					"headers":     map[string]any{"X-R": map[string]any{"schema": ref}},
					"content":     map[string]any{"application/json": map[string]any{"schema": ref}},
				}},
			}}
		}
	}
	spec := holderSpec("Scalars", schemas, holder, required, paths)
	res := vetSpec(t, "scalars", spec)
	t.Logf("%d scalar schemas, %d warnings", n, len(res.Warnings))
}
