package org.rehabplan.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Writer;

/**
 * The one place that makes generators, so that every file is formatted alike and byte for byte
 * the same on every platform: two-space indentation, {@code \n} line ends, {@code "key": value}.
 */
final class JsonOut {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonOut() {}

  /**
   * Opens a generator on a writer; closing the generator flushes but does not close the writer.
   *
   * @param writer where the JSON goes
   * @return the generator
   * @throws IOException if the writer fails
   */
  static JsonGenerator open(Writer writer) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(writer);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withObjectIndenter(indenter);
    printer.indentArraysWith(indenter);
    g.setPrettyPrinter(printer);
    return g;
  }
}
