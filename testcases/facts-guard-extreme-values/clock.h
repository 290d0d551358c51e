#include "kernel.h"

struct clock {
	spinlock_t lock;
	long long next;
};

struct queue {
	spinlock_t lock;
	struct clock *clock;
};
