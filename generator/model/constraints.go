package model

import (
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// containsCheck reads contains, minContains and maxContains where oasgen
// checks them (see ContainsCheck): a const or enum of values the items'
// Go type holds, a string, an integer, a number or a boolean. It returns
// nil for any other contains, which uncheckedKeywords warns about.
func containsCheck(s *openapi3.Schema) *ContainsCheck {
	if s.Contains == nil || s.Contains.Value == nil || s.Items == nil || s.Items.Value == nil {
		return nil
	}
	items, values := s.Items.Value, slices.Clone(s.Contains.Value.Enum)
	if s.Contains.Value.Const != nil {
		values = []any{s.Contains.Value.Const}
	}
	if _, external := items.Extensions["x-go-type"]; len(values) == 0 || external || nullable(items) || len(unionMembers(items)) > 0 {
		return nil
	}
	builtin := scalarBuiltin(items)
	for i, v := range values {
		if f, ok := toFloat(v); ok {
			values[i] = f
		}
		switch v := values[i].(type) {
		case string:
			if builtin != String {
				return nil
			}
		case float64:
			if !builtin.Numeric() || !fitsBuiltin(v, builtin) {
				return nil
			}
		case bool:
			if builtin != Bool {
				return nil
			}
		default:
			return nil
		}
	}
	check := &ContainsCheck{Values: values, Min: 1, Max: toInt(s.MaxContains)}
	if s.MinContains != nil {
		check.Min = int(min(*s.MinContains, math.MaxInt32))
	}
	return check
}

// fitsBuiltin reports whether v is a constant of numeric type b: whole and
// in range for an integer, in range for a float32. A contains value that
// is not would not compile as one of the items.
func fitsBuiltin(v float64, b Builtin) bool {
	switch b {
	case Int32:
		return v == math.Trunc(v) && v >= math.MinInt32 && v <= math.MaxInt32
	case Int64:
		return v == math.Trunc(v) && math.Abs(v) < 1<<53
	case Float32:
		return math.Abs(v) <= math.MaxFloat32
	}
	return true
}

// uncheckedKeywords lists, in a fixed order, the JSON Schema keywords of s
// that oasgen reads but does not enforce. They had gone unsaid, so a strict
// server accepted what the spec refuses.
func uncheckedKeywords(s *openapi3.Schema) []string {
	var keys []string
	for _, k := range []struct {
		name string
		set  bool
	}{
		{"not", s.Not != nil},
		{"if", s.If != nil},
		{"prefixItems", len(s.PrefixItems) > 0},
		{"contains", s.Contains != nil && containsCheck(s) == nil},
		{"patternProperties", len(s.PatternProperties) > 0 && !isStruct(s)},
		{"propertyNames", s.PropertyNames != nil && namesSchema(s) == nil},
		{"dependentRequired", len(s.DependentRequired) > 0 && !isStruct(s)},
		{"dependentSchemas", len(s.DependentSchemas) > 0},
		{"unevaluatedItems", s.UnevaluatedItems.Has != nil || s.UnevaluatedItems.Schema != nil},
		{"unevaluatedProperties", s.UnevaluatedProperties.Has != nil || s.UnevaluatedProperties.Schema != nil},
	} {
		if k.set {
			keys = append(keys, k.name)
		}
	}
	return keys
}

// constraints collects the validation keywords of a schema, and reports
// those that contradict each other.
func (b *builder) constraints(s *openapi3.Schema, pos Pos) Constraints {
	c := Constraints{Format: s.Format}
	if c.Format == "" && s.ContentEncoding == "base64" {
		// 3.1 writes 3.0's format: byte as contentEncoding: base64, and
		// each is checked as the other is.
		c.Format = "byte"
	}
	c.Minimum, c.Maximum = s.Min, s.Max
	if s.ExclusiveMin.Bool != nil && *s.ExclusiveMin.Bool {
		c.ExclusiveMinimum = true
	}
	if v := s.ExclusiveMin.Value; v != nil && (c.Minimum == nil || *v >= *c.Minimum) {
		c.Minimum, c.ExclusiveMinimum = v, true
	}
	if s.ExclusiveMax.Bool != nil && *s.ExclusiveMax.Bool {
		c.ExclusiveMaximum = true
	}
	if v := s.ExclusiveMax.Value; v != nil && (c.Maximum == nil || *v <= *c.Maximum) {
		c.Maximum, c.ExclusiveMaximum = v, true
	}
	if c.Minimum == nil {
		c.ExclusiveMinimum = false
	}
	if c.Maximum == nil {
		c.ExclusiveMaximum = false
	}
	if c.Minimum != nil && c.Maximum != nil {
		lo, hi := "minimum", "maximum"
		if c.ExclusiveMinimum {
			lo = "exclusiveMinimum"
		}
		if c.ExclusiveMaximum {
			hi = "exclusiveMaximum"
		}
		switch {
		case *c.Minimum > *c.Maximum:
			b.fail(b.doc.Field(s.Origin, "minimum"), "%s %v is above %s %v: no value can satisfy both", lo, *c.Minimum, hi, *c.Maximum)
		case *c.Minimum == *c.Maximum && (c.ExclusiveMinimum || c.ExclusiveMaximum):
			b.fail(b.doc.Field(s.Origin, "minimum"), "%s %v and %s %v leave no value between them", lo, *c.Minimum, hi, *c.Maximum)
		}
	}
	if lo, hi, ok := integerFormatRange(s); ok {
		c.Minimum, c.ExclusiveMinimum = tighter(c.Minimum, c.ExclusiveMinimum, &lo, false, 1)
		if hi != nil {
			c.Maximum, c.ExclusiveMaximum = tighter(c.Maximum, c.ExclusiveMaximum, hi, false, -1)
		}
	}
	if s.MultipleOf != nil {
		if *s.MultipleOf <= 0 {
			b.fail(b.doc.Field(s.Origin, "multipleOf"), "multipleOf must be greater than 0, not %v", *s.MultipleOf)
		} else {
			c.MultipleOf = s.MultipleOf
		}
	}
	c.MinLength, c.MaxLength = positive(s.MinLength), toInt(s.MaxLength)
	if c.MinLength != nil && c.MaxLength != nil && *c.MinLength > *c.MaxLength {
		b.fail(b.doc.Field(s.Origin, "minLength"), "minLength %d is above maxLength %d", *c.MinLength, *c.MaxLength)
	}
	if s.Pattern != "" {
		b.patternChecks(&c, s.Pattern, b.doc.Field(s.Origin, "pattern"))
	}
	c.MinItems, c.MaxItems, c.UniqueItems = positive(s.MinItems), toInt(s.MaxItems), s.UniqueItems
	c.Contains = containsCheck(s)
	if c.MinItems != nil && c.MaxItems != nil && *c.MinItems > *c.MaxItems {
		b.fail(b.doc.Field(s.Origin, "minItems"), "minItems %d is above maxItems %d", *c.MinItems, *c.MaxItems)
	}
	c.MinProperties, c.MaxProperties = positive(s.MinProps), toInt(s.MaxProps)
	if c.MinProperties != nil && c.MaxProperties != nil && *c.MinProperties > *c.MaxProperties {
		b.fail(b.doc.Field(s.Origin, "minProperties"), "minProperties %d is above maxProperties %d", *c.MinProperties, *c.MaxProperties)
	}
	if names := namesSchema(s); names != nil {
		if nc := b.allConstraints(names, b.schemaPos(s.PropertyNames)); nc.StringChecks() {
			c.PropertyNames = &nc
		}
	}
	return c
}

// integerFormatRange returns the bounds an integer's format sets where the
// Go type, int64, holds more: uint32 is 0 to 4294967295, uint64 at least 0
// (hi is nil). Such formats had bounded nothing, so the server took -1 for
// a uint32. int32 needs none: its values are decoded into an int32.
func integerFormatRange(s *openapi3.Schema) (lo float64, hi *float64, ok bool) {
	if !slices.Equal(nonNullTypes(s), []string{"integer"}) {
		return 0, nil, false
	}
	bound := func(v float64) *float64 { return &v }
	switch s.Format {
	case "int8":
		return math.MinInt8, bound(math.MaxInt8), true
	case "int16":
		return math.MinInt16, bound(math.MaxInt16), true
	case "uint8":
		return 0, bound(math.MaxUint8), true
	case "uint16":
		return 0, bound(math.MaxUint16), true
	case "uint32":
		return 0, bound(math.MaxUint32), true
	case "uint", "uint64":
		return 0, nil, true
	}
	return 0, nil, false
}

// namesSchema returns the schema of propertyNames where oasgen checks it:
// a string of lengths, patterns and a format, naming the properties of an
// object that keeps those it does not declare (a map, or a struct with
// additionalProperties or patternProperties), whose names vary. It
// returns nil for any other, which uncheckedKeywords warns about: an
// object that drops undeclared properties never sees their names.
func namesSchema(s *openapi3.Schema) *openapi3.Schema {
	if s.PropertyNames == nil || s.PropertyNames.Value == nil || !stringOnly(s.PropertyNames.Value) {
		return nil
	}
	switch cls, _ := classify(s); cls {
	case classMap:
		return s.PropertyNames.Value
	case classStruct:
		if ap := s.AdditionalProperties; ap.Schema != nil || ap.Has != nil && *ap.Has || len(s.PatternProperties) > 0 {
			return s.PropertyNames.Value
		}
	}
	return nil
}

// isStruct reports whether s is declared as a struct, whose validation
// checks dependentRequired (see Dependency).
func isStruct(s *openapi3.Schema) bool {
	cls, _ := classify(s)
	return cls == classStruct
}

// dependencies gathers the dependentRequired of struct t's schema s and
// its allOf members, sorted by property; two that name the same property
// require everything either does. A name that s does not declare, where t
// drops undeclared properties on decode, cannot be checked: the server
// would not know whether it was sent. Such a pair is left out, with a
// warning.
func (b *builder) dependencies(s *openapi3.Schema, t *Type, declared map[string]bool) []Dependency {
	requires := map[string][]string{}
	for _, m := range withAllOf(s) {
		for _, name := range sortedKeys(m.DependentRequired) {
			for _, n := range m.DependentRequired[name] {
				switch {
				case n == name || slices.Contains(requires[name], n):
				case t.Extra == ExtraIgnore && (!declared[name] || !declared[n]):
					undeclared := name
					if !declared[n] {
						undeclared = n
					}
					b.warn(b.doc.Field(m.Origin, "dependentRequired"), "schema %s: dependentRequired of %q on %q is not checked: %q is not a declared property, and the object drops those on decode", t.Schema, n, name, undeclared)
				default:
					requires[name] = append(requires[name], n)
				}
			}
		}
	}
	var deps []Dependency
	for _, name := range sortedKeys(requires) {
		deps = append(deps, Dependency{Property: name, Requires: requires[name]})
	}
	return deps
}

// patternProperties reads the patternProperties of struct t's schema s and
// its allOf members, in the order of their patterns (the first of a
// pattern written twice wins). A pattern Go cannot run is warned about
// and left out, and reported as unchecked: the struct cannot tell which
// properties that pattern admits.
func (b *builder) patternProperties(t *Type, s *openapi3.Schema) (patterns []PatternProperty, unchecked bool) {
	seen := map[string]bool{}
	for _, m := range withAllOf(s) {
		for _, pattern := range sortedKeys(m.PatternProperties) {
			if seen[pattern] {
				continue
			}
			seen[pattern] = true
			var names Constraints
			b.patternChecks(&names, pattern, b.doc.Field(m.Origin, "patternProperties"))
			if names.Pattern == "" {
				unchecked = true
				continue
			}
			patterns = append(patterns, PatternProperty{Names: names, Type: b.ref(m.PatternProperties[pattern], t.Name+"Pattern")})
		}
	}
	return patterns, unchecked
}

// withAllOf lists s and the members of its allOf, and theirs, depth first,
// each once: the schemas whose object keywords a struct merges.
func withAllOf(s *openapi3.Schema) []*openapi3.Schema {
	out := []*openapi3.Schema{s}
	var add func(s *openapi3.Schema)
	add = func(s *openapi3.Schema) {
		for _, m := range s.AllOf {
			if m.Value != nil && !slices.Contains(out, m.Value) {
				out = append(out, m.Value)
				add(m.Value)
			}
		}
	}
	add(s)
	return out
}

// stringOnly reports whether every keyword of s that limits a value is a
// string's: its type, lengths, pattern and format, in s or its allOf.
func stringOnly(s *openapi3.Schema) bool {
	for _, m := range withAllOf(s) {
		if m.Enum != nil || m.Const != nil || len(m.OneOf) > 0 || len(m.AnyOf) > 0 || m.Not != nil {
			return false
		}
		if types := nonNullTypes(m); len(types) > 1 || len(types) == 1 && types[0] != "string" {
			return false
		}
	}
	return true
}

// patternChecks makes c check pattern, written at at: as Go's regexp
// runs it, split where it has look-arounds, or not at all, with a warning,
// where Go cannot run it; an invalid one fails the build.
func (b *builder) patternChecks(c *Constraints, pattern string, at Pos) {
	// ECMA-262's \u escapes are spelled as Go spells them and counts
	// above Go's limit spelled out first; what remains beyond Go may
	// be look-aheads it can split.
	stripped, literal := stripDelimiters(pattern)
	if literal {
		b.literalPatterns = append(b.literalPatterns, literalPattern{at, pattern, stripped})
	}
	javaPattern, javaUsed := translateJavaClasses(translateEscapes(stripped))
	goPattern := expandRepeats(javaPattern, maxRepeat)
	if _, err := regexp.Compile(goPattern); err != nil {
		why := strings.TrimPrefix(err.Error(), "error parsing regexp: ")
		if class := unknownClass(err); class != "" {
			why = "it has no character class " + class
		}
		switch split := splitLookaheads(goPattern); {
		case brokenRegexp(err):
			b.fail(at, "pattern %q is not a valid regular expression: %v", pattern, why)
		case split != nil:
			c.Pattern, c.Split = pattern, split
			if n := len(split.Loosened); n == 1 {
				b.warn(at, "pattern %q is checked without its look-around %s: Go's regexp has none, and this one stands mid-pattern, where no regexp of its own can test it; a value only it rejects passes", pattern, split.Loosened[0])
			} else if n > 1 {
				b.warn(at, "pattern %q is checked without its look-arounds %s: Go's regexp has none, and these stand mid-pattern, where no regexp of their own can test them; a value only they reject passes", pattern, strings.Join(split.Loosened, ", "))
			}
		default:
			b.warn(at, "pattern %q is beyond Go's regexp (%v); it is not checked", pattern, why)
		}
	} else if goPattern != pattern {
		c.Pattern, c.Split = pattern, &SplitPattern{Alternatives: []SplitAlternative{{All: []string{goPattern}}}}
	} else {
		c.Pattern = pattern
	}
	if c.Pattern != "" && len(javaUsed) > 0 {
		b.warn(at, "pattern %q uses %s, which ECMA-262 lacks and Java has; it is checked as Java reads %s", pattern, strings.Join(javaUsed, ", "), plural(len(javaUsed), "it", "them"))
	}
}

func positive(n uint64) *int {
	if n == 0 {
		return nil
	}
	return toInt(&n)
}

func toInt(n *uint64) *int {
	if n == nil {
		return nil
	}
	v := int(min(*n, math.MaxInt32))
	return &v
}

// allConstraints is constraints for a scalar that may be an allOf of
// scalars: a value must meet every member's bounds, so the tightest of each
// wins, and every member's pattern.
func (b *builder) allConstraints(s *openapi3.Schema, pos Pos) Constraints {
	c := b.constraints(s, pos)
	for _, m := range s.AllOf {
		if m.Value == nil {
			continue
		}
		mc := b.allConstraints(m.Value, b.schemaPos(m))
		c.Minimum, c.ExclusiveMinimum = tighter(c.Minimum, c.ExclusiveMinimum, mc.Minimum, mc.ExclusiveMinimum, 1)
		c.Maximum, c.ExclusiveMaximum = tighter(c.Maximum, c.ExclusiveMaximum, mc.Maximum, mc.ExclusiveMaximum, -1)
		c.MinLength = tighterInt(c.MinLength, mc.MinLength, 1)
		c.MaxLength = tighterInt(c.MaxLength, mc.MaxLength, -1)
		if c.MultipleOf == nil {
			c.MultipleOf = mc.MultipleOf
		}
		if c.Format == "" {
			c.Format = mc.Format
		}
		c.addPatterns(mc)
	}
	return c
}

// tighter picks the stricter of two bounds: sign 1 for lower bounds (the
// larger wins), -1 for upper bounds (the smaller wins).
func tighter(a *float64, aExcl bool, b *float64, bExcl bool, sign float64) (*float64, bool) {
	switch {
	case b == nil:
		return a, aExcl
	case a == nil || *b*sign > *a*sign:
		return b, bExcl
	case *a == *b:
		return a, aExcl || bExcl
	}
	return a, aExcl
}

func tighterInt(a, b *int, sign int) *int {
	if b == nil || (a != nil && *a*sign >= *b*sign) {
		return a
	}
	return b
}
