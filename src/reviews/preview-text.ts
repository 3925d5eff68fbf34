// The preview staff read before Confirm: who reviews whom and the load per student, within one
// Discord message (2,000 characters); a long roster is cut with a count of what is not shown.
import type { AssignResult } from '../core/reviews/assign.js';
import { formatDateInZone } from '../core/format/format-date.js';
import type { RoundPlan } from './round-plan.js';

const LIMIT = 1_900;

function histogram(values: number[]): string {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return (
    [...counts.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([v, n]) => `${v} for ${n}`)
      .join(', ') || 'none'
  );
}

export function renderPreview(input: {
  plan: RoundPlan;
  result: AssignResult;
  names: Record<string, string>;
  titles: Record<string, string>;
  timeZone: string;
  /** The course's minimum, used when the round sets none (plan.minWords). */
  courseMinWords: number;
  essayCount: number;
  /** Problems that keep Confirm off, each with its fix. */
  blocking?: readonly string[];
  /** Essays left out because their author is not linked (staff asked for it). */
  excluded?: number;
}): string {
  const { plan, result, names, titles } = input;
  const due = formatDateInZone(new Date(plan.dueAt), input.timeZone, 'F');
  const head = [
    `**Preview: round “${plan.name}”** — due ${due} (${input.timeZone})`,
    plan.mode === 'quota'
      ? `Mode: quota — each student comments on any ${plan.k} peer essay(s) of the ${input.essayCount} that count.`
      : `Mode: assigned — ${plan.k} specific essay(s) per student, ${input.essayCount} essay(s) count.`,
    `Reviews per student: ${histogram(Object.values(result.load.perReviewer))}.`,
    `A review counts with one comment of at least ${plan.minWords ?? input.courseMinWords} words (${plan.minWords == null ? 'the course minimum; min_words sets this round’s own' : 'this round’s min_words'}).`,
  ];
  if (plan.mode === 'assigned') head.push(`Reviewers per essay: ${histogram(Object.values(result.load.perEssay))}.`);
  for (const b of input.blocking ?? []) head.push(`⛔ ${b}`);
  if (input.excluded) head.push(`Left out: ${input.excluded} essay(s) whose author is not linked to a student.`);
  for (const w of result.warnings) head.push(`⚠️ ${w}`);
  const lines: string[] = [];
  if (plan.mode === 'assigned') {
    const byReviewer = new Map<string, string[]>();
    for (const s of plan.slots) {
      const list = byReviewer.get(s.reviewerId) ?? [];
      list.push(`“${titles[s.essayId!] ?? s.essayId}”`);
      byReviewer.set(s.reviewerId, list);
    }
    for (const [reviewer, essays] of [...byReviewer.entries()].sort((a, b) => (names[a[0]] ?? '').localeCompare(names[b[0]] ?? ''))) {
      lines.push(`• ${names[reviewer] ?? reviewer} → ${essays.join(', ')}`);
    }
  }
  let text = head.join('\n');
  let shown = 0;
  for (const line of lines) {
    if (text.length + line.length + 80 > LIMIT) break;
    text += `\n${line}`;
    shown++;
  }
  if (shown < lines.length) text += `\n…and ${lines.length - shown} more reviewer(s) (see /reviews list after confirming).`;
  const close = input.blocking?.length ? 'Confirm stays off until the lines marked ⛔ are fixed.' : 'Nothing is saved until you press **Confirm**.';
  return `${text}\n${close}`.slice(0, 2_000);
}
