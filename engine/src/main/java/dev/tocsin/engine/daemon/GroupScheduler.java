package dev.tocsin.engine.daemon;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Schedules group runners with Quartz (in-memory job store): one job per group firing every
 * interval from the group's first slot, never two runs of one group at once, on a bounded pool of
 * evaluation workers.
 */
public final class GroupScheduler implements AutoCloseable {
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final Scheduler scheduler;
  private final Map<JobKey, GroupRunner> runners = new ConcurrentHashMap<>();

  /** Starts a scheduler with {@code workers} evaluation threads. */
  public GroupScheduler(int workers) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "tocsin-" + INSTANCES.incrementAndGet());
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(workers));
    p.setProperty("org.quartz.threadPool.threadNamePrefix", "tocsin-eval");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    // A tick delayed by a busy machine still fires (late), as Prometheus' ticker does, and evaluates
    // its slot; only ticks more than a minute late are skipped, and the runner counts those slots.
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    try {
      scheduler = new StdSchedulerFactory(p).getScheduler();
      scheduler.setJobFactory((bundle, s) -> new GroupJob(runners.get(bundle.getJobDetail().getKey())));
      scheduler.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
    }
  }

  /** Schedules a runner from its first slot after {@code now}. */
  public void schedule(GroupRunner runner, Instant now) {
    JobKey key = jobKey(runner.key());
    Instant first = runner.firstSlotAfter(now);
    // Quartz fires on whole milliseconds; round up so the first tick is never before its slot.
    Instant firstMillis = Instant.ofEpochMilli(first.toEpochMilli() + (first.getNano() % 1_000_000 == 0 ? 0 : 1));
    JobDetail job = JobBuilder.newJob(GroupJob.class).withIdentity(key).build();
    Trigger trigger = TriggerBuilder.newTrigger()
        .withIdentity(key.getName(), key.getGroup())
        .startAt(Date.from(firstMillis))
        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
            .withIntervalInMilliseconds(runner.interval().toMillis())
            .repeatForever()
            .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
    runners.put(key, runner);
    try {
      scheduler.scheduleJob(job, trigger);
    } catch (SchedulerException e) {
      runners.remove(key);
      throw new IllegalStateException("cannot schedule group " + runner.key().metricLabel() + ": " + e.getMessage(), e);
    }
  }

  /** Stops scheduling a runner; a tick already running completes. */
  public void unschedule(GroupRunner runner) {
    JobKey key = jobKey(runner.key());
    try {
      scheduler.deleteJob(key);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot unschedule group " + runner.key().metricLabel() + ": " + e.getMessage(), e);
    } finally {
      runners.remove(key, runner);
    }
  }

  /** Stops the scheduler and waits for running evaluations to finish. */
  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot stop the scheduler: " + e.getMessage(), e);
    }
  }

  private static JobKey jobKey(GroupKey g) {
    // Quartz keys are (name, group) strings; the rule file goes in Quartz' group, the rule group in the name.
    return new JobKey(g.name(), g.file());
  }

  /** The Quartz job of one group: a tick of its runner. */
  @DisallowConcurrentExecution
  public static final class GroupJob implements Job {
    private final GroupRunner runner;

    GroupJob(GroupRunner runner) {
      this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
      if (runner != null) {
        runner.tick();
      }
    }
  }
}
