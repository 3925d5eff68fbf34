/** Reads /metrics over real HTTP and parses the Prometheus text format (independently of prom-client). */
export interface Scrape {
  /** The value of one series, e.g. get('coursethreads_effects_total', { kind: 'x', outcome: 'done' }); 0 when absent. */
  get(name: string, labels?: Record<string, string>): number;
  /** Sum over every series of a name whose labels include `labels`. */
  sum(name: string, labels?: Record<string, string>): number;
  text: string;
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]!] = pair[2]!.replace(/\\(.)/g, '$1');
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

const includes = (labels: Record<string, string>, wanted: Record<string, string>) => Object.entries(wanted).every(([k, v]) => labels[k] === v);

export async function scrapeMetrics(baseUrl: string): Promise<Scrape> {
  const response = await fetch(`${baseUrl}/metrics`);
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return readMetrics(await response.text());
}

/** Reads a body in the Prometheus text format (a registry's own output, for tests below the HTTP server). */
export function readMetrics(text: string): Scrape {
  const samples = parse(text);
  return {
    text,
    get(name, labels = {}) {
      const found = samples.find((s) => s.name === name && Object.keys(s.labels).length === Object.keys(labels).length && includes(s.labels, labels));
      return found?.value ?? 0;
    },
    sum: (name, labels = {}) => samples.filter((s) => s.name === name && includes(s.labels, labels)).reduce((total, s) => total + s.value, 0),
  };
}
