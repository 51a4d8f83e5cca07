package org.rehabplan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The shipped schemas, loaded from the class path as users get them. */
final class Schemas {
  private Schemas() {}

  static String text(String resource) {
    try (InputStream in = Objects.requireNonNull(
        Schemas.class.getResourceAsStream("/org/rehabplan/json/" + resource), resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Schema load(String resource) {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(text(resource), InputFormat.JSON);
  }

  static void assertValid(Schema schema, String json) {
    List<Error> errors = schema.validate(json, InputFormat.JSON);
    assertEquals(List.of(), errors.stream().map(Error::toString).toList(), json);
  }
}
