/** Types for package-of.mjs (plain JavaScript so the module hook runs under plain Node). */
export function packageOf(pathOrUrl: string): string;
