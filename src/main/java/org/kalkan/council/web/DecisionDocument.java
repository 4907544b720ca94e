package org.kalkan.council.web;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.Council;
import org.kalkan.council.Decision;
import org.kalkan.council.DecisionId;
import org.kalkan.council.Position;
import org.kalkan.council.SilenceBreak;
import org.kalkan.platform.PageMarking;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.Dtg;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A Council decision as a document (issue 16): its register number, marking, text, measures, and every position,
 * reservation and broken silence, as a page and as a PDF (OpenPDF) marked at the top and bottom of every page.
 */
@Controller
class DecisionDocument {

    private static final Path UNICODE_FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final Color MARKING_RED = new Color(0xC8, 0x10, 0x2E);

    private final Council council;
    private final PageMarking marking;
    private final CurrentSubject subject;
    private final AuditTrail audit;

    DecisionDocument(Council council, PageMarking marking, CurrentSubject subject, AuditTrail audit) {
        this.council = council;
        this.marking = marking;
        this.subject = subject;
        this.audit = audit;
    }

    @GetMapping("/council/decisions/{id}")
    String page(@PathVariable String id, Model model) {
        Decision decision = council.decision(DecisionId.of(id));
        marking.show(decision.label());
        model.addAttribute("d", decision);
        return "council/decision";
    }

    @GetMapping("/council/decisions/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        Decision decision = council.decision(DecisionId.of(id));
        audit.record(subject.get().username(), "COUNCIL_DECISION_EXPORTED", "decision:" + decision.id(),
                "PDF " + decision.label().marking());
        String name = (decision.registerNumber() == null ? "decision" : decision.registerNumber()) + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(render(decision));
    }

    static byte[] render(Decision d) {
        Document document = new Document(PageSize.A4, 50, 50, 70, 70);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            BaseFont body = bodyFont();
            writer.setPageEvent(new MarkingLines(d.label().marking()));
            document.addTitle(d.title());
            document.addSubject(d.label().marking());
            document.open();
            Font text = new Font(body, 10);
            Font heading = new Font(body, 12, Font.BOLD);
            document.add(new Paragraph((d.registerNumber() == null ? "" : d.registerNumber() + " — ") + d.title(),
                    new Font(body, 15, Font.BOLD)));
            PdfPTable facts = new PdfPTable(new float[] {1, 3});
            facts.setWidthPercentage(100);
            facts.setSpacingBefore(8);
            cell(facts, "Register no.", d.registerNumber() == null ? "—" : d.registerNumber(), text);
            cell(facts, "Outcome", d.status().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT), text);
            cell(facts, "Procedure", d.procedure().name().toLowerCase(java.util.Locale.ROOT), text);
            cell(facts, "Adopted", when(d.adoptedAt()), text);
            cell(facts, "Version", Integer.toString(d.version()), text);
            cell(facts, "Marking", d.label().marking(), text);
            document.add(facts);
            document.add(spaced(new Paragraph("Text", heading)));
            document.add(new Paragraph(d.text(), text));
            if (!d.measures().isEmpty()) {
                document.add(spaced(new Paragraph("Measures", heading)));
                d.measures().forEach(m -> add(document, new Paragraph("• " + m.code()
                        + (m.parameters().isEmpty() ? "" : " " + m.parameters()), text)));
            }
            document.add(spaced(new Paragraph("Positions and reservations", heading)));
            if (d.positions().isEmpty() && d.silenceBreaks().isEmpty()) {
                document.add(new Paragraph("None recorded.", text));
            }
            for (Position p : d.positions()) {
                document.add(new Paragraph(p.nation() + " — " + p.kind().name().replace('_', ' ').toLowerCase(
                        java.util.Locale.ROOT) + " (" + Dtg.of(p.recordedAt()) + ")"
                        + (p.statement() == null ? "" : ": " + p.statement()), text));
            }
            for (SilenceBreak b : d.silenceBreaks()) {
                document.add(new Paragraph(b.nation() + " — broke silence (" + Dtg.of(b.brokenAt()) + "): "
                        + b.statement(), text));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("could not render decision " + d.id(), e);
        }
        return out.toByteArray();
    }

    private static void add(Document document, Paragraph paragraph) {
        try {
            document.add(paragraph);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Paragraph spaced(Paragraph paragraph) {
        paragraph.setSpacingBefore(10);
        return paragraph;
    }

    private static void cell(PdfPTable table, String name, String value, Font font) {
        table.addCell(new Phrase(name, font));
        table.addCell(new Phrase(value, font));
    }

    private static String when(@Nullable Instant instant) {
        return instant == null ? "—" : Dtg.of(instant) + " (" + instant.truncatedTo(ChronoUnit.SECONDS) + ")";
    }

    private static BaseFont bodyFont() {
        try {
            return Files.isReadable(UNICODE_FONT)
                    ? BaseFont.createFont(UNICODE_FONT.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED)
                    : BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("no font for decision PDFs", e);
        }
    }

    /** The decision's marking centred at the top and bottom of every page. */
    private static final class MarkingLines extends PdfPageEventHelper {

        private final Phrase line;

        MarkingLines(String marking) {
            this.line = new Phrase(marking, new Font(Font.HELVETICA, 10, Font.BOLD, MARKING_RED));
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            float center = (document.left() + document.right()) / 2;
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, line, center,
                    document.top() + 30, 0);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, line, center,
                    document.bottom() - 35, 0);
        }
    }
}
