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
