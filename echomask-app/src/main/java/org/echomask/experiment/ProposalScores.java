package org.echomask.experiment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.echomask.dataset.MaskEvaluation;

/** Mean IoU per sound type of the stored proposals and of the all-background baseline. */
final class ProposalScores {
    private ProposalScores() {}

    static Map<String, Map<String, Double>> iou(MaskEvaluation.Evaluation eval) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (MaskEvaluation.Result r : eval.results()) {
            if (r.name().equals(MaskEvaluation.SIGNAL)) {
                continue;
            }
            String name = r.name().equals(MaskEvaluation.BACKGROUND) ? "all-background baseline" : "proposals";
            Map<String, Double> byType = new LinkedHashMap<>();
            for (MaskEvaluation.Row row : r.rows()) {
                if (!row.type().equals(MaskEvaluation.NONE)) {
                    byType.put(row.type(), row.iou());
                }
            }
            out.put(name, byType);
        }
        return out;
    }

    /** "proposals: all 0.81 beluga_click 0.84 ...; all-background baseline: all 0.11 ..." */
    static String describe(Map<String, Map<String, Double>> iou) {
        String prefix = "IoU vs ground truth: ";
        StringBuilder b = new StringBuilder(prefix);
        iou.forEach((name, types) -> {
            b.append(b.length() > prefix.length() ? "; " : "").append(name).append(':');
            types.forEach((type, v) -> b.append(String.format(Locale.ROOT, " %s %.2f", type, v)));
        });
        return b.toString();
    }
}
