package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Include selects the operations to generate, for users who call a few
// parts of a large API: an operation is generated when it has one of Tags
// or its operationId is one of Operations. The zero Include selects every
// operation. Only the component schemas the selected operations reach are
// declared, so the package, and its compile, shrink with the selection.
type Include struct {
	Tags       []string
	Operations []string
}

// All reports whether in selects every operation.
func (in Include) All() bool { return len(in.Tags) == 0 && len(in.Operations) == 0 }

// selects reports whether op, which may be nil, is generated.
func (in Include) selects(op *openapi3.Operation) bool {
	if op == nil {
		return false
	}
	if in.All() {
		return true
	}
	return slices.Contains(in.Operations, op.OperationID) ||
		slices.ContainsFunc(op.Tags, func(tag string) bool { return slices.Contains(in.Tags, tag) })
}

// includedComponents returns the names of the component schemas the
// operations that in selects refer to, directly or through other schemas.
// A tag or operationId that no operation has is an error that lists what
// the spec has, since a misspelt one would otherwise select nothing.
func includedComponents(spec *openapi3.T, in Include) (map[string]bool, error) {
	tags, ids := map[string]bool{}, map[string]bool{}
	reach := schemaReach{seen: map[*openapi3.Schema]bool{}}
	if spec.Paths != nil {
		for _, item := range spec.Paths.Map() {
			if item == nil {
				continue
			}
			for _, op := range item.Operations() {
				for _, tag := range op.Tags {
					tags[tag] = true
				}
				ids[op.OperationID] = true
				if in.selects(op) {
					reach.operation(item, op)
				}
			}
		}
	}
	for _, tag := range in.Tags {
		if !tags[tag] {
			if hint := didYouMean(tag, sortedKeys(tags)); hint != "" {
				return nil, fmt.Errorf("include: no operation has the tag %q%s", tag, hint)
			}
			if len(tags) == 0 {
				return nil, fmt.Errorf("include: no operation has the tag %q; no operation of the spec has a tag (select them by operationId instead)", tag)
			}
			return nil, fmt.Errorf("include: no operation has the tag %q; the spec's tags are %s", tag, list(sortedKeys(tags)))
		}
	}
	for _, id := range in.Operations {
		if !ids[id] {
			return nil, fmt.Errorf("include: no operation has the operationId %q%s", id, didYouMean(id, sortedKeys(ids)))
		}
	}
	included := map[string]bool{}
	if spec.Components != nil {
		for name, ref := range spec.Components.Schemas {
			if ref != nil && reach.seen[ref.Value] {
				included[name] = true
			}
		}
	}
	return included, nil
}

// list writes names for a message, quoted, the first 30 of them.
func list(names []string) string {
	const most = 30
	quoted := make([]string, 0, min(len(names), most))
	for _, n := range names[:min(len(names), most)] {
		quoted = append(quoted, fmt.Sprintf("%q", n))
	}
	s := strings.Join(quoted, ", ")
	if len(names) > most {
		s += fmt.Sprintf(" and %d more", len(names)-most)
	}
	return s
}

// schemaReach collects every schema reachable from the places an
// operation uses one: parameters, bodies, responses and their headers.
type schemaReach struct {
	seen map[*openapi3.Schema]bool
}

func (r schemaReach) operation(item *openapi3.PathItem, op *openapi3.Operation) {
	for _, p := range slices.Concat(item.Parameters, op.Parameters) {
		if p != nil && p.Value != nil {
			r.schema(p.Value.Schema)
			r.content(p.Value.Content)
		}
	}
	if op.RequestBody != nil && op.RequestBody.Value != nil {
		r.content(op.RequestBody.Value.Content)
	}
	if op.Responses == nil {
		return
	}
	for _, resp := range op.Responses.Map() {
		if resp == nil || resp.Value == nil {
			continue
		}
		r.content(resp.Value.Content)
		for _, h := range resp.Value.Headers {
			if h != nil && h.Value != nil {
				r.schema(h.Value.Schema)
				r.content(h.Value.Content)
			}
		}
	}
}

func (r schemaReach) content(c openapi3.Content) {
	for _, m := range c {
		if m != nil {
			r.schema(m.Schema)
		}
	}
}

func (r schemaReach) schema(ref *openapi3.SchemaRef) {
	if ref == nil || ref.Value == nil || r.seen[ref.Value] {
		return
	}
	s := ref.Value
	r.seen[s] = true
	for _, p := range s.Properties {
		r.schema(p)
	}
	for _, list := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf, s.PrefixItems} {
		for _, m := range list {
			r.schema(m)
		}
	}
	for _, child := range []*openapi3.SchemaRef{s.Items, s.Not, s.AdditionalProperties.Schema} {
		r.schema(child)
	}
	// A discriminator's mapping names variants, which oneOf or anyOf
	// lists; a schema it alone names becomes no part of the union.
}
