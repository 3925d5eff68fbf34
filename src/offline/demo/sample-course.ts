// Sample course-blog content written for the demo (in the style of real class blogs: curly quotes,
// em dashes, long paragraphs), and the roster staff import for it.
export const sampleEssay = {
  title: 'The Thaw Was a Promise — Not a Policy',
  content: [
    '<p>Historians often describe the years after 1953 as a “thaw,” and the word fits: ice does not vanish in a day. The release of prisoners, the rehabilitation commissions and the cautious return of debate were real—but each came with conditions that reminded people who still held the thermometer.</p>',
    '<p>What strikes me most is how the language of reform outran its practice. Khrushchev’s speech named the “cult of personality,” yet the institutions that had fed it stayed largely intact; returnees found jobs closed to them and neighbours who preferred not to remember.</p>',
    '<p>So was the Thaw a break with the past, or a renovation of it? I’d argue it was a promise: one the state made loudly, and kept only where keeping it cost little.</p>',
  ].join('\n'),
};

/** Bob's essay, so the review round has two essays to pair. */
export const sampleSecondEssay = {
  title: 'Kitchen Debates — Where the Thaw Really Happened',
  content: [
    '<p>If the Party’s congresses set the Thaw’s limits, the kitchens of Moscow apartments tested them. Friends read samizdat aloud, argued over Novy Mir and sang Okudzhava—quietly, with the radio on.</p>',
    '<p>These evenings were not opposition; most of the people in them still believed in socialism. But they were a habit of speaking freely, and habits outlast policies.</p>',
  ].join('\n'),
};

export const sampleReply =
  'Great point about the “thermometer” — but doesn’t the rehabilitation of *some* prisoners show the promise was partly kept? I’d love a source on the job restrictions.';

export const sampleBlogComment = '<p>Thank you both! On the jobs question: the returnees’ memoirs are full of it—I’ll add two citations tonight.</p>';

/** The roster CSV staff attach to /roster import: names, school e-mail, Discord user and blog account. */
export function sampleRosterCsv(discordIds: { alice: string; bob: string }): string {
  return [
    'name,email,discord,blog username',
    `Alice Student,alice@uni.example,${discordIds.alice},student1`,
    `Bob Student,bob@uni.example,${discordIds.bob},student2`,
    '',
  ].join('\n');
}
