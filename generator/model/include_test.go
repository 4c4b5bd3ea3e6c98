package model

import (
	"slices"
	"testing"

	"github.com/oasgen/oasgen/generator/load"
)

// includeSpec has two tags, each on operations using their own schemas:
// Pet reaches Owner through a property and Cat and Dog through a union
// whose discriminator also maps "lion" to Lion, which is not a variant;
// Order and Trace are used by the other tag's operations only, and Unused
// by none.
const includeSpec = `openapi: 3.1.0
info: {title: Include, version: "1"}
paths:
  /pets/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {$ref: '#/components/schemas/PetID'}}
    get:
      operationId: getPet
      tags: [pets]
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}
  /orders:
    post:
      operationId: createOrder
      tags: [store]
      requestBody:
        content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}
      responses:
        "201":
          description: ok
          headers:
            X-Trace: {schema: {$ref: '#/components/schemas/Trace'}}
    get:
      operationId: listOrders
      tags: [store]
      responses:
        "200": {description: ok}
components:
  schemas:
    PetID: {type: string, pattern: '^p'}
    Pet:
      type: object
      properties:
        owner: {$ref: '#/components/schemas/Owner'}
        kind: {$ref: '#/components/schemas/Kind'}
    Owner: {type: object, properties: {name: {type: string}}}
    Kind:
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
      discriminator:
        propertyName: type
        mapping: {cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog', lion: '#/components/schemas/Lion'}
    Cat: {type: object, required: [type], properties: {type: {type: string}}}
    Dog: {type: object, required: [type], properties: {type: {type: string}}}
    Lion: {type: object, required: [type], properties: {type: {type: string}}}
    Order: {type: object, properties: {pet: {$ref: '#/components/schemas/PetID'}}}
    Trace: {type: string}
    Unused: {type: object, properties: {x: {type: string, pattern: '^(?<=x)'}}}
`

func buildIncluding(t *testing.T, in Include) (*API, error) {
	t.Helper()
	doc, err := load.Data("test.yaml", []byte(includeSpec))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return Build(doc, Options{Include: in})
}

// The selected operations are built, with the component schemas they reach
// and no others; what is left out does not warn.
func TestIncludeSelectsOperationsAndTheirSchemas(t *testing.T) {
	for _, tc := range []struct {
		name       string
		in         Include
		operations []string
		components []string
	}{
		{"a tag", Include{Tags: []string{"pets"}}, []string{"getPet"}, []string{"Cat", "Dog", "Kind", "Owner", "Pet", "PetID"}},
		{"an operationId", Include{Operations: []string{"createOrder"}}, []string{"createOrder"}, []string{"Order", "PetID", "Trace"}},
		{"both", Include{Tags: []string{"pets"}, Operations: []string{"listOrders"}}, []string{"getPet", "listOrders"}, []string{"Cat", "Dog", "Kind", "Owner", "Pet", "PetID"}},
		{"everything", Include{}, []string{"getPet", "createOrder", "listOrders"}, []string{"Cat", "Dog", "Kind", "Lion", "Order", "Owner", "Pet", "PetID", "Trace", "Unused"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			api, err := buildIncluding(t, tc.in)
			if err != nil {
				t.Fatal(err)
			}
			var ops, components []string
			for _, o := range api.Operations {
				ops = append(ops, o.ID)
			}
			for _, ty := range api.Types {
				if ty.Schema != "" && !slices.Contains(ops, ty.Schema) && isComponent(ty.Schema) {
					components = append(components, ty.Schema)
				}
			}
			slices.Sort(ops)
			slices.Sort(tc.operations)
			if !slices.Equal(ops, tc.operations) {
				t.Errorf("operations %v, want %v", ops, tc.operations)
			}
			if !slices.Equal(components, tc.components) {
				t.Errorf("component types %v, want %v", components, tc.components)
			}
			if unused := slices.Contains(tc.components, "Unused"); unused != (len(api.Warnings) > 0) {
				t.Errorf("warnings %v; want the look-behind in Unused warned about only when Unused is built", api.Warnings)
			}
		})
	}
}

// isComponent reports whether a type's Schema names a component of
// includeSpec rather than an inline schema's place.
func isComponent(schema string) bool {
	return slices.Contains([]string{"PetID", "Pet", "Owner", "Kind", "Cat", "Dog", "Lion", "Order", "Trace", "Unused"}, schema)
}

// A tag or operationId no operation has is an error, not an empty package.
func TestIncludeUnknown(t *testing.T) {
	for _, tc := range []struct {
		in   Include
		want string
	}{
		{Include{Tags: []string{"pet"}}, `include: no operation has the tag "pet"; the spec's tags are "pets", "store"`},
		{Include{Tags: []string{"pets"}, Operations: []string{"getpet"}}, `include: no operation has the operationId "getpet" (did you mean "getPet"?)`},
		{Include{Tags: []string{"Store"}}, `include: no operation has the tag "Store" (did you mean "store"?)`},
		{Include{Operations: []string{"deletePet"}}, `include: no operation has the operationId "deletePet"`},
	} {
		if _, err := buildIncluding(t, tc.in); err == nil || err.Error() != tc.want {
			t.Errorf("Build(%+v) = %v, want %s", tc.in, err, tc.want)
		}
	}
}

// A spec whose operations have no tags says so, rather than listing none.
func TestIncludeTagOfUntaggedSpec(t *testing.T) {
	doc, err := load.Data("test.yaml", []byte(`
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses: {"204": {description: ok}}
`))
	if err != nil {
		t.Fatal(err)
	}
	want := `include: no operation has the tag "a"; no operation of the spec has a tag (select them by operationId instead)`
	if _, err := Build(doc, Options{Include: Include{Tags: []string{"a"}}}); err == nil || err.Error() != want {
		t.Errorf("Build = %v, want %s", err, want)
	}
}
