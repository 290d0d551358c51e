#include "kernel.h"
#include "fs.h"

/* Takes only the inode lock: safe under the superblock lock. */
void inode_mark_clean(struct inode *inode)
{
	spin_lock(&inode->lock);
	inode->state = 0;
	spin_unlock(&inode->lock);
}

/* The documented order, nested directly. */
void inode_sync(struct inode *inode)
{
	mutex_lock(&inode->sb->lock);
	spin_lock(&inode->lock);
	inode->state = 0;
	inode->sb->dirty--;
	spin_unlock(&inode->lock);
	mutex_unlock(&inode->sb->lock);
}
