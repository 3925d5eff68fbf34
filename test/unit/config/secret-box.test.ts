import { describe, expect, it } from 'vitest';
import { SecretBox, SecretKeyError } from '../../../src/privacy/secret-box.js';

const k1 = Buffer.alloc(32, 1).toString('base64');
const k2 = Buffer.alloc(32, 2).toString('base64');

describe('SecretBox', () => {
  it('seals with the newest key and opens with the key version stored beside it', () => {
    const before = new SecretBox({ '1': k1 }).seal('app password');
    const rotated = new SecretBox({ '1': k1, '2': k2 });
    const after = rotated.seal('app password');
    expect(before.keyVersion).toBe(1);
    expect(after.keyVersion).toBe(2);
    expect(after.ciphertext).not.toContain('app password');
    expect(rotated.open(before)).toBe('app password');
    expect(rotated.open(after)).toBe('app password');
  });

  it('refuses a missing key version or a wrong key with a clear error', () => {
    const sealed = new SecretBox({ '2': k2 }).seal('secret');
    expect(() => new SecretBox({ '1': k1 }).open(sealed)).toThrow(/key version 2, which is not configured/);
    expect(() => new SecretBox({ '2': k1 }).open(sealed)).toThrow(SecretKeyError);
  });

  it('detects tampering (GCM authentication)', () => {
    const box = new SecretBox({ '1': k1 });
    const sealed = box.seal('secret');
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0] = bytes[0]! ^ 1;
    expect(() => box.open({ ...sealed, ciphertext: bytes.toString('base64') })).toThrow(SecretKeyError);
  });
});
