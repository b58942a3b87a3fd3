package dev.rapport.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.Policy;
import dev.rapport.kernel.TimeOrderedIds;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.PageRequest;
import dev.rapport.store.Store;
import dev.rapport.time.AdjustableClock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Importing a network ({@link Rapport#importNetwork}) against a real store: members and connections
 * as accepted invitations would make them, the rules that skip a pair, and importing again changing
 * nothing. Each backend runs this suite by extending it.
 */
public abstract class NetworkImportContract {
  private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");

  /** A fresh, empty store. The suite closes it after each test. */
  protected abstract Store openStore();

  private Store store;
  private Rapport rapport;

  @BeforeEach
  void openFreshStore() {
    store = openStore();
    rapport = engine(Policy.defaults());
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private Rapport engine(Policy policy) {
    return Rapport.builder().store(store).clock(AdjustableClock.fixedAt(START)).policy(policy).build();
  }

  /** A network of people named after their handles, connected as {@code {a, b}} pairs of handles. */
  private static NetworkImport network(List<String> handles, String[][] pairs) {
    NetworkImport network = new NetworkImport();
    for (String handle : handles) {
      network.person(NewMember.person(handle, "Name of " + handle));
    }
    for (String[] pair : pairs) {
      network.connect(handles.indexOf(pair[0]), handles.indexOf(pair[1]));
    }
    return network;
  }

  private long id(String handle) {
    return rapport.member(Handle.of(handle)).orElseThrow().id();
  }

  private long existing(String handle) {
    return rapport.createMember(NewMember.person(handle, "Existing " + handle)).member().id();
  }

  private List<String> connections(String handle) {
    return rapport.connections(id(handle), Handle.of(handle), PageRequest.first(200)).items().stream()
        .map(c -> c.member().handle().value()).toList();
  }

  private List<String> following(String handle) {
    return rapport.following(id(handle), Handle.of(handle), PageRequest.first(200)).items().stream()
        .map(m -> m.handle().value()).toList();
  }

  private List<Event> log() {
    return store.eventsAfter(0, 100_000);
  }

  @Test
  void C3_importedPairs_areConnectedAndFollowEachOther_silently() {
    ImportReport report = rapport.importNetwork(network(List.of("ada", "bob", "cyd", "dan"),
        new String[][] {{"ada", "bob"}, {"bob", "cyd"}, {"ada", "cyd"}}));

    assertThat(report).isEqualTo(new ImportReport(4, 0, 3, 0, 0, Map.of()));
    Member dan = rapport.member(Handle.of("dan")).orElseThrow();
    assertThat(dan.name()).isEqualTo("Name of dan");
    assertThat(dan.kind()).isEqualTo(MemberKind.PERSON);
    assertThat(dan.tier()).isEqualTo("basic");
    assertThat(dan.createdAt()).isEqualTo(START);
    assertThat(connections("ada")).containsExactlyInAnyOrder("bob", "cyd");
    assertThat(connections("dan")).isEmpty();
    assertThat(following("bob")).containsExactlyInAnyOrder("ada", "cyd");
    assertThat(rapport.member(Handle.of("cyd")).orElseThrow().connectionCount()).isEqualTo(2);
    assertThat(rapport.networkSize(id("ada")).first()).isEqualTo(2);
    assertThat(rapport.profile(id("ada"), Handle.of("bob")).relationship().orElseThrow().mutualCount()).isEqualTo(1);
    assertThat(rapport.notifications().list(id("bob"), PageRequest.first()).items()).as("NT1: an import is silent").isEmpty();
    assertThat(log()).extracting(Event::type).containsOnly(EventType.MEMBER_CREATED, EventType.CONNECTED,
        EventType.FOLLOWED);
    assertThat(log()).filteredOn(e -> e.type() == EventType.FOLLOWED).hasSize(6);
  }

  @Test
  void importingAgain_changesNothing() {
    NetworkImport network = network(List.of("ada", "bob", "cyd"), new String[][] {{"ada", "bob"}, {"cyd", "bob"}});
    rapport.importNetwork(network);
    List<Event> before = log();
    long version = rapport.member(Handle.of("bob")).orElseThrow().version();

    ImportReport again = rapport.importNetwork(network);

    assertThat(again).isEqualTo(new ImportReport(0, 3, 0, 2, 0, Map.of()));
    assertThat(log()).isEqualTo(before);
    assertThat(rapport.member(Handle.of("bob")).orElseThrow().version()).isEqualTo(version);
  }

  @Test
  void M1_aTakenHandle_isTheSamePerson_keptAsTheyAre() {
    existing("ada");
    ImportReport report = rapport.importNetwork(network(List.of("ada", "bob"), new String[][] {{"ada", "bob"}}));

    assertThat(report.membersCreated()).isEqualTo(1);
    assertThat(report.membersExisting()).isEqualTo(1);
    assertThat(rapport.member(Handle.of("ada")).orElseThrow().name()).isEqualTo("Existing ada");
    assertThat(connections("ada")).containsExactly("bob");
  }

  @Test
  void aPersonGivenTwice_andAConnectionGivenBothWays_countOnce() {
    NetworkImport network = new NetworkImport();
    int ada = network.person(NewMember.person("ada", "Ada"));
    int bob = network.person(NewMember.person("bob", "Bob"));
    assertThat(network.person(NewMember.person("ada", "Another Ada"))).isEqualTo(ada);
    network.connect(ada, bob);
    network.connect(bob, ada);
    assertThat(network.peopleCount()).isEqualTo(2);
    assertThat(network.connectionCount()).isEqualTo(1);

    assertThat(rapport.importNetwork(network)).isEqualTo(new ImportReport(2, 0, 1, 0, 0, Map.of()));
    assertThat(rapport.member(Handle.of("ada")).orElseThrow().name()).isEqualTo("Ada");
  }

  @Test
  void B3_aBlockEitherWay_skipsThePair() {
    long ada = existing("ada");
    existing("bob");
    long cyd = existing("cyd");
    rapport.block(ada, Handle.of("bob"));
    rapport.block(cyd, Handle.of("ada"));

    ImportReport report = rapport.importNetwork(network(List.of("ada", "bob", "cyd", "dan"),
        new String[][] {{"ada", "bob"}, {"ada", "cyd"}, {"ada", "dan"}}));

    assertThat(report.connectionsCreated()).isEqualTo(1);
    assertThat(report.skipped()).isEqualTo(Map.of(SkipReason.BLOCKED, 2));
    assertThat(connections("ada")).containsExactly("dan");
  }

  @Test
  void L1_theConnectionCap_holds_countingWhatTheImportAdds() {
    rapport = engine(Policy.defaults().withMaxConnections(2));
    ImportReport report = rapport.importNetwork(network(List.of("star", "a-1", "a-2", "a-3", "a-4"),
        new String[][] {{"star", "a-1"}, {"a-2", "star"}, {"star", "a-3"}, {"a-3", "a-4"}}));

    assertThat(report.connectionsCreated()).isEqualTo(3);
    assertThat(report.skipped()).isEqualTo(Map.of(SkipReason.CONNECTION_CAP, 1));
    assertThat(rapport.member(Handle.of("star")).orElseThrow().connectionCount()).isEqualTo(2);
    assertThat(connections("a-3")).containsExactly("a-4");
  }

  @Test
  void CP1_andC11_companyPagesAndOneselfAreNeverConnected() {
    rapport.createMember(new NewMember(Handle.of("acme"), MemberKind.COMPANY, "Acme", "", Optional.empty(),
        Optional.empty()));
    NetworkImport network = network(List.of("ada", "acme"), new String[][] {{"ada", "acme"}, {"ada", "ada"}});

    ImportReport report = rapport.importNetwork(network);

    assertThat(report.connectionsCreated()).isZero();
    assertThat(report.skipped()).isEqualTo(Map.of(SkipReason.COMPANY_PAGE, 1, SkipReason.SELF, 1));
    assertThat(report.skippedTotal()).isEqualTo(2);
    assertThat(connections("ada")).isEmpty();
  }

  @Test
  void C3_anOpenInvitationBetweenThePair_isAccepted_andExistingFollowsStayAsTheyAre() {
    long ada = existing("ada");
    long bob = existing("bob");
    long invitation = rapport.invitations().invite(ada, new SendInvitation(Handle.of("bob"), Optional.empty(), Optional.empty()))
        .invitation().id();
    int followedBefore = (int) log().stream().filter(e -> e.type() == EventType.FOLLOWED).count();

    ImportReport report = rapport.importNetwork(network(List.of("ada", "bob"), new String[][] {{"bob", "ada"}}));

    assertThat(report.invitationsAccepted()).isEqualTo(1);
    assertThat(rapport.invitations().list(bob, false, Optional.of(InvitationState.ACCEPTED), PageRequest.first()).items())
        .singleElement().satisfies(view -> assertThat(view.invitation().id()).isEqualTo(invitation));
    assertThat(following("ada")).containsExactly("bob");
    assertThat(following("bob")).containsExactly("ada");
    assertThat(log().stream().filter(e -> e.type() == EventType.FOLLOWED).count())
        .as("only bob's follow is new: ada followed bob when she invited him (C2)").isEqualTo(followedBefore + 1);
    assertThat(log().getLast().type()).isEqualTo(EventType.INVITATION_ACCEPTED);
  }

  @Test
  void connectionTimes_fromTheFile_dateTheConnections() {
    NetworkImport network = new NetworkImport();
    int ada = network.person(NewMember.person("ada", "Ada"));
    int bob = network.person(NewMember.person("bob", "Bob"));
    int cyd = network.person(NewMember.person("cyd", "Cyd"));
    network.connect(ada, cyd, Instant.parse("2021-05-01T00:00:00Z"));
    network.connect(ada, bob, Instant.parse("2024-05-01T00:00:00Z"));
    rapport.importNetwork(network);

    assertThat(connections("ada")).as("newest first").containsExactly("bob", "cyd");
  }

  /** More than one batch of each kind: batches must pick up where the last one ended. */
  @Test
  void aNetworkOfManyBatches_isImportedWhole() {
    int people = 3_000;
    NetworkImport network = new NetworkImport();
    for (int i = 0; i < people; i++) {
      network.person(NewMember.person("n-" + i, "N " + i));
    }
    for (int i = 0; i < people; i++) {
      network.connect(i, (i + 1) % people);
      network.connect(i, (i + 5) % people);
    }

    AdjustableClock clock = AdjustableClock.fixedAt(START);
    Policy policy = Policy.defaults();
    // Batches far smaller than the import's own, so that a test network spans several.
    assertThat(Importer.run(network, store, policy, clock, new TimeOrderedIds(InstantSource.system()), 700, 1_100))
        .isEqualTo(new ImportReport(people, 0, 2 * people, 0, 0, Map.of()));
    // The importer wrote behind the engine's back, which reads the log at most every 100 ms;
    // an engine opened now reads all of it.
    rapport = engine(policy);
    assertThat(connections("n-7")).containsExactlyInAnyOrder("n-2", "n-6", "n-8", "n-12");
    assertThat(rapport.networkSize(id("n-0")).first()).isEqualTo(4);
    assertThat(Importer.run(network, store, policy, clock, new TimeOrderedIds(InstantSource.system()), 700, 1_100))
        .isEqualTo(new ImportReport(0, people, 0, 2 * people, 0, Map.of()));
  }
}
