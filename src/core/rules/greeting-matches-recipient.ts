import { defineRule } from '../rule';

// PLACEHOLDER: not implemented yet.
export default defineRule(
  { id: 'greeting-matches-recipient', description: 'Not implemented yet', severity: 'error', fixable: false, tags: [] },
  () => {},
);
