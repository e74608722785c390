import { describe, expect, it } from "vitest";
import { createProgressClock, ESTIMATE_SMOOTHING } from "./progress";

/** A clock driven by hand: `advance(ms)` moves time on. */
function manualTime() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("createProgressClock: time left", () => {
  it("says nothing until a few steps and over a second have passed (a slow first step promises no half hour)", () => {
    const time = manualTime();
    const clock = createProgressClock(1000, time.now);
    clock.start();
    time.advance(900); // the first step compiles kernels
    clock.step();
    expect(clock.snapshot().remainingMs).toBeNull();
    for (let i = 0; i < 4; i++) {
      time.advance(10);
      clock.step();
    }
    expect(clock.snapshot().remainingMs).toBeNull(); // 5 steps but under 1.5 s
    time.advance(700);
    clock.step();
    // 6 steps in 1,640 ms: the pace so far, × 994 steps left.
    expect(clock.snapshot().remainingMs).toBeCloseTo((1640 / 6) * 994, 6);
  });

  it("after each epoch: a moving average of the epochs' time per step, not a jump to the latest", () => {
    const time = manualTime();
    const clock = createProgressClock(40, time.now); // 4 epochs of 10 steps
    clock.start();
    const epoch = (msPerStep: number) => {
      for (let i = 0; i < 10; i++) {
        time.advance(msPerStep);
        clock.step();
      }
      clock.epochEnded();
    };
    epoch(100);
    expect(clock.snapshot().remainingMs).toBeCloseTo(100 * 30, 6);
    epoch(20); // one fast epoch moves the figure part of the way
    const smoothed = ESTIMATE_SMOOTHING * 20 + (1 - ESTIMATE_SMOOTHING) * 100;
    expect(clock.snapshot().remainingMs).toBeCloseTo(smoothed * 20, 6);
    expect(clock.snapshot().remainingMs).toBeGreaterThan(20 * 20);
    epoch(20);
    epoch(20);
    expect(clock.snapshot()).toMatchObject({ stepsDone: 40, fraction: 1, remainingMs: 0 });
  });

  it("counts the time between epochs (scoring) in the pace", () => {
    const time = manualTime();
    const clock = createProgressClock(20, time.now);
    clock.start();
    for (let i = 0; i < 10; i++) {
      time.advance(10);
      clock.step();
    }
    time.advance(400); // scoring the test split after the epoch
    clock.epochEnded();
    expect(clock.snapshot().remainingMs).toBeCloseTo(50 * 10, 6);
  });
});
