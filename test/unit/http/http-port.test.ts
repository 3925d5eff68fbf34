import { describe, expect, it } from 'vitest';
import { httpPortFor } from '../../../src/http/http-port.js';

// `npm run start:shards` runs one process per shard on one machine, all with the same HTTP_PORT: each must
// get its own port or every process after the first fails to start.
describe('which port a bot process listens on', () => {
  it('a process running every shard (one process, the usual case) uses HTTP_PORT itself', () => {
    expect(httpPortFor(8787, { ids: [0], count: 1 })).toBe(8787);
    expect(httpPortFor(8787, { ids: [0, 1, 2, 3], count: 4 })).toBe(8787);
  });

  it('one process per shard: each listens on HTTP_PORT plus its shard id, so none collide', () => {
    const ports = [0, 1, 2, 3].map((id) => httpPortFor(8787, { ids: [id], count: 4 }));
    expect(ports).toEqual([8787, 8788, 8789, 8790]);
  });

  it('port 0 (any free port) stays 0', () => {
    expect(httpPortFor(0, { ids: [2], count: 4 })).toBe(0);
  });
});
