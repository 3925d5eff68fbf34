// Turns an uploaded file into text, or says line by line why it is not UTF-8. Spreadsheet programs
// often save "CSV" as Windows-1252 or UTF-16; guessing would silently mangle names like "Zoë".

export type Decoded = { ok: true; text: string } | { ok: false; errors: { line: number; message: string }[] };

const MAX_REPORTED = 20;

export function decodeCsvBytes(input: Uint8Array | string): Decoded {
  if (typeof input === 'string') return { ok: true, text: input.replace(/^\uFEFF/, '') };
  const b = input;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    return fail(1, 'The file is UTF-16 text. Save it as "CSV UTF-8 (comma delimited)" and upload it again.');
  }
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    return fail(1, 'This is a spreadsheet workbook (.xlsx/.ods), not a CSV file. Export it as "CSV UTF-8" first.');
  }
  const body = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return { ok: false, errors: badLines(body) };
  }
}

function fail(line: number, message: string): Decoded {
  return { ok: false, errors: [{ line, message }] };
}

/** Decodes line by line to name every line holding bytes that are not UTF-8. */
function badLines(body: Uint8Array): { line: number; message: string }[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const errors: { line: number; message: string }[] = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i <= body.length; i++) {
    if (i < body.length && body[i] !== 0x0a) continue;
    try {
      decoder.decode(body.subarray(start, i));
    } catch {
      if (errors.length < MAX_REPORTED) {
        errors.push({
          line,
          message: 'This line is not valid UTF-8 (the file was probably saved as Windows-1252 or Latin-1). Save it as "CSV UTF-8" and upload it again.',
        });
      }
    }
    start = i + 1;
    line++;
  }
  return errors;
}
