package emit

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/generator/model"
)

// typesFile declares every named type with its validator.
func typesFile(d *decls, api *model.API) {
	e := newTypeEmitter("pattern")
	for _, t := range api.Types {
		d.add(e.declare(t))
	}
	e.patternVars(d)
}

// patternVars declares the regular expressions the file's checks use,
// compiled once when the package loads.
func (e *typeEmitter) patternVars(d *decls) {
	if len(e.patternOrder) == 0 {
		return
	}
	d.add(jen.Comment("Patterns from the spec, compiled once.").Line().Var().DefsFunc(func(g *jen.Group) {
		for _, p := range e.patternOrder {
			if split := e.splits[p]; split != nil && len(split.Loosened) > 0 {
				for _, line := range wrap("Checked without "+strings.Join(split.Loosened, ", ")+": Go's regexp has no look-arounds, and one mid-pattern has no regexp of its own to stand in for it.", 72) {
					g.Comment(commentLine(line))
				}
			}
			g.Id(e.patterns[p]).Op("=").Add(compiledPattern(p, e.splits[p]))
		}
	}))
}

// compiledPattern compiles a pattern: with regexp.MustCompile, or, for one
// Go cannot run as written, as a splitPattern of the regexps it splits into:
//
//	&splitPattern{source: "^(?!-).+$", alternatives: []splitAlternative{{
//		all:  []*regexp.Regexp{regexp.MustCompile("^(?:.+$)")},
//		none: []*regexp.Regexp{regexp.MustCompile("^(?:-)")},
//	}}}
func compiledPattern(p string, split *model.SplitPattern) jen.Code {
	if split == nil {
		return jen.Qual("regexp", "MustCompile").Call(jen.Lit(p))
	}
	regexps := func(list []string) jen.Code {
		return jen.Index().Op("*").Qual("regexp", "Regexp").ValuesFunc(func(g *jen.Group) {
			for _, re := range list {
				g.Qual("regexp", "MustCompile").Call(jen.Lit(re))
			}
		})
	}
	return jen.Op("&").Id("splitPattern").Values(jen.Dict{
		jen.Id("source"): jen.Lit(p),
		jen.Id("alternatives"): jen.Index().Id("splitAlternative").ValuesFunc(func(g *jen.Group) {
			for _, a := range split.Alternatives {
				d := jen.Dict{}
				if len(a.All) > 0 {
					d[jen.Id("all")] = regexps(a.All)
				}
				if len(a.None) > 0 {
					d[jen.Id("none")] = regexps(a.None)
				}
				g.Values(d)
			}
		}),
	})
}

// typeEmitter renders named types; it remembers the regular expressions it
// has declared so each is compiled once per package.
type typeEmitter struct {
	// patternPrefix starts the names of the file's pattern variables
	// (pattern1, clientPattern1, ...): each file numbers its own, and
	// they share the package.
	patternPrefix string
	patterns      map[string]string              // pattern → variable name
	splits        map[string]*model.SplitPattern // pattern → its split, for one Go cannot run as written
	patternOrder  []string
	checks        map[*model.Type]bool // memo for hasChecks
}

func newTypeEmitter(patternPrefix string) *typeEmitter {
	return &typeEmitter{patternPrefix: patternPrefix, patterns: map[string]string{}, splits: map[string]*model.SplitPattern{}, checks: map[*model.Type]bool{}}
}

func (e *typeEmitter) declare(t *model.Type) jen.Code {
	switch t.Kind {
	case model.Struct:
		return e.structType(t)
	case model.Enum:
		return e.enumType(t)
	case model.Union:
		return e.unionType(t)
	case model.Alias:
		if t.Elem.Kind == model.RefNamed {
			return e.aliasOfNamed(t)
		}
		return e.definedType(t)
	default:
		return e.definedType(t)
	}
}

// typeDoc is the doc comment of a named type:
//
//	// Organization is the schema "Organization".
//	//
//	// <description>
func typeDoc(t *model.Type, what string) *jen.Statement {
	return docOf(t, fmt.Sprintf("%s is %s generated from %s.", t.Name, what, schemaOf(t)))
}

// schemaOf names the schema a type is generated from: `the schema "X"`,
// or the name an inline schema goes by.
func schemaOf(t *model.Type) string {
	if t.Schema == t.Name {
		return fmt.Sprintf("the schema %q", t.Schema)
	}
	return t.Schema
}

// docOf is a type's doc comment: its first sentence, then the schema's
// description and deprecation.
func docOf(t *model.Type, first string) *jen.Statement {
	var b strings.Builder
	b.WriteString(first)
	if t.Doc != "" {
		b.WriteString("\n\n" + t.Doc)
	}
	if t.Deprecated {
		b.WriteString("\n\nDeprecated: the spec marks this schema as deprecated.")
	}
	return comment(b.String())
}

// builtin returns the Go type of a builtin.
func builtin(b model.Builtin) *jen.Statement {
	switch b {
	case model.String:
		return jen.String()
	case model.Int64:
		return jen.Int64()
	case model.Int32:
		return jen.Int32()
	case model.Float64:
		return jen.Float64()
	case model.Float32:
		return jen.Float32()
	case model.Bool:
		return jen.Bool()
	case model.Time:
		return jen.Qual("time", "Time")
	}
	return jen.Qual("encoding/json", "RawMessage")
}

// goType returns the Go type expression of a reference, without wrappers.
func goType(r *model.Ref) *jen.Statement {
	return typeExpr(r, false)
}

// argType is goType for a type argument (the T of Opt[T] and Nullable[T]):
// an alias of a recursive type is spelled as the type it stands for. Go
// 1.26's type checker panics on such an alias among the type arguments
// when the types that use it are declared before it
// (go.dev/issue/78296); AWS Connect Cases' CaseFilterAndAllList, an alias
// of a list of filters that hold lists of filters, broke the build.
func argType(r *model.Ref) *jen.Statement {
	return typeExpr(r, true)
}

// typeExpr is goType, or argType when inArg.
func typeExpr(r *model.Ref, inArg bool) *jen.Statement {
	switch r.Kind {
	case model.RefNamed:
		if inArg && r.Named.Recursive {
			return jen.Id(aliasTarget(r.Named).Name)
		}
		if r.As != nil {
			return jen.Id(r.As.Name)
		}
		return jen.Id(r.Named.Name)
	case model.RefSlice:
		return jen.Index().Add(itemType(r.Elem, inArg))
	case model.RefMap:
		return jen.Map(jen.String()).Add(itemType(r.Elem, inArg))
	case model.RefExternal:
		if r.Import == "" {
			return jen.Id(r.External)
		}
		return jen.Qual(r.Import, r.External)
	}
	return builtin(r.Builtin)
}

// aliasTarget follows a chain of aliases (type A = B) to the type declared
// with a body of its own.
func aliasTarget(t *model.Type) *model.Type {
	for t.Kind == model.Alias && t.Elem != nil && t.Elem.Kind == model.RefNamed {
		t = t.Elem.Named
	}
	return t
}

// elemType is the type of a slice item or map value: Nullable[T] when the
// item may be null, T otherwise.
func elemType(r *model.Ref) *jen.Statement {
	return itemType(r, false)
}

// itemType is elemType, inside a type argument when inArg.
func itemType(r *model.Ref, inArg bool) *jen.Statement {
	if heldNullable(r) {
		return jen.Id("Nullable").Types(argType(r))
	}
	return typeExpr(r, inArg)
}

// heldNullable reports whether an item or map value is held as Nullable[T]:
// when it may be null, unless it is raw JSON, which holds null itself.
func heldNullable(r *model.Ref) bool {
	return r.Nullable && !(r.Kind == model.RefBuiltin && r.Builtin == model.RawJSON)
}

// fieldType wraps a field's type as the model decided: T, Opt[T],
// Nullable[T] or *T.
func fieldType(f *model.Field) *jen.Statement {
	switch f.Wrap {
	case model.WrapOpt:
		return jen.Id("Opt").Types(argType(f.Type))
	case model.WrapNullable:
		return jen.Id("Nullable").Types(argType(f.Type))
	case model.WrapPointer:
		return jen.Op("*").Add(goType(f.Type))
	}
	return goType(f.Type)
}

// fieldTag is the JSON tag: absent optional values are omitted through
// their IsZero method (`omitzero`); pointers through omitempty. A parameter
// is tagged with its name, place and whether it is required instead:
// `param:"per_page,query"`, which the API-change report reads, with
// allowEmptyValue when an empty value stands for the parameter left out,
// and json when it travels as JSON text (see model.Param.JSON).
func fieldTag(f *model.Field) map[string]string {
	if p := f.Param; p != nil {
		tag := p.Name + "," + string(p.In)
		if p.Required {
			tag += ",required"
		}
		if p.EmptyMeansUnused() {
			tag += ",allowEmptyValue"
		}
		if p.JSON {
			tag += ",json"
		}
		return map[string]string{"param": tag}
	}
	if !tagHoldsName(f.JSONName) {
		return map[string]string{"json": "-"}
	}
	switch f.Wrap {
	case model.WrapOpt, model.WrapNullable:
		return map[string]string{"json": f.JSONName + ",omitzero"}
	case model.WrapPointer:
		return map[string]string{"json": f.JSONName + ",omitempty"}
	}
	return map[string]string{"json": f.JSONName}
}

// tagHoldsName reports whether encoding/json can read a property name
// from a struct tag: a comma would end the name there, and quotes,
// backslashes and most other punctuation make it ignore the name.
func tagHoldsName(name string) bool {
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", r) {
			return false
		}
	}
	return name != ""
}

// fieldDoc documents a field from its description and facts about it.
func fieldDoc(f *model.Field) string {
	var notes []string
	if f.Param == nil && !tagHoldsName(f.JSONName) {
		notes = append(notes, fmt.Sprintf("The property is named %q, which a struct tag cannot hold; MarshalJSON and UnmarshalJSON use that name.", f.JSONName))
	}

	if f.Required {
		notes = append(notes, "Required.")
	}
	switch {
	case f.ReadOnly && f.WriteOnly:
		notes = append(notes, "Read-only and write-only, so never required.")
	case f.ReadOnly:
		notes = append(notes, "Read-only: set by the server, and refused in a request.")
		if f.RequiredInResponse {
			notes = append(notes, "Required in responses.")
		}
	case f.WriteOnly:
		notes = append(notes, "Write-only: never returned by the server.")
		if f.RequiredInRequest {
			notes = append(notes, "Required in requests.")
		}
	}
	if f.Default != nil {
		notes = append(notes, fmt.Sprintf("Default: %s.", jsonLiteral(f.Default)))
	}
	doc := f.Doc
	if len(notes) > 0 {
		if doc != "" {
			doc += "\n"
		}
		doc += strings.Join(notes, " ")
	}
	if f.Deprecated {
		doc += "\n\nDeprecated: the spec marks this property as deprecated."
	}
	return doc
}

// structType declares a struct and its methods:
//
//	type Organization struct {
//		ID   Opt[string] `json:"id,omitzero"`
//		...
//		AdditionalProperties map[string]json.RawMessage `json:"-"`
//	}
func (e *typeEmitter) structType(t *model.Type) jen.Code {
	what := "an object"
	switch {
	case t.Headers:
		what = "the headers struct"
	case t.Params:
		what = "the parameters struct"
	}
	doc := typeDoc(t, what)
	if a := t.Alternatives; a != nil {
		how, keyword := "one", "anyOf"
		if a.Exactly {
			how, keyword = "exactly one", "oneOf"
		}
		doc.Add(commentf("It must have all the properties of %s of %s, as the schema's %s says.", how, a, keyword))
	}
	if len(t.Fields) == 0 && t.Extra == model.ExtraForbid {
		doc.Add(comment("It admits no property (additionalProperties is false): its JSON is {}."))
	}
	if len(t.PatternProperties) > 0 {
		patterns := make([]string, len(t.PatternProperties))
		for i, pp := range t.PatternProperties {
			patterns[i] = pp.Names.Pattern
		}
		doc.Add(commentf("It keeps the properties it does not declare; one whose name matches %s is checked against that pattern's schema (patternProperties).", strings.Join(patterns, " or ")))
		if t.ExtraClosed {
			doc.Add(comment("One that matches none is refused (additionalProperties is false)."))
		}
	}
	for _, d := range t.Dependencies {
		doc.Add(commentf("With %s, it must have %s too (dependentRequired).", d.Property, strings.Join(d.Requires, " and ")))
	}
	code := doc.Type().Id(t.Name).StructFunc(func(g *jen.Group) {
		for _, f := range t.Fields {
			g.Add(comment(fieldDoc(f))).Id(f.Name).Add(fieldType(f)).Tag(fieldTag(f))
		}
		if t.Extra == model.ExtraKeep {
			g.Add(comment("AdditionalProperties keeps the properties the schema does not declare, so that they survive a decode → encode round trip.")).
				Id("AdditionalProperties").Map(jen.String()).Qual("encoding/json", "RawMessage").Tag(map[string]string{"json": "-"})
		}
	}).Line().Line()
	code.Add(e.validateMethods(t, jen.Op("*").Id(t.Name)))
	return code
}

// knownFieldsFunc names the function that tells declared property names.
func knownFieldsFunc(t *model.Type) string { return "known" + t.Name + "Field" }

// knownFieldsMethod declares the function that tells the declared
// properties from additional ones when they are encoded:
//
//	func knownOrganizationField(k string) bool { ... }
func knownFieldsMethod(t *model.Type) jen.Code {
	known := knownFieldsFunc(t)
	code := jen.Null()
	code.Add(commentf("%s reports whether the schema declares the property k.", known))
	code.Func().Id(known).Params(jen.Id("k").String()).Bool().BlockFunc(func(g *jen.Group) {
		if len(t.Fields) == 0 {
			g.Return(jen.False())
			return
		}
		g.Switch(jen.Id("k")).Block(jen.CaseFunc(func(c *jen.Group) {
			for _, f := range t.Fields {
				c.Lit(f.JSONName)
			}
		}).Block(jen.Return(jen.True())))
		g.Return(jen.False())
	})
	return code
}

// enumType declares a typed enum:
//
//	type ClientGrantSubjectTypeEnum string
//
//	const (
//		ClientGrantSubjectTypeEnumClient ClientGrantSubjectTypeEnum = "client"
//		ClientGrantSubjectTypeEnumUser   ClientGrantSubjectTypeEnum = "user"
//	)
//
//	func (v ClientGrantSubjectTypeEnum) IsKnown() bool { ... }
func (e *typeEmitter) enumType(t *model.Type) jen.Code {
	def := t.Enum
	code := typeDoc(t, "an enumeration").Type().Id(t.Name).Add(builtin(def.Base)).Line().Line()
	code.Add(commentf("The values of %s that the spec lists.", t.Name))
	code.Const().DefsFunc(func(g *jen.Group) {
		for _, v := range def.Values {
			g.Id(v.Name).Id(t.Name).Op("=").Add(untypedLit(v.Value))
		}
	}).Line().Line()
	code.Add(comment("IsKnown reports whether v is one of the values the spec lists. A client keeps values that a newer server adds; Validate rejects them."))
	code.Func().Params(jen.Id("v").Id(t.Name)).Id("IsKnown").Params().Bool().Block(
		jen.Switch(jen.Id("v")).Block(jen.CaseFunc(func(g *jen.Group) {
			for _, v := range def.Values {
				g.Id(v.Name)
			}
		}).Block(jen.Return(jen.True()))),
		jen.Return(jen.False()),
	).Line().Line()
	code.Add(e.validateMethods(t, jen.Id(t.Name)))
	return code
}

// definedType declares a named slice, map or builtin:
//
//	type OrganizationMetadata map[string]Nullable[string]
func (e *typeEmitter) definedType(t *model.Type) jen.Code {
	var underlying *jen.Statement
	what := "a value"
	switch t.Kind {
	case model.Slice:
		underlying, what = jen.Index().Add(elemType(t.Elem)), "an array"
	case model.Map:
		underlying, what = jen.Map(jen.String()).Add(elemType(t.Elem)), "a map"
	default:
		underlying = goType(t.Elem)
	}
	code := typeDoc(t, what).Type().Id(t.Name).Add(underlying).Line().Line()
	code.Add(e.validateMethods(t, jen.Id(t.Name)))
	return code
}

// aliasOfNamed declares a schema that only stands for another one:
//
//	type Foo = Bar
//
// A schema that repeats another one's shape (model.Type.Repeats) says so;
// an enumeration keeps its constants and a union its constructors, which
// are named after it:
//
//	// CreateClientGrantResponseContent is another name for
//	// ClientGrantResponseContent: the schema "CreateClientGrantResponseContent"
//	// has the same shape, so the two share one Go type.
//	type CreateClientGrantResponseContent = ClientGrantResponseContent
func (e *typeEmitter) aliasOfNamed(t *model.Type) jen.Code {
	of := t.Elem.Named.Name
	doc := typeDoc(t, "another name for "+of+",")
	if t.Repeats {
		doc = docOf(t, fmt.Sprintf("%s is another name for %s: %s has the same shape, so the two share one Go type.", t.Name, of, schemaOf(t)))
	}
	code := doc.Type().Id(t.Name).Op("=").Id(of)
	if t.Enum != nil {
		code.Line().Line().Add(commentf("The values of %s that the spec lists.", t.Name))
		code.Const().DefsFunc(func(g *jen.Group) {
			for _, v := range t.Enum.Values {
				g.Id(v.Name).Id(t.Name).Op("=").Add(untypedLit(v.Value))
			}
		})
	}
	if u := t.Elem.Named; t.Repeats && u.Kind == model.Union {
		// A union's constructors are functions named after it.
		for _, v := range u.Variants {
			ctor := "New" + t.Name + v.Name
			code.Line().Line().Add(commentf("%s returns a %s that holds the %s variant.", ctor, t.Name, v.Name))
			code.Func().Id(ctor).Params(jen.Id("v").Add(goType(v.Type))).Id(t.Name).Block(
				jen.Return(jen.Id("New" + u.Name + v.Name).Call(jen.Id("v"))),
			)
		}
	}
	return code
}

// jsonLiteral renders a decoded JSON value compactly for docs.
func jsonLiteral(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case nil:
		return "null"
	case float64:
		return strings.TrimSuffix(fmt.Sprintf("%v", x), ".0")
	}
	return fmt.Sprintf("%v", v)
}

// untypedLit writes a constant without a conversion, so it takes the type
// it is assigned to: 1, not int64(1).
func untypedLit(v any) jen.Code {
	if i, ok := v.(int64); ok {
		return jen.Lit(int(i))
	}
	return jen.Lit(v)
}
