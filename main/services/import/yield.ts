/** Lets the event loop turn (IPC, progress polls, cancel) between chunks of a long import. */
export const yieldNow = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
