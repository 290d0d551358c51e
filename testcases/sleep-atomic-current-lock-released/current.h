struct sighand_struct {
	int count;
	spinlock_t siglock;
};

struct task_struct {
	int pid;
	struct sighand_struct *sighand;
	int sigpending;
};

extern struct task_struct *current_task;

/* As x86 reads "current": a per-CPU load the compiler may reuse. */
static inline struct task_struct *get_current(void)
{
	unsigned long val;

	asm("movq %%gs:%P1, %0" : "=r"(val) : "i"(&current_task));
	return (struct task_struct *)val;
}
#define current get_current()
