import type { DirectoryCategory } from './directory';
import type { ReferralReason } from './referral';

/**
 * Connections: a person linked, from an episode of support, to a group or service in the
 * directory; support given to community groups; and the gaps between the needs referrals bring
 * and what the directory offers. Codes are stored; labels are what the screens show.
 */

export const CONNECTION_STATUSES = {
  suggested: 'Suggested',
  introduced: 'Introduced',
  attending: 'Attending',
  completed: 'Completed',
  stopped: 'Stopped',
} as const;
export type ConnectionStatus = keyof typeof CONNECTION_STATUSES;
export const CONNECTION_STATUS_CODES = Object.keys(CONNECTION_STATUSES) as [ConnectionStatus, ...ConnectionStatus[]];

/** suggested → introduced → attending → completed; any open connection can be stopped. Completed and stopped are final. */
export const CONNECTION_TRANSITIONS: Record<ConnectionStatus, readonly ConnectionStatus[]> = {
  suggested: ['introduced', 'stopped'],
  introduced: ['attending', 'stopped'],
  attending: ['completed', 'stopped'],
  completed: [],
  stopped: [],
};

export function canMoveConnection(from: ConnectionStatus, to: ConnectionStatus): boolean {
  return CONNECTION_TRANSITIONS[from].includes(to);
}

export function isFinalConnectionStatus(status: ConnectionStatus): boolean {
  return CONNECTION_TRANSITIONS[status].length === 0;
}

export const CONNECTION_STOP_REASONS = {
  not_suitable: 'Not suitable',
  person_choice: 'Person’s choice',
  service_full: 'Service full or waiting list',
  service_closed: 'Service closed',
  moved_away: 'Moved away',
  other: 'Other',
} as const;
export type ConnectionStopReason = keyof typeof CONNECTION_STOP_REASONS;
export const CONNECTION_STOP_REASON_CODES = Object.keys(CONNECTION_STOP_REASONS) as [ConnectionStopReason, ...ConnectionStopReason[]];

export const GROUP_SUPPORT_TYPES = {
  capacity_building: 'Capacity building',
  funding_advice: 'Funding advice',
  volunteers: 'Volunteers',
  training: 'Training',
  promotion: 'Promotion',
  other: 'Other',
} as const;
export type GroupSupportType = keyof typeof GROUP_SUPPORT_TYPES;
export const GROUP_SUPPORT_TYPE_CODES = Object.keys(GROUP_SUPPORT_TYPES) as [GroupSupportType, ...GroupSupportType[]];

/**
 * Which directory categories meet each referral reason, for the gaps view. "Other" reasons say
 * nothing about the need, so they are left out of the report.
 */
export const REASON_CATEGORIES: Record<Exclude<ReferralReason, 'other'>, readonly DirectoryCategory[]> = {
  loneliness: ['befriending', 'peer_support', 'arts', 'singing', 'dance', 'knitting_crafts', 'cooking', 'walking_groups', 'gardening_green'],
  low_mood: ['mental_wellbeing', 'peer_support', 'arts', 'gardening_green', 'walking_groups'],
  long_term_condition: ['peer_support', 'mental_wellbeing', 'walking_groups', 'sport'],
  money: ['debt_advice', 'benefits'],
  housing: ['housing'],
  employment: ['employment'],
  physical_inactivity: ['sport', 'walking_groups', 'dance', 'gardening_green'],
  carer_support: ['peer_support', 'befriending'],
  bereavement: ['peer_support', 'befriending', 'mental_wellbeing'],
  substance_use: ['peer_support', 'mental_wellbeing'],
  benefits: ['benefits', 'debt_advice'],
  food: ['cooking'],
  frequent_attender: ['befriending', 'peer_support', 'mental_wellbeing'],
};
export type GapReason = keyof typeof REASON_CATEGORIES;
export const GAP_REASON_CODES = Object.keys(REASON_CATEGORIES) as [GapReason, ...GapReason[]];
