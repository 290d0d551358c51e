/* Security hooks: one union of function pointers, one list per hook. */
struct cred {
	int uid;
};

union hook_options {
	int (*set_ctx)(struct cred *c);
	int (*capable)(const struct cred *c, int cap);
};

struct hook_list {
	struct hook_list *next;
	union hook_options hook;
};

extern struct hook_list *capable_hooks;
extern spinlock_t task_lock;

int check_capable(const struct cred *c, int cap);
