package dev.tocsin.logql.engine;

import dev.tocsin.logql.ast.LabelFilter;
import dev.tocsin.logql.ast.Unwrap;
import dev.tocsin.logql.pipeline.GoConversions;
import dev.tocsin.logql.pipeline.LabelPredicate;
import dev.tocsin.logql.pipeline.LabelState;
import dev.tocsin.logql.pipeline.LineContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code | unwrap} step of a sample extractor ({@code log/metrics_extraction.go}): a line whose
 * label is missing or empty is skipped; a value that does not convert flags {@code
 * SampleExtractionErr} with value 0; the label filters written after the unwrap then run.
 */
final class UnwrapExtractor {
  static final String SAMPLE_EXTRACTION_ERR = "SampleExtractionErr";

  private final Unwrap unwrap;
  private final List<LabelPredicate> postFilters = new ArrayList<>();
  private double value;

  UnwrapExtractor(Unwrap unwrap) {
    this.unwrap = unwrap;
    for (LabelFilter f : unwrap.postFilters()) {
      postFilters.add(LabelPredicate.compile(f));
    }
  }

  String label() {
    return unwrap.label();
  }

  /** Extracts the value of the current line; false when the line yields no sample. */
  boolean extract(LineContext ctx) {
    LabelState labels = ctx.labels();
    String raw = labels.getLabel(unwrap.label());
    if (raw == null || raw.isEmpty()) {
      return false;
    }
    try {
      value =
          switch (unwrap.conversion()) {
            case NONE -> GoConversions.parseFloat(raw);
            case DURATION, DURATION_SECONDS -> GoConversions.parseDurationNanos(raw) / 1e9;
            case BYTES -> (double) GoConversions.parseBytes(raw);
          };
    } catch (GoConversions.ConversionException e) {
      labels.setError(SAMPLE_EXTRACTION_ERR, e.getMessage());
      value = 0;
    }
    for (LabelPredicate p : postFilters) {
      if (!p.test(labels)) {
        return false;
      }
    }
    return true;
  }

  double value() {
    return value;
  }
}
