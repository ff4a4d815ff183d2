package dev.tocsin.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.engine.daemon.GroupKey;
import dev.tocsin.engine.daemon.GroupRunner;
import dev.tocsin.engine.daemon.GroupRunners;
import dev.tocsin.engine.daemon.GroupStatus;
import dev.tocsin.engine.daemon.MutableClock;
import dev.tocsin.promql.engine.MemoryStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * One long-lived {@link RulesApi} answers exactly as a fresh one (which renders everything anew)
 * for every filter, before the first evaluation, after each evaluation, after a reload changes a
 * group and after one removes a group: the per-group JSON it keeps is never stale.
 */
class RulesApiCacheTest {
  private static final Duration INTERVAL = Duration.ofSeconds(15);
  private static final String FLAPPING = """
      groups:
        - name: %s
          rules:
            - alert: Flapping
              expr: (vector(time()) %% 60) < 30
              for: 15s
              labels: {severity: page}
              annotations: {summary: 'at {{ $value }} ✓'}
            - record: job:time
              expr: vector(time())
            - alert: Always
              expr: vector(1)
              keep_firing_for: 1m
      """;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final MemoryStorage storage = new MemoryStorage();
  private final Map<GroupKey, GroupRunner> runners = new TreeMap<>();
  private final RulesApi cached = new RulesApi();

  private GroupRunner run(String file, String group, String yaml) {
    GroupKey key = new GroupKey(file, group);
    GroupRunner r = GroupRunners.runner(key, Fixtures.ruleFile(file, yaml).groups().get(0), INTERVAL, storage, clock,
        (runner, evaluation, missed, id) -> {});
    runners.put(key, r);
    return r;
  }

  private List<GroupStatus> statuses() {
    return runners.values().stream().map(GroupRunner::status).sorted(Comparator.comparing(GroupStatus::key)).toList();
  }

  private static List<String> queries(List<GroupStatus> groups) {
    List<String> q = new ArrayList<>(List.of("", "type=alert", "type=record", "exclude_alerts=true",
        "exclude_alerts=1&type=alert", "rule_group[]=b", "file[]=a.yml", "rule_name[]=Flapping&rule_name[]=Renamed",
        "match[]={severity=\"page\"}", "language=promql", "group_limit=1", "group_limit=1&exclude_alerts=1"));
    if (groups.size() > 1) {
      q.add("group_limit=1&group_next_token=" + RulesFilter.token(groups.get(1)));
    }
    return q;
  }

  /** Answers every query from the long-lived cache and from a fresh one; returns the unfiltered document. */
  private String assertCacheAnswersAsFresh() throws Exception {
    List<GroupStatus> groups = statuses();
    for (String q : queries(groups)) {
      String fromCache = cached.rules(groups, RulesFilter.from(ApiQuery.parse(q))).toString();
      String fresh = new RulesApi().rules(groups, RulesFilter.from(ApiQuery.parse(q))).toString();
      assertThat(fromCache).as("query %s", q).isEqualTo(fresh);
    }
    assertThat(cached.alerts(groups).toString()).isEqualTo(new RulesApi().alerts(groups).toString());
    return cached.rules(groups, RulesFilter.ALL).toString();
  }

  @Test
  void answersAsAFreshRenderAfterEvaluationsAndReloads() throws Exception {
    GroupRunner a = run("a.yml", "a", FLAPPING.formatted("a"));
    GroupRunner b = run("b.yml", "b", FLAPPING.formatted("b"));
    String before = assertCacheAnswersAsFresh();
    assertThat(before).contains("\"lastEvaluation\":\"0001-01-01T00:00:00Z\"");

    clock.set(a.firstSlotAfter(clock.instant()).plus(INTERVAL));
    a.tick();
    String afterA = assertCacheAnswersAsFresh();
    assertThat(afterA).as("the evaluation of a shows at once").isNotEqualTo(before);
    String seen = afterA;
    for (int i = 0; i < 6; i++) {
      clock.advance(INTERVAL);
      a.tick();
      b.tick();
      String now = assertCacheAnswersAsFresh();
      assertThat(now).isNotEqualTo(seen);
      seen = now;
    }
    assertThat(seen).contains("\"state\":\"firing\"");

    // A reload that changes group a replaces its runner; b keeps running untouched.
    GroupRunner changed = run("a.yml", "a", FLAPPING.formatted("a").replace("alert: Always", "alert: Renamed"));
    String reloaded = assertCacheAnswersAsFresh();
    assertThat(reloaded).contains("\"name\":\"Renamed\"");
    assertThat(reloaded.substring(0, reloaded.indexOf("\"name\":\"b\""))).doesNotContain("\"name\":\"Always\"");
    clock.advance(INTERVAL);
    changed.tick();
    assertCacheAnswersAsFresh();

    // A reload that removes group b: its JSON is neither shown nor kept.
    runners.remove(new GroupKey("b.yml", "b"));
    String removed = assertCacheAnswersAsFresh();
    assertThat(removed).doesNotContain("\"file\":\"b.yml\"");
    RulesApi fresh = new RulesApi();
    fresh.rules(statuses(), RulesFilter.ALL);
    assertThat(cached.cachedBytes()).isEqualTo(fresh.cachedBytes()).isPositive();
  }

  @Test
  void rendersAGroupOncePerEvaluation() {
    GroupRunner a = run("a.yml", "a", FLAPPING.formatted("a"));
    clock.set(a.firstSlotAfter(clock.instant()));
    a.tick();
    GroupJson first = cached.json(a.status());
    assertThat(cached.json(a.status())).isSameAs(first);
    clock.advance(INTERVAL);
    a.tick();
    GroupJson next = cached.json(a.status());
    assertThat(next).isNotSameAs(first);
    assertThat(next.status()).isSameAs(a.status());
  }
}
