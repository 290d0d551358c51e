#include "kernel.h"
#include "ring.h"

/*
 * Recursive: locks p, then (after the unlock) recurses on p->next.  Its
 * summary holds &$0->lock, &$0->next->lock, &$0->next->next->lock, ...:
 * it keeps growing while the recursion is summarised.
 */
void port_renumber(struct port *p, int n)
{
	if (!n)
		return;
	spin_lock(&p->lock);
	p->seq = n;
	spin_unlock(&p->lock);
	port_renumber(p->next, n - 1);
}
