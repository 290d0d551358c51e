#include "kernel.h"
#include "nbr.h"

/*
 * The node goes into the RCU-walked hash chain with plain stores; the
 * list of all entries is walked by nobody under RCU and stays as it is.
 */
void nbr_insert(struct nbr_table *t, struct nbr *n)
{
	spin_lock(&t->lock);
	hlist_add_head(&n->node, &t->head);
	list_add_tail(&n->all, &t->entries);
	spin_unlock(&t->lock);
}

/*
 * check-name: lockscope fix: rcu-walked-add makes the plain insertion into an RCU-walked list its _rcu variant; the patched tree is silent
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope fix --output-dir=$FACTS.p 2>&1 >/dev/null | sed "s#$FACTS.p/##" && sed -n '/^Subject/p; /^diff --git/,/^-- $/p' $FACTS.p/*.patch && cp -r . $FACTS.t && lockscope fix --tree=$FACTS.t --output-dir=$FACTS.p --apply 2>/dev/null && cd $FACTS.t && lockscope -I$OLDPWD/../include --no-sparse-warnings --facts-dir=$FACTS.t/f *.c && lockscope report --facts-dir=$FACTS.t/f
 * check-output-start
lockscope fix: 30794f2c26085e9e (rcu-walked-add): wrote rcu-walked-add-30794f2c26085e9e.patch
Subject: [PATCH] test: fix RCU list insertion in nbr_insert(): publish with the _rcu variant
diff --git a/test.c b/test.c
--- a/test.c
+++ b/test.c
@@ -8,7 +8,7 @@
 void nbr_insert(struct nbr_table *t, struct nbr *n)
 {
 	spin_lock(&t->lock);
-	hlist_add_head(&n->node, &t->head);
+	hlist_add_head_rcu(&n->node, &t->head);
 	list_add_tail(&n->all, &t->entries);
 	spin_unlock(&t->lock);
 }
-- 
 * check-output-end
 */
