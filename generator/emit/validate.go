package emit

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/generator/model"
)

// validateMethods declares the exported Validate and the walker behind it:
//
//	// Validate reports every constraint v breaks ...
//	func (v *T) Validate() error {
//		var c validator
//		v.validate(&c, nil)
//		return c.err()
//	}
//
//	func (v *T) validate(c *validator, p *path) { ... }
func (e *typeEmitter) validateMethods(t *model.Type, recv *jen.Statement) jen.Code {
	code := comment("Validate reports every constraint in the spec that v breaks, as a *ValidationError listing each violation with its JSON path; it returns nil when v is valid.")
	code.Func().Params(jen.Id("v").Add(recv.Clone())).Id("Validate").Params().Error().Block(
		jen.Var().Id("c").Id("validator"),
		jen.Id("v").Dot("validate").Call(jen.Op("&").Id("c"), jen.Nil()),
		jen.Return(jen.Id("c").Dot("err").Call()),
	).Line().Line()
	code.Add(comment("validate records in c what v, found at p, breaks."))
	code.Func().Params(jen.Id("v").Add(recv.Clone())).Id("validate").Params(jen.Id("c").Op("*").Id("validator"), jen.Id("p").Op("*").Id("path")).BlockFunc(func(g *jen.Group) {
		e.validateBody(g, t)
	})
	return code
}

// directionChecks emits what holds in a request only, for a field that is
// readOnly (refused in a request) or writeOnly and required (required in a
// request). The client checks a request before sending it and the server
// checks one it receives; Validate, which does not know the direction,
// checks neither.
//
//	if c.request && v.ID.Set {
//		fp := p.field("id")
//		c.readOnly(&fp)
//	}
func (e *typeEmitter) directionChecks(g *jen.Group, f *model.Field, field *jen.Statement) {
	var present, absent jen.Code
	switch f.Wrap {
	case model.WrapOpt, model.WrapNullable:
		present, absent = field.Clone().Dot("Set"), jen.Op("!").Add(field.Clone()).Dot("Set")
	case model.WrapPointer:
		present, absent = field.Clone().Op("!=").Nil(), field.Clone().Op("==").Nil()
	default:
		return // a required field is neither read- nor write-only
	}
	newPath := jen.Id("fp").Op(":=").Id("p").Dot("field").Call(jen.Lit(f.JSONName))
	switch {
	case f.ReadOnly && !f.WriteOnly:
		g.If(jen.Id("c").Dot("request").Op("&&").Add(present)).Block(
			newPath,
			jen.Id("c").Dot("readOnly").Call(jen.Op("&").Id("fp")),
		)
	case f.RequiredInRequest:
		g.If(jen.Id("c").Dot("request").Op("&&").Add(absent)).Block(
			newPath,
			jen.Id("c").Dot("required").Call(jen.Op("&").Id("fp")),
		)
	}
}

// pathVar names a path in generated code: a *path parameter such as p, or
// a path value such as fp whose address is taken.
type pathVar struct {
	name    string
	pointer bool
}

func (p pathVar) ptr() jen.Code {
	if p.pointer {
		return jen.Id(p.name)
	}
	return jen.Op("&").Id(p.name)
}

func (p pathVar) call(method string, arg jen.Code) *jen.Statement {
	return jen.Id(p.name).Dot(method).Call(arg)
}

func (e *typeEmitter) validateBody(g *jen.Group, t *model.Type) {
	p := pathVar{name: "p", pointer: true}
	switch t.Kind {
	case model.Struct:
		e.structChecks(g, t)
	case model.Enum:
		allowed := make([]string, len(t.Enum.Values))
		for i, v := range t.Enum.Values {
			allowed[i] = jsonLiteral(v.Value)
		}
		g.If(jen.Op("!").Id("v").Dot("IsKnown").Call()).Block(
			jen.Id("c").Dot("notAllowed").Call(p.ptr(), builtin(t.Enum.Base).Call(jen.Id("v")), jen.Lit(strings.Join(allowed, ", "))),
		)
	case model.Alias:
		r := &model.Ref{Kind: model.RefBuiltin, Builtin: t.Elem.Builtin, Constraints: t.Constraints}
		if t.Elem.Kind == model.RefBuiltin && e.refHasChecks(r) {
			e.check(g, r, builtin(t.Elem.Builtin).Call(jen.Id("v")), p, 1)
		}
	case model.Slice:
		e.check(g, &model.Ref{Kind: model.RefSlice, Elem: t.Elem, Constraints: t.Constraints}, jen.Id("v"), p, 1)
	case model.Map:
		e.check(g, &model.Ref{Kind: model.RefMap, Elem: t.Elem, Constraints: t.Constraints}, jen.Id("v"), p, 1)
	case model.Union:
		e.unionChecks(g, t)
	}
}

// structChecks checks property counts, then each field in order.
func (e *typeEmitter) structChecks(g *jen.Group, t *model.Type) {
	p := pathVar{name: "p", pointer: true}
	if c := t.Constraints; c.MinProperties != nil || c.MaxProperties != nil {
		fixed := 0
		if t.Extra == model.ExtraKeep {
			g.Id("n").Op(":=").Len(jen.Id("v").Dot("AdditionalProperties"))
		} else {
			g.Id("n").Op(":=").Lit(0)
		}
		for _, f := range t.Fields {
			switch f.Wrap {
			case model.WrapNone:
				fixed++
			case model.WrapPointer:
				g.If(jen.Id("v").Dot(f.Name).Op("!=").Nil()).Block(jen.Id("n").Op("++"))
			default:
				g.If(jen.Id("v").Dot(f.Name).Dot("Set")).Block(jen.Id("n").Op("++"))
			}
		}
		if fixed > 0 {
			g.Id("n").Op("+=").Lit(fixed)
		}
		if c.MinProperties != nil {
			g.Id("c").Dot("minProperties").Call(p.ptr(), jen.Id("n"), jen.Lit(*c.MinProperties))
		}
		if c.MaxProperties != nil {
			g.Id("c").Dot("maxProperties").Call(p.ptr(), jen.Id("n"), jen.Lit(*c.MaxProperties))
		}
	}
	for _, f := range t.Fields {
		e.fieldChecks(g, f)
	}
	dependencyChecks(g, t)
	if extrasChecked(t) {
		e.extraChecks(g, t)
	}
	if a := t.Alternatives; a != nil {
		alternativesCheck(g, t, a)
	}
}

// dependencyChecks reports each property that dependentRequired asks for
// and the value lacks:
//
//	if v.Card.Set && !v.Billing.Set {
//		fp := p.field("billing")
//		c.requiredBy(&fp, "card")
//	}
func dependencyChecks(g *jen.Group, t *model.Type) {
	for _, d := range t.Dependencies {
		given := presence(t, d.Property)
		if given.never {
			continue
		}
		for _, name := range d.Requires {
			needed := presence(t, name)
			if needed.always {
				continue
			}
			var cond []jen.Code
			if !given.always {
				cond = append(cond, given.has)
			}
			if !needed.never {
				cond = append(cond, needed.lacks)
			}
			report := []jen.Code{
				jen.Id("fp").Op(":=").Id("p").Dot("field").Call(jen.Lit(name)),
				jen.Id("c").Dot("requiredBy").Call(jen.Op("&").Id("fp"), jen.Lit(d.Property)),
			}
			if len(cond) == 0 {
				g.Block(report...)
				continue
			}
			all := jen.Add(cond[0])
			for _, c := range cond[1:] {
				all.Op("&&").Add(c)
			}
			g.If(all).Block(report...)
		}
	}
}

// held says how a struct holds one of its properties: has and lacks are
// the expressions that tell whether a value has it, unless it always has
// it (a required field) or never can (undeclared, and not kept).
type held struct {
	has, lacks    jen.Code
	always, never bool
}

// presence says how a value of struct t holds the property of that JSON
// name.
func presence(t *model.Type, name string) held {
	for _, f := range t.Fields {
		if f.JSONName != name {
			continue
		}
		field := jen.Id("v").Dot(f.Name)
		switch f.Wrap {
		case model.WrapOpt, model.WrapNullable:
			return held{has: field.Clone().Dot("Set"), lacks: jen.Op("!").Add(field.Clone()).Dot("Set")}
		case model.WrapPointer:
			return held{has: field.Clone().Op("!=").Nil(), lacks: field.Clone().Op("==").Nil()}
		}
		return held{always: true}
	}
	if t.Extra == model.ExtraKeep {
		raw := jen.Id("v").Dot("AdditionalProperties").Index(jen.Lit(name))
		return held{has: raw.Clone().Op("!=").Nil(), lacks: raw.Clone().Op("==").Nil()}
	}
	return held{never: true}
}

// alternativesCheck counts the sets of properties (see model.Alternatives)
// that a value has all of, and reports none, or more than one for a oneOf:
//
//	{
//		n := 0
//		if v.OrgID.Set {
//			n++
//		}
//		if v.Org.Set {
//			n++
//		}
//		if n != 1 {
//			c.alternatives(p, n, "{orgID}, {org}")
//		}
//	}
func alternativesCheck(g *jen.Group, t *model.Type, a *model.Alternatives) {
	byName := map[string]*model.Field{}
	for _, f := range t.Fields {
		byName[f.JSONName] = f
	}
	g.BlockFunc(func(b *jen.Group) {
		b.Id("n").Op(":=").Lit(0)
		for _, set := range a.Sets {
			var has []jen.Code
			for _, name := range set {
				f := byName[name]
				if f == nil {
					continue
				}
				field := jen.Id("v").Dot(f.Name)
				switch f.Wrap {
				case model.WrapOpt, model.WrapNullable:
					has = append(has, field.Dot("Set"))
				case model.WrapPointer:
					has = append(has, field.Op("!=").Nil())
				}
			}
			if len(has) == 0 {
				b.Id("n").Op("++")
				continue
			}
			cond := jen.Add(has[0])
			for _, h := range has[1:] {
				cond.Op("&&").Add(h)
			}
			b.If(cond).Block(jen.Id("n").Op("++"))
		}
		fails := jen.Id("n").Op("==").Lit(0)
		if a.Exactly {
			fails = jen.Id("n").Op("!=").Lit(1)
		}
		b.If(fails).Block(jen.Id("c").Dot("alternatives").Call(jen.Id("p"), jen.Id("n"), jen.Lit(a.String())))
	})
}

// extraChecks checks each property the schema does not declare, in the
// order of their keys: its name against propertyNames, its value against
// the patternProperties its name matches, and, when it matches none,
// against the type additionalProperties gives, or refused when that is
// false:
//
//	for _, k := range sortedKeys(v.AdditionalProperties) {
//		np := p.propertyName(k)
//		c.pattern(&np, k, patternLabelKey)
//		kp := p.field(k)
//		matched := false
//		if pattern1.MatchString(k) {
//			matched = true
//			var x string
//			if extra(c, &kp, v.AdditionalProperties[k], &x, decodeString, false) {
//				c.maxLength(&kp, x, 9216)
//			}
//		}
//		if !matched {
//			c.unknownProperty(&kp)
//		}
//	}
func (e *typeEmitter) extraChecks(g *jen.Group, t *model.Type) {
	p := pathVar{name: "p", pointer: true}
	extras := jen.Id("v").Dot("AdditionalProperties")
	rest := t.ExtraClosed || t.ExtraType != nil // a check for names no pattern matches
	// The patterns to test: those whose values can be wrong (any JSON is
	// a raw value), and all when a name that matches none is checked.
	var patterns []model.PatternProperty
	for _, pp := range t.PatternProperties {
		if rest || !isRawJSON(pp.Type) {
			patterns = append(patterns, pp)
		}
	}
	g.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("sortedKeys").Call(extras.Clone())).BlockFunc(func(b *jen.Group) {
		if names := t.Constraints.PropertyNames; names != nil && t.Extra == model.ExtraKeep {
			e.nameChecks(b, names, jen.Id("k"), p, "np")
		}
		if len(patterns) == 0 && !rest {
			return
		}
		b.Id("kp").Op(":=").Add(p.call("field", jen.Id("k")))
		otherwise := func(b *jen.Group) {
			if t.ExtraClosed {
				b.Id("c").Dot("unknownProperty").Call(jen.Op("&").Id("kp"))
				return
			}
			e.extraValueChecks(b, t.ExtraType)
		}
		if len(patterns) == 0 {
			otherwise(b)
			return
		}
		if rest {
			b.Id("matched").Op(":=").False()
		}
		for _, pp := range patterns {
			b.If(jen.Id(e.pattern(pp.Names)).Dot("MatchString").Call(jen.Id("k"))).BlockFunc(func(b *jen.Group) {
				if rest {
					b.Id("matched").Op("=").True()
				}
				e.extraValueChecks(b, pp.Type)
			})
		}
		if rest {
			b.If(jen.Op("!").Id("matched")).BlockFunc(otherwise)
		}
	})
}

// extrasChecked reports whether struct t has anything to check in the
// properties it does not declare (see extraChecks).
func extrasChecked(t *model.Type) bool {
	if t.ExtraType != nil || t.ExtraClosed || t.Extra == model.ExtraKeep && t.Constraints.PropertyNames != nil {
		return true
	}
	return slices.ContainsFunc(t.PatternProperties, func(pp model.PatternProperty) bool { return !isRawJSON(pp.Type) })
}

// extraValueChecks decodes the raw value of undeclared property k into a
// value of r's type, and checks it; any JSON is a value of a raw type.
func (e *typeEmitter) extraValueChecks(b *jen.Group, r *model.Ref) {
	if isRawJSON(r) {
		return
	}
	kp := pathVar{name: "kp"}
	b.Var().Id("x").Add(goType(r))
	decoded := jen.Id("extra").Call(jen.Id("c"), kp.ptr(), jen.Id("v").Dot("AdditionalProperties").Index(jen.Id("k")), jen.Op("&").Id("x"), plainDecoder(r), jen.Lit(r.Nullable))
	if e.refHasChecks(r) {
		b.If(decoded).BlockFunc(func(b *jen.Group) { e.check(b, r, jen.Id("x"), kp, 1) })
	} else {
		b.Add(decoded)
	}
}

// isRawJSON reports whether r holds any JSON value as it is.
func isRawJSON(r *model.Ref) bool {
	return r.Kind == model.RefBuiltin && r.Builtin == model.RawJSON
}

// nameChecks checks key, the name of a property below p, against the
// string checks of propertyNames; a violation names the property:
//
//	np := p.propertyName(k)
//	c.maxLength(&np, k, 63)
func (e *typeEmitter) nameChecks(g *jen.Group, names *model.Constraints, key jen.Code, p pathVar, np string) {
	g.Id(np).Op(":=").Add(p.call("propertyName", key))
	e.scalarChecks(g, model.String, *names, jen.Add(key), pathVar{name: np})
}

// fieldChecks checks one field, reading through its wrapper:
//
//	if v.Scope.Set && !v.Scope.Null {
//		fp := p.field("scope")
//		...
//	}
func (e *typeEmitter) fieldChecks(g *jen.Group, f *model.Field) {
	fp := pathVar{name: "fp"}
	newPath := jen.Id("fp").Op(":=").Id("p").Dot("field").Call(jen.Lit(f.JSONName))
	field := jen.Id("v").Dot(f.Name)
	e.directionChecks(g, f, field)
	has := e.refHasChecks(f.Type)
	switch f.Wrap {
	case model.WrapNone:
		if f.Required && f.Type.Kind == model.RefBuiltin && f.Type.Builtin == model.String && f.Type.Constraints.MinLength != nil {
			// An empty required string is reported as missing, which is
			// what it almost always is.
			g.BlockFunc(func(b *jen.Group) {
				b.Add(newPath)
				b.If(field.Clone().Op("==").Lit("")).Block(
					jen.Id("c").Dot("required").Call(fp.ptr()),
				).Else().BlockFunc(func(b *jen.Group) { e.check(b, f.Type, field.Clone(), fp, 1) })
			})
			return
		}
		if has {
			g.BlockFunc(func(b *jen.Group) {
				b.Add(newPath)
				e.check(b, f.Type, field.Clone(), fp, 1)
			})
		}
	case model.WrapOpt:
		if has {
			g.If(field.Clone().Dot("Set")).BlockFunc(func(b *jen.Group) {
				b.Add(newPath)
				e.check(b, f.Type, field.Clone().Dot("Value"), fp, 1)
			})
		}
	case model.WrapNullable:
		if f.Required {
			g.If(jen.Op("!").Add(field.Clone()).Dot("Set")).Block(
				jen.Id("fp").Op(":=").Id("p").Dot("field").Call(jen.Lit(f.JSONName)),
				jen.Id("c").Dot("required").Call(fp.ptr()),
			)
		}
		if f.NullOnly {
			g.If(field.Clone().Dot("Set").Op("&&").Op("!").Add(field.Clone()).Dot("Null")).Block(
				newPath,
				jen.Id("c").Dot("report").Call(fp.ptr(), jen.Lit("must be null")),
			)
		} else if has {
			g.If(field.Clone().Dot("Set").Op("&&").Op("!").Add(field.Clone()).Dot("Null")).BlockFunc(func(b *jen.Group) {
				b.Add(newPath)
				e.check(b, f.Type, field.Clone().Dot("Value"), fp, 1)
			})
		}
	case model.WrapPointer:
		checks := func(b *jen.Group) {
			b.Add(newPath)
			e.check(b, f.Type, field.Clone(), fp, 1)
		}
		switch {
		case f.Required:
			// A required property held through a pointer (it is
			// recursive) is missing when the pointer is nil.
			missing := g.If(field.Clone().Op("==").Nil()).Block(
				jen.Id("fp").Op(":=").Id("p").Dot("field").Call(jen.Lit(f.JSONName)),
				jen.Id("c").Dot("required").Call(fp.ptr()),
			)
			if has {
				missing.Else().BlockFunc(checks)
			}
		case has:
			g.If(field.Clone().Op("!=").Nil()).BlockFunc(checks)
		}
	}
}

// check emits the checks for val, a Go expression of the reference's type,
// found at path p. depth keeps loop variables of nested arrays apart.
func (e *typeEmitter) check(g *jen.Group, r *model.Ref, val *jen.Statement, p pathVar, depth int) {
	c := r.Constraints
	switch r.Kind {
	case model.RefNamed:
		if e.hasChecks(r.Named) {
			g.Add(val.Clone().Dot("validate").Call(jen.Id("c"), p.ptr()))
		}
	case model.RefBuiltin:
		e.scalarChecks(g, r.Builtin, c, val, p)
	case model.RefSlice:
		if c.MinItems != nil {
			g.Id("c").Dot("minItems").Call(p.ptr(), jen.Len(val.Clone()), jen.Lit(*c.MinItems))
		}
		if c.MaxItems != nil {
			g.Id("c").Dot("maxItems").Call(p.ptr(), jen.Len(val.Clone()), jen.Lit(*c.MaxItems))
		}
		if c.UniqueItems {
			fn := "uniqueItemsJSON"
			if comparable(r.Elem) {
				fn = "uniqueItems"
			}
			g.Id(fn).Call(jen.Id("c"), p.ptr(), val.Clone())
		}
		if k := c.Contains; k != nil && comparable(r.Elem) {
			max := -1 // no maxContains
			if k.Max != nil {
				max = *k.Max
			}
			g.Id("containsItems").Call(jen.Id("c"), p.ptr(), val.Clone(), containsValues(r.Elem, k), jen.Lit(containsWant(k)), jen.Lit(k.Min), jen.Lit(max))
		}
		if e.refHasChecks(r.Elem) {
			i, ip := fmt.Sprintf("i%d", depth), pathVar{name: fmt.Sprintf("ip%d", depth)}
			g.For(jen.Id(i).Op(":=").Range().Add(val.Clone())).BlockFunc(func(b *jen.Group) {
				b.Id(ip.name).Op(":=").Add(p.call("at", jen.Id(i)))
				e.elemChecks(b, r.Elem, val.Clone().Index(jen.Id(i)), ip, depth+1)
			})
		}
	case model.RefMap:
		if c.MinProperties != nil {
			g.Id("c").Dot("minProperties").Call(p.ptr(), jen.Len(val.Clone()), jen.Lit(*c.MinProperties))
		}
		if c.MaxProperties != nil {
			g.Id("c").Dot("maxProperties").Call(p.ptr(), jen.Len(val.Clone()), jen.Lit(*c.MaxProperties))
		}
		if elem := e.refHasChecks(r.Elem); elem || c.PropertyNames != nil {
			k, x, kp := fmt.Sprintf("k%d", depth), fmt.Sprintf("x%d", depth), pathVar{name: fmt.Sprintf("kp%d", depth)}
			g.For(jen.List(jen.Id("_"), jen.Id(k)).Op(":=").Range().Id("sortedKeys").Call(val.Clone())).BlockFunc(func(b *jen.Group) {
				if c.PropertyNames != nil {
					e.nameChecks(b, c.PropertyNames, jen.Id(k), p, fmt.Sprintf("np%d", depth))
				}
				if elem {
					b.Id(x).Op(":=").Add(val.Clone()).Index(jen.Id(k))
					b.Id(kp.name).Op(":=").Add(p.call("key", jen.Id(k)))
					e.elemChecks(b, r.Elem, jen.Id(x), kp, depth+1)
				}
			})
		}
	}
}

// elemChecks checks an item or map value, which is Nullable[T] when it may be null.
func (e *typeEmitter) elemChecks(g *jen.Group, r *model.Ref, val *jen.Statement, p pathVar, depth int) {
	if heldNullable(r) {
		g.If(val.Clone().Dot("Set").Op("&&").Op("!").Add(val.Clone()).Dot("Null")).BlockFunc(func(b *jen.Group) {
			e.check(b, r, val.Clone().Dot("Value"), p, depth)
		})
		return
	}
	e.check(g, r, val, p, depth)
}

// scalarChecks emits string-length, pattern and numeric-range checks.
func (e *typeEmitter) scalarChecks(g *jen.Group, b model.Builtin, c model.Constraints, val *jen.Statement, p pathVar) {
	if b == model.String {
		if c.MinLength != nil {
			g.Id("c").Dot("minLength").Call(p.ptr(), val.Clone(), jen.Lit(*c.MinLength))
		}
		if c.MaxLength != nil {
			g.Id("c").Dot("maxLength").Call(p.ptr(), val.Clone(), jen.Lit(*c.MaxLength))
		}
		if c.Pattern != "" {
			g.Id("c").Dot("pattern").Call(p.ptr(), val.Clone(), jen.Id(e.pattern(c)))
		}
		for m := c.More; m != nil; m = m.Next {
			more := model.Constraints{Pattern: m.Pattern, Split: m.Split}
			g.Id("c").Dot("pattern").Call(p.ptr(), val.Clone(), jen.Id(e.pattern(more)))
		}
		if model.CheckedFormat(c.Format) {
			g.Id("c").Dot("knownFormat").Call(p.ptr(), val.Clone(), jen.Lit(c.Format))
		}
		return
	}
	if !b.Numeric() {
		return
	}
	// Integers compare with integer bounds; a fractional bound on an
	// integer compares in float64.
	x := val.Clone()
	integer := b == model.Int64 || b == model.Int32
	whole := func(f *float64) bool { return f == nil || (*f == math.Trunc(*f) && math.Abs(*f) < 1<<53) }
	if integer && !(whole(c.Minimum) && whole(c.Maximum) && whole(c.MultipleOf)) {
		x, integer = jen.Float64().Call(val.Clone()), false
	}
	lit := func(f float64) jen.Code {
		if integer {
			return jen.Lit(int(f)) // untyped, so it takes the value's type
		}
		if f == math.Trunc(f) {
			return jen.Id(strconv.FormatFloat(f, 'f', 1, 64))
		}
		return jen.Lit(f)
	}
	if c.Minimum != nil {
		g.Id("minimum").Call(jen.Id("c"), p.ptr(), x.Clone(), lit(*c.Minimum), jen.Lit(c.ExclusiveMinimum))
	}
	if c.Maximum != nil {
		g.Id("maximum").Call(jen.Id("c"), p.ptr(), x.Clone(), lit(*c.Maximum), jen.Lit(c.ExclusiveMaximum))
	}
	if c.MultipleOf != nil {
		g.Id("multipleOf").Call(jen.Id("c"), p.ptr(), x.Clone(), lit(*c.MultipleOf))
	}
}

// pattern returns the package variable holding the compiled pattern.
func (e *typeEmitter) pattern(c model.Constraints) string {
	p := c.Pattern
	if name, ok := e.patterns[p]; ok {
		return name
	}
	name := e.patternPrefix + strconv.Itoa(len(e.patternOrder)+1)
	e.patterns[p] = name
	e.splits[p] = c.Split
	e.patternOrder = append(e.patternOrder, p)
	return name
}

// comparable reports whether Go can compare items of r with ==.
func comparable(r *model.Ref) bool {
	if r.Nullable {
		return false
	}
	switch r.Kind {
	case model.RefBuiltin:
		return r.Builtin != model.RawJSON && r.Builtin != model.Time
	case model.RefNamed:
		switch r.Named.Kind {
		case model.Enum:
			return true
		case model.Alias:
			return comparable(r.Named.Elem)
		}
	}
	return false
}

// containsValues is the slice of the values a contains check counts, of
// the items' Go type: []ScopeEnum{"openid"}, []int64{1, 2}.
func containsValues(elem *model.Ref, k *model.ContainsCheck) *jen.Statement {
	var values []jen.Code
	for _, v := range k.Values {
		if f, ok := v.(float64); ok && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
			v = int64(f) // an untyped integer constant, which any numeric type takes
		}
		values = append(values, jen.Op(literalText(v)))
	}
	return jen.Index().Add(goType(elem)).Values(values...)
}

// literalText is the Go literal of a spec's scalar value, untyped.
func literalText(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}

// containsWant names the values of a contains check in its message:
// "openid", or "a" or "b".
func containsWant(k *model.ContainsCheck) string {
	var names []string
	for _, v := range k.Values {
		if f, ok := v.(float64); ok {
			names = append(names, strconv.FormatFloat(f, 'f', -1, 64))
			continue
		}
		names = append(names, literalText(v))
	}
	return strings.Join(names, " or ")
}

// hasChecks reports whether validating a value of t can find anything.
func (e *typeEmitter) hasChecks(t *model.Type) bool {
	if v, ok := e.checks[t]; ok {
		return v
	}
	e.checks[t] = true // a type that reaches itself is assumed to check
	v := false
	switch t.Kind {
	case model.Enum, model.Union:
		v = true
	case model.Struct:
		// An additional property can always be of another type than the
		// one additionalProperties gives.
		v = t.Constraints.MinProperties != nil || t.Constraints.MaxProperties != nil || t.ExtraType != nil || t.Alternatives != nil ||
			len(t.Dependencies) > 0 || extrasChecked(t)
		for _, f := range t.Fields {
			v = v || e.refHasChecks(f.Type) || (f.Required && (f.Wrap == model.WrapNullable || f.Wrap == model.WrapPointer)) || (f.ReadOnly && !f.WriteOnly) || f.RequiredInRequest || f.NullOnly
		}
	case model.Alias:
		if t.Elem.Kind == model.RefNamed {
			v = e.hasChecks(t.Elem.Named)
		} else {
			v = e.refHasChecks(&model.Ref{Kind: model.RefBuiltin, Builtin: t.Elem.Builtin, Constraints: t.Constraints})
		}
	case model.Slice:
		v = e.refHasChecks(&model.Ref{Kind: model.RefSlice, Elem: t.Elem, Constraints: t.Constraints})
	case model.Map:
		v = e.refHasChecks(&model.Ref{Kind: model.RefMap, Elem: t.Elem, Constraints: t.Constraints})
	}
	e.checks[t] = v
	return v
}

// refHasChecks reports whether a value of r can break anything.
func (e *typeEmitter) refHasChecks(r *model.Ref) bool {
	c := r.Constraints
	switch r.Kind {
	case model.RefNamed:
		return e.hasChecks(r.Named)
	case model.RefBuiltin:
		switch {
		case r.Builtin == model.String:
			return c.StringChecks()
		case r.Builtin.Numeric():
			return c.Minimum != nil || c.Maximum != nil || c.MultipleOf != nil
		}
		return false
	case model.RefSlice:
		return c.MinItems != nil || c.MaxItems != nil || c.UniqueItems || c.Contains != nil && comparable(r.Elem) || e.refHasChecks(r.Elem)
	case model.RefMap:
		return c.MinProperties != nil || c.MaxProperties != nil || c.PropertyNames != nil || e.refHasChecks(r.Elem)
	}
	return false
}
