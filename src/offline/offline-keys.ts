/**
 * The fixed, public key the offline world (demo and tests) seals blog passwords with. Never a deployment's:
 * a real bot reads its keys from SECRET_KEYS.
 */
export const offlineSecretKeys = { '1': Buffer.alloc(32, 9).toString('base64') };

/** The offline WordPress runs on 127.0.0.1, which the bot refuses unless the operator allows it (BLOG_ALLOWED_HOSTS). */
export const offlineBlogHosts = ['127.0.0.1'];
