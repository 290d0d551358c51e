/// A node linked into a list that RCU readers walk, with the plain
/// insertion (lockscope's rcu-walked-add): a reader can see the node
/// before its contents are visible.  Use the _rcu variant of the same
/// insertion, which publishes the node only once it is initialised:
///     list_add(), list_add_tail(), hlist_add_head(), hlist_add_before(),
///     hlist_add_behind(), hlist_nulls_add_head(), sk_add_node(),
///     sk_nulls_add_node()  ->  the same name with _rcu
///
/// Instantiated per finding by "lockscope fix": -D func=F -D line=LINE
//
// Confidence: High
// Options: --no-includes --include-headers
// Keywords: lockscope, RCU, list_add_rcu, hlist_add_head_rcu
// Requires: 1.1.1

virtual patch
virtual report

@initialize:python@
add_line << virtual.line;
@@
ADD = int(add_line)

@add depends on patch@
identifier virtual.func;
identifier plain =~ "^(list_add|list_add_tail|hlist_add_head|hlist_add_before|hlist_add_behind|hlist_nulls_add_head|sk_add_node|sk_nulls_add_node)$";
position p : script:python() { int(p[0].line) == ADD };
@@
func(...) {
<+...
plain@p(...)
...+>
}

@script:python published@
plain << add.plain;
rcu;
@@
coccinelle.rcu = cocci.make_ident(plain + "_rcu")

@depends on add@
identifier virtual.func;
identifier add.plain, published.rcu;
position p : script:python() { int(p[0].line) == ADD };
@@
func(...) {
<...
- plain@p
+ rcu
  (...)
...>
}

@found depends on report@
identifier virtual.func;
identifier plain =~ "^(list_add|list_add_tail|hlist_add_head|hlist_add_before|hlist_add_behind|hlist_nulls_add_head|sk_add_node|sk_nulls_add_node)$";
position p : script:python() { int(p[0].line) == ADD };
@@
func(...) {
<+...
plain@p(...)
...+>
}

@script:python depends on report@
p << found.p;
plain << found.plain;
@@
coccilib.report.print_report(p[0], "%s() into a list RCU readers walk: use %s_rcu()" % (plain, plain))
