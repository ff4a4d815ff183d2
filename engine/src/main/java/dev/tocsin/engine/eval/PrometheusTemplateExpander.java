package dev.tocsin.engine.eval;

import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.QueryClient;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Vector;
import dev.tocsin.template.AlertTemplates;
import dev.tocsin.template.QueryFunction;
import dev.tocsin.template.QuerySample;
import dev.tocsin.template.funcs.PrometheusFunctions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expands alert templates with Prometheus' preamble and function set; the template {@code query}
 * function runs PromQL through the given query client at the evaluation time. A failed expansion
 * is logged and reported to the failure callback, as Prometheus logs and counts it.
 */
public final class PrometheusTemplateExpander implements TemplateExpander {
  private static final Logger LOG = LoggerFactory.getLogger(PrometheusTemplateExpander.class);
  /** How {@link AlertTemplates#expand} marks a failed expansion. */
  private static final String FAILURE_PREFIX = "<error expanding template: ";

  private final QueryFunction query;
  private final Labels externalLabels;
  private final String externalUrl;
  private final Runnable onFailure;

  public PrometheusTemplateExpander(QueryClient promql, Labels externalLabels, String externalUrl) {
    this(promql, externalLabels, externalUrl, () -> {});
  }

  public PrometheusTemplateExpander(QueryClient promql, Labels externalLabels, String externalUrl, Runnable onFailure) {
    this.query = promql == null ? (expr, t) -> {
      throw new IllegalStateException("no PromQL datasource is configured");
    } : (expr, t) -> samples(promql.instantQuery(expr, t));
    this.externalLabels = externalLabels;
    this.externalUrl = externalUrl;
    this.onFailure = onFailure;
  }

  @Override
  public String expand(String alertName, String template, Labels sampleLabels, double value, Instant ts) {
    String out = AlertTemplates.expand(alertName, template, sampleLabels, value, externalLabels, externalUrl,
        new PrometheusFunctions.Context(query, ts, externalUrl));
    if (out.startsWith(FAILURE_PREFIX)) {
      onFailure.run();
      LOG.atWarn().addKeyValue("event", "template_expansion_failed").addKeyValue("alertname", alertName)
          .addKeyValue("labels", sampleLabels.toString()).log("Expanding alert template failed: {}", out);
    }
    return out;
  }

  private static List<QuerySample> samples(QueryResult r) {
    if (r instanceof Vector v) {
      List<QuerySample> out = new ArrayList<>(v.samples().size());
      for (Sample s : v.samples()) {
        out.add(new QuerySample(s.metric(), s.value()));
      }
      return out;
    }
    if (r instanceof Scalar s) {
      return List.of(new QuerySample(Labels.EMPTY, s.value()));
    }
    throw new IllegalArgumentException("query result is not a vector or scalar");
  }
}
