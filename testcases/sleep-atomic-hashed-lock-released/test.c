#include "kernel.h"

/*
 * ext4's block-group locks: a hashed array, the element picked by a mask
 * of the group number, reached through inline helpers (bgl_lock_ptr()).
 */
#define NR_GROUP_LOCKS	128

struct group_lock {
	spinlock_t lock;
};

struct group_locks {
	struct group_lock locks[NR_GROUP_LOCKS];
};

struct fs_info {
	struct group_locks *group_locks;
	struct mutex resize_mutex;
	int lock_busy;
	unsigned long free[1024];
	unsigned int ngroups;
};

struct super {
	void *fs_info;
};

static inline spinlock_t *group_lock_ptr(struct group_locks *gl, unsigned int group)
{
	return &gl->locks[group & (NR_GROUP_LOCKS - 1)].lock;
}

static inline spinlock_t *fs_group_lock_ptr(struct super *sb, unsigned int group)
{
	return group_lock_ptr(((struct fs_info *)sb->fs_info)->group_locks, group);
}

/* Contention counted as ext4_lock_group() does: a trylock first. */
static inline void fs_lock_group(struct super *sb, unsigned int group)
{
	spinlock_t *lock = fs_group_lock_ptr(sb, group);

	if (spin_trylock(lock)) {
		((struct fs_info *)sb->fs_info)->lock_busy--;
	} else {
		((struct fs_info *)sb->fs_info)->lock_busy++;
		spin_lock(lock);
	}
}

static inline void fs_unlock_group(struct super *sb, unsigned int group)
{
	spin_unlock(fs_group_lock_ptr(sb, group));
}

int fs_test_bit(unsigned long *map, unsigned int bit);
void fs_find_group(struct super *sb, unsigned int *group);

/*
 * The lock is released before the mutex.  The group number lives in
 * memory (its address is taken) and each helper masks it anew.
 */
int fs_take_free_group(struct super *sb)
{
	struct fs_info *fs = sb->fs_info;
	unsigned int n, group;
	int taken;

	fs_find_group(sb, &group);
	for (n = 0; n < fs->ngroups; n++) {
		fs_lock_group(sb, group);
		taken = fs_test_bit(fs->free, group);
		fs_unlock_group(sb, group);
		if (taken) {
			mutex_lock(&fs->resize_mutex);
			fs->free[group] = 0;
			mutex_unlock(&fs->resize_mutex);
			return group;
		}
		if (++group == fs->ngroups)
			group = 0;
	}
	return -1;
}

/*
 * check-name: a hashed group lock (ext4's bgl_lock_ptr()) released through the same expression: silent
 */
