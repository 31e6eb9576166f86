/**
 * Referrals (episodes of support): where they come from, why, and the statuses they move through.
 * Labels are the words link workers use (see ../shared/BRIEF.md).
 */
export const REFERRAL_SOURCES = {
  gp_practice: 'GP and wider general practice',
  local_authority: 'Local authority',
  pharmacy: 'Pharmacy',
  mdt: 'Multi-disciplinary team',
  hospital_discharge: 'Hospital discharge team',
  allied_health: 'Allied health professional',
  fire_service: 'Fire service',
  police: 'Police',
  job_centre: 'Job centre',
  social_care: 'Social care',
  housing_association: 'Housing association',
  vcse: 'VCSE organisation',
  school_college: 'School or college',
  self: 'Self-referral',
  other: 'Other',
} as const;
export type ReferralSource = keyof typeof REFERRAL_SOURCES;
export const REFERRAL_SOURCE_CODES = Object.keys(REFERRAL_SOURCES) as [ReferralSource, ...ReferralSource[]];

export const REFERRAL_REASONS = {
  loneliness: 'Loneliness or isolation',
  low_mood: 'Low mood, anxiety or stress',
  long_term_condition: 'Long-term condition support',
  money: 'Debt or money worries',
  housing: 'Housing',
  employment: 'Employment',
  physical_inactivity: 'Physical inactivity',
  carer_support: 'Carer support',
  bereavement: 'Bereavement',
  substance_use: 'Substance use',
  benefits: 'Benefits',
  food: 'Food insecurity',
  frequent_attender: 'Frequent GP attendance',
  other: 'Other',
} as const;
export type ReferralReason = keyof typeof REFERRAL_REASONS;
export const REFERRAL_REASON_CODES = Object.keys(REFERRAL_REASONS) as [ReferralReason, ...ReferralReason[]];

export const URGENCIES = { routine: 'Routine', soon: 'Soon', urgent: 'Urgent' } as const;
export type Urgency = keyof typeof URGENCIES;
export const URGENCY_CODES = Object.keys(URGENCIES) as [Urgency, ...Urgency[]];

export const EPISODE_STATUSES = {
  received: 'Received',
  contacted: 'Contacted',
  accepted: 'Accepted',
  declined: 'Declined',
  active: 'Active',
  closed: 'Closed',
} as const;
export type EpisodeStatus = keyof typeof EPISODE_STATUSES;
export const EPISODE_STATUS_CODES = Object.keys(EPISODE_STATUSES) as [EpisodeStatus, ...EpisodeStatus[]];

/** received → contacted → accepted or declined → active → closed. Declined episodes are closed too. */
export const EPISODE_TRANSITIONS: Record<EpisodeStatus, readonly EpisodeStatus[]> = {
  received: ['contacted', 'closed'],
  contacted: ['accepted', 'declined', 'closed'],
  accepted: ['active', 'closed'],
  declined: ['closed'],
  active: ['closed'],
  closed: [],
};

export function canMoveEpisode(from: EpisodeStatus, to: EpisodeStatus): boolean {
  return EPISODE_TRANSITIONS[from].includes(to);
}

export const CLOSURE_REASONS = {
  goals_met: 'Goals met',
  disengaged: 'Disengaged',
  moved_away: 'Moved away',
  referred_elsewhere: 'Referred elsewhere',
  declined: 'Declined social prescribing',
  died: 'Died',
  other: 'Other',
} as const;
export type ClosureReason = keyof typeof CLOSURE_REASONS;
export const CLOSURE_REASON_CODES = Object.keys(CLOSURE_REASONS) as [ClosureReason, ...ClosureReason[]];

export const CONTACT_MODES = {
  face_to_face: 'Face to face',
  home_visit: 'Home visit',
  phone: 'Phone',
  video: 'Video',
  text_or_email: 'Text or email',
  group: 'Group',
} as const;
export type ContactMode = keyof typeof CONTACT_MODES;
export const CONTACT_MODE_CODES = Object.keys(CONTACT_MODES) as [ContactMode, ...ContactMode[]];

/** SNOMED CT concepts the GP record needs, due within a week of the contact that triggers them. */
export const SNOMED = {
  referralToSocialPrescribing: { code: '871731000000106', term: 'Referral to social prescribing service' },
  socialPrescribingDeclined: { code: '871711000000103', term: 'Social prescribing declined' },
} as const;
export const CODING_DUE_DAYS = 7;
