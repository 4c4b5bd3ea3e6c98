package model

import (
	"fmt"
	"testing"
)

// TestRouteConditions checks how the fragment of a spec path reads: pairs
// and bare names of query parameters, a header where the operation
// declares one of that name, any value where the operation's parameter
// lists that value among others, and no fragment in the path the client
// uses.
func TestRouteConditions(t *testing.T) {
	api := buildYAML(t, `openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /{Bucket}#analytics&id=7&&x-amz-copy-source&view=info&Action=Copy:
    put:
      operationId: copy
      parameters:
        - {name: Bucket, in: path, required: true, schema: {type: string}}
        - {name: x-amz-copy-source, in: header, required: true, schema: {type: string}}
        - {name: view, in: query, schema: {type: array, items: {type: string, enum: [info, info_ext]}}}
        - {name: Action, in: query, required: true, schema: {type: string, enum: [Copy]}}
      responses: {"204": {description: done}}
`)
	o := api.Operations[0]
	if o.Path != "/{Bucket}" || o.ID != "copy" {
		t.Errorf("path %q, id %q; want /{Bucket}, copy", o.Path, o.ID)
	}
	want := "[{analytics  false} {id 7 false} {x-amz-copy-source  true} {view  false} {Action Copy false}]"
	if got := fmt.Sprint(o.When); got != want {
		t.Errorf("When = %s, want %s", got, want)
	}
}
