// What a refused blog connection means for the person who typed the options: which option is wrong
// (blog_url, blog_user, blog_password, blog_token) and what to do about it. The blog's own words are
// never repeated (see src/blog/http/error-map.ts): only its status and WordPress error code are read.
import type { BlogError } from '../ports/blog-source.js';

const operatorAdvice = "For a blog on your campus network, ask the bot's operator to add its host name to BLOG_ALLOWED_HOSTS.";

/** The bot's own network limits, worded for staff: which option is wrong and what to do about it. */
function describeGuardRefusal(code: string | null): string | null {
  switch (code) {
    case 'blocked_address':
      return `blog_url leads to a private or local network address (or redirects there), which the bot does not connect to. ${operatorAdvice}`;
    case 'unsupported_scheme':
      return 'blog_url redirects to an address that is not http:// or https://; give the blog’s final https:// address';
    case 'too_many_redirects':
      return 'blog_url redirects too many times; open it in a browser and give the address it ends up at';
    case 'too_large':
      return 'the blog at blog_url sent a larger answer than the bot accepts; check that blog_url is the blog’s home page (the operator can raise BLOG_MAX_RESPONSE_BYTES)';
    case 'timeout':
      return 'the blog at blog_url did not finish answering in time; check the URL and try again';
    default:
      return null;
  }
}

export function describeBlogError(error: BlogError): string {
  const guard = describeGuardRefusal(error.code);
  if (guard) return guard;
  switch (error.kind) {
    case 'auth':
      return describeAuthRefusal(error);
    case 'not_found':
      return 'no WordPress REST API at that address; check blog_url';
    case 'unavailable':
      return 'the blog did not answer; check blog_url and try again';
    case 'unsupported':
      return error.message; // the adapter's own words (a read-only feed), not the blog's
    default:
      // Status and WordPress error code only: the blog's own words are never repeated (see error-map.ts).
      return `the blog refused the request${error.status ? ` (HTTP ${error.status}${error.code ? ` ${error.code}` : ''})` : ''}; check blog_url and the credentials`;
  }
}

const APP_PASSWORD_HOWTO =
  'log in to the blog as blog_user, create an Application Password under Users → Profile → Application Passwords, and give it as blog_password (spaces are fine)';

/**
 * WordPress checks Basic credentials against the user's Application Passwords only: a normal login password
 * is answered 401 `incorrect_password` (or, where Application Passwords are off, as a logged-out visitor).
 */
function describeAuthRefusal(error: BlogError): string {
  switch (error.code) {
    case 'incorrect_password':
      return `blog_password was refused: it must be an Application Password, not the normal login password. To fix it, ${APP_PASSWORD_HOWTO}`;
    case 'invalid_username':
    case 'invalid_email':
      return 'blog_user: the blog has no user with that name; give the login name of the bot’s account (Users → All Users), not its display name';
    case 'rest_invalid_token':
      return 'blog_token was refused by WordPress.com: create a new access token for the site and give it as blog_token';
    default:
      if (error.status === 403)
        return 'the account in blog_user may not read comments or users: give it the Editor role (Users → All Users → Edit → Role), then try again';
      return `blog_user and blog_password were not accepted (the blog treated the bot as logged out). Give the login name and an Application Password, not the normal login password: ${APP_PASSWORD_HOWTO}. A blog on plain http:// has Application Passwords turned off: use its https:// address`;
  }
}
