/* A hash table guarded by an rwlock. */
#ifndef TEST_TABLE_H
#define TEST_TABLE_H

struct table {
	rwlock_t lock;
	int nentries;
	int hits;
};

int table_count(struct table *t);

#endif
