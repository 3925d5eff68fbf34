// How a student's name appears on the public blog when their Discord reply is mirrored there (issue 12
// item 11). The student chooses; until they do, or while their pseudonym waits for staff, the course's
// default applies. Pure: the mirror freezes the result into the comment's effect when the reply is recorded,
// so a retry writes (and finds) the comment under the same name even if the choice changes meanwhile.

export const NAME_STYLES = ['full', 'first-initial', 'pseudonym'] as const;
export type NameStyle = (typeof NAME_STYLES)[number];
/** A pseudonym is personal to each student, so a course default is one of the other two. */
export const COURSE_NAME_STYLES = ['full', 'first-initial'] as const;
export type CourseNameStyle = (typeof COURSE_NAME_STYLES)[number];

export const NAME_STYLE_WORDS: Record<NameStyle, string> = { full: 'full name', 'first-initial': 'first name and initial', pseudonym: 'pseudonym' };

export interface NameChoice {
  displayName: string;
  blogNameStyle: string | null;
  pseudonym: string | null;
  pseudonymStatus: string | null;
}

export interface BlogAuthorName {
  name: string;
  style: NameStyle;
}

/** "Alice Student" -> "Alice S."; "Chloé de la Tour" -> "Chloé T."; a one-word name stays whole. */
export function firstNameAndInitial(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return words[0] ?? fullName.trim();
  // The first code point, not UTF-16 unit, so a surname starting outside the BMP keeps a whole letter.
  const initial = Array.from(words[words.length - 1]!)[0]!.toLocaleUpperCase();
  return `${words[0]} ${initial}.`;
}

function asCourseStyle(style: string): CourseNameStyle {
  return (COURSE_NAME_STYLES as readonly string[]).includes(style) ? (style as CourseNameStyle) : 'full';
}

/** The style in force: the student's own, unless it is a pseudonym staff have not approved. */
export function effectiveNameStyle(student: NameChoice, courseDefault: string): NameStyle {
  const own = student.blogNameStyle;
  if (own === 'pseudonym') return student.pseudonymStatus === 'approved' && student.pseudonym ? 'pseudonym' : asCourseStyle(courseDefault);
  if (own === 'full' || own === 'first-initial') return own;
  return asCourseStyle(courseDefault);
}

export function blogAuthorName(student: NameChoice, courseDefault: string): BlogAuthorName {
  const style = effectiveNameStyle(student, courseDefault);
  if (style === 'pseudonym') return { name: student.pseudonym!, style };
  if (style === 'first-initial') return { name: firstNameAndInitial(student.displayName), style };
  return { name: student.displayName, style };
}

/** Problems with a pseudonym a student typed, as sentences naming the option; empty when it is fine. */
export function pseudonymProblem(pseudonym: string | null): string | null {
  const text = pseudonym?.trim() ?? '';
  if (!text) return 'pseudonym: give the name to show on the blog, e.g. `/privacy name choice:pseudonym pseudonym:Night Owl`.';
  if (Array.from(text).length < 2 || Array.from(text).length > 40) return 'pseudonym: use 2 to 40 characters.';
  // Characters that make mentions, channel links or URLs in Discord; markdown is escaped wherever it is shown.
  if (/[@<>#:/\\`]/.test(text)) return 'pseudonym: use letters, digits, spaces and simple punctuation (no @, #, :, /, <, > or `).';
  return null;
}
