/**
 * Words and lists for the community directory: the groups and services link workers connect
 * people to (see shared/BRIEF.md). Codes are stored; labels are what the screens show.
 */

export const DIRECTORY_CATEGORIES = {
  arts: 'Arts',
  dance: 'Dance',
  singing: 'Singing',
  knitting_crafts: 'Knitting and crafts',
  cooking: 'Cooking',
  sport: 'Sport',
  walking_groups: 'Walking groups',
  gardening_green: 'Gardening and green activities',
  debt_advice: 'Debt advice',
  housing: 'Housing',
  benefits: 'Benefits',
  employment: 'Employment',
  befriending: 'Befriending',
  peer_support: 'Peer support',
  mental_wellbeing: 'Mental wellbeing',
  other: 'Other',
} as const;
export type DirectoryCategory = keyof typeof DIRECTORY_CATEGORIES;
export const DIRECTORY_CATEGORY_CODES = Object.keys(DIRECTORY_CATEGORIES) as [DirectoryCategory, ...DirectoryCategory[]];

export const DIRECTORY_STATUSES = { active: 'Active', paused: 'Paused', closed: 'Closed' } as const;
export type DirectoryStatus = keyof typeof DIRECTORY_STATUSES;
export const DIRECTORY_STATUS_CODES = Object.keys(DIRECTORY_STATUSES) as [DirectoryStatus, ...DirectoryStatus[]];

export const DIRECTORY_COSTS = { free: 'Free', low_cost: 'Low cost', paid: 'Paid' } as const;
export type DirectoryCost = keyof typeof DIRECTORY_COSTS;
export const DIRECTORY_COST_CODES = Object.keys(DIRECTORY_COSTS) as [DirectoryCost, ...DirectoryCost[]];

/** Days of the week, Monday first, with the two-letter codes iCalendar (and so ORUK) uses. */
export const WEEKDAYS = {
  mon: { label: 'Monday', ical: 'MO' },
  tue: { label: 'Tuesday', ical: 'TU' },
  wed: { label: 'Wednesday', ical: 'WE' },
  thu: { label: 'Thursday', ical: 'TH' },
  fri: { label: 'Friday', ical: 'FR' },
  sat: { label: 'Saturday', ical: 'SA' },
  sun: { label: 'Sunday', ical: 'SU' },
} as const;
export type Weekday = keyof typeof WEEKDAYS;
export const WEEKDAY_CODES = Object.keys(WEEKDAYS) as [Weekday, ...Weekday[]];

export function weekdayFromIcal(code: string): Weekday | null {
  const upper = code.toUpperCase();
  return WEEKDAY_CODES.find((day) => WEEKDAYS[day].ical === upper) ?? null;
}

/** Access features a link worker filters by. The free-text accessibility note says the rest. */
export const ACCESSIBILITY_FEATURES = {
  step_free: 'Step-free access',
  accessible_toilet: 'Accessible toilet',
  hearing_loop: 'Hearing loop',
  accessible_parking: 'Accessible parking',
  quiet_space: 'Quiet space',
} as const;
export type AccessibilityFeature = keyof typeof ACCESSIBILITY_FEATURES;
export const ACCESSIBILITY_FEATURE_CODES = Object.keys(ACCESSIBILITY_FEATURES) as [AccessibilityFeature, ...AccessibilityFeature[]];

/**
 * Features an imported accessibility note clearly states. Used once, when an entry is first
 * imported; link workers correct them afterwards and a re-import keeps their choice.
 */
const FEATURE_WORDS: Record<AccessibilityFeature, RegExp> = {
  step_free: /\b(step[- ]?free|level access|wheelchair (?:access|accessible)|ramped? access|ramps?\b|lift to all)/i,
  accessible_toilet: /\b(accessible|disabled|changing places) (?:toilets?|wc|loos?)\b/i,
  hearing_loop: /\b(hearing|induction) loops?\b/i,
  accessible_parking: /\b(disabled|accessible|blue badge) (?:parking|bays?|spaces?)\b/i,
  quiet_space: /\bquiet (?:space|room|area)\b/i,
};

export function featuresMentionedIn(text: string): AccessibilityFeature[] {
  return ACCESSIBILITY_FEATURE_CODES.filter((feature) => FEATURE_WORDS[feature].test(text));
}

/** Entries not checked for this many months are flagged as stale (workspace setting). */
export const DIRECTORY_STALE_MONTHS_DEFAULT = 6;
export const DIRECTORY_STALE_MONTHS_MIN = 1;
export const DIRECTORY_STALE_MONTHS_MAX = 36;

/** The most an ORUK import may carry at once, in bytes of UTF-8 text across all its files. */
export const ORUK_IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const ORUK_IMPORT_MAX_FILES = 40;

/** UTF-8 length of a string without copying it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** "20 MB", "3.4 MB", "812 KB": sizes as people read them. */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const UK_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/;
const OUTWARD_CODE = /^[A-Z]{1,2}\d[A-Z\d]?$/;
const POSTCODE_AREA = /^[A-Z]{1,2}$/;

/** "ls14ap" → "LS1 4AP"; null when it is not a full UK postcode. */
export function normaliseUkPostcode(typed: string): string | null {
  const match = UK_POSTCODE.exec(typed.trim().toUpperCase().replace(/\s+/g, ' '));
  return match ? `${match[1]} ${match[2]}` : null;
}

/** The postcode district (outward code): "LS1 4AP" → "LS1". Null for anything that is not a UK postcode. */
export function postcodeDistrict(postcode: string | null | undefined): string | null {
  if (!postcode) return null;
  const match = UK_POSTCODE.exec(postcode.trim().toUpperCase().replace(/\s+/g, ' '));
  return match ? match[1]! : null;
}

/**
 * How an "area" filter is read: a full postcode or a district ("LS1") matches that postcode
 * district; anything else is a town or area name (matched from its start), and one or two letters
 * ("LS") also match every district of that postcode area.
 */
export type AreaQuery = { kind: 'district'; district: string } | { kind: 'place'; name: string; postcodeArea: string | null };

export function readAreaQuery(typed: string): AreaQuery {
  const compact = typed.trim().toUpperCase().replace(/\s+/g, ' ');
  const district = postcodeDistrict(compact) ?? (OUTWARD_CODE.test(compact) ? compact : null);
  if (district) return { kind: 'district', district };
  return { kind: 'place', name: typed.trim(), postcodeArea: POSTCODE_AREA.test(compact) ? compact : null };
}
