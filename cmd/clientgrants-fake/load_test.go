package main

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/oasgen/oasgen/generated/clientgrants"
)

// TestConcurrentCreateAndList runs 64 goroutines that each create 5 grants
// (distinct client and audience), list a page after each create and walk
// the whole list at the end, through the client over HTTP. Afterwards the list holds exactly the grants created:
// nothing lost, nothing duplicated. `make test` runs it under -race.
func TestConcurrentCreateAndList(t *testing.T) {
	const workers, perWorker = 64, 5
	f, srv := newTestServer(t)
	tr := &http.Transport{MaxIdleConnsPerHost: workers}
	t.Cleanup(tr.CloseIdleConnections)
	c := newClient(t, srv, allToken, clientgrants.WithHTTPClient(&http.Client{Transport: tr}))
	ctx := context.Background()

	created := make([][]string, workers)
	var wg sync.WaitGroup
	errs := make(chan error, workers*(perWorker+1)) // room for every error: no send blocks
	for w := range workers {
		wg.Go(func() {
			for i := range perWorker {
				g, err := c.ClientGrants.Create(ctx, clientgrants.CreateClientGrantRequestContent{
					ClientID: clientgrants.NewOpt(fmt.Sprintf("app_%02d_%d", w, i)),
					Audience: fmt.Sprintf("https://api-%02d-%d.example.com/", w, i),
					Scope:    clientgrants.NewOpt([]string{"read:x"}),
				})
				if err != nil {
					errs <- fmt.Errorf("worker %d create %d: %w", w, i, err)
					return
				}
				created[w] = append(created[w], g.ID.Value)
				// One page in each list mode in turn; each must be well formed.
				var p listParams
				switch i % 3 {
				case 0:
					p.PerPage = clientgrants.NewOpt[int64](20)
				case 1:
					p.PerPage, p.IncludeTotals = clientgrants.NewOpt[int64](20), clientgrants.NewOpt(true)
				case 2:
					p.Take = clientgrants.NewOpt[int64](20)
				}
				page, err := c.ClientGrants.List(ctx, p)
				if err != nil {
					errs <- fmt.Errorf("worker %d list: %w", w, err)
					return
				}
				n := -1
				if v, ok := page.Array(); ok {
					n = len(v)
				} else if v, ok := page.OffsetPaginated(); ok && v.Total.Value >= 1 {
					n = len(v.ClientGrants.Value)
				} else if v, ok := page.Paginated(); ok {
					n = len(v.ClientGrants.Value)
				}
				if n < 1 || n > 20 {
					errs <- fmt.Errorf("worker %d: list page %+v after a create", w, page)
					return
				}
			}
			// A full walk while others still write sees every grant this
			// worker created, once.
			mine := map[string]int{}
			for g, err := range c.ClientGrants.ListAll(ctx, listParams{Take: clientgrants.NewOpt[int64](100)}) {
				if err != nil {
					errs <- fmt.Errorf("worker %d walk: %w", w, err)
					return
				}
				mine[g.ID.Value]++
			}
			for _, id := range created[w] {
				if mine[id] != 1 {
					errs <- fmt.Errorf("worker %d: own grant %s listed %d times", w, id, mine[id])
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if t.Failed() {
		return
	}

	want := map[string]bool{}
	for _, idsOf := range created {
		for _, id := range idsOf {
			if want[id] {
				t.Errorf("id %s issued twice", id)
			}
			want[id] = true
		}
	}
	if len(want) != workers*perWorker {
		t.Fatalf("%d distinct ids created, want %d", len(want), workers*perWorker)
	}
	for _, p := range []listParams{{}, {Take: clientgrants.NewOpt[int64](100)}, {PerPage: clientgrants.NewOpt[int64](100)}} {
		got := collect(t, c, p)
		seen := map[string]bool{}
		for _, g := range got {
			if seen[g.ID.Value] {
				t.Errorf("%+v: %s listed twice", p, g.ID.Value)
			}
			seen[g.ID.Value] = true
			if !want[g.ID.Value] {
				t.Errorf("%+v: %s listed but never created", p, g.ID.Value)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%+v: %d grants listed, want %d", p, len(got), len(want))
		}
	}
	if f.count() != workers*perWorker {
		t.Errorf("the store holds %d grants, want %d", f.count(), workers*perWorker)
	}
}

// TestConcurrentConflict: 64 goroutines create the same client and audience
// at once; exactly one wins, the others get 409.
func TestConcurrentConflict(t *testing.T) {
	const workers = 64
	f, srv := newTestServer(t)
	tr := &http.Transport{MaxIdleConnsPerHost: workers}
	t.Cleanup(tr.CloseIdleConnections)
	c := newClient(t, srv, allToken, clientgrants.WithHTTPClient(&http.Client{Transport: tr}))
	var won, conflicted atomic.Int32
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			_, err := c.ClientGrants.Create(context.Background(), clientgrants.CreateClientGrantRequestContent{
				ClientID: clientgrants.NewOpt("app_shared"), Audience: "https://shared.example.com/",
			})
			switch {
			case err == nil:
				won.Add(1)
			case clientgrants.IsConflict(err):
				conflicted.Add(1)
			default:
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if won.Load() != 1 || conflicted.Load() != workers-1 || f.count() != 1 {
		t.Errorf("%d created, %d conflicts, %d stored; want 1, %d, 1", won.Load(), conflicted.Load(), f.count(), workers-1)
	}
}
