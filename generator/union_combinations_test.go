package generator_test

import (
	"fmt"
	"testing"
)

// TestUnionCombinations generates a oneOf and an anyOf of each pair of
// variant kinds (scalars, formats, null, arrays, maps, structs inline and
// by $ref, enums, consts, any value, nested unions), alone, with
// properties of their own beside them and inside an allOf, and of
// structs with each form of discriminator; each is a property, an array's
// items and a map's values, and some are bodies and parameters too. It
// wants the package to build and vet.
func TestUnionCombinations(t *testing.T) {
	str := map[string]any{"type": "string"}
	ref := func(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }
	kinds := []any{
		str,
		map[string]any{"type": "integer", "minimum": 1},
		map[string]any{"type": "number"},
		map[string]any{"type": "boolean"},
		map[string]any{"type": "null"},
		map[string]any{"type": "string", "format": "date-time"},
		map[string]any{"type": "string", "format": "byte"},
		map[string]any{"type": "string", "enum": []string{"a", "b"}},
		map[string]any{"const": "c"},
		map[string]any{"type": "array", "items": str},
		map[string]any{"type": "array", "items": map[string]any{"type": "object", "properties": map[string]any{"a": str}}},
		map[string]any{"type": "object", "additionalProperties": map[string]any{"type": "integer"}},
		map[string]any{"type": "object", "properties": map[string]any{"a": str}, "required": []string{"a"}},
		map[string]any{"type": "object", "additionalProperties": false},
		ref("Cat"),
		ref("Dog"),
		ref("Scalar"),
		map[string]any{},
		map[string]any{"oneOf": []any{str, map[string]any{"type": "integer"}}},
		map[string]any{"type": []string{"string", "null"}},
	}
	pet := func(kind string, props map[string]any) map[string]any {
		all := map[string]any{"kind": map[string]any{"type": "string"}}
		for k, v := range props {
			all[k] = v
		}
		return map[string]any{"type": "object", "properties": all, "required": []string{"kind"}}
	}
	schemas := map[string]any{
		"Cat":    pet("cat", map[string]any{"claws": map[string]any{"type": "integer"}}),
		"Dog":    pet("dog", map[string]any{"bark": str}),
		"Bird":   pet("bird", map[string]any{"wings": map[string]any{"type": "array", "items": str}}),
		"Scalar": map[string]any{"type": "string", "maxLength": 4},
	}
	holder := map[string]any{}
	paths := map[string]any{}
	n := 0
	add := func(s map[string]any) {
		n++
		name := fmt.Sprintf("U%d", n)
		schemas[name] = s
		holder["p"+name] = ref(name)
		holder["a"+name] = map[string]any{"type": "array", "items": ref(name)}
		holder["m"+name] = map[string]any{"type": "object", "additionalProperties": ref(name)}
		if n%3 == 0 {
			holder["i"+name] = s // inline too
		}
		if n%7 == 0 {
			paths["/unions/"+name] = map[string]any{"post": map[string]any{
				"operationId": "send" + name,
				"parameters": []any{
					map[string]any{"name": "q", "in": "query", "schema": ref(name)},
					map[string]any{"name": "X-H", "in": "header", "schema": ref(name)},
				},
				"requestBody": map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": ref(name)}}},
				"responses":   map[string]any{"200": map[string]any{"description": "ok", "content": map[string]any{"application/json": map[string]any{"schema": ref(name)}}}},
			}}
		}
	}
	for i := range kinds {
		for j := i; j < len(kinds); j++ {
			for _, combiner := range []string{"oneOf", "anyOf"} {
				variants := []any{kinds[i], kinds[j]}
				add(map[string]any{combiner: variants})
				if (i+j)%4 == 0 {
					add(map[string]any{combiner: variants, "properties": map[string]any{"extra": str}})
					add(map[string]any{"allOf": []any{map[string]any{combiner: variants}, map[string]any{"description": "wrapped"}}})
					add(map[string]any{combiner: variants, "nullable": true, "default": nil})
				}
			}
		}
	}
	pets := []any{ref("Cat"), ref("Dog"), ref("Bird")}
	mapping := map[string]any{"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog", "bird": "#/components/schemas/Bird"}
	partial := map[string]any{"kitty": "#/components/schemas/Cat"}
	for _, combiner := range []string{"oneOf", "anyOf"} {
		for _, disc := range []any{
			nil,
			map[string]any{"propertyName": "kind"},
			map[string]any{"propertyName": "kind", "mapping": mapping},
			map[string]any{"propertyName": "kind", "mapping": partial},
		} {
			for _, members := range [][]any{pets, pets[:1], append([]any{map[string]any{"type": "null"}}, pets...)} {
				s := map[string]any{combiner: members}
				if disc != nil {
					s["discriminator"] = disc
				}
				add(s)
				add(map[string]any{"allOf": []any{s}, "properties": map[string]any{"tag": str}})
			}
		}
	}
	spec := holderSpec("Unions", schemas, holder, nil, paths)
	res := vetSpec(t, "unions", spec)
	t.Logf("%d unions, %d warnings", n, len(res.Warnings))
}
