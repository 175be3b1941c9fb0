/**
 * Background polling shared by the order sync and the CSR requests: `work` runs `intervalMs()`
 * after the previous run ended, until closed, and a run asked for while one is under way joins it
 * (one request at a time to the API). A failed background run is simply tried again next period.
 */
export class PeriodicWork<T> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<T> | null = null;
  private closed = false;

  constructor(
    private readonly work: (caseId?: number) => Promise<T>,
    private readonly intervalMs: () => number,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  start(): void {
    this.schedule();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Run now (one case's work, or all); a call while a run is under way shares that run. */
  run(caseId?: number): Promise<T> {
    if (this.running) return this.running;
    this.running = this.work(caseId).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.run()
        .catch(() => undefined)
        .finally(() => this.schedule());
    }, this.intervalMs());
    this.timer.unref();
  }
}
