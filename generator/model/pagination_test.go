package model

import (
	"fmt"
	"strings"
	"testing"
)

// describePaging sums up how pg pages, for comparing with a test's want.
func describePaging(pg *Pagination) string {
	if pg == nil {
		return "none"
	}
	var parts []string
	if pg.Page != nil {
		mode := "page"
		if pg.Offset {
			mode = "offset"
		}
		parts = append(parts, fmt.Sprintf("%s %s/%s from %d", mode, pg.Page.Name, pg.PerPage.Name, pg.FirstPage))
		if pg.IncludeTotals != nil {
			parts = append(parts, "totals "+pg.IncludeTotals.Name)
		}
	}
	if pg.Link {
		parts = append(parts, "link")
	}
	if pg.LinkHeader != nil {
		parts = append(parts, "header "+pg.LinkHeader.Name)
	}
	if pg.From != nil {
		cursor := "cursor " + pg.From.Name
		if pg.Take != nil {
			cursor += "/" + pg.Take.Name
		}
		if pg.NextMayLink {
			cursor += " (or a URL)"
		}
		parts = append(parts, cursor)
	}
	for _, src := range pg.Sources {
		if src.Items != nil {
			held := ""
			if src.Holder != nil {
				held = src.Holder.JSONName + "."
			}
			parts = append(parts, "items "+held+src.Items.JSONName)
		}
		if src.Next != nil {
			var names []string
			for _, f := range src.Next {
				names = append(names, f.JSONName)
			}
			parts = append(parts, "next "+strings.Join(names, "."))
		}
		if src.Total != nil {
			parts = append(parts, "total "+src.Total.JSONName)
		}
	}
	return strings.Join(parts, ", ")
}

// listSpec is a spec of one operation, listItems, under method, with the
// lines of extra added to it, the query parameters params (a YAML flow
// sequence) and a 200 result of schema result (a YAML flow mapping).
func listSpec(method, extra, params, result string) string {
	return `openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /items:
    ` + method + `:
      operationId: listItems` + extra + `
      parameters: ` + params + `
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: ` + result + `
components:
  schemas:
    Token: {type: string, minLength: 1}
    Things: {type: array, items: {type: object, properties: {id: {type: string}}}}
`
}

func TestPagination(t *testing.T) {
	tests := []struct {
		name   string
		params string // YAML flow sequence of query parameters
		result string // YAML flow mapping of the result's schema
		want   string
	}{
		{"GitHub's pages count from their default",
			`[{name: per_page, in: query, schema: {type: integer, default: 30}}, {name: page, in: query, schema: {type: integer, default: 1}}]`,
			`{type: array, items: {type: string}}`,
			"page page/per_page from 1"},
		{"a minimum above 0 is the first page",
			`[{name: pageNumber, in: query, schema: {type: integer, minimum: 1}}, {name: pageSize, in: query, schema: {type: integer}}]`,
			`{type: array, items: {type: string}}`,
			"page pageNumber/pageSize from 1"},
		{"an exclusive minimum of 0 starts at 1",
			`[{name: page, in: query, schema: {type: integer, exclusiveMinimum: 0}}, {name: size, in: query, schema: {type: integer}}]`,
			`{type: array, items: {type: string}}`,
			"page page/size from 1"},
		{"Spring's page and size, with a total",
			`[{name: page, in: query, schema: {type: integer, minimum: 0}}, {name: size, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {content: {type: array, items: {type: string}}, totalElements: {type: integer}, totalPages: {type: integer}}}`,
			"page page/size from 0, items content, total totalElements"},
		{"Auth0's two modes",
			`[{name: page, in: query, schema: {type: integer}}, {name: per_page, in: query, schema: {type: integer}}, {name: include_totals, in: query, schema: {type: boolean}}, {name: from, in: query, schema: {type: string}}, {name: take, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {items: {type: array, items: {type: string}}, next: {type: string}, total: {type: number}}}`,
			"page page/per_page from 0, totals include_totals, cursor from/take, items items, next next, total total"},
		{"offset and limit",
			`[{name: offset, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {total_count: {type: integer}, orders: {type: array, items: {type: string}}}}`,
			"offset offset/limit from 0, items orders, total total_count"},
		{"OData's $skip and $top",
			`[{name: $skip, in: query, schema: {type: integer}}, {name: $top, in: query, schema: {type: integer}}]`,
			`{type: array, items: {type: string}}`,
			"offset $skip/$top from 0"},
		{"page numbers win over offsets",
			`[{name: offset, in: query, schema: {type: integer}}, {name: page, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: array, items: {type: string}}`,
			"page page/limit from 0"},
		{"Google's page tokens",
			`[{name: pageSize, in: query, schema: {type: integer}}, {name: pageToken, in: query, schema: {type: string}}]`,
			`{type: object, properties: {files: {type: array, items: {type: string}}, nextPageToken: {type: string}}}`,
			"cursor pageToken/pageSize, items files, next nextPageToken"},
		{"the items are not the strings beside them",
			`[{name: pageToken, in: query, schema: {type: string}}]`,
			`{type: object, properties: {failedLocations: {type: array, items: {type: string}}, foos: {type: array, items: {type: object, properties: {id: {type: string}}}}, nextPageToken: {type: string}}}`,
			"cursor pageToken, items foos, next nextPageToken"},
		{"the items are not the errors before them",
			`[{name: page, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {errors: {type: array, items: {type: object}}, data: {type: array, items: {type: object}}}}`,
			"page page/limit from 0, items data"},
		{"AWS's NextToken answers itself",
			`[{name: NextToken, in: query, schema: {type: string}}]`,
			`{type: object, properties: {Things: {type: array, items: {type: string}}, NextToken: {type: string}}}`,
			"cursor NextToken, items Things, next NextToken"},
		{"AWS's items in a named array",
			`[{name: NextToken, in: query, schema: {type: string}}]`,
			`{type: object, properties: {Items: {$ref: '#/components/schemas/Things'}, NextToken: {type: string}}}`,
			"cursor NextToken, items Items, next NextToken"},
		{"a named array is the list itself",
			`[{name: page, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{$ref: '#/components/schemas/Things'}`,
			"page page/limit from 0"},
		{"the next cursor wins over the cursor echoed",
			`[{name: cursor, in: query, schema: {type: string}}]`,
			`{type: object, properties: {cursor: {type: string}, data: {type: array, items: {type: string}}, next_cursor: {type: string}}}`,
			"cursor cursor, items data, next next_cursor"},
		{"Kubernetes' continue, in the list's metadata",
			`[{name: continue, in: query, schema: {type: string}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {items: {type: array, items: {type: string}}, metadata: {type: object, properties: {continue: {type: string}, remainingItemCount: {type: integer}}}}}`,
			"cursor continue/limit, items items, next metadata.continue"},
		{"a next token under another name, in meta",
			`[{name: pagination_token, in: query, schema: {type: string}}]`,
			`{type: object, properties: {data: {type: array, items: {type: string}}, meta: {type: object, properties: {next_token: {type: string}, previous_token: {type: string}}}}}`,
			"cursor pagination_token, items data, next meta.next_token"},
		{"named string types, as Twitter's tokens",
			`[{name: pagination_token, in: query, schema: {$ref: '#/components/schemas/Token'}}]`,
			`{type: object, properties: {data: {type: array, items: {type: string}}, meta: {type: object, properties: {next_token: {$ref: '#/components/schemas/Token'}}}}}`,
			"cursor pagination_token, items data, next meta.next_token"},
		{"HubSpot's after, two objects down",
			`[{name: after, in: query, schema: {type: string}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {results: {type: array, items: {type: object}}, paging: {type: object, properties: {next: {type: object, properties: {after: {type: string}, link: {type: string}}}}}}}`,
			"cursor after/limit, items results, next paging.next.after"},
		{"a cursor one object down wins over one two down",
			`[{name: after, in: query, schema: {type: string}}]`,
			`{type: object, properties: {results: {type: array, items: {type: object}}, a: {type: object, properties: {b: {type: object, properties: {after: {type: string}}}}}, paging: {type: object, properties: {after: {type: string}}}}}`,
			"cursor after, items results, next paging.after"},
		{"a cursor at the top wins over one inside",
			`[{name: cursor, in: query, schema: {type: string}}]`,
			`{type: object, properties: {meta: {type: object, properties: {next_cursor: {type: string}}}, data: {type: array, items: {type: string}}, cursor: {type: string}}}`,
			"cursor cursor, items data, next cursor"},
		{"a cursor nothing answers",
			`[{name: cursor, in: query, schema: {type: string}}]`,
			`{type: object, properties: {data: {type: array, items: {type: string}}}}`,
			"none"},
		{"a cursor nothing answers, beside page numbers",
			`[{name: cursor, in: query, schema: {type: string}}, {name: page, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {data: {type: array, items: {type: string}}}}`,
			"page page/limit from 0, items data"},
		{"OData's next link, over the page numbers",
			`[{name: $skip, in: query, schema: {type: integer}}, {name: $top, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {'@odata.nextLink': {type: string}, value: {type: array, items: {type: string}}, count: {type: integer}}}`,
			"link, items value, next @odata.nextLink"},
		{"Twilio's next_page_uri, over its page numbers",
			`[{name: Page, in: query, schema: {type: integer}}, {name: PageSize, in: query, schema: {type: integer}}, {name: PageToken, in: query, schema: {type: string}}]`,
			`{type: object, properties: {calls: {type: array, items: {type: object}}, next_page_uri: {type: [string, "null"]}, page: {type: integer}}}`,
			"link, items calls, next next_page_uri"},
		{"a link in the metadata",
			`[{name: from, in: query, schema: {type: string}}]`,
			`{type: object, properties: {data: {type: array, items: {type: object}}, meta: {type: object, properties: {nextUrl: {type: string}}}}}`,
			"link, items data, next meta.nextUrl"},
		{"a link by name wins over links.next",
			`[]`,
			`{type: object, properties: {links: {type: object, properties: {next: {type: string}}}, meta: {type: object, properties: {next_page_url: {type: string}}}, data: {type: array, items: {type: object}}}}`,
			"link, items data, next meta.next_page_url"},
		{"Django REST framework's next, a URI, over the page numbers",
			`[{name: page, in: query, schema: {type: integer}}, {name: page_size, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {count: {type: integer}, next: {type: [string, "null"], format: uri}, previous: {type: [string, "null"], format: uri}, results: {type: array, items: {type: object}}}}`,
			"link, items results, next next"},
		{"a next of no format is a cursor",
			`[{name: page, in: query, schema: {type: integer}}, {name: page_size, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {count: {type: integer}, next: {type: string}, results: {type: array, items: {type: object}}}}`,
			"page page/page_size from 0, items results"},
		{"a link in the first array's stead",
			`[]`,
			`{type: object, properties: {nextLink: {type: string}, tags: {type: array, items: {type: string}}}}`,
			"link, items tags, next nextLink"},
		{"JSON:API's links.next",
			`[{name: 'page[cursor]', in: query, schema: {type: string}}]`,
			`{type: object, properties: {data: {type: array, items: {type: object, properties: {id: {type: string}}}}, links: {type: object, properties: {self: {type: string}, next: {type: string}}}}}`,
			"link, items data, next links.next"},
		{"HAL's _links.next.href",
			`[]`,
			`{type: object, properties: {data: {type: array, items: {type: string}}, _links: {type: object, properties: {next: {type: object, properties: {href: {type: string}}}}}}}`,
			"link, items data, next _links.next.href"},
		{"page numbers win over HAL's link",
			`[{name: pageNumber, in: query, schema: {type: integer, minimum: 1}}, {name: pageSize, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {data: {type: array, items: {type: string}}, _links: {type: object, properties: {next: {type: object, properties: {href: {type: string}}}}}}}`,
			"page pageNumber/pageSize from 1, items data"},
		{"an object in links.next with no href",
			`[]`,
			`{type: object, properties: {data: {type: array, items: {type: string}}, links: {type: object, properties: {next: {type: object, properties: {url: {type: string}}}}}}}`,
			"none"},
		{"a link with no items",
			`[]`,
			`{type: object, properties: {nextLink: {type: string}, count: {type: integer}}}`,
			"none"},
		{"a link that is not a string",
			`[]`,
			`{type: object, properties: {nextLink: {type: object}, value: {type: array, items: {type: string}}}}`,
			"none"},
		{"a page without a size",
			`[{name: page, in: query, schema: {type: integer}}]`,
			`{type: array, items: {type: string}}`,
			"none"},
		{"a page that is not a number",
			`[{name: page, in: query, schema: {type: string}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: array, items: {type: string}}`,
			"none"},
		{"a start is a time as often as an offset",
			`[{name: start, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: array, items: {type: string}}`,
			"none"},
		{"a required page is not walked",
			`[{name: page, in: query, required: true, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: array, items: {type: string}}`,
			"none"},
		{"a result with no list",
			`[{name: page, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {count: {type: integer}}}`,
			"none"},
		{"drchrono's cursor, answered by a next that may be a URL",
			`[{name: cursor, in: query, schema: {type: string}}, {name: page_size, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {data: {type: array, items: {type: string}}, next: {type: string}, previous: {type: string}}}`,
			"cursor cursor/page_size (or a URL), items data, next next"},
		{"Auth0's from is answered by a next that is never a URL",
			`[{name: from, in: query, schema: {type: string}}, {name: take, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {items: {type: array, items: {type: string}}, next: {type: string}}}`,
			"cursor from/take, items items, next next"},
		{"a next cursor by its own name is never a URL",
			`[{name: cursor, in: query, schema: {type: string}}]`,
			`{type: object, properties: {data: {type: array, items: {type: string}}, next: {type: string}, next_cursor: {type: string}}}`,
			"cursor cursor, items data, next next_cursor"},
		{"HAL's items in _embedded",
			`[{name: page, in: query, schema: {type: integer, minimum: 1}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {current_page: {type: integer}, _embedded: {type: object, properties: {items: {type: array, items: {type: string}}}}}}`,
			"page page/limit from 1, items _embedded.items"},
		{"an envelope's data, with the total beside the items",
			`[{name: offset, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {status: {type: string}, data: {type: object, properties: {total: {type: integer}, listings: {type: array, items: {type: object, properties: {id: {type: string}}}}}}}}`,
			"offset offset/limit from 0, items data.listings, total total"},
		{"Spotify's artists, one object down with their cursor two down",
			`[{name: after, in: query, schema: {type: string}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {artists: {type: object, properties: {items: {type: array, items: {type: string}}, total: {type: integer}, cursors: {type: object, properties: {after: {type: string}}}}}}}`,
			"cursor after/limit, items artists.items, next artists.cursors.after, total total"},
		{"Spotify's playlists, a page object named for its items",
			`[{name: offset, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {message: {type: string}, playlists: {type: object, properties: {items: {type: array, items: {type: string}}, total: {type: integer}}}}}`,
			"offset offset/limit from 0, items playlists.items, total total"},
		{"AWS's items one object down, beside the next token",
			`[{name: NextToken, in: query, schema: {type: string}}]`,
			`{type: object, properties: {Definition: {type: object, properties: {Subscriptions: {type: array, items: {type: string}}}}, NextToken: {type: string}}}`,
			"cursor NextToken, items Definition.Subscriptions, next NextToken"},
		{"Spotify's search: pages of several kinds are not one list",
			`[{name: offset, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {albums: {type: object, properties: {items: {type: array, items: {type: string}}, total: {type: integer}}}, artists: {type: object, properties: {items: {type: array, items: {type: string}}, total: {type: integer}}}}}`,
			"none"},
		{"an object of two arrays is not a page",
			`[{name: page, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {result: {type: object, properties: {documents: {type: array, items: {type: string}}, projects: {type: array, items: {type: string}}}}}}`,
			"none"},
		{"an object that nothing names a page",
			`[{name: page, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {user: {type: object, properties: {name: {type: string}, posts: {type: array, items: {type: string}}}}}}`,
			"none"},
		{"Google's warning holds data that is not the items",
			`[{name: pageToken, in: query, schema: {type: string}}]`,
			`{type: object, properties: {nextPageToken: {type: string}, warning: {type: object, properties: {data: {type: array, items: {type: string}}}}}}`,
			"none"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := listSpec("get", "", tt.params, tt.result)
			api := buildYAML(t, src)
			if got := describePaging(api.Operations[0].Pagination); got != tt.want {
				t.Errorf("pagination = %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestPaginationByExtension checks that Azure's x-ms-pageable names the
// link and the items, or, with a null nextLinkName, says the list comes
// whole.
func TestPaginationByExtension(t *testing.T) {
	for _, tt := range []struct{ ext, want string }{
		{`{nextLinkName: more, itemName: things}`, "link, items things, next more"},
		{`{nextLinkName: more}`, "link, items value, next more"},
		{`{}`, "link, items value, next nextLink"},
		{`{nextLinkName: null}`, "none"},
		{`{nextLinkName: missing}`, "page page/limit from 0, items things"},
	} {
		result := `{type: object, properties: {things: {type: array, items: {type: string}}, value: {type: array, items: {type: string}}, more: {type: string}, nextLink: {type: string}}}`
		api := buildYAML(t, listSpec("get", "\n      x-ms-pageable: "+tt.ext, `[{name: page, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`, result))
		if got := describePaging(api.Operations[0].Pagination); got != tt.want {
			t.Errorf("x-ms-pageable %s: pagination = %s\nwant %s", tt.ext, got, tt.want)
		}
	}
}

// TestPaginationOnlyForGet checks that an operation that changes state is
// never walked, whatever its parameters.
func TestPaginationOnlyForGet(t *testing.T) {
	api := buildYAML(t, listSpec("post", "", `[{name: page, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`, `{type: array, items: {type: string}}`))
	if pg := api.Operations[0].Pagination; pg != nil {
		t.Errorf("POST pagination = %s, want none", describePaging(pg))
	}
}

// TestPaginationByLinkHeader checks that a Link header the answer declares
// pages a list where nothing else does (GitHub's users, from since).
func TestPaginationByLinkHeader(t *testing.T) {
	for _, tt := range []struct{ name, params, header, result, want string }{
		{"GitHub's since", `[{name: since, in: query, schema: {type: integer}}, {name: per_page, in: query, schema: {type: integer}}]`,
			`{type: string}`, `{type: array, items: {type: string}}`, "link, header Link"},
		{"items in an object", `[]`,
			`{type: string}`, `{type: object, properties: {total: {type: integer}, data: {type: array, items: {type: string}}}}`, "link, header Link, items data, total total"},
		{"page numbers win", `[{name: page, in: query, schema: {type: integer, default: 1}}, {name: per_page, in: query, schema: {type: integer}}]`,
			`{type: string}`, `{type: array, items: {type: string}}`, "page page/per_page from 1"},
		{"a Link header that is not text", `[]`,
			`{type: array, items: {type: string}}`, `{type: array, items: {type: string}}`, "none"},
		{"a result with no list", `[]`,
			`{type: string}`, `{type: object, properties: {id: {type: string}}}`, "none"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := `openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /items:
    get:
      operationId: listItems
      parameters: ` + tt.params + `
      responses:
        "200":
          description: ok
          headers:
            Link: {schema: ` + tt.header + `}
          content:
            application/json:
              schema: ` + tt.result + `
`
			api := buildYAML(t, src)
			if got := describePaging(api.Operations[0].Pagination); got != tt.want {
				t.Errorf("pagination = %s\nwant %s", got, tt.want)
			}
		})
	}
}
