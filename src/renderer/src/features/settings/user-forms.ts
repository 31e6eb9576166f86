import { z } from 'zod';
import { ROLES } from '../../../../shared/roles';
import { displayNameSchema, passwordSchema, usernameSchema } from '../../../../shared/validation';
import { confirmPasswordSchema, passwordsMatch } from '../../forms/passwords';

export const addUserSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: z.enum(ROLES, 'Choose a role'),
    temporaryPassword: passwordSchema,
    confirmTemporaryPassword: confirmPasswordSchema,
  })
  .refine(...passwordsMatch('temporaryPassword', 'confirmTemporaryPassword'));
export type AddUserInput = z.input<typeof addUserSchema>;
export type AddUserValues = z.output<typeof addUserSchema>;

export const temporaryPasswordSchema = z
  .object({ temporaryPassword: passwordSchema, confirmTemporaryPassword: confirmPasswordSchema })
  .refine(...passwordsMatch('temporaryPassword', 'confirmTemporaryPassword'));
export type TemporaryPasswordInput = z.input<typeof temporaryPasswordSchema>;
export type TemporaryPasswordValues = z.output<typeof temporaryPasswordSchema>;

export const TEMPORARY_PASSWORD_HINT =
  'At least 12 characters. Tell them in person or by phone, never by email, and ask them to change it in Settings after they sign in.';
