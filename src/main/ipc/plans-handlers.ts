import { listConversations, recordConversation } from '../services/plans/conversations';
import { exportPersonCopy } from '../services/plans/plan-pdf';
import { agreePlan, getPlan, getPlanVersion, recordReview, reviseAgreedPlan, saveDraft } from '../services/plans/plans';
import type { Handlers } from './router';

type PlansHandlers = Pick<Handlers, 'conversations' | 'plans'>;

/** "What matters to me" conversations and care and support plans: one line each, the work is in the services. */
export const plansHandlers: PlansHandlers = {
  conversations: {
    record: (input, session) => recordConversation(session, input),
    list: (input, session) => listConversations(session, input.episodeId),
  },
  plans: {
    get: (input, session) => getPlan(session, input.episodeId),
    getVersion: (input, session) => getPlanVersion(session, input.planVersionId),
    saveDraft: (input, session) => saveDraft(session, input),
    agree: (input, session) => agreePlan(session, input),
    reviseAgreed: (input, session) => reviseAgreedPlan(session, input.planVersionId),
    recordReview: (input, session) => recordReview(session, input),
    exportPersonCopy: (input, session) => exportPersonCopy(session, input),
  },
};
