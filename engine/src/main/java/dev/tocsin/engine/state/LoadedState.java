package dev.tocsin.engine.state;

import java.util.List;
import java.util.Optional;

/** What {@link StateStore} read: the usable snapshots and every file it ignored, with the reason. */
public record LoadedState(List<GroupSnapshot> snapshots, List<StateFileProblem> problems) {
  public LoadedState {
    snapshots = List.copyOf(snapshots);
    problems = List.copyOf(problems);
  }

  /** The snapshot of one group, if it was read. */
  public Optional<GroupSnapshot> find(String file, String group) {
    return snapshots.stream().filter(s -> s.file().equals(file) && s.group().equals(group)).findFirst();
  }
}
