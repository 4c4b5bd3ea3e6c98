// Package apidiff compares the exported API of two versions of a Go package.
//
// It answers the question an SDK maintainer asks before a release: which
// exported identifiers were added, removed or changed, and may code written
// against the old version fail to compile (or silently change meaning) with
// the new one. Both versions are type-checked from source with go/types, each
// in isolation, so a version may import only the standard library.
//
// The comparison follows the type system, not the text: renaming a parameter,
// reordering declarations or spelling a type differently (byte for uint8, any
// for interface{}) is not a change. What is compared:
//
//   - package-level exported constants (type and value), variables (type),
//     functions (signature) and types (kind, type parameters and underlying
//     type; for structs and interfaces the members are compared one by one);
//   - the exported fields of exported struct types, including fields promoted
//     from embedded structs, as "Type.Field", with their types and tags;
//   - the exported methods of exported types, including methods on pointer
//     receivers and promoted methods, as "Type.Method", with their signatures;
//   - the exported methods of exported interface types, as "Iface.Method".
//
// A change is breaking when a caller of the old API may fail to compile:
// anything removed, any changed type or signature, a method that moved from a
// value to a pointer receiver, a field that became reachable only through an
// embedded struct (composite literals can no longer name it), a struct that
// is no longer comparable, a method added to an interface that code outside
// the package can implement, and an interface that gained an unexported
// method. Additions, changed constant values, changed struct tags and methods
// that moved from a pointer to a value receiver are compatible. Adding a field
// to a struct is compatible, as in the Go 1 compatibility promise: it breaks
// only unkeyed composite literals.
package apidiff

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Source is one version of a package: file name → Go source. Only files whose
// names end in ".go" and not in "_test.go" are part of the package, and of
// those only the ones that build for the host platform (file name suffixes
// and //go:build lines, as the go command would see them); files whose names
// start with "_" or "." are ignored, as the go command ignores them.
type Source map[string][]byte

// Kind is the kind of a Change.
type Kind int

const (
	Added   Kind = iota + 1 // the identifier exists only in the new version
	Removed                 // the identifier exists only in the old version
	Changed                 // the identifier exists in both, with a different type, signature or value
)

// String returns "added", "removed" or "changed".
func (k Kind) String() string {
	switch k {
	case Added:
		return "added"
	case Removed:
		return "removed"
	case Changed:
		return "changed"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Change is one difference in the exported API.
//
// Old and New are Go text, with the package's own identifiers unqualified and
// other packages' identifiers qualified by package name. For package-level
// identifiers and methods they are declarations ("func NewClient(baseURL
// string) (*Client, error)", "type Status string", "const StatusSold Status =
// \"sold\"", "func (*Client) Do(ctx context.Context) error"); for struct
// fields they are the field's type, followed by its tag and, for embedded or
// promoted fields, a comment ("Opt[string] `json:\"name,omitzero\"`").
//
// The fields of an added or removed struct type and the methods of an added
// or removed interface type are not reported separately: they are part of
// the type's text. Methods of other added or removed types are.
type Change struct {
	Kind     Kind   // Added, Removed, Changed
	Name     string // qualified within the package: "Client", "ClientGrantsService.List", "Pet.Name", "ColorRed"; "package" when the package name changed
	Old, New string // the declarations/signatures/types as Go text ("" where absent)
	Breaking bool   // whether callers of the old API may fail to compile (or silently change meaning)
}

// Report is the comparison.
type Report struct {
	Changes []Change // sorted by Name, then Kind
}

// Breaking reports whether any change is breaking.
func (r *Report) Breaking() bool {
	if r == nil {
		return false
	}
	for _, c := range r.Changes {
		if c.Breaking {
			return true
		}
	}
	return false
}

// String renders one line per change and a final verdict line:
//
//	~ changed Config.Timeout: int → time.Duration
//	+ added func NewThing(x int) *Thing
//	- removed func (*Thing) Close() error
//	verdict: breaking (2 breaking changes, 1 compatible)
//
// An added or removed field is rendered as "field Pet.Tag Opt[string]". The
// verdict is "verdict: compatible (N additions)" when every change is
// compatible (with ", M compatible changes" when some compatible changes are
// not additions), "verdict: breaking (N breaking changes, M compatible)"
// otherwise, and "verdict: no API changes" when there are none. The text has
// no trailing newline.
func (r *Report) String() string {
	var b strings.Builder
	var breaking, additions, others int
	if r != nil {
		for _, c := range r.Changes {
			switch c.Kind {
			case Added:
				b.WriteString("+ added " + declText(c.Name, c.New))
			case Removed:
				b.WriteString("- removed " + declText(c.Name, c.Old))
			default:
				b.WriteString("~ " + c.Kind.String() + " " + c.Name + ": " + c.Old)
				if c.New == c.Old {
					// Spelt the same, it names other types: one of
					// them is now an alias of another type.
					b.WriteString(" (spelt the same; a type it names is now an alias of another)")
				} else {
					b.WriteString(" → " + c.New)
				}
			}
			b.WriteByte('\n')
			switch {
			case c.Breaking:
				breaking++
			case c.Kind == Added:
				additions++
			default:
				others++
			}
		}
	}
	b.WriteString("verdict: ")
	switch {
	case breaking > 0:
		fmt.Fprintf(&b, "breaking (%s, %d compatible)", plural(breaking, "breaking change"), additions+others)
	case additions > 0 && others > 0:
		fmt.Fprintf(&b, "compatible (%s, %s)", plural(additions, "addition"), plural(others, "compatible change"))
	case additions > 0:
		fmt.Fprintf(&b, "compatible (%s)", plural(additions, "addition"))
	case others > 0:
		fmt.Fprintf(&b, "compatible (%s)", plural(others, "compatible change"))
	default:
		b.WriteString("no API changes")
	}
	return b.String()
}

// declText renders an added or removed element: declarations stand as they
// are, a field (whose text is its type) is introduced by name.
func declText(name, text string) string {
	for _, kw := range []string{"func ", "type ", "const ", "var ", "package "} {
		if strings.HasPrefix(text, kw) {
			return text
		}
	}
	return "field " + name + " " + text
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// Compare type-checks both versions (each in isolation: only standard
// library imports) and reports the differences of the exported API. Files
// ending in _test.go are ignored. An empty old Source (nothing on disk yet)
// gives every identifier as Added. A version that fails to parse or
// type-check gives an error naming the version, the file and the position;
// it wraps the first *scanner.Error or types.Error.
func Compare(old, new Source) (*Report, error) {
	oldAPI, err := load("old", old)
	if err != nil {
		return nil, err
	}
	newAPI, err := load("new", new)
	if err != nil {
		return nil, err
	}
	r := &Report{}
	if oldAPI.pkgName != "" && newAPI.pkgName != "" && oldAPI.pkgName != newAPI.pkgName {
		// Importers refer to the package by its name unless they rename it.
		r.Changes = append(r.Changes, Change{
			Kind: Changed, Name: "package",
			Old: "package " + oldAPI.pkgName, New: "package " + newAPI.pkgName,
			Breaking: true,
		})
	}
	names := make([]string, 0, len(oldAPI.elems)+len(newAPI.elems))
	for name := range oldAPI.elems {
		names = append(names, name)
	}
	for name := range newAPI.elems {
		if oldAPI.elems[name] == nil {
			names = append(names, name)
		}
	}
	for _, name := range names {
		o, n := oldAPI.elems[name], newAPI.elems[name]
		switch {
		case n == nil:
			if newAPI.partOfType(o) {
				r.Changes = append(r.Changes, Change{Kind: Removed, Name: name, Old: o.text, Breaking: true})
			}
		case o == nil:
			if oldAPI.partOfType(n) {
				// Code outside the package may implement an interface only if
				// it has no unexported methods; such code lacks the new method.
				owner := oldAPI.elems[n.owner]
				breaking := n.kind == imethodElem && !(owner != nil && owner.iface && owner.sealed) ||
					n.kind == fieldElem && requiredField(n.value)
				r.Changes = append(r.Changes, Change{Kind: Added, Name: name, New: n.text, Breaking: breaking})
			}
		default:
			if c, ok := diff(name, o, n); ok {
				r.Changes = append(r.Changes, c)
			}
		}
	}
	slices.SortFunc(r.Changes, func(a, b Change) int {
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return int(a.Kind) - int(b.Kind)
	})
	return r, nil
}

// requiredField reports whether a struct tag marks a field the caller must
// set: oasgen tags the fields of a parameters struct `param:"name,in,required"`.
// Adding one compiles, but every existing call then fails validation.
func requiredField(tag string) bool {
	v, ok := reflect.StructTag(tag).Lookup("param")
	return ok && slices.Contains(strings.Split(v, ","), "required")
}

// diff compares an element present in both versions.
func diff(name string, o, n *elem) (Change, bool) {
	c := Change{Kind: Changed, Name: name, Old: o.text, New: n.text}
	if o.kind != n.kind || o.key != n.key {
		c.Breaking = true
		return c, true
	}
	changed := false
	switch o.kind {
	case constElem:
		// Callers still compile; the value they use is different.
		changed = o.value != n.value
	case fieldElem:
		changed = o.value != n.value || o.embedded != n.embedded || o.promoted != n.promoted
		// An embedded field that is no longer embedded takes its promoted
		// fields and methods with it; a field reached through an embedded
		// struct cannot be named in a composite literal.
		c.Breaking = o.embedded && !n.embedded || !o.promoted && n.promoted
	case methodElem:
		// A method with a value receiver is in the method sets of T and *T.
		changed = o.ptrRecv != n.ptrRecv
		c.Breaking = n.ptrRecv && !o.ptrRecv
	case typeElem:
		if o.comparable && !n.comparable {
			changed, c.Breaking = true, true
			c.Old += " // comparable"
			c.New += " // not comparable"
		}
		if o.iface && !o.sealed && n.sealed {
			// Code outside the package can no longer implement it.
			changed, c.Breaking = true, true
		}
	}
	return c, changed
}

// elemKind is the kind of an API element.
type elemKind int

const (
	constElem elemKind = iota
	varElem
	funcElem
	typeElem
	fieldElem   // a field of a struct type
	methodElem  // a method of a non-interface type
	imethodElem // a method of an interface type
)

// elem is one element of an exported API.
type elem struct {
	kind  elemKind
	owner string // fields and methods: the name of their type
	text  string // Go text, for Change.Old and Change.New
	key   string // what must stay equal for callers to keep compiling

	// Aspects compared apart from key, because changing them is compatible
	// in at least one direction.
	value      string // const: exact value; field: struct tag
	ptrRecv    bool   // method: in the method set of *T only
	embedded   bool   // field: an embedded field
	promoted   bool   // field: reached through an embedded field
	comparable bool   // non-interface type: values can be compared with ==
	iface      bool   // type: an interface type
	sealed     bool   // interface type: has unexported methods
}

// api is the exported API of one version of a package.
type api struct {
	pkgName string
	elems   map[string]*elem
}

// partOfType reports whether e, present in the other version only, is to be
// reported: fields and interface methods are part of their type's text, so
// they are reported only when their type exists in a (this) version.
func (a *api) partOfType(e *elem) bool {
	if e.kind != fieldElem && e.kind != imethodElem {
		return true
	}
	owner := a.elems[e.owner]
	return owner != nil && owner.kind == typeElem
}

// stdlib imports standard library packages from export data, shared by all
// comparisons (importing is not cheap) and serialized, as importers are not
// safe for concurrent use.
var stdlib = &lockedImporter{imp: importer.Default()}

type lockedImporter struct {
	mu  sync.Mutex
	imp types.Importer
}

func (l *lockedImporter) Import(path string) (*types.Package, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.imp.Import(path)
}

// load parses and type-checks one version and collects its exported API.
func load(version string, src Source) (*api, error) {
	a := &api{elems: map[string]*elem{}}
	var names []string
	for name, data := range src {
		if strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") && buildable(name, data) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return a, nil
	}
	slices.Sort(names)

	fset := token.NewFileSet()
	var errs []error
	var files []*ast.File
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, src[name], parser.SkipObjectResolution)
		var list scanner.ErrorList
		switch {
		case errors.As(err, &list):
			for _, e := range list {
				errs = append(errs, e)
			}
		case err != nil:
			errs = append(errs, err)
		default:
			files = append(files, f)
		}
	}
	if len(errs) > 0 {
		return nil, loadError(version, errs)
	}
	conf := types.Config{
		Importer: stdlib,
		Error:    func(err error) { errs = append(errs, err) },
	}
	pkg, _ := conf.Check(files[0].Name.Name, fset, files, nil)
	if len(errs) > 0 {
		return nil, loadError(version, errs)
	}
	a.pkgName = pkg.Name()
	(&collector{api: a, pkg: pkg}).collect()
	return a, nil
}

func loadError(version string, errs []error) error {
	more := ""
	switch n := len(errs) - 1; {
	case n == 1:
		more = " (and 1 more error)"
	case n > 1:
		more = fmt.Sprintf(" (and %d more errors)", n)
	}
	return fmt.Errorf("apidiff: %s version: %w%s", version, errs[0], more)
}

// buildable reports whether the go command would compile the file for the
// host platform. A file whose build constraints cannot be read is kept, for
// the parser to report on.
func buildable(name string, data []byte) bool {
	ctxt := build.Default
	ctxt.OpenFile = func(string) (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}
	ok, err := ctxt.MatchFile(".", filepath.Base(name))
	return ok || err != nil
}

// collector gathers the exported API of a type-checked package.
type collector struct {
	api *api
	pkg *types.Package
}

func (c *collector) add(name string, e *elem) { c.api.elems[name] = e }

// qual renders other packages by name and the package itself unqualified:
// the Go text a caller sees.
func (c *collector) qual(p *types.Package) string {
	if p == c.pkg {
		return ""
	}
	return p.Name()
}

func (c *collector) text(t types.Type) string { return types.TypeString(t, c.qual) }

func (c *collector) collect() {
	scope := c.pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Const:
			if obj.Exported() {
				c.add(name, &elem{
					kind:  constElem,
					text:  types.ObjectString(obj, c.qual) + " = " + constText(obj.Val()),
					key:   "const " + c.key(obj.Type()),
					value: obj.Val().ExactString(),
				})
			}
		case *types.Var:
			if obj.Exported() {
				c.add(name, &elem{kind: varElem, text: types.ObjectString(obj, c.qual), key: "var " + c.key(obj.Type())})
			}
		case *types.Func:
			if obj.Exported() {
				c.add(name, &elem{kind: funcElem, text: types.ObjectString(obj, c.qual), key: "func " + c.key(obj.Type())})
			}
		case *types.TypeName:
			if obj.Exported() {
				c.collectType(obj)
			}
		}
	}
}

func (c *collector) collectType(tn *types.TypeName) {
	name := tn.Name()
	if tn.IsAlias() {
		rhs := tn.Type()
		var tparams *types.TypeParamList
		if a, ok := rhs.(*types.Alias); ok {
			tparams, rhs = a.TypeParams(), a.Rhs()
		}
		c.add(name, &elem{
			kind: typeElem,
			text: "type " + name + c.tparamsText(tparams) + " = " + c.text(rhs),
			key:  "type" + c.tparamsKey(tparams) + " = " + c.key(rhs),
		})
		// The members of a type of the package are reachable through the
		// alias too (and only through it, for an unexported one): a struct
		// that becomes an alias of a struct with the same fields keeps
		// them.
		if n, ok := types.Unalias(rhs).(*types.Named); ok && n.Obj().Pkg() == c.pkg && n.TypeParams().Len() == 0 {
			c.collectMembers(name, name, n)
		}
		return
	}
	named, ok := tn.Type().(*types.Named)
	if !ok {
		return
	}
	tparams := named.TypeParams()
	e := &elem{kind: typeElem}
	head := "type " + name + c.tparamsText(tparams) + " "
	e.key = "type" + c.tparamsKey(tparams) + " "
	switch u := named.Underlying().(type) {
	case *types.Struct:
		e.text = head + c.structText(u)
		e.key += "struct" // the fields are compared one by one
	case *types.Interface:
		e.text = head + c.text(u)
		e.key += c.typeSetKey(u) // the methods are compared one by one
		e.iface = true
		for i := range u.NumMethods() {
			if !u.Method(i).Exported() {
				e.sealed = true
			}
		}
	default:
		e.text = head + c.text(u)
		e.key += c.key(u)
	}
	if !e.iface {
		e.comparable = types.Comparable(named)
	}
	c.add(name, e)

	recv := name
	if tparams.Len() > 0 {
		var ns []string
		for i := range tparams.Len() {
			ns = append(ns, tparams.At(i).Obj().Name())
		}
		recv += "[" + strings.Join(ns, ", ") + "]"
	}
	c.collectMembers(name, recv, named)
}

// collectMembers gathers the exported fields and methods of t as owner.Name;
// recv is how a method's receiver type is written.
func (c *collector) collectMembers(owner, recv string, t *types.Named) {
	if iface, ok := t.Underlying().(*types.Interface); ok {
		for i := range iface.NumMethods() {
			m := iface.Method(i)
			if !m.Exported() {
				continue
			}
			c.add(owner+"."+m.Name(), &elem{
				kind:  imethodElem,
				owner: owner,
				text:  "func (" + recv + ") " + m.Name() + c.sigText(m.Type()),
				key:   "method " + c.key(m.Type()),
			})
		}
		return
	}

	for _, name := range fieldNames(t) {
		obj, index, _ := types.LookupFieldOrMethod(t, true, c.pkg, name)
		v, ok := obj.(*types.Var)
		if !ok || !v.IsField() {
			continue // ambiguous, or shadowed by a method
		}
		tag, via := fieldPath(t, index)
		text := c.text(v.Type()) + tagText(tag)
		var notes []string
		if v.Embedded() {
			notes = append(notes, "embedded")
		}
		if len(via) > 0 {
			notes = append(notes, "promoted from "+strings.Join(via, "."))
		}
		if len(notes) > 0 {
			text += " // " + strings.Join(notes, ", ")
		}
		c.add(owner+"."+name, &elem{
			kind:     fieldElem,
			owner:    owner,
			text:     text,
			key:      "field " + c.key(v.Type()),
			value:    tag,
			embedded: v.Embedded(),
			promoted: len(index) > 1,
		})
	}

	ptrSet := types.NewMethodSet(types.NewPointer(t))
	valSet := types.NewMethodSet(t)
	for i := range ptrSet.Len() {
		sel := ptrSet.At(i)
		m := sel.Obj()
		if !m.Exported() {
			continue
		}
		ptr := valSet.Lookup(m.Pkg(), m.Name()) == nil
		r := recv
		if ptr {
			r = "*" + recv
		}
		// The selection's type has the type arguments of an embedded
		// instantiated type substituted.
		c.add(owner+"."+m.Name(), &elem{
			kind:    methodElem,
			owner:   owner,
			text:    "func (" + r + ") " + m.Name() + c.sigText(sel.Type()),
			key:     "method " + c.key(sel.Type()),
			ptrRecv: ptr,
		})
	}
}

// fieldNames returns the exported names of the fields of t's struct and of
// the structs embedded in it, at any depth; which of them are selectable is
// left to types.LookupFieldOrMethod.
func fieldNames(t types.Type) []string {
	var names []string
	seen := map[string]bool{}
	visited := map[string]bool{} // by type string: instances need not be unique
	var walk func(t types.Type)
	walk = func(t types.Type) {
		st := structOf(t)
		id := types.TypeString(t, nil)
		if st == nil || visited[id] {
			return
		}
		visited[id] = true
		for i := range st.NumFields() {
			f := st.Field(i)
			if f.Exported() && !seen[f.Name()] {
				seen[f.Name()] = true
				names = append(names, f.Name())
			}
			if f.Embedded() {
				walk(f.Type())
			}
		}
	}
	walk(t)
	slices.Sort(names)
	return names
}

// structOf returns the struct type of t or of what t points to, or nil.
func structOf(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// fieldPath follows a field index path from t and returns the field's tag
// and the names of the embedded fields it is promoted through.
func fieldPath(t types.Type, index []int) (tag string, via []string) {
	for i, x := range index {
		st := structOf(t)
		if st == nil {
			return "", via
		}
		if i == len(index)-1 {
			return st.Tag(x), via
		}
		f := st.Field(x)
		via = append(via, f.Name())
		t = f.Type()
	}
	return "", via
}

// structText renders a struct type with its exported fields; "..." stands
// for unexported ones.
func (c *collector) structText(st *types.Struct) string {
	var fields []string
	hidden := false
	for i := range st.NumFields() {
		f := st.Field(i)
		if !f.Exported() {
			hidden = true
			continue
		}
		s := c.text(f.Type()) + tagText(st.Tag(i))
		if !f.Embedded() {
			s = f.Name() + " " + s
		}
		fields = append(fields, s)
	}
	if hidden {
		fields = append(fields, "...")
	}
	return "struct{" + strings.Join(fields, "; ") + "}"
}

func tagText(tag string) string {
	switch {
	case tag == "":
		return ""
	case strings.ContainsAny(tag, "`\r\n"):
		return " " + strconv.Quote(tag)
	default:
		return " `" + tag + "`"
	}
}

// sigText renders a signature without "func" and without its receiver.
func (c *collector) sigText(t types.Type) string {
	return strings.TrimPrefix(c.text(t), "func")
}

func (c *collector) tparamsText(list *types.TypeParamList) string {
	if list.Len() == 0 {
		return ""
	}
	var ps []string
	for i := range list.Len() {
		tp := list.At(i)
		ps = append(ps, tp.Obj().Name()+" "+c.text(tp.Constraint()))
	}
	return "[" + strings.Join(ps, ", ") + "]"
}

// constText renders a constant's value as Go text.
func constText(v constant.Value) string {
	switch v.Kind() {
	case constant.Float:
		if f, _ := constant.Float64Val(v); !math.IsInf(f, 0) {
			return strconv.FormatFloat(f, 'g', -1, 64)
		}
		return v.String()
	case constant.Complex:
		return v.String()
	}
	return v.ExactString()
}

// key renders t for comparison across versions: type identity is what
// matters, so parameter names are dropped, aliases are resolved, basic types
// are spelled canonically, type parameters are numbered and other packages
// are qualified by import path.
func (c *collector) key(t types.Type) string {
	var b strings.Builder
	c.writeKey(&b, t)
	return b.String()
}

func (c *collector) tparamsKey(list *types.TypeParamList) string {
	var b strings.Builder
	c.writeTParamsKey(&b, list)
	return b.String()
}

func (c *collector) writeTParamsKey(b *strings.Builder, list *types.TypeParamList) {
	if list.Len() == 0 {
		return
	}
	b.WriteByte('[')
	for i := range list.Len() {
		if i > 0 {
			b.WriteString(", ")
		}
		tp := list.At(i)
		c.writeKey(b, tp)
		b.WriteByte(' ')
		c.writeKey(b, tp.Constraint())
	}
	b.WriteByte(']')
}

// typeSetKey renders what an interface requires beyond its methods: the
// embedded elements that are not plain method sets (unions, ~T, comparable).
func (c *collector) typeSetKey(t *types.Interface) string {
	if t.IsMethodSet() {
		return "interface"
	}
	var b strings.Builder
	b.WriteString("interface{")
	c.writeEmbeddedKeys(&b, t, "")
	b.WriteByte('}')
	return b.String()
}

func (c *collector) writeEmbeddedKeys(b *strings.Builder, t *types.Interface, sep string) {
	for i := range t.NumEmbeddeds() {
		e := t.EmbeddedType(i)
		if ei, ok := e.Underlying().(*types.Interface); ok && ei.IsMethodSet() {
			continue // its methods are among t's
		}
		b.WriteString(sep)
		c.writeKey(b, e)
		sep = "; "
	}
}

func (c *collector) writeKey(b *strings.Builder, t types.Type) {
	switch t := t.(type) {
	case nil:
		b.WriteString("<nil>")
	case *types.Alias:
		c.writeKey(b, types.Unalias(t))
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			b.WriteString("unsafe.Pointer")
		} else {
			b.WriteString(types.Typ[t.Kind()].Name()) // byte is uint8, rune is int32
		}
	case *types.Pointer:
		b.WriteByte('*')
		c.writeKey(b, t.Elem())
	case *types.Slice:
		b.WriteString("[]")
		c.writeKey(b, t.Elem())
	case *types.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		c.writeKey(b, t.Elem())
	case *types.Map:
		b.WriteString("map[")
		c.writeKey(b, t.Key())
		b.WriteByte(']')
		c.writeKey(b, t.Elem())
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			b.WriteString("chan<- (")
		case types.RecvOnly:
			b.WriteString("<-chan (")
		default:
			b.WriteString("chan (")
		}
		c.writeKey(b, t.Elem())
		b.WriteByte(')')
	case *types.Signature:
		b.WriteString("func")
		c.writeTParamsKey(b, t.TypeParams())
		b.WriteByte('(')
		params := t.Params()
		for i := range params.Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			pt := params.At(i).Type()
			if s, ok := pt.(*types.Slice); ok && t.Variadic() && i == params.Len()-1 {
				b.WriteString("...")
				pt = s.Elem()
			}
			c.writeKey(b, pt)
		}
		b.WriteByte(')')
		if t.Results().Len() > 0 {
			b.WriteByte(' ')
			c.writeKey(b, t.Results())
		}
	case *types.Tuple:
		b.WriteByte('(')
		for i := range t.Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			c.writeKey(b, t.At(i).Type())
		}
		b.WriteByte(')')
	case *types.Struct:
		b.WriteString("struct{")
		for i := range t.NumFields() {
			if i > 0 {
				b.WriteString("; ")
			}
			f := t.Field(i)
			if f.Embedded() {
				b.WriteString("embedded ")
			} else {
				b.WriteString(f.Name() + " ")
			}
			c.writeKey(b, f.Type())
			if tag := t.Tag(i); tag != "" {
				b.WriteString(" " + strconv.Quote(tag))
			}
		}
		b.WriteByte('}')
	case *types.Interface:
		b.WriteString("interface{")
		sep := ""
		for i := range t.NumMethods() {
			m := t.Method(i)
			b.WriteString(sep + m.Name())
			c.writeKey(b, m.Type())
			sep = "; "
		}
		c.writeEmbeddedKeys(b, t, sep)
		b.WriteByte('}')
	case *types.Union:
		for i := range t.Len() {
			if i > 0 {
				b.WriteString(" | ")
			}
			if t.Term(i).Tilde() {
				b.WriteByte('~')
			}
			c.writeKey(b, t.Term(i).Type())
		}
	case *types.TypeParam:
		// Renaming a type parameter changes nothing for callers.
		fmt.Fprintf(b, "$%d", t.Index())
	case *types.Named:
		obj := t.Obj()
		if p := obj.Pkg(); p != nil && p != c.pkg {
			b.WriteString(p.Path() + ".")
		}
		b.WriteString(obj.Name())
		if args := t.TypeArgs(); args.Len() > 0 {
			b.WriteByte('[')
			for i := range args.Len() {
				if i > 0 {
					b.WriteString(", ")
				}
				c.writeKey(b, args.At(i))
			}
			b.WriteByte(']')
		}
	default:
		b.WriteString(types.TypeString(t, func(p *types.Package) string { return p.Path() }))
	}
}
