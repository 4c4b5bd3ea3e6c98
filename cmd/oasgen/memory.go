package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// collectLate sets the collector to wait for limit, a soft memory limit,
// rather than run every time the heap doubles: a run is short and its
// garbage dies with the process, so a small spec never collects and a large
// one is held near the limit. When the data that stays alive passes half
// the limit (Microsoft Graph's 20 MB spec keeps far more than that), a
// limit would make the collector run without pause, taking a two-minute
// run for a 25-second one; after the first collection that finds so much
// alive, it collects as usual instead.
func collectLate(limit int64) {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(limit)
	watchLiveHeap(limit / 2)
}

// watchLiveHeap checks the live heap after each collection, through a
// finalizer that each check arms again, and returns the collector to its
// defaults once the live heap is over threshold.
func watchLiveHeap(threshold int64) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var arm func()
	arm = func() {
		runtime.SetFinalizer(new([16]byte), func(*[16]byte) {
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > uint64(threshold) {
				debug.SetGCPercent(100)
				debug.SetMemoryLimit(math.MaxInt64)
				return
			}
			arm()
		})
	}
	arm()
}
