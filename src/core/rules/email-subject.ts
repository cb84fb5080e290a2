import { defineRule } from '../rule';

// PLACEHOLDER: not implemented yet.
export default defineRule(
  { id: 'email-subject', description: 'Not implemented yet', severity: 'info', fixable: false, tags: [] },
  () => {},
);
