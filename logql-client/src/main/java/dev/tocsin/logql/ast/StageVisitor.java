package dev.tocsin.logql.ast;

/** An operation over pipeline stages, one method per stage type and no defaults. */
public interface StageVisitor<R> {
  R visitLineFilter(LineFilter stage);

  R visitLogfmtParser(LogfmtParser stage);

  R visitJsonParser(JsonParser stage);

  R visitRegexpParser(RegexpParser stage);

  R visitPatternParser(PatternParser stage);

  R visitUnpackParser(UnpackParser stage);

  R visitLabelFilter(LabelFilterStage stage);

  R visitLineFormat(LineFormat stage);

  R visitLabelFormat(LabelFormat stage);

  R visitDecolorize(Decolorize stage);

  R visitDropLabels(DropLabels stage);

  R visitKeepLabels(KeepLabels stage);
}
