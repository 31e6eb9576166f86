import { PDFDocument, type PDFFont, type PDFPage, StandardFonts, rgb, type RGB } from 'pdf-lib';
import type { ActivityReport, ReportTable } from '../../../shared/ipc/reports-schemas';
import { MARKING, REPORT_TITLE, aboutLines, sectionsOf, suppressionNotes } from './report-text';

/**
 * The activity report as a readable PDF (pdf-lib, standard fonts, nothing to install): the
 * details of the report, the main figures, then each section as a horizontal bar chart with its
 * counts printed beside the bars. Hidden counts draw no bar, only their text ("<8", "*"): the
 * file is made from the suppressed report and never had the numbers. Every page is marked
 * OFFICIAL-SENSITIVE at the top and the bottom, with page numbers.
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const SIZE = { title: 22, heading: 14, body: 10.5, small: 9, marking: 9 };
// NHS blue, green, warm yellow and purple: apart from one another (ONS4 draws four series).
const SERIES: RGB[] = [rgb(0, 94 / 255, 184 / 255), rgb(0, 127 / 255, 59 / 255), rgb(1, 184 / 255, 28 / 255), rgb(51 / 255, 0, 114 / 255)];
const TEXT = rgb(33 / 255, 43 / 255, 50 / 255);
const GREY = rgb(76 / 255, 98 / 255, 114 / 255);
const AXIS = rgb(174 / 255, 183 / 255, 189 / 255);
const LABEL_WIDTH = 185;
const VALUE_ROOM = 40;
const BAR_HEIGHT = 9;

class PdfPages {
  private page!: PDFPage;
  private y = 0;
  private readonly pages: PDFPage[] = [];
  private readonly charset: Set<number>;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.charset = new Set(regular.getCharacterSet());
    this.addPage();
  }

  private addPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN - SIZE.marking * 2;
  }

  /** Starts a new page unless `height` still fits above the bottom marking. */
  room(height: number): void {
    if (this.y - height < MARGIN + SIZE.marking * 2) this.addPage();
  }

  /** The standard fonts draw WinAnsi only: anything else (a name in another script) becomes '?'. */
  private drawable(text: string): string {
    return [...text.normalize('NFC')].map((character) => (this.charset.has(character.codePointAt(0)!) ? character : '?')).join('');
  }

  private lines(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of this.drawable(text).split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(candidate, size) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    return [...lines, line];
  }

  text(text: string, options: { bold?: boolean; size?: number; indent?: number; color?: RGB; after?: number } = {}): void {
    const font = options.bold ? this.bold : this.regular;
    const size = options.size ?? SIZE.body;
    const indent = options.indent ?? 0;
    for (const line of this.lines(text, font, size, A4.width - 2 * MARGIN - indent)) {
      this.room(size * 1.4);
      this.y -= size * 1.4;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color: options.color ?? TEXT });
    }
    this.y -= options.after ?? size * 0.4;
  }

  heading(text: string, keepWith: number): void {
    this.room(SIZE.heading * 2.2 + keepWith);
    this.y -= SIZE.heading * 0.8;
    this.text(text, { bold: true, size: SIZE.heading, after: SIZE.body * 0.5 });
  }

  /** Label and value pairs in two columns, for the report's details and main figures. */
  pairs(pairs: readonly { label: string; text: string }[], boldValues = false): void {
    for (const pair of pairs) {
      this.room(SIZE.body * 1.5);
      this.y -= SIZE.body * 1.5;
      this.page.drawText(this.drawable(pair.label), { x: MARGIN, y: this.y, size: SIZE.body, font: this.regular, color: GREY });
      this.page.drawText(this.drawable(pair.text), { x: MARGIN + 230, y: this.y, size: SIZE.body, font: boldValues ? this.bold : this.regular, color: TEXT });
    }
    this.y -= SIZE.body * 0.6;
  }

  /** One section's tables as grouped horizontal bars sharing one scale, with a legend and totals. */
  barChart(tables: readonly ReportTable[]): void {
    const [first] = tables;
    if (!first) return;
    const barArea = A4.width - 2 * MARGIN - LABEL_WIDTH - VALUE_ROOM;
    const highest = Math.max(1, ...tables.flatMap((table) => table.rows.map((row) => row.count.value ?? 0)));
    const rowHeight = tables.length * (BAR_HEIGHT + 3) + 6;
    if (tables.length > 1) this.legend(tables);
    first.rows.forEach((row, index) => {
      this.room(rowHeight);
      const top = this.y;
      const label = this.lines(row.label, this.regular, SIZE.small, LABEL_WIDTH - 8)[0]!;
      this.page.drawText(label, { x: MARGIN, y: top - SIZE.small - 1, size: SIZE.small, font: this.regular, color: TEXT });
      tables.forEach((table, series) => {
        const cell = table.rows[index]!.count;
        const y = top - 3 - (series + 1) * (BAR_HEIGHT + 3) + 3;
        const width = cell.value ? (cell.value / highest) * barArea : 0;
        if (width > 0) this.page.drawRectangle({ x: MARGIN + LABEL_WIDTH, y, width, height: BAR_HEIGHT, color: SERIES[series % SERIES.length] });
        const font = cell.value === null ? this.bold : this.regular;
        this.page.drawText(cell.shown, { x: MARGIN + LABEL_WIDTH + width + 4, y: y + 1.5, size: SIZE.small, font, color: cell.value === null ? GREY : TEXT });
      });
      this.page.drawLine({ start: { x: MARGIN + LABEL_WIDTH, y: top }, end: { x: MARGIN + LABEL_WIDTH, y: top - rowHeight }, thickness: 0.75, color: AXIS });
      this.y -= rowHeight;
    });
    const totals = tables.filter((table) => table.total).map((table) => `${tables.length > 1 ? `${table.title}: ` : ''}${table.total!.shown}`);
    if (totals.length > 0) this.text(`Total: ${totals.join('; ')}`, { bold: true, size: SIZE.small, after: 2 });
    if (tables.some((table) => table.withheld)) this.text('Breakdown withheld: it could not be shown without revealing a small number.', { size: SIZE.small, color: GREY });
    this.y -= SIZE.body * 0.6;
  }

  private legend(tables: readonly ReportTable[]): void {
    const right = A4.width - MARGIN;
    this.room(SIZE.small * 2);
    this.y -= SIZE.small * 1.6;
    let x = MARGIN + LABEL_WIDTH;
    tables.forEach((table, series) => {
      const title = this.drawable(table.title);
      const width = 13 + this.regular.widthOfTextAtSize(title, SIZE.small);
      // Wrap onto another line rather than run off the page.
      if (x + width > right && x > MARGIN + LABEL_WIDTH) {
        x = MARGIN + LABEL_WIDTH;
        this.y -= SIZE.small * 1.6;
      }
      this.page.drawRectangle({ x, y: this.y, width: 9, height: 9, color: SERIES[series % SERIES.length] });
      this.page.drawText(title, { x: x + 13, y: this.y + 1, size: SIZE.small, font: this.regular, color: TEXT });
      x += width + 18;
    });
    this.y -= SIZE.small * 0.8;
  }

  markPages(): void {
    this.pages.forEach((page, index) => {
      const bottom = `${MARKING}    Page ${index + 1} of ${this.pages.length}`;
      page.drawText(MARKING, { x: (A4.width - this.bold.widthOfTextAtSize(MARKING, SIZE.marking)) / 2, y: A4.height - MARGIN + SIZE.marking * 0.5, size: SIZE.marking, font: this.bold });
      page.drawText(bottom, { x: (A4.width - this.bold.widthOfTextAtSize(bottom, SIZE.marking)) / 2, y: MARGIN - SIZE.marking * 1.5, size: SIZE.marking, font: this.bold });
    });
  }
}

/** Renders the report. Pure: the same report gives the same bytes. */
export async function activityPdf(report: ActivityReport, workspaceName: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const made = new Date(report.generatedAt);
  doc.setTitle(REPORT_TITLE);
  doc.setSubject(MARKING);
  doc.setAuthor('Linkdesk');
  doc.setCreator('Linkdesk');
  doc.setProducer('Linkdesk');
  doc.setCreationDate(made);
  doc.setModificationDate(made);
  doc.setLanguage('en-GB');
  const out = new PdfPages(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));

  out.text(REPORT_TITLE, { bold: true, size: SIZE.title, after: SIZE.body });
  out.pairs(aboutLines(report, workspaceName));
  out.text('Counts only: this report holds no names, NHS numbers, dates of birth or notes.', { color: GREY });
  for (const note of suppressionNotes(report.threshold)) out.text(note, { size: SIZE.small, color: GREY, after: 1 });

  if (report.headline.length > 0) {
    out.heading('Main figures', SIZE.body * 3);
    out.pairs(report.headline.map((item) => ({ label: item.label, text: item.count.shown })), true);
  }
  for (const section of sectionsOf(report)) {
    out.heading(section.title, 3 * (BAR_HEIGHT + 9));
    out.barChart(section.tables);
  }
  out.markPages();
  return doc.save({ useObjectStreams: false });
}
