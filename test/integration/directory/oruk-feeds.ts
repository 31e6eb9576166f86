/**
 * Small ORUK feeds for the import tests, built in code so each test can break exactly one thing.
 * Ids are fixed UUIDs so re-imports can be recognised.
 */

export const ORG_ID = '0b7e3a52-1c0f-4b8e-9a51-3d2c7f6e1a01';
export const SERVICE_ID = '1c8f4b63-2d10-4c9f-8b62-4e3d8a7f2b02';
export const SERVICE_2_ID = '2d9a5c74-3e21-4da0-9c73-5f4e9b8a3c03';
export const LOCATION_ID = '3eab6d85-4f32-4eb1-8d84-6a5fac9b4d04';

/** A fully nested ORUK 3.0 service, as an ORUK API's /services/{id} returns it. */
export function fullService(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: SERVICE_ID,
    name: 'Gardening for Wellbeing',
    description: 'Weekly gardening sessions at the community allotment. Tools and gloves provided.',
    url: 'https://greenspace.example.org/gardening',
    email: 'garden@greenspace.example.org',
    status: 'active',
    fees: 'Free',
    minimum_age: 16,
    maximum_age: 99,
    assured_date: '2026-01-15',
    assurer_email: 'directory@greenspace.example.org',
    alert: 'Sessions move indoors in January',
    last_modified: '2026-01-15T10:30:00.000Z',
    organization: {
      id: ORG_ID,
      name: 'Greenspace Leeds',
      description: 'A charity running gardening and nature projects across Leeds',
      email: 'hello@greenspace.example.org',
      website: 'https://greenspace.example.org',
      organization_identifiers: [{ id: '4fbc7e96-5a43-4fc2-8e95-7b6a0dac5e05', identifier_scheme: 'GB-CHC', identifier_type: 'Charity number', identifier: '1234567' }],
      attributes: [],
    },
    schedules: [
      { id: '5acd8fa7-6b54-4ad3-9fa6-8c7b1ebd6f06', freq: 'WEEKLY', interval: 1, byday: 'TU,SA', opens_at: '10:00:00', closes_at: '12:30:00', description: 'Tuesday and Saturday mornings' },
      { id: '6bde9ab8-7c65-4be4-8ab7-9d8c2fce7a07', freq: 'MONTHLY', byday: '1FR', opens_at: '14:00', closes_at: '16:00' },
    ],
    service_areas: [{ id: '7cefabc9-8d76-4cf5-9bc8-ae9d3adf8b08', name: 'Leeds', service_area: 'Leeds and surrounding areas', extent_type: 'text' }],
    service_at_locations: [
      {
        id: '8dfabcda-9e87-4d06-8cd9-bfae4be09c09',
        location: {
          id: LOCATION_ID,
          location_type: 'physical',
          name: 'Meanwood Allotments',
          description: 'Behind the community centre',
          latitude: 53.8284,
          longitude: -1.5765,
          addresses: [
            { id: '9eabcdeb-af98-4e17-9dea-cabf5cf1ad10', address_1: '1 Allotment Lane', city: 'Leeds', region: 'Meanwood', state_province: 'West Yorkshire', postal_code: 'LS6 4BU', country: 'GB', address_type: 'physical' },
          ],
          accessibility: [{ id: 'afbcdefc-ba09-4f28-8efb-dbcadbf2be11', description: 'Level access and raised beds; accessible toilet in the community centre', details: 'Ask for the key at reception' }],
          attributes: [],
        },
      },
    ],
    languages: [{ id: 'b0cdef0d-cb1a-4039-9f0c-ecdbecf3cf12', name: 'Urdu', code: 'ur' }],
    funding: [{ id: 'c1def01e-dc2b-414a-8a1d-fdeafd04da13', source: 'National Lottery Community Fund' }],
    cost_options: [{ id: 'd2ef012f-ed3c-425b-9b2e-aefb0e15eb14', option: 'Free', amount: 0, amount_description: 'Tea and cake included' }],
    contacts: [
      {
        id: 'e3f01230-fe4d-436c-8c3f-bfac1f26fc15',
        name: 'Priya Shah',
        title: 'Volunteer coordinator',
        phones: [{ id: 'f4012341-af5e-447d-9d40-cabd2037ad16', number: '0113 496 0123', description: 'Weekdays 9 to 5', languages: [{ id: '05123452-b06f-458e-8e51-dbce3148be17', name: 'Punjabi' }] }],
        attributes: [],
      },
    ],
    attributes: [
      {
        id: '16234563-c170-469f-9f62-ecdf4259cf18',
        taxonomy_term_id: '27345674-d281-47a0-8a73-fdea536ad019',
        link_type: 'service',
        taxonomy_term: { id: '27345674-d281-47a0-8a73-fdea536ad019', name: 'Gardening', description: 'Gardening and growing', taxonomy: 'OpenActive', term_uri: 'https://openactive.io/activity-list#gardening' },
      },
    ],
    ...overrides,
  };
}

/** A second service from the same organisation at the same place, with only a few fields. */
export function smallService(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: SERVICE_2_ID,
    organization_id: ORG_ID,
    name: 'Nature Walks',
    status: 'temporarily closed',
    service_at_locations: [{ id: '38456785-e392-48b1-9b84-aefb647be11a', location_id: LOCATION_ID }],
    ...overrides,
  };
}

/** An ORUK v1 service, as the v1 API returned it. */
export function v1Service(): Record<string, unknown> {
  return {
    id: 'svc-101',
    name: 'Chair Yoga',
    description: 'Gentle seated yoga for older people',
    url: 'https://yoga.example.org',
    email: 'yoga@example.org',
    status: 'active',
    fees: 'Free',
    accreditations: '',
    deliverable_type: 'Advice',
    attending_type: 'In person',
    attending_access: 'drop-in',
    assured_date: '2025-11-01T00:00:00Z',
    organization: { id: 'org-7', name: 'Age Well Bradford', description: 'Services for older people', email: 'info@agewell.example.org', url: 'https://agewell.example.org', reviews: [] },
    contacts: [{ id: 'c-1', name: 'Sam Lee', title: 'Instructor', phones: [{ id: 'p-1', number: '01274 000000', language: 'English' }] }],
    cost_options: [],
    eligibilitys: [
      { id: 'e-1', eligibility: 'Over 55s', minimum_age: 55, maximum_age: null },
      { id: 'e-2', eligibility: 'Carers welcome', minimum_age: 18, maximum_age: 90 },
    ],
    fundings: [{ id: 'f-1', source: 'Bradford Council' }],
    holiday_schedules: [{ id: 'h-1', closed: true, start_date: '2025-12-24', end_date: '2026-01-02' }],
    languages: [{ id: 'l-1', language: 'English' }],
    regular_schedules: [{ id: 'r-1', weekday: 'Wednesday', opens_at: '11:00', closes_at: '12:00', freq: 'weekly', interval: 1 }],
    reviews: [{ id: 'rev-1', title: 'Lovely' }],
    service_areas: [{ id: 'sa-1', service_area: 'Bradford' }],
    service_at_locations: [
      {
        id: 'sal-1',
        location: {
          id: 'loc-1',
          name: 'Shipley Library',
          latitude: 53.83,
          longitude: -1.77,
          physical_addresses: [{ id: 'addr-1', address_1: '2 Wellcroft', city: 'Shipley', state_province: '', postal_code: 'bd18 3qh', country: 'GB' }],
          accessibility_for_disabilities: [{ id: 'acc-1', accessibility: 'Wheelchair accessible, hearing loop at the desk' }],
        },
      },
    ],
    service_taxonomys: [{ id: 'st-1', taxonomy: { id: 'tax-1', name: 'Exercise', vocabulary: 'esdServiceTypes' } }],
  };
}

export function json(value: unknown, name = 'feed.json') {
  return { name, content: JSON.stringify(value) };
}
