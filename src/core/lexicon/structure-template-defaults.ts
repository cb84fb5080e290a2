/**
 * What the scenario templates and section snippets (snippets/notes.code-snippets,
 * and the New Note command that fills them) write before the writer does: each
 * front-matter key with its own name as the value (`to: to`, `topics: - topics`),
 * the greeting "Dear to," and the signature "from", and prompt sentences where the
 * writer's own words go. A note left like that is unfinished; no-unfilled-placeholder
 * reports it, and the Notes view and New Note for Another Interviewer ignore those values.
 *
 * A test keeps TEMPLATE_PROMPTS in step with the snippets' tab-stop defaults.
 */

/** Front-matter keys a template fills with their own name. */
export const SELF_NAMED_KEYS = ['to', 'email', 'company', 'role', 'topics', 'strengths', 'from', 'news'] as const;

/** Whether `value` (a string, or one item of a list) is the template's default for `key`: the key's own name. */
export function isTemplateDefault(key: string, value: unknown): boolean {
  return typeof value === 'string' && (SELF_NAMED_KEYS as readonly string[]).includes(key) && value.trim().toLowerCase() === key;
}

/** The items of a list value that are not the template's default ("topics: [topics]" has none). */
export function filledItems(key: string, values: readonly string[]): string[] {
  return values.filter((v) => !isTemplateDefault(key, v));
}

/**
 * The prompts the templates write where the writer's own words go, as they stand in the
 * text. Short prompts ("a strength") are kept with the words around them in the template,
 * so the same words in a sentence of one's own are never taken for one.
 */
export const TEMPLATE_PROMPTS = [
  'What has stayed with you since the conversation.',
  'An example from your own work that connects to it.',
  'help your team with a goal they mentioned',
  'A result from your work, with a number if you have one.',
  'Experience the team may not have heard about.',
  'Another role you could suggest, or the advice you would like to ask for.',
  'Why it matters for this role.',
  'Something you have done or learned since then that is relevant.',
  'What they did that made the day easier.',
  'our conversation about a topic you discussed',
  'my experience with a strength',
  'would help with a need they mentioned',
  'A short example.',
  // The section snippets' role and company stops left as written ("the role role at company").
  'the role role at',
  'role at company and would be glad',
  'like to work at company.',
] as const;
