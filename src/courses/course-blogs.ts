import type { BlogSource } from '../ports/blog-source.js';
import { withCachedVerify } from '../blog/cached-verify.js';
import { createBlogSource, type BlogSourceDeps } from '../blog/create-blog-source.js';
import { createGuardedFetch } from '../blog/http/guarded-fetch.js';
import type { Db } from '../db/client.js';
import { courseBlogWithSecret } from '../db/repositories/course-blog-secrets.js';
import type { BlogKind } from '../core/types.js';
import type { SecretBox } from '../privacy/secret-box.js';
import type { Metrics } from '../shared/metrics.js';
import { blogCredentialsSchema, type BlogCredentials } from './blog-credentials.js';

/**
 * Builds the real adapters (src/blog) from a course's settings. Every course shares one guarded network:
 * the operator's policy (deps.allowedHosts, deps.maxResponseBytes) and one connection pool.
 */
export function realBlogSources(deps: BlogSourceDeps = {}): BlogSourceFactory {
  const shared: BlogSourceDeps = { ...deps, fetch: deps.fetch ?? createGuardedFetch(deps) };
  return (settings) =>
    createBlogSource(
      { kind: settings.kind, url: settings.url, credentials: settings.credentials.kind === 'none' ? null : settings.credentials },
      settings.onAttempt ? { ...shared, onAttempt: settings.onAttempt } : shared,
    );
}

export type BlogSourceFactory = (settings: {
  kind: BlogKind;
  url: string;
  credentials: BlogCredentials;
  onAttempt?: BlogSourceDeps['onAttempt'];
}) => BlogSource;

/**
 * Builds each course's BlogSource on demand, opening its sealed credentials in memory only. Cached per
 * course until the credentials change (their updatedAt is part of the cache key).
 */
export function courseBlogs(db: Db, secrets: SecretBox, create: BlogSourceFactory, metrics?: Metrics): (courseId: string) => Promise<BlogSource> {
  const cache = new Map<string, { stamp: string; source: BlogSource }>();
  return async (courseId) => {
    const course = await courseBlogWithSecret(db, courseId);
    const stamp = `${course.blogKind}|${course.blogUrl}|${course.secret?.updatedAt.toISOString() ?? 'none'}`;
    const hit = cache.get(courseId);
    if (hit?.stamp === stamp) return hit.source;
    const credentials: BlogCredentials = course.secret ? blogCredentialsSchema.parse(JSON.parse(secrets.open(course.secret))) : { kind: 'none' };
    const source = withCachedVerify(
      create({ kind: course.blogKind as BlogKind, url: course.blogUrl, credentials, onAttempt: (outcome) => metrics?.blogRequest(courseId, outcome) }),
    );
    cache.set(courseId, { stamp, source });
    return source;
  };
}
