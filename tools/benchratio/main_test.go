// Tests of benchratio on canned `go test -bench` output: the parsing of
// result lines (GOMAXPROCS suffix, metrics in any order, lines that are not
// results), the copy of the input, the table of ratios, the verdict on each
// goal and the exit status. No timing is involved: the inputs are fixed.
package main

import (
	"bytes"
	"errors"
	"maps"
	"reflect"
	"strings"
	"testing"
)

func TestParseLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		line string
		ok   bool
		want result
	}{
		{"sub-benchmark with procs", "BenchmarkDecodeList/oasgen-2        \t     200\t   1426597 ns/op\t  27.39 MB/s\t        22.15 allocs/grant\t  173256 B/op\t    2215 allocs/op",
			true, result{group: "DecodeList", sub: "oasgen", procs: 2, nsOp: 1426597, allocs: 2215, hasAll: true}},
		{"no procs suffix (GOMAXPROCS 1)", "BenchmarkEncodeList/encoding_json \t 1000\t 151659 ns/op",
			true, result{group: "EncodeList", sub: "encoding_json", procs: 1, nsOp: 151659}},
		{"top-level benchmark", "BenchmarkListPerPage50-16   	    5000	    860854 ns/op	  111823 B/op	    1433 allocs/op",
			true, result{group: "ListPerPage50", procs: 16, nsOp: 860854, allocs: 1433, hasAll: true}},
		{"nested sub-benchmark keeps its slashes", "BenchmarkX/a/b-2 10 0.25 ns/op 0 allocs/op",
			true, result{group: "X", sub: "a/b", procs: 2, nsOp: 0.25, hasAll: true}},
		{"dash inside a name", "BenchmarkServer/per-page-4 10 7 ns/op",
			true, result{group: "Server", sub: "per-page", procs: 4, nsOp: 7}},
		{"carriage return", "BenchmarkA/oasgen-2 10 7 ns/op\r", true, result{group: "A", sub: "oasgen", procs: 2, nsOp: 7}},
		{"name line alone", "BenchmarkDecodeList", false, result{}},
		{"name without function", "Benchmark 10 7 ns/op", false, result{}},
		{"no ns/op", "BenchmarkA-2 10 7 B/op", false, result{}},
		{"iterations not a count", "BenchmarkA-2 ten 7 ns/op", false, result{}},
		{"value not a number", "BenchmarkA-2 10 fast ns/op", false, result{}},
		{"odd metric fields", "BenchmarkA-2 10 7 ns/op 3", false, result{}},
		{"prose", "Benchmarks are run below 10 ns/op", false, result{}},
		{"header", "goos: linux", false, result{}},
		{"fail line", "--- FAIL: BenchmarkA/oasgen-2", false, result{}},
		{"ok line", "ok  \tgithub.com/oasgen/oasgen/generated/clientgrants\t2.204s", false, result{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := parseLine(strings.TrimRight(tc.line, "\r"))
			if ok != tc.ok {
				t.Fatalf("parseLine(%q) ok = %v, want %v", tc.line, ok, tc.ok)
			}
			got.metrics = nil // TestParseLineMetrics reads them
			if ok && !reflect.DeepEqual(got, tc.want) {
				t.Errorf("parseLine(%q) =\n%+v\nwant\n%+v", tc.line, got, tc.want)
			}
		})
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{5}, 5},
		{[]float64{9, 1, 5}, 5},
		{[]float64{4, 1, 3, 2}, 2.5},
	} {
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// canned is the output of a run in which some goals are met and some not:
// DecodeList 2.00× json_valid and 3 allocs/grant, EncodeList 0.50× with 1
// alloc/op, ServerList 1.60× (run twice: medians 160 and 100),
// ServerReject 1.00×; ClientList has no baseline.
const canned = `goos: linux
goarch: amd64
pkg: github.com/oasgen/oasgen/generated/clientgrants
cpu: AMD EPYC
BenchmarkDecodeListClientGrants-2   	     200	   1450365 ns/op	  26.94 MB/s	  173668 B/op	    2220 allocs/op
BenchmarkDecodeList/oasgen-2        	     200	   600 ns/op	  27.39 MB/s	        3.00 allocs/grant	  173256 B/op	    300 allocs/op
BenchmarkDecodeList/encoding_json-2 	     200	   1200 ns/op	  33.00 MB/s	        24.15 allocs/grant	   89160 B/op	    2415 allocs/op
BenchmarkDecodeList/json_valid-2    	     200	    300 ns/op	 128.12 MB/s	       1 B/op	       0 allocs/op
BenchmarkEncodeList/oasgen-2        	     200	   50 ns/op	  35.69 MB/s	  103390 B/op	    1 allocs/op
BenchmarkEncodeList/encoding_json-2 	     200	    100 ns/op	 257.64 MB/s	   40987 B/op	       2 allocs/op
BenchmarkClientList/oasgen-2        	     200	   2286149 ns/op	  17.09 MB/s	  270465 B/op	    2328 allocs/op
PASS
ok  	github.com/oasgen/oasgen/generated/clientgrants	2.204s
goos: linux
goarch: amd64
pkg: github.com/oasgen/oasgen/cmd/clientgrants-fake
cpu: AMD EPYC
BenchmarkListPerPage50-2   	 1000	 800000 ns/op	 1 B/op	 1 allocs/op
BenchmarkServerList/oasgen-2         	     200	    150 ns/op	  22.64 MB/s	  111823 B/op	    1433 allocs/op
BenchmarkServerList/oasgen-2         	     200	    170 ns/op	  22.64 MB/s	  111823 B/op	    1433 allocs/op
BenchmarkServerList/handwritten-2    	     200	    100 ns/op	 182.74 MB/s	   54070 B/op	      28 allocs/op
BenchmarkServerList/handwritten-2    	     200	    100 ns/op	 182.74 MB/s	   54070 B/op	      28 allocs/op
BenchmarkServerReject/oasgen-2       	     200	     7845 ns/op	   9.47 MB/s	    7560 B/op	      38 allocs/op
BenchmarkServerReject/handwritten-2  	     200	      7845 ns/op	  20.27 MB/s	    7427 B/op	      30 allocs/op
PASS
ok  	github.com/oasgen/oasgen/cmd/clientgrants-fake	0.223s
pkg: github.com/oasgen/oasgen/generator
BenchmarkGenerate/ClientGrants-2     	      38	  25000000 ns/op	        15.00 files/op	 7527282 B/op	  157724 allocs/op
BenchmarkGenerate/Auth0-2            	       1	1200000000 ns/op	        15.00 files/op	677103144 B/op	13902657 allocs/op
BenchmarkGenerate/Auth0-2            	       1	1400000000 ns/op	        15.00 files/op	677103144 B/op	13902657 allocs/op
BenchmarkCLI/ClientGrants-2         	      21	  51460889 ns/op	        23.20 peak-MB	    7391 B/op	      45 allocs/op
BenchmarkCLI/Auth0-2                	       1	2636660938 ns/op	       259.4 peak-MB	   39264 B/op	      50 allocs/op
PASS
ok  	github.com/oasgen/oasgen/generator	6.202s
`

func TestParseLineMetrics(t *testing.T) {
	got, ok := parseLine("BenchmarkCLI/Auth0-2 \t 1\t2636660938 ns/op\t 259.4 peak-MB\t 39264 B/op\t 50 allocs/op")
	want := map[string]float64{"ns/op": 2636660938, "peak-MB": 259.4, "B/op": 39264, "allocs/op": 50}
	if !ok || !maps.Equal(got.metrics, want) {
		t.Errorf("metrics = %v, %v; want %v", got.metrics, ok, want)
	}
}

func TestRunCanned(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(nil, strings.NewReader(canned), &out, &errOut); code != 0 {
		t.Fatalf("exit status %d, stderr %q", code, errOut.String())
	}
	got := out.String()
	if !strings.HasPrefix(got, canned) {
		t.Fatalf("the input is not copied unchanged first; output:\n%s", got)
	}
	report := got[len(canned):]
	lines := strings.Split(report, "\n")

	// rowWith returns the one line of the report that has every field.
	rowWith := func(fields ...string) string {
		t.Helper()
		var found []string
		for _, l := range lines {
			f := strings.Fields(l)
			if containsAll(f, fields) {
				found = append(found, l)
			}
		}
		if len(found) != 1 {
			t.Fatalf("%d report lines with %q, want 1; report:\n%s", len(found), fields, report)
		}
		return found[0]
	}

	for _, tc := range []struct {
		name   string
		fields []string // fields of one table row, in any order
	}{
		{"decode vs encoding_json", []string{"DecodeList", "encoding_json", "600", "1200", "0.50×", "300", "2415"}},
		{"decode vs json_valid", []string{"DecodeList", "json_valid", "600", "300", "2.00×", "300", "0"}},
		{"encode", []string{"EncodeList", "encoding_json", "50", "100", "0.50×", "1", "2"}},
		{"server list, median of two runs", []string{"ServerList", "handwritten", "160", "100", "1.60×", "1433", "28"}},
		{"server reject", []string{"ServerReject", "handwritten", "7845", "1.00×", "38", "30"}},
	} {
		t.Run("table/"+tc.name, func(t *testing.T) { rowWith(tc.fields...) })
	}
	if strings.Contains(report, "ListPerPage50") || strings.Contains(report, "DecodeListClientGrants") {
		t.Errorf("benchmarks outside comparison groups are in the table:\n%s", report)
	}
	for _, l := range lines {
		if f := strings.Fields(l); len(f) > 0 && f[0] == "ClientList" {
			t.Errorf("ClientList has no baseline but has a table row: %q", l)
		}
	}

	// goalLines checks each goal's line: its status first, its value last.
	goalLines := func(kind string, goals []struct{ goal, status, value string }) {
		for _, tc := range goals {
			t.Run(kind+"/"+tc.goal, func(t *testing.T) {
				line := rowWithText(t, lines, tc.goal)
				if !strings.HasPrefix(line, tc.status+" ") || !strings.HasSuffix(line, " "+tc.value) {
					t.Errorf("goal line %q, want status %s and value %q", line, tc.status, tc.value)
				}
			})
		}
	}
	goalLines("goal", []struct{ goal, status, value string }{
		{"DecodeList: oasgen ≤ 1.3× json_valid time", "[NOT MET]", "2.00×"},
		{"DecodeList: ≤ 5 allocs per grant (allocs/op ÷ 100)", "[met]", "3 (300 allocs/op)"},
		{"EncodeList: oasgen ≤ 1.0× encoding_json time", "[met]", "0.50×"},
		{"EncodeList: ≤ 2 allocs/op", "[met]", "1"},
		{"ServerList: oasgen ≤ 1.5× handwritten time", "[NOT MET]", "1.60×"},
		{"ServerReject: oasgen ≤ 2× handwritten time", "[met]", "1.00×"},
		{"ClientList: oasgen ≤ 0.8× handwritten time", "[no data]", "-"},
	})
	if !strings.Contains(report, "4 met, 2 not met, 1 without data") {
		t.Errorf("summary missing or wrong:\n%s", report)
	}
	goalLines("limit", []struct{ goal, status, value string }{
		{"Generate/ClientGrants: ≤ 20 ms", "[NOT MET]", "25.0 ms"},
		{"Generate/Auth0: ≤ 1.5 s", "[met]", "1.30 s"}, // the median of 1.2 and 1.4
		{"CLI/Auth0: peak memory ≤ 300 MB", "[met]", "259 MB"},
		{"CompileAuth0: go build of the generated package ≤ 20 s", "[no data]", "-"},
	})
	if !strings.Contains(report, "2 met, 1 not met, 1 without data") {
		t.Errorf("issue 6 summary missing or wrong:\n%s", report)
	}
}

// containsAll reports whether every one of want is among fields.
func containsAll(fields, want []string) bool {
	for _, w := range want {
		found := false
		for _, f := range fields {
			if f == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func TestRunSeparatesPackagesAndProcs(t *testing.T) {
	in := `pkg: a
BenchmarkServerList/oasgen-2 10 300 ns/op
BenchmarkServerList/handwritten-2 10 100 ns/op
BenchmarkServerList/oasgen-4 10 100 ns/op
BenchmarkServerList/handwritten-4 10 100 ns/op
pkg: b
BenchmarkServerList/oasgen-2 10 50 ns/op
BenchmarkServerList/handwritten-2 10 100 ns/op
`
	var out, errOut bytes.Buffer
	if code := run(nil, strings.NewReader(in), &out, &errOut); code != 0 {
		t.Fatalf("exit status %d, stderr %q", code, errOut.String())
	}
	report := out.String()[len(in):]
	lines := strings.Split(report, "\n")
	for _, row := range [][]string{
		{"a.ServerList", "(GOMAXPROCS", "2)", "300", "100", "3.00×"},
		{"a.ServerList", "(GOMAXPROCS", "4)", "100", "100", "1.00×"},
		{"b.ServerList", "(GOMAXPROCS", "2)", "50", "100", "0.50×"},
	} {
		found := 0
		for _, l := range lines {
			if containsAll(strings.Fields(l), row) {
				found++
			}
		}
		if found != 1 {
			t.Errorf("%d rows with %q, want 1:\n%s", found, row, report)
		}
	}
	// The ServerList goal is judged in each group: 3.00× fails it, the
	// others meet it; every other goal has no data.
	if !strings.Contains(report, "2 met, 1 not met, 6 without data") {
		t.Errorf("summary missing or wrong:\n%s", report)
	}
}

// rowWithText returns the one line of lines that contains text, trimmed.
func rowWithText(t *testing.T, lines []string, text string) string {
	t.Helper()
	var found []string
	for _, l := range lines {
		if strings.Contains(l, text) {
			found = append(found, strings.TrimSpace(l))
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d lines with %q, want 1:\n%s", len(found), text, strings.Join(lines, "\n"))
	}
	return found[0]
}

func TestRunFailures(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		in   string
		code int
	}{
		{"empty input", nil, "", 1},
		{"a failed build", nil, "# github.com/oasgen/oasgen/generated/clientgrants\n./x.go:1:1: syntax error\nFAIL\n", 1},
		{"only name lines", nil, "BenchmarkDecodeList\nBenchmarkDecodeList/oasgen\n", 1},
		{"arguments", []string{"-x"}, "BenchmarkA/oasgen-2 1 1 ns/op\n", 2},
		{"a result without groups is fine", nil, "BenchmarkA-2 1 1 ns/op\n", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tc.args, strings.NewReader(tc.in), &out, &errOut)
			if code != tc.code {
				t.Fatalf("exit status %d, want %d; stdout %q, stderr %q", code, tc.code, out.String(), errOut.String())
			}
			if code != 0 && errOut.Len() == 0 {
				t.Errorf("exit status %d without a message", code)
			}
			if tc.code != 2 && !strings.HasPrefix(out.String(), tc.in) {
				t.Errorf("input not copied: %q", out.String())
			}
		})
	}
}

type failingReader struct{ data string }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, errFailingRead
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

var errFailingRead = errors.New("disk on fire")

func TestRunReadError(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run(nil, &failingReader{data: "BenchmarkA/oasgen-2 1 1 ns/op\n"}, &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "disk on fire") {
		t.Errorf("exit status %d, stderr %q; want 1 and the read error", code, errOut.String())
	}
}
