// What a site administrator does in wp-admin, done over HTTP: log in, upload the plugin's zip
// (Plugins -> Add New -> Upload), activate it, fill in Settings -> CourseThreads, press "Send test".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AdminSession {
  /** A wp-admin request with the admin's login cookies; redirects are not followed. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** GET a wp-admin page and return its HTML. */
  page(path: string): Promise<string>;
  /** Submit a form field set (urlencoded) and follow one redirect; returns the final HTML. */
  submit(path: string, fields: Record<string, string>): Promise<string>;
}

/** What a person reads on a wp-admin page: tags gone, entities decoded. */
export const visibleText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

export function adminPassword(wordpressDir: string): string {
  const creds = JSON.parse(readFileSync(join(wordpressDir, 'credentials.json'), 'utf8')) as { users: { admin: { password: string } } };
  return creds.users.admin.password;
}

export async function logInAsAdmin(siteUrl: string, password: string): Promise<AdminSession> {
  const jar = new Map<string, string>([['wordpress_test_cookie', 'WP%20Cookie%20check']]);
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  };
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(new URL(path, siteUrl), { ...init, headers, redirect: 'manual' });
    remember(res);
    return res;
  };
  const login = await request('/wp-login.php', {
    method: 'POST',
    body: new URLSearchParams({ log: 'admin', pwd: password, 'wp-submit': 'Log In', redirect_to: '/wp-admin/', testcookie: '1' }),
  });
  if (login.status !== 302 || ![...jar.keys()].some((k) => k.startsWith('wordpress_logged_in_'))) {
    throw new Error(`admin login failed: HTTP ${login.status}`);
  }
  const follow = async (res: Response): Promise<string> => {
    const location = res.headers.get('location');
    return location ? (await request(location)).text() : res.text();
  };
  return {
    fetch: request,
    page: async (path) => (await request(path)).text(),
    submit: async (path, fields) => follow(await request(path, { method: 'POST', body: new URLSearchParams(fields) })),
  };
}

/** The value of a hidden input inside the first form whose action contains `action`. */
export function formField(html: string, action: string, name: string): string {
  const form = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.slice(0, f.indexOf('>')).includes(action));
  if (!form) throw new Error(`no form posting to ${action} on the page`);
  // WordPress writes some attributes with single quotes (settings_fields) and some with double quotes.
  const input = [...form.matchAll(/<input\b[^>]*>/g)].map((m) => m[0]).find((tag) => new RegExp(`name=["']${name}["']`).test(tag));
  const value = input && /value=["']([^"']*)["']/.exec(input);
  if (!value) throw new Error(`no field ${name} in the form posting to ${action}`);
  return value[1]!;
}

/** Plugins -> Add New -> Upload Plugin, with the zip a user downloads. */
export async function uploadPluginZip(admin: AdminSession, zip: Buffer): Promise<string> {
  const form = await admin.page('/wp-admin/plugin-install.php?tab=upload');
  const body = new FormData();
  body.set('_wpnonce', formField(form, 'action=upload-plugin', '_wpnonce'));
  body.set('_wp_http_referer', '/wp-admin/plugin-install.php?tab=upload');
  body.set('pluginzip', new Blob([zip], { type: 'application/zip' }), 'coursethreads-wordpress-plugin.zip');
  body.set('install-plugin-submit', 'Install Now');
  const res = await admin.fetch('/wp-admin/update.php?action=upload-plugin', { method: 'POST', body });
  return res.text();
}

/** Settings -> CourseThreads, filled in and saved like a person would. */
export async function saveSettings(admin: AdminSession, pushUrl: string, secret: string): Promise<string> {
  const page = await admin.page('/wp-admin/options-general.php?page=coursethreads');
  return admin.submit('/wp-admin/options.php', {
    option_page: formField(page, 'options.php', 'option_page'),
    action: 'update',
    _wpnonce: formField(page, 'options.php', '_wpnonce'),
    _wp_http_referer: '/wp-admin/options-general.php?page=coursethreads',
    coursethreads_push_url: pushUrl,
    coursethreads_secret: secret,
  });
}

/** The settings page's "Send test" button; returns the page shown afterwards. */
export async function pressSendTest(admin: AdminSession): Promise<string> {
  const page = await admin.page('/wp-admin/options-general.php?page=coursethreads');
  return admin.submit('/wp-admin/admin-post.php', {
    action: formField(page, 'admin-post.php', 'action'),
    _wpnonce: formField(page, 'admin-post.php', '_wpnonce'),
    _wp_http_referer: '/wp-admin/options-general.php?page=coursethreads',
  });
}
