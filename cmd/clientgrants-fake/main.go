// Command clientgrants-fake serves an in-memory fake of the Auth0 Management
// API's client grants, built on the generated server of package clientgrants:
// the generated code checks routes, credentials and input, and the fake keeps
// the grants.
//
// Usage:
//
//	clientgrants-fake [-addr 127.0.0.1:8080] [-token TOKEN=scope1,scope2 ...]
//
// Each -token defines a bearer token and the scopes it carries; without one,
// a random token with every client-grants scope is made up and printed.
// Operations are served under /api/v2. SIGINT or SIGTERM stops the server
// after the requests in flight have finished.
//
// Exit status: 0 after a clean shutdown, 1 when the server fails, 2 on bad
// usage.
package main

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/oasgen/oasgen/generated/clientgrants"
)

// basePath is where the operations are served, as on Auth0.
const basePath = "/api/v2"

// shutdownTimeout bounds how long a shutdown waits for requests in flight.
const shutdownTimeout = 10 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `clientgrants-fake serves an in-memory Auth0 client-grants API under /api/v2.

Usage:
  clientgrants-fake [-addr 127.0.0.1:8080] [-token TOKEN=scope1,scope2 ...]

Without -token, a random token with every client-grants scope is printed.

Flags:
`

// run serves until ctx is done and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("clientgrants-fake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on (port 0 picks a free one)")
	var tokenArgs []string
	fs.Func("token", "a bearer token and its scopes, as `TOKEN=scope1,scope2`; repeat for more tokens", func(s string) error {
		if _, _, err := parseToken(s); err != nil {
			return err
		}
		tokenArgs = append(tokenArgs, s)
		return nil
	})
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2 // the flag package has printed the problem and the usage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "clientgrants-fake: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	tokens, err := parseTokens(tokenArgs)
	if err != nil {
		fmt.Fprintf(stderr, "clientgrants-fake: -token: %v\n", err)
		return 2
	}
	hintToken := "<token>"
	generated := len(tokens) == 0
	if generated {
		hintToken = rand.Text()
		tokens = map[string][]string{hintToken: slices.Clone(allScopes)}
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "clientgrants-fake: %v\n", err)
		return 1
	}
	if generated {
		fmt.Fprintf(stdout, "generated token %s with scopes %s\n", hintToken, strings.Join(allScopes, " "))
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	f := newFake(tokens)
	srv := &http.Server{
		Handler:           clientgrants.NewServer(f, clientgrants.WithBasePath(basePath), clientgrants.WithLogger(logger)),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelError),
	}
	base := "http://" + ln.Addr().String() + basePath
	fmt.Fprintf(stdout, "listening on %s\n", base)
	fmt.Fprintf(stdout, "try: curl -H 'Authorization: Bearer %s' %s/client-grants\n", hintToken, base)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		fmt.Fprintf(stderr, "clientgrants-fake: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		fmt.Fprintf(stderr, "clientgrants-fake: shutdown: %v\n", err)
		return 1
	}
	<-served // http.ErrServerClosed
	fmt.Fprintln(stdout, "stopped")
	return 0
}

// parseTokens reads -token values into a map from token to scopes. A token
// given twice is an error.
func parseTokens(values []string) (map[string][]string, error) {
	tokens := make(map[string][]string, len(values))
	for _, v := range values {
		token, scopes, err := parseToken(v)
		if err != nil {
			return nil, err
		}
		if _, dup := tokens[token]; dup {
			return nil, fmt.Errorf("token %q is given twice", token)
		}
		tokens[token] = scopes
	}
	return tokens, nil
}

// parseToken reads one TOKEN=scope1,scope2 value. The token ends at the
// last "=", so a token may itself contain "=" (base64 padding); an empty
// scope list (TOKEN=) makes a token that every operation refuses with 403.
func parseToken(v string) (token string, scopes []string, err error) {
	i := strings.LastIndexByte(v, '=')
	if i < 0 {
		return "", nil, fmt.Errorf("%q: want TOKEN=scope1,scope2", v)
	}
	token, list := v[:i], v[i+1:]
	if token == "" {
		return "", nil, fmt.Errorf("%q: the token is empty", v)
	}
	if !visible(token) {
		return "", nil, fmt.Errorf("%q: the token may hold only visible ASCII characters, no spaces", v)
	}
	scopes = []string{}
	if list == "" {
		return token, scopes, nil
	}
	for _, s := range strings.Split(list, ",") {
		if s == "" {
			return "", nil, fmt.Errorf("%q: empty scope in %q", v, list)
		}
		if !visible(s) {
			return "", nil, fmt.Errorf("%q: scope %q may hold only visible ASCII characters, no spaces", v, s)
		}
		if !slices.Contains(scopes, s) {
			scopes = append(scopes, s)
		}
	}
	return token, scopes, nil
}

// visible reports whether s is made of printable ASCII other than space.
func visible(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}
