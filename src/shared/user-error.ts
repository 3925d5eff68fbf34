/** An expected problem the person can fix: shown to them (ephemerally) as is, not logged as a failure. */
export class UserError extends Error {
  override name = 'UserError';
}
