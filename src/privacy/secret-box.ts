import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** An encrypted value as stored: AES-256-GCM with the key version beside it, so keys can be rotated. */
export interface SealedSecret {
  keyVersion: number;
  iv: string;
  authTag: string;
  ciphertext: string;
}

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

/** Keys by version (from COURSETHREADS_SECRET_KEYS); the highest version seals new secrets. */
export class SecretBox {
  private readonly keys: Map<number, Buffer>;

  constructor(keys: Record<string, string>) {
    this.keys = new Map(Object.entries(keys).map(([version, key]) => [Number(version), Buffer.from(key, 'base64')]));
    for (const [version, key] of this.keys) {
      if (key.length !== 32) throw new SecretKeyError(`secret key version ${version} is not 32 bytes`);
    }
  }

  get currentVersion(): number | null {
    return this.keys.size === 0 ? null : Math.max(...this.keys.keys());
  }

  seal(plaintext: string): SealedSecret {
    const version = this.currentVersion;
    if (version === null) throw new SecretKeyError('no encryption key is configured: set COURSETHREADS_SECRET_KEYS');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(version)!, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { keyVersion: version, iv: iv.toString('base64'), authTag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
  }

  open(sealed: SealedSecret): string {
    const key = this.keys.get(sealed.keyVersion);
    if (!key) throw new SecretKeyError(`blog credentials were sealed with key version ${sealed.keyVersion}, which is not configured in COURSETHREADS_SECRET_KEYS`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(sealed.authTag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretKeyError(`key version ${sealed.keyVersion} does not open the stored blog credentials (wrong key?)`);
    }
  }
}
