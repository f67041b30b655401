package org.bookcheck.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bookcheck.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The per-epoch losses of a run as a CSV table and as a PNG plot in the manner of the chapter's
 * figure "Training Progress: Loss Decreases Over Epochs". Both are written to a temporary file and
 * renamed into place.
 */
public final class LossReport {

    private LossReport() {
    }

    /** epoch,train_loss,held_out_loss with one row per epoch (held_out_loss empty without a held-out set). */
    public static void writeCsv(List<EpochLoss> history, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("epoch,train_loss,held_out_loss\n");
        for (EpochLoss e : history) {
            sb.append(e.epoch()).append(',').append(format(e.trainLoss())).append(',')
                    .append(Double.isNaN(e.heldOutLoss()) ? "" : format(e.heldOutLoss())).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString(), true);
    }

    /** A line plot of training and held-out loss against the epoch, as PNG. */
    public static void writePlot(List<EpochLoss> history, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Training Progress: Loss Decreases Over Epochs")
                .xAxisTitle("Epoch").yAxisTitle("Cross-entropy loss").build();
        chart.getStyler().setChartTitleVisible(true);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setDecimalPattern("0.###");
        chart.getStyler().setXAxisDecimalPattern("0");
        double[] epochs = history.stream().mapToDouble(EpochLoss::epoch).toArray();
        XYSeries train = chart.addSeries("training loss (" + title + ")", epochs,
                history.stream().mapToDouble(EpochLoss::trainLoss).toArray());
        train.setMarker(SeriesMarkers.CIRCLE);
        if (history.stream().noneMatch(e -> Double.isNaN(e.heldOutLoss()))) {
            XYSeries held = chart.addSeries("held-out loss", epochs, history.stream().mapToDouble(EpochLoss::heldOutLoss).toArray());
            held.setMarker(SeriesMarkers.DIAMOND);
        }
        AtomicFiles.write(file, true, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    private static String format(double x) {
        return String.format(Locale.ROOT, "%.6f", x);
    }
}
