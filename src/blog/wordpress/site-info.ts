import type { HttpClient } from '../http/http-client.js';
import { parseBody } from '../http/http-client.js';
import type { BlogZone } from './local-time.js';
import type { WordPressRoutes } from './routes.js';
import { wpcomSiteSchema, wpSiteInfoSchema } from './schemas.js';

export interface SiteInfo {
  name: string;
  /** IANA name when the site has one; null when it is set to a fixed UTC offset. */
  timeZone: string | null;
  zone: BlogZone;
}

function isIana(name: string | undefined): name is string {
  if (!name) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function zoneFrom(tz: string | undefined, offset: number | string | undefined): Pick<SiteInfo, 'timeZone' | 'zone'> {
  if (isIana(tz)) return { timeZone: tz, zone: { iana: tz, gmtOffsetHours: 0 } };
  const hours = Number(offset ?? 0);
  return { timeZone: null, zone: { iana: null, gmtOffsetHours: Number.isFinite(hours) ? hours : 0 } };
}

export async function fetchSiteInfo(http: HttpClient, routes: WordPressRoutes): Promise<SiteInfo> {
  const url = routes.siteInfo();
  const res = await http.send({ method: 'GET', url });
  if (routes.flavor === 'wordpress_com') {
    const site = parseBody(wpcomSiteSchema, res.json, `GET ${url}`);
    return { name: site.name, ...zoneFrom(site.options?.timezone, site.options?.gmt_offset) };
  }
  const site = parseBody(wpSiteInfoSchema, res.json, `GET ${url}`);
  return { name: site.name, ...zoneFrom(site.timezone_string, site.gmt_offset) };
}
