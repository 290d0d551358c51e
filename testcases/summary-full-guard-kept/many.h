/* One function that reaches more locks than a summary keeps. */
#ifndef TEST_MANY_H
#define TEST_MANY_H

extern spinlock_t stats_lock;

void stats_many(int flag);
void stats_ring(int flag, int depth);
void stats_many_more(int flag);

#endif
