// A simulated course, generated deterministically (insert-simulated-course.ts writes it with Prisma, fast): N
// students, two review rounds (one past due, one open) plus a cancelled one, essays, comments on both sides (some on
// one's own essay, some by guests, some deleted or spam), reviews done / late / pending / overdue /
// cancelled, reminders in every state, and some students with closed DMs. The plain rows are returned
// so tests can compute the ground truth themselves.
import { mulberry32 } from '../../../src/core/reviews/prng.js';

export const SIM_NOW = new Date('2026-03-20T18:00:00Z');
const H = 3_600_000;

export interface SimStudent {
  id: string;
  displayName: string;
  email: string;
  discordUserId: string;
  dmClosedAt: Date | null;
}
export interface SimRound {
  id: string;
  name: string;
  dueAt: Date;
  status: 'active' | 'cancelled';
}
export interface SimEssay {
  id: string;
  authorStudentId: string | null;
  publishedAt: Date;
  blogStatus: string;
  title: string;
  threadId: string;
  url: string;
}
export interface SimComment {
  id: string;
  essayId: string;
  authorStudentId: string | null;
  origin: 'discord' | 'blog';
  writtenAt: Date;
  deletedAt: Date | null;
  blogStatus: string;
}
export interface SimAssignment {
  id: string;
  roundId: string;
  reviewerStudentId: string;
  essayId: string;
  status: string;
  completedAt: Date | null;
}
export interface SimReminder {
  id: string;
  assignmentId: string | null;
  studentId: string | null;
  stage: string;
  status: string;
  postponedUntil: Date | null;
  deliveredVia: string | null;
}

export interface SimCourse {
  courseId: string;
  now: Date;
  students: SimStudent[];
  rounds: SimRound[];
  essays: SimEssay[];
  comments: SimComment[];
  assignments: SimAssignment[];
  reminders: SimReminder[];
}

const prng = mulberry32;

const FIRST = ['Ana', 'Boris', 'Chen', 'Dara', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ivan', 'Jude', 'Kira', 'Luis', 'Mei', 'Nadia', 'Oleg'];
const TRICKY = ['Zoë "Z", O’Brien', '=HYPERLINK("http://x")', 'li.wei@uni.example.edu', '+Renée Ångström', '@handle Smith'];

export function simulateCourse(input: { courseId: string; students: number; seed?: number; discordUserIds?: string[] }): SimCourse {
  const rnd = prng(input.seed ?? 42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const c = input.courseId;
  const id = (() => {
    let n = 0;
    return (p: string) => `${p}${c.slice(-6)}${String(n++).padStart(6, '0')}`;
  })();
  const now = SIM_NOW;
  const students: SimStudent[] = Array.from({ length: input.students }, (_, i) => ({
    id: id('st'),
    displayName: i < TRICKY.length ? TRICKY[i]! : `${FIRST[i % FIRST.length]} Student ${String(i).padStart(3, '0')}`,
    email: `student${i}@uni.example.edu`,
    discordUserId: input.discordUserIds?.[i] ?? String(700000000000000000n + BigInt(i)),
    dmClosedAt: i % 6 === 4 ? new Date(now.getTime() - 48 * H) : null,
  }));
  const rounds: SimRound[] = [
    { id: id('rd'), name: 'Week 1', dueAt: new Date('2026-03-09T04:59:00Z'), status: 'active' },
    { id: id('rd'), name: 'Week 3', dueAt: new Date('2026-03-24T04:59:00Z'), status: 'active' },
    { id: id('rd'), name: 'Dropped', dueAt: new Date('2026-03-12T04:59:00Z'), status: 'cancelled' },
  ];
  const essays: SimEssay[] = [];
  let post = 100;
  const essay = (author: string | null, publishedAt: Date, blogStatus = 'published') => {
    const e = {
      id: id('es'),
      authorStudentId: author,
      publishedAt,
      blogStatus,
      title: `Essay ${post}`,
      threadId: String(600000000000000000n + BigInt(post)),
      url: `https://blog.example.edu/?p=${post}`,
    };
    post++;
    essays.push(e);
    return e;
  };
  const week1 = students.flatMap((s, i) => (i % 10 === 3 ? [] : [essay(s.id, new Date(Date.parse('2026-03-02T15:00:00Z') + Math.floor(rnd() * 72) * H))]));
  week1.push(essay(null, new Date('2026-03-03T10:00:00Z'))); // a blog author not linked to any student
  const week3 = students.flatMap((s, i) => (i % 7 === 5 ? [] : [essay(s.id, new Date(Date.parse('2026-03-16T15:00:00Z') + Math.floor(rnd() * 72) * H))]));
  essay(students[0]!.id, new Date('2026-03-04T10:00:00Z'), 'deleted'); // removed from the blog: not counted
  essay(students[1]!.id, new Date(now.getTime() + 20 * H)); // scheduled post, not out yet: not counted

  const comments: SimComment[] = [];
  for (const e of essays) {
    if (e.publishedAt > now) continue;
    const n = Math.floor(rnd() * 7);
    for (let k = 0; k < n; k++) {
      const r = rnd();
      const author = r < 0.1 ? null : r < 0.2 ? e.authorStudentId : pick(students).id;
      const f = rnd();
      comments.push({
        id: id('cm'),
        essayId: e.id,
        authorStudentId: author,
        origin: rnd() < 0.55 ? 'discord' : 'blog',
        writtenAt: new Date(e.publishedAt.getTime() + Math.floor(rnd() * (now.getTime() - e.publishedAt.getTime()))),
        deletedAt: f < 0.08 ? now : null,
        blogStatus: f >= 0.08 && f < 0.13 ? 'spam' : f >= 0.13 && f < 0.18 ? 'hold' : 'approved',
      });
    }
  }

  const assignments: SimAssignment[] = [];
  const assign = (round: SimRound, pool: SimEssay[], k: number, status: (dueAt: Date) => { status: string; completedAt: Date | null }) => {
    students.forEach((s, i) => {
      const others = pool.filter((e) => e.authorStudentId !== s.id);
      for (let j = 0; j < k; j++) {
        const e = others[(i * 3 + j * 7) % others.length]!;
        if (assignments.some((a) => a.roundId === round.id && a.reviewerStudentId === s.id && a.essayId === e.id)) continue;
        assignments.push({ id: id('as'), roundId: round.id, reviewerStudentId: s.id, essayId: e.id, ...status(round.dueAt) });
      }
    });
  };
  assign(rounds[0]!, week1, 2, (due) => {
    const r = rnd();
    if (r < 0.5) return { status: 'done', completedAt: new Date(due.getTime() - (1 + Math.floor(rnd() * 72)) * H) };
    if (r < 0.7) return { status: 'done_late', completedAt: new Date(due.getTime() + (1 + Math.floor(rnd() * 100)) * H) };
    return r < 0.9 ? { status: 'pending', completedAt: null } : { status: 'cancelled', completedAt: null };
  });
  assign(rounds[1]!, week3, 2, () =>
    rnd() < 0.4 ? { status: 'done', completedAt: new Date(now.getTime() - (1 + Math.floor(rnd() * 40)) * H) } : { status: 'pending', completedAt: null },
  );
  assign(rounds[2]!, week1, 1, () => ({ status: 'pending', completedAt: null }));

  const reminders: SimReminder[] = [];
  const closed = new Set(students.filter((s) => s.dmClosedAt).map((s) => s.id));
  for (const a of assignments) {
    for (const stage of ['before_48h', 'before_24h', 'before_2h', 'at_due'].slice(0, Math.floor(rnd() * 4))) {
      const r = rnd();
      const status = r < 0.6 ? 'sent' : r < 0.75 ? 'failed' : 'pending';
      const viaChannel = closed.has(a.reviewerStudentId);
      reminders.push({
        id: id('rm'),
        assignmentId: a.id,
        studentId: a.reviewerStudentId,
        stage,
        status,
        postponedUntil: rnd() < 0.2 ? new Date(now.getTime() - 5 * H) : null,
        deliveredVia: status === 'sent' ? (viaChannel ? 'channel' : 'dm') : null,
      });
    }
  }
  reminders.push({
    id: id('rm'),
    assignmentId: null,
    studentId: null,
    stage: 'overdue_digest',
    status: 'sent',
    postponedUntil: null,
    deliveredVia: 'staff_channel',
  });
  return { courseId: c, now, students, rounds, essays, comments, assignments, reminders };
}
