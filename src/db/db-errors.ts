// Prisma error codes the use cases turn into outcomes: a unique key that already holds a row means
// "someone already did this" (idempotency), a missing foreign row means the roster changed meanwhile.

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return codeOf(error) === 'P2002';
}

export function isForeignKeyViolation(error: unknown): boolean {
  return codeOf(error) === 'P2003' || codeOf(error) === 'P2025';
}
