/*
 * The seed 003 reduction of ../rcu-nulls-seed003 (shared, not copied):
 * lockscope fix makes the listener buckets an hlist_nulls with a nulls
 * base of their own, converts the insertion, the removal, the walk and
 * the initialisation, and the patched tree is silent.  The port buckets,
 * a plain RCU chain of the same objects that no nulls lookup reaches,
 * stay as they are.
 */

/*
 * check-name: lockscope fix: rcu-nulls makes the plain hlist an hlist_nulls with its own nulls base; the patched tree is silent
 * check-command: cd ../rcu-nulls-seed003 && lockscope -I../include --no-sparse-warnings *.c && lockscope fix --output-dir=$FACTS.p 2>&1 >/dev/null | sed "s#$FACTS.p/##" && sed -n '/^Subject/p; /^The fix/,/^Found by/p; /^diff --git/,/^-- $/{/\/\*\|\*\//!p}' $FACTS.p/*.patch && cp -r . $FACTS.t && lockscope fix --tree=$FACTS.t --output-dir=$FACTS.p --apply 2>/dev/null && cd $FACTS.t && lockscope -I$OLDPWD/../include --no-sparse-warnings --facts-dir=$FACTS.t/f *.c && lockscope report --facts-dir=$FACTS.t/f
 * check-output-start
lockscope fix: 8379024e19048873 (rcu-nulls): wrote rcu-nulls-8379024e19048873.patch
Subject: [PATCH] tconn: fix RCU lookup race: make listen_bucket::head an hlist_nulls
The fix: 'listen_bucket::head' becomes an hlist_nulls, 'nulls_head' (its
type, and every use of the member in the files checked, with the nulls
variant of each insertion, removal and walk), whose chains end in nulls
values of their own: the bucket's index plus LISTEN_BUCKET_NULLS_BASE, a
new constant (1U << 29). The hlist_nulls chains the same objects are
linked into ('struct est_bucket::chain') conventionally end in their
slot number, far below that, so a lookup there that a reused object
carries into one of these chains ends on a foreign nulls value and
restarts instead of missing its object.

This list's own walks get no restart test: where a lookup here must not
miss an object, compare get_nulls_value() with the bucket's value and
restart.

Found by lockscope (rcu-nulls, finding 8379024e19048873); the change is made
diff --git a/conn.h b/conn.h
--- a/conn.h
+++ b/conn.h
@@ -29,9 +29,16 @@ struct est_bucket {
 	struct hlist_nulls_head chain;
 };
 
+ * The nulls values of these chains start here, above every slot number
+ * of the hlist_nulls hashes the same objects are linked into: a lookup
+ * carried from there into one of these chains ends on a value it does
+ * not expect, and restarts.
+#define LISTEN_BUCKET_NULLS_BASE	(1U << 29)
 struct listen_bucket {
 	spinlock_t lock;
-	struct hlist_head head;
+	struct hlist_nulls_head nulls_head;
 };
 
 struct conn_hashinfo {
diff --git a/hash.c b/hash.c
--- a/hash.c
+++ b/hash.c
@@ -23,7 +23,7 @@ int conn_hash(struct conn *c)
 	}
 	lb = &conn_hashinfo.lhash[c->common.port & conn_hashinfo.mask];
 	spin_lock(&lb->lock);
-	hlist_add_head_rcu(&c->common.node, &lb->head);
+	hlist_nulls_add_head_rcu(&c->common.nulls_node, &lb->nulls_head);
 	spin_unlock(&lb->lock);
 	return 0;
 }
@@ -33,7 +33,7 @@ void conn_unhash_listener(struct conn *c
 	struct listen_bucket *lb = &conn_hashinfo.lhash[c->common.port & conn_hashinfo.mask];
 
 	spin_lock(&lb->lock);
-	hlist_del_init(&c->common.node);
+	hlist_nulls_del_init_rcu(&c->common.nulls_node);
 	spin_unlock(&lb->lock);
 }
 
@@ -63,6 +63,7 @@ void conn_hashinfo_init(void)
 
 	for (i = 0; i <= conn_hashinfo.mask; i++) {
 		spin_lock_init(&conn_hashinfo.lhash[i].lock);
-		INIT_HLIST_HEAD(&conn_hashinfo.lhash[i].head);
+		INIT_HLIST_NULLS_HEAD(&conn_hashinfo.lhash[i].nulls_head,
+				      i + LISTEN_BUCKET_NULLS_BASE);
 	}
 }
diff --git a/test.c b/test.c
--- a/test.c
+++ b/test.c
@@ -22,10 +22,12 @@ begin:
 struct conn *conn_lookup_listener(int port)
 {
+	struct hlist_nulls_node *node;
 	struct listen_bucket *lb = &conn_hashinfo.lhash[port & conn_hashinfo.mask];
 	struct conn *c;
 
-	hlist_for_each_entry_rcu(c, &lb->head, common.node) {
+	hlist_nulls_for_each_entry_rcu(c, node, &lb->nulls_head,
+				       common.nulls_node) {
 		if (c->common.port == port)
 			return c;
 	}
-- 
 * check-output-end
 */
