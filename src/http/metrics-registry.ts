import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Metrics } from '../shared/metrics.js';
import { blogOutcomeLabel, courseLabel, discordRouteLabel, effectKindLabel, reminderChannelLabel, reminderStageLabel } from './metrics-labels.js';

/** Counting Discord's REST traffic (fed by client.rest events, see src/discord/rest-metrics.ts). */
export interface DiscordRestCounting {
  discordResponse(method: string, route: string, status: number): void;
  discordRateLimited(route: string, global: boolean): void;
}

export interface BotMetrics {
  /** One registry per bot (never prom-client's global one): tests run several bots in one process. */
  registry: Registry;
  counting: Metrics & DiscordRestCounting;
}

const methods = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** The registry with every counter the bot increments while it works, and Node's process metrics. */
export function createBotMetrics(): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const effects = new Counter({
    name: 'coursethreads_effects_total',
    help: 'Outbox effect attempts by kind and outcome (done, failed = retry scheduled, dead = moved to dead letters)',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  const pollSeconds = new Histogram({
    name: 'coursethreads_poll_duration_seconds',
    help: 'Duration of one blog poll of a course (essays and comments)',
    labelNames: ['course'],
    buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const pollErrors = new Counter({
    name: 'coursethreads_poll_errors_total',
    help: 'Blog polls of a course that failed',
    labelNames: ['course'],
    registers: [registry],
  });
  const blogRequests = new Counter({
    name: 'coursethreads_blog_requests_total',
    help: 'HTTP attempts to a course blog by outcome (ok or the kind of failure)',
    labelNames: ['course', 'outcome'],
    registers: [registry],
  });
  const reminders = new Counter({
    name: 'coursethreads_reminders_sent_total',
    help: 'Reminders delivered by stage and channel',
    labelNames: ['stage', 'channel'],
    registers: [registry],
  });
  const takeovers = new Counter({
    name: 'coursethreads_lease_takeovers_total',
    help: 'Course leases this process took over from an earlier holder',
    registers: [registry],
  });
  const discordRequests = new Counter({
    name: 'coursethreads_discord_rest_requests_total',
    help: 'Discord REST responses by method, route bucket and HTTP status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const discordLimited = new Counter({
    name: 'coursethreads_discord_rest_rate_limited_total',
    help: 'Discord REST rate limits hit (429 answers and waits for a bucket), by route bucket',
    labelNames: ['route', 'global'],
    registers: [registry],
  });

  const counting: BotMetrics['counting'] = {
    effectFinished: (kind, outcome) => effects.inc({ kind: effectKindLabel(kind), outcome }),
    pollFinished(courseId, seconds, ok) {
      pollSeconds.observe({ course: courseLabel(courseId) }, seconds);
      if (!ok) pollErrors.inc({ course: courseLabel(courseId) });
    },
    blogRequest: (courseId, outcome) => blogRequests.inc({ course: courseLabel(courseId), outcome: blogOutcomeLabel(outcome) }),
    reminderSent: (stage, channel) => reminders.inc({ stage: reminderStageLabel(stage), channel: reminderChannelLabel(channel) }),
    leaseTakenOver: () => takeovers.inc(),
    discordResponse(method, route, status) {
      const m = method.toUpperCase();
      discordRequests.inc({ method: methods.has(m) ? m : 'OTHER', route: discordRouteLabel(route), status: String(Math.trunc(status)) });
    },
    discordRateLimited: (route, global) => discordLimited.inc({ route: discordRouteLabel(route), global: String(global) }),
  };
  return { registry, counting };
}
