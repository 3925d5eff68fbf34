import { describe, expect, it } from 'vitest';
import { discordMessageIdOf, withDiscordMarker } from '../../../src/core/comments/discord-marker.js';
import { isOwnComment, type OwnCommentKey } from '../../../src/core/comments/own-comment.js';
import type { BlogComment } from '../../../src/core/types.js';

const key: OwnCommentKey = {
  discordMessageId: '1300000000000000042',
  blogPostId: '7',
  parentBlogCommentId: null,
  authorBlogUserId: null,
  authorName: 'Bea & Co',
};

/** A comment as WordPress hands it back: paragraphs added, the name stored escaped. */
function onBlog(over: Partial<BlogComment> & { html?: string } = {}): BlogComment {
  const html = over.html ?? withDiscordMarker('Agreed.', key.discordMessageId);
  return {
    blogCommentId: '90',
    blogPostId: '7',
    parentBlogCommentId: null,
    authorBlogUserId: null,
    authorName: 'Bea &amp; Co',
    authorEmail: null,
    authorAvatarUrl: null,
    contentHtml: `<p>${html}</p>\n`,
    createdAt: new Date(0),
    status: 'approved',
    url: 'https://blog.example/?p=7#comment-90',
    ...over,
  };
}

describe('recognising the comment the bot wrote for a Discord message', () => {
  it('knows its own comment through WordPress’s paragraphs and escaped name', () => {
    expect(isOwnComment(onBlog(), key)).toBe(true);
  });

  it('never takes a classmate’s comment with the same text, nor one the bot wrote for another message', () => {
    expect(isOwnComment(onBlog({ html: 'Agreed.' }), key)).toBe(false);
    expect(isOwnComment(onBlog({ html: withDiscordMarker('Agreed.', '1300000000000000043') }), key)).toBe(false);
    expect(isOwnComment(onBlog({ authorName: 'Cal Classmate' }), key)).toBe(false);
  });

  it('requires the same post and parent', () => {
    expect(isOwnComment(onBlog({ blogPostId: '8' }), key)).toBe(false);
    expect(isOwnComment(onBlog({ parentBlogCommentId: '12' }), key)).toBe(false);
    expect(isOwnComment(onBlog({ parentBlogCommentId: '12' }), { ...key, parentBlogCommentId: '12' })).toBe(true);
  });

  it('accepts the student’s blog account, which WordPress names by its own display name', () => {
    expect(isOwnComment(onBlog({ authorBlogUserId: '5', authorName: 'bea_w' }), { ...key, authorBlogUserId: '5' })).toBe(true);
    expect(isOwnComment(onBlog({ authorBlogUserId: '6', authorName: 'bea_w' }), { ...key, authorBlogUserId: '5' })).toBe(false);
  });

  it('reads the marker as kses leaves it, and ignores text that only mentions one', () => {
    expect(discordMessageIdOf('<p>Agreed.<!--coursethreads:discord-message:1300000000000000042--></p>')).toBe('1300000000000000042');
    expect(discordMessageIdOf('<p>coursethreads:discord-message:1300000000000000042</p>')).toBeNull();
    // Writing the marker replaces any marker already in the text, so a comment names exactly one message.
    expect(discordMessageIdOf(withDiscordMarker('<!-- coursethreads:discord-message:1 -->', '2'))).toBe('2');
    expect(discordMessageIdOf('<!-- coursethreads:discord-message:1 --><!-- coursethreads:discord-message:2 -->')).toBeNull();
  });
});
