// Validation of the identity cells of a roster row. Each returns a normalised value or an error text.

export type Checked<T> = { value: T } | { error: string };

// Deliberately loose (RFC 5322 is not the point): one @, no spaces, a dot in the domain.
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/;

export function checkEmail(raw: string): Checked<string> {
  if (raw === '') return { error: 'Email is empty.' };
  if (!EMAIL.test(raw)) return { error: `"${raw}" is not a valid email address.` };
  return { value: raw.toLowerCase() };
}

export function checkName(raw: string): Checked<string> {
  if (raw === '') return { error: 'Name is empty.' };
  if (raw.length > 100) return { error: 'Name is longer than 100 characters.' };
  return { value: raw };
}

// WordPress sanitize_user (strict) keeps letters, digits, space, _ . - @ ; 60 characters at most.
const BLOG_USER = /^[A-Za-z0-9 _.\-@]{1,60}$/;

export function checkBlogUsername(raw: string): Checked<string | null> {
  if (raw === '') return { value: null };
  if (!BLOG_USER.test(raw)) return { error: `Blog username "${raw}" has characters WordPress does not allow in usernames.` };
  return { value: raw };
}

export interface DiscordUserRef {
  discordUserId: string | null;
  discordUsername: string | null;
}

const SNOWFLAKE = /^\d{17,20}$/;
const MENTION = /^<@!?(\d{17,20})>$/;
// Discord's current usernames: 2-32 of a-z 0-9 _ . with no two periods in a row.
const USERNAME = /^(?!.*\.\.)[a-z0-9_.]{2,32}$/;

export function checkDiscordUser(raw: string): Checked<DiscordUserRef> {
  if (raw === '') return { value: { discordUserId: null, discordUsername: null } };
  if (SNOWFLAKE.test(raw)) return { value: { discordUserId: raw, discordUsername: null } };
  const mention = MENTION.exec(raw);
  if (mention) return { value: { discordUserId: mention[1]!, discordUsername: null } };
  if (/#\d{4}$/.test(raw)) return { error: `"${raw}" is an old Discord tag; give the user's current username or id.` };
  const name = raw.replace(/^@/, '').toLowerCase();
  if (!USERNAME.test(name)) {
    return { error: `"${raw}" is neither a Discord user id (17-20 digits) nor a Discord username (2-32 of a-z, 0-9, _ and .).` };
  }
  return { value: { discordUserId: null, discordUsername: name } };
}
