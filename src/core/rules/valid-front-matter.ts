import { defineRule } from '../rule';

// PLACEHOLDER: not implemented yet.
export default defineRule(
  { id: 'valid-front-matter', description: 'Not implemented yet', severity: 'error', fixable: false, tags: [] },
  () => {},
);
