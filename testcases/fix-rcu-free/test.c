#include "kernel.h"
#include "cfg.h"

/* The old configuration is queued for freeing while still published. */
void port_set_cfg(struct port *p, struct cfg *new)
{
	struct cfg *old = rcu_dereference_protected(p->cfg, 1);

	kfree_rcu(old, rcu);
	rcu_assign_pointer(p->cfg, new);
}

/* The grace period starts before the filter leaves the list. */
void filter_remove(struct filter *f)
{
	kfree_rcu(f, rcu);
	list_del_rcu(&f->list);
}

/* Unlinked, then freed at once: the filter has an rcu_head. */
void filter_flush_one(struct filter *f)
{
	list_del_rcu(&f->list);
	kfree(f);
}

/* The same for a route, which has no rcu_head: wait for the readers. */
void route_delete(struct route *rt)
{
	hlist_del_rcu(&rt->node);
	kfree(rt);
}

/*
 * check-name: lockscope fix: rcu-free moves the unpublish before kfree_rcu(), makes kfree() kfree_rcu() or waits with synchronize_rcu(); the patched file is silent
 * check-command: lockscope -I../include --no-sparse-warnings *.c 2>$FACTS.w; lockscope fix --local=$FACTS.w --output-dir=$FACTS.p 2>&1 >/dev/null | sed "s#$FACTS.p/##" && sed -n '/^Subject/p; /^diff --git/,/^-- $/{/\/\*\|\*\//!p}' $FACTS.p/*.patch && cp -r . $FACTS.t && lockscope fix --local=$FACTS.w --tree=$FACTS.t --output-dir=$FACTS.p --apply 2>/dev/null && cd $FACTS.t && lockscope -I$OLDPWD/../include --no-sparse-warnings --facts-dir=$FACTS.t/f *.c
 * check-output-start
lockscope fix: ffa4d08a3f516ab8 (rcu-free): wrote rcu-free-ffa4d08a3f516ab8.patch
lockscope fix: 6050e76cb5d82a55 (rcu-free): wrote rcu-free-6050e76cb5d82a55.patch
lockscope fix: 96afdb869711e901 (rcu-free): wrote rcu-free-96afdb869711e901.patch
lockscope fix: 1deb1c553a5a6c94 (rcu-free): wrote rcu-free-1deb1c553a5a6c94.patch
Subject: [PATCH] test: fix use after free in route_delete(): free after an RCU grace period
diff --git a/test.c b/test.c
--- a/test.c
+++ b/test.c
@@ -28,6 +28,7 @@ void filter_flush_one(struct filter *f)
 void route_delete(struct route *rt)
 {
 	hlist_del_rcu(&rt->node);
+	synchronize_rcu();
 	kfree(rt);
 }
 
-- 
Subject: [PATCH] test: fix use after free in filter_remove(): unpublish before kfree_rcu()
diff --git a/test.c b/test.c
--- a/test.c
+++ b/test.c
@@ -13,8 +13,8 @@ void port_set_cfg(struct port *p, struct
 void filter_remove(struct filter *f)
 {
-	kfree_rcu(f, rcu);
 	list_del_rcu(&f->list);
+	kfree_rcu(f, rcu);
 }
 
-- 
Subject: [PATCH] test: fix use after free in filter_flush_one(): free after an RCU grace period
diff --git a/test.c b/test.c
--- a/test.c
+++ b/test.c
@@ -21,7 +21,7 @@ void filter_remove(struct filter *f)
 void filter_flush_one(struct filter *f)
 {
 	list_del_rcu(&f->list);
-	kfree(f);
+	kfree_rcu(f, rcu);
 }
 
-- 
Subject: [PATCH] test: fix use after free in port_set_cfg(): unpublish before kfree_rcu()
diff --git a/test.c b/test.c
--- a/test.c
+++ b/test.c
@@ -6,8 +6,8 @@ void port_set_cfg(struct port *p, struct
 {
 	struct cfg *old = rcu_dereference_protected(p->cfg, 1);
 
-	kfree_rcu(old, rcu);
 	rcu_assign_pointer(p->cfg, new);
+	kfree_rcu(old, rcu);
 }
 
-- 
 * check-output-end
 */
