package dev.rapport.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The one JSON mapper of the server: strict when reading (no duplicate keys, nothing after the
 * document, no comments or other JSON extensions), plain when writing. Thread safe.
 */
final class Json {
  /**
   * Buffers are borrowed from one bounded pool for each write, not kept by every thread that once
   * wrote JSON: each connection and live stream has a virtual thread of its own, which would keep a
   * set for as long as it waits (docs/decisions/0041-json-buffers-pooled-not-kept-per-thread.md).
   */
  private static final int POOLED_BUFFERS = 256;
  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .recyclerPool(JsonRecyclerPools.newBoundedPool(POOLED_BUFFERS)).build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Json() {}

  /** Where every write borrows its buffers. */
  static RecyclerPool<BufferRecycler> bufferPool() {
    return MAPPER.getFactory()._getRecyclerPool();
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static JsonNode nullNode() {
    return NullNode.getInstance();
  }

  /** A tree of plain values: maps, lists, strings, numbers, booleans and nulls. */
  static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** Parses a whole document. @throws IOException if it is not exactly one valid JSON value */
  static JsonNode parse(byte[] bytes) throws IOException {
    return MAPPER.readTree(bytes);
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
