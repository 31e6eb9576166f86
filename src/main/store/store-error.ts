/** Raised when a workspace cannot be opened; the message is safe to show to the user as it is. */
export class WorkspaceOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceOpenError';
  }
}

export const WRONG_KEY_MESSAGE = 'Wrong password, or not a Linkdesk workspace.';
