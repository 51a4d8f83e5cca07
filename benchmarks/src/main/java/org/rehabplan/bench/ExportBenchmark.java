package org.rehabplan.bench;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.io.TimezoneAssignment;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rehabplan.Plan;
import org.rehabplan.ical.IcalExporter;
import org.rehabplan.ical.SessionEncoding;

/**
 * Export of one plan to {@code .ics} bytes: the exporter's portable (default), compact and expanded
 * forms, and three baselines that write one VEVENT per session (straightforward iCal4j, biweekly,
 * a minimal hand-written writer), plus the hand-written floor for the portable content.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ExportBenchmark {
  static {
    System.setProperty(IcalExporter.TIMEZONE_UPDATE_PROPERTY, "false");
  }

  @Param({"HAMSTRING_MILD", "HAMSTRING_MODERATE", "HAMSTRING_SEVERE", "STRESS_300",
      "STRESS_3000"})
  public Workloads workload;

  private Plan plan;
  private IcalExporter portable;
  private IcalExporter compact;
  private IcalExporter expanded;
  private NaiveIcal4jExporter ical4j;
  private BiweeklyExporter biweekly;
  private String vtimezone;
  private CompactContent portableContent;

  @Setup
  public void setUp() {
    plan = workload.plan();
    portable = IcalExporter.builder().build();
    compact = portable.toBuilder().encoding(SessionEncoding.COMPACT).build();
    expanded = portable.toBuilder().oneEventPerSession(true).build();
    int alarm = portable.alarmMinutesBefore().getAsInt();
    VTimeZone bundled = TimeZoneRegistryFactory.getInstance().createRegistry()
        .getTimeZone(plan.zone().getId()).getVTimeZone();
    ical4j = new NaiveIcal4jExporter(bundled, alarm);
    String ours = portable.export(plan).text();
    ICalendar parsed = Biweekly.parse(ours).first();
    TimezoneAssignment zone = parsed.getTimezoneInfo().getTimezones().iterator().next();
    biweekly = new BiweeklyExporter(zone, alarm);
    vtimezone = ours.substring(ours.indexOf("BEGIN:VTIMEZONE"),
        ours.indexOf("END:VTIMEZONE") + "END:VTIMEZONE\r\n".length());
    portableContent = new CompactContent(portable.export(plan).toCalendar());
    if (!ours.equals(new String(portableContent.write(), StandardCharsets.UTF_8))) {
      throw new IllegalStateException("the portable floor does not write the exporter's bytes");
    }
  }

  /** The exporter, portable form (the default). */
  @Benchmark
  public byte[] portable() {
    return portable.export(plan).bytes();
  }

  /** The exporter, compact form (BYHOUR lists, RDATE series). */
  @Benchmark
  public byte[] compact() {
    return compact.export(plan).bytes();
  }

  /** The exporter, one VEVENT per session. */
  @Benchmark
  public byte[] expanded() {
    return expanded.export(plan).bytes();
  }

  /** Baseline 1: straightforward iCal4j, Calendar.add per session, validating outputter. */
  @Benchmark
  public byte[] baselineIcal4j() {
    return ical4j.toBytes(plan);
  }

  /** Baseline 2: the same sessions with biweekly. */
  @Benchmark
  public byte[] baselineBiweekly() {
    return biweekly.toBytes(plan);
  }

  /** Baseline 3: the same sessions with a minimal hand-written writer. */
  @Benchmark
  public byte[] baselineHandWritten() {
    return MinimalIcsWriter.sessions(plan, vtimezone, 10);
  }

  /** The floor for the portable form: its content lines, escaped, folded and encoded. */
  @Benchmark
  public byte[] floorPortable() {
    return portableContent.write();
  }
}
