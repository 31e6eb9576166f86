/**
 * The only logger. It takes an event name and a few scalar facts (channel names, error class
 * names, counts): never messages, inputs or records, so no personal data can reach a log.
 */
type Fact = string | number | boolean | null;

function write(level: 'info' | 'warn' | 'error', event: string, facts: Record<string, Fact>): void {
  if (process.env.LINKDESK_SILENT === '1') return;
  const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...facts });
  (level === 'error' ? console.error : console.log)(line);
}

export const logger = {
  info: (event: string, facts: Record<string, Fact> = {}) => write('info', event, facts),
  warn: (event: string, facts: Record<string, Fact> = {}) => write('warn', event, facts),
  error: (event: string, facts: Record<string, Fact> = {}) => write('error', event, facts),
};
