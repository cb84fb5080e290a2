import { defineRule } from '../rule';

// PLACEHOLDER: not implemented yet.
export default defineRule(
  { id: 'rejection-no-reargue', description: 'Not implemented yet', severity: 'warning', fixable: false, tags: [] },
  () => {},
);
