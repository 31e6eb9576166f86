import { z } from 'zod';
import {
  ACCESSIBILITY_FEATURE_CODES,
  DIRECTORY_CATEGORY_CODES,
  DIRECTORY_COST_CODES,
  DIRECTORY_STATUS_CODES,
  WEEKDAY_CODES,
  type AccessibilityFeature,
  type DirectoryCategory,
} from '../../../../shared/domain/directory';
import { createEntrySchema, type DirectoryEntry, type EntryInput } from '../../../../shared/ipc/directory-contract';

/**
 * The entry form as it holds values: text for numbers and '' for unchosen selects. Its output is
 * piped through the contract's own schema, so the form and main refuse the same things with the
 * same words, and each error lands on the field of the same name.
 */
const scheduleFormSchema = z.object({
  weekday: z.union([z.literal(''), z.enum(WEEKDAY_CODES)]),
  startTime: z.string(),
  endTime: z.string(),
  frequency: z.string(),
});

const formShape = z.object({
  organisation: z.object({ id: z.string().nullable(), name: z.string(), description: z.string(), website: z.string(), email: z.string() }),
  name: z.string(),
  description: z.string(),
  category: z.union([z.literal(''), z.enum(DIRECTORY_CATEGORY_CODES)]),
  status: z.enum(DIRECTORY_STATUS_CODES),
  minAge: z.string(),
  maxAge: z.string(),
  eligibility: z.string(),
  cost: z.union([z.literal(''), z.enum(DIRECTORY_COST_CODES)]),
  costDescription: z.string(),
  schedules: z.array(scheduleFormSchema),
  venueName: z.string(),
  address: z.string(),
  town: z.string(),
  postcode: z.string(),
  area: z.string(),
  accessibility: z.string(),
  accessibilityFeatures: z.array(z.enum(ACCESSIBILITY_FEATURE_CODES)),
  contactName: z.string(),
  phone: z.string(),
  email: z.string(),
  website: z.string(),
  capacity: z.string(),
  placesUsed: z.string(),
  waitingList: z.boolean(),
});

/** '' is "not given"; anything else must read as a number (NaN is refused by the contract's rule). */
function numberOrNull(text: string): number | null {
  return text.trim() === '' ? null : Number(text.trim());
}

export const entryFormSchema = formShape
  .transform(
    (values): z.input<typeof createEntrySchema> => ({
    ...values,
    // '' is refused by the contract's own rule, with its words ("Choose a category").
    category: values.category as DirectoryCategory,
    cost: values.cost === '' ? null : values.cost,
    minAge: numberOrNull(values.minAge),
    maxAge: numberOrNull(values.maxAge),
    capacity: numberOrNull(values.capacity),
    placesUsed: numberOrNull(values.placesUsed),
    schedules: values.schedules.map((schedule) => ({ ...schedule, weekday: schedule.weekday === '' ? null : schedule.weekday })),
  }),
  )
  .pipe(createEntrySchema);

export type EntryFormInput = z.input<typeof formShape>;
export type EntryFormValues = EntryInput;
export type ScheduleFormValues = z.input<typeof scheduleFormSchema>;

export const emptySession: ScheduleFormValues = { weekday: '', startTime: '', endTime: '', frequency: 'Every week' };

export const emptyEntryForm: EntryFormInput = {
  organisation: { id: null, name: '', description: '', website: '', email: '' },
  name: '',
  description: '',
  category: '',
  status: 'active',
  minAge: '',
  maxAge: '',
  eligibility: '',
  cost: '',
  costDescription: '',
  schedules: [],
  venueName: '',
  address: '',
  town: '',
  postcode: '',
  area: '',
  accessibility: '',
  accessibilityFeatures: [],
  contactName: '',
  phone: '',
  email: '',
  website: '',
  capacity: '',
  placesUsed: '',
  waitingList: false,
};

const text = (value: number | null) => (value === null ? '' : String(value));

/** The form's starting values for an entry already in the directory. */
export function entryFormFromEntry(entry: DirectoryEntry): EntryFormInput {
  return {
    organisation: { ...entry.organisation },
    name: entry.name,
    description: entry.description,
    category: entry.category,
    status: entry.status,
    minAge: text(entry.minAge),
    maxAge: text(entry.maxAge),
    eligibility: entry.eligibility,
    cost: entry.cost ?? '',
    costDescription: entry.costDescription,
    schedules: entry.schedules.map((schedule) => ({ ...schedule, weekday: schedule.weekday ?? '' })),
    venueName: entry.venueName,
    address: entry.address,
    town: entry.town,
    postcode: entry.postcode,
    area: entry.area,
    accessibility: entry.accessibility,
    accessibilityFeatures: [...entry.accessibilityFeatures] as AccessibilityFeature[],
    contactName: entry.contactName,
    phone: entry.phone,
    email: entry.email,
    website: entry.website,
    capacity: text(entry.capacity),
    placesUsed: text(entry.placesUsed),
    waitingList: entry.waitingList,
  };
}

/**
 * directory.create / directory.update input names → form fields, for main's field errors. Session
 * errors come back as "schedules.0.endTime", which is the form's own path too.
 */
export function entryFieldFor(inputName: string): string | undefined {
  if (inputName.startsWith('schedules.')) return inputName;
  if (inputName.startsWith('organisation.')) return ['organisation.name', 'organisation.description', 'organisation.website', 'organisation.email'].includes(inputName) ? inputName : 'organisation.name';
  return inputName in emptyEntryForm && inputName !== 'organisation' ? inputName : undefined;
}
