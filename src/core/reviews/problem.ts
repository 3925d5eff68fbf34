// Index-based view of a round so the algorithms work on integers and typed arrays, not id strings.

export interface Problem {
  reviewerIds: string[];
  essayIds: string[];
  essayAuthorIds: (string | null)[];
  /** Person index per reviewer / per essay author (-1: author unknown); people are reviewers ∪ authors. */
  reviewerPerson: Int32Array;
  authorPerson: Int32Array;
  personCount: number;
  /** Essays each reviewer may review (not their own), as essay indices. */
  eligible: number[][];
}

export function buildProblem(reviewerIds: string[], essays: { essayId: string; authorId: string | null }[]): Problem {
  const person = new Map<string, number>();
  const personOf = (id: string): number => {
    let p = person.get(id);
    if (p === undefined) {
      p = person.size;
      person.set(id, p);
    }
    return p;
  };
  const reviewerPerson = Int32Array.from(reviewerIds, personOf);
  const authorPerson = Int32Array.from(essays, (e) => (e.authorId === null ? -1 : personOf(e.authorId)));
  const eligible = reviewerIds.map((_, r) => {
    const out: number[] = [];
    for (let e = 0; e < essays.length; e++) if (authorPerson[e] !== reviewerPerson[r]) out.push(e);
    return out;
  });
  return {
    reviewerIds,
    essayIds: essays.map((e) => e.essayId),
    essayAuthorIds: essays.map((e) => e.authorId),
    reviewerPerson,
    authorPerson,
    personCount: person.size,
    eligible,
  };
}
