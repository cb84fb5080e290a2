import { defineRule } from '../rule';

// PLACEHOLDER: not implemented yet.
export default defineRule(
  { id: 'poor-fit-honesty', description: 'Not implemented yet', severity: 'info', fixable: false, tags: [] },
  () => {},
);
