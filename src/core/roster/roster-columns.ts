// Header matching for roster CSVs exported from gradebooks and spreadsheets: case, spaces, dashes
// and underscores are ignored, and common synonyms are accepted.

export type RosterField = 'name' | 'email' | 'blogUsername' | 'discordUser';

export const REQUIRED_FIELDS: readonly RosterField[] = ['name', 'email'];

const SYNONYMS: Record<RosterField, readonly string[]> = {
  name: ['name', 'fullname', 'studentname', 'student', 'displayname'],
  email: ['email', 'emailaddress', 'mail', 'studentemail', 'universityemail'],
  blogUsername: ['blogusername', 'blog', 'bloguser', 'bloglogin', 'wordpress', 'wordpressusername', 'wordpressuser', 'wpusername', 'username'],
  discordUser: ['discord', 'discorduser', 'discordusername', 'discordid', 'discorduserid', 'discordhandle', 'discordname'],
};

export const FIELD_LABEL: Record<RosterField, string> = {
  name: 'name',
  email: 'email',
  blogUsername: 'blog username',
  discordUser: 'Discord user',
};

export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export type ColumnMap = Partial<Record<RosterField, number>>;

export function matchColumns(header: readonly string[]): { map: ColumnMap; problems: string[] } {
  const map: ColumnMap = {};
  const problems: string[] = [];
  header.forEach((raw, index) => {
    const key = normaliseHeader(raw);
    const field = (Object.keys(SYNONYMS) as RosterField[]).find((f) => SYNONYMS[f].includes(key));
    if (!field) return; // extra columns (student number, notes) are allowed and ignored
    if (map[field] !== undefined) problems.push(`Two columns mean ${FIELD_LABEL[field]}: "${header[map[field]]}" and "${raw}".`);
    else map[field] = index;
  });
  const missing = REQUIRED_FIELDS.filter((f) => map[f] === undefined);
  if (missing.length > 0) {
    const found = header.map((h) => `"${h}"`).join(', ');
    problems.push(
      `Missing required column(s): ${missing.map((f) => FIELD_LABEL[f]).join(', ')}. Found: ${found}. Expected columns: name, email, blog username, Discord user.`,
    );
  }
  return { map, problems };
}
