/**
 * A note as plain text for an e-mail body: front matter and HTML comments
 * removed, Markdown formatting removed, paragraphs and line breaks kept.
 */
import type { Nodes, Parents, RootContent } from 'mdast';
import type { Note } from './note';

export function toPlainText(note: Note): string {
  const blocks: string[] = [];
  for (const node of note.tree.children) {
    const text = block(node).replace(/[ \t]+$/gm, '').trim();
    if (text) blocks.push(text);
  }
  return blocks.join('\n\n');
}

function block(node: RootContent): string {
  switch (node.type) {
    case 'yaml':
    case 'html':
    case 'thematicBreak':
    case 'definition':
      return '';
    case 'code':
      return node.value;
    case 'list':
      return node.children
        .map((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '- ';
          const body = item.children.map(block).filter(Boolean).join('\n');
          return marker + body.replace(/\n/g, '\n   ');
        })
        .join('\n');
    case 'blockquote':
      return node.children.map(block).filter(Boolean).join('\n\n');
    default:
      return inline(node);
  }
}

function inline(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'html':
      return '';
    case 'image':
      return node.alt ?? '';
    case 'link': {
      const text = children(node);
      const url = node.url.replace(/^mailto:/, '');
      return !url || text === url || text === node.url ? text : `${text} (${url})`;
    }
    default:
      return 'children' in node ? children(node) : '';
  }
}

function children(node: Parents): string {
  return (node.children as Nodes[]).map(inline).join('');
}
