package clientgrants_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/oasgen/oasgen/generated/clientgrants"
)

// Create a client grant. A tiny fake of the Management API stands in for
// https://TENANT.auth0.com; real code passes clientgrants.ServerURL("TENANT.auth0.com").
func ExampleClientGrantsService_Create() {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		fmt.Println(r.Method, r.URL.Path, string(body))
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, `{"id":"cgr_1","client_id":"app_1","audience":"https://api.example.com/","scope":["read:orders"]}`)
	}))
	defer api.Close()

	c, err := clientgrants.NewClient(api.URL+"/api/v2", clientgrants.WithToken("TOKEN"))
	if err != nil {
		log.Fatal(err)
	}
	grant, err := c.ClientGrants.Create(context.Background(), clientgrants.CreateClientGrantRequestContent{
		ClientID: clientgrants.NewOpt("app_1"),
		Audience: "https://api.example.com/",
		Scope:    clientgrants.NewOpt([]string{"read:orders"}),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created", grant.ID.Value, grant.Scope.Value)

	// Output:
	// POST /api/v2/client-grants {"client_id":"app_1","audience":"https://api.example.com/","scope":["read:orders"]}
	// created cgr_1 [read:orders]
}

// List every client grant with checkpoint pagination: ListAll follows the
// "next" cursor, two grants per request here, until the last page.
func ExampleClientGrantsService_ListAll() {
	pages := map[string]string{ // the fake's pages, by the "from" cursor
		"":      `{"client_grants":[{"id":"cgr_1"},{"id":"cgr_2"}],"next":"cur_2"}`,
		"cur_2": `{"client_grants":[{"id":"cgr_3"}]}`,
	}
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, pages[r.URL.Query().Get("from")])
	}))
	defer api.Close()

	c, err := clientgrants.NewClient(api.URL+"/api/v2", clientgrants.WithToken("TOKEN"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	for g, err := range c.ClientGrants.ListAll(ctx, clientgrants.ListClientGrantsRequestParameters{Take: clientgrants.NewOpt[int64](2)}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(g.ID.Value)
	}

	// Output:
	// cgr_1
	// cgr_2
	// cgr_3
}
