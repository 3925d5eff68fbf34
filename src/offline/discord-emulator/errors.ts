// Discord's JSON error shape ({ code, message, errors? }) and the codes the emulator uses.
// Handlers throw DiscordApiError; the HTTP layer turns it into the response body.
export const ErrorCode = {
  General: 0,
  UnknownChannel: 10003,
  UnknownGuild: 10004,
  UnknownMember: 10007,
  UnknownMessage: 10008,
  UnknownUser: 10013,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  MissingAccess: 50001,
  CannotSendEmptyMessage: 50006,
  CannotSendToUser: 50007,
  MissingPermissions: 50013,
  InvalidFormBody: 50035,
  ThreadArchived: 50083,
  InteractionAlreadyAcknowledged: 40060,
  ThreadAlreadyCreated: 160004,
  ThreadLocked: 160005,
} as const;

export type FieldErrors = Record<string, unknown>;

export class DiscordApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: FieldErrors,
  ) {
    super(message);
  }

  toBody(): Record<string, unknown> {
    return this.errors ? { message: this.message, code: this.code, errors: this.errors } : { message: this.message, code: this.code };
  }
}

export const notFound = (code: number, what: string) => new DiscordApiError(404, code, `Unknown ${what}`);
export const missingPermissions = () => new DiscordApiError(403, ErrorCode.MissingPermissions, 'Missing Permissions');
export const missingAccess = () => new DiscordApiError(403, ErrorCode.MissingAccess, 'Missing Access');

/** One field error in Discord's nested `errors` format, e.g. fieldError(['content'], 'BASE_TYPE_MAX_LENGTH', ...). */
export function fieldError(path: (string | number)[], code: string, message: string): FieldErrors {
  const leaf: FieldErrors = { _errors: [{ code, message }] };
  return path.reduceRight<FieldErrors>((acc, key) => ({ [String(key)]: acc }), leaf);
}

export function invalidFormBody(errors: FieldErrors): DiscordApiError {
  return new DiscordApiError(400, ErrorCode.InvalidFormBody, 'Invalid Form Body', errors);
}
