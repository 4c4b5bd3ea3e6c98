// Package spec holds the OpenAPI descriptions that ship with oasgen.
//
// The client-grants resource of the Auth0 Management API v2 is embedded as
// the default input spec, so the generator works without any file on disk.
package spec

import _ "embed"

// ClientGrants is the content of client-grants.yaml: an OpenAPI 3.1
// description of the Auth0 Management API v2 client-grants resource.
//
//go:embed client-grants.yaml
var ClientGrants []byte

// ClientGrantsPath is the file name of the embedded default spec, used in error positions.
const ClientGrantsPath = "spec/client-grants.yaml"
