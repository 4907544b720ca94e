package org.kalkan.exercise.internal;

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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.exercise.Evaluation;
import org.kalkan.exercise.Exercise;
import org.kalkan.exercise.Observation;
import org.kalkan.shared.Dtg;
import org.springframework.stereotype.Component;

/**
 * The after-action report as PDF (OpenPDF): timeline, measures per inject, objective and training-audience nation,
 * and the observations. A page event writes {@code EXERCISE EXERCISE EXERCISE — <name>} and the label's marking at
 * the top and bottom of every page, so no page can leave without them.
 */
@Component
class AarPdf {

    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final Color EXERCISE_BLUE = new Color(0x1F, 0x4E, 0x9A);
    private static final Color MARKING_RED = new Color(0xC8, 0x10, 0x2E);

    public byte[] render(Evaluation evaluation) {
        Exercise exercise = evaluation.exercise();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 40, 40, 80, 80);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new ExerciseMarking(exercise.exerciseMarking(), exercise.label().marking()));
            document.addTitle("After-action report — " + exercise.name());
            document.addSubject(exercise.exerciseMarking() + " / " + exercise.label().marking());
            document.addCreator("Kalkan");
            document.open();
            BaseFont base = font();
            Font title = new Font(base, 16, Font.BOLD);
            Font heading = new Font(base, 12, Font.BOLD);
            Font text = new Font(base, 9);
            document.add(new Paragraph("After-action report — " + exercise.name(), title));
            document.add(new Paragraph("Training audience " + String.join(", ", exercise.trainingAudience())
                    + " · exercise time " + duration(evaluation.exerciseTime()) + " · status " + exercise.status()
                    + " · computed " + when(evaluation.computedAt()), text));
            section(document, "1. Measures per objective", heading);
            document.add(table(text, List.of("Objective", "Injects", "Delivered", "Met", "Missed",
                    "Mean time to expected action"), evaluation.objectives().stream().map(o -> List.of(o.objective(),
                    "" + o.injects(), "" + o.delivered(), "" + o.met(), "" + o.missed(),
                    duration(o.meanTimeToExpectedAction()))).toList()));
            section(document, "2. Measures per training audience", heading);
            document.add(table(text, List.of("Nation", "Acknowledgements", "Mean time to acknowledge",
                    "Expected actions"), evaluation.audience().stream().map(a -> List.of(a.nation(),
                    "" + a.acknowledgements(), duration(a.meanTimeToAcknowledge()), "" + a.expectedActions()))
                    .toList()));
            section(document, "3. Injects", heading);
            document.add(table(text, List.of("#", "Kind", "Objective", "Delivered", "Acknowledged after",
                    "Expected action", "Done after", "Missed"), evaluation.injects().stream().map(m -> List.of(
                    "" + m.number(), m.kind().name(), m.objective() == null ? "—" : m.objective(),
                    m.deliveredAt() == null ? m.status().name() : when(m.deliveredAt()) + " (T+"
                            + duration(m.deliveredAtExerciseTime()) + ")",
                    duration(m.timeToAcknowledge()) + (m.acknowledgedBy() == null ? "" : " " + m.acknowledgedBy()),
                    m.expectedAction().name(), duration(m.timeToExpectedAction()),
                    m.missed() ? "MISSED" + (m.contingencyFired() ? " (contingency)" : "") : "")).toList()));
            section(document, "4. Observations", heading);
            for (Observation o : evaluation.observations()) {
                document.add(new Paragraph(when(o.createdAt()) + " " + o.author()
                        + (o.injectNumber() == null ? "" : " · inject " + o.injectNumber())
                        + (o.objective() == null ? "" : " · " + o.objective()) + ": " + o.text(), text));
            }
            if (evaluation.observations().isEmpty()) {
                document.add(new Paragraph("—", text));
            }
            section(document, "5. Timeline", heading);
            for (Evaluation.TimelineEntry entry : evaluation.timeline()) {
                document.add(new Paragraph(when(entry.at()) + (entry.exerciseTime() == null ? "" : " T+"
                        + duration(entry.exerciseTime())) + "  " + entry.what(), text));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("could not render the after-action report of " + exercise.name(), e);
        }
        return out.toByteArray();
    }

    private static void section(Document document, String name, Font font) throws DocumentException {
        Paragraph paragraph = new Paragraph(name, font);
        paragraph.setSpacingBefore(12);
        paragraph.setSpacingAfter(4);
        document.add(paragraph);
    }

    private static PdfPTable table(Font font, List<String> header, List<List<String>> rows) {
        PdfPTable table = new PdfPTable(header.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        Font bold = new Font(font.getBaseFont(), font.getSize(), Font.BOLD);
        header.forEach(h -> table.addCell(new Phrase(h, bold)));
        rows.forEach(row -> row.forEach(cell -> table.addCell(new Phrase(cell, font))));
        return table;
    }

    static String duration(@Nullable Duration duration) {
        return duration == null ? "—" : duration.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String when(@Nullable Instant instant) {
        return instant == null ? "—" : Dtg.of(instant) + " " + instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static BaseFont font() {
        try {
            return Files.isReadable(DEJAVU)
                    ? BaseFont.createFont(DEJAVU.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED)
                    : BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("no font for the after-action report", e);
        }
    }

    /** The exercise marking and the label's marking in the header and footer of every page. */
    private static final class ExerciseMarking extends PdfPageEventHelper {

        private final String exercise;
        private final String label;

        ExerciseMarking(String exercise, String label) {
            this.exercise = exercise;
            this.label = label;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Font exerciseFont = new Font(font(), 11, Font.BOLD, EXERCISE_BLUE);
            Font labelFont = new Font(Font.HELVETICA, 10, Font.BOLD, MARKING_RED);
            float middle = (document.left() + document.right()) / 2;
            var canvas = writer.getDirectContent();
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(exercise, exerciseFont), middle,
                    document.top() + 48, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(label, labelFont), middle,
                    document.top() + 32, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(label, labelFont), middle,
                    document.bottom() - 30, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(exercise, exerciseFont), middle,
                    document.bottom() - 46, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase("Page " + writer.getPageNumber(),
                    new Font(Font.HELVETICA, 8)), document.right(), document.bottom() - 62, 0);
        }
    }
}
