/**
 * Generates docs/rules/<id>.md from each rule's metadata and its hand-written
 * prose (src/core/rules/<id>.md), plus docs/rules/README.md, the index.
 * `npm run docs` writes them; a unit test fails when they are stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { rules, type Rule } from '../src/core/index';

export const ROOT = path.join(__dirname, '..');
export const PROSE_DIR = path.join(ROOT, 'src', 'core', 'rules');
export const DOCS_DIR = path.join(ROOT, 'docs', 'rules');

export function readProse(id: string): string {
  const file = path.join(PROSE_DIR, `${id}.md`);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
}

function optionDefault(value: unknown): string {
  return `\`${JSON.stringify(value)}\``;
}

export function renderRuleDoc(rule: Rule<never>, prose: string): string {
  const { meta } = rule;
  // A page for the person who clicked the rule in a hover or Learn more: no build notes, no internal references.
  const lines = [
    `# ${meta.id}`,
    '',
    `${meta.description}.`,
    '',
    `- **Default severity:** ${meta.severity}`,
    `- **Fixable:** ${meta.fixable ? 'yes' : 'no'}`,
    `- **Applies to:** ${meta.scenarios ? meta.scenarios.join(', ') : 'every scenario'}`,
  ];
  lines.push('', prose, '', '## Options', '');
  const options = Object.entries(meta.options ?? {});
  if (options.length === 0) {
    lines.push('None besides `severity`.');
  } else {
    lines.push('| Option | Type | Default | Description |', '| --- | --- | --- | --- |');
    for (const [name, spec] of options) {
      const type = spec.enum ? spec.enum.map((e) => `\`"${e}"\``).join(' \\| ') : spec.type;
      lines.push(`| \`${name}\` | ${type} | ${optionDefault(spec.default)} | ${spec.description.replace(/\|/g, '\\|')} |`);
    }
  }
  const example: Record<string, unknown> = { severity: meta.severity };
  for (const [name, spec] of options) example[name] = spec.default;
  lines.push(
    '',
    '## Configuring',
    '',
    'In `.notecoach.json` (or the `noteCoach.rules` setting):',
    '',
    '```json',
    JSON.stringify({ rules: { [meta.id]: options.length ? example : 'off' } }, null, 2),
    '```',
    '',
    'In a note, for one line or from here on:',
    '',
    '```markdown',
    `<!-- note-coach-disable-next-line ${meta.id} -->`,
    `<!-- note-coach-disable ${meta.id} -->`,
    `<!-- note-coach-enable ${meta.id} -->`,
    '```',
    '',
  );
  return lines.join('\n');
}

export function renderIndex(all: readonly Rule<never>[]): string {
  const lines = [
    '# Rules',
    '',
    'Severity: error, warning or info (shown as a hint-level problem). Every rule can be configured or turned off in `.notecoach.json` and silenced with an inline comment.',
    '',
    '| Rule | Severity | Fixable | What it catches |',
    '| --- | --- | --- | --- |',
  ];
  for (const { meta } of all) lines.push(`| [${meta.id}](${meta.id}.md) | ${meta.severity} | ${meta.fixable ? 'yes' : ''} | ${meta.description} |`);
  lines.push(
    '',
    'Findings with the id `note-coach` come from Note Coach itself: an unknown rule in a disable comment, a note too large for the full analysis, or a rule that failed.',
    '',
  );
  return lines.join('\n');
}

const JSON_TYPES: Record<string, unknown> = {
  number: { type: 'number' },
  integer: { type: 'integer' },
  string: { type: 'string' },
  boolean: { type: 'boolean' },
  'string[]': { type: 'array', items: { type: 'string' } },
};

/** The JSON schema of `.notecoach.json`, so VS Code completes and checks it. */
export function renderSchema(all: readonly Rule<never>[]): string {
  const severity = { enum: ['off', 'info', 'warning', 'error'] };
  const ruleProps: Record<string, unknown> = {};
  for (const { meta } of all) {
    const options: Record<string, unknown> = { severity: { ...severity, description: `Default: ${meta.severity}.` } };
    for (const [name, spec] of Object.entries(meta.options ?? {})) {
      options[name] = {
        ...(JSON_TYPES[spec.type] as object),
        ...(spec.enum ? { enum: spec.enum } : {}),
        ...(spec.minimum !== undefined ? { minimum: spec.minimum } : {}),
        ...(spec.maximum !== undefined ? { maximum: spec.maximum } : {}),
        default: spec.default,
        description: spec.description,
      };
    }
    ruleProps[meta.id] = {
      description: `${meta.description} (default: ${meta.severity}).`,
      anyOf: [{ ...severity }, { type: 'boolean' }, { type: 'object', properties: options, additionalProperties: false }],
    };
  }
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Note Coach configuration (.notecoach.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: { type: 'object', description: 'Rule id → severity, or an object with severity and options.', properties: ruleProps, additionalProperties: false },
      words: { type: 'array', items: { type: 'string' }, description: 'Extra words the spelling rule accepts.' },
      dictionary: { enum: ['en-US', 'en-GB'], description: 'Spelling dictionary.' },
      from: { type: 'string', description: 'Your name, used in sign-offs when a note has no `from`.' },
      maxFileSize: { type: 'integer', minimum: 1000, description: 'Notes above this many characters get only the quick checks.' },
    },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * Rule files (a `defineRule(` in src/core/rules/*.ts) that the registry does not
 * list: a rule nobody would run, so the docs build fails on it instead of skipping it.
 */
export function unregisteredRuleFiles(registered: readonly Rule<never>[] = rules): string[] {
  const ids = new Set(registered.map((r) => r.meta.id));
  return fs
    .readdirSync(PROSE_DIR)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !ids.has(f.slice(0, -3)))
    .filter((f) => /\bdefineRule\s*[<(]/.test(fs.readFileSync(path.join(PROSE_DIR, f), 'utf8')));
}

/** Every generated file: path → content. Throws when a rule file is not registered in src/core/rules/index.ts. */
export function generateDocs(): Map<string, string> {
  const missing = unregisteredRuleFiles();
  if (missing.length) {
    throw new Error(`Not registered in src/core/rules/index.ts: ${missing.map((f) => `src/core/rules/${f}`).join(', ')}. Add each rule to the list there (or remove the file).`);
  }
  const out = new Map<string, string>();
  out.set(path.join(ROOT, 'schemas', 'notecoach.schema.json'), renderSchema(rules));
  for (const rule of rules) out.set(path.join(DOCS_DIR, `${rule.meta.id}.md`), renderRuleDoc(rule, readProse(rule.meta.id)));
  out.set(path.join(DOCS_DIR, 'README.md'), renderIndex(rules));
  return out;
}

if (require.main === module) {
  for (const [file, content] of generateDocs()) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  console.log(`Wrote ${rules.length + 1} files to ${path.relative(process.cwd(), DOCS_DIR)}/`);
}
