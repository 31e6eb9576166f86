/** Words and lists for a person's record. */
export const CONTACT_METHODS = {
  phone: 'Phone call',
  text: 'Text message',
  email: 'Email',
  letter: 'Letter',
  in_person: 'In person',
} as const;
export type ContactMethod = keyof typeof CONTACT_METHODS;
export const CONTACT_METHOD_CODES = Object.keys(CONTACT_METHODS) as [ContactMethod, ...ContactMethod[]];

export const CONSENT_METHODS = { verbal: 'Verbally', written: 'In writing', digital: 'Online or by email' } as const;
export type ConsentMethod = keyof typeof CONSENT_METHODS;
export const CONSENT_METHOD_CODES = Object.keys(CONSENT_METHODS) as [ConsentMethod, ...ConsentMethod[]];

/** Full UK postcode, e.g. "LS1 4AP" or "SW1A 1AA" (outward code, space optional, inward code). */
const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/;

/** "ls14ap" → "LS1 4AP"; null when it is not a UK postcode. */
export function normalisePostcode(typed: string): string | null {
  const match = POSTCODE.exec(typed.trim().toUpperCase().replace(/\s+/g, ' '));
  return match ? `${match[1]} ${match[2]}` : null;
}
