// Sample course-blog content written for the demo (in the style of real class blogs: curly quotes,
// em dashes, long paragraphs).
export const sampleEssay = {
  title: 'The Thaw Was a Promise — Not a Policy',
  content: [
    '<p>Historians often describe the years after 1953 as a “thaw,” and the word fits: ice does not vanish in a day. The release of prisoners, the rehabilitation commissions and the cautious return of debate were real—but each came with conditions that reminded people who still held the thermometer.</p>',
    '<p>What strikes me most is how the language of reform outran its practice. Khrushchev’s speech named the “cult of personality,” yet the institutions that had fed it stayed largely intact; returnees found jobs closed to them and neighbours who preferred not to remember.</p>',
    '<p>So was the Thaw a break with the past, or a renovation of it? I’d argue it was a promise: one the state made loudly, and kept only where keeping it cost little.</p>',
  ].join('\n'),
};

export const sampleReply = 'Great point about the “thermometer” — but doesn’t the rehabilitation of *some* prisoners show the promise was partly kept? I’d love a source on the job restrictions.';

export const sampleBlogComment = '<p>Thank you both! On the jobs question: the returnees’ memoirs are full of it—I’ll add two citations tonight.</p>';
