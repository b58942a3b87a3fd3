package dev.rapport.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a request's JSON body: checks its content type, reads at most {@link #MAX_BYTES} (counting
 * what arrives, not what {@code Content-Length} claims) and parses it strictly into a JSON object.
 * Stateless.
 */
final class RequestBody {
  /** The largest body accepted: 64 KiB. */
  static final int MAX_BYTES = 64 * 1024;

  private RequestBody() {}

  private static boolean closedUnderneath(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ClosedChannelException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The body as a JSON object, or empty when the request has none.
   *
   * @throws ProblemException 415 if it is not JSON, 413 if it is too large, 400 if it does not parse
   *     or is not an object
   */
  static Optional<ObjectNode> read(ServerRequest request) {
    if (!request.content().hasEntity()) {
      return Optional.empty();
    }
    requireJson(request.headers().first(HeaderNames.CONTENT_TYPE));
    byte[] bytes;
    try {
      InputStream in = request.content().inputStream();
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (RequestException | CloseConnectionException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (closedUnderneath(e)) {
        // StalledRequests closed the connection: there is no one left to answer.
        throw new CloseConnectionException("the request body stalled and its connection was closed");
      }
      // Broken framing (a bad chunk size, fewer bytes than Content-Length): the connection cannot go on.
      throw new ProblemException(400, "unreadable-body",
          "the request body could not be read: its framing is broken or it ended early", Map.of(),
          Map.of("Connection", "close"));
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge();
    }
    JsonNode node;
    try {
      node = Json.parse(bytes);
    } catch (JsonProcessingException e) {
      throw new ProblemException(400, "malformed-json", "the body is not valid JSON: " + e.getOriginalMessage(),
          Map.of("line", e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
              "column", e.getLocation() == null ? 0 : e.getLocation().getColumnNr()),
          Map.of());
    } catch (IOException e) {
      throw new ProblemException(400, "malformed-json", "the body is not valid JSON: " + e.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw new ProblemException(400, "malformed-json", "the body is empty; send a JSON object");
    }
    if (!(node instanceof ObjectNode object)) {
      throw new ProblemException(400, "invalid-body",
          "the body must be a JSON object, not %s".formatted(node.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    return Optional.of(object);
  }

  /**
   * The one answer to a body over the limit, whether this class counted it or the transport refused
   * it by its {@code Content-Length} before routing.
   */
  static ProblemException tooLarge() {
    return new ProblemException(413, "payload-too-large",
        "the request body is larger than %d bytes, the most the server accepts".formatted(MAX_BYTES),
        Map.of("limit", MAX_BYTES), Map.of());
  }

  /** {@code application/json} or {@code application/*+json}, in UTF-8 if a charset is named. */
  private static void requireJson(Optional<String> contentType) {
    if (contentType.isEmpty()) {
      throw unsupported("the request has a body but no Content-Type; send application/json");
    }
    String[] parts = contentType.get().split(";");
    String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
    boolean json = mediaType.equals("application/json")
        || mediaType.startsWith("application/") && mediaType.endsWith("+json");
    if (!json) {
      throw unsupported("Content-Type '%s' is not application/json".formatted(abbreviate(contentType.get())));
    }
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter[0].strip().equalsIgnoreCase("charset") && (parameter.length < 2
          || !parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8"))) {
        throw unsupported("JSON bodies must be UTF-8, not '%s'".formatted(abbreviate(parts[i].strip())));
      }
    }
  }

  private static ProblemException unsupported(String detail) {
    return new ProblemException(415, "unsupported-media-type", detail);
  }

  private static String abbreviate(String value) {
    return value.length() <= 100 ? value : value.substring(0, 100) + "...";
  }
}
