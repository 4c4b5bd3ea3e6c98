// Package collect sets the garbage collector for a short run of the
// generator, whose garbage dies with the process: the oasgen command runs
// under it, and so do the benchmarks that measure a run.
package collect

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// Limit is the soft memory limit the oasgen command runs under: the whole
// Auth0 spec peaks at about 250 MB.
const Limit = 240 << 20

// Late makes the collector wait for limit, a soft memory limit, rather
// than run every time the heap doubles: a small spec never collects and a
// large one is held near the limit. When the data that stays alive passes
// half the limit (Microsoft Graph's 20 MB spec keeps far more than that), a
// limit would make the collector run without pause, taking a two-minute run
// for a 25-second one; after the first collection that finds so much
// alive, the collector goes back to the settings Late found. The returned
// function puts those settings back at once.
func Late(limit int64) (restore func()) {
	percent := debug.SetGCPercent(-1)
	previous := debug.SetMemoryLimit(limit)
	var restored atomic.Bool
	restore = func() {
		if restored.CompareAndSwap(false, true) {
			debug.SetGCPercent(percent)
			debug.SetMemoryLimit(previous)
		}
	}
	watchLiveHeap(limit/2, restore, &restored)
	return restore
}

// watchLiveHeap checks the live heap after each collection, through a
// finalizer that each check arms again, and calls restore once the live
// heap is over threshold; it stops once restored is set.
func watchLiveHeap(threshold int64, restore func(), restored *atomic.Bool) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var arm func()
	arm = func() {
		runtime.SetFinalizer(new([16]byte), func(*[16]byte) {
			if restored.Load() {
				return
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > uint64(threshold) {
				restore()
				return
			}
			arm()
		})
	}
	arm()
}
