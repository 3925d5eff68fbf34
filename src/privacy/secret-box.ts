import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * How a stored secret was sealed. 1: AES-256-GCM without associated data (before secrets were bound to
 * their course; still opened, re-sealed by `npm run secrets:reseal` and at start-up). 2: AES-256-GCM with
 * the course id as associated data, so a ciphertext copied into another course's row does not open.
 */
export const LEGACY_FORMAT = 1;
export const BOUND_FORMAT = 2;

const TAG_BYTES = 16;
const IV_BYTES = 12;

/** An encrypted value as stored: AES-256-GCM with the key version beside it, so keys can be rotated. */
export interface SealedSecret {
  format: number;
  keyVersion: number;
  iv: string;
  authTag: string;
  ciphertext: string;
}

/** A sealed secret as it sits in its course's row; rows written before the format column have none. */
export type StoredSecret = Omit<SealedSecret, 'format'> & { format?: number; courseId: string };

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

/** Domain-separated, so the same key can never confuse a course secret with anything else it might seal. */
function associatedData(courseId: string): Buffer {
  return Buffer.from(`coursethreads/blog-secret/v${BOUND_FORMAT}/course:${courseId}`, 'utf8');
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

  /** True when the stored secret is already in the newest format under the newest key (nothing to re-seal). */
  isCurrent(stored: Pick<StoredSecret, 'format' | 'keyVersion'>): boolean {
    return (stored.format ?? LEGACY_FORMAT) === BOUND_FORMAT && stored.keyVersion === this.currentVersion;
  }

  /** Seals for one course: the course id is bound as associated data and must match when opening. */
  seal(plaintext: string, courseId: string): SealedSecret {
    const version = this.currentVersion;
    if (version === null) throw new SecretKeyError('no encryption key is configured: set COURSETHREADS_SECRET_KEYS');
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(version)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(courseId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      format: BOUND_FORMAT,
      keyVersion: version,
      iv: iv.toString('base64'),
      authTag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
  }

  /** Opens a stored secret; its own row's courseId is the associated data, so a copied ciphertext fails. */
  open(stored: StoredSecret): string {
    const format = stored.format ?? LEGACY_FORMAT;
    const key = this.keys.get(stored.keyVersion);
    if (!key)
      throw new SecretKeyError(`blog credentials were sealed with key version ${stored.keyVersion}, which is not configured in COURSETHREADS_SECRET_KEYS`);
    if (format !== LEGACY_FORMAT && format !== BOUND_FORMAT)
      throw new SecretKeyError(`blog credentials are stored in an unknown format (${format}); is this an older CourseThreads?`);
    const iv = Buffer.from(stored.iv, 'base64');
    const tag = Buffer.from(stored.authTag, 'base64');
    // GCM verifies a tag cut short as readily as a whole one; only the full 16 bytes are accepted.
    if (tag.length !== TAG_BYTES || iv.length !== IV_BYTES)
      throw new SecretKeyError(`the stored blog credentials are damaged (tag or nonce has the wrong length)`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      if (format === BOUND_FORMAT) decipher.setAAD(associatedData(stored.courseId));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(stored.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretKeyError(
        `key version ${stored.keyVersion} does not open the stored blog credentials (wrong key, or credentials that belong to another course?)`,
      );
    }
  }
}
