import { format, parseISO } from 'date-fns';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { AGREEMENT_METHODS, GOAL_PROGRESS, STEP_OWNERS } from '../../../shared/domain/plans';
import type { ExportDeclaration, ExportResult } from '../../../shared/domain/exports';
import type { Conversation, PlanVersion } from '../../../shared/ipc/plans-schemas';
import { writeExport } from '../exports/write-export';
import type { WorkspaceSession } from '../workspace-session';
import { loadConversations } from './conversations';
import { loadPlanVersion } from './plans';

/**
 * The person's own copy of their care and support plan, as a PDF made in the main process with
 * pdf-lib and its built-in standard fonts (no font files, no network, no native code).
 *
 * Minimum data: the person's preferred (or first) name and last name, what matters to them from the
 * latest "what matters to me" conversation, the goals, steps, support offered, review date and how
 * the plan was agreed. Never the staff-only notes, the NHS number, who was present, or anything
 * about anyone else. Every page is marked OFFICIAL-SENSITIVE at the top and bottom.
 */
export const MARKING = 'OFFICIAL-SENSITIVE';

export interface PersonCopyContent {
  name: string;
  plan: PlanVersion;
  conversation: Conversation | null;
}

export interface Sizes {
  title: number;
  heading: number;
  body: number;
  marking: number;
}
export const STANDARD: Sizes = { title: 22, heading: 16, body: 12, marking: 10 };
/** Large print: 18 point body text and bigger headings (RNIB's guidance is 16 point or more). */
const LARGE: Sizes = { title: 30, heading: 24, body: 18, marking: 14 };

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;

export function longDate(isoDate: string): string {
  return format(parseISO(isoDate), 'EEEE d MMMM yyyy');
}

/** Characters the standard fonts (WinAnsi) cannot draw become '?', so a copy is always made. */
function drawable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return [...text.normalize('NFC')].map((character) => (supported.has(character.codePointAt(0)!) ? character : '?')).join('');
}

/** Writes wrapped text down A4 pages and marks every page OFFICIAL-SENSITIVE (used by other letters too). */
export class Writer {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly sizes: Sizes,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN - this.sizes.marking * 2;
  }

  private lineHeight(size: number): number {
    return size * 1.4;
  }

  private ensureRoom(height: number): void {
    if (this.y - height < MARGIN + this.sizes.marking * 2) this.newPage();
  }

  /** Splits text into lines that fit the page width, breaking long words if they must. */
  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of drawable(font, text).split(/\r?\n/)) {
      let line = '';
      for (const word of paragraph.split(/[ \t]+/).filter((w) => w !== '')) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (font.widthOfTextAtSize(candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line !== '') lines.push(line);
        let rest = word;
        while (font.widthOfTextAtSize(rest, size) > width) {
          let cut = rest.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  text(text: string, options: { bold?: boolean; size?: number; indent?: number; gapAfter?: number } = {}): void {
    const font = options.bold ? this.bold : this.regular;
    const size = options.size ?? this.sizes.body;
    const indent = options.indent ?? 0;
    for (const line of this.wrap(text, font, size, A4.width - 2 * MARGIN - indent)) {
      this.ensureRoom(this.lineHeight(size));
      this.y -= this.lineHeight(size);
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color: rgb(0, 0, 0) });
    }
    this.y -= options.gapAfter ?? this.sizes.body * 0.4;
  }

  heading(text: string): void {
    // Keep a heading with at least two lines of what follows.
    this.ensureRoom(this.lineHeight(this.sizes.heading) + 3 * this.lineHeight(this.sizes.body));
    this.y -= this.sizes.heading * 0.6;
    this.text(text, { bold: true, size: this.sizes.heading, gapAfter: this.sizes.body * 0.3 });
  }

  /** The marking at the top and bottom of every page, with page numbers. */
  markPages(): void {
    const size = this.sizes.marking;
    this.pages.forEach((page, index) => {
      const top = MARKING;
      const bottom = `${MARKING}    Page ${index + 1} of ${this.pages.length}`;
      page.drawText(top, { x: (A4.width - this.bold.widthOfTextAtSize(top, size)) / 2, y: A4.height - MARGIN + size * 0.5, size, font: this.bold });
      page.drawText(bottom, { x: (A4.width - this.bold.widthOfTextAtSize(bottom, size)) / 2, y: MARGIN - size * 1.5, size, font: this.bold });
    });
  }
}

function ownerText(step: PlanVersion['steps'][number]): string {
  const who = STEP_OWNERS[step.owner];
  if (step.owner === 'person' || step.ownerName === '') return who;
  if (step.owner === 'other') return step.ownerName;
  return `${who}: ${step.ownerName}`;
}

/**
 * A new A4 document marked OFFICIAL-SENSITIVE in its metadata, with the standard fonts and a page
 * writer (also used by the supervision session record). Call out.markPages() before saving.
 */
export async function markedDocument(title: string, sizes: Sizes, now: Date): Promise<{ doc: PDFDocument; out: Writer }> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setSubject(MARKING);
  doc.setAuthor('Linkdesk');
  doc.setCreator('Linkdesk');
  doc.setProducer('Linkdesk');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  doc.setLanguage('en-GB');
  return { doc, out: new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold), sizes) };
}

/** Renders the copy. Pure: the same content and clock time give the same bytes. */
export async function renderPersonCopy(content: PersonCopyContent, options: { largePrint: boolean; now: Date }): Promise<Uint8Array> {
  const { plan, conversation, name } = content;
  const sizes = options.largePrint ? LARGE : STANDARD;
  const { doc, out } = await markedDocument('My care and support plan', sizes, options.now);

  out.text('My care and support plan', { bold: true, size: sizes.title, gapAfter: sizes.body * 0.5 });
  out.text(`This plan belongs to ${name}.`);
  out.text(plan.agreement ? `Version ${plan.version}, agreed on ${longDate(plan.agreement.agreedOn)}.` : `Version ${plan.version}. This is a draft: we have not agreed it yet.`);

  out.heading('What matters to me');
  if (conversation) {
    out.text(conversation.ownWords);
    if (conversation.strengths.trim()) {
      out.text('My strengths', { bold: true });
      out.text(conversation.strengths);
    }
    if (conversation.whatGetsInTheWay.trim()) {
      out.text('What gets in the way', { bold: true });
      out.text(conversation.whatGetsInTheWay);
    }
    if (conversation.priorities.trim()) {
      out.text('What is most important to me now', { bold: true });
      out.text(conversation.priorities);
    }
  } else {
    out.text('We have not written this down yet.');
  }

  out.heading('My goals');
  const latestReview = plan.reviews[0];
  plan.goals.forEach((goal, index) => {
    out.text(`${index + 1}. ${goal.text}`);
    const progress = latestReview?.goals.find((entry) => entry.goalId === goal.id);
    if (progress && latestReview) out.text(`At our review on ${longDate(latestReview.reviewedOn)}: ${GOAL_PROGRESS[progress.progress]}.`, { indent: sizes.body * 1.5 });
  });
  if (plan.goals.length === 0) out.text('We have not written down any goals yet.');

  out.heading('Who will do what, and by when');
  for (const step of plan.steps) {
    out.text(step.action, { bold: true, gapAfter: 0 });
    out.text(`Who: ${ownerText(step)}. By: ${longDate(step.dueOn)}.${step.done ? ' Done.' : ''}`, { indent: sizes.body * 1.5 });
  }
  if (plan.steps.length === 0) out.text('We have not agreed any steps yet.');

  out.heading('Support offered');
  out.text(plan.supportOffered.trim() ? plan.supportOffered : 'None written down yet.');

  out.heading('When we will review this');
  out.text(plan.reviewOn ? `We will look at this plan together again on ${longDate(plan.reviewOn)}.` : 'We will agree a date to look at this plan together again.');
  if (plan.agreement) out.text(`We agreed this plan together ${AGREEMENT_METHODS[plan.agreement.method]} on ${longDate(plan.agreement.agreedOn)}.`);
  out.text('If anything in this plan is not right, or you want to change it, tell your link worker.');

  out.markPages();
  return doc.save({ useObjectStreams: false });
}

/** The person's name as their copy shows it: the name they prefer, or their first name, and their last name. */
async function personName(session: WorkspaceSession, personId: string): Promise<string> {
  const row = await session.requireUnlocked().db.selectFrom('people').select(['given_name', 'family_name', 'preferred_name']).where('id', '=', personId).executeTakeFirstOrThrow();
  return `${row.preferred_name || row.given_name} ${row.family_name}`;
}

/** The PDF's name inside the encrypted archive: what it is, never whose. */
export function personCopyFileName(largePrint: boolean): string {
  return largePrint ? 'my-care-and-support-plan-large-print.pdf' : 'my-care-and-support-plan.pdf';
}

/**
 * The person's copy, through the one export path: the PDF goes into an AES-256 ZIP whose
 * passphrase is shown once, and the `export.created` audit entry (filed against the person) holds
 * the plan version, the page count and the archive's SHA-256 with the declaration.
 */
export async function exportPersonCopy(
  session: WorkspaceSession,
  input: { planVersionId: string; largePrint: boolean; declaration: ExportDeclaration },
): Promise<ExportResult> {
  const { db } = session.requireUnlocked();
  const plan = await loadPlanVersion(db, input.planVersionId);
  const [conversation] = await loadConversations(db, { episodeId: plan.episodeId });
  const bytes = await renderPersonCopy({ name: await personName(session, plan.personId), plan, conversation: conversation ?? null }, { largePrint: input.largePrint, now: session.clock.now() });
  const pages = (await PDFDocument.load(bytes)).getPageCount();
  return writeExport(session, {
    kind: 'person_copy',
    declaration: input.declaration,
    personId: plan.personId,
    files: [{ name: personCopyFileName(input.largePrint), bytes }],
    details: { episodeId: plan.episodeId, planId: plan.planId, planVersionId: plan.id, version: plan.version, largePrint: input.largePrint, pages },
  });
}
