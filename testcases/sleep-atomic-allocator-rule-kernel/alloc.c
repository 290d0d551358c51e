#include "kernel.h"

void schedule_timeout_uninterruptible(long timeout);

/*
 * The page allocator, as the walk sees it: its reclaim path sleeps,
 * behind a test of the mask the walk does not follow.  rules/sleeps.tab
 * says when it sleeps: when its GFP flags allow direct reclaim.
 */
void *__alloc_pages(unsigned int gfp, unsigned int order)
{
	if (order > 10)
		schedule_timeout_uninterruptible(1);
	return 0;
}
