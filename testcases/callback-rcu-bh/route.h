/* A routing table read under RCU with bottom halves off. */
#ifndef TEST_ROUTE_H
#define TEST_ROUTE_H

struct route {
	int metric;
};

int route_metric(struct route *rt);

#endif
