package model

import (
	"fmt"
	"testing"
)

func TestGoNameProbe(t *testing.T) {
	for _, s := range []string{"client_id", "logo_url", "per_page", "get_client-grants", "HTTPServer", "userIds", "123abc", "ä", "x-y", "", "_", "type", "URLs", "organization-id", "userIDs", "APIKey", "ids", "IDs", "ß", "日本", "clientIDsList", "oauth2_token", "OAuth2Token", "utf8", "ID", "id", "Id", "apiKeys", "x", "X", "already_PascalCase", "snake__double", "--", "a1b2", "v2Beta", "HTTPSProxy", "getHTTPResponseCode", "ClientGrantAllowAnyOrganizationEnum", "iPhone", "eTag", "ALL_CAPS_NAME", "kebab-case-url", "gas", "bus", "status", "aliases", "uiS", "urlS", "Urls", "userIdList", "ÄÖÜ", "éclair", "1", "$ref", "a.b.c"} {
		fmt.Printf("%q → %q   words=%q\n", s, GoName(s), words(s))
	}
}
