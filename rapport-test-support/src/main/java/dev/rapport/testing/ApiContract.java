package dev.rapport.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API contract in tests: checks HTTP exchanges against the OpenAPI document the server serves
 * ({@code rapport-server}'s {@code openapi.yaml}, read from the classpath), with Atlassian's
 * openapi-request-validator, which reads OpenAPI 3.1 schemas as JSON Schema 2020-12.
 *
 * <p>A request is checked against its operation (path, method, parameters, security, body), and
 * the response against the same operation's responses (status, headers, media type, body). A
 * response to an address or method the document does not have (a 404 or 405 of the router, a
 * request line no client sends) must be a problem document. HEAD is checked as the GET it mirrors,
 * without a body. Thread safe.
 */
public final class ApiContract {
  /** Where the server keeps the document on its classpath. */
  public static final String DOCUMENT = "/dev/rapport/server/openapi.yaml";
  private static final Set<String> NO_OPERATION =
      Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

  private final OpenApiInteractionValidator validator;
  private final SchemaValidator schemas;
  private final Schema<?> problem;
  /** The document's path templates as patterns: the validator matches paths ignoring case, the server does not. */
  private final List<Pattern> paths;

  private ApiContract(String document) {
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
        .withStrictOperationPathMatching()
        .build();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    OpenAPI api = new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
    this.schemas = new SchemaValidator(api, new MessageResolver());
    this.problem = Objects.requireNonNull(api.getComponents().getSchemas().get("Problem"), "schema Problem");
    this.paths = api.getPaths().keySet().stream()
        .map(template -> Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")))
        .toList();
  }

  /** One request and the response it got, as they went over the wire. */
  public record Exchange(String method, String target, Map<String, List<String>> requestHeaders,
      Optional<String> requestBody, int status, Map<String, List<String>> responseHeaders, String responseBody) {
    /**
     * @param method the request method, as sent
     * @param target the request's path and query, percent-encoded as sent
     */
    public Exchange {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(target, "target");
      requestHeaders = Map.copyOf(requestHeaders);
      Objects.requireNonNull(requestBody, "requestBody");
      responseHeaders = Map.copyOf(responseHeaders);
      Objects.requireNonNull(responseBody, "responseBody");
    }
  }

  /** The document on the classpath, read once. */
  public static ApiContract served() {
    return Served.CONTRACT;
  }

  private static final class Served {
    static final ApiContract CONTRACT = new ApiContract(read(DOCUMENT));
  }

  /**
   * Checks the request and the response.
   *
   * @throws AssertionError naming every way the exchange breaks the contract
   */
  public void check(Exchange exchange) {
    if (!isHead(exchange)) {
      fail(exchange, "request", validator.validateRequest(request(exchange)));
    }
    checkResponse(exchange);
  }

  /**
   * Checks the response only: for requests that break the contract on purpose, to see them refused.
   *
   * @throws AssertionError naming every way the response breaks the contract
   */
  public void checkResponse(Exchange exchange) {
    String path = path(exchange.target());
    Request.Method method = method(exchange);
    SimpleResponse.Builder response = new SimpleResponse.Builder(exchange.status());
    exchange.responseHeaders().forEach(response::withHeader);
    if (!isHead(exchange) && !exchange.responseBody().isEmpty()) {
      response.withBody(exchange.responseBody());
    }
    ValidationReport report = method == null ? ValidationReport.empty()
        : validator.validateResponse(path, method, response.build());
    boolean noOperation = method == null || paths.stream().noneMatch(p -> p.matcher(path).matches())
        || report.getMessages().stream().anyMatch(m -> NO_OPERATION.contains(m.getKey()));
    if (noOperation) {
      report = problemOutsideTheDocument(exchange);
    } else if (isHead(exchange)) {
      report = ValidationReport.from(report.getMessages().stream()
          .filter(m -> !m.getKey().equals("validation.response.body.missing")).toList());
    }
    fail(exchange, "response", report);
  }

  /** An answer to no operation of the document is a problem document, or no body at all for HEAD. */
  private ValidationReport problemOutsideTheDocument(Exchange exchange) {
    List<ValidationReport.Message> messages = new ArrayList<>();
    if (exchange.status() < 400) {
      messages.add(ValidationReport.Message.create("rapport.response.unrouted",
          "status %d for an address or method the document does not have".formatted(exchange.status())).build());
    }
    String contentType = first(exchange.responseHeaders(), "content-type").orElse("");
    if (!contentType.startsWith("application/problem+json")) {
      messages.add(ValidationReport.Message.create("rapport.response.contentType",
          "Content-Type '%s' is not application/problem+json".formatted(contentType)).build());
    } else if (!isHead(exchange)) {
      messages.addAll(schemas.validate(exchange.responseBody(), problem, "response.body").getMessages());
    }
    return ValidationReport.from(messages);
  }

  private static SimpleRequest request(Exchange exchange) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), path(exchange.target()));
    exchange.requestHeaders().forEach(request::withHeader);
    exchange.requestBody().ifPresent(request::withBody);
    query(exchange.target()).forEach(request::withQueryParam);
    return request.build();
  }

  private static void fail(Exchange exchange, String part, ValidationReport report) {
    if (report.hasErrors()) {
      throw new AssertionError("%s %s -> %d breaks the API contract (%s, %s):%n%s%nresponse body: %s".formatted(
          exchange.method(), exchange.target(), exchange.status(), part, DOCUMENT,
          SimpleValidationReportFormat.getInstance().apply(report), abbreviate(exchange.responseBody())));
    }
  }

  private static boolean isHead(Exchange exchange) {
    return exchange.method().equalsIgnoreCase("HEAD");
  }

  /** HEAD as the GET it mirrors; null for a method the validator does not know. */
  private static Request.Method method(Exchange exchange) {
    String name = isHead(exchange) ? "GET" : exchange.method().toUpperCase(Locale.ROOT);
    try {
      return Request.Method.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String path(String target) {
    int question = target.indexOf('?');
    return question < 0 ? target : target.substring(0, question);
  }

  private static Map<String, List<String>> query(String target) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    int question = target.indexOf('?');
    if (question < 0) {
      return parameters;
    }
    for (String pair : target.substring(question + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().getFirst())
        .findFirst();
  }

  private static String abbreviate(String body) {
    return body.length() <= 500 ? body : body.substring(0, 500) + "...";
  }

  private static String read(String resource) {
    try (InputStream in = ApiContract.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath: the tests need rapport-server's main resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
