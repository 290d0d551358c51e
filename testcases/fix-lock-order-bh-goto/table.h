/* A table of entries: the table's rwlock nests each entry's spinlock. */
#ifndef TEST_TABLE_H
#define TEST_TABLE_H

struct entry {
	spinlock_t lock;
	int state;
};

struct table {
	rwlock_t lock;
	struct entry *e;
	int gen;
};

#endif
