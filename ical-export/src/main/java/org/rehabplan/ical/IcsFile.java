package org.rehabplan.ical;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import net.fortuna.ical4j.model.Calendar;
import org.jspecify.annotations.Nullable;
import org.rehabplan.Plan;

/**
 * One exported {@code .ics} file, the result of {@link IcalExporter#export} and {@link
 * IcalExporter#update}: its UTF-8 bytes, its text, and the same calendar as an iCal4j model.
 * Immutable and thread-safe; equal when the bytes are equal.
 */
public final class IcsFile {
  private final byte[] bytes;
  private final ExportOptions options;
  private final VTimeZones timeZones;
  private final Plan plan;
  private final @Nullable CalendarUpdate update;

  IcsFile(byte[] bytes, ExportOptions options, VTimeZones timeZones, Plan plan,
      @Nullable CalendarUpdate update) {
    this.bytes = bytes;
    this.options = options;
    this.timeZones = timeZones;
    this.plan = plan;
    this.update = update;
  }

  /**
   * The UTF-8 bytes of the file: CRLF line ends, folded at 75 octets. A new array each call.
   *
   * @return a copy the caller may change
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The file as text.
   *
   * @return the bytes decoded as UTF-8, CRLF line ends kept
   */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * The file's length in bytes.
   *
   * @return the number of octets {@link #bytes()} holds
   */
  public int size() {
    return bytes.length;
  }

  /**
   * Writes the bytes to {@code out}, then flushes it; does not close it.
   *
   * @param out where to write, e.g. a file's stream
   * @throws NullPointerException if {@code out} is null
   * @throws IOException if writing fails
   */
  public void writeTo(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    out.write(bytes);
    out.flush();
  }

  /**
   * The same calendar as a new iCal4j model, not shared and not validated here (call {@link
   * Calendar#validate()} if you need to); {@code Calendar.toString()} folded at 75 octets gives
   * {@link #text()}.
   *
   * @return a new model on every call; changing it leaves this file unchanged
   */
  public Calendar toCalendar() {
    Ical4jSink sink = new Ical4jSink(plan.zone(), true);
    new CalendarAssembler(options, timeZones, plan, sink, update).assemble();
    return sink.calendar();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IcsFile f && Arrays.equals(bytes, f.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "IcsFile[" + bytes.length + " bytes]";
  }
}
