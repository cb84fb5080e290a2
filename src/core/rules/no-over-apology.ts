import { defineRule } from '../rule';

// PLACEHOLDER: not implemented yet.
export default defineRule(
  { id: 'no-over-apology', description: 'Not implemented yet', severity: 'warning', fixable: false, tags: [] },
  () => {},
);
