import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findPushTarget, type PushTarget } from '../../courses/push-credentials.js';
import type { Context } from '../../context.js';
import { courseKeyPattern, deliveryIdPattern, parsePushBody } from './push-body.js';
import { acceptDelivery, recordPushFailure, recordPushReceived } from './push-deliveries.js';
import { signatureMatches, timestampFresh } from './push-signature.js';
import { tokenBuckets } from './rate-limit.js';

/** The HTTP server's route contract (src/http/http-server.ts): a function that adds routes to the app. */
export type HttpRoutes = (app: FastifyInstance) => Promise<void> | void;

export const PUSH_PATH_PREFIX = '/push/v1/';
export const PUSH_MAX_BODY_BYTES = 4096;

export type PushDeps = Pick<Context, 'db' | 'secrets' | 'clock' | 'log'> & {
  /**
   * Wakes the course's sync (in this process, or the one holding the course's lease). Never awaited by the
   * sender. `postId`: the post a comment notification names, so its comments are read even on an old essay.
   */
  wake(courseId: string, hint: { postId?: string }): void;
  /** Per-course token bucket for verified notifications; defaults: bursts of 60, then 2 per second. */
  rateLimit?: { capacity: number; perSecond: number };
  /** Per-course bucket for refused ones (bad signature, stale); defaults: 10, then one every 6 seconds. */
  failureLimit?: { capacity: number; perSecond: number };
};

type PushRequest = FastifyRequest<{ Params: { courseKey: string }; Body: Buffer }>;

/**
 * POST /push/v1/<courseKey>: the companion plugin's signed notification (wire protocol in README, "Push
 * endpoint"). A valid one only wakes the course's sync, which reads the blog itself; nothing in the body is
 * trusted. Unknown keys all look the same (404), whatever the reason.
 */
export function pushRoutes(deps: PushDeps): HttpRoutes {
  const limits = deps.rateLimit ?? { capacity: 60, perSecond: 2 };
  const buckets = tokenBuckets({ ...limits, now: () => deps.clock.now().getTime() });
  // Separate, so someone who only knows the URL spends this one and never the plugin's.
  const failures = tokenBuckets({ ...(deps.failureLimit ?? { capacity: 10, perSecond: 1 / 6 }), now: () => deps.clock.now().getTime() });
  const log = deps.log.child({ component: 'push' });

  async function refuse(reply: FastifyReply, target: PushTarget, reason: 'bad_signature' | 'stale_timestamp') {
    // Past the allowance a refusal costs no database write: the flood stays cheap and the last reason stays shown.
    const wait = failures.take(target.courseId);
    if (wait > 0) return reply.code(429).header('retry-after', String(wait)).send({ error: 'rate_limited' });
    await recordPushFailure(
      deps.db,
      target.courseId,
      reason === 'bad_signature'
        ? 'bad signature (is the secret in the plugin the current one?)'
        : 'timestamp more than 5 minutes off (check the blog server’s clock)',
      deps.clock.now(),
    );
    log.warn({ courseId: target.courseId, reason }, 'push refused');
    return reply.code(401).send({ error: reason });
  }

  async function handle(request: PushRequest, reply: FastifyReply) {
    const { courseKey } = request.params;
    const target = courseKeyPattern.test(courseKey) ? await findPushTarget(deps.db, deps.secrets, courseKey) : null;
    if (!target) return reply.code(404).send({ error: 'not_found' });
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const timestamp = String(request.headers['x-coursethreads-timestamp'] ?? '');
    const signature = request.headers['x-coursethreads-signature'];
    if (!signatureMatches(target.secret, timestamp, raw, typeof signature === 'string' ? signature : undefined)) return refuse(reply, target, 'bad_signature');
    if (!timestampFresh(timestamp, deps.clock.now().getTime())) return refuse(reply, target, 'stale_timestamp');
    // Only a verified, fresh request spends the course's bucket (a forger cannot make real pushes wait).
    const wait = buckets.take(target.courseId);
    if (wait > 0) return reply.code(429).header('retry-after', String(wait)).send({ error: 'rate_limited' });
    const deliveryId = request.headers['x-coursethreads-delivery'];
    if (typeof deliveryId !== 'string' || !deliveryIdPattern.test(deliveryId)) return reply.code(400).send({ error: 'bad_delivery_id' });
    const body = parsePushBody(raw);
    if (!body) return reply.code(400).send({ error: 'malformed_body' });
    const now = deps.clock.now();
    if ((await acceptDelivery(deps.db, { courseId: target.courseId, deliveryId, now })) === 'duplicate')
      return reply.code(200).send({ ok: true, duplicate: true });
    await recordPushReceived(deps.db, target.courseId, now, body.event === 'ping' ? 'ping' : 'change');
    if (body.event !== 'ping')
      deps.wake(target.courseId, { postId: body.event.startsWith('comment.') && body.postId !== undefined ? String(body.postId) : undefined });
    log.debug({ courseId: target.courseId, event: body.event, id: body.id }, 'push accepted');
    return reply.code(202).send({ ok: true, course: target.courseName });
  }

  return (app) => {
    // Encapsulated: the raw-bytes JSON parser applies to the push route only, not to health or metrics.
    void app.register(async (scope) => {
      scope.removeContentTypeParser('application/json');
      scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: PUSH_MAX_BODY_BYTES }, (_request, body, done) => done(null, body));
      scope.post(`${PUSH_PATH_PREFIX}:courseKey`, { bodyLimit: PUSH_MAX_BODY_BYTES }, handle);
    });
  };
}
