import { z } from 'zod';

/** What staff give /course setup; sealed with SecretBox before it touches the database. */
export const blogCredentialsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('application_password'), username: z.string().min(1), password: z.string().min(1) }),
  z.object({ kind: z.literal('bearer'), token: z.string().min(1) }),
  z.object({ kind: z.literal('none') }),
]);

export type BlogCredentials = z.infer<typeof blogCredentialsSchema>;
