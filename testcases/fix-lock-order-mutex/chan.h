/* A channel and its statistics, each with a mutex: chan first, then stats. */
#ifndef TEST_CHAN_H
#define TEST_CHAN_H

struct stats {
	struct mutex lock;
	int n;
};

struct chan {
	struct mutex lock;
	struct stats *st;
	int pending;
};

int stats_flush(struct chan *c);

#endif
