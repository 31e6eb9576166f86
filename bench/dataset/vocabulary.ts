import type { SeededRandom } from '../../src/main/demo/random';
import { CONTACT_NOTES } from '../../src/main/demo/demo-vocabulary';

/**
 * Extra words for the benchmark's notes, so full-text search meets a realistic spread of words
 * (common ones in thousands of notes, rare ones in a few) rather than eight sentences repeated.
 */
const OPENINGS = [
  'Phoned to check in.', 'Met at the surgery.', 'Home visit.', 'Met at the community cafe.', 'Video call.', 'Short call.',
  'Met at the library.', 'Caught up after the group.', 'Spoke with their daughter too.', 'Follow-up as planned.',
] as const;

const TOPICS = [
  'Talked about the allotment project and the Tuesday gardening club.', 'Has started the chair yoga class and enjoys it.',
  'Sleep is better since the walking group.', 'Still waiting for the housing repair; chased the landlord together.',
  'Pension credit claim submitted with help from the advice centre.', 'Feels anxious about the hospital appointment next week.',
  'Wants to volunteer at the food bank on Fridays.', 'Knitting circle suggested; will try it with a neighbour.',
  'Discussed bereavement support and the memory cafe.', 'Energy bills worrying; referred to the warm homes scheme.',
  'Back at the choir after a month off.', 'Interested in the men’s shed woodwork sessions.', 'Swimming at the leisure centre twice a week now.',
  'Struggling with stairs; occupational therapy referral discussed with the GP.', 'Council tax arrears plan agreed with the council.',
  'Meeting the befriender for coffee every Wednesday.', 'Digital skills course booked at the library.', 'Cooking on a budget course starts Monday.',
  'Talking therapies self-referral done together.', 'Applied for a bus pass; will travel to the market independently.',
] as const;

export function contactNote(random: SeededRandom): string {
  const parts: string[] = [random.pick(OPENINGS), random.pick(TOPICS)];
  if (random.chance(0.5)) parts.push(random.pick(CONTACT_NOTES));
  return parts.join(' ');
}

export const REFERRAL_NOTES = [
  'Lives alone since her husband died; rarely leaves the house.', 'Frequent GP attender with low mood; keen to get out more.',
  'Recently retired and finding the days long.', 'Carer for his wife; no time for himself.', 'New to the area; knows no one.',
  'Money worries after losing work; behind with rent.', 'Long-term pain; wants to be more active.', 'Discharged from hospital; needs support at home.',
] as const;

export const PERSON_NOTES = [
  'Prefers calls after 11am.', 'Hard of hearing: face them when speaking.', 'Dog in the house; call before visiting.',
  'Daughter holds lasting power of attorney for finance.', 'Uses the side door; front step is broken.', 'Happy to receive texts.',
] as const;
