/*
 * A file under sound/core/: the patch's subject is in ALSA's style,
 * "ALSA: timer:", and too long with the locks in it (over 75 columns),
 * it names the function only; the body says what the patch does.  The
 * interrupt flavour goes to the file-static lock, now the outer one.
 *
 * check-name: lockscope fix: a lock-order patch under sound/core/ has an "ALSA: timer:" subject within 75 columns and says what it does
 * check-command: lockscope -I../include --no-sparse-warnings sound/core/*.c && lockscope fix --output-dir=$FACTS.p 2>&1 >/dev/null | sed "s#$FACTS.p/##" && sed -n '/^Subject/p; /is the one site/,/^$/p; /^@@/,/^-- $/p' $FACTS.p/*.patch
 * check-output-start
lockscope fix: c501a9c43283ebc4 (lock-order): wrote lock-order-c501a9c43283ebc4.patch
Subject: [PATCH] ALSA: timer: fix lock order in inst_attach_to_master_timer()
inst_attach_to_master_timer() is the one site that takes '&active_lock'
while holding '&master->lock'; 2 others take them the other way round.
Take '&active_lock' first here too, and release it after '&master->lock'
on every exit.

@@ -36,10 +36,10 @@ void inst_stop(struct inst *i)
 /* The two locks swapped, each call's flavour left where it was. */
 void inst_attach_to_master_timer(struct inst *i, struct tmr *master)
 {
-	spin_lock_irq(&master->lock);
-	spin_lock(&active_lock);
+	spin_lock_irq(&active_lock);
+	spin_lock(&master->lock);
 	i->timer = master;
 	master->n++;
-	spin_unlock(&active_lock);
-	spin_unlock_irq(&master->lock);
+	spin_unlock(&master->lock);
+	spin_unlock_irq(&active_lock);
 }
-- 
 * check-output-end
 */
