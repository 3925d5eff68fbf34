// What people do in the semester, as small verbs over one world: a slash command, a button, a blog post
// or comment through the blog's REST API with the person's own application password, a reply in a
// Discord thread. The same verbs drive the WordPress fake and the real WordPress (see SemesterWorld).
import type { InteractionResponseView } from '../../../src/offline/discord-emulator/interaction-tracker.js';
import type { RestPersona } from '../../../src/offline/wordpress-fake/index.js';
import type { ManualClock } from '../../../src/shared/clock.js';
import type { BotWorld, WorldBlog } from '../../support/bot-world.js';

export type BlogLogin = 'admin' | 'student1' | 'student2';

/** One world the semester runs in: the bot on the Discord emulator, and a blog (fake or real). */
export interface SemesterWorld {
  world: BotWorld;
  clock: ManualClock;
  blog: WorldBlog;
  persona(login: BlogLogin): RestPersona;
}

export function people(sw: SemesterWorld) {
  const { world } = sw;
  const emu = world.emu;
  /** The bot reads the clock: during the live part of the term it follows real time (blog and Discord stamp real times). */
  const keepUp = () => sw.clock.set(new Date(Math.max(sw.clock.now().getTime(), Date.now())));

  async function run(userId: string, name: string, subcommand?: string, options: Record<string, unknown> = {}): Promise<InteractionResponseView> {
    keepUp();
    return emu
      .as(userId)
      .runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name, ...(subcommand ? { subcommand } : {}), options: options as never })
      .response(30_000);
  }

  async function publish(login: BlogLogin, title: string, content: string): Promise<number> {
    return (await sw.persona(login).publishPost({ title, content })).id;
  }

  /**
   * WordPress refuses a second comment from one person within 15 s ("comment_flood"): people wait and post again.
   * A real WordPress holds a student's first comment for moderation (comment_previously_approved); the instructor
   * approves it, as a course does, so it is published on both blogs alike.
   */
  async function blogComment(login: BlogLogin, postId: number, text: string): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const r = await sw.persona(login).comment(postId, `<p>${text}</p>`);
      if (r.status === 201 && r.json?.status === 'hold') await sw.persona('admin').moderateComment(r.json.id, 'approved');
      if (r.status === 201) return;
      if (r.status !== 409 && r.json?.code !== 'comment_flood')
        throw new Error(`${login}: comment on ${postId} -> ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
      await new Promise((resolve) => setTimeout(resolve, 16_000));
    }
    throw new Error(`${login}: comment on ${postId} refused as a flood three times`);
  }

  /** The essay's thread in the course forum, once the bot has opened it. */
  function threadOf(title: string): Promise<string> {
    return emu.waitFor(() => emu.findThreadByName(title, world.forumId)?.id, 20_000, `thread for “${title}”`);
  }

  /** A reply in an essay's thread; waits until the bot has mirrored it to the blog, as the student would check. */
  async function discordReply(userId: string, title: string, postId: number, text: string): Promise<void> {
    const threadId = await threadOf(title);
    emu.as(userId).postMessage(threadId, { content: text });
    const probe = text.slice(0, 40);
    await emu.waitFor(
      async () => {
        await world.bot.syncNow();
        const r = await sw.persona('admin').request('GET', 'comments', { query: { post: postId, context: 'edit', status: 'all', per_page: 100 } });
        return (r.json as { content: { raw: string } }[]).some((c) => c.content.raw.includes(probe));
      },
      20_000,
      `reply on “${title}” mirrored to the blog`,
    );
  }

  async function pressConfirm(userId: string, preview: InteractionResponseView): Promise<InteractionResponseView> {
    const customId = /"custom_id":"(reviews:confirm:[^"]+)"/.exec(JSON.stringify(preview.components))?.[1];
    if (!customId) throw new Error(`round preview without a Confirm button: ${preview.content}`);
    keepUp();
    return emu.as(userId).pressButton({ guildId: world.guildId, channelId: world.staffChannelId, messageId: preview.messageId!, customId }).response(30_000);
  }

  return { emu, run, publish, blogComment, threadOf, discordReply, pressConfirm, keepUp };
}

export type People = ReturnType<typeof people>;

export const csvFile = (name: string, text: string) => ({ attachment: { filename: name, contentType: 'text/csv', data: Buffer.from(text) } });

/** A downloaded CSV as rows of cells by header (quotes and the BOM removed; no cell of ours holds a comma). */
export function csvRecords(reply: InteractionResponseView): Record<string, string>[] {
  const file = reply.attachments[0];
  if (!file) throw new Error(`no CSV attached: ${reply.content}`);
  const [header, ...rows] = Buffer.from(file.data)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}
