package main

// End-to-end tests: the generated client against the generated server
// serving the fake, over HTTP on 127.0.0.1.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/oasgen/oasgen/generated/clientgrants"
)

type (
	listParams = clientgrants.ListClientGrantsRequestParameters
	orgParams  = clientgrants.ListClientGrantOrganizationsRequestParameters
	grant      = clientgrants.ClientGrantResponseContent
)

var idPattern = regexp.MustCompile(`^cgr_[A-Za-z0-9]{16}$`)

func ids(gs []grant) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = g.ID.Value
	}
	return out
}

func TestCRUD(t *testing.T) {
	_, srv := newTestServer(t)
	c := newClient(t, srv, allToken)
	ctx := context.Background()

	body := clientgrants.CreateClientGrantRequestContent{
		ClientID:                  clientgrants.NewOpt("app_1"),
		Audience:                  "https://api.example.com/",
		OrganizationUsage:         clientgrants.NewOpt(clientgrants.ClientGrantOrganizationUsageEnumAllow),
		AllowAnyOrganization:      clientgrants.NewOpt(true),
		Scope:                     clientgrants.NewOpt([]string{"read:orders", "write:orders"}),
		SubjectType:               clientgrants.NewOpt(clientgrants.ClientGrantSubjectTypeEnumClient),
		AuthorizationDetailsTypes: clientgrants.NewOpt([]string{"payment"}),
		AllowAllScopes:            clientgrants.NewOpt(false),
	}
	created, err := c.ClientGrants.Create(ctx, body)
	if err != nil {
		t.Fatal(err)
	}
	if !idPattern.MatchString(created.ID.Value) {
		t.Errorf("id %q does not match %v", created.ID.Value, idPattern)
	}
	want := clientgrants.CreateClientGrantResponseContent{
		ID:                        created.ID,
		ClientID:                  body.ClientID,
		Audience:                  clientgrants.NewOpt(body.Audience),
		Scope:                     body.Scope,
		OrganizationUsage:         body.OrganizationUsage,
		AllowAnyOrganization:      body.AllowAnyOrganization,
		SubjectType:               body.SubjectType,
		AuthorizationDetailsTypes: body.AuthorizationDetailsTypes,
		AllowAllScopes:            body.AllowAllScopes,
	}
	if !reflect.DeepEqual(created, want) {
		t.Errorf("created\n got %+v\nwant %+v", created, want)
	}

	got, err := c.ClientGrants.Get(ctx, created.ID.Value)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, clientgrants.GetClientGrantResponseContent(want)) {
		t.Errorf("get\n got %+v\nwant %+v", got, want)
	}

	// allow_any_organization defaults to false; default_for is stored.
	minimal, err := c.ClientGrants.Create(ctx, clientgrants.CreateClientGrantRequestContent{
		Audience:   "https://api.example.com/",
		DefaultFor: clientgrants.NewOpt(clientgrants.ClientGrantDefaultForEnumThirdPartyClients),
	})
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := minimal.AllowAnyOrganization.Get(); !ok || v {
		t.Errorf("allow_any_organization = %v (set %v), want false", v, ok)
	}
	if minimal.DefaultFor.Value != clientgrants.ClientGrantDefaultForEnumThirdPartyClients || minimal.ClientID.Set {
		t.Errorf("default grant = %+v", minimal)
	}
	if minimal.ID == created.ID {
		t.Error("two grants share an id")
	}

	// 409: the same client and audience again, whatever the other fields.
	_, err = c.ClientGrants.Create(ctx, clientgrants.CreateClientGrantRequestContent{
		ClientID: clientgrants.NewOpt("app_1"), Audience: "https://api.example.com/",
	})
	if !clientgrants.IsConflict(err) {
		t.Fatalf("duplicate create: want 409, got %v", err)
	}
	if e := apiError(t, err); e.ErrorCode != "conflict" || e.Message != "A client grant for this client and audience already exists." || e.ErrorName != "Conflict" {
		t.Errorf("409 = %+v", e)
	}
	// Another audience, or another client, is fine.
	if _, err := c.ClientGrants.Create(ctx, clientgrants.CreateClientGrantRequestContent{
		ClientID: clientgrants.NewOpt("app_1"), Audience: "https://other.example.com/",
	}); err != nil {
		t.Error(err)
	}
	if _, err := c.ClientGrants.Create(ctx, clientgrants.CreateClientGrantRequestContent{
		ClientID: clientgrants.NewOpt("app_2"), Audience: "https://api.example.com/",
	}); err != nil {
		t.Error(err)
	}

	// Delete, then every operation on the id is 404.
	if err := c.ClientGrants.Delete(ctx, created.ID.Value); err != nil {
		t.Fatal(err)
	}
	notFound := func(what string, err error) {
		t.Helper()
		if !clientgrants.IsNotFound(err) {
			t.Errorf("%s: want 404, got %v", what, err)
			return
		}
		if e := apiError(t, err); e.ErrorCode != "inexistent_client_grant" || e.Message != "The client grant does not exist." {
			t.Errorf("%s: 404 = %+v", what, e)
		}
	}
	_, err = c.ClientGrants.Get(ctx, created.ID.Value)
	notFound("get", err)
	notFound("delete", c.ClientGrants.Delete(ctx, created.ID.Value))
	_, err = c.ClientGrants.Update(ctx, created.ID.Value, clientgrants.UpdateClientGrantRequestContent{AllowAllScopes: clientgrants.NewNullable(true)})
	notFound("update", err)
	_, err = c.ClientGrants.Organizations.List(ctx, created.ID.Value, orgParams{})
	notFound("organizations", err)
	_, err = c.ClientGrants.Get(ctx, "cgr_doesnotexist0000")
	notFound("get unknown", err)

	// The key is free again once the grant is gone.
	if _, err := c.ClientGrants.Create(ctx, clientgrants.CreateClientGrantRequestContent{
		ClientID: clientgrants.NewOpt("app_1"), Audience: "https://api.example.com/",
	}); err != nil {
		t.Errorf("re-create after delete: %v", err)
	}
}

func TestCreateRejectsClientIDWithDefaultFor(t *testing.T) {
	_, srv := newTestServer(t)
	c := newClient(t, srv, allToken)
	_, err := c.ClientGrants.Create(context.Background(), clientgrants.CreateClientGrantRequestContent{
		ClientID:   clientgrants.NewOpt("app_1"),
		Audience:   "https://api.example.com/",
		DefaultFor: clientgrants.NewOpt(clientgrants.ClientGrantDefaultForEnumThirdPartyClients),
	})
	if e := apiError(t, err); e.StatusCode != http.StatusBadRequest || e.Message != "default_for cannot be combined with client_id." {
		t.Errorf("got %+v", e)
	}
}

func TestUpdatePatchSemantics(t *testing.T) {
	_, srv := newTestServer(t)
	c := newClient(t, srv, allToken)
	ctx := context.Background()
	created, err := c.ClientGrants.Create(ctx, clientgrants.CreateClientGrantRequestContent{
		ClientID:                  clientgrants.NewOpt("app_1"),
		Audience:                  "https://api.example.com/",
		OrganizationUsage:         clientgrants.NewOpt(clientgrants.ClientGrantOrganizationUsageEnumAllow),
		AllowAnyOrganization:      clientgrants.NewOpt(true),
		Scope:                     clientgrants.NewOpt([]string{"a", "b"}),
		AuthorizationDetailsTypes: clientgrants.NewOpt([]string{"payment"}),
		AllowAllScopes:            clientgrants.NewOpt(true),
		SubjectType:               clientgrants.NewOpt(clientgrants.ClientGrantSubjectTypeEnumUser),
	})
	if err != nil {
		t.Fatal(err)
	}
	id := created.ID.Value
	state := grant(created) // what the grant should look like after each step

	type update = clientgrants.UpdateClientGrantRequestContent
	steps := []struct {
		name   string
		body   update
		change func(g *grant)
	}{
		{"scope value replaces, the rest is kept",
			update{Scope: clientgrants.NewNullable([]string{"c"})},
			func(g *grant) { g.Scope = clientgrants.NewOpt([]string{"c"}) }},
		{"organization_usage value",
			update{OrganizationUsage: clientgrants.NewNullable(clientgrants.ClientGrantOrganizationNullableUsageEnumRequire)},
			func(g *grant) {
				g.OrganizationUsage = clientgrants.NewOpt(clientgrants.ClientGrantOrganizationUsageEnumRequire)
			}},
		{"organization_usage null clears it",
			update{OrganizationUsage: clientgrants.NewNull[clientgrants.ClientGrantOrganizationNullableUsageEnum]()},
			func(g *grant) {
				g.OrganizationUsage = clientgrants.Opt[clientgrants.ClientGrantOrganizationUsageEnum]{}
			}},
		{"scope null clears it",
			update{Scope: clientgrants.NewNull[[]string]()},
			func(g *grant) { g.Scope = clientgrants.Opt[[]string]{} }},
		{"allow_any_organization null is false",
			update{AllowAnyOrganization: clientgrants.NewNull[bool]()},
			func(g *grant) { g.AllowAnyOrganization = clientgrants.NewOpt(false) }},
		{"allow_all_scopes null clears it",
			update{AllowAllScopes: clientgrants.NewNull[bool]()},
			func(g *grant) { g.AllowAllScopes = clientgrants.Opt[bool]{} }},
		{"several values at once",
			update{
				AllowAnyOrganization:      clientgrants.NewNullable(true),
				AllowAllScopes:            clientgrants.NewNullable(false),
				AuthorizationDetailsTypes: clientgrants.NewOpt([]string{}),
				Scope:                     clientgrants.NewNullable([]string{"x", "y"}),
			},
			func(g *grant) {
				g.AllowAnyOrganization = clientgrants.NewOpt(true)
				g.AllowAllScopes = clientgrants.NewOpt(false)
				g.AuthorizationDetailsTypes = clientgrants.NewOpt([]string{})
				g.Scope = clientgrants.NewOpt([]string{"x", "y"})
			}},
	}
	for _, step := range steps {
		step.change(&state)
		got, err := c.ClientGrants.Update(ctx, id, step.body)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if !reflect.DeepEqual(grant(got), state) {
			t.Errorf("%s: update answered\n got %+v\nwant %+v", step.name, got, state)
		}
		stored, err := c.ClientGrants.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(grant(stored), state) {
			t.Errorf("%s: stored\n got %+v\nwant %+v", step.name, stored, state)
		}
	}
	// Fields PATCH cannot change stay as created.
	if state.ClientID != created.ClientID || state.Audience != created.Audience || state.SubjectType != created.SubjectType {
		t.Errorf("immutable fields changed: %+v", state)
	}
}

// population creates 250 grants through c: distinct clients over five
// audiences, every third a user grant, every fourth open to any
// organization, and five default grants (no client) with audiences of their own.
func population(t *testing.T, c *clientgrants.Client) []grant {
	t.Helper()
	var out []grant
	for i := range 250 {
		body := clientgrants.CreateClientGrantRequestContent{
			ClientID: clientgrants.NewOpt(fmt.Sprintf("app_%03d", i)),
			Audience: fmt.Sprintf("https://api%d.example.com/", i%5),
			Scope:    clientgrants.NewOpt([]string{fmt.Sprintf("scope:%d", i)}),
		}
		switch i % 3 {
		case 0:
			body.SubjectType = clientgrants.NewOpt(clientgrants.ClientGrantSubjectTypeEnumUser)
		case 1:
			body.SubjectType = clientgrants.NewOpt(clientgrants.ClientGrantSubjectTypeEnumClient)
		}
		if i%4 == 0 {
			body.AllowAnyOrganization = clientgrants.NewOpt(true)
		}
		if i%50 == 49 {
			body.ClientID = clientgrants.Opt[string]{}
			body.DefaultFor = clientgrants.NewOpt(clientgrants.ClientGrantDefaultForEnumThirdPartyClients)
			body.Audience = fmt.Sprintf("https://default%d.example.com/", i)
		}
		g, err := c.ClientGrants.Create(context.Background(), body)
		if err != nil {
			t.Fatalf("create %d: %v", i, err)
		}
		out = append(out, grant(g))
	}
	return out
}

// collect walks ListAll with p.
func collect(t *testing.T, c *clientgrants.Client, p listParams) []grant {
	t.Helper()
	var out []grant
	for g, err := range c.ClientGrants.ListAll(context.Background(), p) {
		if err != nil {
			t.Fatalf("ListAll(%+v): %v", p, err)
		}
		out = append(out, g)
	}
	return out
}

// sameIDs fails unless got lists exactly want, in order: each grant once.
func sameIDs(t *testing.T, what string, got []grant, want []grant) {
	t.Helper()
	if !slices.Equal(ids(got), ids(want)) {
		t.Errorf("%s: got %d grants, want %d (in creation order, each once)\n got %v\nwant %v", what, len(got), len(want), ids(got), ids(want))
	}
}

func TestListModes(t *testing.T) {
	_, srv := newTestServer(t)
	c := newClient(t, srv, allToken)
	ctx := context.Background()
	all := population(t, c)

	// No paging parameters: every grant, as a plain array.
	page, err := c.ClientGrants.List(ctx, listParams{})
	if err != nil {
		t.Fatal(err)
	}
	arr, ok := page.Array()
	if !ok {
		t.Fatalf("no paging parameters: want an array, got %+v", page)
	}
	sameIDs(t, "plain list", arr, all)
	if !reflect.DeepEqual(arr, all) {
		t.Error("listed grants differ from the created ones")
	}

	// Walks: each grant exactly once, in creation order.
	sameIDs(t, "ListAll per_page=100", collect(t, c, listParams{PerPage: clientgrants.NewOpt[int64](100)}), all)
	sameIDs(t, "ListAll take=100", collect(t, c, listParams{Take: clientgrants.NewOpt[int64](100)}), all)
	sameIDs(t, "ListAll per_page=7", collect(t, c, listParams{PerPage: clientgrants.NewOpt[int64](7)}), all)
	sameIDs(t, "ListAll take=1", collect(t, c, listParams{Take: clientgrants.NewOpt[int64](1)}), all)

	// Offset pages with totals.
	page, err = c.ClientGrants.List(ctx, listParams{
		Page: clientgrants.NewOpt[int64](2), PerPage: clientgrants.NewOpt[int64](100), IncludeTotals: clientgrants.NewOpt(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	off, ok := page.OffsetPaginated()
	if !ok {
		t.Fatalf("include_totals: want the offset object, got %+v", page)
	}
	if off.Start.Value != 200 || off.Limit.Value != 100 || off.Total.Value != 250 || !off.Start.Set || !off.Limit.Set || !off.Total.Set {
		t.Errorf("page 2: start %v limit %v total %v", off.Start, off.Limit, off.Total)
	}
	sameIDs(t, "page 2 of 100", off.ClientGrants.Value, all[200:])

	// Past the end: an empty page, still with the total.
	page, err = c.ClientGrants.List(ctx, listParams{
		Page: clientgrants.NewOpt[int64](1 << 40), PerPage: clientgrants.NewOpt[int64](100), IncludeTotals: clientgrants.NewOpt(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	if off, _ := page.OffsetPaginated(); len(off.ClientGrants.Value) != 0 || !off.ClientGrants.Set || off.Total.Value != 250 {
		t.Errorf("page past the end = %+v", off)
	}

	// include_totals alone: page 0 of the default 50.
	page, err = c.ClientGrants.List(ctx, listParams{IncludeTotals: clientgrants.NewOpt(true)})
	if err != nil {
		t.Fatal(err)
	}
	if off, _ := page.OffsetPaginated(); off.Limit.Value != 50 || off.Start.Value != 0 {
		t.Errorf("include_totals alone: start %v limit %v", off.Start, off.Limit)
	} else {
		sameIDs(t, "include_totals alone", off.ClientGrants.Value, all[:50])
	}

	// page/per_page without include_totals: the page as an array.
	page, err = c.ClientGrants.List(ctx, listParams{Page: clientgrants.NewOpt[int64](1), PerPage: clientgrants.NewOpt[int64](100)})
	if err != nil {
		t.Fatal(err)
	}
	arr, ok = page.Array()
	if !ok {
		t.Fatalf("page without include_totals: want an array, got %+v", page)
	}
	sameIDs(t, "page 1 of 100 as array", arr, all[100:200])
	page, err = c.ClientGrants.List(ctx, listParams{Page: clientgrants.NewOpt[int64](3)})
	if err != nil {
		t.Fatal(err)
	}
	arr, _ = page.Array()
	sameIDs(t, "page 3 of the default 50", arr, all[150:200])

	// Checkpoint pages: next is the id of the next grant, absent at the end.
	var walked []grant
	p := listParams{Take: clientgrants.NewOpt[int64](100)}
	for n := 0; ; n++ {
		page, err := c.ClientGrants.List(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		cp, ok := page.Paginated()
		if !ok {
			t.Fatalf("take: want the checkpoint object, got %+v", page)
		}
		walked = append(walked, cp.ClientGrants.Value...)
		if !cp.Next.Set {
			if n != 2 || len(cp.ClientGrants.Value) != 50 {
				t.Errorf("last page is page %d with %d grants, want page 2 with 50", n, len(cp.ClientGrants.Value))
			}
			break
		}
		if want := all[len(walked)].ID.Value; cp.Next.Value != want {
			t.Errorf("next = %q, want %q", cp.Next.Value, want)
		}
		if n > 3 {
			t.Fatal("checkpoint walk does not end")
		}
		p.From = cp.Next
	}
	sameIDs(t, "checkpoint walk", walked, all)

	// Exactly full last page: no next, no empty page after it.
	page, err = c.ClientGrants.List(ctx, listParams{From: clientgrants.NewOpt(all[200].ID.Value), Take: clientgrants.NewOpt[int64](50)})
	if err != nil {
		t.Fatal(err)
	}
	if cp, _ := page.Paginated(); cp.Next.Set || len(cp.ClientGrants.Value) != 50 {
		t.Errorf("exactly full last page: next %v, %d grants", cp.Next, len(cp.ClientGrants.Value))
	}

	// from alone: take defaults to 50; checkpoint wins over include_totals and page.
	page, err = c.ClientGrants.List(ctx, listParams{
		From: clientgrants.NewOpt(all[10].ID.Value), IncludeTotals: clientgrants.NewOpt(true), Page: clientgrants.NewOpt[int64](3),
	})
	if err != nil {
		t.Fatal(err)
	}
	cp, ok := page.Paginated()
	if !ok {
		t.Fatalf("from with include_totals: want the checkpoint object, got %+v", page)
	}
	sameIDs(t, "from alone", cp.ClientGrants.Value, all[10:60])
	if cp.Next.Value != all[60].ID.Value {
		t.Errorf("next = %q, want %q", cp.Next.Value, all[60].ID.Value)
	}
	page, err = c.ClientGrants.List(ctx, listParams{Take: clientgrants.NewOpt[int64](5), IncludeTotals: clientgrants.NewOpt(true)})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := page.Paginated(); !ok {
		t.Errorf("take with include_totals: want the checkpoint object, got %+v", page)
	}

	// A checkpoint whose grant was deleted resumes at the grant after it.
	if err := c.ClientGrants.Delete(ctx, all[100].ID.Value); err != nil {
		t.Fatal(err)
	}
	page, err = c.ClientGrants.List(ctx, listParams{From: clientgrants.NewOpt(all[100].ID.Value), Take: clientgrants.NewOpt[int64](3)})
	if err != nil {
		t.Fatal(err)
	}
	cp, _ = page.Paginated()
	sameIDs(t, "from a deleted grant", cp.ClientGrants.Value, all[101:104])

	// A checkpoint that was never issued is a 400.
	_, err = c.ClientGrants.List(ctx, listParams{From: clientgrants.NewOpt("cgr_neverissued00000")})
	if e := apiError(t, err); e.StatusCode != http.StatusBadRequest || e.ErrorCode != "invalid_query_string" {
		t.Errorf("unknown from: %+v", e)
	}
}

func TestListFilters(t *testing.T) {
	_, srv := newTestServer(t)
	c := newClient(t, srv, allToken)
	all := population(t, c)

	where := func(keep func(g grant) bool) []grant {
		var out []grant
		for _, g := range all {
			if keep(g) {
				out = append(out, g)
			}
		}
		return out
	}
	cases := []struct {
		name string
		p    listParams
		want []grant
	}{
		{"audience", listParams{Audience: clientgrants.NewOpt("https://api3.example.com/")},
			where(func(g grant) bool { return g.Audience.Value == "https://api3.example.com/" })},
		{"client_id", listParams{ClientID: clientgrants.NewOpt("app_042")},
			where(func(g grant) bool { return g.ClientID.Value == "app_042" })},
		{"client_id unknown", listParams{ClientID: clientgrants.NewOpt("app_nobody")}, nil},
		{"allow_any_organization", listParams{AllowAnyOrganization: clientgrants.NewOpt(clientgrants.ClientGrantAllowAnyOrganizationEnumTrue)},
			where(func(g grant) bool { return g.AllowAnyOrganization.Value })},
		{"subject_type user", listParams{SubjectType: clientgrants.NewOpt(clientgrants.ClientGrantSubjectTypeEnumUser)},
			where(func(g grant) bool { return g.SubjectType.Value == clientgrants.ClientGrantSubjectTypeEnumUser })},
		{"subject_type client", listParams{SubjectType: clientgrants.NewOpt(clientgrants.ClientGrantSubjectTypeEnumClient)},
			where(func(g grant) bool { return g.SubjectType.Value == clientgrants.ClientGrantSubjectTypeEnumClient })},
		{"default_for", listParams{DefaultFor: clientgrants.NewOpt(clientgrants.ClientGrantDefaultForEnumThirdPartyClients)},
			where(func(g grant) bool { return g.DefaultFor.Set })},
		{"audience and subject_type and allow_any_organization", listParams{
			Audience:             clientgrants.NewOpt("https://api0.example.com/"),
			SubjectType:          clientgrants.NewOpt(clientgrants.ClientGrantSubjectTypeEnumUser),
			AllowAnyOrganization: clientgrants.NewOpt(clientgrants.ClientGrantAllowAnyOrganizationEnumTrue),
		}, where(func(g grant) bool {
			return g.Audience.Value == "https://api0.example.com/" && g.SubjectType.Value == "user" && g.AllowAnyOrganization.Value
		})},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.want) == 0 && tc.name != "client_id unknown" {
				t.Fatal("the population has no grant for this filter")
			}
			page, err := c.ClientGrants.List(context.Background(), tc.p)
			if err != nil {
				t.Fatal(err)
			}
			arr, ok := page.Array()
			if !ok || arr == nil {
				t.Fatalf("want an array, got %+v", page)
			}
			sameIDs(t, "plain", arr, tc.want)

			// The same filter in both paged modes, in small pages.
			p := tc.p
			p.PerPage = clientgrants.NewOpt[int64](4)
			sameIDs(t, "offset walk", collect(t, c, p), tc.want)
			p = tc.p
			p.Take = clientgrants.NewOpt[int64](4)
			sameIDs(t, "checkpoint walk", collect(t, c, p), tc.want)

			p = tc.p
			p.IncludeTotals = clientgrants.NewOpt(true)
			page, err = c.ClientGrants.List(context.Background(), p)
			if err != nil {
				t.Fatal(err)
			}
			if off, _ := page.OffsetPaginated(); int(off.Total.Value) != len(tc.want) {
				t.Errorf("total = %v, want %d", off.Total.Value, len(tc.want))
			}
		})
	}
}

func TestOrganizationsList(t *testing.T) {
	_, srv := newTestServer(t)
	ctx := context.Background()
	g, err := newClient(t, srv, allToken).ClientGrants.Create(ctx, clientgrants.CreateClientGrantRequestContent{
		ClientID: clientgrants.NewOpt("app_1"), Audience: "https://api.example.com/",
	})
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t, srv, orgReadToken)
	id := g.ID.Value

	page, err := c.ClientGrants.Organizations.List(ctx, id, orgParams{})
	if err != nil {
		t.Fatal(err)
	}
	if arr, ok := page.Array(); !ok || arr == nil || len(arr) != 0 {
		t.Errorf("plain: want an empty array, got %+v", page)
	}
	page, err = c.ClientGrants.Organizations.List(ctx, id, orgParams{IncludeTotals: clientgrants.NewOpt(true), Page: clientgrants.NewOpt[int64](2), PerPage: clientgrants.NewOpt[int64](10)})
	if err != nil {
		t.Fatal(err)
	}
	if off, ok := page.OffsetPaginated(); !ok || off.Total.Value != 0 || !off.Total.Set || off.Start.Value != 20 || off.Limit.Value != 10 || !off.Organizations.Set || len(off.Organizations.Value) != 0 {
		t.Errorf("include_totals: got %+v", page)
	}
	page, err = c.ClientGrants.Organizations.List(ctx, id, orgParams{Take: clientgrants.NewOpt[int64](10), IncludeTotals: clientgrants.NewOpt(true)})
	if err != nil {
		t.Fatal(err)
	}
	if cp, ok := page.Paginated(); !ok || cp.Next.Set || !cp.Organizations.Set || len(cp.Organizations.Value) != 0 {
		t.Errorf("take: got %+v", page)
	}
	page, err = c.ClientGrants.Organizations.List(ctx, id, orgParams{Page: clientgrants.NewOpt[int64](1)})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := page.Array(); !ok {
		t.Errorf("page without include_totals: want an array, got %+v", page)
	}
	for _, p := range []orgParams{{}, {Take: clientgrants.NewOpt[int64](3)}} {
		for o, err := range c.ClientGrants.Organizations.ListAll(ctx, id, p) {
			if err != nil {
				t.Fatal(err)
			}
			t.Errorf("ListAll(%+v) yielded %+v", p, o)
		}
	}

	_, err = c.ClientGrants.Organizations.List(ctx, "cgr_unknown000000000", orgParams{Take: clientgrants.NewOpt[int64](3)})
	if !clientgrants.IsNotFound(err) {
		t.Errorf("unknown grant: want 404, got %v", err)
	}
}

func TestAuth(t *testing.T) {
	f, srv := newTestServer(t)
	ctx := context.Background()
	f.seed(grant{ID: clientgrants.NewOpt("cgr_AuthSeed00000000"), ClientID: clientgrants.NewOpt("app"), Audience: clientgrants.NewOpt("aud"), AllowAnyOrganization: clientgrants.NewOpt(false)})
	const id = "cgr_AuthSeed00000000"

	// 401: no token, an unknown token.
	for _, tok := range []string{"", unknownToken} {
		_, err := newClient(t, srv, tok).ClientGrants.List(ctx, listParams{})
		if !clientgrants.IsUnauthorized(err) {
			t.Errorf("token %q: want 401, got %v", tok, err)
			continue
		}
		e := apiError(t, err)
		if e.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("token %q: 401 without WWW-Authenticate", tok)
		}
		if e.Message == "" || e.ErrorName != "Unauthorized" {
			t.Errorf("token %q: 401 = %+v", tok, e)
		}
	}

	// 403: a known token without the operation's scope, with the exact message.
	type call struct {
		name  string
		token string
		do    func(c *clientgrants.Client) error
		scope string
	}
	calls := []call{
		{"list with no scope", noScopeToken, func(c *clientgrants.Client) error {
			_, err := c.ClientGrants.List(ctx, listParams{})
			return err
		}, scopeRead},
		{"get with org scope", orgReadToken, func(c *clientgrants.Client) error {
			_, err := c.ClientGrants.Get(ctx, id)
			return err
		}, scopeRead},
		{"create with read scope", readToken, func(c *clientgrants.Client) error {
			_, err := c.ClientGrants.Create(ctx, clientgrants.CreateClientGrantRequestContent{Audience: "x"})
			return err
		}, scopeCreate},
		{"update with read scope", readToken, func(c *clientgrants.Client) error {
			_, err := c.ClientGrants.Update(ctx, id, clientgrants.UpdateClientGrantRequestContent{AllowAllScopes: clientgrants.NewNullable(true)})
			return err
		}, scopeUpdate},
		{"delete with read scope", readToken, func(c *clientgrants.Client) error {
			return c.ClientGrants.Delete(ctx, id)
		}, scopeDelete},
		{"organizations with read scope", readToken, func(c *clientgrants.Client) error {
			_, err := c.ClientGrants.Organizations.List(ctx, id, orgParams{})
			return err
		}, scopeOrgRead},
	}
	for _, tc := range calls {
		err := tc.do(newClient(t, srv, tc.token))
		if !clientgrants.IsForbidden(err) {
			t.Errorf("%s: want 403, got %v", tc.name, err)
			continue
		}
		if e := apiError(t, err); e.Message != "Insufficient scope; expected any of: "+tc.scope+"." || e.ErrorName != "Forbidden" {
			t.Errorf("%s: 403 = %+v", tc.name, e)
		}
	}
	// A 403 on a missing grant: the scope is checked before the grant is looked up.
	_, err := newClient(t, srv, readToken).ClientGrants.Update(ctx, "cgr_missing000000000", clientgrants.UpdateClientGrantRequestContent{AllowAllScopes: clientgrants.NewNullable(true)})
	if !clientgrants.IsForbidden(err) {
		t.Errorf("update of a missing grant without scope: want 403, got %v", err)
	}

	// And the right scope lets each through.
	if _, err := newClient(t, srv, readToken).ClientGrants.Get(ctx, id); err != nil {
		t.Errorf("read token get: %v", err)
	}
	if _, err := newClient(t, srv, orgReadToken).ClientGrants.Organizations.List(ctx, id, orgParams{}); err != nil {
		t.Errorf("org token organizations: %v", err)
	}
	if f.count() != 1 {
		t.Errorf("refused calls changed the store: %d grants", f.count())
	}
}

// TestSecurityHandler checks the fake's security methods directly: unknown
// tokens are plain errors (401), known ones lacking scopes wrap
// ErrInsufficientScope (403).
func TestSecurityHandler(t *testing.T) {
	f := newFake(testTokens())
	ctx := context.Background()
	op := clientgrants.Operation{ID: "get_client-grants", Method: "GET", Path: "/client-grants", Scopes: []string{scopeRead}}
	if _, err := f.BearerAuth(ctx, op, unknownToken, nil); err == nil || isScope(err) {
		t.Errorf("bearer unknown: %v", err)
	}
	if _, err := f.BearerAuth(ctx, op, noScopeToken, nil); !isScope(err) {
		t.Errorf("bearer without scope: %v", err)
	}
	if _, err := f.BearerAuth(ctx, op, readToken, nil); err != nil {
		t.Errorf("bearer with scope: %v", err)
	}
	if _, err := f.OAuth2ClientCredentials(ctx, op, unknownToken, []string{scopeRead}); err == nil || isScope(err) {
		t.Errorf("oauth2 unknown: %v", err)
	}
	if _, err := f.OAuth2ClientCredentials(ctx, op, orgReadToken, []string{scopeRead}); !isScope(err) {
		t.Errorf("oauth2 without scope: %v", err)
	}
	if _, err := f.OAuth2ClientCredentials(ctx, op, allToken, []string{scopeRead, scopeCreate}); err != nil {
		t.Errorf("oauth2 with scopes: %v", err)
	}
	if _, err := f.OAuth2ClientCredentials(ctx, op, readToken, []string{scopeRead, scopeCreate}); !isScope(err) {
		t.Errorf("oauth2 with one of two scopes: %v", err)
	}
}

func isScope(err error) bool { return errors.Is(err, clientgrants.ErrInsufficientScope) }
