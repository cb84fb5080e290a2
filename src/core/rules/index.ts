/** Every rule, in the order of RULES.md (the order findings of equal position are listed in). */
import validFrontMatter from './valid-front-matter';
import noUnfilledPlaceholder from './no-unfilled-placeholder';
import requireGreeting from './require-greeting';
import greetingMatchesRecipient from './greeting-matches-recipient';
import requireSignOff from './require-sign-off';
import noGenericNote from './no-generic-note';
import noThanksOnly from './no-thanks-only';
import requireInterest from './require-interest';
import noResumeRehash from './no-resume-rehash';
import maxLength from './max-length';
import noNeedyTone from './no-needy-tone';
import noHedging from './no-hedging';
import noOverApology from './no-over-apology';
import noArrogance from './no-arrogance';
import noOverFlattery from './no-over-flattery';
import noNegativity from './no-negativity';
import limitExclamations from './limit-exclamations';
import noCompensationTalk from './no-compensation-talk';
import noGifts from './no-gifts';
import noPressure from './no-pressure';
import rejectionNoReargue from './rejection-no-reargue';
import rejectionKeepDoorOpen from './rejection-keep-door-open';
import poorFitHonesty from './poor-fit-honesty';
import wrongChannel from './wrong-channel';
import emailSubject from './email-subject';
import sendWindow from './send-window';
import spelling from './spelling';
import noRepeatedWords from './no-repeated-words';
import capitalization from './capitalization';
import noDuplicateNote from './no-duplicate-note';
import noWrongCompany from './no-wrong-company';
import noWrongRecipient from './no-wrong-recipient';

export const rules = [
  validFrontMatter,
  noUnfilledPlaceholder,
  requireGreeting,
  greetingMatchesRecipient,
  requireSignOff,
  noGenericNote,
  noThanksOnly,
  requireInterest,
  noResumeRehash,
  maxLength,
  noNeedyTone,
  noHedging,
  noOverApology,
  noArrogance,
  noOverFlattery,
  noNegativity,
  limitExclamations,
  noCompensationTalk,
  noGifts,
  noPressure,
  rejectionNoReargue,
  rejectionKeepDoorOpen,
  poorFitHonesty,
  wrongChannel,
  emailSubject,
  sendWindow,
  spelling,
  noRepeatedWords,
  capitalization,
  // Across notes: run only when the caller passes the other notes (`workspace`).
  noDuplicateNote,
  noWrongCompany,
  noWrongRecipient,
];
