/// Two locks taken in both orders (lockscope's lock-order, an ABBA
/// inversion): make the function that takes them in the minority order
/// take them in the dominant one.  The outer lock A (acquired at -D line
/// while B, acquired at -D heldline, is held) is taken right before B
/// instead, its release goes after every release of B reachable from
/// there, so both are released in reverse order on every exit:
///     lock(B); ... lock(A); ... unlock(A); ... unlock(B);
/// becomes
///     lock(A); lock(B); ... ... unlock(B); unlock(A);
/// Sections that are not nested (A released after B) are left alone.
///
/// Instantiated per finding by "lockscope fix":
///   -D func=FUNCTION -D line=LINE_OF_A -D heldline=LINE_OF_B
//
// Confidence: Moderate
// Options: --no-includes --include-headers
// Keywords: lockscope, deadlock, lock-order, ABBA
// Requires: 1.1.1

virtual patch
virtual report

@initialize:python@
outer_line << virtual.line;
held_line << virtual.heldline;
@@
OUTER = int(outer_line)
HELD = int(held_line)
UA = set()
UB = set()

@r depends on patch exists@
identifier virtual.func;
identifier lkb =~ "lock", lka =~ "lock";
expression A, B;
expression list EA;
position pb : script:python() { int(pb[0].line) == HELD };
position pa : script:python() { int(pa[0].line) == OUTER };
@@
func(...) {
<+...
lkb@pb(B, ...);
...
lka@pa(A, EA);
...+>
}

@rela depends on r exists@
identifier virtual.func, r.lka;
expression r.A;
identifier ul =~ "unlock";
position r.pa;
position pu;
expression list EU;
@@
func(...) {
<+...
lka@pa(A, ...);
...
ul@pu(A, EU);
...+>
}

@relb depends on rela exists@
identifier virtual.func, r.lkb;
expression r.B;
identifier ulb =~ "unlock";
position r.pb;
position pv;
@@
func(...) {
<+...
lkb@pb(B, ...);
...
ulb@pv(B, ...);
...+>
}

// Sections that cross (A released after B) are not nested: moving A's
// release to B's would shorten A's section.  Leave those alone.
@crossed depends on relb exists@
identifier virtual.func, r.lka, rela.ul, relb.ulb;
expression r.A, r.B;
position r.pa;
@@
func(...) {
<+...
lka@pa(A, ...);
...
ulb(B, ...);
...
ul(A, ...);
...+>
}

@script:python depends on relb && !crossed@
pu << rela.pu;
pv << relb.pv;
@@
for p in pu:
	UA.add(int(p.line))
for p in pv:
	UB.add(int(p.line))

@depends on relb && !crossed@
identifier virtual.func, r.lka, r.lkb, rela.ul, relb.ulb;
expression r.A, r.B;
expression list r.EA, rela.EU;
position p1 : script:python() { int(p1[0].line) == HELD };
position p2 : script:python() { int(p2[0].line) == OUTER };
position p3 : script:python() { int(p3[0].line) in UA };
position p4 : script:python() { int(p4[0].line) in UB };
@@
func(...) {
<...
(
+ lka(A, EA);
  lkb@p1(B, ...);
|
- lka@p2(A, EA);
|
- ul@p3(A, ...);
|
  ulb@p4(B, ...);
+ ul(A, EU);
)
...>
}

@found depends on report exists@
identifier virtual.func;
identifier lka =~ "lock";
expression A;
position pa : script:python() { int(pa[0].line) == OUTER };
@@
func(...) {
<+...
lka@pa(A, ...);
...+>
}

@script:python depends on report@
pa << found.pa;
@@
coccilib.report.print_report(pa[0], "taken in the minority order: take it before the lock held here")
