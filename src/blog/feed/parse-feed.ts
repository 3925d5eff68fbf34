// RSS 2.0 and Atom 1.0 -> Essay. Pure: text in, essays out (tested without a server).
import { XMLParser } from 'fast-xml-parser';
import type { Essay } from '../../core/types.js';

export interface ParsedFeed {
  title: string;
  essays: Essay[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Single children still come back as arrays where several are allowed, so code never branches on shape.
  isArray: (name) => ['item', 'entry', 'category', 'link'].includes(name),
});

type Node = Record<string, unknown>;

/** Text of an element that may be a string, a number, or { '#text': ... } (with attributes / CDATA). */
function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object' && '#text' in (v as Node)) return text((v as Node)['#text']);
  return '';
}

function date(v: unknown): Date | null {
  const t = text(v).trim();
  if (!t) return null;
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** RSS <author> is "email (Name)"; prefer the name. */
function rssAuthor(item: Node): string {
  const creator = text(item['dc:creator']);
  if (creator) return creator.trim();
  const author = text(item.author).trim();
  const m = /\(([^)]+)\)/.exec(author);
  return m ? m[1]!.trim() : author;
}

function rssItem(item: Node): Essay | null {
  const link = text(item.link).trim();
  const id = text(item.guid).trim() || link;
  const published = date(item.pubDate) ?? date(item['dc:date']);
  if (!id || !published) return null;
  const description = text(item.description);
  const content = text(item['content:encoded']) || description;
  return {
    blogPostId: id,
    url: link || id,
    title: text(item.title).trim(),
    contentHtml: content,
    excerptHtml: description && description !== content ? description : null,
    authorBlogUserId: null,
    authorName: rssAuthor(item),
    publishedAt: published,
    modifiedAt: date(item['atom:updated']) ?? published,
    status: 'publish',
    featuredImageUrl: ((item.enclosure as Node | undefined)?.['@_url'] as string | undefined) ?? null,
    categories: ((item.category as unknown[]) ?? []).map(text).filter(Boolean),
    tags: [],
  };
}

function atomLink(entry: Node): string {
  const links = (entry.link as Node[] | undefined) ?? [];
  const alt = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
  return (alt?.['@_href'] as string | undefined) ?? '';
}

function atomEntry(entry: Node): Essay | null {
  const id = text(entry.id).trim() || atomLink(entry);
  const published = date(entry.published) ?? date(entry.updated);
  if (!id || !published) return null;
  const summary = text(entry.summary);
  const author = entry.author as Node | Node[] | undefined;
  const first = Array.isArray(author) ? author[0] : author;
  return {
    blogPostId: id,
    url: atomLink(entry) || id,
    title: text(entry.title).trim(),
    contentHtml: text(entry.content) || summary,
    excerptHtml: summary || null,
    authorBlogUserId: null,
    authorName: text(first?.name).trim(),
    publishedAt: published,
    modifiedAt: date(entry.updated) ?? published,
    status: 'publish',
    featuredImageUrl: null,
    categories: ((entry.category as Node[] | undefined) ?? []).map((c) => text(c['@_term'] ?? c['@_label'])).filter(Boolean),
    tags: [],
  };
}

/** Throws on text that is neither RSS nor Atom. */
export function parseFeed(xml: string): ParsedFeed {
  const doc = parser.parse(xml) as Node;
  const channel = (doc.rss as Node | undefined)?.channel as Node | undefined;
  if (channel) {
    const items = ((channel.item as Node[] | undefined) ?? []).map(rssItem).filter((e): e is Essay => e !== null);
    return { title: text(channel.title).trim(), essays: items };
  }
  const feed = doc.feed as Node | undefined;
  if (feed) {
    const entries = ((feed.entry as Node[] | undefined) ?? []).map(atomEntry).filter((e): e is Essay => e !== null);
    return { title: text(feed.title).trim(), essays: entries };
  }
  throw new Error('not an RSS or Atom feed');
}
