/** Serializes everything that touches one payment session: refresh, notification, authorize, cancel, sync. */
export interface SessionLock {
  run<T>(sessionId: string, job: () => Promise<T>): Promise<T>;
}
