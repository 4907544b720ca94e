package org.kalkan.crisis.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.Crisis;
import org.kalkan.crisis.Sitrep;
import org.kalkan.shared.Dtg;
import org.springframework.stereotype.Component;

/**
 * Renders an issued SITREP as PDF (OpenPDF) with its marking at the top and bottom of every page, written by a
 * page event so that no page can miss it. Body text uses DejaVu Sans when the system has it (Turkish and
 * Cyrillic letters), else Helvetica; the marking is always Helvetica (it is ASCII). The SITREP of an exercise crisis
 * carries {@code EXERCISE EXERCISE EXERCISE — <exercise>} under the top marking and above the bottom one on every
 * page too (ADR 0006).
 */
@Component
public class SitrepPdf {

    private static final Path UNICODE_FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final Color MARKING_RED = new Color(0xC8, 0x10, 0x2E);
    private static final Color EXERCISE_VIOLET = new Color(0x6B, 0x21, 0xA8);

    /** The line that marks every page of an exercise document. */
    public static String exerciseBanner(String exerciseName) {
        return "EXERCISE EXERCISE EXERCISE \u2014 " + exerciseName;
    }

    public byte[] render(Crisis crisis, Sitrep sitrep) {
        return render(crisis, sitrep, null);
    }

    /** {@code exerciseName}: the name of the exercise the crisis belongs to, null for a real-world crisis. */
    public byte[] render(Crisis crisis, Sitrep sitrep, @Nullable String exerciseName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 70, 70);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            String exercise = crisis.exerciseId() == null ? null
                    : exerciseBanner(exerciseName == null ? crisis.exerciseId().toString() : exerciseName);
            writer.setPageEvent(new Marking(sitrep.label().marking(), exercise, bodyFont()));
            document.addTitle("SITREP " + sitrep.number() + " — " + crisis.title());
            document.addSubject(exercise == null ? sitrep.label().marking()
                    : sitrep.label().marking() + " // " + exercise);
            document.addCreator("Kalkan");
            document.open();
            BaseFont body = bodyFont();
            Font title = new Font(body, 16, Font.BOLD);
            Font heading = new Font(body, 12, Font.BOLD);
            Font text = new Font(body, 10);
            document.add(new Paragraph("SITREP " + sitrep.number() + " — " + crisis.title(), title));
            document.add(facts(crisis, sitrep, text));
            for (Map.Entry<String, String> section : sections(sitrep).entrySet()) {
                Paragraph name = new Paragraph(section.getKey(), heading);
                name.setSpacingBefore(10);
                document.add(name);
                document.add(new Paragraph(section.getValue().isBlank() ? "—" : section.getValue(), text));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("could not render SITREP " + sitrep.number(), e);
        }
        return out.toByteArray();
    }

    private static PdfPTable facts(Crisis crisis, Sitrep sitrep, Font font) {
        PdfPTable table = new PdfPTable(new float[] {1, 3});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        // NATO-style message header: FROM, TO, DTG, then the period the report covers.
        row(table, "FROM", "Crisis Management Centre, for " + sitrep.originNation(), font);
        row(table, "TO", crisis.team().nations().isEmpty() ? "Crisis team"
                : crisis.team().nations().stream().map(Object::toString).sorted()
                        .collect(java.util.stream.Collectors.joining(", ")) + " · crisis team", font);
        row(table, "DTG", when(sitrep.issuedAt()) + " by " + sitrep.issuedBy(), font);
        row(table, "PERIOD", when(sitrep.periodFrom()) + " – " + when(sitrep.periodTo()), font);
        row(table, "Crisis", crisis.ref() + " " + crisis.title(), font);
        row(table, "Number", Integer.toString(sitrep.number()), font);
        row(table, "Phase", sitrep.phase().name(), font);
        row(table, "Marking", sitrep.label().marking(), font);
        return table;
    }

    private static void row(PdfPTable table, String name, String value, Font font) {
        table.addCell(new Phrase(name, font));
        table.addCell(new Phrase(value, font));
    }

    private static String when(@Nullable Instant instant) {
        return instant == null ? "—"
                : Dtg.of(instant) + " (" + instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")";
    }

    static Map<String, String> sections(Sitrep sitrep) {
        Map<String, String> headings = Map.of("situation", "Situation", "incidents", "Incidents", "tasks", "Tasks",
                "rfis", "Requests for information", "decisions", "Decisions", "outlook", "Outlook");
        Map<String, String> sections = new LinkedHashMap<>();
        int n = 1;
        for (Map.Entry<String, String> section : sitrep.sections().byName().entrySet()) {
            sections.put(n++ + ". " + headings.get(section.getKey()), section.getValue());
        }
        return sections;
    }

    private static BaseFont bodyFont() {
        try {
            if (Files.isReadable(UNICODE_FONT)) {
                return BaseFont.createFont(UNICODE_FONT.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            }
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("no font for SITREP PDFs", e);
        }
    }

    /** Writes the marking in the header and footer of every page, with the page number. */
    private static final class Marking extends PdfPageEventHelper {

        private final String marking;
        private final @Nullable String exercise;
        private final Font font;
        private final Font exerciseFont;
        private final Font small;

        Marking(String marking, @Nullable String exercise, BaseFont body) {
            this.marking = marking;
            this.exercise = exercise;
            this.font = new Font(Font.HELVETICA, 10, Font.BOLD, MARKING_RED);
            this.exerciseFont = new Font(body, 10, Font.BOLD, EXERCISE_VIOLET);
            this.small = new Font(Font.HELVETICA, 8, Font.NORMAL, Color.DARK_GRAY);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            float center = (document.left() + document.right()) / 2;
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(marking, font), center,
                    document.top() + 30, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(marking, font), center,
                    document.bottom() - 35, 0);
            if (exercise != null) {
                ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(exercise, exerciseFont), center,
                        document.top() + 15, 0);
                ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(exercise, exerciseFont), center,
                        document.bottom() - 20, 0);
            }
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                    new Phrase("Page " + writer.getPageNumber(), small), document.right(), document.bottom() - 50, 0);
        }
    }
}
