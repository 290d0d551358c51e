#include "kernel.h"

struct metrics { int mtu; };
static struct metrics default_metrics;

/* Only a route that comes with metrics attributes allocates its own. */
struct metrics *metrics_init(void *attrs, int len)
{
	struct metrics *m;

	if (!attrs)
		return &default_metrics;
	m = kmalloc(sizeof(*m), GFP_KERNEL);
	if (m)
		m->mtu = len;
	return m;
}
