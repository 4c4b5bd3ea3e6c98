package load

import (
	"encoding/json"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
)

// A JSON document loads faster through encoding/json than through the YAML
// parser kin-openapi otherwise reads every document with (about twice as
// fast on the Auth0 spec), but that path records no origins, and every
// error and warning oasgen prints is placed by them. So a JSON document is
// decoded with encoding/json, and the origins kin-openapi would have
// recorded are stamped from positions this file reads itself:
//
//   - an element's Origin.Fields holds the position of each of its keys,
//     and Origin.Sequences that of each scalar item of its array fields;
//   - its Origin.Key is the position of the key that heads it in its
//     parent, or of its own first key when it is an array item;
//   - a $ref wrapper (SchemaRef and the like) and the element it holds
//     share the origin of the node they were both read from.
//
// TestJSONOriginsMatchKinOpenAPI holds these to what kin-openapi records,
// element by element. End positions are not recorded: nothing here uses
// them. A document that repeats a key gets its origins too, where
// kin-openapi, whose YAML parser refuses repeats, records none.

// jsonNode is one JSON value with the position where it starts.
type jsonNode struct {
	line, col  int
	start, end int    // the value's bytes in the document
	kind       byte   // '{', '[', or 's' for any scalar
	text       string // a scalar as YAML would name it: a string unquoted, anything else as written
	members    []jsonMember
	items      []*jsonNode
}

// jsonMember is one key of an object, with the key's position.
type jsonMember struct {
	name      string
	line, col int
	value     *jsonNode
}

// member returns the value of key name, or nil.
func (n *jsonNode) member(name string) *jsonNode {
	for i := range n.members {
		if n.members[i].name == name {
			return n.members[i].value
		}
	}
	return nil
}

// jsonPositions parses data, which must be valid JSON, into a tree of
// positions. Lines and columns count from 1, columns in characters. A key
// repeated in an object keeps its last value, as encoding/json does, and
// makes repeats true.
func jsonPositions(data []byte) (root *jsonNode, repeats bool) {
	p := &positionParser{data: data, line: 1, col: 1}
	root = p.value(false)
	return root, p.repeats
}

type positionParser struct {
	data      []byte
	pos       int
	line      int
	lineStart int // offset of the first byte of the current line
	repeats   bool
	// colPos and col are the last column computed, so that the next one on
	// the same line counts only the characters since: a document on one
	// line would otherwise be counted from its start at every value.
	colPos, col int
}

func (p *positionParser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case '\n':
			p.line++
			p.lineStart = p.pos + 1
		case ' ', '\t', '\r':
		default:
			return
		}
		p.pos++
	}
}

// column is the 1-based character column of p.pos.
func (p *positionParser) column() int {
	if p.colPos < p.lineStart || p.colPos > p.pos {
		p.colPos, p.col = p.lineStart, 1
	}
	p.col += utf8.RuneCount(p.data[p.colPos:p.pos])
	p.colPos = p.pos
	return p.col
}

// value reads the value at p.pos. Only a scalar item of an array
// (inArray) keeps its text: origins name those and no other scalar.
func (p *positionParser) value(inArray bool) *jsonNode {
	p.space()
	n := &jsonNode{line: p.line, col: p.column(), start: p.pos}
	defer func() { n.end = min(p.pos, len(p.data)) }()
	if p.pos >= len(p.data) {
		return n
	}
	switch p.data[p.pos] {
	case '{':
		n.kind = '{'
		p.pos++
		for {
			p.space()
			if p.pos >= len(p.data) || p.data[p.pos] == '}' {
				p.pos++
				p.dropRepeats(n)
				return n
			}
			if p.data[p.pos] == ',' {
				p.pos++
				p.space()
			}
			m := jsonMember{line: p.line, col: p.column()}
			m.name = p.string()
			p.space()
			p.pos++ // the colon
			m.value = p.value(false)
			n.members = append(n.members, m)
		}
	case '[':
		n.kind = '['
		p.pos++
		for {
			p.space()
			if p.pos >= len(p.data) || p.data[p.pos] == ']' {
				p.pos++
				return n
			}
			if p.data[p.pos] == ',' {
				p.pos++
			}
			n.items = append(n.items, p.value(true))
		}
	case '"':
		n.kind = 's'
		if inArray {
			n.text = p.string()
		} else {
			p.skipString()
		}
	default:
		n.kind = 's'
		start := p.pos
		for p.pos < len(p.data) && !strings.ContainsRune(" \t\r\n,]}", rune(p.data[p.pos])) {
			p.pos++
		}
		if inArray {
			n.text = string(p.data[start:p.pos])
		}
	}
	return n
}

// dropRepeats keeps only the last member of each name in object n, where
// encoding/json leaves the value, and notes that there were repeats. A
// small object is searched pairwise; a large one (the schemas of a big
// spec) with a map.
func (p *positionParser) dropRepeats(n *jsonNode) {
	repeated := func(i int) bool {
		for j := i + 1; j < len(n.members); j++ {
			if n.members[j].name == n.members[i].name {
				return true
			}
		}
		return false
	}
	if len(n.members) > 16 {
		last := make(map[string]int, len(n.members))
		for i, m := range n.members {
			last[m.name] = i
		}
		if len(last) == len(n.members) {
			return
		}
		repeated = func(i int) bool { return last[n.members[i].name] != i }
	}
	kept := n.members[:0]
	for i, m := range n.members {
		if repeated(i) {
			p.repeats = true
			continue
		}
		kept = append(kept, m)
	}
	n.members = kept
}

// skipString moves past the string at p.pos; it reports whether the
// string has escapes.
func (p *positionParser) skipString() (escaped bool) {
	p.pos++
	for p.pos < len(p.data) && p.data[p.pos] != '"' {
		if p.data[p.pos] == '\\' {
			escaped = true
			p.pos++
		}
		p.pos++
	}
	p.pos++
	return escaped
}

// string reads the string at p.pos and returns it unquoted.
func (p *positionParser) string() string {
	start := p.pos
	escaped := p.skipString()
	raw := p.data[start+1 : min(p.pos, len(p.data))-1]
	if !escaped {
		return string(raw)
	}
	var s string
	_ = json.Unmarshal(p.data[start:p.pos], &s) // the document is valid JSON
	return s
}

// originStamper sets kin-openapi origins from a position tree.
type originStamper struct {
	file string // as kin-openapi names it: the document's URL
	// discriminators are those of every schema stamped, for unresolve.
	discriminators []*openapi3.Discriminator
}

// originField is the field kin-openapi records an element's origin in.
const originField = "Origin"

var (
	mapLike = map[reflect.Type]bool{
		reflect.TypeFor[openapi3.Paths]():     true,
		reflect.TypeFor[openapi3.Responses](): true,
		reflect.TypeFor[openapi3.Callback]():  true,
	}
	docType           = reflect.TypeFor[openapi3.T]()
	discriminatorType = reflect.TypeFor[openapi3.Discriminator]()
)

// stampOrigins sets the origins of doc, decoded from the JSON document
// whose positions are root, as kin-openapi's YAML decoding would have.
func stampOrigins(doc *openapi3.T, root *jsonNode, location *url.URL) *originStamper {
	s := &originStamper{file: location.String()}
	s.decoded(reflect.ValueOf(doc), root)
	return s
}

// unresolveMappings undoes what resolving did to the discriminator mappings
// that point into the document itself. kin-openapi's loader leaves those
// unresolved, as it knows the document it loaded is the root; resolving a
// document decoded elsewhere, it cannot tell.
func (s *originStamper) unresolveMappings() {
	for _, d := range s.discriminators {
		for k, m := range d.Mapping {
			if strings.HasPrefix(m.Ref, "#") && m.Value != nil {
				m.Value = nil
				d.Mapping[k] = m
			}
		}
	}
}

// decoded stamps what kin-openapi's UnmarshalYAML of v would have stamped
// while decoding n: v's own fields and sequences, and below it, the keys
// of its children.
func (s *originStamper) decoded(v reflect.Value, n *jsonNode) {
	v, ok := indirect(v)
	if !ok {
		return
	}
	switch v.Kind() {
	case reflect.Map:
		if n.kind != '{' {
			return
		}
		for _, m := range n.members {
			if child := mapEntry(v, m.name); child.IsValid() {
				s.decoded(child, m.value)
			}
		}
		return
	case reflect.Slice:
		if n.kind != '[' {
			return
		}
		for i, item := range n.items {
			if i < v.Len() {
				s.decoded(v.Index(i), item)
			}
		}
		return
	case reflect.Struct:
		if !v.CanAddr() {
			return // a struct held by value in a map (MappingRef) records nothing
		}
	default:
		return
	}
	t := v.Type()
	if t.NumField() > 0 && t.Field(0).Anonymous {
		// Header is a Parameter and decodes as one.
		s.decoded(v.Field(0).Addr(), n)
		return
	}
	if mapLike[t] {
		// Paths, Responses and Callback: each entry is stamped with its key.
		entries := v.Addr().MethodByName("Map").Call(nil)[0]
		for _, m := range n.members {
			if strings.HasPrefix(m.name, "x-") {
				continue
			}
			if child := mapEntry(entries, m.name); child.IsValid() {
				s.decoded(child, m.value)
				s.setKey(child, m)
			}
		}
		return
	}
	origin, ok := originSlot(v)
	if !ok {
		// BoolSchema: the schema it may hold is decoded from the same node.
		if schema := v.FieldByName("Schema"); schema.IsValid() && n.kind == '{' {
			s.decoded(schema, n)
		}
		return
	}
	origin.Set(reflect.ValueOf(s.fromNode(n)))
	if t == discriminatorType {
		s.discriminators = append(s.discriminators, v.Addr().Interface().(*openapi3.Discriminator))
	}
	if ref, value := v.FieldByName("Ref"), v.FieldByName("Value"); ref.IsValid() && value.IsValid() && ref.Kind() == reflect.String {
		// A $ref wrapper: the element it holds comes from the same node,
		// unless it is a reference, whose target was written elsewhere.
		if ref.String() == "" {
			s.decoded(value, n)
		}
		return
	}
	if t == docType && origin.Elem().IsValid() && len(n.members) > 0 {
		// The root has no key above it and takes its first key's place.
		first := n.members[0]
		origin.Interface().(*openapi3.Origin).Key = &openapi3.Location{File: s.file, Line: first.line, Column: first.col, Name: first.name}
	}
	if n.kind != '{' {
		return
	}
	for _, m := range n.members {
		child := fieldByYAMLName(v, m.name)
		if !child.IsValid() {
			continue
		}
		s.decoded(child, m.value)
		s.childKeys(v, child, m)
	}
}

// childKeys stamps the key of child, the field of container that member m
// decoded into, and the keys of whatever child holds: the entries of a map
// and the items of an array.
func (s *originStamper) childKeys(container, child reflect.Value, m jsonMember) {
	s.setKey(child, m)
	s.scalarMapKeys(container, child, m)
	c, ok := indirect(child)
	if !ok {
		return
	}
	switch c.Kind() {
	case reflect.Map:
		if m.value.kind != '{' {
			return
		}
		for _, e := range m.value.members {
			if entry := mapEntry(c, e.name); entry.IsValid() {
				s.childKeys(c, entry, e)
			}
		}
	case reflect.Slice:
		if m.value.kind != '[' {
			return
		}
		for j, item := range m.value.items {
			if j < c.Len() && item.kind == '{' && len(item.members) > 0 {
				// An array item has no key above it: its first key stands in.
				first := item.members[0]
				s.setKey(c.Index(j), jsonMember{name: first.name, line: first.line, col: first.col, value: item})
			}
		}
	}
}

// setKey records m's key as the Key of the element in v, and of the element
// a wrapper in v holds.
func (s *originStamper) setKey(v reflect.Value, m jsonMember) {
	v, ok := indirect(v)
	if !ok || v.Kind() != reflect.Struct {
		return
	}
	if o := ensureOrigin(v); o != nil {
		o.Key = &openapi3.Location{File: s.file, Line: m.line, Column: m.col, Name: m.name}
	}
	for _, name := range [...]string{"Value", "Schema"} {
		if inner := v.FieldByName(name); inner.IsValid() {
			s.setKey(inner, m)
		}
	}
}

// scalarMapKeys records, on container's origin, where each key of a map of
// scalars (the scopes of an OAuth flow, say) sits, sorted by key: such a map
// has no origin of its own.
func (s *originStamper) scalarMapKeys(container, child reflect.Value, m jsonMember) {
	if child.Kind() != reflect.Map || m.value.kind != '{' {
		return
	}
	switch child.Type().Elem().Kind() {
	case reflect.Struct, reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice:
		return
	}
	if len(m.value.members) == 0 {
		return
	}
	o := ensureOrigin(container)
	if o == nil {
		return
	}
	var locs []openapi3.Location
	for _, e := range m.value.members {
		locs = append(locs, openapi3.Location{File: s.file, Line: e.line, Column: e.col, Name: e.name})
	}
	slices.SortFunc(locs, func(a, b openapi3.Location) int { return strings.Compare(a.Name, b.Name) })
	if o.Sequences == nil {
		o.Sequences = make(map[string][]openapi3.Location)
	}
	o.Sequences[m.name] = locs
}

// fromNode is the origin an element sees for itself in n: where each of
// its keys is, and where the scalar items of its array fields are. It is
// nil for anything but an object with keys.
func (s *originStamper) fromNode(n *jsonNode) *openapi3.Origin {
	if n.kind != '{' || len(n.members) == 0 {
		return nil
	}
	o := &openapi3.Origin{Fields: make(openapi3.FieldLocations, 0, len(n.members))}
	for _, m := range n.members {
		o.Fields = append(o.Fields, openapi3.Location{File: s.file, Line: m.line, Column: m.col, Name: m.name})
		if m.value.kind != '[' {
			continue
		}
		var locs []openapi3.Location
		for _, item := range m.value.items {
			if item.kind == 's' {
				locs = append(locs, openapi3.Location{File: s.file, Line: item.line, Column: item.col, Name: item.text})
			}
		}
		if len(locs) > 0 {
			if o.Sequences == nil {
				o.Sequences = make(map[string][]openapi3.Location)
			}
			o.Sequences[m.name] = locs
		}
	}
	return o
}

// originSlot returns the *Origin field of struct v, if it has one it can set.
func originSlot(v reflect.Value) (reflect.Value, bool) {
	f := v.FieldByName(originField)
	return f, f.IsValid() && f.Type() == originType && f.CanSet()
}

// ensureOrigin returns the origin of struct v, creating it when it is nil;
// nil when v has no origin to set.
func ensureOrigin(v reflect.Value) *openapi3.Origin {
	f, ok := originSlot(v)
	if !ok {
		return nil
	}
	if f.IsNil() {
		f.Set(reflect.ValueOf(&openapi3.Origin{}))
	}
	return f.Interface().(*openapi3.Origin)
}

// indirect follows pointers and interfaces to the value they hold; ok is
// false when one of them is nil.
func indirect(v reflect.Value) (_ reflect.Value, ok bool) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return v, false
		}
		v = v.Elem()
	}
	return v, true
}

// mapEntry returns the entry of map m at key, or the zero Value.
func mapEntry(m reflect.Value, key string) reflect.Value {
	if m.Type().Key().Kind() != reflect.String || m.IsNil() {
		return reflect.Value{}
	}
	return m.MapIndex(reflect.ValueOf(key).Convert(m.Type().Key()))
}

// yamlNames caches, per struct type, the field index of each yaml name.
var yamlNames sync.Map // reflect.Type → map[string]int

// fieldByYAMLName finds the field of struct v that the key name decodes into.
func fieldByYAMLName(v reflect.Value, name string) reflect.Value {
	t := v.Type()
	cached, ok := yamlNames.Load(t)
	if !ok {
		names := map[string]int{}
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			if n, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); n != "" && n != "-" {
				names[n] = i
			}
		}
		cached, _ = yamlNames.LoadOrStore(t, names)
	}
	if i, ok := cached.(map[string]int)[name]; ok {
		return v.Field(i)
	}
	return reflect.Value{}
}
