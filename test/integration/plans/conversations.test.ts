import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/shared/ipc/plans-schemas';
import { advanceDays, auditOf, casework, personWithEpisode } from '../../support/casework';
import { ok, refused } from '../../support/workspace';

const OWN_WORDS = '  "I just want to feel useful again," she said.\n\t— and: «not be a burden»  ';

describe('"what matters to me" conversations', () => {
  it('keeps the person’s own words exactly as said, with strengths, what gets in the way and priorities', async () => {
    const { worker, names } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    const conversation = await ok<Conversation>(worker, 'conversations.record', {
      episodeId: episode.id,
      heldOn: '2026-03-02',
      ownWords: OWN_WORDS,
      strengths: 'Good with her hands; knows everyone on the street',
      whatGetsInTheWay: 'Buses stop at 6pm',
      priorities: 'Getting out of the house twice a week',
    });
    expect(conversation).toMatchObject({
      episodeId: episode.id,
      personId: person.id,
      heldOn: '2026-03-02',
      ownWords: OWN_WORDS,
      strengths: 'Good with her hands; knows everyone on the street',
      whatGetsInTheWay: 'Buses stop at 6pm',
      priorities: 'Getting out of the house twice a week',
      recordedBy: names.worker,
    });
    const stored = worker.requireUnlocked().raw.prepare('SELECT own_words FROM what_matters_conversations').get();
    expect(stored).toEqual({ own_words: OWN_WORDS });
  });

  it('lists an episode’s conversations newest first, for the link worker and the GP supervisor, and audits each read with ids only', async () => {
    const { worker, clock, as } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    await ok(worker, 'conversations.record', { episodeId: episode.id, heldOn: '2026-03-02', ownWords: 'First time we met' });
    advanceDays(clock, 7);
    await ok(worker, 'conversations.record', { episodeId: episode.id, heldOn: '2026-03-09', ownWords: 'Second time' });
    const supervisor = await as('supervisor');
    const list = await ok<Conversation[]>(supervisor, 'conversations.list', { episodeId: episode.id });
    expect(list.map((c) => c.ownWords)).toEqual(['Second time', 'First time we met']);
    const [viewed] = auditOf(worker, 'conversation.viewed');
    expect(viewed).toMatchObject({ entity_type: 'person', entity_id: person.id });
    expect(JSON.parse(viewed!.details_json)).toEqual({ episodeId: episode.id, count: 2 });
    const recorded = auditOf(worker, 'conversation.recorded');
    expect(recorded).toHaveLength(2);
    for (const entry of recorded) expect(Object.keys(JSON.parse(entry.details_json)).sort()).toEqual(['conversationId', 'episodeId']);
  });

  describe('refuses details that are not right, naming the field', () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['no words', { ownWords: undefined }, 'ownWords', 'Write what matters to the person, in their own words'],
      ['only spaces', { ownWords: '   \n ' }, 'ownWords', 'Write what matters to the person, in their own words'],
      ['too many words', { ownWords: 'x'.repeat(8001) }, 'ownWords', 'Use at most 8000 characters'],
      ['control characters', { ownWords: 'bell\u0007' }, 'ownWords', 'Remove control characters'],
      ['a date that is not a date', { heldOn: '2026-02-30' }, 'heldOn', 'Use a real date, like 2026-11-22'],
      ['a date in the future', { heldOn: '2026-03-03' }, 'heldOn', 'The conversation cannot be in the future'],
      ['a date before the referral', { heldOn: '2026-03-01' }, 'heldOn', 'The conversation cannot be before the referral was received'],
      ['strengths too long', { strengths: 'x'.repeat(4001) }, 'strengths', 'Use at most 4000 characters'],
      ['what gets in the way too long', { whatGetsInTheWay: 'x'.repeat(4001) }, 'whatGetsInTheWay', 'Use at most 4000 characters'],
      ['priorities with control characters', { priorities: 'a\u0000b' }, 'priorities', 'Remove control characters'],
      ['a stray field', { nhsNumber: '9434765919' }, 'nhsNumber', 'Not a field of this request'],
    ];
    it.each(cases)('%s', async (_what, change, field, message) => {
      const { worker } = await casework();
      const { episode } = await personWithEpisode(worker);
      const error = await refused(worker, 'conversations.record', { episodeId: episode.id, heldOn: '2026-03-02', ownWords: 'Words', ...change });
      expect(error.code).toBe('invalid_input');
      expect(error.fields?.[field]).toBe(message);
      expect(worker.requireUnlocked().raw.prepare('SELECT count(*) AS n FROM what_matters_conversations').get()).toEqual({ n: 0 });
    });
  });

  it('refuses a conversation on a closed referral, or one that does not exist', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    await ok(worker, 'episodes.transition', { episodeId: episode.id, to: 'closed', closureReason: 'disengaged' });
    expect(await refused(worker, 'conversations.record', { episodeId: episode.id, heldOn: '2026-03-02', ownWords: 'Words' })).toEqual({
      code: 'conflict',
      message: 'This referral is closed, so its conversations and plan cannot change.',
    });
    expect(await refused(worker, 'conversations.list', { episodeId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'not_found' });
  });

  it('is closed to admins and read-only for GP supervisors', async () => {
    const { worker, as } = await casework();
    const { episode } = await personWithEpisode(worker);
    const admin = await as('admin');
    const supervisor = await as('supervisor');
    expect((await refused(admin, 'conversations.list', { episodeId: episode.id })).code).toBe('forbidden');
    expect((await refused(admin, 'conversations.record', { episodeId: episode.id, heldOn: '2026-03-02', ownWords: 'Words' })).code).toBe('forbidden');
    expect((await refused(supervisor, 'conversations.record', { episodeId: episode.id, heldOn: '2026-03-02', ownWords: 'Words' })).code).toBe('forbidden');
  });
});
