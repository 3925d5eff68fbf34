import { z } from 'zod';
import { COURSE_NAME_STYLES } from '../roster/blog-author-name.js';

/** True when the runtime knows the IANA zone name (Intl throws RangeError on unknown zones). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use 24-hour HH:MM, e.g. 22:00');

/** The course settings staff choose, validated with messages that say what to fix. */
export const courseSettingsSchema = z
  .object({
    name: z.string().trim().min(1, 'give the course a name').max(100, 'the course name must be at most 100 characters'),
    channelKind: z.enum(['forum', 'text'], { message: 'the channel must be a forum channel or a text channel' }),
    blogKind: z.enum(['wordpress', 'wordpress_com', 'feed'], { message: 'choose wordpress, wordpress_com or feed' }),
    blogUrl: z.url({ protocol: /^https?$/, message: 'the blog URL must start with http:// or https://' }),
    timeZone: z.string().refine(isValidTimeZone, 'unknown time zone: use an IANA name such as Europe/Berlin or America/New_York'),
    quietHoursStart: hhmm.nullable().default(null),
    quietHoursEnd: hhmm.nullable().default(null),
    pollIntervalMinutes: z.number().int().min(1, 'poll at most once a minute').max(60).default(2),
    minCommentWords: z.number().int().min(0).max(2_000).default(25),
    endsAt: z.date().nullable().default(null),
    blogNameStyle: z.enum(COURSE_NAME_STYLES, { message: `choose ${COURSE_NAME_STYLES.join(' or ')}` }).default('full'),
  })
  .refine((s) => (s.quietHoursStart === null) === (s.quietHoursEnd === null), {
    message: 'give both quiet_start and quiet_end, or neither',
    path: ['quietHoursEnd'],
  });

export type CourseSettings = z.infer<typeof courseSettingsSchema>;

/** The /course setup option each setting comes from: errors name what the person typed, not the code's field. */
const OPTION_NAMES: Record<string, string> = {
  name: 'name',
  channelKind: 'channel',
  blogKind: 'blog_kind',
  blogUrl: 'blog_url',
  timeZone: 'time_zone',
  quietHoursStart: 'quiet_start',
  quietHoursEnd: 'quiet_end',
  pollIntervalMinutes: 'poll_minutes',
  minCommentWords: 'min_words',
  endsAt: 'ends_on',
  blogNameStyle: 'blog_names',
};

/** One readable sentence per problem, for the ephemeral reply. */
export function describeSettingsProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.join('.');
    return `${OPTION_NAMES[field] ?? (field || 'settings')}: ${issue.message}`;
  });
}
