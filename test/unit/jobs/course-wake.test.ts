import { describe, expect, it } from 'vitest';
import { perCourseQueue } from '../../../src/jobs/course-wake.js';

/** A run that stays open until the test lets it finish, recording how many run at once. */
function gatedWork(log: { running: number; most: number; runs: number }) {
  const gates: Array<() => void> = [];
  const work = async () => {
    log.runs += 1;
    log.running += 1;
    log.most = Math.max(log.most, log.running);
    await new Promise<void>((resolve) => gates.push(resolve));
    log.running -= 1;
  };
  const openNext = async () => {
    while (gates.length === 0) await new Promise((r) => setImmediate(r));
    gates.shift()!();
  };
  return { work, openNext };
}

describe('per-course wake queue', () => {
  it('twenty wakes during one run of a course lead to exactly one more run, never two at once', async () => {
    const queue = perCourseQueue();
    const log = { running: 0, most: 0, runs: 0 };
    const { work, openNext } = gatedWork(log);
    for (let i = 0; i < 21; i++) queue.wake('c1', work);
    await openNext();
    await openNext();
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual({ running: 0, most: 1, runs: 2 });
  });

  it('the scheduled tick waits for a pushed run of the same course, while another course runs alongside', async () => {
    const queue = perCourseQueue();
    const log = { running: 0, most: 0, runs: 0 };
    const { work, openNext } = gatedWork(log);
    queue.wake('c1', work);
    const other = { running: 0, most: 0, runs: 0 };
    const second = gatedWork(other);
    queue.wake('c2', second.work);
    const tick = queue.exclusive('c1', work);
    await new Promise((r) => setImmediate(r));
    expect([log.runs, other.runs]).toEqual([1, 1]);
    await openNext();
    await openNext();
    await tick;
    await second.openNext();
    expect(log).toEqual({ running: 0, most: 1, runs: 2 });
  });
});
