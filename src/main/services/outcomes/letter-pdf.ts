import { format, parseISO } from 'date-fns';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { MARKING, STANDARD, Writer } from '../plans/plan-pdf';

/**
 * The message back to the GP and the referrer at the end of an episode (PRSB Social Prescribing
 * Information Standard), as a short PDF made with pdf-lib and its standard fonts. It holds the
 * minimum the GP record needs: who, when, the outcome, what mattered, what was offered and what
 * the result was, the ONS4 change and the SNOMED CT codes with their dates. No staff notes.
 * Every page is marked OFFICIAL-SENSITIVE at the top and bottom.
 */
export interface LetterContent {
  to: { practice: string | null; referrer: string | null };
  from: { name: string; service: string };
  person: { name: string; nhsNumber: string | null; dateOfBirth: string | null };
  referral: { receivedOn: string; source: string; closedOn: string; outcome: string };
  summary: { whatMattered: string; whatWasOffered: string; whatHappened: string } | null;
  /** Plain-English sentences, or the reason there are none. */
  wellbeing: string[];
  codes: { code: string; term: string; contactOn: string; recordedOn: string | null; dueOn: string }[];
}

function day(isoDate: string): string {
  return format(parseISO(isoDate), 'd MMMM yyyy');
}

function nhsNumberText(digits: string | null): string {
  return digits ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : 'Not known';
}

/** Renders the letter. Pure: the same content and clock time give the same bytes. */
export async function renderGpLetter(content: LetterContent, now: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Social prescribing: message back to the GP and referrer');
  doc.setSubject(MARKING);
  doc.setAuthor('Linkdesk');
  doc.setCreator('Linkdesk');
  doc.setProducer('Linkdesk');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  doc.setLanguage('en-GB');
  const out = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold), STANDARD);
  const sizes = STANDARD;

  out.text('Social prescribing: message back to the GP and referrer', { bold: true, size: sizes.title * 0.85, gapAfter: sizes.body * 0.5 });
  out.text(`To: ${content.to.practice ?? 'The GP practice'}, and ${content.to.referrer ?? 'the referrer'}`);
  out.text(`From: ${content.from.name}, social prescribing link worker, ${content.from.service}`);
  out.text(`Date: ${format(now, 'd MMMM yyyy')}`);

  out.heading('About the person');
  out.text(`Name: ${content.person.name}`, { gapAfter: 0 });
  out.text(`NHS number: ${nhsNumberText(content.person.nhsNumber)}`, { gapAfter: 0 });
  out.text(`Date of birth: ${content.person.dateOfBirth ? day(content.person.dateOfBirth) : 'Not recorded'}`);

  out.heading('The referral and its outcome');
  out.text(`Referred on ${day(content.referral.receivedOn)} (${content.referral.source}).`, { gapAfter: 0 });
  out.text(`Social prescribing ended on ${day(content.referral.closedOn)}. Outcome: ${content.referral.outcome}.`);

  const summary = content.summary;
  out.heading('What mattered to them');
  out.text(summary?.whatMattered || 'Not recorded.');
  out.heading('What they were offered');
  out.text(summary?.whatWasOffered || 'Not recorded.');
  out.heading('What the result was');
  out.text(summary?.whatHappened || 'Not recorded.');

  out.heading('Wellbeing (ONS4), from the start to the end');
  for (const line of content.wellbeing) out.text(`${line}.`, { gapAfter: 0 });
  out.text('ONS bands: 0–4 low, 5–6 medium, 7–8 high, 9–10 very high; for anxiety 0–1 very low, 2–3 low, 4–5 medium, 6–10 high (lower is better).', {
    size: sizes.body * 0.85,
  });

  out.heading('SNOMED CT codes for the GP record');
  for (const code of content.codes) {
    const when = code.recordedOn ? `recorded in the GP record on ${day(code.recordedOn)}` : `not yet recorded in the GP record (due by ${day(code.dueOn)})`;
    out.text(`${code.code} ${code.term}: contact on ${day(code.contactOn)}, ${when}.`);
  }
  if (content.codes.length === 0) out.text('None.');

  out.markPages();
  return doc.save({ useObjectStreams: false });
}
