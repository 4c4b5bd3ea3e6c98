package generator_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
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

// peakMB is the largest resident set of a finished command and the
// processes it waited for, in MB.
func peakMB(cmd *exec.Cmd) float64 {
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return float64(ru.Maxrss) / 1024 // kilobytes on Linux
	}
	return 0
}

// BenchmarkCLI runs the oasgen command end to end, process start and file
// writes included, on the client-grants spec and on the whole Auth0 spec,
// and reports its peak memory (peak-MB, the largest of the runs).
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
			b.ResetTimer()
			for b.Loop() {
				cmd := exec.Command(bin, append(args, "-out", out)...)
				if msg, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("oasgen %v: %v\n%s", args, err, tail(string(msg), 20))
				}
				peak = max(peak, peakMB(cmd))
			}
			b.ReportMetric(peak, "peak-MB")
		})
	}
}

// BenchmarkCompileAuth0 measures `go build` of the package generated from
// the whole Auth0 spec. Each run builds it under a new module path, so the
// package itself is compiled every time while the standard library comes
// from the build cache. It reports the peak memory of the build (peak-MB).
func BenchmarkCompileAuth0(b *testing.B) {
	skipWithoutAuth0(b)
	spec, err := filepath.Abs(auth0Spec)
	if err != nil {
		b.Fatal(err)
	}
	bin := buildCLI(b)
	mod := b.TempDir()
	gen := exec.Command(bin, "-spec", spec, "-out", filepath.Join(mod, "management"), "-package", "management")
	if msg, err := gen.CombinedOutput(); err != nil {
		b.Fatalf("oasgen on the Auth0 spec: %v\n%s", err, tail(string(msg), 20))
	}
	var peak float64
	n := 0
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		n++
		goMod := fmt.Sprintf("module auth0gen%d.%d\n\ngo 1.26\n", time.Now().UnixNano(), n)
		if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(goMod), 0o644); err != nil {
			b.Fatal(err)
		}
		build := exec.Command("go", "build", "./...")
		build.Dir = mod
		build.Env = append(os.Environ(), "GOWORK=off")
		b.StartTimer()
		if msg, err := build.CombinedOutput(); err != nil {
			b.Fatalf("go build of the generated Auth0 package: %v\n%s", err, tail(string(msg), 20))
		}
		peak = max(peak, peakMB(build))
	}
	b.ReportMetric(peak, "peak-MB")
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
