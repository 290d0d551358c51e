#include "kernel.h"
#include "table.h"

/*
 * The minority order: the entry first (softirqs off), the table's write
 * lock inside it, left on an error path by a goto to the label that
 * releases the entry.  The fix takes the table's lock first with the
 * entry's _bh flavour, the entry's plainly, and releases the table
 * after the entry at the label, which both exits pass.
 */
int entry_update(struct table *t, struct entry *e, int state)
{
	int err = 0;

	spin_lock_bh(&e->lock);
	if (e->state < 0) {
		err = -1;
		goto out;
	}
	write_lock(&t->lock);
	if (state == t->gen) {
		write_unlock(&t->lock);
		err = -2;
		goto out;
	}
	t->gen = state;
	write_unlock(&t->lock);
	e->state = state;
out:
	spin_unlock_bh(&e->lock);
	return err;
}

/*
 * check-name: lockscope fix: lock-order through a goto error path, the _bh flavour moved from the entry's spinlock to the table's rwlock; the patched tree is silent
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope fix --output-dir=$FACTS.p 2>&1 >/dev/null | sed "s#$FACTS.p/##" && sed -n '/^Subject/p; /^diff --git/,/^-- $/p' $FACTS.p/*.patch && cp -r . $FACTS.t && lockscope fix --tree=$FACTS.t --output-dir=$FACTS.p --apply 2>/dev/null && cd $FACTS.t && lockscope -I$OLDPWD/../include --no-sparse-warnings --facts-dir=$FACTS.t/f *.c && lockscope report --facts-dir=$FACTS.t/f
 * check-output-start
lockscope fix: ec90b86d2ddbd004 (lock-order): wrote lock-order-ec90b86d2ddbd004.patch
Subject: [PATCH] test: fix lock order in entry_update(): take t->lock before e->lock
diff --git a/test.c b/test.c
--- a/test.c
+++ b/test.c
@@ -12,22 +12,21 @@ int entry_update(struct table *t, struct
 {
 	int err = 0;
 
-	spin_lock_bh(&e->lock);
+	write_lock_bh(&t->lock);
+	spin_lock(&e->lock);
 	if (e->state < 0) {
 		err = -1;
 		goto out;
 	}
-	write_lock(&t->lock);
 	if (state == t->gen) {
-		write_unlock(&t->lock);
 		err = -2;
 		goto out;
 	}
 	t->gen = state;
-	write_unlock(&t->lock);
 	e->state = state;
 out:
-	spin_unlock_bh(&e->lock);
+	spin_unlock(&e->lock);
+	write_unlock_bh(&t->lock);
 	return err;
 }
 
-- 
 * check-output-end
 */
