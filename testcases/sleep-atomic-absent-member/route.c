#include "kernel.h"

struct metrics;
struct metrics *metrics_init(void *attrs, int len);

struct route_cfg {
	int table;
	void *mx;
	int mx_len;
};

struct route {
	int table;
	struct metrics *metrics;
};

static struct route *route_create(struct route_cfg *cfg, unsigned int gfp)
{
	struct route *rt = kmalloc(sizeof(*rt), gfp);

	if (!rt)
		return 0;
	rt->table = cfg->table;
	rt->metrics = metrics_init(cfg->mx, cfg->mx_len);
	return rt;
}

/* A local route: its configuration has no metrics attributes. */
struct route *local_route_alloc(int table, unsigned int gfp)
{
	struct route_cfg cfg = { .table = table };

	return route_create(&cfg, gfp);
}
