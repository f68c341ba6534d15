/**
 * Runs state changes one at a time and knows which key change is the latest.
 *
 * Every action that changes the key takes a ticket when it is asked for (not when
 * it runs); work that started under an older ticket is stale and must not be
 * stored, so the last action the user took always wins.
 */
export type Serial = ReturnType<typeof createSerial>;

export function createSerial() {
  let queue: Promise<unknown> = Promise.resolve();
  let generation = 0;
  return {
    exclusive<T>(task: () => Promise<T>): Promise<T> {
      const run = queue.then(task, task);
      queue = run.catch(() => undefined);
      return run;
    },
    /** The ticket of work that does not change the key (a poll). */
    current: () => generation,
    /** The ticket of a new key change; every older ticket becomes stale. */
    supersede: () => (generation += 1),
    isCurrent: (ticket: number) => ticket === generation,
  };
}
