import { describe, expect, it } from 'vitest';
import { readWakePayload, wakePayload } from '../../../src/http/push/push-wake.js';

describe('the NOTIFY payload between bot processes', () => {
  it('carries the post a comment notification named to the process holding the course, and only the course otherwise', () => {
    expect(readWakePayload(wakePayload('cmcourse123', '4711'))).toEqual({ courseId: 'cmcourse123', postId: '4711' });
    expect(readWakePayload(wakePayload('cmcourse123'))).toEqual({ courseId: 'cmcourse123' });
  });

  it('a post id that is not a number is dropped (the course is still woken)', () => {
    expect(readWakePayload('cmcourse123/../x')).toEqual({ courseId: 'cmcourse123' });
  });
});
