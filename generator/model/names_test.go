package model

import (
	"go/token"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

func TestGoName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"client_id", "ClientID"},
		{"logo_url", "LogoURL"},
		{"per_page", "PerPage"},
		{"get_client-grants", "GetClientGrants"},
		{"HTTPServer", "HTTPServer"},
		{"userIds", "UserIDs"},
		{"123abc", "X123abc"},
		{"ä", "Ä"},
		{"x-y", "XY"},
		{"", "Empty"},
		{"_", "Empty"},
		{"--", "Empty"},
		{"type", "Type"},
		{"URLs", "URLs"},
		{"organization-id", "OrganizationID"},
		// More of the same rules.
		{"id", "ID"},
		{"Id", "ID"},
		{"ID", "ID"},
		{"ids", "IDs"},
		{"IDs", "IDs"},
		{"userIDs", "UserIDs"},
		{"apiKeys", "APIKeys"},
		{"APIKey", "APIKey"},
		{"HTTPSProxy", "HTTPSProxy"},
		{"getHTTPResponseCode", "GetHTTPResponseCode"},
		{"userIdList", "UserIDList"},
		{"kebab-case-url", "KebabCaseURL"},
		{"a.b.c", "ABC"},
		{"$ref", "Ref"},
		{"snake__double", "SnakeDouble"},
		{"already_PascalCase", "AlreadyPascalCase"},
		{"ClientGrantAllowAnyOrganizationEnum", "ClientGrantAllowAnyOrganizationEnum"},
		{"v2Beta", "V2Beta"},
		{"utf8", "UTF8"},
		{"1", "X1"},
		{"status", "Status"}, // ends in s, but "statu" is no initialism
		{"bus", "Bus"},
		{"éclair", "Éclair"},
		{"日本", "X日本"}, // letters without case cannot start an exported name
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := GoName(tt.in)
			if got != tt.want {
				t.Errorf("GoName(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if !token.IsIdentifier(got) || !token.IsExported(got) {
				t.Errorf("GoName(%q) = %q is not an exported Go identifier", tt.in, got)
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"clientId", []string{"client", "Id"}},
		{"HTTPServer", []string{"HTTP", "Server"}},
		{"get_client-grants", []string{"get", "client", "grants"}},
		{"v2Beta", []string{"v2", "Beta"}},
		{"", nil},
	}
	for _, tt := range tests {
		got := words(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.want)
				break
			}
		}
	}
}

func TestLowerFirst(t *testing.T) {
	tests := []struct{ in, want, bug string }{
		{"ClientID", "clientID", ""},
		{"URL", "url", ""},
		{"HTTPServer", "httpServer", ""},
		{"PerPage", "perPage", ""},
		{"Type", "type_", ""},     // keyword
		{"String", "string_", ""}, // predeclared
		{"Ctx", "ctx_", ""},       // taken by generated code
		{"", "v", ""},
		{"URLs", "urls", ""},
		{"IDs", "ids", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if tt.bug != "" {
				t.Skip(tt.bug)
			}
			if got := lowerFirst(tt.in); got != tt.want {
				t.Errorf("lowerFirst(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNamespaceClaim(t *testing.T) {
	ns := newNamespace("Opt", "Nullable")
	claims := []struct{ base, want string }{
		{"Foo", "Foo"},
		{"Foo", "Foo2"},
		{"Foo", "Foo3"},
		{"Opt", "Opt2"}, // reserved
		{"Nullable", "Nullable2"},
		{"Foo2", "Foo22"}, // Foo2 was handed out already
		{"Bar", "Bar"},
		{"Opt", "Opt3"},
	}
	seen := map[string]bool{}
	for _, c := range claims {
		got := ns.claim(c.base)
		if got != c.want {
			t.Errorf("claim(%q) = %q, want %q", c.base, got, c.want)
		}
		if seen[got] {
			t.Errorf("claim(%q) = %q was handed out before", c.base, got)
		}
		seen[got] = true
	}

	// Many claims of a few bases never repeat a name.
	ns = newNamespace()
	seen = map[string]bool{}
	for i := range 300 {
		base := []string{"A", "A2", "A22", "B"}[i%4]
		got := ns.claim(base)
		if seen[got] {
			t.Fatalf("claim %d (%q) repeated %q", i, base, got)
		}
		seen[got] = true
	}
}

// TestDescribedName: an inline union member is named by its title, else
// its format, else the literal start of an anchored pattern, skipping a
// title too long to be a name; a schema that says none of these gives "".
func TestDescribedName(t *testing.T) {
	tests := []struct {
		schema openapi3.Schema
		want   string
	}{
		{openapi3.Schema{Title: "phone number", Format: "e164"}, "PhoneNumber"},
		{openapi3.Schema{Title: "The address the notification is sent to when it fires", Format: "email"}, "Email"},
		{openapi3.Schema{Format: "ipv6_cidr"}, "Ipv6Cidr"},
		{openapi3.Schema{Pattern: `^client\.metadata\.[^.]+$`}, "ClientMetadata"},
		{openapi3.Schema{Pattern: `client\.`}, ""},     // unanchored: the text can be anywhere
		{openapi3.Schema{Pattern: `^[0-9]+/\d+$`}, ""}, // no literal start
		{openapi3.Schema{Pattern: `^(?!x)y`}, ""},      // beyond Go's regexp
		{openapi3.Schema{Pattern: `^2\.`}, ""},         // no letter to name it by
		{openapi3.Schema{}, ""},
	}
	for _, tc := range tests {
		if got := describedName(&tc.schema); got != tc.want {
			t.Errorf("describedName(title %q, format %q, pattern %q) = %q, want %q", tc.schema.Title, tc.schema.Format, tc.schema.Pattern, got, tc.want)
		}
	}
	if got := describedName(nil); got != "" {
		t.Errorf("describedName(nil) = %q, want empty", got)
	}
}

// TestTrimSiblings: the words all names start and end with are dropped,
// each name keeping one at least; names that share none, or whose rest
// would not start with a capital, give nil.
func TestTrimSiblings(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{[]string{"LogStreamHTTPResponseSchema", "LogStreamSplunkResponseSchema"}, []string{"HTTP", "Splunk"}},
		{[]string{"ListClientsOffsetPaginatedResponseContent", "ListClientsPaginatedResponseContent"}, []string{"OffsetPaginated", "Paginated"}},
		{[]string{"AuthCode", "AuthCodeV2"}, []string{"Code", "CodeV2"}}, // one word is kept
		{[]string{"Cat", "Dog"}, nil},
		{[]string{"Item1", "Item2"}, nil}, // one word each: nothing to drop
		{[]string{"V2PetCat", "V2PetDog"}, []string{"Cat", "Dog"}},
	}
	for _, tc := range tests {
		got := trimSiblings(tc.in)
		if (got == nil) != (tc.want == nil) || (got != nil && !slices.Equal(got, tc.want)) {
			t.Errorf("trimSiblings(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// An operationId that repeats its tag drops it from the method's name (and
// from the names of its types), but only as a whole word and only when no
// other operation of the group has or takes the shorter name.
func TestMethodNamesWithoutTheGroup(t *testing.T) {
	api := buildYAML(t, `openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /repos/{id}:
    get:
      operationId: repos/get
      tags: [repos]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: verbose, in: query, schema: {type: boolean}}
      responses: {"204": {description: ok}}
    delete:
      operationId: repos
      tags: [repos]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {"204": {description: ok}}
  /repos:
    get:
      operationId: ReposList
      tags: [repos]
      responses: {"204": {description: ok}}
    post:
      operationId: list
      tags: [repos]
      responses: {"204": {description: ok}}
  /pets:
    get:
      operationId: petsList
      tags: [pet]
      responses: {"204": {description: ok}}
  /provider:
    get:
      operationId: Provider_GetSourceControl
      tags: [Provider]
      responses: {"204": {description: ok}}
  /named:
    get:
      operationId: repos/named
      tags: [repos]
      x-operation-group: repos
      x-operation-name: reposNamed
      responses: {"204": {description: ok}}
`)
	got := map[string]string{}
	for _, o := range api.Operations {
		got[o.ID] = strings.Join(append(slices.Clone(o.Group), o.Name), ".")
	}
	want := map[string]string{
		"repos/get":                 "Repos.Get",       // the tag's word dropped
		"repos":                     "Repos.Repos",     // nothing left to call it
		"ReposList":                 "Repos.ReposList", // list is another's name
		"list":                      "Repos.List",
		"petsList":                  "Pet.PetsList", // Pet is not a word of it
		"Provider_GetSourceControl": "Provider.GetSourceControl",
		"repos/named":               "Repos.ReposNamed", // named by the spec
	}
	if !maps.Equal(got, want) {
		t.Errorf("method names:\n got %v\nwant %v", got, want)
	}
	for _, o := range api.Operations {
		if o.ID == "repos/get" && (o.ParamsType == nil || o.ParamsType.Name != "ReposGetParams") {
			t.Errorf("repos/get's params type: %+v, want ReposGetParams", o.ParamsType)
		}
	}
}
