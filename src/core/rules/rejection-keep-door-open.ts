import { defineRule } from '../rule';

// PLACEHOLDER: not implemented yet.
export default defineRule(
  { id: 'rejection-keep-door-open', description: 'Not implemented yet', severity: 'info', fixable: false, tags: [] },
  () => {},
);
