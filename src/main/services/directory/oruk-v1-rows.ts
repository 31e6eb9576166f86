import { createHash } from 'node:crypto';
import type { OrukTable } from './oruk-tables';
import { isUuid, type Origin } from './oruk-validate';

/** The tables of an Open Referral UK v1 feed, and its rows on their way to 3.0 (see oruk-v1.ts). */

export type V1Table =
  | 'organization'
  | 'service'
  | 'location'
  | 'physical_address'
  | 'postal_address'
  | 'service_at_location'
  | 'regular_schedule'
  | 'holiday_schedule'
  | 'contact'
  | 'phone'
  | 'cost_option'
  | 'eligibility'
  | 'funding'
  | 'language'
  | 'accessibility_for_disabilities'
  | 'service_area'
  | 'taxonomy'
  | 'service_taxonomy'
  | 'link_taxonomy'
  | 'review';


export const V1_FILES: Record<string, V1Table> = {
  'organizations.csv': 'organization',
  'services.csv': 'service',
  'locations.csv': 'location',
  'physical_addresses.csv': 'physical_address',
  'postal_addresses.csv': 'postal_address',
  'service_at_locations.csv': 'service_at_location',
  'service_at_location.csv': 'service_at_location',
  'regular_schedules.csv': 'regular_schedule',
  'holiday_schedules.csv': 'holiday_schedule',
  'contacts.csv': 'contact',
  'phones.csv': 'phone',
  'cost_options.csv': 'cost_option',
  'eligibilitys.csv': 'eligibility',
  'eligibility.csv': 'eligibility',
  'fundings.csv': 'funding',
  'languages.csv': 'language',
  'accessibility_for_disabilities.csv': 'accessibility_for_disabilities',
  'service_areas.csv': 'service_area',
  'taxonomies.csv': 'taxonomy',
  'service_taxonomys.csv': 'service_taxonomy',
  'link_taxonomys.csv': 'link_taxonomy',
  'reviews.csv': 'review',
};

/** Columns of each v1 table; others are ignored with a warning (v1 feeds vary). */
export const V1_COLUMNS: Record<V1Table, readonly string[]> = {
  organization: ['id', 'name', 'description', 'email', 'url', 'logo', 'uri'],
  service: ['id', 'organization_id', 'name', 'description', 'url', 'email', 'status', 'fees', 'accreditations', 'deliverable_type', 'attending_type', 'attending_access', 'assured_date', 'assurer_email'],
  location: ['id', 'name', 'description', 'latitude', 'longitude'],
  physical_address: ['id', 'location_id', 'attention', 'address_1', 'city', 'state_province', 'postal_code', 'country'],
  postal_address: ['id', 'location_id', 'attention', 'address_1', 'city', 'state_province', 'postal_code', 'country'],
  service_at_location: ['id', 'service_id', 'location_id'],
  regular_schedule: ['id', 'service_id', 'service_at_location_id', 'weekday', 'opens_at', 'closes_at', 'valid_from', 'valid_to', 'dtstart', 'freq', 'interval', 'byday', 'bymonthday', 'description'],
  holiday_schedule: ['id', 'service_id', 'service_at_location_id', 'closed', 'opens_at', 'closes_at', 'start_date', 'end_date'],
  contact: ['id', 'service_id', 'name', 'title'],
  phone: ['id', 'contact_id', 'number', 'language'],
  cost_option: ['id', 'service_id', 'valid_from', 'valid_to', 'option', 'amount', 'amount_description'],
  eligibility: ['id', 'service_id', 'eligibility', 'minimum_age', 'maximum_age'],
  funding: ['id', 'service_id', 'source'],
  language: ['id', 'service_id', 'language'],
  accessibility_for_disabilities: ['id', 'location_id', 'accessibility'],
  service_area: ['id', 'service_id', 'service_area', 'extent', 'uri'],
  taxonomy: ['id', 'name', 'vocabulary', 'parent'],
  service_taxonomy: ['id', 'service_id', 'taxonomy_id'],
  link_taxonomy: ['id', 'link_type', 'link_id', 'taxonomy_id'],
  review: ['id', 'service_id', 'organization_id', 'reviewer_organization_id', 'title', 'description', 'date', 'score', 'url', 'widget'],
};

export const V1_ONLY_FILES = new Set(Object.entries(V1_FILES).filter(([, table]) => !['organization', 'service', 'location', 'service_at_location', 'contact', 'phone', 'cost_option', 'language', 'service_area', 'taxonomy'].includes(table)).map(([file]) => file));
export const V1_ONLY_SERVICE_KEYS = ['regular_schedules', 'holiday_schedules', 'eligibilitys', 'service_taxonomys', 'fundings', 'reviews', 'deliverable_type', 'attending_access'];

/** A v1 id that is not a UUID becomes a version 5 UUID of the table and the id. */
const V1_NAMESPACE = Buffer.from('6f2c1b1e8d3a4c7f9a0e5b2d4c6e8f10', 'hex');
export function v1Uuid(table: OrukTable, id: string): string {
  if (isUuid(id)) return id.toLowerCase();
  const hash = createHash('sha1').update(V1_NAMESPACE).update(`oruk-v1/${table}/${id}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}


export type Raw = Record<string, unknown>;
export interface V1Row {
  raw: Raw;
  origin: Origin;
  /** For JSON: the path of the object, so problems point at it. */
  path: string | null;
}
export type V1Rows = Map<V1Table, V1Row[]>;
