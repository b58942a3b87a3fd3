package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.Rapport;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.network.Network;
import dev.rapport.store.Store;
import dev.rapport.store.sql.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping: the data directory, the generated admin token, the ephemeral port. */
class ServerStartIT {
  @TempDir
  Path dataDir;

  @Test
  void withoutAnAdminToken_oneIsGeneratedForTheOwnerOnly_andKeptAcrossRestarts() throws IOException {
    ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(dataDir.resolve("nested"));
    String token;
    try (RapportServer server = RapportServer.start(config)) {
      Path file = dataDir.resolve("nested").resolve("admin-token");
      assertThat(file).isRegularFile();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      assertThat(dataDir.resolve("nested").resolve("rapport.db")).isRegularFile();
      token = Files.readString(file).strip();
      assertThat(token).hasSizeGreaterThanOrEqualTo(ServerConfig.MIN_ADMIN_TOKEN_LENGTH);

      ApiClient api = new ApiClient(server.port());
      assertThat(server.port()).isPositive();
      assertThat(api.post("/v1/members", token, "{\"handle\":\"first\",\"name\":\"First\"}").status()).isEqualTo(201);
    }

    try (RapportServer again = RapportServer.start(config)) {
      ApiClient api = new ApiClient(again.port());
      assertThat(api.post("/v1/members/first/tokens", token).status()).isEqualTo(201);
      assertThat(again.rapport().member(dev.rapport.model.Handle.of("first"))).isPresent();
    }
  }

  /**
   * A clean stop keeps a copy of the graph index in the store at the log's last position, from
   * which the next start restores the index instead of rebuilding it.
   */
  @Test
  void aStop_savesTheGraphIndex_forTheNextStartToRestore() {
    ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(dataDir).withAdminToken(TestServer.ADMIN);
    long ann;
    try (RapportServer server = RapportServer.start(config)) {
      Rapport rapport = server.rapport();
      ann = rapport.createMember(NewMember.person("ann", "Ann")).member().id();
      long bo = rapport.createMember(NewMember.person("bob", "Bob")).member().id();
      long invitation = rapport.invitations().invite(ann, new SendInvitation(Handle.of("bob"), Optional.empty(), Optional.empty()))
          .invitation().id();
      rapport.invitations().accept(bo, invitation);
    }
    try (Store store = SqliteStore.open(dataDir.resolve("rapport.db"))) {
      assertThat(store.savedIndex()).hasValueSatisfying(saved -> assertThat(saved.position()).isEqualTo(store.lastPosition()));
      Network network = Network.load(store, Runnable::run);
      assertThat(network.restored()).isTrue();
      assertThat(network.current().connectionCount()).isEqualTo(1);
    }
    try (RapportServer again = RapportServer.start(config)) {
      assertThat(again.rapport().networkSize(ann).first()).isEqualTo(1);
    }
  }

  @Test
  void aConfiguredAdminToken_writesNoFile() {
    ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(dataDir).withAdminToken(TestServer.ADMIN);
    try (RapportServer server = RapportServer.start(config)) {
      assertThat(new ApiClient(server.port()).post("/v1/members", TestServer.ADMIN,
          "{\"handle\":\"second\",\"name\":\"Second\"}").status()).isEqualTo(201);
    }
    assertThat(dataDir.resolve("admin-token")).doesNotExist();
  }

  @Test
  void close_isIdempotentAndStopsServing() {
    RapportServer server = RapportServer.start(
        ServerConfig.defaults().withPort(0).withDataDir(dataDir).withAdminToken(TestServer.ADMIN));
    ApiClient api = new ApiClient(server.port());
    assertThat(api.get("/health", null).status()).isEqualTo(200);

    server.close();
    server.close();

    assertThatThrownBy(() -> api.get("/health", null)).isInstanceOf(java.io.UncheckedIOException.class);
  }

  @Test
  void aDataDirectoryThatIsAFile_failsToStartWithTheReason() throws IOException {
    Path file = Files.writeString(dataDir.resolve("not-a-directory"), "x");

    assertThatThrownBy(() -> RapportServer.start(ServerConfig.defaults().withPort(0).withDataDir(file)))
        .hasMessageContaining(file.toString());
  }
}
