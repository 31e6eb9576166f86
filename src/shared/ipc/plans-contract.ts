import { z } from 'zod';
import { exportDeclarationSchema, exportResultSchema } from '../domain/exports';
import { channel } from './channel';
import {
  agreePlanSchema,
  conversationSchema,
  planOverviewSchema,
  planVersionSchema,
  recordConversationSchema,
  reviewPlanSchema,
  saveDraftSchema,
} from './plans-schemas';
import { idSchema } from '../validation';

/**
 * "What matters to me" conversations and personalised care and support plans. Like casework:
 * link workers write, GP supervisors read, admins see neither. Every read is audited. The
 * person's own copy is made by the link worker who gives it to them.
 */
const PLANS_WRITE = ['link_worker'] as const;
const PLANS_READ = ['link_worker', 'gp_supervisor'] as const;

export const plansAreas = {
  conversations: {
    record: channel({ input: recordConversationSchema, output: conversationSchema, access: PLANS_WRITE }),
    list: channel({ input: z.strictObject({ episodeId: idSchema }), output: z.array(conversationSchema), access: PLANS_READ }),
  },
  plans: {
    /** The episode's current plan version and the list of all versions. */
    get: channel({ input: z.strictObject({ episodeId: idSchema }), output: planOverviewSchema, access: PLANS_READ }),
    getVersion: channel({ input: z.strictObject({ planVersionId: idSchema }), output: planVersionSchema, access: PLANS_READ }),
    saveDraft: channel({ input: saveDraftSchema, output: planVersionSchema, access: PLANS_WRITE }),
    agree: channel({ input: agreePlanSchema, output: planVersionSchema, access: PLANS_WRITE }),
    /** Starts a new draft version from the agreed one; the agreed version stays as it was. */
    reviseAgreed: channel({ input: z.strictObject({ planVersionId: idSchema }), output: planVersionSchema, access: PLANS_WRITE }),
    recordReview: channel({ input: reviewPlanSchema, output: planVersionSchema, access: PLANS_WRITE }),
    /** The person's own copy as a PDF in an encrypted ZIP, written through the one export path. */
    exportPersonCopy: channel({
      input: z.strictObject({ planVersionId: idSchema, largePrint: z.boolean('Choose large print or not').default(false), declaration: exportDeclarationSchema }),
      output: exportResultSchema,
      access: PLANS_WRITE,
    }),
  },
} as const;
