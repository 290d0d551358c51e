#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Synthetic lockscope facts of kernel size and shape, for benchmarking
"lockscope report".  Deterministic for a given --seed and parameters.

  ci/gen-facts.py --out DIR [--functions N] [--edges M] [--classes K]
                  [--files F] [--seed S] [--force]

Writes one DIR/<path>.facts per synthetic translation unit, in the format
of include/lockscope/facts.h (FACTS_VERSION is read from there and must be
the one this generator writes).  The shape:

  * files of skewed size (mean N/F functions), ~60% of functions static
    ("path:name"), a few global names defined twice (next_same);
  * every function has a level; calls go from higher to lower levels, so
    the graph is a DAG apart from planted cycles: a few large strongly
    connected components (bands of thousands of functions at full size,
    tied by a ring and extra edges) and many small ones (mutual recursion
    of 2-4 functions of one file, self recursion);
  * power-law out-degree; Zipf in-degree over the global functions, the
    lowest levels being the hubs everyone calls (kfree, printk, ...);
  * ~15% of calls through struct fields ("C ... f struct T::field") with
    B bindings whose sizes follow a power law (some fields bound to
    hundreds or thousands of functions), ~1.5% unknown calls (u);
  * notifier chains as rules/callbacks.tab describes them: kernel/notifier.c
    defines the chain calls and registrars (its notifier_call_chain calls
    through struct notifier_block::notifier_call, as the real one does);
    global chain heads, some with registrar wrappers taking the block as
    a parameter; notifier blocks ("&x_nb", B with the object) registered
    by an init function of their file; chain calls on ~0.3% of calls;
  * registration calls of rules/registrations.tab with R records, expiry
    functions that call through those fields, and R records of other
    function-pointer arguments;
  * acquisitions on ~20% of functions, classes drawn from a skewed
    (Zipf) distribution over K classes (struct members, globals, file
    statics, rcu, bh, rtnl_mutex), mostly ordered by a class rank;
    instances relative to the parameters ("&$0->lock"), held locks (h)
    on the calls and acquisitions made under them, a few caller's locks
    released before a call (r) and retaken (again), args (a) "$0",
    "$1->dev", "#20", "&sym", "-", guards (g) on a few calls and
    acquisitions;
  * lifetime records (facts v6, v7; the v9 records I, Y, Z, Q, N, P
    are not generated), from a random stream of their own so that
    everything above stays as it was: ~1 field in 97 renamed to a
    teardown root of rules/teardown.tab (struct pci_driver::remove, ...)
    and ~1 in 13 to an entry point (struct net_device_ops::*, ...); on
    ~36% of functions first uses (U) of resources drawn Zipf from
    N/10 "struct T::member" names, mostly "deref"; on ~4.4% a free (a C
    to kfree, dma_pool_destroy, ... and its X); RCU list primitives (L)
    on ~3% and walks (W) on ~0.4%, as on net/ipv6 and mlx5.
"""
import argparse
import bisect
import os
import random
import re
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# The facts version whose records this generator writes (v10 added only
# values in existing records that the generator does not write).
GEN_VERSION = 10

STEMS = """net eth mlx5 ext4 xfs btrfs usb pci i2c spi gpio drm amdgpu i915 nvme
scsi ata tty serial snd hda bt iwl ath rtw mm sched irq timer blk bio crypto
aes sha kvm vfio dma iommu acpi of clk regulator power thermal hwmon input hid
media v4l2 fb nfs cifs fuse proc sysfs kernfs cgroup bpf trace perf audit
selinux tcp udp ipv6 ipv4 sctp nf br vlan bond team wg md dm raid loop zram
virtio xen hv ice ixgbe igb bnxt qed mt76 ocfs2 f2fs nilfs jbd2 quota""".split()
VERBS = """init exit probe remove open release read write get put alloc free
start stop reset setup handle process update lookup add del enable disable
submit complete flush sync map unmap config show store poll xmit recv suspend
resume notify register unregister attach detach parse fill build check
validate destroy create prepare commit abort""".split()
NOUNS = """dev queue ring ctx entry buf page req cmd port link chan node table
state stats work irq timer skb sock conn session map list hw fw reg msg event
obj info desc inode dentry file vma bus phy mac vf pf cq sq eq mr qp""".split()
MEMBERS = """dev priv queue ring ctx sk net hw parent idev bus port chan link
owner base data hdr state info""".split()
# rules/teardown.tab's roots and entry points, rules/frees.tab's frees
# (function, argument index) and some of teardown.tab's uses
TEARDOWN_ROOTS = [("struct pci_driver", "remove"), ("struct pci_driver", "shutdown"),
                  ("struct platform_driver", "remove"), ("struct usb_driver", "disconnect"),
                  ("struct auxiliary_driver", "remove"), ("struct i2c_driver", "remove")]
TEARDOWN_ENTRIES = [("struct ethtool_ops", "*"), ("struct net_device_ops", "*"),
                    ("struct device_attribute", "show"), ("struct device_attribute", "store"),
                    ("struct file_operations", "*"), ("struct timer_list", "function"),
                    ("struct work_struct", "func"), ("struct irqaction", "handler")]
FREE_CALLS = [("kfree", 0), ("kfree", 0), ("kfree", 0), ("kvfree", 0), ("vfree", 0),
              ("kmem_cache_free", 1), ("dma_pool_destroy", 0), ("free_netdev", 0)]
USE_CALLS = ["queue_work_on", "dma_pool_zalloc", "kmem_cache_zalloc", "ioread32"]
VARS = """dev q priv ctx sk hw p d c r t e b n s ad ep idev nic port""".split()
OPS_MEMBERS = """open release probe remove read write ioctl poll mmap xmit
start stop handler func callback show store get set flush""".split()
LOCK_MEMBERS = {
    "spin": ["lock", "list_lock", "stats_lock", "state_lock", "irq_lock"],
    "mutex": ["mutex", "lock", "cfg_mutex", "state_mutex", "io_mutex"],
    "rwlock": ["lock", "rwlock", "table_lock"],
    "rwsem": ["sem", "rwsem", "lock", "mmap_lock"],
    "sem": ["sem", "cmd_sem"],
    "sock": ["sk_lock"],
}
KINDS = [("spin", 0.46), ("mutex", 0.30), ("rwlock", 0.05), ("rwsem", 0.12),
         ("sem", 0.03), ("sock", 0.04)]
TOPDIRS = [("drivers", 0.56), ("fs", 0.09), ("net", 0.10), ("sound", 0.04),
           ("arch", 0.06), ("kernel", 0.04), ("mm", 0.02), ("block", 0.01),
           ("crypto", 0.02), ("lib", 0.02), ("security", 0.02),
           ("virt", 0.01), ("ipc", 0.01)]

RCU = ("rcu", "shared", False, "rcu", "rcu", "rcu", 0, -1)


def read_facts_version():
    path = os.path.join(REPO, "include", "lockscope", "facts.h")
    with open(path) as f:
        m = re.search(r"^#define\s+FACTS_VERSION\s+(\d+)", f.read(), re.M)
    if not m:
        sys.exit("gen-facts: no FACTS_VERSION in %s" % path)
    return int(m.group(1))


def rules_lines(name):
    with open(os.path.join(REPO, "rules", name)) as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if line:
                yield line


def argn(s):
    return -1 if s == "-" else int(s[3:])


def read_callbacks():
    """rules/callbacks.tab: [(call, chain arg, registrar, chain arg, block arg, field)]."""
    return [(l[0], argn(l[1]), l[2], argn(l[3]), argn(l[4]), " ".join(l[5:]))
            for l in rules_lines("callbacks.tab")]


def read_registrations():
    """rules/registrations.tab: [(function, arg, field)]."""
    return [(l[0], argn(l[1]), " ".join(l[2:])) for l in rules_lines("registrations.tab")]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--functions", type=int, default=500000)
    ap.add_argument("--edges", type=int, default=5000000)
    ap.add_argument("--classes", type=int, default=100000)
    ap.add_argument("--files", type=int, default=None,
                    help="translation units (default: functions / 40)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--force", action="store_true",
                    help="empty DIR first if it holds anything")
    args = ap.parse_args()

    t0 = time.time()
    version = read_facts_version()
    if version != GEN_VERSION:
        sys.exit("gen-facts: include/lockscope/facts.h is at version %d, this generator "
                 "writes version %d: update ci/gen-facts.py" % (version, GEN_VERSION))
    chains = read_callbacks()
    regs = read_registrations()

    N, M, K = args.functions, args.edges, args.classes
    F = args.files if args.files else max(1, N // 40)
    if N < 200 or M < 0 or K < 10 or F < 1:
        sys.exit("gen-facts: need --functions >= 200, --classes >= 10, --files >= 1")
    F = min(F, N // 4)
    scale = N / 500000.0

    if os.path.exists(args.out) and os.listdir(args.out):
        if not args.force:
            sys.exit("gen-facts: %s is not empty (use --force)" % args.out)
        shutil.rmtree(args.out)
    os.makedirs(args.out, exist_ok=True)

    rng = random.Random(args.seed)
    rnd = rng.random
    rint = rng.randrange

    # ---- files --------------------------------------------------------
    ndirs = max(1, F // 15)
    dirs = []
    for d in range(ndirs):
        top = rng.choices([t for t, _ in TOPDIRS], [w for _, w in TOPDIRS])[0]
        parts = [top] + ["%s%d" % (rng.choice(STEMS), rint(100))
                         for _ in range(1 + rint(3))]
        dirs.append("/".join(parts))
    paths = ["kernel/notifier.c", "kernel/time/callbacks.c"]
    stems_of = ["notifier", "callbacks"]
    for i in range(F):
        stem = rng.choice(STEMS)
        paths.append("%s/%s_%s%d.c" % (dirs[rint(ndirs)], stem, rng.choice(NOUNS), i))
        stems_of.append(stem)
    nfiles = len(paths)

    # ---- functions ----------------------------------------------------
    name, ffile, level, is_static, nparams = [], [], [], [], []
    file_fns = [[] for _ in range(nfiles)]
    # special functions: fixed calls (how, callee, nargs, [arg descs] or
    # None for random ones, [extra records] or None) and acquisitions
    spec_calls, spec_acqs = {}, {}

    def add_fn(n, fi, lv, st, np_, calls=None, acqs=None):
        name.append(n)
        ffile.append(fi)
        level.append(lv)
        is_static.append(st)
        nparams.append(np_)
        f = len(name) - 1
        file_fns[fi].append(f)
        if calls is not None:
            spec_calls[f] = calls
            spec_acqs[f] = acqs or []
        return f

    # kernel/notifier.c: chain calls, registrars, the loop over the blocks
    nb_field = chains[0][5] if chains else "struct notifier_block::notifier_call"
    core = "kernel/notifier.c:notifier_call_chain"
    seen = {}
    for call, carg, reg, rcarg, rbarg, field in chains:
        if call not in seen:
            seen[call] = add_fn(call, 0, 0.30 + len(seen) * 1e-6, False, 3,
                                [("d", core, 4, ["$0->head", "$1", "$2", "-"], None)], [RCU])
    registrars = {}
    for call, carg, reg, rcarg, rbarg, field in chains:
        if reg not in registrars:
            if rcarg >= 0:
                acq = ("spin", "excl", False, "struct %s_head::lock" % reg.split("_")[0],
                       "&$%d->lock" % rcarg, "&nh->lock", 0, -1)
            else:
                acq = ("mutex", "excl", False, "rtnl_mutex", "rtnl_mutex", "rtnl_mutex", 0, -1)
            registrars[reg] = (rcarg, rbarg)
            add_fn(reg, 0, 0.03 + len(registrars) * 1e-6, False, max(rcarg, rbarg) + 1, [], [acq])
    add_fn(core, 0, 0.2999, True, 4, [("f", nb_field, 3, ["$0", "$1", "$2"], None)], [])
    # kernel/time/callbacks.c: registration functions and their expiry
    seen = {}
    for fname, _, _ in regs:
        if fname not in seen:
            seen[fname] = add_fn(fname, 1, 0.04 + len(seen) * 1e-6, False, 4, [], [])
    seen = {}
    for fname, _, field in regs:
        if field not in seen:
            member = field.split("::")[1]
            seen[field] = add_fn("kernel/time/callbacks.c:run_%s_%d" % (member, len(seen)), 1,
                                 0.99 + len(seen) * 1e-6, True, 1,
                                 [("f", field, 1, ["$0"], None)], [])

    # chain heads of the registrars that take one, a few with a wrapper
    # registrar (placed in a generic file, below)
    head_regs = [r for r, (rc, _) in registrars.items() if rc >= 0]
    nheads = max(len(head_regs), N // 2500) if head_regs else 0
    nwrap = nheads * 3 // 10
    nspecial = len(name) + nwrap

    # generic files: skewed sizes, at least one function each
    rest = N - nspecial - F
    if rest < 0:
        sys.exit("gen-facts: too many files for the functions")
    weights = [min((1.0 - rnd()) ** (-1 / 1.3), 60.0) for _ in range(F)]
    counts = [1] * F
    for fi in rng.choices(range(F), weights, k=rest):
        counts[fi] += 1
    gid = 0
    for fi in range(F):
        pfi = fi + 2
        path, stem = paths[pfi], stems_of[pfi]
        for _ in range(counts[fi]):
            st = rnd() < 0.6
            n = "%s_%s_%s_%x" % (stem, rng.choice(VERBS), rng.choice(NOUNS), gid)
            if st:
                n = path + ":" + n
            np_ = rng.choices((0, 1, 2, 3, 4, 5), (8, 30, 28, 18, 10, 6))[0]
            add_fn(n, pfi, rnd(), st, np_)
            gid += 1
    heads = {r: [] for r in head_regs}		# registrar -> [(head, wrapper or None)]
    for i in range(nheads):
        reg = head_regs[i % len(head_regs)]
        rc, rb = registrars[reg]
        pfi = 2 + rint(F)
        head = "&%s_%s_chain%d" % (stems_of[pfi], rng.choice(NOUNS), i)
        wrapper = None
        if i < nwrap:
            argv = ["-"] * (max(rc, rb) + 1)
            argv[rc], argv[rb] = head, "$0"
            wrapper = "register_%s_%s_notifier%d" % (stems_of[pfi], rng.choice(NOUNS), i)
            add_fn(wrapper, pfi, 0.05 + i * 1e-6, False, 1,
                   [("d", reg, len(argv), argv, None)], [])
        heads[reg].append((head, wrapper))
    generic = [i for i in range(len(name)) if i not in spec_calls]

    # a few global names defined twice (another file, same level)
    glob = [i for i in generic if not is_static[i]]
    for _ in range(max(1, len(glob) // 1000)):
        a, b = rng.choice(glob), rng.choice(glob)
        if ffile[a] != ffile[b]:
            name[b], level[b] = name[a], level[a] + 1e-9

    # by level: generic functions, globals (the callees of direct calls)
    by_level = sorted(generic, key=level.__getitem__)
    by_level_lv = [level[i] for i in by_level]
    glob.sort(key=level.__getitem__)
    glob_lv = [level[i] for i in glob]
    G = len(glob)

    # ---- struct fields and their bindings -----------------------------
    nfields = max(20, N // 25)
    ftype, fmember, flevel = [], [], []
    for j in range(nfields):
        t = "struct %s_%s_ops_%d" % (rng.choice(STEMS), rng.choice(NOUNS), j // 4)
        if j % 4 == 0:
            mems = rng.sample(OPS_MEMBERS, 4)
        ftype.append(t)
        fmember.append(mems[j % 4])
        flevel.append(0.08 + 0.92 * rnd())
    order = sorted(range(nfields), key=flevel.__getitem__)
    ftype = [ftype[j] for j in order]
    fmember = [fmember[j] for j in order]
    flevel = [flevel[j] for j in order]
    lrng = random.Random(args.seed * 7919 + 7)	# the lifetime records' own
    lrnd = lrng.random
    for j in range(nfields):
        if j % 97 == 3:
            ftype[j], fmember[j] = lrng.choice(TEARDOWN_ROOTS)
        elif j % 13 == 5:
            ftype[j], fmember[j] = lrng.choice(TEARDOWN_ENTRIES)
            if fmember[j] == "*":
                fmember[j] = lrng.choice(OPS_MEMBERS)
    fkey = ["%s::%s" % (ftype[j], fmember[j]) for j in range(nfields)]
    fnp = [rng.choices((1, 2, 3, 4), (30, 35, 25, 10))[0] for _ in range(nfields)]
    # binding counts: a power law over a random rank, ~12% of functions bound;
    # most in an initialized global ("&obj"), some by a store ("-")
    rank = list(range(nfields))
    rng.shuffle(rank)
    zsum = sum((r + 1) ** -0.8 for r in range(nfields))
    top = 0.12 * N / zsum
    file_binds = [[] for _ in range(nfiles)]
    nbinds = 0
    for j in range(nfields):
        c = max(1, int(round(top * (rank[j] + 1) ** -0.8)))
        lo = bisect.bisect_left(by_level_lv, flevel[j] - 0.12)
        hi = bisect.bisect_left(by_level_lv, flevel[j])
        if hi <= lo:
            continue
        for k in rng.sample(range(lo, hi), min(c, hi - lo)):
            f = by_level[k]
            fi = ffile[f]
            obj = "&%s_%s_ops%d" % (stems_of[fi], fmember[j], j) if rnd() < 0.7 else "-"
            file_binds[fi].append("B\t%s\t%s\t%s\t%s" % (ftype[j], fmember[j], name[f], obj))
            nbinds += 1

    # ---- extra calls of generic functions -----------------------------
    extra = {}
    nextra = 0

    def add_call(a, call):
        nonlocal nextra
        extra.setdefault(a, []).append(call)
        nextra += 1

    def plant(a, b):
        add_call(a, ("d", name[b], nparams[b], None, None))

    # notifier blocks: a callback below the chain calls, bound in a global
    # block, registered by an init function of its file
    nbt, nbm = nb_field.split("::")
    lo = bisect.bisect_left(by_level_lv, 0.15)
    hi = bisect.bisect_left(by_level_lv, 0.2999)
    reg_names = list(registrars)
    nblocks = 0
    if chains and hi > lo:
        for k in rng.sample(range(lo, hi), min(hi - lo, max(8, N // 1000))):
            f = by_level[k]
            fi = ffile[f]
            block = "&%s_%s_nb%d" % (stems_of[fi], rng.choice(NOUNS), nblocks)
            file_binds[fi].append("B\t%s\t%s\t%s\t%s" % (nbt, nbm, name[f], block))
            nblocks += 1
            inits = [g for g in file_fns[fi] if level[g] > 0.06 and g not in spec_calls]
            init = rng.choice(inits) if inits else by_level[rint(len(by_level) // 2, len(by_level))]
            reg = rng.choice(reg_names)
            rc, rb = registrars[reg]
            if rc >= 0 and heads[reg]:
                head, wrapper = rng.choice(heads[reg])
                if wrapper and rnd() < 0.7:
                    add_call(init, ("d", wrapper, 1, [block], None))
                    continue
                argv = ["-"] * (max(rc, rb) + 1)
                argv[rc] = head
            else:
                argv = ["$0" if nparams[init] else "-"] * (rb + 1)
            argv[rb] = block
            add_call(init, ("d", reg, len(argv), argv, None))
    chain_calls = [(call, carg, [h for h, _ in heads.get(reg, [])])
                   for call, carg, reg, _, _, _ in chains]

    # planted cycles: large components (bands tied by a ring), small ones
    scc_sizes = [max(20, int(x * scale)) for x in (12000, 5000, 2500, 1200)]
    scc_rings = []
    for size in scc_sizes:
        c = 0.35 + 0.6 * rnd()
        lo, hi = bisect.bisect_left(glob_lv, c), bisect.bisect_left(glob_lv, c + size / N)
        members = glob[lo:hi]
        if len(members) < 2:
            continue
        rng.shuffle(members)
        for i, a in enumerate(members):
            plant(a, members[(i + 1) % len(members)])
            plant(a, rng.choice(members))
        scc_rings.append(len(members))
    nsmall = 0
    for _ in range(int(0.004 * N)):
        a = rng.choice(generic)
        fl = sorted((g for g in file_fns[ffile[a]] if g not in spec_calls),
                    key=level.__getitem__)
        k = fl.index(a)
        cyc = fl[k:k + rng.choice((2, 2, 2, 3, 4))]
        if len(cyc) < 2:
            continue
        for i, x in enumerate(cyc):
            plant(x, cyc[(i + 1) % len(cyc)])
        nsmall += 1
    for _ in range(int(0.002 * N)):
        a = rng.choice(generic)
        plant(a, a)

    # ---- out-degrees ----------------------------------------------------
    nspecial_calls = sum(len(c) for c in spec_calls.values())
    mrand = max(0, M - nextra - nspecial_calls)
    w = [0.0] * N
    for i in generic:
        w[i] = (1.0 - rnd()) ** (-1 / 1.8) * min(1.0, level[i] / 0.03)
    wsum = sum(w) or 1.0
    deg = [min(1500, int(x * mrand / wsum)) for x in w]
    short = mrand - sum(deg)
    if short > 0:
        for i in rng.choices(range(N), w, k=short):
            deg[i] += 1

    # ---- lock classes ---------------------------------------------------
    kfile = min(F, int(0.15 * K))
    kmain = max(4, K - kfile - 3)
    cls_name, cls_kind, cls_struct, cls_member = [], [], [], []
    kinds, kweights = [k for k, _ in KINDS], [x for _, x in KINDS]
    for c in range(kmain):
        kind = rng.choices(kinds, kweights)[0]
        mem = rng.choice(LOCK_MEMBERS[kind])
        if rnd() < 0.85 or kind == "sock":
            cls_name.append("struct %s_%s_%d::%s" % (rng.choice(STEMS), rng.choice(NOUNS), c, mem))
            cls_struct.append(True)
        else:
            cls_name.append("%s_%s_%s%d" % (rng.choice(STEMS), rng.choice(NOUNS),
                                            "mutex" if kind == "mutex" else "lock", c))
            cls_struct.append(False)
        cls_kind.append(kind)
        cls_member.append(mem)
    cls_rank = list(range(kmain))
    rng.shuffle(cls_rank)
    file_cls = {}
    for fi in rng.sample(range(2, nfiles), kfile):
        kind = rng.choices(kinds[:4], kweights[:4])[0]
        lk = "%s_%s" % (stems_of[fi], "mutex" if kind == "mutex" else "lock")
        file_cls[fi] = ("%s:%s" % (paths[fi], lk), kind, "&" + lk)

    # ---- writing ----------------------------------------------------------
    stats = dict(C=0, d=0, f=0, u=0, chain=0, reg=0, A=0, h=0, a=0, g=0, R=0, r=0,
                 acqfns=0, U=0, X=0, L=0, W=0)
    gsyms = ["%s_%s_%d" % (rng.choice(STEMS), rng.choice(NOUNS), i) for i in range(2000)]

    def random_args(nargs, npc, out):
        for i in range(nargs):
            r = rnd()
            if npc and r < 0.35:
                d = "$%d" % rint(npc)
            elif npc and r < 0.47:
                d = "$%d->%s" % (rint(npc), MEMBERS[rint(len(MEMBERS))])
            elif npc and r < 0.53:
                d = "&$%d->%s" % (rint(npc), MEMBERS[rint(len(MEMBERS))])
            elif r < 0.65:
                d = "#%d" % int(40 * rnd() ** 2)
            elif r < 0.70:
                d = "&" + gsyms[rint(len(gsyms))]
            else:
                if rnd() < 0.15:
                    out.append("a\t%d\t-" % i)
                    stats["a"] += 1
                continue
            out.append("a\t%d\t%s" % (i, d))
            stats["a"] += 1

    def guard(npc, out):
        p = rint(min(npc, 8))
        r = rnd()
        if r < 0.05:
            out.append("g\t%d\tnever\t" % p)
        else:
            vals = sorted(set(int(40 * rnd() ** 2) for _ in range(1 + rint(3))))
            out.append("g\t%d\t%s\t%s" % (p, "in" if r < 0.75 else "notin",
                                          ",".join(map(str, vals))))
        stats["g"] += 1

    def acquisition(fn, fi, held):
        """(kind, mode, try, class, inst, shown, sub, rank)"""
        npc = nparams[fn]
        r = rnd()
        if r < 0.12:
            return RCU
        if r < 0.15:
            return ("bh", "excl", False, "bh", "bh", "bh", 0, -1)
        if r < 0.16:
            return ("mutex", "excl", rnd() < 0.05, "rtnl_mutex", "rtnl_mutex", "rtnl_mutex", 0, -1)
        if r < 0.26 and fi in file_cls:
            k, kind, inst = file_cls[fi]
            return (kind, "excl", rnd() < 0.04, k, inst, inst, 0, -1)
        top_rank = max([h[7] for h in held] or [-1])
        for _ in range(4):
            c = int(kmain * rnd() ** 3)
            if cls_rank[c] > top_rank:
                break
        kind = cls_kind[c]
        mode = "shared" if kind in ("rwlock", "rwsem") and rnd() < 0.6 else "excl"
        mem = cls_member[c]
        if cls_struct[c]:
            var = VARS[rint(len(VARS))]
            r = rnd()
            if npc and r < 0.55:
                inst = "&$%d->%s" % (0 if rnd() < 0.8 else rint(npc), mem)
                shown = "&%s->%s" % (var, mem)
            elif npc and r < 0.75:
                via = MEMBERS[rint(len(MEMBERS))]
                inst = "&$0->%s->%s" % (via, mem)
                shown = "&%s->%s->%s" % (var, via, mem)
            else:
                inst, shown = "-", "&%s->%s" % (var, mem)
        else:
            inst = shown = "&" + cls_name[c]
        sub = 1 if rnd() < 0.01 else 0
        return (kind, mode, rnd() < 0.04, cls_name[c], inst, shown, sub, cls_rank[c])

    def held_records(held, out):
        for h in held[-4:]:
            out.append("h\t%s\t%s\t%d\t%s\t%s\t%s" % (h[0], h[1], h[8], h[3], h[4], h[5]))
            stats["h"] += 1

    def direct_callee(fn, statics, statics_lv):
        """A direct callee below fn: a static of the file or a global."""
        lv = level[fn]
        if rnd() < 0.35:
            k = bisect.bisect_left(statics_lv, lv)
            if k:
                return statics[rint(k)]
        below = bisect.bisect_left(glob_lv, lv)
        if not below:
            return None
        for _ in range(3):
            k = int(G * rnd() ** 3)
            if k < below:
                return glob[k]
        return glob[int(below * rnd() ** 3)]

    def calls_of(fn, fi, statics, statics_lv):
        """[(how, callee, nargs, [arg descs] or None, [extra records] or None)]"""
        out = []
        lv = level[fn]
        fns = file_fns[fi]
        for _ in range(deg[fn]):
            r = rnd()
            if r < 0.15:
                nf = bisect.bisect_left(flevel, lv)
                if nf:
                    j = rint(nf)
                    out.append(("f", fkey[j], fnp[j], None, None))
                    stats["f"] += 1
                    continue
            elif r < 0.165:
                out.append(("u", "-", rint(4), None, None))
                stats["u"] += 1
                continue
            elif r < 0.168 and lv > 0.30 and chain_calls:
                call, carg, hl = chain_calls[rint(len(chain_calls))]
                argv = ["#%d" % rint(20), "$0" if nparams[fn] else "-", "-"]
                if carg >= 0:
                    if not hl:
                        continue
                    argv.insert(carg, hl[rint(len(hl))])
                out.append(("d", call, len(argv), argv, None))
                stats["chain"] += 1
                continue
            elif r < 0.170 and lv > 0.05 and regs:
                rf, arg, _ = regs[rint(len(regs))]
                cb = fns[rint(len(fns))]
                out.append(("d", rf, max(arg + 1, 4), None,
                            ["R\t%s\t%d\t%s" % (rf, arg, name[cb])]))
                stats["reg"] += 1
                continue
            t = direct_callee(fn, statics, statics_lv)
            if t is None:
                out.append(("u", "-", rint(4), None, None))
                stats["u"] += 1
                continue
            more = None
            if rnd() < 0.005 and nparams[t]:
                cb = fns[rint(len(fns))]
                more = ["R\t%s\t%d\t%s" % (name[t], rint(nparams[t]), name[cb])]
            out.append(("d", name[t], nparams[t], None, more))
            stats["d"] += 1
        for c in extra.get(fn, ()):
            out.append(c)
            stats["d"] += 1
        rng.shuffle(out)
        return out

    # resources of the lifetime records: Zipf over N/10 names
    nres = max(50, N // 10)
    resources = ["struct %s_%s_%d::%s" % (lrng.choice(STEMS), lrng.choice(NOUNS), r,
                                          lrng.choice(MEMBERS)) for r in range(nres)]
    res_cum = []
    acc = 0.0
    for r in range(nres):
        acc += (r + 1) ** -0.9
        res_cum.append(acc)

    def resource():
        return lrng.choices(resources, cum_weights=res_cum)[0]

    def lifetime_records(fid, first, last, out):
        """U, X (with its C), L and W records of one function's lines."""
        while lrnd() < 0.36:
            how = "deref" if lrnd() < 0.98 else lrng.choice(USE_CALLS)
            out.append("U\t%d\t%d\t%d\t%s\t%s" % (
                fid, lrng.randint(first, last), 5 + lrng.randrange(30), resource(), how))
            stats["U"] += 1
        if lrnd() < 0.044:
            callee, arg = lrng.choice(FREE_CALLS)
            res = resource()
            col = 5 + lrng.randrange(30)
            out.append("C\t%d\t%d\t%d\td\t%s\t%d" % (fid, last, col, callee, arg + 1))
            out.append("a\t%d\t$0->%s" % (arg, res.split("::")[1]))
            out.append("X\t%d\t%d\t%d\t%s\t%s" % (fid, last, col, callee, res))
            stats["X"] += 1
        if lrnd() < 0.03:
            op = lrng.choice(("add", "add-rcu", "del", "del-rcu"))
            link = lrng.choice(("list", "hlist"))
            node = resource()
            if op.startswith("add"):
                head = resource()
                out.append("L\t%d\t%d\t%d\t%s\t%s\t%s\t-\t%s\t&$0->%s" % (
                    fid, last, 5, op, link, node, head, head.split("::")[1]))
            else:
                out.append("L\t%d\t%d\t%d\t%s\t%s\t%s\t-\t-\t-" % (
                    fid, last, 5, op, link, node))
            stats["L"] += 1
        if lrnd() < 0.004:
            head = resource()
            out.append("W\t%d\t%d\t%d\t%s\t%s\t&$0->%s" % (
                fid, lrng.randint(first, last), 9, lrng.choice(("list", "hlist")),
                head, head.split("::")[1]))
            stats["W"] += 1

    total_bytes = 0
    for fi in range(nfiles):
        path = paths[fi]
        fns = file_fns[fi]
        statics = sorted((f for f in fns if is_static[f] and f not in spec_calls),
                         key=level.__getitem__)
        statics_lv = [level[f] for f in statics]
        out = ["lockscope-facts\t%d" % version, "tu\t%s" % path]
        line = 1 + rint(40)
        for fid, fn in enumerate(fns, 1):
            out.append("F\t%d\t%s\t%d" % (fid, name[fn], line))
            first = line
            line += 2
            npc = nparams[fn]
            special = fn in spec_calls
            if special:
                calls, acqs = spec_calls[fn], spec_acqs[fn]
                nacq = len(acqs)
                stats["d"] += sum(1 for c in calls if c[0] == "d")
                stats["f"] += sum(1 for c in calls if c[0] == "f")
            else:
                calls = calls_of(fn, fi, statics, statics_lv)
                nacq = 0
                if rnd() < 0.2:
                    nacq = 1
                    while nacq < 6 and rnd() < 0.4:
                        nacq += 1
                    stats["acqfns"] += 1
            # events: calls with acquisitions among them
            slots = sorted(rint(len(calls) + 1) for _ in range(nacq))
            held = []		# acquisition + (line, until)
            ev = ai = ci = 0
            while ci < len(calls) or ai < nacq:
                held = [h for h in held if h[9] > ev]
                if ai < nacq and slots[ai] <= ci:
                    a = acqs[ai] if special else acquisition(fn, fi, held)
                    again = int(a[4].startswith("&$") and rnd() < 0.02)
                    out.append("A\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d" % (
                        fid, line, 5 + rint(20), a[0], a[1], "try" if a[2] else "acquire",
                        a[3], a[4], a[5], a[6], again))
                    stats["A"] += 1
                    if npc and not special and rnd() < 0.04:
                        guard(npc, out)
                    if held and rnd() < 0.6:
                        held_records(held, out)
                    life = 1
                    while rnd() < 0.75 and life < 40:
                        life += 1
                    held.append(a + (line, ev + life))
                    ai += 1
                else:
                    how, callee, nargs, argv, more = calls[ci]
                    out.append("C\t%d\t%d\t%d\t%s\t%s\t%d" % (
                        fid, line, 5 + rint(30), how, callee, nargs))
                    stats["C"] += 1
                    if argv is None:
                        random_args(nargs, npc, out)
                    else:
                        for i, d in enumerate(argv):
                            if d != "-":
                                out.append("a\t%d\t%s" % (i, d))
                                stats["a"] += 1
                    if npc and not special and rnd() < 0.03:
                        guard(npc, out)
                    if held:
                        held_records(held, out)
                    if npc and not special and rnd() < 0.01:
                        out.append("r\t&$0->%s" % rng.choice(LOCK_MEMBERS["spin"]))
                        stats["r"] += 1
                    if more:
                        out.extend(more)
                        stats["R"] += len(more)
                    ci += 1
                ev += 1
                line += 1 + rint(4)
            lifetime_records(fid, first + 1, line, out)
            line += 3 + rint(10)
        out.extend(file_binds[fi])
        out.append("end\t%d" % len(out))	# tu .. end, the header not counted
        data = "\n".join(out) + "\n"
        dest = os.path.join(args.out, path + ".facts")
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "w") as f:
            f.write(data)
        total_bytes += len(data)

    print("gen-facts: %d functions (%d static) in %d files, %d calls "
          "(%d direct, %d through fields, %d unknown, %d notifier chain calls, "
          "%d registrations; %d extra: cycles and notifier registrations), "
          "%d bindings (%d notifier blocks, %d chain heads, %d wrappers), "
          "%d acquisitions in %d functions, %d held, %d args, %d guards, %d R, %d r, "
          "%d+%d+3 classes; SCC rings %s, %d small cycles; %.1f MB in %.1f s" % (
              N, sum(is_static), nfiles, stats["C"], stats["d"], stats["f"], stats["u"],
              stats["chain"], stats["reg"], nextra, nbinds + nblocks, nblocks, nheads, nwrap,
              stats["A"], stats["acqfns"], stats["h"], stats["a"], stats["g"], stats["R"],
              stats["r"], kmain, kfile, "/".join(map(str, scc_rings)), nsmall,
              total_bytes / 1e6, time.time() - t0), file=sys.stderr)
    print("gen-facts: %d uses (U), %d frees (X), %d list primitives (L), "
          "%d list walks (W) over %d resources" % (
              stats["U"], stats["X"], stats["L"], stats["W"], nres), file=sys.stderr)


if __name__ == "__main__":
    main()
