import { router } from '../../../src/main/ipc';
import { DIRECTORY_CATEGORY_CODES, DIRECTORY_COST_CODES, WEEKDAY_CODES, ACCESSIBILITY_FEATURES } from '../../../src/shared/domain/directory';
import { POSTCODES, TOWNS } from '../../../src/main/demo/demo-vocabulary';
import { type GeneratorStage, streamFor } from '../context';

/**
 * The community directory: organisations and their services, created through the real router
 * (`directory.create`), so every entry has its Open Referral UK records, schedules, features,
 * search index row and audit entry exactly as the app writes them. A few thousand calls take
 * seconds; the services' own ids are random UUIDs, while everything in the entries follows the seed.
 */
const KINDS = ['Walking Group', 'Knit and Natter', 'Community Choir', 'Men’s Shed', 'Memory Cafe', 'Debt Advice Drop-in', 'Allotment Project', 'Chair Yoga',
  'Befriending Service', 'Peer Support Circle', 'Cooking on a Budget', 'Job Club', 'Art Club', 'Tea Dance', 'Carers’ Drop-in', 'Food Bank'] as const;
const PLACES = ['Riverside', 'Saltaire', 'Baildon', 'Bingley', 'Windhill', 'Shipley', 'Cottingley', 'Esholt', 'Idle', 'Thackley', 'Eccleshill', 'Heaton'] as const;
const FEATURES = Object.keys(ACCESSIBILITY_FEATURES);

export const directoryStage: GeneratorStage = {
  name: 'directory services (through the router)',
  async run(context) {
    const random = streamFor(context.seed, 'directory');
    const organisations: { id: string; name: string; description: string; website: string; email: string }[] = [];
    const serviceIds: string[] = [];
    for (let n = 0; n < context.scale.services; n += 1) {
      const orgIndex = n < context.scale.organisations ? n : random.int(0, context.scale.organisations - 1);
      const place = random.pick(PLACES);
      const kind = random.pick(KINDS);
      const start = random.int(9, 18);
      const input = {
        organisation:
          orgIndex < organisations.length
            ? organisations[orgIndex]!
            : { id: null, name: `${random.pick(PLACES)} Community Trust ${orgIndex + 1}`, description: 'A local charity running groups across the PCN area', website: '', email: '' },
        name: `${place} ${kind} ${n + 1}`,
        description: `A friendly ${kind.toLowerCase()} in ${place}. Everyone welcome; come along or call first.`,
        category: random.pick(DIRECTORY_CATEGORY_CODES),
        status: random.chance(0.9) ? 'active' : random.pick(['paused', 'closed']),
        minAge: random.chance(0.7) ? 18 : null,
        maxAge: null,
        eligibility: 'Adults living in the PCN area',
        cost: random.pick(DIRECTORY_COST_CODES),
        costDescription: '',
        schedules: [{ weekday: random.pick(WEEKDAY_CODES), startTime: `${String(start).padStart(2, '0')}:00`, endTime: `${String(start + 2).padStart(2, '0')}:00`, frequency: 'Every week' }],
        venueName: `${place} Community Centre`,
        address: `${random.int(1, 200)} High Street`,
        town: random.pick(TOWNS),
        postcode: random.pick(POSTCODES),
        area: place,
        accessibility: '',
        accessibilityFeatures: random.pickSome(FEATURES, random.int(0, 3)),
        contactName: '',
        phone: `01274 ${String(random.int(100_000, 999_999))}`,
        email: '',
        website: '',
        capacity: random.chance(0.5) ? random.int(10, 40) : null,
        placesUsed: null,
        waitingList: random.chance(0.1),
      };
      const result = await router(context.session, 'directory.create', input);
      if (!result.ok) throw new Error(`directory.create refused: ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
      const entry = result.data as { id: string; organisation: { id: string } };
      // The same details again, so reusing an organisation leaves it unchanged.
      if (orgIndex >= organisations.length) organisations.push({ ...input.organisation, id: entry.organisation.id });
      serviceIds.push(entry.id);
    }
    context.serviceIds = serviceIds;
    return { directory_organisations: organisations.length, directory_services: serviceIds.length };
  },
};
