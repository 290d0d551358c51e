/* Seed 003's shapes: connections from a SLAB_TYPESAFE_BY_RCU cache. */
#ifndef TEST_CONN_H
#define TEST_CONN_H

#define CONN_LISTEN	10

struct conn_common {
	union {
		struct hlist_node node;			/* listener, port hashes */
		struct hlist_nulls_node nulls_node;	/* established hash */
	};
	int state;
	int port;
};

/* The first member is the object: a tconn is a conn is a conn_common. */
struct conn {
	struct conn_common common;
	int refcnt;
};

struct tconn {
	struct conn c;
	int window;
};

struct est_bucket {
	spinlock_t lock;
	struct hlist_nulls_head chain;
};

struct listen_bucket {
	spinlock_t lock;
	struct hlist_head head;
};

struct conn_hashinfo {
	struct est_bucket *ehash;
	struct listen_bucket *lhash;
	unsigned int mask;
};

extern struct conn_hashinfo conn_hashinfo;

int conn_hash(struct conn *c);

#endif
