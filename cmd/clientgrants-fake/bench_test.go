package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/oasgen/oasgen/generated/clientgrants"
)

// BenchmarkListPerPage50 is one in-process GET
// /api/v2/client-grants?per_page=50 through the generated server (routing,
// auth, parameter parsing and validation, the fake, JSON encoding) with 100
// grants stored.
func BenchmarkListPerPage50(b *testing.B) {
	f := newFake(testTokens())
	for i := range 100 {
		f.seed(grant{
			ID:                   clientgrants.NewOpt(fmt.Sprintf("cgr_Bench%011d", i)),
			ClientID:             clientgrants.NewOpt(fmt.Sprintf("app_%03d", i)),
			Audience:             clientgrants.NewOpt("https://api.example.com/"),
			Scope:                clientgrants.NewOpt([]string{"read:orders", "write:orders"}),
			AllowAnyOrganization: clientgrants.NewOpt(false),
			SubjectType:          clientgrants.NewOpt(clientgrants.ClientGrantSubjectTypeEnumClient),
		})
	}
	h := newHandler(f)
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, "/api/v2/client-grants?per_page=50", nil)
		req.Header.Set("Authorization", "Bearer "+allToken)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
}
