/* A card with two semaphores served by two kthreads, and a stats lock. */
#ifndef TEST_CARD_H
#define TEST_CARD_H

struct card {
	struct semaphore cmd_sem;	/* serialises commands */
	struct semaphore fw_sem;	/* serialises firmware access */
	spinlock_t stats_lock;
	int state, events;
};

int card_cmd_thread(void *data);
int card_fw_thread(void *data);
void card_stats_flush(struct card *card);

#endif
