#include "kernel.h"
#include "dev.h"

/*
 * The minority order, the queue lock first with interrupts saved, the
 * device lock plain inside it, and an early exit between the two.  The
 * interrupt state belongs to the outermost lock: the fix takes the
 * device lock with spin_lock_irqsave() and the saved flags, the queue
 * lock plainly, and restores the flags with the last release on each
 * exit.  Moving the device lock alone would take it with interrupts on.
 */
int rxq_drain(struct dev *d, struct rxq *q)
{
	unsigned long flags;
	int n;

	spin_lock_irqsave(&q->lock, flags);
	n = q->len;
	if (!n) {
		spin_unlock_irqrestore(&q->lock, flags);
		return 0;
	}
	spin_lock(&d->lock);
	d->drained += n;
	spin_unlock(&d->lock);
	q->len = 0;
	spin_unlock_irqrestore(&q->lock, flags);
	return n;
}

/*
 * check-name: lockscope fix: lock-order moves the interrupt flavour and the saved flags to the lock that becomes outermost; the patched tree is silent
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope fix --output-dir=$FACTS.p 2>&1 >/dev/null | sed "s#$FACTS.p/##" && sed -n '/^Subject/p; /^diff --git/,/^-- $/p' $FACTS.p/*.patch && cp -r . $FACTS.t && lockscope fix --tree=$FACTS.t --output-dir=$FACTS.p --apply 2>/dev/null && cd $FACTS.t && lockscope -I$OLDPWD/../include --no-sparse-warnings --facts-dir=$FACTS.t/f *.c && lockscope report --facts-dir=$FACTS.t/f
 * check-output-start
lockscope fix: fe69af218dd045dc (lock-order): wrote lock-order-fe69af218dd045dc.patch
Subject: [PATCH] test: fix lock order in rxq_drain(): take d->lock before q->lock
diff --git a/test.c b/test.c
--- a/test.c
+++ b/test.c
@@ -14,17 +14,18 @@ int rxq_drain(struct dev *d, struct rxq
 	unsigned long flags;
 	int n;
 
-	spin_lock_irqsave(&q->lock, flags);
+	spin_lock_irqsave(&d->lock, flags);
+	spin_lock(&q->lock);
 	n = q->len;
 	if (!n) {
-		spin_unlock_irqrestore(&q->lock, flags);
+		spin_unlock(&q->lock);
+		spin_unlock_irqrestore(&d->lock, flags);
 		return 0;
 	}
-	spin_lock(&d->lock);
 	d->drained += n;
-	spin_unlock(&d->lock);
 	q->len = 0;
-	spin_unlock_irqrestore(&q->lock, flags);
+	spin_unlock(&q->lock);
+	spin_unlock_irqrestore(&d->lock, flags);
 	return n;
 }
 
-- 
 * check-output-end
 */
