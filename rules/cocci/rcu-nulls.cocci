/// A plain hlist that RCU readers walk, holding objects that are reused
/// without a grace period (SLAB_TYPESAFE_BY_RCU) and are also linked into
/// an hlist_nulls (lockscope's rcu-nulls): a lookup in the nulls list can
/// follow a reused object into this chain and never notice.  Make the
/// member an hlist_nulls_head whose nulls values differ from the other
/// chains', so that the nulls lookups end on a foreign value and restart:
///     struct hlist_head M;       ->  struct hlist_nulls_head nulls_M;
///     INIT_HLIST_HEAD(&a[i].M)   ->  INIT_HLIST_NULLS_HEAD(&a[i].nulls_M, i + BASE)
///     hlist_add_head_rcu(&sk->sk_node, h)  ->  __sk_nulls_add_node_rcu(sk, h)
///     hlist_add_tail_rcu(&sk->sk_node, h)  ->  __sk_nulls_add_node_tail_rcu(sk, h)
///     sk_for_each_rcu(sk, h) / sk_for_each(sk, h)  ->  sk_nulls_... (sk, node, h)
///     hlist_empty(h)  ->  hlist_nulls_empty(h)
///     hlist_add_head_rcu(&o->N, h), hlist_for_each_entry_rcu(o, h, N), ...
///         ->  hlist_nulls_... on N's nulls twin
/// and, in the functions that handle the bucket type, the removals and
/// walks that do not name the head: __sk_del_node_init(sk) ->
/// __sk_nulls_del_node_init_rcu(sk), sk_for_each_from(sk) ->
/// sk_nulls_for_each_from(sk, node), hlist_del*(&o->N) ->
/// hlist_nulls_del*(&o->NN).  Walks get a "struct hlist_nulls_node *node"
/// cursor if the function has none.  Files other than the one defining
/// the struct need its type: run with --all-includes and -I.
///
/// Instantiated per finding by "lockscope fix": -D sname=STRUCT
/// -D member=M -D nmember=NULLS_M -D base=BASE, and for an object whose
/// node has an hlist_nulls_node twin -D pnode=N -D nnode=NN.
//
// Confidence: Moderate
// Options: --all-includes --include-headers-for-types
// Keywords: lockscope, RCU, hlist_nulls, SLAB_TYPESAFE_BY_RCU
// Requires: 1.1.1

virtual patch
virtual report

@initialize:python@
@@
WALKS = set()
HAVE = set()

// report mode: every use of the member.
@found depends on report@
identifier virtual.sname, virtual.member;
struct sname *B;
struct sname V;
position p;
@@
(
  B->member@p
|
  V.member@p
)

@script:python depends on report@
p << found.p;
@@
coccilib.report.print_report(p[0], "a plain hlist walked under RCU with SLAB_TYPESAFE_BY_RCU objects: make it an hlist_nulls")

// The functions that handle the bucket type: the removals and "from"
// walks there, which do not name the head, take objects off this chain.
@bucketfn depends on patch@
identifier virtual.sname, f;
struct sname *B;
@@
f(...) { <+... B ...+> }

// Each head gets its own nulls value: BASE + its index.
@init depends on patch@
identifier virtual.sname, virtual.member, virtual.nmember, virtual.base;
struct sname *B;
struct sname V;
expression I;
@@
(
- INIT_HLIST_HEAD(&B[I].member)
+ INIT_HLIST_NULLS_HEAD(&B[I].nmember, I + base)
|
- INIT_HLIST_HEAD(&B->member)
+ INIT_HLIST_NULLS_HEAD(&B->nmember, base)
|
- INIT_HLIST_HEAD(&V.member)
+ INIT_HLIST_NULLS_HEAD(&V.nmember, base)
)

@depends on patch@
identifier virtual.sname, virtual.member;
struct sname *B;
struct sname V;
expression S;
@@
(
- hlist_add_head_rcu(&S->sk_node,
+ __sk_nulls_add_node_rcu(S,
  \(&B->member\|&V.member\))
|
- hlist_add_tail_rcu(&S->sk_node,
+ __sk_nulls_add_node_tail_rcu(S,
  \(&B->member\|&V.member\))
|
- sk_add_node_rcu(S,
+ sk_nulls_add_node_rcu(S,
  \(&B->member\|&V.member\))
|
- hlist_empty
+ hlist_nulls_empty
  (\(&B->member\|&V.member\))
)

@depends on patch@
identifier virtual.pnode, virtual.nnode;
identifier virtual.sname, virtual.member;
struct sname *B;
struct sname V;
expression E;
@@
(
- hlist_add_head_rcu(&E.pnode,
+ hlist_nulls_add_head_rcu(&E.nnode,
  \(&B->member\|&V.member\))
|
- hlist_add_head_rcu(&E->pnode,
+ hlist_nulls_add_head_rcu(&E->nnode,
  \(&B->member\|&V.member\))
|
- hlist_add_tail_rcu(&E.pnode,
+ hlist_nulls_add_tail_rcu(&E.nnode,
  \(&B->member\|&V.member\))
|
- hlist_add_tail_rcu(&E->pnode,
+ hlist_nulls_add_tail_rcu(&E->nnode,
  \(&B->member\|&V.member\))
|
- hlist_add_head(&E.pnode,
+ hlist_nulls_add_head(&E.nnode,
  \(&B->member\|&V.member\))
|
- hlist_add_head(&E->pnode,
+ hlist_nulls_add_head(&E->nnode,
  \(&B->member\|&V.member\))
)

@depends on patch@
identifier virtual.sname, virtual.member;
struct sname *B;
struct sname V;
expression S;
symbol node;
iterator name sk_for_each_rcu, sk_nulls_for_each_rcu;
iterator name sk_for_each, sk_nulls_for_each;
statement St;
@@
(
- sk_for_each_rcu(S,
+ sk_nulls_for_each_rcu(S, node,
  \(&B->member\|&V.member\))
  St
|
- sk_for_each(S,
+ sk_nulls_for_each(S, node,
  \(&B->member\|&V.member\))
  St
)

@depends on patch@
identifier virtual.pnode, virtual.nnode;
identifier virtual.sname, virtual.member;
struct sname *B;
struct sname V;
expression P, F;
symbol node;
iterator name hlist_for_each_entry_rcu, hlist_nulls_for_each_entry_rcu;
iterator name hlist_for_each_entry, hlist_nulls_for_each_entry;
statement St;
@@
(
- hlist_for_each_entry_rcu(P,
+ hlist_nulls_for_each_entry_rcu(P, node,
  \(&B->member\|&V.member\),
- F.pnode)
+ F.nnode)
  St
|
- hlist_for_each_entry_rcu(P,
+ hlist_nulls_for_each_entry_rcu(P, node,
  \(&B->member\|&V.member\),
- pnode)
+ nnode)
  St
|
- hlist_for_each_entry(P,
+ hlist_nulls_for_each_entry(P, node,
  \(&B->member\|&V.member\),
- F.pnode)
+ F.nnode)
  St
|
- hlist_for_each_entry(P,
+ hlist_nulls_for_each_entry(P, node,
  \(&B->member\|&V.member\),
- pnode)
+ nnode)
  St
)

@depends on patch@
identifier bucketfn.f;
expression S;
@@
f(...) {
<...
(
- __sk_del_node_init(S)
+ __sk_nulls_del_node_init_rcu(S)
|
- sk_del_node_init_rcu(S)
+ sk_nulls_del_node_init_rcu(S)
)
...>
}

@depends on patch@
identifier bucketfn.f;
expression S;
symbol node;
iterator name sk_for_each_from, sk_nulls_for_each_from;
statement St;
@@
f(...) {
<...
- sk_for_each_from(S)
+ sk_nulls_for_each_from(S, node)
  St
...>
}

@depends on patch@
identifier bucketfn.f, virtual.pnode, virtual.nnode;
expression E;
@@
f(...) {
<...
(
- hlist_del_init(&E.pnode)
+ hlist_nulls_del_init_rcu(&E.nnode)
|
- hlist_del_init(&E->pnode)
+ hlist_nulls_del_init_rcu(&E->nnode)
|
- hlist_del_init_rcu(&E.pnode)
+ hlist_nulls_del_init_rcu(&E.nnode)
|
- hlist_del_init_rcu(&E->pnode)
+ hlist_nulls_del_init_rcu(&E->nnode)
|
- hlist_del_rcu(&E.pnode)
+ hlist_nulls_del_rcu(&E.nnode)
|
- hlist_del_rcu(&E->pnode)
+ hlist_nulls_del_rcu(&E->nnode)
|
- hlist_del(&E.pnode)
+ hlist_nulls_del(&E.nnode)
|
- hlist_del(&E->pnode)
+ hlist_nulls_del(&E->nnode)
)
...>
}

// The member's new name, everywhere the bucket type reaches it: the
// compiler finds any use the rules below do not convert.
@rename depends on patch@
identifier virtual.sname, virtual.member, virtual.nmember;
struct sname *B;
struct sname V;
@@
(
  B->
- member
+ nmember
|
  V.
- member
+ nmember
)

@hdr depends on patch@
identifier virtual.sname, virtual.member, virtual.nmember;
@@
struct sname {
  ...
- struct hlist_head member;
+ struct hlist_nulls_head nmember;
  ...
};

// The nulls walks' cursor, where the function has none.
@cursor depends on patch@
identifier f;
symbol node;
@@
f(...) {
  <+... struct hlist_nulls_node *node; ...+>
}

@script:python depends on cursor@
f << cursor.f;
@@
HAVE.add(f)

@walks depends on patch@
identifier f;
expression S, H, P, M;
symbol node;
statement St;
@@
f(...) {
<+...
(
  sk_nulls_for_each_rcu(S, node, H) St
|
  sk_nulls_for_each(S, node, H) St
|
  sk_nulls_for_each_from(S, node) St
|
  hlist_nulls_for_each_entry_rcu(P, node, H, M) St
|
  hlist_nulls_for_each_entry(P, node, H, M) St
)
...+>
}

@script:python depends on walks@
f << walks.f;
@@
WALKS.add(f)

@depends on patch@
identifier f : script:python() { f in WALKS and f not in HAVE };
@@
f(...) {
+ struct hlist_nulls_node *node;
  ...
}
