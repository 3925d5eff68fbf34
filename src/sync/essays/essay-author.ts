import { escapeDiscordText } from '../../core/format/index.js';
import type { Essay } from '../../core/types.js';
import { essayAuthorStudent } from '../../db/repositories/essay-records.js';
import { studentForBlogAccount } from '../../roster/resolve-blog-accounts.js';
import type { SyncDeps } from '../../context.js';

/** The linked student (shown as a mention that pings nobody), else the blog's author name. */
export async function findEssayAuthor(ctx: SyncDeps, courseId: string, essay: Essay): Promise<{ studentId: string | null; label: string; name: string }> {
  if (essay.authorBlogUserId) {
    // Links the author on the way when the roster names their blog account (see resolve-blog-accounts.ts).
    const studentId = await studentForBlogAccount(
      { db: ctx.db, log: ctx.log, now: () => ctx.clock.now() },
      () => ctx.blogFor(courseId),
      courseId,
      essay.authorBlogUserId,
    );
    const student = studentId ? await essayAuthorStudent(ctx.db, studentId) : null;
    if (student)
      return {
        studentId: student.id,
        label: student.discordUserId ? `<@${student.discordUserId}>` : escapeDiscordText(student.displayName),
        name: student.displayName,
      };
  }
  return { studentId: null, label: escapeDiscordText(essay.authorName), name: essay.authorName };
}
