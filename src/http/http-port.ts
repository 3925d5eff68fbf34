/**
 * The port this process listens on. With one process per shard (`npm run start:shards`) every process inherits
 * the same HTTP_PORT, so a process running only some shards adds its lowest shard id: shard 2 of 4 serves
 * HTTP_PORT+2. A process running every shard uses HTTP_PORT as given; 0 (any free port) stays 0.
 */
export function httpPortFor(port: number, shards: { ids: number[]; count: number }): number {
  if (port === 0 || shards.ids.length >= shards.count) return port;
  return port + Math.min(...shards.ids);
}
