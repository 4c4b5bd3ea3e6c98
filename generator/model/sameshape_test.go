package model

import (
	"strings"
	"testing"
)

// repeats returns the type t is an alias of, or nil when t is declared in
// full.
func repeats(t *Type) *Type {
	if !t.Repeats {
		return nil
	}
	if t.Kind != Alias || t.Elem == nil || t.Elem.Kind != RefNamed {
		return nil
	}
	return t.Elem.Named
}

func TestShareShapes(t *testing.T) {
	api := buildYAML(t, `openapi: 3.1.0
info: {title: Test, version: "1"}
paths:
  /grants:
    post:
      operationId: createGrant
      parameters:
        - {name: a, in: query, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Grant'}
      responses:
        "201":
          description: created
          content:
            application/json:
              schema: {$ref: '#/components/schemas/CreateGrantResponse'}
  /other:
    get:
      operationId: getOther
      parameters:
        - {name: a, in: query, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/CreateGrantResponse'}
components:
  schemas:
    Grant:
      description: A grant.
      type: object
      required: [id]
      properties:
        id: {type: string, description: The ID.}
        scope: {type: array, items: {type: string, minLength: 1}}
        owner: {$ref: '#/components/schemas/Owner'}
        kind: {$ref: '#/components/schemas/Kind'}
    CreateGrantResponse:
      description: The grant created, documented differently.
      type: object
      required: [id]
      properties:
        id: {type: string, description: The grant's ID.}
        scope: {type: array, items: {type: string, minLength: 1}}
        owner: {$ref: '#/components/schemas/CreateOwner'}
        kind: {$ref: '#/components/schemas/CreateKind'}
    Owner:
      type: object
      properties:
        name: {type: string}
    CreateOwner:
      type: object
      properties:
        name: {type: string, description: Only the docs differ.}
    Kind:
      type: string
      enum: [a, b]
    CreateKind:
      type: string
      enum: [a, b]
    Longer:
      type: object
      required: [id]
      properties:
        id: {type: string, maxLength: 9}
        scope: {type: array, items: {type: string, minLength: 1}}
        owner: {$ref: '#/components/schemas/Owner'}
        kind: {$ref: '#/components/schemas/Kind'}
    Tree:
      type: object
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
    Bush:
      type: object
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/Bush'}}
`)
	grant := findType(t, api, "Grant")
	if grant.Kind != Struct || grant.Repeats {
		t.Fatalf("Grant: kind %v, repeats %v; want the struct kept", grant.Kind, grant.Repeats)
	}
	// A copy whose only differences are documentation is an alias; so is
	// one whose fields refer to copies of the kept one's types.
	for name, want := range map[string]string{"CreateGrantResponse": "Grant", "CreateOwner": "Owner", "CreateKind": "Kind"} {
		ty := findType(t, api, name)
		if of := repeats(ty); of == nil || of.Name != want {
			t.Errorf("%s: kind %v; want an alias of %s", name, ty.Kind, want)
		} else if ty.Fields != nil || ty.Variants != nil {
			t.Errorf("%s: an alias keeps %d fields and %d variants", name, len(ty.Fields), len(ty.Variants))
		}
	}
	if doc := findType(t, api, "CreateGrantResponse").Doc; !strings.Contains(doc, "documented differently") {
		t.Errorf("the alias lost its own description: %q", doc)
	}
	// An enumeration keeps its constants, named after it.
	kind := findType(t, api, "CreateKind")
	if kind.Enum == nil || len(kind.Enum.Values) != 2 || kind.Enum.Values[0].Name != "CreateKindA" {
		t.Errorf("CreateKind: enum %+v; want its own constants CreateKindA, CreateKindB", kind.Enum)
	}
	// A constraint makes a difference; so does recursion, which is left
	// apart rather than proved the same.
	for _, name := range []string{"Longer", "Tree", "Bush"} {
		if ty := findType(t, api, name); ty.Repeats || ty.Kind != Struct {
			t.Errorf("%s: kind %v, repeats %v; want a struct of its own", name, ty.Kind, ty.Repeats)
		}
	}
	// The parameters of the two operations look alike, and belong to one
	// operation each.
	for _, o := range api.Operations {
		if o.ParamsType == nil || o.ParamsType.Kind != Struct || o.ParamsType.Repeats {
			t.Errorf("%s: parameters %+v; want a struct of its own", o.ID, o.ParamsType)
		}
	}
	// Every use of a copy now works with the type it repeats, and still
	// goes by the copy's name.
	for _, o := range api.Operations {
		res := o.Success.Media[0].Type
		if res.Kind == RefSlice {
			res = res.Elem
		}
		if res.Kind != RefNamed || res.Named != grant || res.As == nil || res.As.Name != "CreateGrantResponse" {
			t.Errorf("%s: answers with %+v; want Grant, as CreateGrantResponse", o.ID, res)
		}
	}
	for _, f := range grant.Fields {
		if f.Type.Kind == RefNamed && f.Type.Named.Repeats {
			t.Errorf("Grant.%s refers to the alias %s", f.Name, f.Type.Named.Name)
		}
	}
}

// TestShareShapesKeepsTheShortestName checks which of the copies is kept:
// the shortest name, then the first in order, whatever order the spec
// declares them in.
func TestShareShapesKeepsTheShortestName(t *testing.T) {
	api := buildYAML(t, doc31(`
    Bb:
      type: object
      properties: {x: {type: integer}}
    Aa:
      type: object
      properties: {x: {type: integer}}
    C:
      type: object
      properties: {x: {type: integer}}
`))
	for _, name := range []string{"Aa", "Bb"} {
		if of := repeats(findType(t, api, name)); of == nil || of.Name != "C" {
			t.Errorf("%s: want an alias of C", name)
		}
	}
}
