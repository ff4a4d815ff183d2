package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;

/** One stage of a log pipeline: a line filter, a parser, a label filter or a formatting stage. */
public sealed interface Stage
    permits LineFilter,
        LogfmtParser,
        JsonParser,
        RegexpParser,
        PatternParser,
        UnpackParser,
        LabelFilterStage,
        LineFormat,
        LabelFormat,
        Decolorize,
        DropLabels,
        KeepLabels {
  /** Where the stage is in the query text. */
  Span span();

  /** Calls the visitor method for this stage's type. */
  <R> R accept(StageVisitor<R> visitor);
}
