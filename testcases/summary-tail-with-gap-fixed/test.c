#include "kernel.h"

/*
 * relay() takes g05 itself, then reaches grab_all()'s twenty locks: its
 * summary ends with grab_all()'s entries but g05, a tail with a gap, kept
 * with the callee's index of each of its entries.  Fixed: flush() drops
 * g20 before it calls relay().
 */
static spinlock_t g01, g02, g03, g04, g05, g06, g07, g08, g09, g10;
static spinlock_t g11, g12, g13, g14, g15, g16, g17, g18, g19, g20;
static int hits;

#define TAKE(l)			\
	spin_lock(&l);		\
	hits++;			\
	spin_unlock(&l)

void grab_all(void)
{
	TAKE(g01); TAKE(g02); TAKE(g03); TAKE(g04); TAKE(g05);
	TAKE(g06); TAKE(g07); TAKE(g08); TAKE(g09); TAKE(g10);
	TAKE(g11); TAKE(g12); TAKE(g13); TAKE(g14); TAKE(g15);
	TAKE(g16); TAKE(g17); TAKE(g18); TAKE(g19); TAKE(g20);
}

void relay(void)
{
	TAKE(g05);
	grab_all();
}

void flush(void)
{
	spin_lock(&g20);
	hits = 0;
	spin_unlock(&g20);
	relay();
}

/*
 * check-name: a callee whose summary is a tail with a gap, called after the lock is dropped: silent
 */
