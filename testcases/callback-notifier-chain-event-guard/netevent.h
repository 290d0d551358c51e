/* A notifier chain of link events, and the table its listener updates. */
#ifndef TEST_NETEVENT_H
#define TEST_NETEVENT_H

#define LINK_UP		1
#define LINK_DOWN	2

struct link {
	int up;
};

extern struct atomic_notifier_head link_chain;
extern spinlock_t link_table_lock;
extern int link_table_gen;

#endif
