/*
 * A miniature of the Linux 6.1 lock API, the shape it has after
 * preprocessing with __CHECKER__ defined: static inline wrappers around
 * out-of-line _raw_* functions, macros, context annotations.  Written for
 * lockscope's tests; only the shapes matter, not the implementation.
 */
#ifndef TEST_KERNEL_H
#define TEST_KERNEL_H

#define NULL ((void *)0)
#define EINVAL 22
#define EBUSY 16
#define EINTR 4
#define ENOMEM 12
#define ENODEV 19
#define EIO 5
#define ENOENT 2
#define ENOSPC 28
#define EAGAIN 11
typedef _Bool bool;
#define true 1
#define false 0

#define __acquires(x)		__attribute__((context(x, 0, 1)))
#define __releases(x)		__attribute__((context(x, 1, 0)))
#define __must_hold(x)		__attribute__((context(x, 1, 1)))
#define __cond_acquires(x)	__attribute__((context(x, 0, -1)))
#define __acquire(x)		__context__(x, 1)
#define __release(x)		__context__(x, -1)
#define __cond_lock(x, c)	((c) ? ({ __acquire(x); 1; }) : 0)

#define offsetof(type, member)	__builtin_offsetof(type, member)
#define container_of(ptr, type, member) ({			\
	void *__mptr = (void *)(ptr);				\
	((type *)(__mptr - offsetof(type, member))); })

/* lockdep subclasses */
#define SINGLE_DEPTH_NESTING	1

typedef struct raw_spinlock { unsigned int val; } raw_spinlock_t;
typedef struct spinlock { struct raw_spinlock rlock; } spinlock_t;
typedef struct { unsigned int cnts; } rwlock_t;
struct mutex { long owner; };
struct rw_semaphore { long count; };
struct semaphore { unsigned int count; };
typedef struct { spinlock_t slock; int owned; } socket_lock_t;
struct sock { int sk_state; socket_lock_t sk_lock; };

void _raw_spin_lock(raw_spinlock_t *lock) __acquires(lock);
void _raw_spin_lock_nested(raw_spinlock_t *lock, int subclass) __acquires(lock);
void _raw_spin_lock_bh(raw_spinlock_t *lock) __acquires(lock);
void _raw_spin_lock_irq(raw_spinlock_t *lock) __acquires(lock);
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock) __acquires(lock);
int _raw_spin_trylock(raw_spinlock_t *lock);
int _raw_spin_trylock_bh(raw_spinlock_t *lock);
void _raw_spin_unlock(raw_spinlock_t *lock) __releases(lock);
void _raw_spin_unlock_bh(raw_spinlock_t *lock) __releases(lock);
void _raw_spin_unlock_irq(raw_spinlock_t *lock) __releases(lock);
void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags) __releases(lock);

static inline raw_spinlock_t *spinlock_check(spinlock_t *lock) { return &lock->rlock; }
static inline void spin_lock(spinlock_t *lock) { _raw_spin_lock(&lock->rlock); }
static inline void spin_lock_bh(spinlock_t *lock) { _raw_spin_lock_bh(&lock->rlock); }
static inline void spin_lock_irq(spinlock_t *lock) { _raw_spin_lock_irq(&lock->rlock); }
static inline void spin_unlock(spinlock_t *lock) { _raw_spin_unlock(&lock->rlock); }
static inline void spin_unlock_bh(spinlock_t *lock) { _raw_spin_unlock_bh(&lock->rlock); }
static inline void spin_unlock_irq(spinlock_t *lock) { _raw_spin_unlock_irq(&lock->rlock); }
static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	_raw_spin_unlock_irqrestore(&lock->rlock, flags);
}
#define spin_lock_nested(lock, subclass) _raw_spin_lock_nested(spinlock_check(lock), subclass)
#define spin_lock_irqsave(lock, flags) \
	do { flags = _raw_spin_lock_irqsave(spinlock_check(lock)); } while (0)
#define spin_trylock(lock) __cond_lock(lock, _raw_spin_trylock(spinlock_check(lock)))
#define spin_trylock_bh(lock) __cond_lock(lock, _raw_spin_trylock_bh(spinlock_check(lock)))

void _raw_read_lock(rwlock_t *lock) __acquires(lock);
void _raw_read_lock_bh(rwlock_t *lock) __acquires(lock);
void _raw_read_unlock(rwlock_t *lock) __releases(lock);
void _raw_read_unlock_bh(rwlock_t *lock) __releases(lock);
void _raw_write_lock(rwlock_t *lock) __acquires(lock);
void _raw_write_lock_bh(rwlock_t *lock) __acquires(lock);
void _raw_write_unlock(rwlock_t *lock) __releases(lock);
void _raw_write_unlock_bh(rwlock_t *lock) __releases(lock);
unsigned long _raw_read_lock_irqsave(rwlock_t *lock) __acquires(lock);
void _raw_read_unlock_irqrestore(rwlock_t *lock, unsigned long flags) __releases(lock);
int _raw_read_trylock(rwlock_t *lock);
int _raw_write_trylock(rwlock_t *lock);
#define read_lock(lock)		_raw_read_lock(lock)
#define read_lock_bh(lock)	_raw_read_lock_bh(lock)
#define read_unlock(lock)	_raw_read_unlock(lock)
#define read_unlock_bh(lock)	_raw_read_unlock_bh(lock)
#define write_lock(lock)	_raw_write_lock(lock)
#define write_lock_bh(lock)	_raw_write_lock_bh(lock)
#define write_unlock(lock)	_raw_write_unlock(lock)
#define write_unlock_bh(lock)	_raw_write_unlock_bh(lock)
#define read_lock_irqsave(lock, flags) \
	do { flags = _raw_read_lock_irqsave(lock); } while (0)
#define read_unlock_irqrestore(lock, flags) _raw_read_unlock_irqrestore(lock, flags)
#define read_trylock(lock)	__cond_lock(lock, _raw_read_trylock(lock))
#define write_trylock(lock)	__cond_lock(lock, _raw_write_trylock(lock))

void mutex_lock(struct mutex *lock);
void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

void down_read(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int down_write_killable(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
int down_read_killable(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);

void down(struct semaphore *sem);
int down_interruptible(struct semaphore *sem);
int down_trylock(struct semaphore *sem);
int down_killable(struct semaphore *sem);
int down_timeout(struct semaphore *sem, long jiffies);
void up(struct semaphore *sem);

void rtnl_lock(void);
void rtnl_unlock(void);
int rtnl_trylock(void);

void lock_sock_nested(struct sock *sk, int subclass);
static inline void lock_sock(struct sock *sk) { lock_sock_nested(sk, 0); }
void release_sock(struct sock *sk);

void __local_bh_disable_ip(unsigned long ip, unsigned int cnt);
void __local_bh_enable_ip(unsigned long ip, unsigned int cnt);
static inline void local_bh_disable(void) { __local_bh_disable_ip(0, 0x200); }
static inline void local_bh_enable(void) { __local_bh_enable_ip(0, 0x200); }

void __rcu_read_lock(void);
void __rcu_read_unlock(void);
static inline void rcu_read_lock(void) { __rcu_read_lock(); __acquire(RCU); }
static inline void rcu_read_unlock(void) { __release(RCU); __rcu_read_unlock(); }

static inline void rcu_read_lock_bh(void) { local_bh_disable(); __acquire(RCU_BH); }
static inline void rcu_read_unlock_bh(void) { __release(RCU_BH); local_bh_enable(); }

#define NOTIFY_DONE		0x0000
#define NOTIFY_OK		0x0001
#define NOTIFY_STOP_MASK	0x8000
#define NOTIFY_BAD		(NOTIFY_STOP_MASK | 0x0002)

struct notifier_block {
	int (*notifier_call)(struct notifier_block *nb, unsigned long action, void *data);
	struct notifier_block *next;
	int priority;
};

struct atomic_notifier_head { spinlock_t lock; struct notifier_block *head; };
struct blocking_notifier_head { struct rw_semaphore rwsem; struct notifier_block *head; };
int atomic_notifier_chain_register(struct atomic_notifier_head *nh, struct notifier_block *nb);
int atomic_notifier_call_chain(struct atomic_notifier_head *nh, unsigned long val, void *v);
int blocking_notifier_chain_register(struct blocking_notifier_head *nh, struct notifier_block *nb);
int blocking_notifier_call_chain(struct blocking_notifier_head *nh, unsigned long val, void *v);

struct work_struct { unsigned long data; void (*func)(struct work_struct *work); };

struct task_struct;
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data,
					   int node, const char namefmt[], ...);
#define kthread_create(threadfn, data, namefmt, ...) \
	kthread_create_on_node(threadfn, data, -1, namefmt, ##__VA_ARGS__)
int wake_up_process(struct task_struct *p);
bool kthread_should_stop(void);
int kthread_stop(struct task_struct *k);

void might_sleep(void);
void msleep(unsigned int msecs);
void cpu_relax(void);
void kfree(const void *p);
int printk(const char *fmt, ...);

/*
 * RCU lists and lifetimes, 6.1-shaped: the list primitives are static
 * inlines, the walks are macros that load each link through an __rcu
 * pointer, rcu_assign_pointer() is a release store into an __rcu pointer.
 */
#define __rcu		__attribute__((noderef, address_space(__rcu)))
#define __force		__attribute__((force))
#define READ_ONCE(x)	(*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, val) do { *(volatile typeof(x) *)&(x) = (val); } while (0)
typedef unsigned long uintptr_t;
typedef unsigned long size_t;

#define rcu_dereference_raw(p) ({ \
	typeof(*p) *__p1 = (typeof(*p) __force *)READ_ONCE(p); \
	((typeof(*p) __force *)(__p1)); })
#define rcu_dereference(p)		rcu_dereference_raw(p)
#define rcu_dereference_protected(p, c)	((typeof(*p) __force *)(p))
#define RCU_INIT_POINTER(p, v)	do { WRITE_ONCE(p, (typeof(p))(v)); } while (0)
#define rcu_assign_pointer(p, v) do { \
	uintptr_t __v = (uintptr_t)(v); \
	WRITE_ONCE((p), (typeof(p))(__v)); \
} while (0)

struct rcu_head { struct rcu_head *next; void (*func)(struct rcu_head *head); };
typedef void (*rcu_callback_t)(struct rcu_head *head);
void call_rcu(struct rcu_head *head, rcu_callback_t func);
void kvfree_call_rcu(struct rcu_head *head, rcu_callback_t func);
void synchronize_rcu(void);
#define kfree_rcu(ptr, rhf) do { \
	typeof(ptr) __kp = (ptr); \
	if (__kp) \
		kvfree_call_rcu(&((__kp)->rhf), \
			(rcu_callback_t)(unsigned long)offsetof(typeof(*(ptr)), rhf)); \
} while (0)

struct list_head { struct list_head *next, *prev; };
struct hlist_head { struct hlist_node *first; };
struct hlist_node { struct hlist_node *next, **pprev; };
struct hlist_nulls_head { struct hlist_nulls_node *first; };
struct hlist_nulls_node { struct hlist_nulls_node *next, **pprev; };

#define list_entry(ptr, type, member)	container_of(ptr, type, member)
#define hlist_entry_safe(ptr, type, member) \
	({ typeof(ptr) __ptr = (ptr); __ptr ? container_of(__ptr, type, member) : NULL; })
#define hlist_first_rcu(head)	(*((struct hlist_node __rcu **)(&(head)->first)))
#define hlist_next_rcu(node)	(*((struct hlist_node __rcu **)(&(node)->next)))
#define list_next_rcu(list)	(*((struct list_head __rcu **)(&(list)->next)))
#define hlist_nulls_first_rcu(head) \
	(*((struct hlist_nulls_node __rcu __force **)&(head)->first))
#define hlist_nulls_next_rcu(node) \
	(*((struct hlist_nulls_node __rcu __force **)&(node)->next))
#define is_a_nulls(ptr)		((unsigned long)(ptr) & 1)
#define INIT_HLIST_NULLS_HEAD(ptr, nulls) \
	((ptr)->first = (struct hlist_nulls_node *)(1UL | (((long)nulls) << 1)))
#define INIT_HLIST_HEAD(ptr)	((ptr)->first = NULL)
#define spin_lock_init(lock)	((lock)->rlock.val = 0)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	WRITE_ONCE(list->next, list);
	list->prev = list;
}

static inline void list_add(struct list_head *new, struct list_head *head)
{
	head->next->prev = new;
	new->next = head->next;
	new->prev = head;
	WRITE_ONCE(head->next, new);
}

static inline void list_add_rcu(struct list_head *new, struct list_head *head)
{
	new->next = head->next;
	new->prev = head;
	rcu_assign_pointer(list_next_rcu(head), new);
	head->next->prev = new;
}

static inline void list_del_rcu(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	WRITE_ONCE(entry->prev->next, entry->next);
	entry->prev = (void *)0x122;
}

static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
	head->prev->next = new;
	new->prev = head->prev;
	new->next = head;
	WRITE_ONCE(head->prev, new);
}

static inline void list_add_tail_rcu(struct list_head *new, struct list_head *head)
{
	new->next = head;
	new->prev = head->prev;
	rcu_assign_pointer(list_next_rcu(head->prev), new);
	head->prev = new;
}

static inline void list_del(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	WRITE_ONCE(entry->prev->next, entry->next);
	entry->next = (void *)0x100;
	entry->prev = (void *)0x122;
}

static inline int list_empty(const struct list_head *head)
{
	return READ_ONCE(head->next) == head;
}

#define list_for_each_entry(pos, head, member) \
	for (pos = list_entry((head)->next, typeof(*pos), member); \
	     &pos->member != (head); \
	     pos = list_entry(pos->member.next, typeof(*pos), member))
#define list_first_entry_or_null(ptr, type, member) ({ \
	struct list_head *head__ = (ptr); \
	struct list_head *pos__ = READ_ONCE(head__->next); \
	pos__ != head__ ? list_entry(pos__, type, member) : NULL; \
})
#define list_entry_rcu(ptr, type, member)	container_of(READ_ONCE(ptr), type, member)
#define list_for_each_entry_rcu(pos, head, member, cond...) \
	for (pos = list_entry_rcu((head)->next, typeof(*pos), member); \
	     &pos->member != (head); \
	     pos = list_entry_rcu(pos->member.next, typeof(*pos), member))
#define list_first_or_null_rcu(ptr, type, member) ({ \
	struct list_head *__ptr = (ptr); \
	struct list_head *__next = READ_ONCE(__ptr->next); \
	__ptr != __next ? list_entry_rcu(__next, type, member) : NULL; \
})

static inline void hlist_add_head(struct hlist_node *n, struct hlist_head *h)
{
	struct hlist_node *first = h->first;

	WRITE_ONCE(n->next, first);
	if (first)
		WRITE_ONCE(first->pprev, &n->next);
	WRITE_ONCE(h->first, n);
	WRITE_ONCE(n->pprev, &h->first);
}

static inline void hlist_add_head_rcu(struct hlist_node *n, struct hlist_head *h)
{
	struct hlist_node *first = h->first;

	n->next = first;
	WRITE_ONCE(n->pprev, &h->first);
	rcu_assign_pointer(hlist_first_rcu(h), n);
	if (first)
		WRITE_ONCE(first->pprev, &n->next);
}

static inline void hlist_del_rcu(struct hlist_node *n)
{
	struct hlist_node *next = n->next;
	struct hlist_node **pprev = n->pprev;

	WRITE_ONCE(*pprev, next);
	if (next)
		WRITE_ONCE(next->pprev, pprev);
	WRITE_ONCE(n->pprev, (void *)0x122);
}

static inline void hlist_del_init(struct hlist_node *n)
{
	if (n->pprev) {
		WRITE_ONCE(*n->pprev, n->next);
		n->next = NULL;
		n->pprev = NULL;
	}
}

#define hlist_for_each_entry(pos, head, member) \
	for (pos = hlist_entry_safe((head)->first, typeof(*(pos)), member); \
	     pos; pos = hlist_entry_safe((pos)->member.next, typeof(*(pos)), member))
#define hlist_for_each_entry_rcu(pos, head, member) \
	for (pos = hlist_entry_safe(rcu_dereference_raw(hlist_first_rcu(head)), \
				    typeof(*(pos)), member); \
	     pos; \
	     pos = hlist_entry_safe(rcu_dereference_raw(hlist_next_rcu(&(pos)->member)), \
				    typeof(*(pos)), member))

static inline void hlist_nulls_add_head_rcu(struct hlist_nulls_node *n,
					    struct hlist_nulls_head *h)
{
	struct hlist_nulls_node *first = h->first;

	n->next = first;
	WRITE_ONCE(n->pprev, &h->first);
	rcu_assign_pointer(hlist_nulls_first_rcu(h), n);
	if (!is_a_nulls(first))
		WRITE_ONCE(first->pprev, &n->next);
}

static inline void hlist_nulls_del_init_rcu(struct hlist_nulls_node *n)
{
	if (n->pprev) {
		struct hlist_nulls_node *next = n->next;

		WRITE_ONCE(*n->pprev, next);
		if (!is_a_nulls(next))
			WRITE_ONCE(next->pprev, n->pprev);
		WRITE_ONCE(n->pprev, NULL);
	}
}

#define hlist_nulls_for_each_entry_rcu(tpos, pos, head, member) \
	for (pos = rcu_dereference_raw(hlist_nulls_first_rcu(head)); \
	     !is_a_nulls(pos) && ({ tpos = container_of(pos, typeof(*tpos), member); 1; }); \
	     pos = rcu_dereference_raw(hlist_nulls_next_rcu(pos)))
#define get_nulls_value(ptr)	(((unsigned long)(ptr)) >> 1)

/* Slab caches, and the protocol table that creates one per protocol. */
typedef unsigned int slab_flags_t;
#define SLAB_HWCACHE_ALIGN	((slab_flags_t __force)0x00002000U)
#define SLAB_TYPESAFE_BY_RCU	((slab_flags_t __force)0x00080000U)
struct kmem_cache;
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
void *kmem_cache_alloc(struct kmem_cache *cachep, unsigned int flags);
void kmem_cache_free(struct kmem_cache *s, void *objp);
void *kmalloc(size_t size, unsigned int flags);
#define GFP_KERNEL	0xcc0
#define GFP_ATOMIC	0x820

struct proto {
	const char *name;
	unsigned int obj_size;
	slab_flags_t slab_flags;
	int (*hash)(void *obj);
};
/* Memory (include/linux/slab.h, mm.h), for the use-after-free tests. */
#define ALIGN(x, a)		(((x) + (a) - 1) & ~((a) - 1))
void *kzalloc(unsigned long size, unsigned int flags);
void kvfree(const void *addr);

#endif
