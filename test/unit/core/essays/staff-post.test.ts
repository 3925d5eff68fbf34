import { describe, expect, it } from 'vitest';
import { isStaffPost, staffPostRule } from '../../../../src/core/essays/staff-post.js';

describe('staff posts are not essays', () => {
  const rule = staffPostRule({ staffBlogUserIds: '["1","7"]', announcementCategory: 'Announcements' });
  it('a post by a blog account staff named is a staff post', () => {
    expect(isStaffPost({ authorBlogUserId: '7', categories: ['Week 3'] }, rule)).toBe(true);
    expect(isStaffPost({ authorBlogUserId: '17', categories: ['Week 3'] }, rule)).toBe(false);
  });
  it('a post in the announcement category is a staff post, whatever the case of its name', () => {
    expect(isStaffPost({ authorBlogUserId: '3', categories: ['Uncategorized', ' announcements'] }, rule)).toBe(true);
    expect(isStaffPost({ authorBlogUserId: null, categories: [] }, staffPostRule({ staffBlogUserIds: '[]', announcementCategory: null }))).toBe(false);
  });
});
