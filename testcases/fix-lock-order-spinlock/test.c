#include "kernel.h"
#include "port.h"

/*
 * The transmit path takes the queue lock first and the port lock inside
 * it, with the interrupt state saved by each: the fix takes the port
 * lock first, keeping each acquisition's own flags.
 */
int port_xmit(struct port *p, struct txq *q)
{
	unsigned long qflags, pflags;
	int sent = 0;

	spin_lock_irqsave(&q->lock, qflags);
	q->len++;
	spin_lock_irqsave(&p->lock, pflags);
	if (!p->stopped)
		sent = q->len--;
	spin_unlock_irqrestore(&p->lock, pflags);
	spin_unlock_irqrestore(&q->lock, qflags);
	return sent;
}

/*
 * check-name: lockscope fix: lock-order takes the spinlocks in the dominant order, each with its own saved flags; the patched tree is silent
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope fix --output-dir=$FACTS.p 2>&1 >/dev/null | sed "s#$FACTS.p/##" && sed -n '/^Subject/p; /^diff --git/,/^-- $/p' $FACTS.p/*.patch && cp -r . $FACTS.t && lockscope fix --tree=$FACTS.t --output-dir=$FACTS.p --apply 2>/dev/null && cd $FACTS.t && lockscope -I$OLDPWD/../include --no-sparse-warnings --facts-dir=$FACTS.t/f *.c && lockscope report --facts-dir=$FACTS.t/f
 * check-output-start
lockscope fix: 2c4146819f240d47 (lock-order): wrote lock-order-2c4146819f240d47.patch
Subject: [PATCH] test: fix lock order in port_xmit(): take p->lock before q->lock
diff --git a/test.c b/test.c
--- a/test.c
+++ b/test.c
@@ -11,13 +11,13 @@ int port_xmit(struct port *p, struct txq
 	unsigned long qflags, pflags;
 	int sent = 0;
 
+	spin_lock_irqsave(&p->lock, pflags);
 	spin_lock_irqsave(&q->lock, qflags);
 	q->len++;
-	spin_lock_irqsave(&p->lock, pflags);
 	if (!p->stopped)
 		sent = q->len--;
-	spin_unlock_irqrestore(&p->lock, pflags);
 	spin_unlock_irqrestore(&q->lock, qflags);
+	spin_unlock_irqrestore(&p->lock, pflags);
 	return sent;
 }
 
-- 
 * check-output-end
 */
