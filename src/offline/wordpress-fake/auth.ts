import type { IncomingMessage } from 'node:http';
import { WpFail } from './http-util.js';
import type { FakeState } from './state.js';
import type { FakeUser } from './types.js';

/**
 * Basic with an application password. A known login with any other password (a typo, or the user's
 * normal login password) is refused with 401 incorrect_password, as WordPress does once Application
 * Passwords are in use on the site (wp_authenticate_application_password). An unknown login runs as
 * anonymous, so public reads succeed and anything needing a login answers 401 (rest_not_logged_in,
 * rest_comment_login_required, ...). Bearer tokens (WordPress.com) that are unknown fail with 401 outright.
 */
export function resolveUser(state: FakeState, req: IncomingMessage): FakeUser | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const login = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1).replace(/\s+/g, '');
    const user = state.users.find((u) => u.login === login || u.email === login);
    if (user && user.appPassword !== password) throw new WpFail(401, 'incorrect_password', 'The provided password is an invalid application password.');
    return user ?? null;
  }
  if (scheme?.toLowerCase() === 'bearer') {
    const user = state.users.find((u) => u.token === value);
    if (!user) throw new WpFail(401, 'rest_invalid_token', 'The OAuth2 token is invalid.');
    return user;
  }
  return null;
}
