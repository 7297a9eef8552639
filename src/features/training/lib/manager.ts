/** Who may manage training: admins, and the `training` scope where the edition has manager roles (the server decides too). */
export const isTrainingManager = (e: { role: string; scopes: readonly string[]; edition: string } | null | undefined) =>
  Boolean(e && e.edition !== 'basic' && (e.role === 'admin' || e.scopes.includes('training')));
