import { defineRule } from '../rule';

// PLACEHOLDER: not implemented yet.
export default defineRule(
  { id: 'no-unfilled-placeholder', description: 'Not implemented yet', severity: 'error', fixable: false, tags: [] },
  () => {},
);
