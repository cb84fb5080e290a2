/**
 * VS Code snippet syntax, parsed and resolved without an editor: the scenario
 * templates in `snippets/notes.code-snippets` are filled from values (the New
 * Note command, tests) or partly filled and handed back as a snippet.
 *
 * Grammar (as in VS Code's snippet documentation):
 *
 *   any         ::= tabstop | placeholder | choice | variable | text
 *   tabstop     ::= '$' int | '${' int '}' | '${' int transform '}'
 *   placeholder ::= '${' int ':' any* '}'
 *   choice      ::= '${' int '|' text (',' text)* '|}'
 *   variable    ::= '$' var | '${' var '}' | '${' var ':' any* '}' | '${' var transform '}'
 *   transform   ::= '/' regex '/' (format | text)+ '/' options
 *
 * `\$`, `\}` and `\\` are escapes in text (and `\,` `\|` inside a choice). A
 * construct that does not close is text, as in VS Code. Pure: no Node or
 * `vscode` imports. Parsing is linear in the body's length for ordinary
 * snippets; malformed input never throws.
 */

export interface TextNode {
  kind: 'text';
  value: string;
  /** The source slice, escapes included. */
  raw: string;
}

export interface Transform {
  regex: RegExp | undefined;
  format: FormatPart[];
  /** The transform's source, from the first `/` to the last. */
  raw: string;
}

export type FormatPart =
  | string
  | {
      group: number;
      /** `/upcase`, `/downcase`, `/capitalize`, `/camelcase`, `/pascalcase`. */
      modifier?: string;
      /** `${1:+if}`, `${1:?if:else}`. */
      ifValue?: string;
      /** `${1:-else}`, `${1:else}`, `${1:?if:else}`. */
      elseValue?: string;
    };

export interface TabStopNode {
  kind: 'tabstop';
  index: number;
  /** The placeholder's default content (empty for `$1`). */
  children: SnippetNode[];
  choices?: string[];
  transform?: Transform;
  raw: string;
}

export interface VariableNode {
  kind: 'variable';
  name: string;
  children: SnippetNode[];
  transform?: Transform;
  raw: string;
}

export type SnippetNode = TextNode | TabStopNode | VariableNode;

/** One tab stop of a snippet, as the writer meets it. */
export interface TabStop {
  index: number;
  /** Its placeholder text with nested placeholders at their defaults ("to", "company"), or the first choice. */
  name: string;
  /** The placeholder's source ("${4:role}" inside it stays as written). */
  rawDefault: string;
  choices?: string[];
  /** Whether its default contains other tab stops. */
  nested: boolean;
}

/** A snippet body as stored in a `.code-snippets` file: one string or a list of lines. */
export function snippetBody(body: string | readonly string[], eol = '\n'): string {
  return typeof body === 'string' ? body : body.join(eol);
}

// ---------------------------------------------------------------------------
// Parsing

const MAX_DEPTH = 64;
const VARIABLE_NAME = /[_A-Za-z][_A-Za-z0-9]*/y;
const DIGITS = /[0-9]+/y;

interface Parsed<T> {
  node: T;
  end: number;
}

class Parser {
  /** Results of `${…}` constructs by start offset: a node, `undefined` (text) or `'end'` (ran into the end of the body). */
  private readonly memo = new Map<number, Parsed<SnippetNode> | undefined | 'end'>();
  /** Set when a construct ran into the end of the body: every construct still open fails too. */
  private hitEnd = false;
  /** A choice or transform opened after these offsets cannot close either (its terminator is missing). */
  private noChoiceCloseAfter = Infinity;
  private noTransformCloseAfter = Infinity;

  private readonly lastBrace: number;

  constructor(private readonly src: string) {
    this.lastBrace = src.lastIndexOf('}');
  }

  parseAll(): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let at = 0;
    while (at < this.src.length) {
      const result = this.parseSequence(at, 0, false);
      nodes.push(...result.nodes);
      at = result.end;
      // A stray `}` at top level is text.
      if (at < this.src.length && this.src[at] === '}') {
        pushText(nodes, '}', '}');
        at += 1;
      }
      this.hitEnd = false;
    }
    return mergeText(nodes);
  }

  /**
   * Nodes until an unescaped `}` (inside a placeholder) or the end. Returns
   * `closed: false` when the end came first.
   */
  private parseSequence(start: number, depth: number, inside: boolean): { nodes: SnippetNode[]; end: number; closed: boolean } {
    const src = this.src;
    const nodes: SnippetNode[] = [];
    let at = start;
    while (at < src.length) {
      const ch = src[at];
      if (ch === '\\' && at + 1 < src.length && (src[at + 1] === '$' || src[at + 1] === '}' || src[at + 1] === '\\')) {
        pushText(nodes, src[at + 1], src.slice(at, at + 2));
        at += 2;
        continue;
      }
      if (ch === '}') {
        if (inside) return { nodes, end: at, closed: true };
        return { nodes, end: at, closed: false };
      }
      if (ch === '$') {
        const parsed = this.parseDollar(at, depth);
        if (parsed) {
          nodes.push(parsed.node);
          at = parsed.end;
          continue;
        }
        if (this.hitEnd) {
          // Whatever is still open cannot close either; at the top level the `$` is text.
          if (inside) return { nodes, end: src.length, closed: false };
          this.hitEnd = false;
        }
        pushText(nodes, '$', '$');
        at += 1;
        continue;
      }
      // Plain text up to the next character that means something.
      let next = at + 1;
      while (next < src.length && src[next] !== '$' && src[next] !== '\\' && src[next] !== '}') next++;
      pushText(nodes, src.slice(at, next), src.slice(at, next));
      at = next;
    }
    if (inside) this.hitEnd = true;
    return { nodes, end: at, closed: false };
  }

  /** `$1`, `$NAME`, `${…}`; undefined when the `$` is plain text. */
  private parseDollar(at: number, depth: number): Parsed<SnippetNode> | undefined {
    const src = this.src;
    const next = src[at + 1];
    if (next === undefined) return undefined;
    if (next !== '{') {
      DIGITS.lastIndex = at + 1;
      const digits = DIGITS.exec(src);
      if (digits) {
        const end = at + 1 + digits[0].length;
        return { node: { kind: 'tabstop', index: Number(digits[0]), children: [], raw: src.slice(at, end) }, end };
      }
      VARIABLE_NAME.lastIndex = at + 1;
      const name = VARIABLE_NAME.exec(src);
      if (name) {
        const end = at + 1 + name[0].length;
        return { node: { kind: 'variable', name: name[0], children: [], raw: src.slice(at, end) }, end };
      }
      return undefined;
    }
    if (this.memo.has(at)) {
      const known = this.memo.get(at);
      if (known === 'end') this.hitEnd = true;
      return known === 'end' ? undefined : known;
    }
    const result = depth >= MAX_DEPTH ? undefined : this.parseBraced(at, depth);
    this.memo.set(at, result === undefined && this.hitEnd ? 'end' : result);
    return result;
  }

  /** `${…}` starting at `at` (the `$`). */
  private parseBraced(at: number, depth: number): Parsed<SnippetNode> | undefined {
    const src = this.src;
    let p = at + 2;
    DIGITS.lastIndex = p;
    const digits = DIGITS.exec(src);
    let index: number | undefined;
    let name: string | undefined;
    if (digits) {
      index = Number(digits[0]);
      p += digits[0].length;
    } else {
      VARIABLE_NAME.lastIndex = p;
      const v = VARIABLE_NAME.exec(src);
      if (!v) return undefined;
      name = v[0];
      p += v[0].length;
    }
    const c = src[p];
    if (c === undefined) {
      this.hitEnd = true;
      return undefined;
    }
    if (c === '}') {
      const end = p + 1;
      const raw = src.slice(at, end);
      return index !== undefined ? { node: { kind: 'tabstop', index, children: [], raw }, end } : { node: { kind: 'variable', name: name!, children: [], raw }, end };
    }
    if (c === ':') {
      const inner = this.parseSequence(p + 1, depth + 1, true);
      if (!inner.closed) return undefined;
      const end = inner.end + 1;
      const children = mergeText(inner.nodes);
      const raw = src.slice(at, end);
      return index !== undefined ? { node: { kind: 'tabstop', index, children, raw }, end } : { node: { kind: 'variable', name: name!, children, raw }, end };
    }
    if (c === '|' && index !== undefined) {
      const choice = this.parseChoice(p + 1);
      if (!choice) return undefined;
      return { node: { kind: 'tabstop', index, children: [], choices: choice.choices, raw: src.slice(at, choice.end) }, end: choice.end };
    }
    if (c === '/') {
      const transform = this.parseTransform(p);
      if (!transform) return undefined;
      const raw = src.slice(at, transform.end);
      return index !== undefined
        ? { node: { kind: 'tabstop', index, children: [], transform: transform.node, raw }, end: transform.end }
        : { node: { kind: 'variable', name: name!, children: [], transform: transform.node, raw }, end: transform.end };
    }
    return undefined;
  }

  /** Options after `${1|` up to `|}`. */
  private parseChoice(start: number): { choices: string[]; end: number } | undefined {
    if (start > this.noChoiceCloseAfter) {
      this.hitEnd = true;
      return undefined;
    }
    const src = this.src;
    const choices: string[] = [];
    let current = '';
    let at = start;
    while (at < src.length) {
      const ch = src[at];
      if (ch === '\\' && at + 1 < src.length && ',|\\$}'.includes(src[at + 1])) {
        current += src[at + 1];
        at += 2;
        continue;
      }
      if (ch === ',') {
        choices.push(current);
        current = '';
        at += 1;
        continue;
      }
      if (ch === '|') {
        if (src[at + 1] !== '}') return undefined;
        choices.push(current);
        return { choices, end: at + 2 };
      }
      current += ch;
      at += 1;
    }
    this.noChoiceCloseAfter = Math.min(this.noChoiceCloseAfter, start);
    this.hitEnd = true;
    return undefined;
  }

  /** `/regex/format/options}` starting at the first `/`. */
  private parseTransform(start: number): Parsed<Transform> | undefined {
    if (start > this.noTransformCloseAfter) {
      this.hitEnd = true;
      return undefined;
    }
    const src = this.src;
    const parts: string[] = [];
    let current = '';
    let at = start + 1;
    // regex and format: up to an unescaped `/` each (other escapes are kept for the regex and the format).
    while (at < src.length && parts.length < 2) {
      const ch = src[at];
      if (ch === '\\' && at + 1 < src.length) {
        current += src[at + 1] === '/' ? '/' : src.slice(at, at + 2);
        at += 2;
        continue;
      }
      if (ch === '$' && parts.length === 1 && src[at + 1] === '{') {
        // A format element such as `${1:/upcase}` may contain a `/`: copy it whole.
        const close = at < this.lastBrace ? src.indexOf('}', at) : -1;
        if (close !== -1) {
          current += src.slice(at, close + 1);
          at = close + 1;
          continue;
        }
      }
      if (ch === '/') {
        parts.push(current);
        current = '';
        at += 1;
        continue;
      }
      current += ch;
      at += 1;
    }
    let options = '';
    if (parts.length === 2) while (at < src.length && src[at] !== '}') options += src[at++];
    if (at >= src.length) {
      this.noTransformCloseAfter = Math.min(this.noTransformCloseAfter, start);
      this.hitEnd = true;
      return undefined;
    }
    const end = at + 1;
    let regex: RegExp | undefined;
    try {
      regex = new RegExp(parts[0], options.replace(/[^gimsuy]/g, ''));
    } catch {
      regex = undefined;
    }
    return { node: { regex, format: parseFormat(parts[1]), raw: src.slice(start, end - 1) }, end };
  }
}

function pushText(nodes: SnippetNode[], value: string, raw: string): void {
  const last = nodes[nodes.length - 1];
  if (last && last.kind === 'text') {
    last.value += value;
    last.raw += raw;
  } else {
    nodes.push({ kind: 'text', value, raw });
  }
}

function mergeText(nodes: SnippetNode[]): SnippetNode[] {
  const out: SnippetNode[] = [];
  for (const node of nodes) {
    if (node.kind === 'text') pushText(out, node.value, node.raw);
    else out.push(node);
  }
  return out;
}

const FORMAT_ELEMENT = /\$(\d+)|\$\{(\d+)\}|\$\{(\d+):\/(upcase|downcase|capitalize|camelcase|pascalcase)\}|\$\{(\d+):\+([^}]*)\}|\$\{(\d+):\?([^:}]*):([^}]*)\}|\$\{(\d+):-?([^}]*)\}/gy;

function parseFormat(source: string): FormatPart[] {
  const parts: FormatPart[] = [];
  let text = '';
  let at = 0;
  while (at < source.length) {
    if (source[at] === '\\' && at + 1 < source.length) {
      text += source[at + 1];
      at += 2;
      continue;
    }
    if (source[at] === '$') {
      FORMAT_ELEMENT.lastIndex = at;
      const m = FORMAT_ELEMENT.exec(source);
      if (m) {
        if (text) parts.push(text);
        text = '';
        if (m[1] ?? m[2]) parts.push({ group: Number(m[1] ?? m[2]) });
        else if (m[3]) parts.push({ group: Number(m[3]), modifier: m[4] });
        else if (m[5]) parts.push({ group: Number(m[5]), ifValue: m[6] });
        else if (m[7]) parts.push({ group: Number(m[7]), ifValue: m[8], elseValue: m[9] });
        else parts.push({ group: Number(m[10]), elseValue: m[11] });
        at = FORMAT_ELEMENT.lastIndex;
        continue;
      }
    }
    text += source[at];
    at += 1;
  }
  if (text) parts.push(text);
  return parts;
}

/** The snippet's syntax tree. */
export function parseSnippet(body: string | readonly string[]): SnippetNode[] {
  return new Parser(snippetBody(body)).parseAll();
}

// ---------------------------------------------------------------------------
// Variables

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The date and time variables VS Code offers, for a given instant (local time). */
export function snippetVariables(now: Date): Record<string, string> {
  const p = (n: number, width = 2) => String(n).padStart(width, '0');
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_YEAR_SHORT: p(now.getFullYear() % 100),
    CURRENT_MONTH: p(now.getMonth() + 1),
    CURRENT_MONTH_NAME: MONTHS[now.getMonth()],
    CURRENT_MONTH_NAME_SHORT: MONTHS[now.getMonth()].slice(0, 3),
    CURRENT_DATE: p(now.getDate()),
    CURRENT_DAY_NAME: DAYS[now.getDay()],
    CURRENT_DAY_NAME_SHORT: DAYS[now.getDay()].slice(0, 3),
    CURRENT_HOUR: p(now.getHours()),
    CURRENT_MINUTE: p(now.getMinutes()),
    CURRENT_SECOND: p(now.getSeconds()),
    CURRENT_SECONDS_UNIX: String(Math.floor(now.getTime() / 1000)),
    CURRENT_TIMEZONE_OFFSET: `${sign}${p(Math.floor(Math.abs(offset) / 60))}:${p(Math.abs(offset) % 60)}`,
  };
}

// ---------------------------------------------------------------------------
// Tab stops and resolution

function walk(nodes: readonly SnippetNode[], visit: (node: TabStopNode | VariableNode) => void): void {
  for (const node of nodes) {
    if (node.kind === 'text') continue;
    visit(node);
    walk(node.children, visit);
  }
}

function containsTabStop(nodes: readonly SnippetNode[]): boolean {
  let found = false;
  walk(nodes, (n) => {
    if (n.kind === 'tabstop') found = true;
  });
  return found;
}

/** Source of a node list, escapes as written. */
function rawOf(nodes: readonly SnippetNode[]): string {
  return nodes.map((n) => n.raw).join('');
}

/**
 * The node that defines each tab stop: the first occurrence with a default or
 * choices, else the first occurrence (VS Code mirrors the others).
 */
function definitions(nodes: readonly SnippetNode[]): Map<number, TabStopNode> {
  const defs = new Map<number, TabStopNode>();
  walk(nodes, (node) => {
    if (node.kind !== 'tabstop' || node.transform) return;
    const current = defs.get(node.index);
    const rich = node.children.length > 0 || node.choices !== undefined;
    if (!current || (rich && current.children.length === 0 && current.choices === undefined)) defs.set(node.index, node);
  });
  return defs;
}

/** Every tab stop once, in tab order (1, 2, …, then 0). */
export function listTabStops(body: string | readonly string[] | readonly SnippetNode[]): TabStop[] {
  const nodes = typeof body === 'string' || (Array.isArray(body) && (body.length === 0 || typeof body[0] === 'string')) ? parseSnippet(body as string | string[]) : (body as SnippetNode[]);
  const defs = definitions(nodes);
  const variables = {};
  const stops: TabStop[] = [];
  for (const [index, node] of defs) {
    const name = node.choices ? (node.choices[0] ?? '') : render(node.children, { defs, values: () => undefined, variables, stack: new Set() });
    stops.push({ index, name, rawDefault: node.choices ? '' : rawOf(node.children), choices: node.choices, nested: containsTabStop(node.children) });
  }
  return stops.sort((a, b) => (a.index === 0 ? 1 : b.index === 0 ? -1 : a.index - b.index));
}

export interface ResolveOptions {
  /** A value per tab stop (by index, or computed from the stop); undefined keeps the default. */
  values?: Readonly<Record<number, string>> | ((stop: TabStop) => string | undefined);
  /** Variable values (`TM_FILENAME`, …); the date variables come from `now`. */
  variables?: Readonly<Record<string, string>>;
  /** The instant for `CURRENT_*` variables (defaults to the current time). */
  now?: Date;
  /** Line break between the lines of a list body. */
  eol?: string;
}

interface RenderContext {
  defs: Map<number, TabStopNode>;
  values: (index: number) => string | undefined;
  variables: Readonly<Record<string, string>>;
  /** Tab stops being rendered (a stop that contains itself renders empty). */
  stack: Set<number>;
  cache?: Map<number, string>;
}

function valueOf(index: number, ctx: RenderContext): string {
  const cached = ctx.cache?.get(index);
  if (cached !== undefined) return cached;
  let value = ctx.values(index);
  if (value === undefined) {
    const def = ctx.defs.get(index);
    if (!def || ctx.stack.has(index)) value = '';
    else if (def.choices) value = def.choices[0] ?? '';
    else {
      ctx.stack.add(index);
      value = render(def.children, ctx);
      ctx.stack.delete(index);
    }
  }
  ctx.cache?.set(index, value);
  return value;
}

function render(nodes: readonly SnippetNode[], ctx: RenderContext): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.value;
    else if (node.kind === 'tabstop') {
      const value = valueOf(node.index, ctx);
      out += node.transform ? applyTransform(value, node.transform) : value;
    } else {
      const known = Object.prototype.hasOwnProperty.call(ctx.variables, node.name);
      let value = known ? ctx.variables[node.name] : undefined;
      if (!value) value = node.children.length ? render(node.children, ctx) : known ? '' : node.name;
      out += node.transform ? applyTransform(value, node.transform) : value;
    }
  }
  return out;
}

function applyTransform(value: string, transform: Transform): string {
  const { regex, format } = transform;
  if (!regex) return value;
  const replace = (match: string, groups: (string | undefined)[]): string =>
    format
      .map((part) => {
        if (typeof part === 'string') return part;
        const g = part.group === 0 ? match : (groups[part.group - 1] ?? '');
        if (part.modifier) return modify(g, part.modifier);
        if (part.ifValue !== undefined && g) return part.ifValue;
        if (part.elseValue !== undefined && !g) return part.elseValue;
        return part.ifValue !== undefined || part.elseValue !== undefined ? '' : g;
      })
      .join('');
  if (regex.global) {
    regex.lastIndex = 0;
    return value.replace(regex, (match, ...rest) => replace(match, rest.slice(0, -2) as (string | undefined)[]));
  }
  const m = regex.exec(value);
  if (!m) return value;
  return value.slice(0, m.index) + replace(m[0], m.slice(1)) + value.slice(m.index + m[0].length);
}

function modify(value: string, modifier: string): string {
  switch (modifier) {
    case 'upcase':
      return value.toUpperCase();
    case 'downcase':
      return value.toLowerCase();
    case 'capitalize':
      return value.charAt(0).toUpperCase() + value.slice(1);
    case 'camelcase':
    case 'pascalcase': {
      const words = value.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('');
      return modifier === 'camelcase' ? joined.charAt(0).toLowerCase() + joined.slice(1) : joined;
    }
    default:
      return value;
  }
}

function valueLookup(nodes: readonly SnippetNode[], values: ResolveOptions['values']): (index: number) => string | undefined {
  if (!values) return () => undefined;
  if (typeof values !== 'function') return (index) => values[index];
  const stops = new Map(listTabStops(nodes).map((s) => [s.index, s]));
  return (index) => {
    const stop = stops.get(index);
    return stop ? values(stop) : undefined;
  };
}

/** The text the snippet inserts when every tab stop takes its value (or its default). */
export function resolveSnippet(body: string | readonly string[], options: ResolveOptions = {}): string {
  const nodes = parseSnippet(typeof body === 'string' ? body : snippetBody(body, options.eol));
  const variables = { ...snippetVariables(options.now ?? new Date()), ...options.variables };
  return render(nodes, { defs: definitions(nodes), values: valueLookup(nodes, options.values), variables, stack: new Set(), cache: new Map() });
}

/** Escape text so a snippet inserts it literally. */
export function escapeSnippetText(value: string): string {
  return value.replace(/[\\$}]/g, '\\$&');
}

/**
 * The snippet with some tab stops filled in (each occurrence becomes plain
 * text) and the others left as tab stops, e.g. the New Note command filling
 * `to`, `company` and `role` and leaving the rest for the writer. Variables are
 * kept.
 */
export function prefillSnippet(body: string | readonly string[], values: ResolveOptions['values'], eol = '\n'): string {
  const nodes = parseSnippet(typeof body === 'string' ? body : snippetBody(body, eol));
  const lookup = valueLookup(nodes, values);
  const serialize = (list: readonly SnippetNode[]): string =>
    list
      .map((node) => {
        if (node.kind === 'text' || node.kind === 'variable') return node.raw;
        const value = lookup(node.index);
        if (value !== undefined) return escapeSnippetText(node.transform ? applyTransform(value, node.transform) : value);
        if (node.children.length === 0 || node.choices || node.transform) return node.raw;
        return `\${${node.index}:${serialize(node.children)}}`;
      })
      .join('');
  return serialize(nodes);
}
