import { z } from 'zod';
import { displayNameSchema, passwordSchema, usernameSchema, workspaceNameSchema } from '../../../../shared/validation';
import { confirmPasswordSchema, passwordsMatch } from '../../forms/passwords';

export const setupSchema = z
  .object({
    workspaceName: workspaceNameSchema,
    username: usernameSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
    confirmPassword: confirmPasswordSchema,
  })
  .refine(...passwordsMatch('password', 'confirmPassword'));

export type SetupFormInput = z.input<typeof setupSchema>;
export type SetupFormValues = z.output<typeof setupSchema>;

export const emptySetupForm: SetupFormInput = { workspaceName: '', username: '', displayName: '', password: '', confirmPassword: '' };

/** workspace.setup's input names, mapped to this form's fields for server-side errors. */
export const setupFieldMap = {
  workspaceName: 'workspaceName',
  adminUsername: 'username',
  adminDisplayName: 'displayName',
  adminPassword: 'password',
} as const;
