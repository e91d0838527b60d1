// The memory test reads the process's managed heap, so no other test of this assembly may allocate beside it:
// the stress and load tests would add their own working sets (measured: +42 MB beside the service test, +86 MB
// with the stress test too).

[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
