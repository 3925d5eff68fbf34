// Puts the companion plugin into the e2e WordPress the way an administrator does: build the zip
// (npm run plugin:zip), upload it in wp-admin, activate it, and save the bot URL and secret.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPluginZip, pluginSourceDir } from '../../scripts/zip-wordpress-plugin.js';
import type { WordPressTestSite } from '../integration/blog/wordpress-test-site.js';
import { adminPassword, logInAsAdmin, saveSettings, uploadPluginZip, type AdminSession } from './wordpress-plugin-admin.js';

export const PLUGIN = 'coursethreads/coursethreads';

/** A REST call as a blog user, with that user's application password. */
export async function rest<T = Record<string, unknown>>(
  site: WordPressTestSite,
  login: keyof WordPressTestSite['users'],
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<T> {
  const user = site.users[login];
  const res = await fetch(`${site.url}/wp-json/wp/v2/${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${user.login}:${user.appPassword}`).toString('base64')}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path} as ${login}: HTTP ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Removes the plugin the way wp-admin does (deactivate, delete: runs uninstall.php), if an earlier run left it. */
export async function removePlugin(site: WordPressTestSite): Promise<void> {
  const installed = await rest<Array<{ plugin: string; status: string }>>(site, 'admin', 'plugins');
  if (!installed.some((p) => p.plugin === PLUGIN)) return;
  await rest(site, 'admin', `plugins/${PLUGIN}`, 'POST', { status: 'inactive' });
  await rest(site, 'admin', `plugins/${PLUGIN}`, 'DELETE');
}

/** Deletes the essays a test wrote (and their comments), so later e2e files start from the blog they expect. */
export async function deletePosts(site: WordPressTestSite, ids: Iterable<number>): Promise<void> {
  for (const id of ids) await rest(site, 'admin', `posts/${id}?force=true`, 'DELETE').catch(() => undefined);
}

/** Uploads and activates the plugin; then saves the bot's URL and secret unless `settings` is null. */
export async function installPlugin(
  site: WordPressTestSite,
  wordpressDir: string,
  settings: { pushUrl: string; secret: string } | null,
): Promise<AdminSession> {
  await removePlugin(site);
  const work = mkdtempSync(join(tmpdir(), 'ct-plugin-e2e-'));
  const zip = readFileSync(buildPluginZip(pluginSourceDir, join(work, 'coursethreads-wordpress-plugin.zip')));
  rmSync(work, { recursive: true, force: true });
  const admin = await logInAsAdmin(site.url, adminPassword(wordpressDir));
  const result = await uploadPluginZip(admin, zip);
  if (!result.includes('Plugin installed successfully.'))
    throw new Error(
      `upload failed:\n${result
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .slice(0, 2000)}`,
    );
  await rest(site, 'admin', `plugins/${PLUGIN}`, 'POST', { status: 'active' });
  if (settings) {
    const saved = await saveSettings(admin, settings.pushUrl, settings.secret);
    if (!saved.includes('Settings saved.')) throw new Error('settings were not saved');
  }
  return admin;
}
