import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { problems } from './config-problems.js';

describe('the operator’s blog network settings', () => {
  it('by default no private host is allowed and responses are capped at 10 MiB', () => {
    const config = loadConfig({});
    expect(config.blogAllowedHosts).toEqual([]);
    expect(config.blogMaxResponseBytes).toBe(10 * 1024 * 1024);
  });

  it('an on-campus blog is allowed by listing its host names, comma-separated', () => {
    const config = loadConfig({ BLOG_ALLOWED_HOSTS: 'blog.campus.example, 10.20.0.5,[fd00::5]', BLOG_MAX_RESPONSE_BYTES: '2097152' });
    expect(config.blogAllowedHosts).toEqual(['blog.campus.example', '10.20.0.5', '[fd00::5]']);
    expect(config.blogMaxResponseBytes).toBe(2 * 1024 * 1024);
  });

  it('a URL or a port in BLOG_ALLOWED_HOSTS is refused with what to write instead', () => {
    const text = problems({ BLOG_ALLOWED_HOSTS: 'https://blog.campus.example/' });
    expect(text).toContain('BLOG_ALLOWED_HOSTS');
    expect(text).toContain('host names');
    expect(problems({ BLOG_ALLOWED_HOSTS: 'blog.campus.example:8080' })).toContain('BLOG_ALLOWED_HOSTS');
  });

  it('a response cap that is not a byte count is refused, naming BLOG_MAX_RESPONSE_BYTES', () => {
    expect(problems({ BLOG_MAX_RESPONSE_BYTES: '10MB' })).toContain('BLOG_MAX_RESPONSE_BYTES');
    expect(problems({ BLOG_MAX_RESPONSE_BYTES: '100' })).toContain('BLOG_MAX_RESPONSE_BYTES');
  });
});
