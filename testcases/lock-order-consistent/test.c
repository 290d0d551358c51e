#include "kernel.h"
#include "fs.h"

/*
 * The same order through a call, and the inode lock alone elsewhere,
 * taken and dropped before the superblock lock: no function inverts it.
 */
void sb_sync_one(struct super_block *sb, struct inode *inode)
{
	mutex_lock(&sb->lock);
	inode_mark_clean(inode);
	sb->dirty--;
	mutex_unlock(&sb->lock);
}

void inode_dirty(struct inode *inode)
{
	spin_lock(&inode->lock);
	inode->state = 1;
	spin_unlock(&inode->lock);
	mutex_lock(&inode->sb->lock);
	inode->sb->dirty++;
	mutex_unlock(&inode->sb->lock);
}

/*
 * check-name: two classes in one order in every function, directly and through a call: silent
 */
