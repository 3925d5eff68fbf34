// The semester's assertions, shared by the WordPress fake (integration) and the real WordPress (e2e):
// the script runs once, then each check compares what people see with the truth the Ledger computes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAST, DMS_CLOSED, DUE_AS_SHOWN, expectedRows, ROUND, STAGES, STUDENTS, type Pair, type StudentKey } from './semester-cast.js';
import { csvRecords, type SemesterWorld } from './semester-people.js';
import { studentNamed } from './semester-observe.js';
import { runSemester, TITLES, type SemesterRun } from './semester-script.js';

export function describeSemester(label: string, start: () => Promise<SemesterWorld>): void {
  describe(label, () => {
    let sw: SemesterWorld | undefined;
    let run: SemesterRun;
    beforeAll(async () => {
      sw = await start();
      run = await runSemester(sw);
    }, 240_000);
    afterAll(() => sw?.world.close());

    const pairs = (): Pair[] => run.pairs.map((x) => ({ reviewer: studentNamed(x.reviewer), title: x.title, done: x.done }));
    /** What each student still owes at every stage: the reviews the script never completed. */
    const owed = (s: StudentKey) =>
      pairs()
        .filter((x) => x.reviewer === s && !run.ledger.reviewDone(s, x.title))
        .map((x) => x.title)
        .sort();

    it('the roster import names the wrong Discord handle and how to fix it; Bob hears by DM when his late link is made', () => {
      expect(run.firstImport.content).toContain('Discord user "erin.typo" is not a member of this server');
      expect(run.firstImport.content.match(/is not a member of this server/g), 'only Erin’s handle is wrong').toHaveLength(1);
      expect(run.linkDm).toHaveLength(1);
      expect(run.linkDm[0]).toContain(`**${CAST.bob.blogLogin}** is now linked`);
    });

    it('the round preview blocks nothing, and Confirm creates it', () => {
      expect(run.preview.content).not.toContain('⛔');
      expect(run.confirmed.content).toContain('created');
    });

    it('nobody reviews their own essay, no staff post is in the round, and each student owes 2 reviews of the essays published before it', () => {
      for (const x of pairs()) expect(run.ledger.authorOf(x.title), `${x.reviewer} → ${x.title}`).not.toBe(x.reviewer);
      expect(pairs().map((x) => x.title)).not.toContain(TITLES.announcement);
      const onTime = run.ledger
        .studentEssays()
        .filter((e) => !e.afterRound)
        .map((e) => e.title);
      for (const s of STUDENTS)
        expect(
          pairs().filter((x) => x.reviewer === s && onTime.includes(x.title)),
          s,
        ).toHaveLength(ROUND.reviews);
      expect(new Set(pairs().map((x) => x.title))).toEqual(new Set(run.ledger.studentEssays().map((e) => e.title)));
    });

    it('/reviews list marks done exactly the reviews people wrote long enough after the round began', () => {
      expect(run.pairsAfterDue.map((x) => `${x.reviewer} → ${x.title}`).sort()).toEqual(run.pairs.map((x) => `${x.reviewer} → ${x.title}`).sort());
      const done = run.pairsAfterDue
        .filter((x) => x.done)
        .map((x) => `${x.reviewer} → ${x.title}`)
        .sort();
      const truth = pairs()
        .filter((x) => run.ledger.reviewDone(x.reviewer, x.title))
        .map((x) => `${CAST[x.reviewer].name} → ${x.title}`)
        .sort();
      expect(done).toEqual(truth);
      expect(truth.length).toBeGreaterThan(0);
    });

    it('nothing is sent half an hour before the 48 h stage: across the DST change it keeps 18:00 local, 47 hours before the deadline', () => {
      for (const s of STUDENTS) expect(run.beforeFirstStage[s], s).toEqual([]);
    });

    it('every owed review is reminded once per stage, where the student can read it (DM, or the reminder thread for closed DMs)', () => {
      expect(run.stages.map((x) => x.stage)).toEqual(STAGES.map((x) => x.stage));
      for (const stage of run.stages) {
        for (const s of STUDENTS) {
          const got = stage.sent[s];
          const titles = got.map((r) => /“(.+?)”/.exec(r.content)?.[1]).sort();
          expect(titles, `${stage.stage}: ${s}`).toEqual(owed(s));
          expect(new Set(got.map((r) => r.where)), `${stage.stage}: ${s}`).toEqual(new Set(got.length ? [DMS_CLOSED.has(s) ? 'thread' : 'dm'] : []));
          expect(stage.repeat[s], `${stage.stage} again: ${s}`).toEqual([]);
          // The deadline as the course reads it: Monday 18:00 in Berlin, summer time by then.
          for (const r of got) expect(r.content, `${stage.stage}: ${s}`).toMatch(DUE_AS_SHOWN);
        }
      }
      expect(run.stages.some((x) => STUDENTS.some((s) => x.sent[s].length > 0))).toBe(true);
      expect(run.staffChannelReminders).toBe(0);
    });

    it('the participation CSV equals the truth: essays credited to their authors, comments, reviews and reminders', () => {
      const rows = expectedRows(run.ledger, pairs());
      const reminded = (s: StudentKey) => run.stages.reduce((n, x) => n + x.sent[s].length, 0);
      const csv = Object.fromEntries(csvRecords(run.csv).map((r) => [r.Student, r]));
      expect(Object.keys(csv).sort()).toEqual(STUDENTS.map((s) => CAST[s].name).sort());
      for (const s of STUDENTS) {
        const r = rows[s];
        expect(csv[CAST[s].name], s).toMatchObject({
          'Essays published': String(r.essays),
          'Comments given (Discord)': String(r.commentsDiscord),
          'Comments given (blog)': String(r.commentsBlog),
          'Comments received': String(r.commentsReceived),
          'Reviews done': String(r.reviewsDone),
          'Reviews done late': '0',
          'Reviews pending': '0',
          'Reviews overdue': String(r.reviewsOverdue),
          'Reminders sent': String(reminded(s)),
        });
      }
    });

    it('the participation reply shows each student the same numbers as the truth', () => {
      const rows = expectedRows(run.ledger, pairs());
      const reminded = (s: StudentKey) => run.stages.reduce((n, x) => n + x.sent[s].length, 0);
      for (const s of STUDENTS) {
        const r = rows[s];
        const line = run.report.content.split('\n').find((l) => l.startsWith(CAST[s].name));
        const numbers = line?.slice(CAST[s].name.length).trim().split(/\s+/).map(Number);
        expect(numbers, s).toEqual([r.essays, r.commentsDiscord, r.commentsBlog, r.commentsReceived, r.reviewsDone, 0, 0, r.reviewsOverdue, reminded(s)]);
      }
    });

    it('the chart reply carries a PNG and the same totals as the truth', () => {
      const rows = Object.values(expectedRows(run.ledger, pairs()));
      const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
      const file = run.chart.attachments[0];
      expect(file?.filename).toMatch(/\.png$/);
      expect(file!.data.subarray(1, 4).toString('latin1')).toBe('PNG');
      const done = sum((r) => r.reviewsDone);
      const assigned = done + sum((r) => r.reviewsOverdue);
      expect(run.chart.content).toContain(
        `${STUDENTS.length} students · ${sum((r) => r.essays)} essays · ${sum((r) => r.commentsDiscord + r.commentsBlog)} comments given (${sum((r) => r.commentsDiscord)} Discord, ${sum((r) => r.commentsBlog)} blog) · reviews ${done}/${assigned} done`,
      );
    });
  });
}
