/**
 * Configuration: defaults, then each layer (VS Code settings, `.notecoach.json`)
 * merged over the previous one. Pure: finding and reading files is the
 * caller's business. Problems name the source and the key, and never throw.
 */
import type { OptionSpec, Rule, Severity, SeveritySetting } from './rule';
import { nearest } from './text';

export const CONFIG_FILE_NAME = '.notecoach.json';
export const DICTIONARIES = ['en-US', 'en-GB'] as const;
export type Dictionary = (typeof DICTIONARIES)[number];

export interface RuleConfig {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/**
 * A configuration as analyze() takes it. Treat it as read-only once it has been
 * used: analyze() works out once per configuration object which rules it turns
 * on (resolve a new one to change it).
 */
export interface ResolvedConfig {
  rules: Map<string, RuleConfig>;
  words: string[];
  dictionary: Dictionary;
  /** The writer's name, used when a note's front matter has no `from`. */
  from?: string;
  /** Notes above this many UTF-16 code units get only the cheap rules. */
  maxFileSize: number;
}

export interface ConfigLayer {
  /** Where the layer came from: a file path, or "settings". */
  source: string;
  value: unknown;
}

export interface ConfigProblem {
  source: string;
  /** Dotted path of the offending key, e.g. `rules.max-length.email`. */
  key: string;
  message: string;
}

const TOP_LEVEL_KEYS = ['$schema', 'rules', 'words', 'dictionary', 'from', 'maxFileSize'];
const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];
export const DEFAULT_MAX_FILE_SIZE = 1_000_000;

export function defaultConfig(rules: readonly Rule<never>[]): ResolvedConfig {
  const map = new Map<string, RuleConfig>();
  for (const rule of rules) {
    const options: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(rule.meta.options ?? {})) options[name] = cloneDefault(spec.default);
    map.set(rule.meta.id, { severity: rule.meta.severity, options });
  }
  return { rules: map, words: [], dictionary: 'en-US', maxFileSize: DEFAULT_MAX_FILE_SIZE };
}

function cloneDefault(value: unknown): unknown {
  return Array.isArray(value) ? [...value] : value;
}

/** Merge the layers, in order, over the rules' defaults. */
export function resolveConfig(rules: readonly Rule<never>[], layers: readonly ConfigLayer[]): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const config = defaultConfig(rules);
  const problems: ConfigProblem[] = [];
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  for (const layer of layers) applyLayer(config, layer, byId, problems);
  return { config, problems };
}

function applyLayer(config: ResolvedConfig, layer: ConfigLayer, rules: Map<string, Rule<never>>, problems: ConfigProblem[]): void {
  const problem = (key: string, message: string) => problems.push({ source: layer.source, key, message });
  const value = layer.value;
  if (value === undefined || value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problem('', 'The configuration must be a JSON object.');
    return;
  }
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    switch (key) {
      case '$schema':
        break;
      case 'rules':
        if (entry === undefined || entry === null) break;
        if (typeof entry !== 'object' || Array.isArray(entry)) {
          problem('rules', '"rules" must be an object that maps rule ids to a severity or to options.');
          break;
        }
        for (const [id, setting] of Object.entries(entry as Record<string, unknown>)) {
          const rule = rules.get(id);
          if (!rule) {
            const guess = nearest(id, [...rules.keys()]);
            problem(`rules.${id}`, `Unknown rule "${id}".${guess ? ` Did you mean "${guess}"?` : ''}`);
            continue;
          }
          applyRuleSetting(config, rule, setting, (k, m) => problem(`rules.${id}${k ? `.${k}` : ''}`, m));
        }
        break;
      case 'words':
        if (entry === undefined || entry === null) break;
        if (!Array.isArray(entry) || entry.some((w) => typeof w !== 'string')) problem('words', '"words" must be a list of strings.');
        else config.words = [...new Set([...config.words, ...(entry as string[]).map((w) => w.trim()).filter(Boolean)])];
        break;
      case 'dictionary':
        if (entry === undefined || entry === null) break;
        if (!(DICTIONARIES as readonly unknown[]).includes(entry)) problem('dictionary', `"dictionary" must be one of ${DICTIONARIES.map((d) => `"${d}"`).join(', ')}.`);
        else config.dictionary = entry as ResolvedConfig['dictionary'];
        break;
      case 'from':
        if (entry === undefined || entry === null || entry === '') break;
        if (typeof entry !== 'string') problem('from', '"from" must be a string (your name).');
        else config.from = entry.trim() || undefined;
        break;
      case 'maxFileSize':
        if (entry === undefined || entry === null) break;
        if (typeof entry !== 'number' || !Number.isInteger(entry) || entry < 1000) problem('maxFileSize', '"maxFileSize" must be a whole number of characters, at least 1000.');
        else config.maxFileSize = entry;
        break;
      default: {
        const guess = nearest(key, TOP_LEVEL_KEYS);
        problem(key, `Unknown setting "${key}".${guess ? ` Did you mean "${guess}"?` : ''}`);
      }
    }
  }
}

function applyRuleSetting(config: ResolvedConfig, rule: Rule<never>, setting: unknown, problem: (key: string, message: string) => void): void {
  const current = config.rules.get(rule.meta.id)!;
  if (typeof setting === 'string' || typeof setting === 'boolean') {
    const severity = toSeverity(setting, rule.meta.severity);
    if (severity) current.severity = severity;
    else problem('', `The severity must be one of ${SEVERITY_SETTINGS.map((s) => `"${s}"`).join(', ')}.`);
    return;
  }
  if (setting === null || typeof setting !== 'object' || Array.isArray(setting)) {
    problem('', 'A rule is set to a severity ("off", "info", "warning", "error") or to an object of options.');
    return;
  }
  const specs = rule.meta.options ?? {};
  for (const [name, value] of Object.entries(setting as Record<string, unknown>)) {
    if (name === 'severity') {
      const severity = toSeverity(value, rule.meta.severity);
      if (severity) current.severity = severity;
      else problem('severity', `The severity must be one of ${SEVERITY_SETTINGS.map((s) => `"${s}"`).join(', ')}.`);
      continue;
    }
    // Own options only: "__proto__", "constructor" or "toString" must not find Object.prototype's.
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) {
      const names = Object.keys(specs);
      const guess = nearest(name, names);
      problem(
        name,
        names.length
          ? `Unknown option "${name}" for ${rule.meta.id}.${guess ? ` Did you mean "${guess}"?` : ` Its options are ${names.map((n) => `"${n}"`).join(', ')}.`}`
          : `${rule.meta.id} has no options; only "severity" can be set.`,
      );
      continue;
    }
    const error = validateOption(spec, value);
    if (error) problem(name, error);
    else current.options[name] = cloneDefault(value);
  }
}

/** `true` turns a rule on at its default severity, `false` off. */
function toSeverity(value: unknown, fallback: Severity): SeveritySetting | undefined {
  if (value === true) return fallback;
  if (value === false) return 'off';
  return (SEVERITY_SETTINGS as readonly unknown[]).includes(value) ? (value as SeveritySetting) : undefined;
}

/** An error message, or undefined when the value fits the spec. */
export function validateOption(spec: OptionSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'Expected true or false.';
    case 'string':
      if (typeof value !== 'string') return 'Expected a string.';
      if (spec.enum && !spec.enum.includes(value)) return `Expected one of ${spec.enum.map((e) => `"${e}"`).join(', ')}.`;
      return undefined;
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'Expected a list of strings.';
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'Expected a number.';
      if (spec.type === 'integer' && !Number.isInteger(value)) return 'Expected a whole number.';
      if (spec.minimum !== undefined && value < spec.minimum) return `Expected at least ${spec.minimum}.`;
      if (spec.maximum !== undefined && value > spec.maximum) return `Expected at most ${spec.maximum}.`;
      return undefined;
    }
  }
}

/** Parse a `.notecoach.json` text. JSON with comments is not accepted: the error says where it broke. */
export function parseConfigText(text: string, source: string): { layer?: ConfigLayer; problem?: ConfigProblem } {
  const stripped = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!stripped.trim()) return { layer: { source, value: {} } };
  try {
    return { layer: { source, value: JSON.parse(stripped) } };
  } catch (error) {
    // The engine's message quotes the text ("Unexpected token 'e', "export X=…" is not valid JSON"): a
    // .notecoach.json linked to a secrets file must not print it. Only where it broke is kept.
    // The grammar part ("Expected ',' or '}' after property value") quotes no text and stays.
    const engine = (error as Error)?.message ?? '';
    const at = /in JSON at position (\d+)/.exec(engine);
    const what = /^Expected [^"]*?(?= in JSON at position)/.exec(engine)?.[0] ?? (/^Unexpected end of JSON input/.test(engine) ? 'it ends too early' : undefined);
    return { problem: { source, key: '', message: `Not valid JSON${what ? `: ${what}` : ''}${at ? ` (${whereIn(stripped, Number(at[1]))})` : ''}.` } };
  }
}

function whereIn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

export function formatConfigProblem(p: ConfigProblem): string {
  return `${p.source}${p.key ? ` (${p.key})` : ''}: ${p.message}`;
}
