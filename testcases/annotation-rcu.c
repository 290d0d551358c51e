#include "kernel.h"

struct seq_file {
	int index;
};

/*
 * seq_file start/stop pairs annotated with the RCU token; the RCU read
 * side is entered in one function and left in the other.
 */
static void *table_seq_start(struct seq_file *seq) __acquires(RCU)
{
	rcu_read_lock();
	return seq->index ? (void *)seq : NULL;
}

static void table_seq_stop(struct seq_file *seq) __releases(RCU)
{
	seq->index = 0;
	rcu_read_unlock();
}

static void *table_seq_start_bh(struct seq_file *seq) __acquires(RCU_BH)
{
	rcu_read_lock_bh();
	return seq;
}

static void table_seq_stop_bh(struct seq_file *seq) __releases(RCU_BH)
{
	rcu_read_unlock_bh();
}

/*
 * check-name: __acquires(RCU)/__releases(RCU_BH) around the RCU read side
 */
