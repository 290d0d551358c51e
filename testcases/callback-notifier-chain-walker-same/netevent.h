/* A notifier chain of link events, and the table its listeners update. */
#ifndef TEST_NETEVENT_H
#define TEST_NETEVENT_H

#define LINK_UP		1
#define LINK_DOWN	2

struct link {
	int up;
};

extern struct atomic_notifier_head link_chain;
extern spinlock_t link_table_lock;	/* one global lock: one instance */
extern int link_table_gen;

#endif
