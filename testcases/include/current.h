/* x86's "current", as the kernel reads it: a per-CPU load by an inline asm. */
#ifndef TEST_CURRENT_H
#define TEST_CURRENT_H

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

/* The compiler may reuse the read: the asm is not volatile. */
static inline struct task_struct *get_current(void)
{
	unsigned long val;

	asm("movq %%gs:%P1, %0" : "=r"(val) : "i"(&current_task));
	return (struct task_struct *)val;
}
#define current get_current()

#endif
