/** Reading fixture notes: expected findings are marked inside the note. */
import fs from 'node:fs';
import path from 'node:path';
import { analyze, resolveConfig, rules, type Analysis, type ResolvedConfig } from '../../src/core/index';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
/** Fixtures are analysed at this instant unless their sidecar says otherwise. */
export const FIXTURE_NOW = new Date(2026, 2, 2, 12, 0, 0);

export interface Fixture {
  file: string;
  text: string;
  now: Date;
  config: ResolvedConfig;
  /** "line:rule-id" strings. */
  expected: string[];
}

/**
 * Markers: `<!-- expect: rule-a, rule-b -->` in the body, `# expect: rule-a` in the
 * front matter, on the line the finding starts on.
 */
export function readExpectations(text: string): string[] {
  const expected: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    for (const m of line.matchAll(/(?:<!--|#)\s*expect:\s*([a-z][a-z-]*(?:\s*,\s*[a-z][a-z-]*)*)\s*(?:-->)?/g)) {
      for (const id of m[1].split(',')) expected.push(`${i + 1}:${id.trim()}`);
    }
  });
  return expected.sort();
}

/** An optional `<name>.json` beside a fixture: `{ "now": "2026-03-02T12:00", "config": { …like .notecoach.json… } }`. */
export function loadFixture(file: string): Fixture {
  const text = fs.readFileSync(file, 'utf8');
  const sidecar = file.replace(/\.note\.md$/, '.json');
  let now = FIXTURE_NOW;
  const layers = [];
  if (fs.existsSync(sidecar)) {
    const data = JSON.parse(fs.readFileSync(sidecar, 'utf8')) as { now?: string; config?: unknown };
    if (data.now) now = new Date(data.now);
    if (data.config) layers.push({ source: sidecar, value: data.config });
  }
  const { config, problems } = resolveConfig(rules, layers);
  if (problems.length) throw new Error(`${sidecar}: ${problems.map((p) => `${p.key}: ${p.message}`).join('; ')}`);
  return { file, text, now, config, expected: readExpectations(text) };
}

export function analyzeFixture(fixture: Fixture, text = fixture.text, config = fixture.config): Analysis {
  return analyze(text, { now: fixture.now, config, file: fixture.file });
}

export function listNotes(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.note.md'))
    .sort()
    .map((f) => path.join(dir, f));
}

export function withWords(config: ResolvedConfig, words: readonly string[]): ResolvedConfig {
  return { ...config, words: [...config.words, ...words] };
}
