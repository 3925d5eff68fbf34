import type { Db } from '../client.js';

// JobRun rows: one per run of a scheduled job, read by /report health.

/** Records that a run started; returns its id for finishJobRun / failJobRun. */
export async function startJobRun(db: Db, input: { jobName: string; owner: string; startedAt: Date }): Promise<string> {
  return (await db.jobRun.create({ data: { jobName: input.jobName, owner: input.owner, startedAt: input.startedAt }, select: { id: true } })).id;
}

export async function finishJobRun(db: Db, runId: string, input: { finishedAt: Date; summary: string | null }): Promise<void> {
  await db.jobRun.update({ where: { id: runId }, data: { outcome: 'ok', finishedAt: input.finishedAt, summary: input.summary } });
}

/** The error text is cut to 1000 characters: a stack or a long blog error must not bloat the table. */
export async function failJobRun(db: Db, runId: string, input: { finishedAt: Date; error: string }): Promise<void> {
  await db.jobRun.update({ where: { id: runId }, data: { outcome: 'failed', finishedAt: input.finishedAt, error: input.error.slice(0, 1_000) } });
}

/** One course's failed share of a job, recorded as a finished run of its own (shown to that course's staff). */
export async function recordFailedCourseRun(
  db: Db,
  input: { jobName: string; courseId: string; owner: string; startedAt: Date; finishedAt: Date; error: string },
): Promise<void> {
  await db.jobRun.create({ data: { ...input, outcome: 'failed', error: input.error.slice(0, 1_000) } });
}

/**
 * For /report health: the latest run of every job (by name, in name order) among the whole process's runs
 * and this course's own (never another course's), with how many of that job's runs failed since `failuresSince`.
 */
export async function latestJobRuns(db: Db, courseId: string, failuresSince: Date) {
  const scope = { OR: [{ courseId: null }, { courseId }] };
  const latest = await db.jobRun.groupBy({ by: ['jobName'], where: scope, _max: { startedAt: true }, orderBy: { jobName: 'asc' } });
  return Promise.all(
    latest.map(async ({ jobName, _max }) => {
      const run = await db.jobRun.findFirst({ where: { ...scope, jobName, startedAt: _max.startedAt! }, orderBy: { id: 'desc' } });
      const failures = await db.jobRun.count({ where: { ...scope, jobName, outcome: 'failed', startedAt: { gte: failuresSince } } });
      return { jobName, run, failures };
    }),
  );
}
