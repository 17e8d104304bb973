package com.axcient.connectwise.benchmarks.jmh;

import com.axcient.connectwise.client.Conditions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building and rendering the conditions the integration sends most: the correlation-key search
 * before a ticket is created again, and the close poll over 200 linked tickets changed since the
 * last poll.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConditionsRendering {

  private final String key = "cwsync:5b0c7e1a-2d4f-4e8b-9c61-7a3e2f1d0b94:appliance-7-backup-fs01:3";
  private final List<Long> ticketIds =
      LongStream.range(41_000, 41_200).boxed().collect(Collectors.toList());
  private final Instant since = Instant.parse("2026-06-01T07:55:00Z");

  /**
   * {@code externalXRef = "cwsync:..."}.
   *
   * @return the rendered text
   */
  @Benchmark
  public String correlationKeySearch() {
    return Conditions.field("externalXRef").eq(key).render();
  }

  /**
   * {@code id in (200 ids) and _info/lastUpdated >= [date]}.
   *
   * @return the rendered text
   */
  @Benchmark
  public String closePoll() {
    return Conditions.allOf(
            Conditions.field("id").in(ticketIds),
            Conditions.field("_info/lastUpdated").ge(since))
        .render();
  }

  /**
   * A condition with text that needs escaping: quotes and backslashes in a company name.
   *
   * @return the rendered text
   */
  @Benchmark
  public String escapedText() {
    return Conditions.field("company/name").eq("O'Brien \"Dental\" \\ Partners").render();
  }
}
