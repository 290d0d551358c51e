#include "kernel.h"
#include "card.h"

/* The firmware thread: fw_sem, then cmd_sem. */
int card_fw_thread(void *data)
{
	struct card *card = data;

	while (!kthread_should_stop()) {
		down(&card->fw_sem);
		down(&card->cmd_sem);
		card->state = 2;
		up(&card->cmd_sem);
		up(&card->fw_sem);
	}
	return 0;
}

void card_stats_flush(struct card *card)
{
	spin_lock(&card->stats_lock);
	card->events = 0;
	spin_unlock(&card->stats_lock);
}
