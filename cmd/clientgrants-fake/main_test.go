package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestParseTokens(t *testing.T) {
	good := []struct {
		in   []string
		want map[string][]string
	}{
		{nil, map[string][]string{}},
		{[]string{"SECRET=scope1,scope2"}, map[string][]string{"SECRET": {"scope1", "scope2"}}},
		{[]string{"a=read:client_grants", "b=create:client_grants,delete:client_grants"},
			map[string][]string{"a": {"read:client_grants"}, "b": {"create:client_grants", "delete:client_grants"}}},
		{[]string{"none="}, map[string][]string{"none": {}}},
		{[]string{"padded==s"}, map[string][]string{"padded=": {"s"}}},
		{[]string{"dup=s,s,t"}, map[string][]string{"dup": {"s", "t"}}},
	}
	for _, tc := range good {
		got, err := parseTokens(tc.in)
		if err != nil {
			t.Errorf("parseTokens(%q): %v", tc.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("parseTokens(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	bad := []struct {
		in      []string
		message string
	}{
		{[]string{"SECRET"}, "want TOKEN=scope1,scope2"},
		{[]string{"=scope"}, "the token is empty"},
		{[]string{"a b=scope"}, "visible ASCII"},
		{[]string{"tok=a,,b"}, "empty scope"},
		{[]string{"tok=a,"}, "empty scope"},
		{[]string{"tok=a b"}, "visible ASCII"},
		{[]string{"tök=a"}, "visible ASCII"},
		{[]string{"t=a", "t=b"}, "given twice"},
	}
	for _, tc := range bad {
		_, err := parseTokens(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.message) {
			t.Errorf("parseTokens(%q) = %v, want an error containing %q", tc.in, err, tc.message)
		}
	}
}

func TestRunBadFlags(t *testing.T) {
	cases := []struct {
		args    []string
		message string
	}{
		{[]string{"-token", "SECRET"}, `invalid value "SECRET" for flag -token`},
		{[]string{"-token", "a=,x"}, "empty scope"},
		{[]string{"-token", "t=a", "-token", "t=b"}, "given twice"},
		{[]string{"-bogus"}, "flag provided but not defined: -bogus"},
		{[]string{"-addr"}, "flag needs an argument: -addr"},
		{[]string{"serve"}, `unexpected argument "serve"`},
	}
	for _, tc := range cases {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), tc.args, &stdout, &stderr)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2", tc.args, code)
		}
		if !strings.Contains(stderr.String(), tc.message) {
			t.Errorf("%q: stderr %q does not contain %q", tc.args, stderr.String(), tc.message)
		}
		if stdout.Len() != 0 {
			t.Errorf("%q: stdout %q", tc.args, stdout.String())
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"-addr", "127.0.0.1:99999"}, &stdout, &stderr); code != 1 {
		t.Errorf("bad address: exit %d, want 1 (stderr %q)", code, stderr.String())
	}
	stderr.Reset()
	if code := run(context.Background(), []string{"-h"}, &stdout, &stderr); code != 0 || !strings.Contains(stderr.String(), "-token") {
		t.Errorf("-h: exit %d, stderr %q", code, stderr.String())
	}
}

// syncBuffer is an io.Writer that the test reads while run writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startRun runs the command with args until the returned cancel, and waits
// for it to print where it listens. done yields the exit status.
func startRun(t *testing.T, args ...string) (stdout *syncBuffer, base string, cancel context.CancelFunc, done <-chan int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout = &syncBuffer{}
	stderr := &syncBuffer{}
	codes := make(chan int, 1)
	finished := make(chan struct{})
	go func() {
		codes <- run(ctx, args, stdout, stderr)
		close(finished)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-finished:
		case <-time.After(15 * time.Second):
			t.Error("run did not return after cancel")
		}
	})
	listening := regexp.MustCompile(`listening on (http://\S+)`)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := listening.FindStringSubmatch(stdout.String()); m != nil {
			return stdout, m[1], cancel, codes
		}
		select {
		case code := <-codes:
			t.Fatalf("run returned %d before listening; stderr %q", code, stderr.String())
		case <-time.After(5 * time.Millisecond):
		}
	}
	t.Fatalf("run does not listen; stdout %q stderr %q", stdout.String(), stderr.String())
	return nil, "", nil, nil
}

func get(t *testing.T, url, token string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestRunGeneratedToken: without -token, run prints a random token with
// every scope, the address and a curl line that works.
func TestRunGeneratedToken(t *testing.T) {
	stdout, base, cancel, done := startRun(t, "-addr", "127.0.0.1:0")
	m := regexp.MustCompile(`generated token (\S+) with scopes (.*)\n`).FindStringSubmatch(stdout.String())
	if m == nil {
		t.Fatalf("no generated token in %q", stdout.String())
	}
	token := m[1]
	if len(token) < 20 {
		t.Errorf("token %q is short", token)
	}
	for _, s := range allScopes {
		if !strings.Contains(m[2], s) {
			t.Errorf("scopes %q lack %s", m[2], s)
		}
	}
	if !strings.HasSuffix(base, "/api/v2") || !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("base %q", base)
	}
	if want := "curl -H 'Authorization: Bearer " + token + "' " + base + "/client-grants"; !strings.Contains(stdout.String(), want) {
		t.Errorf("stdout %q lacks %q", stdout.String(), want)
	}
	if status, body := get(t, base+"/client-grants", token); status != 200 || strings.TrimSpace(body) != "[]" {
		t.Errorf("list: %d %s", status, body)
	}
	if status, _ := get(t, base+"/client-grants", "nope"); status != 401 {
		t.Errorf("bad token: %d", status)
	}

	// A second run makes up another token.
	stdout2, _, _, _ := startRun(t, "-addr", "127.0.0.1:0")
	if strings.Contains(stdout2.String(), token) {
		t.Error("two runs generated the same token")
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after cancel, want 0", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("run did not stop")
	}
}

// TestRunGracefulShutdown: with -token given, only those tokens work; a
// request in flight when the shutdown starts still gets its answer.
func TestRunGracefulShutdown(t *testing.T) {
	stdout, base, cancel, done := startRun(t, "-addr", "127.0.0.1:0", "-token", "reader=read:client_grants", "-token", "writer=create:client_grants")
	if strings.Contains(stdout.String(), "generated token") {
		t.Errorf("a token was generated although -token was given: %q", stdout.String())
	}
	if status, _ := get(t, base+"/client-grants", "reader"); status != 200 {
		t.Errorf("reader list: %d", status)
	}
	if status, body := get(t, base+"/client-grants", "writer"); status != 403 || !strings.Contains(body, "expected any of: read:client_grants.") {
		t.Errorf("writer list: %d %s", status, body)
	}

	// Start a create whose body is held back: with Expect: 100-continue the
	// client learns when the handler starts reading it. Then shut down, and
	// only then send the body.
	pr, pw := io.Pipe()
	req, err := http.NewRequest("POST", base+"/client-grants", pr)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer writer")
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Expect", "100-continue")
	reading := make(chan struct{})
	req = req.WithContext(httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{
		Got100Continue: func() { close(reading) },
	}))
	tr := &http.Transport{ExpectContinueTimeout: 10 * time.Second}
	defer tr.CloseIdleConnections()
	type answer struct {
		status int
		body   string
		err    error
	}
	answers := make(chan answer, 1)
	go func() {
		resp, err := (&http.Client{Transport: tr}).Do(req)
		if err != nil {
			answers <- answer{err: err}
			return
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		answers <- answer{status: resp.StatusCode, body: string(body)}
	}()
	select {
	case <-reading:
	case a := <-answers:
		t.Fatalf("answered before the body was read: %+v", a)
	case <-time.After(10 * time.Second):
		t.Fatal("the handler never started reading the body")
	}

	cancel()
	// Shutdown closes the listener first: wait for that, so the request is
	// really in flight during the shutdown.
	addr := strings.TrimSuffix(strings.TrimPrefix(base, "http://"), basePath)
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("the listener is still open after cancel")
		}
		time.Sleep(5 * time.Millisecond)
	}
	select {
	case code := <-done:
		t.Fatalf("run returned %d with a request in flight", code)
	default:
	}
	if _, err := io.WriteString(pw, `{"audience":"https://late.example.com/","client_id":"app_late"}`); err != nil {
		t.Fatal(err)
	}
	pw.Close()

	a := <-answers
	if a.err != nil || a.status != http.StatusCreated || !strings.Contains(a.body, "app_late") {
		t.Errorf("in-flight create: %+v", a)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d, want 0", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("run did not stop")
	}
}
