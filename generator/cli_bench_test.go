package generator_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// buildCLI builds the oasgen command into a temporary directory.
func buildCLI(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "oasgen")
	build := exec.Command("go", "build", "-o", bin, "./cmd/oasgen")
	build.Dir = ".." // the module root
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build ./cmd/oasgen: %v\n%s", err, out)
	}
	return bin
}

// timeTool measures a command's peak memory. The rusage Go gets for a
// child it started cannot: Linux folds the high-water mark of the process
// that started it into the child's (which shares that memory until it
// execs), so after the in-process benchmarks every child would seem to
// peak at the benchmark binary's own size. /usr/bin/time starts the
// command from a small process of its own.
const timeTool = "/usr/bin/time"

// measured returns cmd run under /usr/bin/time, which writes the peak
// resident set in kilobytes to the file it returns; ok is false without
// /usr/bin/time (Debian's package time), and cmd is returned as it is.
func measured(b *testing.B, cmd *exec.Cmd) (_ *exec.Cmd, stats string, ok bool) {
	if _, err := os.Stat(timeTool); err != nil {
		return cmd, "", false
	}
	stats = filepath.Join(b.TempDir(), "time")
	wrapped := exec.Command(timeTool, append([]string{"-f", "%M", "-o", stats}, cmd.Args...)...)
	wrapped.Dir, wrapped.Env = cmd.Dir, cmd.Env
	return wrapped, stats, true
}

// peakMB reads the peak /usr/bin/time wrote, in MB.
func peakMB(b *testing.B, stats string) float64 {
	data, err := os.ReadFile(stats)
	if err != nil {
		b.Fatal(err)
	}
	fields := strings.Fields(string(data))
	if len(fields) == 0 {
		b.Fatalf("%s wrote nothing to %s", timeTool, stats)
	}
	kb, err := strconv.ParseFloat(fields[len(fields)-1], 64)
	if err != nil {
		b.Fatalf("%s wrote %q: %v", timeTool, data, err)
	}
	return kb / 1024
}

// reportPeak reports peak, or says why there is none.
func reportPeak(b *testing.B, peak float64, ok bool) {
	if !ok {
		b.Logf("no peak memory: %s is absent (install the time package)", timeTool)
		return
	}
	b.ReportMetric(peak, "peak-MB")
}

// BenchmarkCLI runs the oasgen command end to end, process start and file
// writes included, on the client-grants spec and on the whole Auth0 spec,
// and reports its peak memory (peak-MB, the largest of the runs, as
// /usr/bin/time measures it).
func BenchmarkCLI(b *testing.B) {
	for _, s := range benchSpecs() {
		b.Run(s.name, func(b *testing.B) {
			args := []string{"-package", s.pkg}
			if s.name == "Auth0" {
				skipWithoutAuth0(b)
				spec, err := filepath.Abs(auth0Spec)
				if err != nil {
					b.Fatal(err)
				}
				args = append(args, "-spec", spec)
			}
			bin := buildCLI(b)
			out := filepath.Join(b.TempDir(), "out")
			var peak float64
			ok := false
			b.ResetTimer()
			for b.Loop() {
				var stats string
				cmd := exec.Command(bin, append(args, "-out", out)...)
				cmd, stats, ok = measured(b, cmd)
				if msg, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("oasgen %v: %v\n%s", args, err, tail(string(msg), 20))
				}
				if ok {
					peak = max(peak, peakMB(b, stats))
				}
			}
			reportPeak(b, peak, ok)
		})
	}
}

// BenchmarkCompileAuth0 measures `go build` of the package generated from
// the whole Auth0 spec. Each run builds it under a new module path, so the
// package itself is compiled every time while the standard library comes
// from the build cache. It reports the peak memory of the build (peak-MB).
func BenchmarkCompileAuth0(b *testing.B) { benchmarkCompileAuth0(b) }

// BenchmarkCompileAuth0Included is BenchmarkCompileAuth0 for the package a
// user who calls only the client grants and clients would generate.
func BenchmarkCompileAuth0Included(b *testing.B) {
	benchmarkCompileAuth0(b, "-include-tags", "client-grants,clients")
}

func benchmarkCompileAuth0(b *testing.B, flags ...string) {
	skipWithoutAuth0(b)
	spec, err := filepath.Abs(auth0Spec)
	if err != nil {
		b.Fatal(err)
	}
	bin := buildCLI(b)
	mod := b.TempDir()
	gen := exec.Command(bin, append([]string{"-spec", spec, "-out", filepath.Join(mod, "management"), "-package", "management"}, flags...)...)
	if msg, err := gen.CombinedOutput(); err != nil {
		b.Fatalf("oasgen on the Auth0 spec: %v\n%s", err, tail(string(msg), 20))
	}
	var peak float64
	ok := false
	n := 0
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		n++
		goMod := fmt.Sprintf("module auth0gen%d.%d\n\ngo 1.26\n", time.Now().UnixNano(), n)
		if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(goMod), 0o644); err != nil {
			b.Fatal(err)
		}
		var stats string
		build := exec.Command("go", "build", "./...")
		build.Dir = mod
		build.Env = append(os.Environ(), "GOWORK=off")
		build, stats, ok = measured(b, build)
		b.StartTimer()
		if msg, err := build.CombinedOutput(); err != nil {
			b.Fatalf("go build of the generated Auth0 package: %v\n%s", err, tail(string(msg), 20))
		}
		if ok {
			peak = max(peak, peakMB(b, stats)) // the largest process: the compiler
		}
	}
	reportPeak(b, peak, ok)
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
