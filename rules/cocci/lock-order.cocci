/// Two locks taken in both orders (lockscope's lock-order, an ABBA
/// inversion): make the function that takes them in the minority order
/// take them in the dominant one.  The outer lock A (acquired at -D line
/// while B, acquired at -D heldline, is held) is taken right before B
/// instead, its release goes after every release of B reachable from
/// there, so both are released in reverse order on every exit:
///     lock(B); ... lock(A); ... unlock(A); ... unlock(B);
/// becomes
///     lock(A); lock(B); ... ... unlock(B); unlock(A);
/// The interrupt state belongs to the outermost lock: when the two
/// acquisitions differ in flavour (_irq, _irqsave, _bh), A takes B's
/// flavour and saved flags and B takes A's, and so do their releases:
///     spin_lock_irqsave(B, f); ... spin_lock(A);
/// becomes
///     spin_lock_irqsave(A, f); spin_lock(B); ...
/// Sections that are not nested (A released after B) are left alone,
/// and say so.
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

# The interrupt flavours of lock and unlock calls, longest first.
FLAVOURS = ("_irqsave", "_irqrestore", "_irq", "_bh")


def flavour(name):
	for f in FLAVOURS:
		if name.endswith(f):
			return f
	return ""


def base(name):
	return name[:len(name) - len(flavour(name))]


# The lock side's flavour as its release spells it, and back.
def as_unlock(f):
	return "_irqrestore" if f == "_irqsave" else f


# Nothing to exchange: one flavour, or releases that do not pair up.
def same_flavours(lka, lkb, ul, ulb):
	fa = flavour(lka)
	fb = flavour(lkb)
	return fa == fb or as_unlock(fa) != flavour(ul) or as_unlock(fb) != flavour(ulb)

@r depends on patch exists@
identifier virtual.func;
identifier lkb =~ "lock", lka =~ "lock";
expression A, B;
expression list EA, EB;
position pb : script:python() { int(pb[0].line) == HELD };
position pa : script:python() { int(pa[0].line) == OUTER };
@@
func(...) {
<+...
lkb@pb(B, EB);
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
expression list EV;
@@
func(...) {
<+...
lkb@pb(B, ...);
...
ulb@pv(B, EV);
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

@script:python depends on crossed@
f << virtual.func;
A << r.A;
B << r.B;
@@
print("lockscope-nofix: %s() releases '%s' after '%s': the sections are not "
      "nested, so moving the acquisition would move the release" %
      (f, "".join(A.split()), "".join(B.split())))

@script:python depends on relb && !crossed@
pu << rela.pu;
pv << relb.pv;
@@
for p in pu:
	UA.add(int(p.line))
for p in pv:
	UB.add(int(p.line))

// The names the calls take instead when the two flavours differ (the
// same names otherwise, unused).
@script:python flavoured depends on relb && !crossed@
lka << r.lka;
lkb << r.lkb;
ul << rela.ul;
ulb << relb.ulb;
nlka;
nlkb;
nul;
nulb;
@@
fa = flavour(lka)
fb = flavour(lkb)
if same_flavours(lka, lkb, ul, ulb):
	coccinelle.nlka = cocci.make_ident(lka)
	coccinelle.nlkb = cocci.make_ident(lkb)
	coccinelle.nul = cocci.make_ident(ul)
	coccinelle.nulb = cocci.make_ident(ulb)
else:
	coccinelle.nlka = cocci.make_ident(base(lka) + fb)
	coccinelle.nlkb = cocci.make_ident(base(lkb) + fa)
	coccinelle.nul = cocci.make_ident(base(ul) + as_unlock(fb))
	coccinelle.nulb = cocci.make_ident(base(ulb) + as_unlock(fa))

@depends on flavoured@
identifier virtual.func, r.lka, r.lkb, rela.ul, relb.ulb;
expression r.A, r.B;
expression list r.EA, rela.EU;
position pf : script:python(lka, lkb, ul, ulb) { same_flavours(lka, lkb, ul, ulb) };
position p1 : script:python() { int(p1[0].line) == HELD };
position p2 : script:python() { int(p2[0].line) == OUTER };
position p3 : script:python() { int(p3[0].line) in UA };
position p4 : script:python() { int(p4[0].line) in UB };
@@
func@pf(...) {
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

@depends on flavoured@
identifier virtual.func, r.lka, r.lkb, rela.ul, relb.ulb;
identifier flavoured.nlka, flavoured.nlkb, flavoured.nul, flavoured.nulb;
expression r.A, r.B;
expression list r.EA, r.EB, rela.EU, relb.EV;
position pf : script:python(lka, lkb, ul, ulb) { not same_flavours(lka, lkb, ul, ulb) };
position p1 : script:python() { int(p1[0].line) == HELD };
position p2 : script:python() { int(p2[0].line) == OUTER };
position p3 : script:python() { int(p3[0].line) in UA };
position p4 : script:python() { int(p4[0].line) in UB };
@@
func@pf(...) {
<...
(
- lkb@p1(B, EB);
+ nlka(A, EB);
+ nlkb(B, EA);
|
- lka@p2(A, EA);
|
- ul@p3(A, ...);
|
- ulb@p4(B, EV);
+ nulb(B, EU);
+ nul(A, EV);
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
