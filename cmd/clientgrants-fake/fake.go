package main

import (
	"cmp"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/oasgen/oasgen/generated/clientgrants"
)

// The scopes of the Auth0 Management API that the operations need.
const (
	scopeRead    = "read:client_grants"
	scopeCreate  = "create:client_grants"
	scopeUpdate  = "update:client_grants"
	scopeDelete  = "delete:client_grants"
	scopeOrgRead = "read:organization_client_grants"
)

// allScopes are the scopes of the token the command makes up when it is
// given none.
var allScopes = []string{scopeRead, scopeCreate, scopeUpdate, scopeDelete, scopeOrgRead}

// defaultPageSize is per_page and take when a paged list does not say.
const defaultPageSize = 50

// fake is an in-memory Auth0 client-grants store. It implements
// clientgrants.Handler and clientgrants.SecurityHandler, so that
//
//	clientgrants.NewServer(f, clientgrants.WithBasePath("/api/v2"))
//
// serves it. It is safe for concurrent use.
type fake struct {
	tokens map[string][]string // bearer token → the scopes it carries; read-only

	mu      sync.RWMutex
	grants  []*record          // live grants, in creation order (ascending seq)
	byID    map[string]*record // live grants by id
	seqOf   map[string]uint64  // seq of every id ever issued, deleted ones included, for checkpoints
	byKey   map[grantKey]string
	nextSeq uint64
}

// record is one stored grant. Its slices are never changed in place (an
// update stores fresh ones), so a copy of g taken under the read lock stays
// valid after the lock is released.
type record struct {
	seq uint64
	g   clientgrants.ClientGrantResponseContent
}

// grantKey is what must be unique among grants: one grant per client (or
// default group) and audience.
type grantKey struct {
	clientID, defaultFor, audience string
}

func keyOf(g *clientgrants.ClientGrantResponseContent) grantKey {
	return grantKey{g.ClientID.Value, string(g.DefaultFor.Value), g.Audience.Value}
}

// newFake returns an empty store that accepts the given bearer tokens, each
// with its scopes.
func newFake(tokens map[string][]string) *fake {
	t := make(map[string][]string, len(tokens))
	for k, v := range tokens {
		t[k] = slices.Clone(v)
	}
	return &fake{
		tokens: t,
		byID:   map[string]*record{},
		seqOf:  map[string]uint64{},
		byKey:  map[grantKey]string{},
	}
}

// Errors the fake answers with, in Auth0's words.
func errNotFound() *clientgrants.Error {
	return clientgrants.NewError(http.StatusNotFound, "inexistent_client_grant", "The client grant does not exist.")
}

func errConflict() *clientgrants.Error {
	return clientgrants.NewError(http.StatusConflict, "conflict", "A client grant for this client and audience already exists.")
}

// ---- security ----

// errUnknownToken rejects a bearer token the fake was not given (401).
var errUnknownToken = errors.New("unknown bearer token")

// BearerAuth accepts a known token that carries any of the operation's
// scopes. The spec lists bearerAuth without scopes, but Auth0 tokens carry
// scopes and every operation needs one, so the check is made here.
func (f *fake) BearerAuth(ctx context.Context, op clientgrants.Operation, credential string, _ []string) (context.Context, error) {
	granted, ok := f.tokens[credential]
	if !ok {
		return ctx, errUnknownToken
	}
	if len(op.Scopes) > 0 && !slices.ContainsFunc(op.Scopes, func(s string) bool { return slices.Contains(granted, s) }) {
		return ctx, fmt.Errorf("%s needs any of %s: %w", op.ID, strings.Join(op.Scopes, ", "), clientgrants.ErrInsufficientScope)
	}
	return ctx, nil
}

// OAuth2ClientCredentials accepts a known token that carries every scope the
// requirement names (any of the operation's scopes when it names none).
func (f *fake) OAuth2ClientCredentials(ctx context.Context, op clientgrants.Operation, credential string, scopes []string) (context.Context, error) {
	if len(scopes) == 0 {
		return f.BearerAuth(ctx, op, credential, nil)
	}
	granted, ok := f.tokens[credential]
	if !ok {
		return ctx, errUnknownToken
	}
	for _, s := range scopes {
		if !slices.Contains(granted, s) {
			return ctx, fmt.Errorf("%s needs %s: %w", op.ID, s, clientgrants.ErrInsufficientScope)
		}
	}
	return ctx, nil
}

// ---- operations ----

// ClientGrantsCreate stores a new grant: 409 when the client (or default
// group) already has one for the audience, 400 when both client_id and
// default_for are given (the spec says they cannot be combined).
func (f *fake) ClientGrantsCreate(_ context.Context, body clientgrants.CreateClientGrantRequestContent) (clientgrants.ClientGrantsCreateResponse, error) {
	if body.ClientID.Set && body.DefaultFor.Set {
		return clientgrants.ClientGrantsCreateResponse{}, clientgrants.NewError(http.StatusBadRequest, "invalid_body", "default_for cannot be combined with client_id.")
	}
	g := clientgrants.ClientGrantResponseContent{
		ClientID:                  body.ClientID,
		Audience:                  clientgrants.NewOpt(body.Audience),
		Scope:                     cloneOpt(body.Scope),
		OrganizationUsage:         body.OrganizationUsage,
		AllowAnyOrganization:      clientgrants.NewOpt(body.AllowAnyOrganization.Or(false)),
		DefaultFor:                body.DefaultFor,
		SubjectType:               body.SubjectType,
		AuthorizationDetailsTypes: cloneOpt(body.AuthorizationDetailsTypes),
		AllowAllScopes:            body.AllowAllScopes,
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	key := keyOf(&g)
	if _, taken := f.byKey[key]; taken {
		return clientgrants.ClientGrantsCreateResponse{}, errConflict()
	}
	g.ID = clientgrants.NewOpt(f.newIDLocked())
	f.insertLocked(g)
	return clientgrants.ClientGrantsCreateCreated(clientgrants.CreateClientGrantResponseContent(g)), nil
}

// insertLocked appends g, whose id is new, as the latest grant. f.mu is held.
func (f *fake) insertLocked(g clientgrants.ClientGrantResponseContent) {
	f.nextSeq++
	r := &record{seq: f.nextSeq, g: g}
	f.grants = append(f.grants, r)
	f.byID[g.ID.Value] = r
	f.seqOf[g.ID.Value] = r.seq
	f.byKey[keyOf(&g)] = g.ID.Value
}

// newIDLocked returns "cgr_" and 16 random letters and digits, never one
// issued before. f.mu is held.
func (f *fake) newIDLocked() string {
	for {
		id := "cgr_" + randomAlnum(16)
		if _, used := f.seqOf[id]; !used {
			return id
		}
	}
}

// randomAlnum returns n letters and digits from crypto/rand, uniformly.
func randomAlnum(n int) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	out := make([]byte, 0, n)
	var buf [32]byte
	for len(out) < n {
		_, _ = rand.Read(buf[:]) // never fails (crypto/rand crashes the program instead)
		for _, b := range buf {
			if b < 248 && len(out) < n { // 248 = 4·62: no modulo bias
				out = append(out, alphabet[b%62])
			}
		}
	}
	return string(out)
}

// ClientGrantsGet returns one grant or 404.
func (f *fake) ClientGrantsGet(_ context.Context, id string) (clientgrants.ClientGrantsGetResponse, error) {
	f.mu.RLock()
	r, ok := f.byID[id]
	var g clientgrants.ClientGrantResponseContent
	if ok {
		g = r.g
	}
	f.mu.RUnlock()
	if !ok {
		return clientgrants.ClientGrantsGetResponse{}, errNotFound()
	}
	return clientgrants.ClientGrantsGetOK(clientgrants.GetClientGrantResponseContent(g)), nil
}

// ClientGrantsUpdate applies PATCH semantics: an absent field is kept, null
// clears it and a value replaces it. Cleared, scope and organization_usage
// and allow_all_scopes become absent, allow_any_organization false (its
// default).
func (f *fake) ClientGrantsUpdate(_ context.Context, id string, body clientgrants.UpdateClientGrantRequestContent) (clientgrants.ClientGrantsUpdateResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, ok := f.byID[id]
	if !ok {
		return clientgrants.ClientGrantsUpdateResponse{}, errNotFound()
	}
	g := r.g // a copy: r.g changes only once every field is worked out
	if body.Scope.Set {
		g.Scope = clientgrants.Opt[[]string]{}
		if v, ok := body.Scope.Get(); ok {
			g.Scope = clientgrants.NewOpt(slices.Clone(v))
		}
	}
	if body.OrganizationUsage.Set {
		g.OrganizationUsage = clientgrants.Opt[clientgrants.ClientGrantOrganizationUsageEnum]{}
		if v, ok := body.OrganizationUsage.Get(); ok {
			g.OrganizationUsage = clientgrants.NewOpt(clientgrants.ClientGrantOrganizationUsageEnum(v))
		}
	}
	if body.AllowAnyOrganization.Set {
		v, _ := body.AllowAnyOrganization.Get() // null → false
		g.AllowAnyOrganization = clientgrants.NewOpt(v)
	}
	if body.AuthorizationDetailsTypes.Set {
		g.AuthorizationDetailsTypes = cloneOpt(body.AuthorizationDetailsTypes)
	}
	if body.AllowAllScopes.Set {
		g.AllowAllScopes = clientgrants.Opt[bool]{}
		if v, ok := body.AllowAllScopes.Get(); ok {
			g.AllowAllScopes = clientgrants.NewOpt(v)
		}
	}
	r.g = g
	return clientgrants.ClientGrantsUpdateOK(clientgrants.UpdateClientGrantResponseContent(g)), nil
}

// ClientGrantsDelete removes a grant: 204, or 404 when there is none.
func (f *fake) ClientGrantsDelete(_ context.Context, id string) (clientgrants.ClientGrantsDeleteResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, ok := f.byID[id]
	if !ok {
		return clientgrants.ClientGrantsDeleteResponse{}, errNotFound()
	}
	delete(f.byID, id)
	delete(f.byKey, keyOf(&r.g))
	if i, found := f.position(r.seq); found {
		f.grants = slices.Delete(f.grants, i, i+1)
	}
	return clientgrants.ClientGrantsDeleteNoContent(), nil
}

// position returns the index in f.grants of the first grant whose seq is at
// least seq, and whether its seq is exactly seq. f.mu is held.
func (f *fake) position(seq uint64) (int, bool) {
	return slices.BinarySearchFunc(f.grants, seq, func(r *record, seq uint64) int { return cmp.Compare(r.seq, seq) })
}

// ClientGrantsList lists the grants that pass the filters, in creation
// order, in one of three shapes:
//   - from or take given: a checkpoint page {client_grants, next}, next being
//     absent on the last page;
//   - otherwise page, per_page or include_totals=true given: the page (per_page
//     default 50), as {start, limit, total, client_grants} with
//     include_totals=true and as a plain array without;
//   - otherwise: every grant, as a plain array.
func (f *fake) ClientGrantsList(_ context.Context, params clientgrants.ListClientGrantsRequestParameters) (clientgrants.ClientGrantsListResponse, error) {
	match := func(g *clientgrants.ClientGrantResponseContent) bool {
		return (!params.Audience.Set || g.Audience.Value == params.Audience.Value) &&
			(!params.ClientID.Set || (g.ClientID.Set && g.ClientID.Value == params.ClientID.Value)) &&
			(!params.AllowAnyOrganization.Set || g.AllowAnyOrganization.Value == bool(params.AllowAnyOrganization.Value)) &&
			(!params.SubjectType.Set || (g.SubjectType.Set && g.SubjectType.Value == params.SubjectType.Value)) &&
			(!params.DefaultFor.Set || (g.DefaultFor.Set && g.DefaultFor.Value == params.DefaultFor.Value))
	}
	f.mu.RLock()
	defer f.mu.RUnlock()

	if params.From.Set || params.Take.Set {
		start := 0
		if from := params.From.Value; from != "" {
			seq, ok := f.seqOf[from]
			if !ok {
				return clientgrants.ClientGrantsListResponse{}, clientgrants.NewError(http.StatusBadRequest, "invalid_query_string", `The "from" checkpoint is not valid.`)
			}
			start, _ = f.position(seq) // a deleted grant resumes at the one after it
		}
		take := int(pageSize(params.Take))
		page := clientgrants.ListClientGrantPaginatedResponseContent{}
		items := make([]clientgrants.ClientGrantResponseContent, 0, min(take, len(f.grants)-start))
		for _, r := range f.grants[start:] {
			if !match(&r.g) {
				continue
			}
			if len(items) == take {
				page.Next = clientgrants.NewOpt(r.g.ID.Value)
				break
			}
			items = append(items, r.g)
		}
		page.ClientGrants = clientgrants.NewOpt(items)
		return clientgrants.ClientGrantsListOK(clientgrants.NewListClientGrantResponseContentPaginated(page)), nil
	}

	totals := params.IncludeTotals.Value
	if !params.Page.Set && !params.PerPage.Set && !totals {
		items := make([]clientgrants.ClientGrantResponseContent, 0, len(f.grants))
		for _, r := range f.grants {
			if match(&r.g) {
				items = append(items, r.g)
			}
		}
		return clientgrants.ClientGrantsListOK(clientgrants.NewListClientGrantResponseContentArray(items)), nil
	}

	perPage, pageNo := pageSize(params.PerPage), max(params.Page.Value, 0)
	// skip the matches before the page (pageNo·perPage of them, computed
	// without overflowing), then take perPage and count the rest.
	skip := int64(-1)
	if pageNo <= int64(len(f.grants))/perPage {
		skip = pageNo * perPage
	}
	items := make([]clientgrants.ClientGrantResponseContent, 0, min(int(perPage), len(f.grants)))
	total := int64(0)
	for _, r := range f.grants {
		if !match(&r.g) {
			continue
		}
		if skip >= 0 && total >= skip && total < skip+perPage {
			items = append(items, r.g)
		}
		total++
	}
	if !totals {
		return clientgrants.ClientGrantsListOK(clientgrants.NewListClientGrantResponseContentArray(items)), nil
	}
	return clientgrants.ClientGrantsListOK(clientgrants.NewListClientGrantResponseContentOffsetPaginated(clientgrants.ListClientGrantOffsetPaginatedResponseContent{
		Start:        clientgrants.NewOpt(float64(pageNo) * float64(perPage)),
		Limit:        clientgrants.NewOpt(float64(perPage)),
		Total:        clientgrants.NewOpt(float64(total)),
		ClientGrants: clientgrants.NewOpt(items),
	})), nil
}

// ClientGrantsOrganizationsList lists the organizations of a grant. The fake
// assigns none, so every page is empty, in the shape the parameters choose
// (as for ClientGrantsList); an unknown grant is 404.
func (f *fake) ClientGrantsOrganizationsList(_ context.Context, id string, params clientgrants.ListClientGrantOrganizationsRequestParameters) (clientgrants.ClientGrantsOrganizationsListResponse, error) {
	f.mu.RLock()
	_, ok := f.byID[id]
	f.mu.RUnlock()
	if !ok {
		return clientgrants.ClientGrantsOrganizationsListResponse{}, errNotFound()
	}
	none := []clientgrants.Organization{}
	var body clientgrants.ListClientGrantOrganizationsResponseContent
	switch {
	case params.From.Set || params.Take.Set:
		body = clientgrants.NewListClientGrantOrganizationsResponseContentPaginated(clientgrants.ListClientGrantOrganizationsPaginatedResponseContent{
			Organizations: clientgrants.NewOpt(none),
		})
	case params.IncludeTotals.Value:
		perPage, pageNo := pageSize(params.PerPage), max(params.Page.Value, 0)
		body = clientgrants.NewListClientGrantOrganizationsResponseContentOffsetPaginated(clientgrants.ListClientGrantOrganizationsOffsetPaginatedResponseContent{
			Start:         clientgrants.NewOpt(float64(pageNo) * float64(perPage)),
			Limit:         clientgrants.NewOpt(float64(perPage)),
			Total:         clientgrants.NewOpt(0.0),
			Organizations: clientgrants.NewOpt(none),
		})
	default:
		body = clientgrants.NewListClientGrantOrganizationsResponseContentArray(none)
	}
	return clientgrants.ClientGrantsOrganizationsListOK(body), nil
}

// pageSize is a per_page or take parameter, defaultPageSize when absent and
// at least 1 whatever the server let through.
func pageSize(o clientgrants.Opt[int64]) int64 {
	if !o.Set {
		return defaultPageSize
	}
	return max(o.Value, 1)
}

// cloneOpt copies the slice an Opt holds, so that the store owns its own.
func cloneOpt[T any](o clientgrants.Opt[[]T]) clientgrants.Opt[[]T] {
	if o.Set {
		o.Value = slices.Clone(o.Value)
		if o.Value == nil {
			o.Value = []T{}
		}
	}
	return o
}

// count reports how many grants are stored.
func (f *fake) count() int {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return len(f.grants)
}
