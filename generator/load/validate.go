package load

import "github.com/getkin/kin-openapi/openapi3"

// prepareValidation changes two things in spec for the time of
// kin-openapi's validation; restore puts them back.
//
// It makes kin-openapi validate each component schema once. kin-openapi
// validates a schema again at every place that refers to it, through
// everything that one refers to: on Stripe's spec, whose schemas refer to
// one another widely, that was five seconds of a seven-second load. So
// each $ref to a component schema (other than the component's own entry)
// points at an empty schema instead, since the component is validated
// where it is declared.
//
// It also hides what one version of OpenAPI spells differently from the
// other, which kin-openapi refuses but real specs write and mean plainly.
// The model reads each as the other version does and warns (see
// builder.lintSchema):
//
//   - in a 3.0 document (openapi30), the type "null", 3.1's spelling of a
//     null (Blockfrost's spec has `anyOf: [..., {type: 'null'}]`), and an
//     array without items, which 3.0 requires and 3.1 reads as items of
//     any value;
//   - an exclusiveMinimum or exclusiveMaximum in the other version's form:
//     a number in 3.0 (3.1's exclusive bound), a boolean in 3.1 (3.0's
//     modifier of minimum or maximum). ReadMe's examples have both.
func prepareValidation(spec *openapi3.T, openapi30 bool) (restore func()) {
	components := map[*openapi3.Schema]bool{}
	if spec.Components != nil {
		for _, ref := range spec.Components.Schemas {
			if ref != nil && ref.Value != nil {
				components[ref.Value] = true
			}
		}
	}
	empty := &openapi3.Schema{}
	var swapped []*openapi3.SchemaRef
	var values []*openapi3.Schema
	var typed []*openapi3.Schema    // 3.0 schemas with a "null" type
	var types []*openapi3.Types     // their types, as written
	var itemless []*openapi3.Schema // 3.0 arrays without items
	var bounded []*openapi3.Schema  // schemas with a bound in the other version's form
	var bounds [][2]openapi3.ExclusiveBound
	anyItems := &openapi3.SchemaRef{Value: &openapi3.Schema{}}
	seen := map[*openapi3.Schema]bool{}

	var schema func(r *openapi3.SchemaRef)
	walk := func(r *openapi3.SchemaRef) {
		if r == nil || r.Value == nil || seen[r.Value] {
			return
		}
		seen[r.Value] = true
		s := r.Value
		if openapi30 && s.Type.Includes(openapi3.TypeNull) {
			typed, types = append(typed, s), append(types, s.Type)
			others := *s.Type // Without replaces the slice, not its elements
			others.Without(openapi3.TypeNull)
			s.Type = &others
		}
		if openapi30 && s.Items == nil && s.Type.Is(openapi3.TypeArray) {
			itemless = append(itemless, s)
			s.Items = anyItems
		}
		if OtherVersionBound(s.ExclusiveMin, openapi30) || OtherVersionBound(s.ExclusiveMax, openapi30) {
			bounded, bounds = append(bounded, s), append(bounds, [2]openapi3.ExclusiveBound{s.ExclusiveMin, s.ExclusiveMax})
			if OtherVersionBound(s.ExclusiveMin, openapi30) {
				s.ExclusiveMin = openapi3.ExclusiveBound{}
			}
			if OtherVersionBound(s.ExclusiveMax, openapi30) {
				s.ExclusiveMax = openapi3.ExclusiveBound{}
			}
		}
		for _, p := range s.Properties {
			schema(p)
		}
		for _, list := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf, s.PrefixItems} {
			for _, m := range list {
				schema(m)
			}
		}
		for _, m := range s.PatternProperties {
			schema(m)
		}
		for _, child := range []*openapi3.SchemaRef{s.Items, s.Not, s.AdditionalProperties.Schema, s.Contains, s.PropertyNames, s.If, s.Then, s.Else} {
			schema(child)
		}
	}
	// schema handles a use of a schema: one that is a component is
	// swapped for the empty schema, any other is walked.
	schema = func(r *openapi3.SchemaRef) {
		if r != nil && r.Value != nil && components[r.Value] {
			swapped, values = append(swapped, r), append(values, r.Value)
			r.Value = empty
			return
		}
		walk(r)
	}
	content := func(c openapi3.Content) {
		for _, m := range c {
			if m != nil {
				schema(m.Schema)
			}
		}
	}
	parameter := func(p *openapi3.ParameterRef) {
		if p != nil && p.Value != nil {
			schema(p.Value.Schema)
			content(p.Value.Content)
		}
	}
	header := func(h *openapi3.HeaderRef) {
		if h != nil && h.Value != nil {
			schema(h.Value.Schema)
			content(h.Value.Content)
		}
	}
	response := func(r *openapi3.ResponseRef) {
		if r != nil && r.Value != nil {
			content(r.Value.Content)
			for _, h := range r.Value.Headers {
				header(h)
			}
		}
	}
	requestBody := func(b *openapi3.RequestBodyRef) {
		if b != nil && b.Value != nil {
			content(b.Value.Content)
		}
	}
	var pathItem func(item *openapi3.PathItem)
	pathItem = func(item *openapi3.PathItem) {
		if item == nil {
			return
		}
		for _, p := range item.Parameters {
			parameter(p)
		}
		for _, op := range item.Operations() {
			for _, p := range op.Parameters {
				parameter(p)
			}
			requestBody(op.RequestBody)
			if op.Responses != nil {
				for _, r := range op.Responses.Map() {
					response(r)
				}
			}
			for _, cb := range op.Callbacks {
				if cb != nil && cb.Value != nil {
					for _, item := range cb.Value.Map() {
						pathItem(item)
					}
				}
			}
		}
	}

	if c := spec.Components; c != nil {
		// Each component's own entry is walked, not swapped.
		for _, ref := range c.Schemas {
			walk(ref)
		}
		for _, p := range c.Parameters {
			parameter(p)
		}
		for _, h := range c.Headers {
			header(h)
		}
		for _, b := range c.RequestBodies {
			requestBody(b)
		}
		for _, r := range c.Responses {
			response(r)
		}
	}
	if spec.Paths != nil {
		for _, item := range spec.Paths.Map() {
			pathItem(item)
		}
	}
	for _, item := range spec.Webhooks {
		pathItem(item)
	}
	return func() {
		for i, r := range swapped {
			r.Value = values[i]
		}
		for i, s := range typed {
			s.Type = types[i]
		}
		for _, s := range itemless {
			s.Items = nil
		}
		for i, s := range bounded {
			s.ExclusiveMin, s.ExclusiveMax = bounds[i][0], bounds[i][1]
		}
	}
}

// OtherVersionBound reports whether an exclusiveMinimum or exclusiveMaximum
// is written in the form of the other OpenAPI version than the document's:
// a number in 3.0 (openapi30), a boolean in 3.1.
func OtherVersionBound(b openapi3.ExclusiveBound, openapi30 bool) bool {
	if openapi30 {
		return b.Value != nil
	}
	return b.Bool != nil
}
