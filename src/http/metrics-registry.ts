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
  // Every counter lives in this bot's registry; an empty labelNames is prom-client's own default.
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter({ name, help, labelNames, registers: [registry] });
  const effects = counter(
    'coursethreads_effects_total',
    'Outbox effect attempts by kind and outcome (done, failed = retry scheduled, dead = moved to dead letters)',
    ['kind', 'outcome'],
  );
  const pollSeconds = new Histogram({
    name: 'coursethreads_poll_duration_seconds',
    help: 'Duration of one blog poll of a course (essays and comments)',
    labelNames: ['course'],
    buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const pollErrors = counter('coursethreads_poll_errors_total', 'Blog polls of a course that failed', ['course']);
  const blogRequests = counter('coursethreads_blog_requests_total', 'HTTP attempts to a course blog by outcome (ok or the kind of failure)', [
    'course',
    'outcome',
  ]);
  const reminders = counter('coursethreads_reminders_sent_total', 'Reminders delivered by stage and channel', ['stage', 'channel']);
  const takeovers = counter('coursethreads_lease_takeovers_total', 'Course leases this process took over from an earlier holder');
  const discordRequests = counter('coursethreads_discord_rest_requests_total', 'Discord REST responses by method, route bucket and HTTP status', [
    'method',
    'route',
    'status',
  ]);
  const discordLimited = counter(
    'coursethreads_discord_rest_rate_limited_total',
    'Discord REST rate limits hit (429 answers and waits for a bucket), by route bucket',
    ['route', 'global'],
  );

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
