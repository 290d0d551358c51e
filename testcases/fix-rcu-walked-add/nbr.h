/* A neighbour table: a hash chain and a list of all entries. */
#ifndef TEST_NBR_H
#define TEST_NBR_H

struct nbr {
	struct hlist_node node;
	struct list_head all;
	int addr;
};

struct nbr_table {
	spinlock_t lock;
	struct hlist_head head;
	struct list_head entries;
};

#endif
