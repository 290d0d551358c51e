/// A callback that can still run after the driver's teardown freed what
/// it uses (lockscope's teardown-race): make the entry point refuse once
/// the device is gone.  The presence check (-D guard, from
/// rules/cocci/guards.tab by the entry point's kind) is added right after
/// the entry point takes the RTNL, the lock netif_device_detach() is
/// called under, so that the answer holds until the unlock:
///     if (!netif_device_present(dev)) { rtnl_unlock(); return -ENODEV; }
/// The device is the entry point's struct net_device local, set from its
/// argument (to_net_dev(dev) in sysfs attributes).
/// An entry point that takes no lock itself and gets the device as a
/// parameter (net_device_ops and ethtool_ops callbacks, which the core
/// calls with the RTNL held) checks first thing, after its declarations:
///     if (!netif_device_present(dev))
///             return -ENODEV;
///
/// Instantiated per finding by "lockscope fix": -D func=ENTRY -D guard=CHECK
//
// Confidence: Moderate
// Options: --no-includes --include-headers
// Keywords: lockscope, teardown, use-after-free, netif_device_present
// Requires: 1.1.1

virtual patch
virtual report

@dev@
identifier virtual.func;
identifier N;
expression E;
@@
func(...) {
... when any
struct net_device *N = E;
... when any
}

@trylocked depends on patch@
identifier virtual.func;
identifier virtual.guard;
identifier dev.N;
statement S;
@@
func(...) {
...
if (!rtnl_trylock())
	S
+ if (!guard(N)) {
+	rtnl_unlock();
+	return -ENODEV;
+ }
...
}

@locked depends on patch && !trylocked@
identifier virtual.func;
identifier virtual.guard;
identifier dev.N;
@@
func(...) {
...
rtnl_lock();
+ if (!guard(N)) {
+	rtnl_unlock();
+	return -ENODEV;
+ }
...
}

// The device as a parameter, the RTNL held by the caller.
@param depends on patch && !trylocked && !locked@
identifier virtual.func;
identifier virtual.guard;
identifier N;
statement S, other;
@@
int func(..., struct net_device *N, ...) {
... when != other
+ if (!guard(N))
+	return -ENODEV;
S
...
}

@found depends on report@
identifier virtual.func;
position p;
@@
func@p(...) { ... }

@script:python depends on report@
p << found.p;
@@
coccilib.report.print_report(p[0], "can still run after the teardown freed what it uses: check presence under the RTNL first")
