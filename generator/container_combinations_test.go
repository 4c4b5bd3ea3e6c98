package generator_test

import (
	"fmt"
	"testing"
)

// TestContainerCombinations nests arrays and maps two and three deep
// around elements of each kind (checked and unchecked scalars, nullable
// ones, enums, structs, unions, any value), with and without their own
// checks (item counts, uniqueItems, contains, property counts) and
// nullable at each level, and wants the package to build and vet: each
// level declares its own loop variables and paths, which a level that
// checks nothing must not leave unused.
func TestContainerCombinations(t *testing.T) {
	str := map[string]any{"type": "string"}
	elems := []map[string]any{
		str,
		{"type": "string", "maxLength": 3},
		{"type": []string{"integer", "null"}, "minimum": 2},
		{"type": "string", "enum": []string{"a", "b"}},
		{"type": "string", "format": "date-time"},
		{"type": "object", "properties": map[string]any{"a": str}, "required": []string{"a"}},
		{"type": "object", "properties": map[string]any{"a": str}},
		{"oneOf": []any{str, map[string]any{"type": "integer"}}},
		{"$ref": "#/components/schemas/Leaf"},
		{},
	}
	type wrap func(inner map[string]any, checked, nullable bool) map[string]any
	array := func(inner map[string]any, checked, nullable bool) map[string]any {
		s := map[string]any{"type": "array", "items": inner}
		if checked {
			s["minItems"], s["maxItems"], s["uniqueItems"] = 1, 5, true
			s["contains"], s["minContains"] = inner, 1
		}
		if nullable {
			s["type"] = []string{"array", "null"}
		}
		return s
	}
	object := func(inner map[string]any, checked, nullable bool) map[string]any {
		s := map[string]any{"type": "object", "additionalProperties": inner}
		if checked {
			s["minProperties"], s["maxProperties"] = 1, 4
			s["propertyNames"] = map[string]any{"maxLength": 5}
		}
		if nullable {
			s["type"] = []string{"object", "null"}
		}
		return s
	}
	wraps := []wrap{array, object}
	schemas := map[string]any{"Leaf": map[string]any{"type": "object", "properties": map[string]any{"n": map[string]any{"type": "integer", "maximum": 9}}}}
	holder := map[string]any{}
	var required []string
	n := 0
	for _, e := range elems {
		for _, outer := range wraps {
			for _, inner := range wraps {
				for _, flags := range []int{0, 1, 2, 3, 4, 5, 6, 7} {
					checked, nullable, deep := flags&1 != 0, flags&2 != 0, flags&4 != 0
					s := inner(e, checked, !nullable)
					if deep {
						s = array(s, !checked, false)
					}
					s = outer(s, checked, nullable)
					n++
					name := fmt.Sprintf("C%d", n)
					schemas[name] = s
					holder["r"+name] = map[string]any{"$ref": "#/components/schemas/" + name}
					holder["i"+name] = s
					if n%4 == 0 {
						required = append(required, "r"+name, "i"+name)
					}
				}
			}
		}
	}
	spec := holderSpec("Containers", schemas, holder, required, map[string]any{})
	res := vetSpec(t, "containers", spec)
	t.Logf("%d container schemas, %d warnings", n, len(res.Warnings))
}
