package dev.rapport.server;

import io.helidon.http.Method;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The API contract: the OpenAPI document as written ({@code GET /openapi.yaml}), the same document
 * as JSON ({@code GET /openapi.json}, converted once at start), and a reference to read in a browser
 * ({@code GET /docs}): Swagger UI from its WebJar, served by this server so that the page needs no
 * other site.
 */
final class ContractRoutes implements RouteGroup {
  /** The document, beside this class on the classpath. */
  static final String DOCUMENT = "openapi.yaml";

  private final byte[] yaml;
  private final byte[] json;
  /** The files of the reference page by the name it asks for, as resources of the classpath. */
  private final Map<String, Asset> assets;
  private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

  private record Asset(String resource, String type) {}

  private ContractRoutes(byte[] yaml, byte[] json, Map<String, Asset> assets) {
    this.yaml = yaml;
    this.json = json;
    this.assets = assets;
  }

  /**
   * Reads the document and converts it to JSON.
   *
   * @throws IllegalStateException if the document or the reference page's files are not on the classpath
   */
  static ContractRoutes load() {
    byte[] yaml = resource("/dev/rapport/server/" + DOCUMENT);
    String swaggerUi = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
    Map<String, Asset> assets = Map.of(
        "swagger-ui.css", new Asset(swaggerUi + "swagger-ui.css", "text/css; charset=utf-8"),
        "swagger-ui-bundle.js", new Asset(swaggerUi + "swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
        "docs.js", new Asset("/dev/rapport/server/docs/docs.js", "text/javascript; charset=utf-8"));
    return new ContractRoutes(yaml, toJson(yaml), assets);
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(Method.GET, "/openapi.yaml", Route.Access.PUBLIC,
            call -> Reply.content("application/yaml; charset=utf-8", yaml)),
        Route.of(Method.GET, "/openapi.json", Route.Access.PUBLIC, call -> Reply.content("application/json", json)),
        Route.of(Method.GET, "/docs", Route.Access.PUBLIC,
            call -> Reply.content("text/html; charset=utf-8", asset("/dev/rapport/server/docs/docs.html"))),
        Route.of(Method.GET, "/docs/{asset}", Route.Access.PUBLIC, this::docsAsset));
  }

  private Reply docsAsset(Call call) {
    String name = call.pathParameter("asset");
    Asset asset = assets.get(name);
    if (asset == null) {
      throw new ProblemException(404, "not-found", "the reference page has no file '%s'".formatted(name));
    }
    return Reply.content(asset.type(), asset(asset.resource()));
  }

  /** Read once, on first use: the page's script is large and most servers never serve it. */
  private byte[] asset(String resource) {
    return loaded.computeIfAbsent(resource, ContractRoutes::resource);
  }

  /** The document as JSON: read with YAML's JSON schema only, so that no date or "yes" becomes anything but a string. */
  static byte[] toJson(byte[] yaml) {
    LoaderOptions options = new LoaderOptions();
    DumperOptions dumper = new DumperOptions();
    Yaml reader = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new JsonScalars());
    Object document = reader.load(new String(yaml, StandardCharsets.UTF_8));
    return Json.bytes(Json.tree(document));
  }

  private static String swaggerUiVersion() {
    Properties properties = new Properties();
    try (InputStream in = ContractRoutes.class.getResourceAsStream("docs/swagger-ui.properties")) {
      if (in == null) {
        throw new IllegalStateException("docs/swagger-ui.properties is not on the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  private static byte[] resource(String name) {
    try (InputStream in = ContractRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** YAML's JSON schema: plain scalars are strings unless they are JSON's null, booleans or numbers. */
  private static final class JsonScalars extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|false)$"), "tf");
      addImplicitResolver(Tag.INT, Pattern.compile("^-?(?:0|[1-9][0-9]*)$"), "-0123456789");
      addImplicitResolver(Tag.FLOAT, Pattern.compile("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$"),
          "-0123456789");
      addImplicitResolver(Tag.NULL, Pattern.compile("^(?:null|~)$"), "n~");
      addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
    }
  }
}
