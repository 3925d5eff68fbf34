import { BlogError } from '../ports/blog-source.js';
import type { BlogKind } from '../core/types.js';
import { courseBlogAddress, saveBlogSecret } from '../db/repositories/course-blog-secrets.js';
import { inTransaction } from '../db/transaction.js';
import { UserError } from '../shared/user-error.js';
import type { BlogCredentials } from './blog-credentials.js';
import { recordAudit } from './audit.js';
import { describeBlogError, type SetupDeps } from './setup-course.js';

/** /course credentials: the new credentials are tested against the blog before they replace the old ones. */
export async function replaceCredentials(
  deps: SetupDeps,
  input: { courseId: string; guildId: string; actorUserId: string; credentials: BlogCredentials },
): Promise<void> {
  const course = await courseBlogAddress(deps.db, input.courseId);
  if (input.credentials.kind === 'none') throw new UserError('Give blog_user and blog_password (an application password), or blog_token for WordPress.com.');
  try {
    await deps.createBlog({ kind: course.blogKind as BlogKind, url: course.blogUrl, credentials: input.credentials }).verify();
  } catch (error) {
    if (error instanceof BlogError) throw new UserError(`The old credentials were kept: the blog refused the new ones (${describeBlogError(error)}).`);
    throw error;
  }
  const sealed = deps.secrets.seal(JSON.stringify(input.credentials), input.courseId);
  await inTransaction(deps.db, async (tx) => {
    await saveBlogSecret(tx, input.courseId, sealed);
    await recordAudit(tx, { courseId: input.courseId, guildId: input.guildId, actorUserId: input.actorUserId, action: 'course.credentials' });
  });
}
