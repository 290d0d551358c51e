/* An inode in a superblock: the documented order is sb->lock, then inode->lock. */
#ifndef TEST_FS_H
#define TEST_FS_H

struct super_block {
	struct mutex lock;
	int dirty;
};

struct inode {
	spinlock_t lock;
	struct super_block *sb;
	int state;
};

void inode_mark_clean(struct inode *inode);

#endif
