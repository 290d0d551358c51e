/// An object RCU readers can reach, freed in the wrong order (lockscope's
/// rcu-free).  Three changes, chosen per finding with -D mode:
///  - move: the object is handed to kfree_rcu()/call_rcu() before it is
///    unpublished; the unpublish (rcu_assign_pointer(), RCU_INIT_POINTER(),
///    a store to the __rcu pointer, list_del_rcu(), hlist_del_rcu() at
///    -D unline) moves right before the free, so that the grace period
///    starts once no new reader can find the object;
///  - kfree_rcu: kfree() right after the unpublish, and the object's
///    type has an rcu_head (-D head): free it after a grace period with
///    kfree_rcu(obj, head) (kvfree() likewise with kvfree_rcu());
///  - sync: the same without an rcu_head: wait for the readers with
///    synchronize_rcu() before the kfree() (the function must be able
///    to sleep; the build and a re-check tell if the result is wrong).
///
/// Instantiated per finding by "lockscope fix":
///   -D func=FUNCTION -D line=LINE_OF_THE_FREE -D mode=MODE
///   -D unline=LINE_OF_THE_UNPUBLISH -D head=RCU_HEAD_MEMBER
//
// Confidence: Moderate
// Options: --no-includes --include-headers
// Keywords: lockscope, RCU, use-after-free, kfree_rcu, synchronize_rcu
// Requires: 1.1.1

virtual patch
virtual report
virtual move
virtual kfree_rcu
virtual sync

@initialize:python@
free_line << virtual.line;
unpublish_line << virtual.unline;
@@
FREE = int(free_line)
UNPUBLISH = int(unpublish_line)

// The unpublish statement, so that it can be written again elsewhere.
@unpub depends on patch && move exists@
identifier virtual.func;
expression U;
position pu : script:python() { int(pu[0].line) == UNPUBLISH };
@@
func(...) {
<+...
U@pu;
...+>
}

// The free as written, to tell whether it reads what the unpublish clears.
@freed depends on unpub exists@
identifier virtual.func;
expression F;
position pf : script:python() { int(pf[0].line) == FREE };
@@
func(...) {
<+...
F@pf;
...+>
}

// kfree_rcu(rcu_dereference_protected(p->x, ...), rcu); p->x = NULL;
// cannot be swapped: the free would get NULL.  Leave those alone.
@script:python reads@
u << unpub.U;
f << freed.F;
@@
import re
m = re.match(r"\s*(?:rcu_assign_pointer|RCU_INIT_POINTER)\s*\(\s*([^,]+),", u)
target = m.group(1).strip() if m else None
if not target and "=" in u and "==" not in u:
	target = u.split("=")[0].strip()
if target and target in f:
	cocci.include_match(False)

@depends on unpub && reads@
identifier virtual.func;
expression unpub.U, freed.F;
position pf : script:python() { int(pf[0].line) == FREE };
position pu : script:python() { int(pu[0].line) == UNPUBLISH };
@@
func(...) {
<...
(
+ U;
  F@pf;
|
- U@pu;
)
...>
}

@depends on patch && kfree_rcu@
identifier virtual.func, virtual.head;
expression E;
position pf : script:python() { int(pf[0].line) == FREE };
@@
func(...) {
<...
(
- kfree@pf(E);
+ kfree_rcu(E, head);
|
- kvfree@pf(E);
+ kvfree_rcu(E, head);
)
...>
}

@depends on patch && sync@
identifier virtual.func;
identifier fr =~ "^kv?free$";
position pf : script:python() { int(pf[0].line) == FREE };
@@
func(...) {
<...
+ synchronize_rcu();
  fr@pf(...);
...>
}

@found depends on report exists@
identifier virtual.func;
identifier fr;
position pf : script:python() { int(pf[0].line) == FREE };
@@
func(...) {
<+...
fr@pf(...)
...+>
}

@script:python depends on report@
pf << found.pf;
@@
coccilib.report.print_report(pf[0], "freed while RCU readers can still find it: unpublish first, then free after a grace period")
