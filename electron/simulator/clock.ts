/**
 * The simulator's clock: real time, shifted forward by the user or a test and optionally running
 * faster, so a port that takes days (FOC in a week) can be watched in minutes.
 */
export class SimClock {
  private anchorReal: number;
  private anchorSim: number;
  private rate: number;

  constructor(
    private readonly realNow: () => number = Date.now,
    start?: { simNow?: number; speed?: number },
  ) {
    this.anchorReal = realNow();
    this.anchorSim = start?.simNow ?? this.anchorReal;
    this.rate = start?.speed ?? 1;
  }

  now(): number {
    return this.anchorSim + (this.realNow() - this.anchorReal) * this.rate;
  }

  get speed(): number {
    return this.rate;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('The simulator clock only moves forward.');
    this.rebase();
    this.anchorSim += ms;
  }

  setSpeed(speed: number): void {
    if (!(speed >= 0)) throw new RangeError('Speed must be 0 or more.');
    this.rebase();
    this.rate = speed;
  }

  private rebase(): void {
    const sim = this.now();
    this.anchorReal = this.realNow();
    this.anchorSim = sim;
  }
}
