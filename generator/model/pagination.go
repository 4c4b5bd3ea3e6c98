package model

import (
	"math"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// The names of the query parameters that page a list, compared by
// pagingKey (lower case, letters and digits only, so page_size, pageSize
// and PageSize are one name), each list in order of preference.
var (
	pageNames   = []string{"page", "pagenumber", "pagenum", "pageno", "pageindex"}
	offsetNames = []string{"offset", "skip", "startindex"}
	sizeNames   = []string{"perpage", "pagesize", "limit", "size", "maxresults", "take", "top", "count", "pagelimit"}
	cursorNames = []string{"from", "cursor", "pagetoken", "nexttoken", "nextpagetoken", "paginationtoken", "continuationtoken", "continue", "marker", "after", "pagecursor"}
	totalNames  = []string{"total", "totalcount", "totalelements", "totalitems", "totalresults", "totalrecords", "totalentries"}
	// linkNames are the properties of a result that link to its next page
	// by their names alone: OData's nextLink and @odata.nextLink, Twilio's
	// next_page_uri (and meta.next_page_url), Intellifi's next_url.
	linkNames = []string{"nextlink", "odatanextlink", "nextpagelink", "nextpageurl", "nextpageuri", "nexturl", "nexturi"}
	// wrapperNames are the objects that hold a page's items by their names
	// alone: HAL's _embedded, and the envelopes of data, result and the like.
	wrapperNames = []string{"embedded", "data", "result", "results", "response", "payload", "body"}
	// asideNames are the arrays, and objects, beside a page's items that are
	// never them.
	asideNames = []string{"errors", "warnings", "error", "warning"}
)

// isLink reports whether f links to the next page: linkNames name it, or
// it is a next whose format is a URI, as Django REST framework's pages
// write theirs. A next of no format is as often a cursor (Auth0's).
func isLink(f *Field) bool {
	k := pagingKey(f.JSONName)
	return slices.Contains(linkNames, k) ||
		k == "next" && slices.Contains([]string{"uri", "uri-reference", "url"}, f.Type.Constraints.Format)
}

// pagingKey folds a parameter's or property's name for the lists above:
// per_page, per-page and perPage are all "perpage", $top is "top".
func pagingKey(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			return r
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, name)
}

// pagination recognises the list operations a client can walk, over a
// result that is an array of items or holds one, in three modes:
//
//   - numbered pages: a page number and a page size (page and per_page,
//     pageNumber and pageSize, page and limit), with include_totals when
//     the spec has it; the first page is the number's default or minimum,
//     so GitHub's pages count from 1 and Auth0's from 0;
//   - offsets: an item offset and a page size (offset and limit, $skip
//     and $top);
//   - cursors: a cursor parameter answered by a property of the result,
//     or of an object in it, that holds the next one (Auth0's from and
//     next, Google's pageToken and nextPageToken, AWS's NextToken, cursor
//     and next_cursor, Kubernetes' continue and metadata.continue), with a
//     page size when the spec has one.
//
// A result that links to its next page (see linkPagination) is walked by
// its links instead, except a HAL link where parameters page. Where
// nothing else pages, a Link header that the answer declares (RFC 8288,
// GitHub's on lists that take a since) is followed to its rel="next"
// target, as a link in the result would be. An operation
// may have both numbers and a cursor, as Auth0's do; the client then
// follows the cursor when it is given one. The extension
// x-oasgen-pagination: false turns recognition off.
func (b *builder) pagination(o *Operation, op *openapi3.Operation) *Pagination {
	if off, ok := op.Extensions["x-oasgen-pagination"].(bool); ok && !off {
		return nil
	}
	if o.Method != "GET" || o.Result == nil || o.Result.Type == nil || !IsJSONMedia(o.Result.ContentType) {
		return nil // a result that is not JSON reaches the client as bytes, with no items to walk
	}
	if pg, ok := linkPagination(o, op, false); ok {
		return pg
	}
	if pg := paramPagination(o); pg != nil {
		return pg
	}
	if pg, _ := linkPagination(o, op, true); pg != nil {
		return pg
	}
	return linkHeaderPagination(o)
}

// linkHeaderPagination recognises a list whose answer declares a Link
// header of text (see pagination); nil when it has none, or no items.
func linkHeaderPagination(o *Operation) *Pagination {
	if o.Success == nil {
		return nil
	}
	i := slices.IndexFunc(o.Success.Headers, func(h *Param) bool { return strings.EqualFold(h.Name, "Link") && isText(h.Type) })
	if i < 0 {
		return nil
	}
	pg := &Pagination{Link: true, LinkHeader: o.Success.Headers[i]}
	if !pageSources(pg, o.Result.Type) || len(pg.Sources) != 1 || pg.Sources[0].Variant != nil {
		return nil
	}
	return pg
}

// paramPagination recognises the numbered, offset and cursor modes that
// the operation's query parameters drive (see pagination).
func paramPagination(o *Operation) *Pagination {
	query := map[string]*Param{}
	for _, p := range o.Params {
		if k := pagingKey(p.Name); p.In == InQuery && !p.Required && query[k] == nil {
			query[k] = p
		}
	}
	find := func(is func(*Ref) bool, names ...string) *Param {
		for _, name := range names {
			if p := query[name]; p != nil && is(p.Type) && !p.Type.Nullable {
				return p
			}
		}
		return nil
	}
	pg := &Pagination{PerPage: find(isInteger, sizeNames...)}
	if pg.PerPage != nil {
		if pg.Page = find(isInteger, pageNames...); pg.Page == nil {
			pg.Page, pg.Offset = find(isInteger, offsetNames...), true
		}
	}
	if pg.Page == nil {
		pg.PerPage, pg.Offset = nil, false
	} else {
		pg.FirstPage, pg.FirstPageGiven = firstNumber(pg.Page)
		if !pg.Offset {
			pg.IncludeTotals = find(isBool, "includetotals")
		}
	}
	if pg.From = find(isText, cursorNames...); pg.From != nil {
		pg.Take = find(isInteger, append([]string{"take"}, sizeNames...)...)
	}
	if pg.Page == nil && pg.From == nil {
		return nil
	}
	if !pageSources(pg, o.Result.Type) {
		return nil
	}
	if pg.From != nil && !slices.ContainsFunc(pg.Sources, func(s *PageSource) bool { return len(s.Next) > 0 }) {
		pg.From, pg.Take = nil, nil // nothing answers with the next cursor
		for _, s := range pg.Sources {
			s.Next = nil
		}
		if pg.Page == nil {
			return nil
		}
	}
	// Auth0's from is answered by a next that is never a URL: the spec
	// calls it an opaque identifier for use with from.
	if pg.From != nil && pg.Page == nil && pagingKey(pg.From.Name) != "from" {
		pg.NextMayLink = !slices.ContainsFunc(pg.Sources, func(s *PageSource) bool {
			return len(s.Next) > 0 && pagingKey(s.Next[len(s.Next)-1].JSONName) != "next"
		})
	}
	return pg
}

// linkPagination recognises a result that links to its next page: as
// Azure's x-ms-pageable names it (nextLinkName, and itemName, "value" by
// default), or, without it, in a property that isLink accepts, on the
// result or on an object below it (meta.next_page_url), or in JSON:API's
// and HAL's links.next and _links.next, a string or, when hal is set, an
// object whose href is one (a HAL link is followed only where no parameter
// pages: its host may not be the client's). A link wins over the page
// numbers beside it, as Twilio asks its clients to follow next_page_url.
// It reports whether the operation is settled: x-ms-pageable with a null
// nextLinkName says the list comes whole, with nothing to walk.
func linkPagination(o *Operation, op *openapi3.Operation, hal bool) (*Pagination, bool) {
	linked, items := isLink, "value"
	named := false // x-ms-pageable names the link
	if ext, ok := op.Extensions["x-ms-pageable"].(map[string]any); ok {
		name, given := ext["nextLinkName"]
		if given && name == nil {
			return nil, true
		}
		if name, ok := name.(string); ok {
			linked, named = func(f *Field) bool { return f.JSONName == name }, true
		}
		if name, ok := ext["itemName"].(string); ok {
			items = name
		}
	}
	r := o.Result.Type
	if r.Kind != RefNamed || r.Named.Kind != Struct {
		return nil, false
	}
	src := &PageSource{Next: nextPath(r.Named, func(outer, f *Field) int {
		switch {
		case outer == nil && linked(f):
			return 0
		case outer != nil && !named && linked(f):
			return 1
		case outer != nil && !named && pagingKey(outer.JSONName) == "links" && pagingKey(f.JSONName) == "next":
			return 2
		}
		return -1
	})}
	if src.Next == nil && !named && hal {
		src.Next = halNext(r.Named)
	}
	for _, f := range r.Named.Fields {
		if f.JSONName == items && listOf(f.Type) != nil && f.Wrap != WrapPointer {
			src.Items = f
		}
	}
	pg := &Pagination{Link: true, Sources: []*PageSource{src}}
	if src.Next == nil || src.Items == nil && !pg.fieldSource(src, r.Named) {
		return nil, false
	}
	pg.Item = listOf(src.Items.Type)
	return pg, true
}

// halNext finds HAL's link to the next page, _links.next.href, where the
// link is an object (Adyen's, and some JSON:API specs' links.next); nil
// when t has none.
func halNext(t *Type) []*Field {
	objects := func(t *Type, key string) []*Field {
		var found []*Field
		for _, f := range t.Fields {
			if pagingKey(f.JSONName) == key && f.Wrap != WrapPointer && f.Type.Kind == RefNamed && f.Type.Named.Kind == Struct {
				found = append(found, f)
			}
		}
		return found
	}
	for _, links := range objects(t, "links") {
		for _, next := range objects(links.Type.Named, "next") {
			for _, href := range next.Type.Named.Fields {
				if href.JSONName == "href" && isText(href.Type) && href.Wrap != WrapPointer {
					return []*Field{links, next, href}
				}
			}
		}
	}
	return nil
}

// nextPath finds where struct t holds the next cursor or link: the string
// field that rank ranks best (lowest, and not below 0), on t itself or,
// when none there is, on a struct that t holds, as Kubernetes' lists hold
// metadata.continue, or, when none there is either, one struct further
// down, as HubSpot's hold paging.next.after. rank sees the field and the
// struct field that holds it (outer, nil on t). The path is the fields
// from t's down to the cursor's.
func nextPath(t *Type, rank func(outer, f *Field) int) []*Field {
	level := [][]*Field{nil} // the paths to the structs searched at this depth
	for depth := 0; depth < 3 && len(level) > 0; depth++ {
		var best []*Field
		var deeper [][]*Field
		bestRank := -1
		for _, path := range level {
			holder, outer := t, (*Field)(nil)
			if len(path) > 0 {
				outer = path[len(path)-1]
				holder = outer.Type.Named
			}
			for _, f := range holder.Fields {
				switch {
				case f.Wrap == WrapPointer:
				case isText(f.Type):
					if r := rank(outer, f); r >= 0 && (bestRank < 0 || r < bestRank) {
						best, bestRank = append(slices.Clip(path), f), r
					}
				case f.Type.Kind == RefNamed && f.Type.Named.Kind == Struct:
					deeper = append(deeper, append(slices.Clip(path), f))
				}
			}
		}
		if best != nil {
			return best
		}
		level = deeper
	}
	return nil
}

// pageSources fills in where each shape of result r keeps the items, the
// next cursor and the total, and reports whether every shape holds items
// of one type.
func pageSources(pg *Pagination, r *Ref) bool {
	if item := listOf(r); item != nil {
		pg.Item = item
		pg.Sources = []*PageSource{{}}
		return true
	}
	if r.Kind == RefNamed && r.Named.Kind == Struct {
		src := &PageSource{}
		pg.Sources = []*PageSource{src}
		return pg.fieldSource(src, r.Named)
	}
	if r.Kind != RefNamed || r.Named.Kind != Union {
		return false
	}
	for _, v := range r.Named.Variants {
		src := &PageSource{Variant: v}
		switch {
		case listOf(v.Type) != nil:
			if !sameType(&pg.Item, listOf(v.Type)) {
				return false
			}
		case v.Type.Kind == RefNamed && v.Type.Named.Kind == Struct:
			if !pg.fieldSource(src, v.Type.Named) {
				return false
			}
		default:
			return false
		}
		pg.Sources = append(pg.Sources, src)
	}
	return true
}

// fieldSource finds the fields of struct t that hold the items, the next
// cursor and the total. The items are the first array of values that are
// not plain strings or numbers, else its first array, and never the
// errors or warnings beside them: Google's lists give the names of the
// places they could not reach in an array of their own, which sorts
// before the items in some (failedLocations, then foos). When t holds no
// array, the items may be one object down (see heldItems).
func (pg *Pagination) fieldSource(src *PageSource, t *Type) bool {
	if pg.From != nil {
		// The cursor's names, best first: Auth0's from is answered by
		// next, pageToken by nextPageToken, NextToken by NextToken, and
		// drchrono's cursor, last, by a next that may be a URL (see
		// Pagination.NextMayLink).
		k := pagingKey(pg.From.Name)
		next := []string{"next" + k, k, "nextcursor", "nexttoken", "nextpagetoken", "next"}
		if k == "from" {
			next = []string{"next"}
		}
		src.Next = nextPath(t, func(_, f *Field) int { return slices.Index(next, pagingKey(f.JSONName)) })
	}
	src.Items, src.Total = pageFields(t)
	if src.Items == nil {
		src.Holder = heldItems(t, src.Next)
		if src.Holder != nil {
			src.Items, src.Total = pageFields(src.Holder.Type.Named)
		}
	}
	return src.Items != nil && sameType(&pg.Item, listOf(src.Items.Type))
}

// pageFields finds the fields of struct t that hold a page's items and its
// total (see fieldSource); nil when it has none.
func pageFields(t *Type) (items, total *Field) {
	for _, f := range t.Fields {
		k := pagingKey(f.JSONName)
		switch {
		case listOf(f.Type) != nil && f.Wrap != WrapPointer && !slices.Contains(asideNames, k):
			if items == nil || listOf(items.Type).Kind == RefBuiltin && listOf(f.Type).Kind != RefBuiltin {
				items = f
			}
		case f.Type.Kind == RefBuiltin && f.Type.Builtin.Numeric() && slices.Contains(totalNames, k) && total == nil:
			total = f
		}
	}
	return items, total
}

// heldItems finds the struct field of t that holds a page's items when t
// holds none itself: the only object of t that holds exactly one array
// (errors and warnings aside), where something says it is the page's
// wrapper. Its name says so (HAL's _embedded, data, result, results,
// response, payload, body), it holds the total or the next cursor
// (Spotify's playlists.total, CloudFront's DistributionList.NextMarker),
// or t answers with the next cursor (AWS's Definition.Subscriptions beside
// NextToken). Nil when there is no such field, or more than one: Spotify's
// search answers albums, artists and tracks, each a page of its own.
func heldItems(t *Type, next []*Field) *Field {
	var holder *Field
	for _, f := range t.Fields {
		if f.Wrap == WrapPointer || f.Type.Kind != RefNamed || f.Type.Named.Kind != Struct || slices.Contains(asideNames, pagingKey(f.JSONName)) {
			continue
		}
		arrays := 0
		for _, g := range f.Type.Named.Fields {
			if listOf(g.Type) != nil && g.Wrap != WrapPointer && !slices.Contains(asideNames, pagingKey(g.JSONName)) {
				arrays++
			}
		}
		if arrays == 0 {
			continue
		}
		if holder != nil || arrays > 1 {
			return nil
		}
		holder = f
	}
	if holder == nil {
		return nil
	}
	_, total := pageFields(holder.Type.Named)
	if slices.Contains(wrapperNames, pagingKey(holder.JSONName)) || total != nil || len(next) > 0 {
		return holder
	}
	return nil
}

// listOf is the type of r's items when r is an array, written inline or
// named (AWS's Applications hold their Items in an ApplicationList); nil
// when r is not one.
func listOf(r *Ref) *Ref {
	switch {
	case r.Kind == RefSlice:
		return r.Elem
	case r.Kind == RefNamed && r.Named.Kind == Slice:
		return r.Named.Elem
	}
	return nil
}

// firstNumber is the number of the first page, or the first offset, and
// whether the spec gives it: the parameter's default when it has one
// (GitHub's pages start at 1), else the least value its minimum allows,
// else 0, which the spec leaves open.
func firstNumber(p *Param) (int64, bool) {
	switch d := p.Default.(type) {
	case float64:
		if d == math.Trunc(d) && d >= 0 && d < 1<<31 {
			return int64(d), true
		}
	case int:
		if d >= 0 {
			return int64(d), true
		}
	case int64:
		if d >= 0 {
			return d, true
		}
	}
	c := p.Type.Constraints
	if c.Minimum == nil || *c.Minimum < 0 || *c.Minimum >= 1<<31 {
		return 0, false
	}
	first := int64(math.Ceil(*c.Minimum))
	if c.ExclusiveMinimum && float64(first) == *c.Minimum {
		first++ // exclusiveMinimum: 0 starts at 1
	}
	return first, true
}

// isText reports whether r is a string, or a named type that is one
// (Twitter's PaginationToken32 and NextToken).
func isText(r *Ref) bool {
	return isString(r) || r.Kind == RefNamed && r.Named.Kind == Alias && r.Named.Elem != nil && isString(r.Named.Elem) && !r.Nullable
}

// sameType records the item type on first sight and then checks that every
// other source lists the same type.
func sameType(item **Ref, r *Ref) bool {
	if *item == nil {
		*item = r
		return true
	}
	a, b := *item, r
	return a.Kind == b.Kind && a.Builtin == b.Builtin && a.Named == b.Named && a.Nullable == b.Nullable
}
