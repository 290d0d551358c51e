#include "kernel.h"
#include "card.h"
#include "conn.h"

/*
 * Findings of lock-order, on a thread of its own beside the summaries, and
 * of rcu-nulls, callback-under-lock and wait-under-lock, steps in turn on
 * another (the last two read summaries as they are published): the same
 * report on one thread and on three, in the same order.
 */
int card_cmd_thread(void *data)
{
	struct card *card = data;

	while (!kthread_should_stop()) {
		down(&card->cmd_sem);
		down(&card->fw_sem);
		card->state = 1;
		up(&card->fw_sem);
		up(&card->cmd_sem);
	}
	return 0;
}

void card_event(struct card *card)
{
	spin_lock(&card->stats_lock);
	if (++card->events > 64)
		card_stats_flush(card);
	spin_unlock(&card->stats_lock);
}

struct conn *conn_lookup_established(int port)
{
	unsigned int slot = port & conn_hashinfo.mask;
	struct est_bucket *b = &conn_hashinfo.ehash[slot];
	struct hlist_nulls_node *node;
	struct conn *c;

begin:
	hlist_nulls_for_each_entry_rcu(c, node, &b->chain, common.nulls_node) {
		if (c->common.port == port)
			return c;
	}
	if (get_nulls_value(node) != slot)
		goto begin;
	return NULL;
}

struct conn *conn_lookup_listener(int port)
{
	struct listen_bucket *lb = &conn_hashinfo.lhash[port & conn_hashinfo.mask];
	struct conn *c;

	hlist_for_each_entry_rcu(c, &lb->head, common.node) {
		if (c->common.port == port)
			return c;
	}
	return NULL;
}

/*
 * check-name: report: the same findings, in the same order, on one thread and on three
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope report --jobs=1 --output=$FACTS.one && lockscope report --jobs=2 --output=$FACTS.three && cmp $FACTS.one $FACTS.three && cat $FACTS.three >&2
 * check-error-start
hash.c:26:9: warning: struct conn objects are reused without an RCU grace period and are linked both into the hlist_nulls 'struct est_bucket::chain' and into the plain hlist 'struct listen_bucket::head', each walked under RCU: a lookup can follow a reused object into another chain without noticing; 'struct listen_bucket::head' must be an hlist_nulls with its own nulls values, and lookups must re-check and restart [lockscope/rcu-nulls]
proto.c:9: note: struct conn objects come from a SLAB_TYPESAFE_BY_RCU cache (&tconn_prot)
hash.c:26:9: note: conn_hash() links it into the plain hlist '&conn_hashinfo.lhash[*].head' (struct listen_bucket::head) here
hash.c:21:17: note: conn_hash() calls ehash_insert()
hash.c:11:9: note: ehash_insert() links it into the hlist_nulls '&conn_hashinfo.ehash[*].chain' (struct est_bucket::chain) here
test.c:55:9: note: conn_lookup_listener() walks '&conn_hashinfo.lhash[*].head' under RCU here: a plain chain, no restart
test.c:41:9: note: conn_lookup_established() walks '&conn_hashinfo.ehash[*].chain' under RCU here: a reused object can carry it into 'struct listen_bucket::head'
test.c:17:17: warning: possible circular locking dependency: 'struct card::cmd_sem' -> 'struct card::fw_sem' -> 'struct card::cmd_sem' [lockscope/lock-order]
test.c:16: note: card_cmd_thread() holds '&data->cmd_sem' (struct card::cmd_sem) from here
test.c:17:17: note: ... and acquires '&data->fw_sem' (struct card::fw_sem) here
fw.c:10: note: card_fw_thread() holds '&data->fw_sem' (struct card::fw_sem) from here
fw.c:11:17: note: ... and acquires '&data->cmd_sem' (struct card::cmd_sem) here
test.c:16: note: scenario: CPU0: lock(&data->cmd_sem) in card_cmd_thread()
fw.c:10: note: scenario: CPU1: lock(&data->fw_sem) in card_fw_thread()
test.c:17: note: scenario: CPU0: lock(&data->fw_sem) waits for CPU1: deadlock
fw.c:11: note: scenario: CPU1: lock(&data->cmd_sem) waits for CPU0: deadlock
test.c:29:17: error: card_stats_flush() is called with '&card->stats_lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:27: note: '&card->stats_lock' (struct card::stats_lock) acquired here
test.c:29:17: note: card_event() calls card_stats_flush()
fw.c:21:9: note: card_stats_flush() acquires '&card->stats_lock' here
work.c:32:9: warning: nic_quiesce() is called with '&n->lock' held and waits for the work '&n->restart_work', whose callback nic_restart() acquires 'struct nic::lock': deadlock [lockscope/wait-under-lock]
work.c:31: note: '&n->lock' (struct nic::lock) acquired here
work.c:32:9: note: nic_suspend() calls nic_quiesce()
work.c:26:9: note: nic_quiesce() waits for '&n->restart_work' ((work) struct nic::restart_work) here
work.c:21: note: nic_restart() is bound to 'struct nic::restart_work' here: it runs as its work callback
work.c:14:9: note: nic_restart() acquires '&container_of(work, -8)->lock' here
work.c:31: note: scenario: CPU0: lock(&n->lock) in nic_suspend()
work.c:21: note: scenario: CPU1: nic_restart() starts, lock(struct nic::lock) waits for CPU0
work.c:32: note: scenario: CPU0: waits for nic_restart() on CPU1 to finish: deadlock
 * check-error-end
 */
