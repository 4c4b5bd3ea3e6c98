// Command benchratio compares oasgen's benchmarks with their hand-written
// baselines measured in the same `go test -bench` run, and reports the goals
// of issue 7 against them and the generator's own goals (issue 6) against
// its timings and peak memory.
//
// Usage:
//
//	go test -run '^$' -bench . -benchmem ./... | go run ./tools/benchratio
//
// It copies its input to stdout unchanged, as it arrives, and then prints
// one table row per baseline: a comparison group is a Benchmark function
// with a sub-benchmark named "oasgen" (the subject); its other
// sub-benchmarks are baselines. The ratio is oasgen's ns/op divided by the
// baseline's, so below 1 means oasgen is faster. The -N GOMAXPROCS suffix of
// a name is taken off; results of several -count runs are reduced to their
// median; groups of different packages or -cpu values are kept apart.
//
// It then prints each goal of the issue and whether it is met, not met, or
// has no data. Comparing within one run is the point: ratios of numbers
// taken on the same machine at the same time mean something where absolute
// timings do not.
//
// Exit status: 0 when the input holds benchmark results, whether or not the
// goals are met (this reports; timings are too noisy to fail a build on);
// 1 when the input cannot be read or holds no benchmark result; 2 on bad
// usage.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// subject is the sub-benchmark that measures oasgen in a comparison group.
const subject = "oasgen"

// result is one benchmark line of `go test -bench` output.
type result struct {
	pkg    string // from the last "pkg:" line; "" when none
	group  string // the Benchmark function's name without "Benchmark"
	sub    string // the sub-benchmark's name ("" for none), without -N
	procs  int    // the -N suffix; 1 when there is none
	nsOp   float64
	allocs float64 // allocs/op
	hasAll bool    // whether allocs/op was reported
	// metrics holds every metric of the line by unit, ns/op and custom
	// ones such as peak-MB included.
	metrics map[string]float64
}

// parseLine reads a benchmark result line such as
//
//	BenchmarkDecodeList/oasgen-2   200   98765 ns/op   48.0 MB/s   12 B/op   3 allocs/op
//
// whose metrics may come in any order (custom ones included). It reports
// false for any other line, and for a result without ns/op. A trailing -N is
// taken as the GOMAXPROCS suffix, as go test writes it whenever GOMAXPROCS
// is not 1; so a name that itself ends in -N, run with GOMAXPROCS 1, would
// be misread (none of this repository's benchmarks is named so).
func parseLine(line string) (result, bool) {
	fields := strings.Fields(line)
	if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") || len(fields[0]) == len("Benchmark") {
		return result{}, false
	}
	if _, err := strconv.ParseUint(fields[1], 10, 64); err != nil {
		return result{}, false
	}
	var r result
	name := strings.TrimPrefix(fields[0], "Benchmark")
	r.procs = 1
	if i := strings.LastIndexByte(name, '-'); i > 0 {
		if n, err := strconv.Atoi(name[i+1:]); err == nil && n > 0 {
			name, r.procs = name[:i], n
		}
	}
	r.group, r.sub, _ = strings.Cut(name, "/")
	if (len(fields)-2)%2 != 0 {
		return result{}, false
	}
	hasNs := false
	r.metrics = map[string]float64{}
	for i := 2; i+1 < len(fields); i += 2 {
		v, err := strconv.ParseFloat(fields[i], 64)
		if err != nil {
			return result{}, false
		}
		r.metrics[fields[i+1]] = v
		switch fields[i+1] {
		case "ns/op":
			r.nsOp, hasNs = v, true
		case "allocs/op":
			r.allocs, r.hasAll = v, true
		}
	}
	return r, hasNs
}

// groupKey tells comparison groups apart.
type groupKey struct {
	pkg, group string
	procs      int
}

// stats is the median of the runs of one sub-benchmark.
type stats struct {
	nsOp, allocs float64
	hasAllocs    bool
}

// group is the results of one Benchmark function, by sub-benchmark in the
// order they first appeared.
type group struct {
	key  groupKey
	subs []string
	runs map[string][]result
}

// stat returns the median of sub's runs and whether there are any.
func (g *group) stat(sub string) (stats, bool) {
	runs := g.runs[sub]
	if len(runs) == 0 {
		return stats{}, false
	}
	ns := make([]float64, 0, len(runs))
	var allocs []float64
	for _, r := range runs {
		ns = append(ns, r.nsOp)
		if r.hasAll {
			allocs = append(allocs, r.allocs)
		}
	}
	s := stats{nsOp: median(ns)}
	if len(allocs) > 0 {
		s.allocs, s.hasAllocs = median(allocs), true
	}
	return s, true
}

// median returns the middle value of xs (the mean of the two middle ones
// for an even count); xs is not empty.
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// collection is every result read, grouped.
type collection struct {
	count  int // benchmark result lines read
	groups []*group
	byKey  map[groupKey]*group
	procs  map[int]bool
}

func (c *collection) add(r result) {
	c.count++
	if c.byKey == nil {
		c.byKey, c.procs = map[groupKey]*group{}, map[int]bool{}
	}
	c.procs[r.procs] = true
	k := groupKey{r.pkg, r.group, r.procs}
	g := c.byKey[k]
	if g == nil {
		g = &group{key: k, runs: map[string][]result{}}
		c.byKey[k] = g
		c.groups = append(c.groups, g)
	}
	if _, seen := g.runs[r.sub]; !seen {
		g.subs = append(g.subs, r.sub)
	}
	g.runs[r.sub] = append(g.runs[r.sub], r)
}

// compared returns the comparison groups: those with an oasgen
// sub-benchmark and at least one other.
func (c *collection) compared() []*group {
	var out []*group
	for _, g := range c.groups {
		if _, ok := g.runs[subject]; ok && len(g.subs) > 1 {
			out = append(out, g)
		}
	}
	return out
}

// label names g in the report: the group, with the package when several
// packages have a group of that name, and the GOMAXPROCS when the input
// mixes several.
func (c *collection) label(g *group) string {
	s := g.key.group
	for _, o := range c.groups {
		if o.key.group == g.key.group && o.key.pkg != g.key.pkg {
			s = g.key.pkg + "." + s
			break
		}
	}
	if len(c.procs) > 1 {
		s += " (GOMAXPROCS " + strconv.Itoa(g.key.procs) + ")"
	}
	return s
}

// read copies in to out line by line while collecting the results.
func read(in io.Reader, out io.Writer) (*collection, error) {
	c := &collection{}
	br := bufio.NewReader(in)
	pkg := ""
	for {
		line, err := br.ReadString('\n')
		if line != "" {
			if _, werr := io.WriteString(out, line); werr != nil {
				return c, werr
			}
			text := strings.TrimRight(line, "\r\n")
			if p, ok := strings.CutPrefix(text, "pkg: "); ok {
				pkg = strings.TrimSpace(p)
			} else if r, ok := parseLine(text); ok {
				r.pkg = pkg
				c.add(r)
			}
		}
		if errors.Is(err, io.EOF) {
			return c, nil
		}
		if err != nil {
			return c, err
		}
	}
}

// goal is one target of issue 7 for a group's oasgen sub-benchmark: either
// its ns/op at most limit times a baseline's, or (baseline "") its
// allocs/op divided by per at most limit.
type goal struct {
	group    string
	baseline string
	per      float64
	limit    float64
	text     string
}

// goals are the targets of issue 7.
var goals = []goal{
	{group: "DecodeList", baseline: "json_valid", limit: 1.3, text: "DecodeList: oasgen ≤ 1.3× json_valid time"},
	{group: "DecodeList", per: 100, limit: 5, text: "DecodeList: ≤ 5 allocs per grant (allocs/op ÷ 100)"},
	{group: "EncodeList", baseline: "encoding_json", limit: 1.0, text: "EncodeList: oasgen ≤ 1.0× encoding_json time"},
	{group: "EncodeList", per: 1, limit: 2, text: "EncodeList: ≤ 2 allocs/op"},
	{group: "ServerList", baseline: "handwritten", limit: 1.5, text: "ServerList: oasgen ≤ 1.5× handwritten time"},
	{group: "ServerReject", baseline: "handwritten", limit: 2, text: "ServerReject: oasgen ≤ 2× handwritten time"},
	{group: "ClientList", baseline: "handwritten", limit: 0.8, text: "ClientList: oasgen ≤ 0.8× handwritten time"},
}

// limit is a goal of issue 6: the median of one metric of a benchmark at
// most max.
type limit struct {
	group, sub string // the Benchmark function without "Benchmark", and the sub-benchmark ("" for none)
	unit       string // the metric: ns/op, or a custom one such as peak-MB
	max        float64
	text       string
}

// limits are the generator's goals on a 2-core machine.
var limits = []limit{
	{group: "Generate", sub: "ClientGrants", unit: "ns/op", max: 20e6, text: "Generate/ClientGrants: ≤ 20 ms"},
	{group: "Generate", sub: "Auth0", unit: "ns/op", max: 1.5e9, text: "Generate/Auth0: ≤ 1.5 s"},
	{group: "CLI", sub: "Auth0", unit: "peak-MB", max: 300, text: "CLI/Auth0: peak memory ≤ 300 MB"},
	{group: "CompileAuth0", unit: "ns/op", max: 20e9, text: "CompileAuth0: go build of the generated package ≤ 20 s"},
}

// check evaluates lm against every group of its name (usually one).
func (c *collection) check(lm limit) []verdict {
	var out []verdict
	for _, g := range c.groups {
		if g.key.group != lm.group {
			continue
		}
		v := verdict{status: "no data", value: "-"}
		var xs []float64
		for _, r := range g.runs[lm.sub] {
			if x, ok := r.metrics[lm.unit]; ok {
				xs = append(xs, x)
			}
		}
		if len(xs) > 0 {
			x := median(xs)
			v.value = formatUnit(x, lm.unit)
			v.status = met(x <= lm.max)
		}
		if len(c.procs) > 1 || c.packages(lm.group) > 1 {
			v.where = c.label(g)
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		return []verdict{{status: "no data", value: "-"}}
	}
	return out
}

// packages counts the packages that have a Benchmark function named group.
func (c *collection) packages(group string) int {
	seen := map[string]bool{}
	for _, g := range c.groups {
		if g.key.group == group {
			seen[g.key.pkg] = true
		}
	}
	return len(seen)
}

// formatUnit writes a measurement in its unit, times in ms or s.
func formatUnit(x float64, unit string) string {
	switch {
	case strings.HasSuffix(unit, "-MB"):
		return formatNum(x) + " MB"
	case unit != "ns/op":
		return formatNum(x) + " " + unit
	case x >= 1e9:
		return strconv.FormatFloat(x/1e9, 'f', 2, 64) + " s"
	default:
		return strconv.FormatFloat(x/1e6, 'f', 1, 64) + " ms"
	}
}

// verdict is how a goal stands in one group.
type verdict struct {
	status string // "met", "NOT MET" or "no data"
	value  string // the measured ratio or allocs, "-" without data
	where  string // the group's label when the goal matched several, else ""
}

// judge evaluates gl against every group of its name (usually one).
func (c *collection) judge(gl goal) []verdict {
	var out []verdict
	var matched []*group
	for _, g := range c.groups {
		if g.key.group == gl.group {
			matched = append(matched, g)
		}
	}
	if len(matched) == 0 {
		return []verdict{{status: "no data", value: "-"}}
	}
	for _, g := range matched {
		v := verdict{status: "no data", value: "-"}
		if len(matched) > 1 {
			v.where = c.label(g)
		}
		subj, ok := g.stat(subject)
		switch {
		case !ok:
		case gl.baseline != "":
			if base, ok := g.stat(gl.baseline); ok && base.nsOp > 0 {
				ratio := subj.nsOp / base.nsOp
				v.value = fmt.Sprintf("%.2f×", ratio)
				v.status = met(ratio <= gl.limit)
			}
		case subj.hasAllocs:
			x := subj.allocs / gl.per
			v.value = formatNum(x)
			if gl.per != 1 {
				v.value += fmt.Sprintf(" (%s allocs/op)", formatNum(subj.allocs))
			}
			v.status = met(x <= gl.limit)
		}
		out = append(out, v)
	}
	return out
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT MET"
}

// formatNum writes a measurement without noise: whole numbers above 100,
// three significant digits below.
func formatNum(x float64) string {
	if x >= 100 || x == float64(int64(x)) {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'g', 3, 64)
}

// report prints the table and the goals.
func report(c *collection, out io.Writer) error {
	fmt.Fprintln(out)
	fmt.Fprintln(out, "benchratio: oasgen against its baselines, same run (ratio = oasgen ns/op ÷ baseline ns/op; below 1 = oasgen faster)")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "group\tbaseline\toasgen ns/op\tbaseline ns/op\tratio\toasgen allocs/op\tbaseline allocs/op\t")
	groups := c.compared()
	for _, g := range groups {
		subj, _ := g.stat(subject)
		for _, sub := range g.subs {
			if sub == subject {
				continue
			}
			base, _ := g.stat(sub)
			ratio := "-"
			if base.nsOp > 0 {
				ratio = fmt.Sprintf("%.2f×", subj.nsOp/base.nsOp)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", c.label(g), sub,
				formatNum(subj.nsOp), formatNum(base.nsOp), ratio, allocsText(subj), allocsText(base))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(groups) == 0 {
		fmt.Fprintln(out, "(no comparison group: no Benchmark function has an \"oasgen\" sub-benchmark beside others)")
	}

	var goals7, goals6 []judged
	for _, gl := range goals {
		for _, v := range c.judge(gl) {
			goals7 = append(goals7, judged{gl.text, v})
		}
	}
	for _, lm := range limits {
		for _, v := range c.check(lm) {
			goals6 = append(goals6, judged{lm.text, v})
		}
	}
	if err := printGoals(out, "Goals of issue 7:", goals7); err != nil {
		return err
	}
	return printGoals(out, "Goals of issue 6 (the generator, on a 2-core machine; medians):", goals6)
}

// judged is a goal's text with its verdict in one group.
type judged struct {
	text string
	verdict
}

// printGoals prints a goal a line, with its status and value, and a count
// of each status.
func printGoals(out io.Writer, title string, goals []judged) error {
	fmt.Fprintln(out)
	fmt.Fprintln(out, title)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	counts := map[string]int{}
	for _, g := range goals {
		counts[g.status]++
		text := g.text
		if g.where != "" {
			text += " [" + g.where + "]"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", "["+g.status+"]", text, g.value)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(out, "%d met, %d not met, %d without data\n", counts["met"], counts["NOT MET"], counts["no data"])
	return err
}

func allocsText(s stats) string {
	if !s.hasAllocs {
		return "-"
	}
	return formatNum(s.allocs)
}

// run is the program: it returns the exit status.
func run(args []string, in io.Reader, out, errOut io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(errOut, "usage: go test -bench ... | benchratio")
		return 2
	}
	c, err := read(in, out)
	if err != nil {
		fmt.Fprintf(errOut, "benchratio: reading the benchmark output: %v\n", err)
		return 1
	}
	if c.count == 0 {
		fmt.Fprintln(errOut, "benchratio: no benchmark results in the input")
		return 1
	}
	if err := report(c, out); err != nil {
		fmt.Fprintf(errOut, "benchratio: %v\n", err)
		return 1
	}
	return 0
}
