/**
 * A word list as a minimized trie (a DAFSA: shared prefixes and shared
 * suffixes) packed in one Uint32Array, so a dictionary loads by wrapping the
 * bytes of a file and a look-up walks one node per letter.
 *
 * The layout follows cspell's TrieBlob (cspell-trie-lib): the characters are
 * numbered through a table of at most 255 entries, and each edge is one
 * 32-bit number, `child << 8 | character`. A node is a header followed by its
 * edges, sorted by character:
 *
 *   header = edgeCount | value << 8      (value 0: no word ends here)
 *   edge   = childNodeIndex << 8 | charCode (1–255)
 *
 * `value` is what the caller stored with the word (1–0xffffff); the speller
 * keeps Hunspell's flags there. Node 0 is the root.
 */

/** Values stored with a word must fit the header's 24 bits and not be 0. */
export const MAX_TRIE_VALUE = 0xffffff;
const MAX_CHARACTERS = 255;
const MAX_NODES = 1 << 24;

export interface PackedTrie {
  /** The characters, in code order: `chars[i]` has code i + 1. */
  chars: string;
  nodes: Uint32Array;
}

interface BuildNode {
  value: number;
  /** [code, child], in code order. */
  edges: [number, BuildNode][];
  /** Registration number once the node is known to be final (-1 before). */
  serial: number;
  /** Index in the packed array, once written (-1 before). */
  at: number;
}

const newNode = (): BuildNode => ({ value: 0, edges: [], serial: -1, at: -1 });

/**
 * Pack words and their values into a minimized trie. Words are sequences of
 * UTF-16 code units; a word listed twice keeps its last value.
 */
export function buildTrie(entries: Iterable<readonly [string, number]>): PackedTrie {
  const byWord = new Map<string, number>();
  const units = new Set<number>();
  for (const [word, value] of entries) {
    if (!Number.isInteger(value) || value < 1 || value > MAX_TRIE_VALUE) throw new Error(`Trie value ${value} for "${word}" is out of range.`);
    byWord.set(word, value);
    for (let i = 0; i < word.length; i++) units.add(word.charCodeAt(i));
  }
  if (units.size > MAX_CHARACTERS) throw new Error(`A trie holds at most ${MAX_CHARACTERS} distinct characters.`);
  // Characters are numbered in code-unit order, so sorted words add edges in code order.
  const order = [...units].sort((a, b) => a - b);
  const codeOf = new Map(order.map((unit, i) => [unit, i + 1]));
  const words = [...byWord.keys()].sort();
  return { chars: String.fromCharCode(...order), nodes: pack(buildMinimal(words, byWord, codeOf)) };
}

/**
 * Daciuk et al.'s incremental construction of a minimal automaton from sorted
 * words: once the next word leaves a branch of the previous one, the nodes of
 * that branch are final, and each is replaced by an equal node seen before
 * (same value, same edges) or registered as new.
 */
function buildMinimal(words: readonly string[], values: ReadonlyMap<string, number>, codeOf: ReadonlyMap<number, number>): BuildNode {
  const registry = new Map<string, BuildNode>();
  let serials = 0;
  const root = newNode();
  /** path[d]: the node reached by the previous word's first d characters. */
  const path: BuildNode[] = [root];
  let previous = '';
  const finish = (downTo: number) => {
    for (let depth = path.length - 1; depth > downTo; depth--) {
      const node = path[depth];
      let key = String(node.value);
      for (const [code, child] of node.edges) key += `,${code}:${child.serial}`;
      const known = registry.get(key);
      const parentEdges = path[depth - 1].edges;
      if (known) parentEdges[parentEdges.length - 1][1] = known;
      else {
        node.serial = serials++;
        registry.set(key, node);
      }
    }
    path.length = downTo + 1;
  };
  for (const word of words) {
    let common = 0;
    while (common < word.length && common < previous.length && word.charCodeAt(common) === previous.charCodeAt(common)) common++;
    finish(common);
    let node = path[common];
    for (let i = common; i < word.length; i++) {
      const child = newNode();
      node.edges.push([codeOf.get(word.charCodeAt(i))!, child]);
      path.push(child);
      node = child;
    }
    node.value = values.get(word)!;
    previous = word;
  }
  finish(0);
  return root;
}

function pack(root: BuildNode): Uint32Array {
  // Lay the nodes out breadth-first from the root (node 0).
  const order: BuildNode[] = [];
  let size = 0;
  const place = (node: BuildNode) => {
    if (node.at !== -1) return;
    node.at = size;
    size += 1 + node.edges.length;
    order.push(node);
  };
  place(root);
  for (let i = 0; i < order.length; i++) for (const [, child] of order[i].edges) place(child);
  if (size >= MAX_NODES) throw new Error('The word list is too large for the trie format.');
  const nodes = new Uint32Array(size);
  for (const node of order) {
    nodes[node.at] = node.edges.length | (node.value << 8);
    node.edges.forEach(([code, child], k) => {
      nodes[node.at + 1 + k] = (child.at << 8) | code;
    });
  }
  return nodes;
}

/** Look-ups in a packed trie. Construct once per dictionary; `verify()` checks a packed trie's structure. */
export class WordTrie {
  /** Code unit → character code (0: no word has it). */
  private readonly codeOf = new Uint8Array(0x10000);

  constructor(
    readonly chars: string,
    private readonly nodes: Uint32Array,
  ) {
    for (let i = 0; i < chars.length; i++) this.codeOf[chars.charCodeAt(i)] = i + 1;
  }

  /**
   * Throw when the packed data is not a well-formed trie: every edge stays in
   * the array, points at a node header and the edges of a node are sorted.
   * Linear in the size. Not needed for safety: a look-up reads 0 past the end
   * of the array and walks one edge per letter, so no data can make it crash
   * or hang; a damaged trie only gives wrong answers.
   */
  verify(): void {
    const { nodes, chars } = this;
    if (chars.length > MAX_CHARACTERS) throw new Error('The trie has too many characters.');
    if (nodes.length === 0) throw new Error('The trie is empty.');
    const headers = new Uint8Array(nodes.length);
    for (let at = 0; at < nodes.length; ) {
      headers[at] = 1;
      at += 1 + (nodes[at] & 0xff);
      if (at > nodes.length) throw new Error('A trie node runs past the end of the data.');
    }
    for (let at = 0; at < nodes.length; ) {
      const count = nodes[at] & 0xff;
      let previous = 0;
      for (let k = 1; k <= count; k++) {
        const edge = nodes[at + k];
        const code = edge & 0xff;
        const child = edge >>> 8;
        if (code <= previous || code > chars.length) throw new Error('A trie node has unsorted or unknown characters.');
        if (child >= nodes.length || !headers[child]) throw new Error('A trie edge points outside the node list.');
        previous = code;
      }
      at += 1 + count;
    }
  }

  /** The value stored with `word`, or 0 when it is not in the list. */
  get(word: string): number {
    const { nodes, codeOf } = this;
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const code = codeOf[word.charCodeAt(i)];
      if (code === 0) return 0;
      // Binary search among the node's edges (sorted by character).
      let low = node + 1;
      let high = node + (nodes[node] & 0xff);
      let next = -1;
      while (low <= high) {
        const mid = (low + high) >>> 1;
        const edgeCode = nodes[mid] & 0xff;
        if (edgeCode === code) {
          next = nodes[mid] >>> 8;
          break;
        }
        if (edgeCode < code) low = mid + 1;
        else high = mid - 1;
      }
      if (next < 0) return 0;
      node = next;
    }
    return nodes[node] >>> 8;
  }

  /** Every word and its value, in character order (for tests and tools; linear in the list; words up to 1,000 characters). */
  *entries(): Generator<[string, number]> {
    const { nodes, chars } = this;
    const walk = function* (node: number, prefix: string): Generator<[string, number]> {
      const value = nodes[node] >>> 8;
      if (value) yield [prefix, value];
      if (prefix.length >= 1000) return; // a damaged trie may hold a cycle
      const count = nodes[node] & 0xff;
      for (let k = 1; k <= count; k++) {
        const edge = nodes[node + k];
        yield* walk(edge >>> 8, prefix + chars[(edge & 0xff) - 1]);
      }
    };
    yield* walk(0, '');
  }
}
