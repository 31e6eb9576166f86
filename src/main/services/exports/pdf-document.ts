import { format, parseISO } from 'date-fns';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { MARKING, STANDARD, Writer } from '../plans/plan-pdf';

/**
 * A PDF in the house style of the person's copy of a plan (src/main/services/plans/plan-pdf.ts):
 * A4, Helvetica, en-GB, OFFICIAL-SENSITIVE at the top and bottom of every page with page numbers.
 */
export interface MarkedPdf {
  out: Writer;
  /** Marks every page and returns the bytes. */
  finish(): Promise<Uint8Array>;
}

export async function markedPdf(title: string, now: Date): Promise<MarkedPdf> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setSubject(MARKING);
  doc.setAuthor('Linkdesk');
  doc.setCreator('Linkdesk');
  doc.setProducer('Linkdesk');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  doc.setLanguage('en-GB');
  const out = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold), STANDARD);
  return {
    out,
    finish: async () => {
      out.markPages();
      return doc.save({ useObjectStreams: false });
    },
  };
}

/** "9 April 1951". */
export function dayText(isoDate: string): string {
  return format(parseISO(isoDate), 'd MMMM yyyy');
}

/** "2 March 2026 at 09:00", in this computer's time zone. */
export function momentText(isoDateTime: string): string {
  return format(parseISO(isoDateTime), "d MMMM yyyy 'at' HH:mm");
}

export { MARKING };
