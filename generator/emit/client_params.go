package emit

import (
	"net/url"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/generator/model"
)

// isStringRef reports whether r holds a Go string: the builtin, or an enum
// of strings.
func isStringRef(r *model.Ref) bool {
	return (r.Kind == model.RefBuiltin && r.Builtin == model.String) ||
		(r.Kind == model.RefNamed && r.Named.Kind == model.Enum && r.Named.Enum.Base == model.String)
}

// pathExpr builds the escaped path: "/client-grants/" + url.PathEscape(id).
func pathExpr(o *model.Operation) jen.Code {
	params := map[string]*model.Param{}
	for _, p := range o.PathParams() {
		params[p.Name] = p
	}
	tmpl := escapePathText(o.Path)
	for _, p := range o.PathParams() {
		if mark := p.PathPrefix(); mark != "" {
			// Label and matrix style mark the value: .5 or ;id=5.
			tmpl = strings.ReplaceAll(tmpl, "{"+p.Name+"}", escapedMark(mark, p.Name)+"{"+p.Name+"}")
		}
	}
	return templateExpr(tmpl, func(name string) jen.Code {
		p := params[name]
		value := jen.Qual("net/url", "PathEscape").Call(paramTextExpr(p.Type, jen.Id(p.Arg)))
		if form := p.ObjectForm(); form != model.NotObject {
			// Its keys and values, each escaped, joined with commas.
			value = jen.Id("objectPath").Call(jen.Lit(form == model.EqualsForm), jen.Func().Params(jen.Id("add").Func().Params(jen.List(jen.Id("key"), jen.Id("value")).String())).BlockFunc(func(b *jen.Group) {
				objectEncoding(b, p, jen.Id(p.Arg), nil)
			}))
		}
		if pathList(p) {
			// The items' texts, each escaped, joined with commas (or
			// as the style explodes them).
			text, _, _ := itemText(p.Type.Elem)
			value = jen.Id("joinTexts").Call(jen.Id(p.Arg), jen.Lit(escapedMark(p.Separator(), p.Name)), jen.Func().Params(jen.Id("item").Add(goType(p.Type.Elem))).String().Block(
				jen.Return(jen.Qual("net/url", "PathEscape").Call(text)),
			))
		}
		return value
	})
}

// escapedMark is a path parameter's mark (".", or ";name=" in matrix
// style) as a path spells it: the name escaped, the ";" and "=" as they
// are.
func escapedMark(mark, name string) string {
	return strings.Replace(mark, ";"+name+"=", ";"+url.PathEscape(name)+"=", 1)
}

// pathList reports whether path parameter p is an array of scalars, which
// travels as their texts joined with commas (1,2,3), or as its style
// explodes them (.1.2.3, ;id=1;id=2).
// Items that may be null have no text when they are, so such an array
// travels as JSON text, as any other value that is not a scalar, and as
// one given as JSON content.
func pathList(p *model.Param) bool {
	if p.In != model.InPath || p.Type.Kind != model.RefSlice || p.Type.Elem.Nullable || p.JSON {
		return false
	}
	_, _, ok := itemText(p.Type.Elem)
	return ok
}

// escapePathText escapes the text of a path template around its {params},
// segment by segment, for the text a path cannot hold as it is (a space, a
// "?"; AWS's "#" used to reach it, before the model cut its fragments
// off). Unescaped, such text made Go's URL escape the whole path afresh,
// turning the %2F in a parameter back into a slash.
func escapePathText(tmpl string) string {
	var b strings.Builder
	last := 0
	escape := func(text string) {
		parts := strings.Split(text, "/")
		for i, part := range parts {
			parts[i] = url.PathEscape(part)
		}
		b.WriteString(strings.Join(parts, "/"))
	}
	for _, loc := range serverVar.FindAllStringIndex(tmpl, -1) {
		escape(tmpl[last:loc[0]])
		b.WriteString(tmpl[loc[0]:loc[1]])
		last = loc[1]
	}
	escape(tmpl[last:])
	return b.String()
}

// scalarText renders a scalar value as the text of a path, query, header or
// cookie parameter; ok is false for values that are not scalars.
func scalarText(r *model.Ref, v *jen.Statement) (jen.Code, bool) {
	b, ok := scalarBase(r)
	if !ok {
		return nil, false
	}
	named := r != nil && r.Kind == model.RefNamed // a defined type, converted to its base
	// as converts v to the type strconv takes, unless v is of that type.
	as := func(t *jen.Statement, same model.Builtin) jen.Code {
		if named || b != same {
			return t.Call(v)
		}
		return v
	}
	switch b {
	case model.String:
		return as(jen.String(), model.String), true
	case model.Int64, model.Int32:
		return jen.Qual("strconv", "FormatInt").Call(as(jen.Int64(), model.Int64), jen.Lit(10)), true
	case model.Float64, model.Float32:
		return jen.Qual("strconv", "FormatFloat").Call(as(jen.Float64(), model.Float64), jen.LitByte('g'), jen.Lit(-1), jen.Lit(64)), true
	case model.Bool:
		return jen.Qual("strconv", "FormatBool").Call(as(jen.Bool(), model.Bool)), true
	case model.Time:
		if named { // type T time.Time has none of time.Time's methods
			v = jen.Qual("time", "Time").Call(v)
		}
		return v.Clone().Dot("Format").Call(jen.Qual("time", "RFC3339Nano")), true
	}
	return nil, false
}

// scalarBase returns the builtin whose text a value of r travels as: r's
// own, an enum's base or an aliased builtin's. ok is false for what has no
// text of its own (objects, arrays, unions, bytes), which travels as JSON.
// A nil r stands for text as it is, a string.
func scalarBase(r *model.Ref) (b model.Builtin, ok bool) {
	switch {
	case r == nil:
		return model.String, true
	case r.Kind == model.RefBuiltin:
		b = r.Builtin
	case r.Kind == model.RefNamed && r.Named.Kind == model.Enum:
		b = r.Named.Enum.Base
	case r.Kind == model.RefNamed && r.Named.Kind == model.Alias && r.Named.Elem.Kind == model.RefBuiltin:
		b = r.Named.Elem.Builtin
	}
	switch b {
	case model.String, model.Int64, model.Int32, model.Float64, model.Float32, model.Bool, model.Time:
		return b, true
	}
	return b, false
}

// itemText is scalarText for the item of a slice, ranged over as item.
// A nullable item (Nullable[string]) has no text when null, which a query
// or a form cannot say, so skip leaves it out:
//
//	value, ok := item.Get()
//	if !ok {
//		continue
//	}
func itemText(elem *model.Ref) (text, skip jen.Code, ok bool) {
	if !elem.Nullable {
		text, ok = scalarText(elem, jen.Id("item"))
		return text, jen.Null(), ok
	}
	plain := *elem
	plain.Nullable = false
	text, ok = scalarText(&plain, jen.Id("value"))
	skip = jen.List(jen.Id("value"), jen.Id("ok")).Op(":=").Id("item").Dot("Get").Call().Line().
		If(jen.Op("!").Id("ok")).Block(jen.Continue())
	return text, skip, ok
}

// itemJSON is itemText for an item that is not a scalar (an object, a
// union): its JSON text, with the same skip of a null item.
func itemJSON(elem *model.Ref) (text, skip jen.Code) {
	_, skip, _ = itemText(elem) // takes a non-null item's value out as value
	if elem.Nullable {
		return jen.Id("paramText").Call(jen.Id("value")), skip
	}
	return jen.Id("paramText").Call(jen.Id("item")), skip
}

// explodesItems reports whether the items of array parameter p travel as
// values of their own (a query array in form style with explode, the
// default), rather than in one value: comma-joined when they are scalars,
// else as one JSON array, since a comma inside an item's JSON would split
// it.
func explodesItems(p *model.Param) bool {
	return p.Explode && p.In == model.InQuery && !p.JSON
}

// jsonTextParam reports whether path parameter p travels as JSON text (a
// union, say), whose text may be empty, rather than as a scalar's or a
// list of them.
func jsonTextParam(p *model.Param) bool {
	_, scalar := scalarBase(p.Type)
	return !scalar && !pathList(p) && p.ObjectForm() == model.NotObject
}

// unsendableCond returns the condition under which required parameter f,
// held in field, has a value that would leave it off the request (nil when
// it cannot): nothing in an array or map, an empty User-Agent, or a null.
// An unset Nullable is left to the params' own validate, which reports it
// missing.
func unsendableCond(f *model.Field, field *jen.Statement) jen.Code {
	if !f.Required || f.Param == nil || f.Param.In == model.InPath {
		return nil
	}
	switch f.Wrap {
	case model.WrapNone:
		if emptyIsAbsent(f) {
			return jen.Len(field).Op("==").Lit(0)
		}
		if objectStruct(f.Param) && !f.Param.ObjectForm().JoinsItems() {
			return nothingSent(f.Param.Type.Named, field)
		}
	case model.WrapNullable:
		unsent := field.Clone().Dot("Null")
		if emptyIsAbsent(f) {
			unsent = jen.Parens(unsent.Op("||").Len(field.Clone().Dot("Value")).Op("==").Lit(0))
		}
		return field.Clone().Dot("Set").Op("&&").Add(unsent)
	}
	return nil
}

// nothingSent returns the condition under which struct t, held in v and
// sent field by field as query keys (deepObject, or form exploded), sends
// none: every field unset (AWS CloudSearch's required
// DomainEndpointOptions has optional fields only). It is nil when a field
// is always sent.
func nothingSent(t *model.Type, v *jen.Statement) jen.Code {
	var unsent []jen.Code
	for _, f := range t.Fields {
		cond, _ := sentValue(f, v.Clone().Dot(f.Name))
		if cond == nil {
			return nil
		}
		if len(unsent) > 0 {
			unsent = append(unsent, jen.Op("&&"))
		}
		if f.Wrap == model.WrapOpt {
			unsent = append(unsent, jen.Op("!").Add(cond)) // !v.X.Set
		} else {
			unsent = append(unsent, jen.Op("!").Parens(cond))
		}
	}
	if len(unsent) == 0 {
		return nil // no fields: the spec asks for nothing to be sent
	}
	return jen.Add(unsent...)
}

// emptyIsAbsent reports whether field f is a parameter that an empty value
// leaves off the request: an array or map in the query, a header or a
// cookie has no text for no items, Go's transport sends no User-Agent
// header at all for an empty one, and a server takes an empty text of a
// parameter with allowEmptyValue as the parameter left out.
func emptyIsAbsent(f *model.Field) bool {
	if f.Param == nil || f.Param.In == model.InPath {
		return false
	}
	if f.Param.In == model.InHeader && strings.EqualFold(f.Param.Name, "User-Agent") && textOnly(f.Type) {
		return true
	}
	if f.Param.EmptyMeansUnused() && textOnly(f.Type) {
		return true
	}
	return f.Type.Kind == model.RefSlice || f.Type.Kind == model.RefMap
}

// objectStruct reports whether p is an object parameter whose value is a
// struct, which travels field by field.
func objectStruct(p *model.Param) bool {
	return p.ObjectForm() != model.NotObject && p.Type.Kind == model.RefNamed
}

// freeObject reports whether p is an object parameter whose value is a
// map, which travels entry by entry.
func freeObject(p *model.Param) bool {
	return p.ObjectForm() != model.NotObject && p.Type.Kind == model.RefMap
}

// paramTextExpr is scalarText with the JSON fallback for other values.
func paramTextExpr(r *model.Ref, v *jen.Statement) jen.Code {
	if text, ok := scalarText(r, v); ok {
		return text
	}
	return jen.Id("paramText").Call(v)
}

// paramEncoding puts one query, header or cookie parameter on the request,
// leaving out an absent optional one:
//
//	if params.PerPage.Set {
//		r.query.Set("per_page", strconv.FormatInt(int64(params.PerPage.Value), 10))
//	}
func paramEncoding(g *jen.Group, f *model.Field) {
	paramEncodingTo(g, f, jen.Id("params"), nil)
}

// paramEncodingTo is paramEncoding for the field of source, with set
// putting each value where it goes (nil: on the request). The server
// writes response headers with it.
func paramEncodingTo(g *jen.Group, f *model.Field, source jen.Code, set setter) {
	p := f.Param
	cond, value := sentValue(f, jen.Add(source).Dot(f.Name))
	emit := func(b *jen.Group) { encodeParamWith(b, p, value, set) }
	_, scalar := scalarText(p.Type, value.Clone())
	switch {
	case cond != nil:
		g.If(cond).BlockFunc(emit)
	case scalar:
		emit(g) // one statement, with nothing to scope
	default:
		g.BlockFunc(emit) // its locals (items) kept apart from the next one's
	}
}

// sentValue returns the condition under which field f, held in field,
// has a value to send (nil: always) and that value: an Opt is sent when
// set, a Nullable when set and not null.
func sentValue(f *model.Field, field *jen.Statement) (cond jen.Code, value *jen.Statement) {
	switch f.Wrap {
	case model.WrapOpt:
		return field.Clone().Dot("Set"), field.Clone().Dot("Value")
	case model.WrapNullable:
		return field.Clone().Dot("Set").Op("&&").Op("!").Add(field.Clone()).Dot("Null"), field.Clone().Dot("Value")
	}
	return nil, field
}

// encodeParam writes the value of p in its style: scalars as text, arrays
// repeated (explode) or comma-joined, maps as deepObject (name[key]=value),
// anything else as JSON text.
func encodeParam(g *jen.Group, p *model.Param, v *jen.Statement) {
	encodeParamWith(g, p, v, nil)
}

// encodeParamWith is encodeParam with set putting each value in place;
// nil puts it on the request r, in the parameter's place.
func encodeParamWith(g *jen.Group, p *model.Param, v *jen.Statement, set setter) {
	if set == nil {
		set = func(name jen.Code, text jen.Code) jen.Code {
			switch p.In {
			case model.InHeader:
				return jen.Id("r").Dot("header").Dot("Add").Call(name, text)
			case model.InCookie:
				return jen.Id("r").Dot("cookies").Op("=").Append(jen.Id("r").Dot("cookies"), jen.Op("&").Qual("net/http", "Cookie").Values(jen.Dict{jen.Id("Name"): name, jen.Id("Value"): text}))
			}
			return jen.Id("r").Dot("query").Dot("Add").Call(name, text)
		}
	}
	// A cookie's text is percent-encoded (see cookieText); the items of a
	// joined list one by one, so that the commas between them stay commas.
	raw, escaped := set, func(text jen.Code) jen.Code { return text }
	if p.In == model.InCookie {
		escaped = func(text jen.Code) jen.Code { return jen.Id("cookieText").Call(text) }
		set = func(name, text jen.Code) jen.Code { return raw(name, escaped(text)) }
	}
	name := jen.Lit(p.Name)
	if text, ok := scalarText(p.Type, v.Clone()); ok {
		g.Add(set(name, text))
		return
	}
	switch r := p.Type; {
	case r.Kind == model.RefSlice && p.JSON:
		// One JSON array, as its content says.
	case r.Kind == model.RefSlice:
		if text, skip, ok := itemText(r.Elem); ok {
			if explodesItems(p) {
				g.For(jen.List(jen.Id("_"), jen.Id("item")).Op(":=").Range().Add(v.Clone())).Block(skip, set(name, text))
				return
			}
			g.Id("items").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(v.Clone()))
			g.For(jen.List(jen.Id("_"), jen.Id("item")).Op(":=").Range().Add(v.Clone())).Block(skip, jen.Id("items").Op("=").Append(jen.Id("items"), escaped(text)))
			// No items are left out as an exploded array's are: an
			// empty value would read back as one empty item.
			g.If(jen.Len(jen.Id("items")).Op(">").Lit(0)).Block(raw(name, jen.Qual("strings", "Join").Call(jen.Id("items"), jen.Lit(p.Separator()))))
			return
		}
		if explodesItems(p) {
			// Items that are not scalars (objects, unions) go one
			// value each, as JSON text; the server reads them so.
			text, skip := itemJSON(r.Elem)
			g.For(jen.List(jen.Id("_"), jen.Id("item")).Op(":=").Range().Add(v.Clone())).Block(skip, set(name, text))
			return
		}
	case p.ObjectForm() != model.NotObject:
		objectEncoding(g, p, v, set)
		return
	}
	g.Add(set(name, jen.Id("paramText").Call(v.Clone())))
}

// objectEncoding puts object parameter p, held in v, on the request
// as its style says (see model.ObjectForm): each property or entry a key and a
// value, a value that is not a scalar (anything, in a free-form object) as
// JSON text, which is how the server reads it. Unset fields are left out.
func objectEncoding(g *jen.Group, p *model.Param, v *jen.Statement, set setter) {
	form := p.ObjectForm()
	// A path parameter's keys and values go to add, inside the function
	// that objectPath calls (see pathExpr).
	viaAdd := p.In == model.InPath
	// put puts one key and its text in place: a field's key is its
	// name, a constant; an entry's is the variable k.
	put := func(name string, k jen.Code, text jen.Code) jen.Code {
		if viaAdd {
			if k == nil {
				k = jen.Lit(name)
			}
			return jen.Id("add").Call(k, text)
		}
		switch {
		case k == nil && form == model.DeepForm:
			k = jen.Lit(p.Name + "[" + name + "]")
		case k == nil && form == model.EqualsForm:
			k = jen.Lit(name + "=")
		case k == nil:
			k = jen.Lit(name)
		case form == model.DeepForm:
			k = jen.Lit(p.Name + "[").Op("+").Add(k).Op("+").Lit("]")
		case form == model.EqualsForm:
			k = jen.Add(k).Op("+").Lit("=")
		}
		switch form {
		case model.EqualsForm:
			return jen.Id("items").Op("=").Append(jen.Id("items"), jen.Add(k).Op("+").Add(text))
		case model.PairsForm, model.CommaForm:
			return jen.Id("items").Op("=").Append(jen.Id("items"), k, text)
		}
		return set(k, text)
	}
	if form.JoinsItems() && !viaAdd {
		g.Var().Id("items").Index().String()
	}
	if p.Type.Kind == model.RefMap {
		entry := v.Clone().Index(jen.Id("k"))
		text, ok := scalarText(p.Type.Elem, entry.Clone())
		if !ok {
			text = jen.Id("paramText").Call(entry)
		}
		g.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("sortedKeys").Call(v.Clone())).Block(put("", jen.Id("k"), text))
	} else {
		for _, f := range p.Type.Named.Fields {
			cond, value := sentValue(f, v.Clone().Dot(f.Name))
			stmt := put(f.JSONName, nil, paramTextExpr(f.Type, value))
			if cond != nil {
				stmt = jen.If(cond).Block(stmt)
			}
			g.Add(stmt)
		}
	}
	if form.JoinsItems() && !viaAdd {
		// An object with nothing set is an empty value, which the
		// server reads as an empty object.
		g.Add(set(jen.Lit(p.Name), jen.Qual("strings", "Join").Call(jen.Id("items"), jen.Lit(","))))
	}
}
