import { describe, expect, it } from 'vitest';
import { blogAuthorName, firstNameAndInitial, pseudonymProblem } from '../../../src/core/roster/blog-author-name.js';
import { itConverts } from '../format/conversion-cases.js';

const alice = { displayName: 'Alice Student', blogNameStyle: null, pseudonym: null, pseudonymStatus: null };

describe('the name a student’s mirrored reply shows on the blog', () => {
  itConverts(firstNameAndInitial, [
    [
      'shortens a name to its first word and the initial of its last',
      ['Alice Student', 'Alice S.'],
      ['  Chloé  de la Tour ', 'Chloé T.'],
      ['Madonna', 'Madonna'],
      ['Zoë 𝓐ndersen', 'Zoë 𝓐.'],
    ],
  ]);

  it('follows the course default until the student chooses', () => {
    expect(blogAuthorName(alice, 'full')).toEqual({ name: 'Alice Student', style: 'full' });
    expect(blogAuthorName(alice, 'first-initial')).toEqual({ name: 'Alice S.', style: 'first-initial' });
    expect(blogAuthorName({ ...alice, blogNameStyle: 'full' }, 'first-initial')).toEqual({ name: 'Alice Student', style: 'full' });
  });

  it('shows a pseudonym only once staff approved it', () => {
    const asked = { ...alice, blogNameStyle: 'pseudonym', pseudonym: 'Night Owl', pseudonymStatus: 'pending' };
    expect(blogAuthorName(asked, 'first-initial').name).toBe('Alice S.');
    expect(blogAuthorName({ ...asked, pseudonymStatus: 'rejected' }, 'full').name).toBe('Alice Student');
    expect(blogAuthorName({ ...asked, pseudonymStatus: 'approved' }, 'full')).toEqual({ name: 'Night Owl', style: 'pseudonym' });
  });

  it('names the option when a pseudonym cannot be used', () => {
    expect(pseudonymProblem(null)).toContain('pseudonym:');
    expect(pseudonymProblem('x')).toContain('2 to 40');
    expect(pseudonymProblem('@everyone')).toContain('no @');
    expect(pseudonymProblem('Night Owl')).toBeNull();
  });
});
