/* Seed 002's shape: a card with two semaphores, served by two kthreads. */
#ifndef TEST_CARD_H
#define TEST_CARD_H

struct card {
	struct semaphore cmd_sem;	/* serialises commands */
	struct semaphore fw_sem;	/* serialises firmware access */
	int state;
};

int card_cmd_thread(void *data);
int card_fw_thread(void *data);

#endif
