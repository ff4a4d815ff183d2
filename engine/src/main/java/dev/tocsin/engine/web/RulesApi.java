package dev.tocsin.engine.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tocsin.engine.daemon.GroupKey;
import dev.tocsin.engine.daemon.GroupStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JSON of Prometheus' {@code /api/v1/rules} and {@code /api/v1/alerts}, key for key, plus
 * Tocsin's {@code language} field on each rule. A group's JSON changes only when the group
 * evaluates or is reloaded, so each group is rendered once per {@link GroupStatus} and every
 * response, filtered or not, is assembled from those bytes.
 */
final class RulesApi {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String SUCCESS = "{\"status\":\"success\",\"data\":{";

  private final ConcurrentHashMap<GroupKey, GroupJson> rendered = new ConcurrentHashMap<>();
  /** Each endpoint's last response size, to size the next one's buffer and spare it the copies of growing. */
  private final AtomicInteger rulesSize = new AtomicInteger(4096);
  private final AtomicInteger alertsSize = new AtomicInteger(4096);

  /**
   * The rule groups the filter keeps, as Prometheus 3.x pages them: groups left without rules are
   * dropped, and with a {@code group_limit} the response names the group the next page starts at.
   *
   * @throws ApiQuery.BadQueryException when {@code group_next_token} names no group
   */
  JsonBytes rules(List<GroupStatus> groups, RulesFilter filter) throws ApiQuery.BadQueryException {
    JsonBytes out = new JsonBytes(rulesSize.get()).append(SUCCESS + "\"groups\":[");
    int pageSize = 0;
    String nextToken = null;
    boolean foundToken = filter.nextToken().isEmpty();
    for (GroupStatus group : groups) {
      if (!foundToken) {
        if (!filter.nextToken().equals(RulesFilter.token(group))) {
          continue;
        }
        foundToken = true;
      }
      if (!filter.keepsGroup(group)) {
        continue;
      }
      if (filter.groupLimit() > 0 && pageSize == filter.groupLimit()) {
        // The page is full; the next group with a rule to show starts the next one.
        if (group.rules().stream().anyMatch(filter::keepsRule)) {
          nextToken = RulesFilter.token(group);
          break;
        }
        continue;
      }
      if (json(group).writeTo(out, filter, pageSize > 0)) {
        pageSize++;
      }
    }
    if (!foundToken) {
      throw new ApiQuery.BadQueryException("invalid parameter \"group_next_token\": invalid group_next_token '"
          + filter.nextToken() + "'. were rule groups changed?");
    }
    out.append(']');
    if (nextToken != null) {
      out.append(",\"groupNextToken\":\"" + nextToken + "\"");
    }
    return finish(out, groups, rulesSize);
  }

  /** Every active alert of every alerting rule, as {@code /api/v1/alerts} lists them. */
  JsonBytes alerts(List<GroupStatus> groups) {
    JsonBytes out = new JsonBytes(alertsSize.get()).append(SUCCESS + "\"alerts\":[");
    boolean any = false;
    for (GroupStatus group : groups) {
      any |= json(group).writeAlertsTo(out, any);
    }
    return finish(out.append(']'), groups, alertsSize);
  }

  /** The bytes the cache holds now (for measurements). */
  long cachedBytes() {
    return rendered.values().stream().mapToLong(GroupJson::size).sum();
  }

  /** The group's JSON for this very status, rendered now if the cached one shows an older one. */
  GroupJson json(GroupStatus group) {
    GroupJson cached = rendered.get(group.key());
    if (cached != null && cached.status() == group) {
      return cached;
    }
    GroupJson fresh = GroupJson.render(group);
    rendered.put(group.key(), fresh);
    return fresh;
  }

  private JsonBytes finish(JsonBytes out, List<GroupStatus> groups, AtomicInteger size) {
    out.append("}}");
    size.set(out.length());
    if (rendered.size() > groups.size()) {
      forgetRemoved(groups);
    }
    return out;
  }

  /** Drops the JSON of groups a reload removed, once more groups are cached than run. */
  private void forgetRemoved(List<GroupStatus> groups) {
    Set<GroupKey> running = new HashSet<>();
    for (GroupStatus g : groups) {
      running.add(g.key());
    }
    rendered.keySet().retainAll(running);
  }

  static String error(String type, String message) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("status", "error");
      g.writeStringField("errorType", type);
      g.writeStringField("error", message);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
