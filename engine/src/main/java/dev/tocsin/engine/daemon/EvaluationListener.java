package dev.tocsin.engine.daemon;

import dev.tocsin.engine.eval.GroupEvaluation;

/** What happens after a group evaluation: metrics, notifications, state persistence. */
public interface EvaluationListener {
  /**
   * Called on the evaluating thread after each evaluation.
   *
   * @param missedIterations slots skipped because the previous evaluation overran
   * @param evaluationId the evaluation's correlation id
   */
  void evaluated(GroupRunner runner, GroupEvaluation evaluation, long missedIterations, String evaluationId);
}
