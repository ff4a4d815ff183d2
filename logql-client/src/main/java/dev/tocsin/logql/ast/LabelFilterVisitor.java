package dev.tocsin.logql.ast;

/** An operation over label filters, one method per filter type and no defaults. */
public interface LabelFilterVisitor<R> {
  R visitString(LabelFilter.StringFilter filter);

  R visitNumber(LabelFilter.NumberFilter filter);

  R visitDuration(LabelFilter.DurationFilter filter);

  R visitBytes(LabelFilter.BytesFilter filter);

  R visitIp(LabelFilter.IpFilter filter);

  R visitAnd(LabelFilter.And filter);

  R visitOr(LabelFilter.Or filter);
}
