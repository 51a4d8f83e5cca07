package org.rehabplan.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rehabplan.PlanRecord;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocols;

/** Reading from bytes: strict UTF-8 with the place of the first bad byte; else as a Reader. */
class StrictBytesTest {
  @TempDir Path dir;

  private static byte[] hamstringBytes() throws Exception {
    StringWriter w = new StringWriter();
    ProtocolJson.write(Protocols.hamstringStrain(), w);
    return w.toString().getBytes(UTF_8);
  }

  @Test
  void aValidFileReadsAsFromAReaderFromBytesAndFromAPath() throws Exception {
    byte[] bytes = hamstringBytes();
    assertEquals(Protocols.hamstringStrain(), ProtocolJson.read(new ByteArrayInputStream(bytes)));
    Path file = dir.resolve("p.json");
    Files.write(file, bytes);
    assertEquals(Protocols.hamstringStrain(), ProtocolJson.read(file));

    PlanRecord record = PlanRecord.start(PlanRequest.builder().injuredAt(ZonedDateTime.of(
        LocalDateTime.parse("2027-03-27T18:30"), ZoneId.of("Europe/Berlin"))).build(),
        Protocols.hamstringStrain());
    StringWriter w = new StringWriter();
    PlanRecordJson.write(record, w);
    Path recordFile = dir.resolve("r.json");
    Files.writeString(recordFile, w.toString(), UTF_8);
    assertEquals(record, PlanRecordJson.read(recordFile));
    assertThrows(NoSuchFileException.class, () -> PlanRecordJson.read(dir.resolve("none.json")));
  }

  @Test
  void aByteThatIsNotUtf8IsRefusedWithItsLineColumnAndOffset() throws Exception {
    String text = new String(hamstringBytes(), UTF_8);
    int thirdLine = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
    ByteArrayOutputStream damaged = new ByteArrayOutputStream();
    byte[] head = text.substring(0, thirdLine + 4).getBytes(UTF_8);
    damaged.write(head);
    damaged.write(0xC3); // the first byte of a two-byte sequence, then an ASCII byte
    damaged.write(text.substring(thirdLine + 4).getBytes(UTF_8));
    JsonFormatException e = assertThrows(JsonFormatException.class,
        () -> ProtocolJson.read(new ByteArrayInputStream(damaged.toByteArray())));
    assertEquals(3, e.line(), e.getMessage());
    assertEquals(5, e.column(), e.getMessage());
    assertTrue(e.getMessage().contains("not UTF-8 text (byte " + head.length + " is 0xc3)"),
        e.getMessage());
    JsonFormatException r = assertThrows(JsonFormatException.class,
        () -> PlanRecordJson.read(new ByteArrayInputStream(new byte[] {'{', (byte) 0xff, '}'})));
    assertEquals(1, r.line(), r.getMessage());
    assertEquals(2, r.column(), r.getMessage());
  }

  @Test
  void aByteOrderMarkAndAnEmptyOrHugeStreamAreRefusedClearly() throws Exception {
    byte[] bytes = hamstringBytes();
    byte[] bom = new byte[bytes.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(bytes, 0, bom, 3, bytes.length);
    JsonFormatException b = assertThrows(JsonFormatException.class,
        () -> ProtocolJson.read(new ByteArrayInputStream(bom)));
    assertTrue(b.getMessage().contains("byte-order mark"), b.getMessage());
    JsonFormatException empty = assertThrows(JsonFormatException.class,
        () -> ProtocolJson.read(new ByteArrayInputStream(new byte[0])));
    assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    // An endless stream of spaces: refused once the bound is passed, not read to the end.
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return ' ';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) ' ');
        return len;
      }
    };
    JsonFormatException huge = assertThrows(JsonFormatException.class,
        () -> ProtocolJson.read(endless));
    assertTrue(huge.getMessage().contains("too large"), huge.getMessage());
  }
}
