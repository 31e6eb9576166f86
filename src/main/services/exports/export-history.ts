import type { ExportRegister, PastExport } from '../../../shared/ipc/exports-schemas';
import type { WorkspaceSession } from '../workspace-session';

/**
 * The export register: every `export.created` audit entry, newest first. It is read from the
 * audit log itself (hash-chained, append-only), so it cannot disagree with it. Admins, who answer
 * for information governance, see every export; everyone else sees their own.
 */
export async function listExports(session: WorkspaceSession, query: { page: number; pageSize: number }): Promise<ExportRegister> {
  const { db, user } = session.requireUnlocked();
  const everyone = user.role === 'admin';
  let entries = db.selectFrom('audit_log as a').where('a.action', '=', 'export.created');
  if (!everyone) entries = entries.where('a.actor_user_id', '=', user.id);
  const { total } = await entries.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await entries
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.id', 'a.at', 'a.actor_username', 'u.display_name', 'a.entity_type', 'a.details_json'])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(query.pageSize)
    .offset(query.page * query.pageSize)
    .execute();
  return {
    folder: session.exportFolder,
    total: Number(total),
    everyone,
    rows: rows.map((row): PastExport => {
      const details = JSON.parse(row.details_json) as Record<string, unknown>;
      const text = (key: string) => (typeof details[key] === 'string' ? details[key] : '');
      return {
        auditId: row.id,
        at: row.at,
        by: row.display_name ?? row.actor_username,
        kind: text('kind'),
        fileName: text('fileName'),
        sha256: text('sha256'),
        bytes: typeof details.bytes === 'number' ? details.bytes : 0,
        encrypted: details.encrypted === true,
        purpose: text('purpose'),
        recipient: text('recipient'),
        lawfulBasis: text('lawfulBasis'),
        aboutOnePerson: row.entity_type === 'person',
      };
    }),
  };
}
