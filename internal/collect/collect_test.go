package collect

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// gcPercent reads the collector's GOGC setting without changing it (a
// read through SetGCPercent could undo the watcher's change).
func gcPercent() int {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return int(int64(s[0].Value.Uint64()))
}

// TestLate: the collector stays off while the live heap is small, and
// returns to the settings it had once a collection finds more than half
// the limit alive, instead of collecting without pause against the limit.
func TestLate(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	defer debug.SetGCPercent(debug.SetGCPercent(100))

	restore := Late(64 << 20)
	defer restore()
	runtime.GC()
	time.Sleep(50 * time.Millisecond) // let the finalizer run
	if p := gcPercent(); p != -1 {
		t.Fatalf("with a small live heap, GOGC = %d, want -1 (off)", p)
	}

	live := make([][]byte, 48)
	for i := range live {
		live[i] = make([]byte, 1<<20)
	}
	deadline := time.Now().Add(10 * time.Second)
	for gcPercent() != 100 {
		if time.Now().After(deadline) {
			t.Fatalf("with 48 MiB alive against a 64 MiB limit, GOGC = %d, want 100", gcPercent())
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		t.Errorf("memory limit = %d, want none", limit)
	}
	runtime.KeepAlive(live)
}

// TestLateRestore: the function Late returns puts back the settings it
// found, once: called again (as the watcher may, when the live heap grows
// after a benchmark restored the settings), it changes nothing.
func TestLateRestore(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	defer debug.SetGCPercent(debug.SetGCPercent(300))

	restore := Late(64 << 20)
	if p := gcPercent(); p != -1 {
		t.Fatalf("under Late, GOGC = %d, want -1 (off)", p)
	}
	restore()
	if p := gcPercent(); p != 300 {
		t.Errorf("after restore, GOGC = %d, want the 300 it was", p)
	}
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		t.Errorf("after restore, memory limit = %d, want none", limit)
	}
	debug.SetGCPercent(-1)
	restore()
	if p := gcPercent(); p != -1 {
		t.Errorf("a second restore set GOGC to %d", p)
	}
	debug.SetGCPercent(300)
}
