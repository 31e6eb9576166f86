import type { ExportKind } from '../../../../shared/domain/exports';
import type { Role } from '../../../../shared/roles';

/**
 * The exports the export centre offers, who may make each (mirroring src/shared/ipc/exports-contract.ts:
 * main refuses anyone else anyway) and what each needs before the declaration.
 */
export interface ExportChoice {
  kind: ExportKind;
  title: string;
  summary: string;
  button: string;
  roles: readonly Role[];
  /** 'person': choose a person first; 'week': choose the week; 'job': a long export with progress. */
  needs: 'person' | 'week' | 'job';
}

export const EXPORT_CHOICES: readonly ExportChoice[] = [
  {
    kind: 'subject_access',
    title: 'Subject access request',
    summary: 'Everything Linkdesk holds about one person, when they ask for it: a readable PDF and a JSON file.',
    button: 'Make a subject access export',
    roles: ['link_worker', 'gp_supervisor'],
    needs: 'person',
  },
  {
    kind: 'transfer_bundle',
    title: 'Transfer to another service',
    summary: 'When someone moves to another social prescribing service: what the new service needs to carry on, as JSON and FHIR.',
    button: 'Make a transfer bundle',
    roles: ['link_worker', 'gp_supervisor'],
    needs: 'person',
  },
  {
    kind: 'coding_sheet',
    title: 'GP coding sheet',
    summary: "The week's SNOMED codes to record in the GP system, to print or to open in a spreadsheet.",
    button: 'Make the coding sheet',
    roles: ['link_worker', 'gp_supervisor', 'admin'],
    needs: 'week',
  },
  {
    kind: 'pseudonymised_extract',
    title: 'Pseudonymised extract',
    summary:
      'Referrals, contacts and wellbeing measures for service evaluation (a GP supervisor’s: their supervisees’), with keyed hashes instead of identities, age bands and postcode districts, and no free text.',
    button: 'Make a pseudonymised extract',
    roles: ['gp_supervisor', 'admin'],
    needs: 'job',
  },
];

export function choicesFor(role: Role): ExportChoice[] {
  return EXPORT_CHOICES.filter((choice) => choice.roles.includes(role));
}
