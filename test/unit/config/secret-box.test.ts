import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox, SecretKeyError } from '../../../src/privacy/secret-box.js';

const k1 = Buffer.alloc(32, 1).toString('base64');
const k2 = Buffer.alloc(32, 2).toString('base64');
const courseA = 'course-a';
const courseB = 'course-b';

/** How secrets were sealed before they were bound to their course: plain AES-256-GCM, no associated data. */
function sealLikeBefore(key: string, plaintext: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { keyVersion: 1, iv: iv.toString('base64'), authTag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

describe('SecretBox', () => {
  it('seals with the newest key and opens with the key version stored beside it', () => {
    const before = new SecretBox({ '1': k1 }).seal('app password', courseA);
    const rotated = new SecretBox({ '1': k1, '2': k2 });
    const after = rotated.seal('app password', courseA);
    expect(before.keyVersion).toBe(1);
    expect(after.keyVersion).toBe(2);
    expect(after.ciphertext).not.toContain('app password');
    expect(rotated.open({ ...before, courseId: courseA })).toBe('app password');
    expect(rotated.open({ ...after, courseId: courseA })).toBe('app password');
  });

  it('refuses a missing key version or a wrong key with a clear error', () => {
    const sealed = { ...new SecretBox({ '2': k2 }).seal('secret', courseA), courseId: courseA };
    expect(() => new SecretBox({ '1': k1 }).open(sealed)).toThrow(/key version 2, which is not configured/);
    expect(() => new SecretBox({ '2': k1 }).open(sealed)).toThrow(SecretKeyError);
  });

  it('detects tampering (GCM authentication)', () => {
    const box = new SecretBox({ '1': k1 });
    const sealed = box.seal('secret', courseA);
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0] = bytes[0]! ^ 1;
    expect(() => box.open({ ...sealed, courseId: courseA, ciphertext: bytes.toString('base64') })).toThrow(SecretKeyError);
  });

  it('refuses a stored tag cut short: only a 16-byte tag opens', () => {
    const box = new SecretBox({ '1': k1 });
    const sealed = box.seal('secret', courseA);
    const tag = Buffer.from(sealed.authTag, 'base64');
    expect(tag).toHaveLength(16);
    for (const length of [4, 8, 12, 15]) {
      // A prefix of the right tag: GCM would verify it if any tag length were allowed.
      expect(() => box.open({ ...sealed, courseId: courseA, authTag: tag.subarray(0, length).toString('base64') }), `${length}-byte tag`).toThrow(
        SecretKeyError,
      );
    }
    expect(box.open({ ...sealed, courseId: courseA })).toBe('secret');
  });

  it('does not open credentials copied into another course’s row', () => {
    const box = new SecretBox({ '1': k1 });
    const sealedForA = box.seal('course A blog password', courseA);
    expect(() => box.open({ ...sealedForA, courseId: courseB })).toThrow(SecretKeyError);
    expect(box.open({ ...sealedForA, courseId: courseA })).toBe('course A blog password');
  });

  it('still opens a secret sealed before secrets were bound to their course, and re-seals it bound', () => {
    const legacy = { ...sealLikeBefore(k1, 'old app password'), format: 1, courseId: courseA };
    const box = new SecretBox({ '1': k1, '2': k2 });
    expect(box.open(legacy)).toBe('old app password');
    const resealed = box.seal(box.open(legacy), courseA);
    expect(resealed.format).not.toBe(1);
    expect(resealed.keyVersion).toBe(2);
    expect(box.open({ ...resealed, courseId: courseA })).toBe('old app password');
    expect(() => box.open({ ...resealed, courseId: courseB })).toThrow(SecretKeyError);
  });
});
