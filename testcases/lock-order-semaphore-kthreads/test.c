#include "kernel.h"
#include "card.h"

/*
 * Seed 002: the command thread takes cmd_sem, then fw_sem; the firmware
 * thread (fw.c) takes them the other way round.  Semaphores are invisible
 * to lockdep, so only a whole-tree order check can see this ABBA.
 */
int card_cmd_thread(void *data)
{
	struct card *card = data;

	while (!kthread_should_stop()) {
		down(&card->cmd_sem);
		down(&card->fw_sem);
		card->state = 1;
		up(&card->fw_sem);
		up(&card->cmd_sem);
	}
	return 0;
}

void card_start(struct card *card)
{
	wake_up_process(kthread_create(card_cmd_thread, card, "card-cmd"));
	wake_up_process(kthread_create(card_fw_thread, card, "card-fw"));
}

/*
 * check-name: seed 002: ABBA between two semaphores in two kthreads, two files
 * check-error-start
test.c:15:17: warning: possible circular locking dependency: 'struct card::cmd_sem' -> 'struct card::fw_sem' -> 'struct card::cmd_sem' [lockscope/lock-order]
test.c:14: note: card_cmd_thread() holds '&data->cmd_sem' (struct card::cmd_sem) from here
test.c:15:17: note: ... and acquires '&data->fw_sem' (struct card::fw_sem) here
fw.c:10: note: card_fw_thread() holds '&data->fw_sem' (struct card::fw_sem) from here
fw.c:11:17: note: ... and acquires '&data->cmd_sem' (struct card::cmd_sem) here
test.c:14: note: scenario: CPU0: lock(&data->cmd_sem) in card_cmd_thread()
fw.c:10: note: scenario: CPU1: lock(&data->fw_sem) in card_fw_thread()
test.c:15: note: scenario: CPU0: lock(&data->fw_sem) waits for CPU1: deadlock
fw.c:11: note: scenario: CPU1: lock(&data->cmd_sem) waits for CPU0: deadlock
 * check-error-end
 */
