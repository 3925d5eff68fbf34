import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blogOutcomeLabel,
  courseLabel,
  discordRouteLabel,
  effectKindLabel,
  reminderChannelLabel,
  reminderStageLabel,
} from '../../../src/http/metrics-labels.js';

// Label values a person could be identified by must never reach /metrics: every label is either one of a
// closed list of words or a course's generated id. These properties feed arbitrary text (names, e-mails,
// URLs, tokens) into every label function and check that none of it comes out.

const personal = fc.oneof(
  fc.emailAddress(),
  fc.string({ minLength: 3 }),
  fc.constantFrom('Alice Student', 'alice@uni.example', 'https://blog.campus.example/2026/essay', 'Nguyễn Thị Minh'),
);

/** Runs `check` on many arbitrary texts a person could be identified by (fast-check shrinks a failure). */
const forAnyPersonalText = (check: (text: string) => void) => fc.assert(fc.property(personal, check));

describe('metric labels never carry a name, an e-mail, a URL or a secret', () => {
  it('an effect kind outside the registry is reported as "other"', () => {
    expect(effectKindLabel('discord.create_essay_thread')).toBe('discord.create_essay_thread');
    forAnyPersonalText((text) => {
      const label = effectKindLabel(text);
      expect(label === 'other' || label.startsWith('discord.') || label.startsWith('blog.')).toBe(true);
      if (label !== 'other') expect(label).toBe(text); // only a registered kind passes through unchanged
    });
  });

  it('a reminder stage or channel outside the known ones is reported as "other"', () => {
    expect(reminderStageLabel('before_48h')).toBe('before_48h');
    expect(reminderStageLabel('at_due')).toBe('at_due');
    expect(reminderChannelLabel('dm')).toBe('dm');
    forAnyPersonalText((text) => {
      const stage = reminderStageLabel(text);
      expect(stage === 'other' || /^before_\d{1,4}h$|^at_due$|^overdue_digest$/.test(stage)).toBe(true);
      expect(['dm', 'channel', 'staff_channel', 'other']).toContain(reminderChannelLabel(text));
    });
  });

  it('a course label is a generated course id, never a course name', () => {
    expect(courseLabel('cmabc123def456ghi789jkl0')).toBe('cmabc123def456ghi789jkl0');
    expect(courseLabel('HIST 214')).toBe('invalid');
    expect(courseLabel('alice@uni.example')).toBe('invalid');
    forAnyPersonalText((text) => {
      const label = courseLabel(text);
      expect(label === 'invalid' || /^[a-z0-9]{20,40}$/.test(label)).toBe(true);
    });
  });

  it('a blog outcome is one of the known outcomes', () => {
    forAnyPersonalText((text) => {
      expect(['ok', 'client_error', 'server_error', 'rate_limited', 'network', 'timeout', 'invalid_response', 'other']).toContain(blogOutcomeLabel(text));
    });
  });

  it('a Discord route keeps only the route words and replaces every id, token or name', () => {
    expect(discordRouteLabel('/channels/:id/messages')).toBe('/channels/:id/messages');
    expect(discordRouteLabel('/webhooks/:id/:token')).toBe('/webhooks/:id/:token');
    expect(discordRouteLabel('/channels/1234567890123456789/messages/alice@uni.example')).toBe('/channels/:id/messages/:id');
    fc.assert(
      fc.property(fc.array(fc.oneof(personal, fc.constantFrom('channels', 'messages', 'threads')), { maxLength: 6 }), (segments) => {
        const label = discordRouteLabel(`/${segments.join('/')}`);
        // Every segment kept is a placeholder or one of the route words fed in; nothing else passes.
        for (const part of label.split('/').slice(1)) expect([':id', ':token', ':reaction', 'channels', 'messages', 'threads']).toContain(part);
      }),
    );
  });
});
