import { describe, expect, it } from 'vitest';
import { inFlight } from '../../../src/shared/in-flight.js';

function later<T>(ms: number, value: T, order: string[]): Promise<T> {
  return new Promise((resolve) =>
    setTimeout(() => {
      order.push(String(value));
      resolve(value);
    }, ms),
  );
}

describe('work in flight outside the jobs', () => {
  it('settles after every tracked piece, failed ones included, and after work those pieces started meanwhile', async () => {
    const running = inFlight();
    const order: string[] = [];
    running.track(later(30, 'slow', order));
    running.track(Promise.reject(new Error('a handler that failed')).catch(() => order.push('failed')));
    running.track(
      later(5, 'first', order).then(() => {
        running.track(later(60, 'started meanwhile', order));
      }),
    );
    await running.settled();
    order.push('settled');
    expect(order).toEqual(['failed', 'first', 'slow', 'started meanwhile', 'settled']);
  });

  it('settles at once when nothing runs', async () => {
    const running = inFlight();
    running.track(Promise.resolve());
    await running.settled();
    await expect(running.settled()).resolves.toBeUndefined();
  });
});
