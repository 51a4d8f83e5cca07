package org.rehabplan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.rehabplan.Protocol;
import org.rehabplan.Protocols;
import org.rehabplan.testing.RehabArbitraries;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Every protocol file rehabplan writes validates against the shipped schema. */
class ProtocolSchemaTest {
  private static final Schema SCHEMA = Schemas.load("protocol.schema.json");

  @Provide
  Arbitrary<Protocol> protocols() {
    return RehabArbitraries.protocols();
  }

  @Property(tries = 100)
  void everyWrittenProtocolValidates(@ForAll("protocols") Protocol protocol) throws IOException {
    Schemas.assertValid(SCHEMA, ProtocolJsonTest.write(protocol));
  }

  @Test
  void theHamstringProtocolValidates() throws IOException {
    Schemas.assertValid(SCHEMA, ProtocolJsonTest.write(Protocols.hamstringStrain()));
  }

  @Test
  void theSchemaRefusesAnUnknownProperty() throws IOException {
    String json = ProtocolJsonTest.write(Protocols.hamstringStrain())
        .replaceFirst("\"goal\"", "\"gaol\"");
    assertFalse(SCHEMA.validate(json, InputFormat.JSON).isEmpty());
  }

  @Test
  void everyPropertyHasADescription() {
    JsonNode schema = new ObjectMapper().readTree(Schemas.text("protocol.schema.json"));
    List<String> missing = new ArrayList<>();
    walk(schema, "", missing);
    assertEquals(List.of(), missing);
  }

  static void walk(JsonNode node, String path, List<String> missing) {
    if (node.isObject()) {
      JsonNode props = node.get("properties");
      if (props != null) {
        for (Map.Entry<String, JsonNode> e : props.properties()) {
          if (!e.getValue().has("description")) {
            missing.add(path + "/" + e.getKey());
          }
        }
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        walk(e.getValue(), path + "/" + e.getKey(), missing);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "/" + i, missing);
      }
    }
  }
}
