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

/**
 * Expands alert templates with Prometheus' preamble and function set; the template {@code query}
 * function runs PromQL through the given query client at the evaluation time.
 */
public final class PrometheusTemplateExpander implements TemplateExpander {
  private final QueryFunction query;
  private final Labels externalLabels;
  private final String externalUrl;

  public PrometheusTemplateExpander(QueryClient promql, Labels externalLabels, String externalUrl) {
    this.query = promql == null ? (expr, t) -> {
      throw new IllegalStateException("no PromQL datasource is configured");
    } : (expr, t) -> samples(promql.instantQuery(expr, t));
    this.externalLabels = externalLabels;
    this.externalUrl = externalUrl;
  }

  @Override
  public String expand(String alertName, String template, Labels sampleLabels, double value, Instant ts) {
    return AlertTemplates.expand(alertName, template, sampleLabels, value, externalLabels, externalUrl,
        new PrometheusFunctions.Context(query, ts, externalUrl));
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
