/// A call made with a lock held reaches an acquisition of that same lock
/// (lockscope's callback-under-lock): move the call out of the critical
/// section.  By default the call is remembered in a local flag and made
/// right after the unlock that ends the section, on every path that made
/// it, so whatever the section decided under the lock still holds.  With
/// -D relock the lock is released just before the call and taken again
/// (same flavour) after it, for calls whose result the section needs.
///
/// Instantiated per finding by "lockscope fix":
///   -D func=CALLER -D callee=CALLEE -D line=CALL_LINE
///   -D lockline=LINE_OF_THE_ACQUISITION -D flag=NAME_OF_THE_LOCAL
//
// Confidence: Moderate
// Options: --no-includes --include-headers
// Keywords: lockscope, deadlock, callback-under-lock, notifier
// Requires: 1.1.1

virtual patch
virtual report
virtual relock

@initialize:python@
call_line << virtual.line;
lock_line << virtual.lockline;
@@
CALL_LINE = int(call_line)
LOCK_LINE = int(lock_line)

// The lock at the finding's line, the call at its line, and an unlock of
// the same lock expression after it.
@defer depends on patch && !relock exists@
identifier virtual.func;
identifier virtual.callee;
identifier virtual.flag;
identifier lk =~ "lock";
identifier ul =~ "unlock";
expression L;
expression list ES;
position pl : script:python() { int(pl[0].line) == LOCK_LINE };
position pc : script:python() { int(pc[0].line) == CALL_LINE };
@@
func(...) {
+ bool flag = false;
<+...
lk@pl(L, ...);
...
- callee@pc(ES);
+ flag = true;
...
ul(L, ...);
+ if (flag)
+	callee(ES);
...+>
}

@held depends on patch && relock exists@
identifier virtual.func;
identifier virtual.callee;
identifier lk =~ "lock";
expression L;
expression list LA, ES;
position pl : script:python() { int(pl[0].line) == LOCK_LINE };
position pc : script:python() { int(pc[0].line) == CALL_LINE };
@@
func(...) {
<+...
lk@pl(L, LA);
...
callee@pc(ES);
...+>
}

// spin_lock_irqsave -> spin_unlock_irqrestore, read_lock_bh -> read_unlock_bh
@script:python unlockname depends on held@
lk << held.lk;
ul;
@@
ul = lk.replace("_lock", "_unlock", 1).replace("irqsave", "irqrestore")
if ul == lk or "trylock" in lk:
	cocci.include_match(False)
coccinelle.ul = cocci.make_ident(ul)

@depends on held@
identifier virtual.func;
identifier virtual.callee;
identifier held.lk;
identifier unlockname.ul;
expression held.L;
expression list held.LA;
expression list ES;
position held.pc;
@@
func(...) {
<+...
+ ul(L, LA);
  callee@pc(ES);
+ lk(L, LA);
...+>
}

@found depends on report exists@
identifier virtual.func;
identifier virtual.callee;
identifier lk =~ "lock";
expression L;
expression list ES;
position pl : script:python() { int(pl[0].line) == LOCK_LINE };
position pc : script:python() { int(pc[0].line) == CALL_LINE };
@@
func(...) {
<+...
lk@pl(L, ...);
...
callee@pc(ES);
...+>
}

@script:python depends on report@
pc << found.pc;
callee << virtual.callee;
@@
coccilib.report.print_report(pc[0], callee + "() is called with the lock held and takes it again: make the call after the unlock")
