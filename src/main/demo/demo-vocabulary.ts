import type { ReferralReason, ReferralSource } from '../../shared/domain/referral';

/** Synthetic but familiar en-GB names and places for the demo workspace. None is a real person. */
export const GIVEN_NAMES = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Grace', 'Freya', 'Lily', 'Sophie', 'Ella', 'Aisha', 'Zainab', 'Priya', 'Siobhan',
  'Niamh', 'Megan', 'Bethan', 'Chloe', 'Margaret', 'Joan', 'Patricia', 'Brenda', 'Maureen', 'Dorothy', 'Harriet', 'Agnieszka',
  'Oliver', 'George', 'Harry', 'Jack', 'Noah', 'Leo', 'Arthur', 'Muhammad', 'Oscar', 'Charlie', 'Jacob', 'Thomas', 'Rhys',
  'Owen', 'Callum', 'Declan', 'Ravi', 'Imran', 'Kwame', 'Tomasz', 'Derek', 'Keith', 'Trevor', 'Colin', 'Graham', 'Malcolm',
] as const;

export const FAMILY_NAMES = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Robinson',
  'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris', 'Clarke', 'Patel',
  'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker',
  'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett', 'Young',
  'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy', 'Miller',
  'Cox', 'Richards', 'Khan', 'Begum', 'Hussain', 'Ali', 'Ahmed', 'Singh', 'Kaur', 'Nowak', 'Kowalski', 'Mensah', 'Okafor',
] as const;

/** Streets and postcodes in one West Yorkshire district, the demo PCN's patch. */
export const STREETS = [
  'Mill Lane', 'Chapel Street', 'Victoria Road', 'Church Street', 'Park Avenue', 'Station Road', 'Albert Terrace',
  'Moorland View', 'Beck Side', 'Canal Road', 'Hollins Lane', 'Weavers Court', 'Spring Gardens', 'Manor Drive',
] as const;
export const TOWNS = ['Shipley', 'Saltaire', 'Baildon', 'Bingley', 'Windhill'] as const;
export const POSTCODES = ['BD18 3LA', 'BD18 4QE', 'BD17 5BN', 'BD16 2NQ', 'BD18 1PD', 'BD17 6HT', 'BD16 4AZ', 'BD18 2DX'] as const;
export const GP_PRACTICES = ['DEMO Riverside Surgery', 'DEMO Saltaire Medical Practice', 'DEMO Baildon Health Centre'] as const;
export const PRONOUNS = ['she/her', 'he/him', 'they/them', '', '', ''] as const;
export const LANGUAGES = ['Urdu', 'Polish', 'Punjabi', 'Bengali', 'Romanian'] as const;

/** Referral sources, weighted roughly as PCNs report them: most come from general practice. */
export const WEIGHTED_SOURCES: readonly ReferralSource[] = [
  'gp_practice', 'gp_practice', 'gp_practice', 'gp_practice', 'gp_practice', 'gp_practice', 'self', 'self',
  'pharmacy', 'local_authority', 'mdt', 'hospital_discharge', 'allied_health', 'social_care', 'housing_association',
  'vcse', 'job_centre', 'fire_service', 'police',
];

export const REASON_POOL: readonly ReferralReason[] = [
  'loneliness', 'loneliness', 'loneliness', 'low_mood', 'low_mood', 'low_mood', 'long_term_condition', 'money', 'money',
  'housing', 'employment', 'physical_inactivity', 'carer_support', 'bereavement', 'substance_use', 'benefits', 'food',
  'frequent_attender',
];

export const REFERRERS = [
  { name: 'Dr Sarah Whitaker', organisation: 'DEMO Riverside Surgery', contact: '01274 000 101' },
  { name: 'Dr James Holroyd', organisation: 'DEMO Saltaire Medical Practice', contact: '01274 000 202' },
  { name: 'Nurse Paula Greenwood', organisation: 'DEMO Baildon Health Centre', contact: '01274 000 303' },
  { name: 'Kieran Lund', organisation: 'DEMO Community Pharmacy', contact: '01274 000 404' },
] as const;

export const CONTACT_NOTES = [
  'Talked about what matters most right now; wants to get out of the house more.',
  'Went through local groups together; interested in the walking group on Thursdays.',
  'Feeling a bit brighter this week. Went to the community cafe once.',
  'Worried about money; agreed to book an appointment with the debt advice service.',
  'Phoned to check in. Has been to the singing group twice and enjoyed it.',
  'Carer strain discussed; shared details of the carers centre drop-in.',
  'Reviewed the plan together; two goals started, one changed.',
  'Did a home visit; house is cold, talked about the warm homes grant.',
] as const;
