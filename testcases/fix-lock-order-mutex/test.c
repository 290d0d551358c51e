#include "kernel.h"
#include "chan.h"

/*
 * The one function taking the statistics first, with an early exit
 * between the two acquisitions: the fix takes the channel lock first
 * and releases both, in reverse order, on both exits.
 */
int stats_flush(struct chan *c)
{
	struct stats *st = c->st;

	mutex_lock(&st->lock);
	if (!st->n) {
		mutex_unlock(&st->lock);
		return 0;
	}
	mutex_lock(&c->lock);
	c->pending = st->n;
	mutex_unlock(&c->lock);
	st->n = 0;
	mutex_unlock(&st->lock);
	return 1;
}

/*
 * check-name: lockscope fix: lock-order takes the mutexes in the dominant order in the minority function; the patched tree is silent
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope fix --output-dir=$FACTS.p 2>&1 >/dev/null | sed "s#$FACTS.p/##" && sed -n '/^Subject/p; /^diff --git/,/^-- $/p' $FACTS.p/*.patch && cp -r . $FACTS.t && lockscope fix --tree=$FACTS.t --output-dir=$FACTS.p --apply 2>/dev/null && cd $FACTS.t && lockscope -I$OLDPWD/../include --no-sparse-warnings --facts-dir=$FACTS.t/f *.c && lockscope report --facts-dir=$FACTS.t/f
 * check-output-start
lockscope fix: 81972f0aeffe4952 (lock-order): wrote lock-order-81972f0aeffe4952.patch
Subject: [PATCH] test: fix lock order in stats_flush(): take c->lock before c->st->lock
diff --git a/test.c b/test.c
--- a/test.c
+++ b/test.c
@@ -10,16 +10,17 @@ int stats_flush(struct chan *c)
 {
 	struct stats *st = c->st;
 
+	mutex_lock(&c->lock);
 	mutex_lock(&st->lock);
 	if (!st->n) {
 		mutex_unlock(&st->lock);
+		mutex_unlock(&c->lock);
 		return 0;
 	}
-	mutex_lock(&c->lock);
 	c->pending = st->n;
-	mutex_unlock(&c->lock);
 	st->n = 0;
 	mutex_unlock(&st->lock);
+	mutex_unlock(&c->lock);
 	return 1;
 }
 
-- 
 * check-output-end
 */
