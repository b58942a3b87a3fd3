package dev.rapport.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The administrator's token: the configured one, or else the one kept in
 * {@code <dataDir>/admin-token}, generated there (readable and writable by its owner only) on the
 * first start. The token itself is never logged; where it is, is.
 */
final class AdminToken {
  static final String FILE_NAME = "admin-token";
  private static final System.Logger LOG = System.getLogger(AdminToken.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private AdminToken() {}

  /** @throws UncheckedIOException if the token file cannot be read or written */
  static String resolve(ServerConfig config) {
    if (config.adminToken().isPresent()) {
      return config.adminToken().get();
    }
    Path file = config.dataDir().resolve(FILE_NAME);
    try {
      if (Files.isRegularFile(file)) {
        String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (kept.length() >= ServerConfig.MIN_ADMIN_TOKEN_LENGTH) {
          restrictToOwner(file);
          LOG.log(System.Logger.Level.INFO, "admin token: no token configured, using the one in {0}", file);
          return kept;
        }
        Files.delete(file);
      }
      String token = "rpa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
      write(file, token);
      LOG.log(System.Logger.Level.INFO, "admin token: no token configured, generated one into {0}", file);
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException(FileProblems.describe("keep the admin token in", file, e), e);
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static void write(Path file, String token) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    boolean posix = Files.getFileStore(file.toAbsolutePath().getParent())
        .supportsFileAttributeView(PosixFileAttributeView.class);
    try {
      if (posix) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      throw new IOException("another process created " + file + " meanwhile; start again", e);
    }
    restrictToOwner(file);
    Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
  }

  private static void restrictToOwner(Path file) throws IOException {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    } else {
      file.toFile().setReadable(false, false);
      file.toFile().setReadable(true, true);
      file.toFile().setWritable(false, false);
      file.toFile().setWritable(true, true);
    }
  }
}
