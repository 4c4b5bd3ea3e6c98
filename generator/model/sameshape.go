package model

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// shareShapes declares each type whose Go code would repeat another's as
// an alias of that one, and points every use of it at the one it repeats:
//
//	type CreateClientGrantResponseContent = ClientGrantResponseContent
//
// Real specs repeat themselves: Auth0's Management API declares the same
// object once per operation that answers with it, 759 of its 2,698
// schemas. Declared in full, each copy is its own struct with its own
// validator and codecs, a fifth of the package, which users compile and
// cannot pass one for the other. Every name stays; the copies cost one
// line each.
//
// Two types repeat each other when everything the emitters read of them
// but their names and documentation is the same, and the types they refer
// to repeat each other too. Types that hold an operation's parameters,
// headers or form fields are left alone: they belong to one operation.
// The type kept is the one with the shortest name (then the first in
// order), which is usually the schema the others copy. Each use still
// spells the name the spec gave it (Ref.As).
func (b *builder) shareShapes() {
	var candidates []*Type
	for _, t := range b.api.Types {
		if t.Params || t.Headers || t.FormBody {
			continue
		}
		switch t.Kind {
		case Struct, Enum, Union, Slice, Map:
			candidates = append(candidates, t)
		}
	}
	if len(candidates) < 2 {
		return
	}
	slices.SortFunc(candidates, func(x, y *Type) int {
		return cmp.Or(cmp.Compare(len(x.Name), len(y.Name)), strings.Compare(x.Name, y.Name))
	})

	// Each candidate's shape is written once, with a placeholder for each
	// type it refers to; a round then fills the placeholders with the
	// current classes and merges the candidates whose keys agree. Types
	// start in classes of their own, so two types merge only once the
	// types they refer to have: recursive look-alikes stay apart, which
	// is safe.
	class := make(map[*Type]int, len(b.api.Types))
	for i, t := range candidates {
		class[t] = i
	}
	for _, t := range b.api.Types {
		if _, ok := class[t]; !ok {
			class[t] = len(class) // a class of its own, for good
		}
	}
	w := &shapeWriter{plans: map[reflect.Type][]int{}}
	texts := map[string]int{} // each distinct shape text, numbered
	shapes := make([]typeShape, len(candidates))
	for i, t := range candidates {
		shapes[i] = w.shape(t, texts)
	}
	var key []byte
	for {
		first := make(map[string]int, len(candidates))
		changed := false
		for i, t := range candidates {
			key = shapes[i].key(key[:0], class)
			c, seen := first[string(key)]
			if !seen {
				first[string(key)] = class[t]
				continue
			}
			if class[t] != c {
				class[t], changed = c, true
			}
		}
		if !changed {
			break
		}
	}

	same := map[*Type]*Type{}
	for _, t := range candidates {
		if kept := candidates[class[t]]; kept != t {
			same[t] = kept
		}
	}
	if len(same) == 0 {
		return
	}
	r := &redirector{same: same, seen: map[walked]bool{}, holds: map[reflect.Type]bool{}, plans: map[reflect.Type][]int{}}
	r.walk(reflect.ValueOf(b.api).Elem())
	for _, t := range b.api.Types {
		r.walk(reflect.ValueOf(t).Elem())
	}
	for t, kept := range same {
		values := t.Enum
		*t = Type{Name: t.Name, Schema: t.Schema, Doc: t.Doc, Pos: t.Pos, Deprecated: t.Deprecated, Kind: Alias, Repeats: true,
			Elem: &Ref{Kind: RefNamed, Named: kept}}
		if values != nil {
			t.Enum = values // an enumeration keeps its constants, named after it
		}
	}
}

// typeShape is what the emitters read of a type: the number of its text,
// written out with a placeholder where it refers to a named type, and
// those types.
type typeShape struct {
	text int
	refs []*Type // the named types, in the order of the placeholders
}

// key appends to buf the shape with each reference replaced by its
// target's class.
func (s typeShape) key(buf []byte, class map[*Type]int) []byte {
	buf = strconv.AppendInt(buf, int64(s.text), 10)
	for _, t := range s.refs {
		buf = append(buf, '|')
		buf = strconv.AppendInt(buf, int64(class[t]), 10)
	}
	return buf
}

// notShape lists the fields that do not change the code emitted for a
// type: names, documentation and positions.
var notShape = map[reflect.Type][]string{
	reflect.TypeFor[Type]():      {"Name", "Schema", "Doc", "Pos", "Deprecated"},
	reflect.TypeFor[Field]():     {"Doc", "Pos"},
	reflect.TypeFor[EnumValue](): {"Name"},
}

var (
	typePointer = reflect.TypeFor[*Type]()
	refPointer  = reflect.TypeFor[*Ref]()
)

// shapeWriter writes model values out by reflection, so that a field
// added to the model counts unless notShape says otherwise.
type shapeWriter struct {
	buf   []byte
	refs  []*Type
	plans map[reflect.Type][]int // the fields of a struct type that count
}

// shape writes out t's shape and numbers its text.
func (w *shapeWriter) shape(t *Type, texts map[string]int) typeShape {
	w.buf, w.refs = w.buf[:0], nil
	w.value(reflect.ValueOf(t).Elem(), 0)
	n, ok := texts[string(w.buf)]
	if !ok {
		n = len(texts)
		texts[string(w.buf)] = n
	}
	return typeShape{text: n, refs: w.refs}
}

// maxShapeDepth bounds the walk; the model is a tree below the named
// types, and nothing real comes near it.
const maxShapeDepth = 64

func (w *shapeWriter) value(v reflect.Value, depth int) {
	if depth > maxShapeDepth {
		w.buf = append(w.buf, '~')
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		switch {
		case v.IsNil():
			w.buf = append(w.buf, 'n')
		case v.Type() == typePointer:
			w.buf = append(w.buf, '#')
			w.refs = append(w.refs, (*Type)(v.UnsafePointer()))
		default:
			w.value(v.Elem(), depth+1)
		}
	case reflect.Struct:
		w.buf = append(w.buf, '{')
		for _, i := range w.plan(v.Type()) {
			w.value(v.Field(i), depth+1)
			w.buf = append(w.buf, ',')
		}
		w.buf = append(w.buf, '}')
	case reflect.Slice:
		w.buf = append(w.buf, '[')
		for i := range v.Len() {
			w.value(v.Index(i), depth+1)
			w.buf = append(w.buf, ',')
		}
		w.buf = append(w.buf, ']')
	case reflect.String:
		w.text(v.String())
	case reflect.Bool:
		w.buf = strconv.AppendBool(w.buf, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.buf = strconv.AppendInt(w.buf, v.Int(), 10)
	case reflect.Float32, reflect.Float64:
		w.buf = strconv.AppendFloat(w.buf, v.Float(), 'g', -1, 64)
	case reflect.Interface:
		// A JSON value: its Go type counts too, as 1 and 1.0 are
		// written differently.
		switch x := v.Interface().(type) {
		case nil:
			w.buf = append(w.buf, 'n')
		case string:
			w.buf = append(w.buf, 's')
			w.text(x)
		default:
			w.buf = fmt.Appendf(w.buf, "%T:%#v", x, x)
		}
	default:
		// Maps of strings: %#v writes them with their keys sorted.
		w.buf = fmt.Appendf(w.buf, "%#v", v.Interface())
	}
}

// text writes a string, its length first so that no content is mistaken
// for the writer's punctuation.
func (w *shapeWriter) text(s string) {
	w.buf = strconv.AppendInt(w.buf, int64(len(s)), 10)
	w.buf = append(w.buf, ':')
	w.buf = append(w.buf, s...)
}

// plan lists the fields of a struct type that count, once per type.
func (w *shapeWriter) plan(t reflect.Type) []int {
	if p, ok := w.plans[t]; ok {
		return p
	}
	p := []int{}
	for i := range t.NumField() {
		if !slices.Contains(notShape[t], t.Field(i).Name) {
			p = append(p, i)
		}
	}
	w.plans[t] = p
	return p
}

// redirector points every reference to a type in same at the type it
// repeats, keeping the alias as the name it goes by. It walks the model by
// reflection, so that a reference in a field added later is not missed;
// it does not follow references into the types they name (the types are
// walked one by one), nor into what cannot hold a reference.
type redirector struct {
	same map[*Type]*Type
	// seen holds the structs walked through pointers, as Field and Param
	// point at each other; a Ref may be walked twice, to no effect.
	seen  map[walked]bool
	holds map[reflect.Type]bool  // whether a value of a type can hold a *Ref
	plans map[reflect.Type][]int // the fields of a struct type that can
}

// walked is a pointer of a type, walked once.
type walked struct {
	t reflect.Type
	p uintptr
}

// walk redirects the references in v, which can hold one.
func (r *redirector) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if v.Type() == refPointer {
			ref := (*Ref)(v.UnsafePointer())
			if kept, ok := r.same[ref.Named]; ok && ref.Kind == RefNamed {
				ref.Named, ref.As = kept, ref.Named
			}
			if ref.Elem != nil {
				r.walk(reflect.ValueOf(ref.Elem))
			}
			return
		}
		at := walked{v.Type(), v.Pointer()}
		if r.seen[at] {
			return
		}
		r.seen[at] = true
		r.walk(v.Elem())
	case reflect.Struct:
		for _, i := range r.plan(v.Type()) {
			r.walk(v.Field(i))
		}
	case reflect.Slice:
		for i := range v.Len() {
			r.walk(v.Index(i))
		}
	}
}

// plan lists the fields of a struct type that can hold a reference.
func (r *redirector) plan(t reflect.Type) []int {
	if p, ok := r.plans[t]; ok {
		return p
	}
	p := []int{}
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && r.canHold(f.Type) {
			p = append(p, i)
		}
	}
	r.plans[t] = p
	return p
}

// canHold reports whether a value of type t can hold a *Ref other than
// through a *Type.
func (r *redirector) canHold(t reflect.Type) bool {
	if h, ok := r.holds[t]; ok {
		return h
	}
	r.holds[t] = true // a recursive type is taken to hold one until known
	h := false
	switch t.Kind() {
	case reflect.Pointer:
		h = t == refPointer || t != typePointer && r.canHold(t.Elem())
	case reflect.Slice:
		h = r.canHold(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			h = h || t.Field(i).IsExported() && r.canHold(t.Field(i).Type)
		}
	}
	r.holds[t] = h
	return h
}
