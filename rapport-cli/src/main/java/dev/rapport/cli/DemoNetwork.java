package dev.rapport.cli;

import dev.rapport.Rapport;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.member.NewMember;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.ReactionKind;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A small, believable professional network for trying Rapport out: sixteen people at three
 * companies (Northwind Analytics, Brightline Health, Kestrel Robotics), an investor, a student and
 * a Creator Mode writer, with connections, follows, pending invitations (one with a note), an
 * ignored one, a few posts with reactions and comments, and conversations: between colleagues, and
 * an InMail from a recruiter waiting for its recipient's answer (MS1, MS2).
 *
 * <p>Everything goes through the {@link Rapport} facade, so the demo obeys the same rules as any
 * client. The network is the same on every run; only tokens and timestamps differ. Seeding is
 * skipped when the first demo member already exists, so starting the demo again on the same data
 * directory only issues fresh tokens.
 */
final class DemoNetwork {
  /** One demo person. */
  record Person(String handle, String name, String headline, String tier) {}

  /** The people, in creation order. The first one doubles as the "already seeded" marker. */
  static final List<Person> PEOPLE = List.of(
      new Person("maya-okafor", "Maya Okafor", "VP Engineering at Northwind Analytics", "basic"),
      new Person("daniel-reyes", "Daniel Reyes",
          "Staff Data Engineer at Northwind Analytics | Kafka, Flink, streaming pipelines", "basic"),
      new Person("priya-raman", "Priya Raman", "Senior Product Manager, Data Platform at Northwind Analytics",
          "basic"),
      new Person("tom-lindqvist", "Tom Lindqvist", "Backend Engineer at Northwind Analytics", "basic"),
      new Person("hannah-kim", "Hannah Kim", "UX Researcher at Northwind Analytics", "basic"),
      new Person("james-whitaker", "James Whitaker", "CTO at Brightline Health", "basic"),
      new Person("aisha-bello", "Aisha Bello", "Clinical Data Scientist at Brightline Health", "basic"),
      new Person("kenji-watanabe", "Kenji Watanabe", "iOS Engineer at Brightline Health", "basic"),
      new Person("sofia-marquez", "Sofia Marquez",
          "Head of Talent at Brightline Health | Hiring engineers in Austin and remote", "premium"),
      new Person("elena-petrova", "Elena Petrova", "Founder & CEO at Kestrel Robotics", "basic"),
      new Person("marcus-hill", "Marcus Hill",
          "Robotics Software Engineer at Kestrel Robotics | ROS 2, motion planning", "basic"),
      new Person("lena-fischer", "Lena Fischer", "Hardware Lead at Kestrel Robotics", "basic"),
      new Person("omar-haddad", "Omar Haddad", "Engineering Manager at Kestrel Robotics", "basic"),
      new Person("grace-chen", "Grace Chen",
          "Author of 'Calm Teams' | Writing weekly about engineering leadership", "basic"),
      new Person("lucas-moreau", "Lucas Moreau", "Partner at Ridgeway Ventures | Seed-stage B2B and robotics",
          "premium"),
      new Person("noah-brooks", "Noah Brooks",
          "Computer Science student at Ohio State | Looking for a backend internship", "basic"));

  /** Accepted invitations, sender first: colleagues, former colleagues, an investor, friends. */
  static final List<List<String>> CONNECTIONS = List.of(
      List.of("maya-okafor", "daniel-reyes"),
      List.of("maya-okafor", "priya-raman"),
      List.of("maya-okafor", "tom-lindqvist"),
      List.of("maya-okafor", "hannah-kim"),
      List.of("daniel-reyes", "tom-lindqvist"),
      List.of("priya-raman", "daniel-reyes"),
      List.of("hannah-kim", "priya-raman"),
      List.of("james-whitaker", "aisha-bello"),
      List.of("james-whitaker", "kenji-watanabe"),
      List.of("sofia-marquez", "james-whitaker"),
      List.of("aisha-bello", "kenji-watanabe"),
      List.of("sofia-marquez", "aisha-bello"),
      List.of("elena-petrova", "marcus-hill"),
      List.of("elena-petrova", "lena-fischer"),
      List.of("elena-petrova", "omar-haddad"),
      List.of("omar-haddad", "marcus-hill"),
      List.of("lena-fischer", "omar-haddad"),
      List.of("james-whitaker", "maya-okafor"),
      List.of("daniel-reyes", "aisha-bello"),
      List.of("lucas-moreau", "elena-petrova"),
      List.of("lucas-moreau", "james-whitaker"),
      List.of("tom-lindqvist", "marcus-hill"),
      List.of("grace-chen", "maya-okafor"),
      List.of("omar-haddad", "grace-chen"));

  /** Follows without a connection: Grace's readers, and people keeping an eye on founders. */
  static final List<List<String>> FOLLOWS = List.of(
      List.of("daniel-reyes", "grace-chen"),
      List.of("priya-raman", "grace-chen"),
      List.of("tom-lindqvist", "grace-chen"),
      List.of("hannah-kim", "grace-chen"),
      List.of("aisha-bello", "grace-chen"),
      List.of("kenji-watanabe", "grace-chen"),
      List.of("sofia-marquez", "grace-chen"),
      List.of("marcus-hill", "grace-chen"),
      List.of("lena-fischer", "grace-chen"),
      List.of("noah-brooks", "grace-chen"),
      List.of("noah-brooks", "elena-petrova"),
      List.of("kenji-watanabe", "elena-petrova"),
      List.of("priya-raman", "lucas-moreau"));

  /** Posts, oldest first: author, text, and whether only the author's connections see it (P2). */
  record DemoPost(String author, String text, boolean connectionsOnly) {}

  static final List<DemoPost> POSTS = List.of(
      new DemoPost("grace-chen", "Calm teams ship more. This week: why the best engineering leads protect their "
          + "team's mornings from meetings, and what to do with the afternoons.", false),
      new DemoPost("maya-okafor", "Northwind is hiring two backend engineers for the data platform team. Kafka and "
          + "Flink a plus; curiosity a must. Message me if you want to hear more.", false),
      new DemoPost("daniel-reyes", "Retro from our streaming migration: we cut end-to-end latency from minutes to "
          + "seconds, and learned that back-pressure is a product decision.", true),
      new DemoPost("elena-petrova", "Kestrel's first hospital logistics pilot goes live next month. Proud of this "
          + "team.", false),
      new DemoPost("james-whitaker", "Brightline Health is opening an engineering hub in Austin. We are looking for "
          + "people who care about patients as much as about code.", false));

  /** Reactions to the posts above, by post index: who and which (P4). */
  static final List<List<String>> REACTIONS = List.of(
      List.of("0", "maya-okafor", "insightful"), List.of("0", "daniel-reyes", "like"),
      List.of("0", "omar-haddad", "love"), List.of("1", "priya-raman", "celebrate"),
      List.of("1", "james-whitaker", "support"), List.of("2", "maya-okafor", "insightful"),
      List.of("3", "marcus-hill", "celebrate"), List.of("3", "lucas-moreau", "celebrate"),
      List.of("4", "aisha-bello", "like"));

  /** Comments on the posts above, by post index: who and what (P4). */
  static final List<List<String>> COMMENTS = List.of(
      List.of("0", "maya-okafor", "We moved our stand-ups to after lunch last quarter. Best change we made."),
      List.of("1", "tom-lindqvist", "Happy to refer a couple of people from the meetup."),
      List.of("3", "omar-haddad", "Months of work behind this one. Thank you all."));

  static final String NOAH_TO_MAYA = "Hi Maya, I enjoyed your talk on data contracts at the Columbus data "
      + "meetup. I'm applying for Northwind's backend internship and would love to connect.";
  static final String SOFIA_TO_MARCUS = "Hi Marcus, I lead talent at Brightline Health. We are starting a "
      + "robotics team for hospital logistics and your motion planning work stood out. Open to a short chat "
      + "next week?";

  /** The members printed with a token after seeding, and why each is worth trying. */
  private static final Map<String, String> SHOWCASED = orderedMap(
      "maya-okafor", "has a pending invitation with a note from noah-brooks",
      "noah-brooks", "a student; sent invitations to maya-okafor and james-whitaker",
      "grace-chen", "Creator Mode: Follow is her primary action; twelve followers",
      "sofia-marquez", "premium; her invitation with a note to marcus-hill is pending");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Rapport rapport;
  private final UnaryOperator<String> hashPassword;

  /** @param hashPassword hashes a password as the server stores it */
  DemoNetwork(Rapport rapport, UnaryOperator<String> hashPassword) {
    this.rapport = Objects.requireNonNull(rapport, "rapport");
    this.hashPassword = Objects.requireNonNull(hashPassword, "hashPassword");
  }

  /**
   * Seeds the network unless it is already there, then issues a token for each showcased member.
   *
   * @throws dev.rapport.problem.RapportException if a rule refuses a step (for example when the data
   *     directory holds other members with the demo's handles)
   */
  Showcase seedIfAbsent() {
    boolean seeded = rapport.member(Handle.of(PEOPLE.getFirst().handle())).isPresent();
    if (!seeded) {
      seed();
    }
    List<Shown> shown = new ArrayList<>();
    SHOWCASED.forEach((handle, why) -> rapport.member(Handle.of(handle)).ifPresent(member ->
        shown.add(new Shown(member, rapport.issueToken(member.handle()), why))));
    List<SignIn> signIns = new ArrayList<>();
    for (Person person : PEOPLE) {
      rapport.member(Handle.of(person.handle())).ifPresent(member -> {
        // A fresh password on every run, as the tokens are: the demo holds no secret of its own.
        String password = newPassword();
        rapport.accounts().setPassword(member.handle(), hashPassword.apply(password));
        signIns.add(new SignIn(member.handle().value(), member.email().orElseThrow(), password));
      });
    }
    return new Showcase(!seeded, shown, signIns);
  }

  private static String newPassword() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private void seed() {
    Map<String, Long> ids = new LinkedHashMap<>();
    for (Person person : PEOPLE) {
      Member member = rapport.createMember(new NewMember(Handle.of(person.handle()), MemberKind.PERSON,
          person.name(), person.headline(), Optional.of(person.handle().replace('-', '.') + "@example.com"),
          Optional.of(person.tier()))).member();
      ids.put(person.handle(), member.id());
    }
    // Creator Mode before the follows, as a writer would switch it on before growing an audience.
    rapport.updateMe(ids.get("grace-chen"), ProfileUpdate.none().withFollowPrimary(true));

    for (List<String> pair : CONNECTIONS) {
      long invitation = invite(ids, pair.get(0), pair.get(1), Optional.empty());
      rapport.invitations().accept(ids.get(pair.get(1)), invitation);
    }
    for (List<String> pair : FOLLOWS) {
      rapport.follow(ids.get(pair.get(0)), Handle.of(pair.get(1)));
    }

    invite(ids, "noah-brooks", "maya-okafor", Optional.of(NOAH_TO_MAYA));
    invite(ids, "sofia-marquez", "marcus-hill", Optional.of(SOFIA_TO_MARCUS));
    invite(ids, "kenji-watanabe", "daniel-reyes", Optional.empty());
    invite(ids, "tom-lindqvist", "grace-chen", Optional.empty());
    // C5: James ignores the student's invitation; Noah still sees it as pending.
    long ignored = invite(ids, "noah-brooks", "james-whitaker", Optional.empty());
    rapport.invitations().ignore(ids.get("james-whitaker"), ignored);

    List<Long> posts = new ArrayList<>();
    for (DemoPost post : POSTS) {
      posts.add(rapport.content().post(ids.get(post.author()), post.text(),
          post.connectionsOnly() ? PostVisibility.CONNECTIONS : PostVisibility.ANYONE).post().id());
    }
    for (List<String> reaction : REACTIONS) {
      rapport.content().react(ids.get(reaction.get(1)), posts.get(Integer.parseInt(reaction.get(0))),
          ReactionKind.valueOf(reaction.get(2).toUpperCase(java.util.Locale.ROOT)));
    }
    for (List<String> comment : COMMENTS) {
      rapport.content().comment(ids.get(comment.get(1)), posts.get(Integer.parseInt(comment.get(0))), comment.get(2));
    }
    for (List<String> message : MESSAGES) {
      rapport.messaging().send(ids.get(message.get(0)), Handle.of(message.get(1)), message.get(2));
    }
  }

  /** Messages in order, sender first: colleagues write freely; Sofia's InMail to Noah is a request he answers. */
  static final List<List<String>> MESSAGES = List.of(
      List.of("maya-okafor", "daniel-reyes", "Could you walk Priya through the streaming retro on Thursday?"),
      List.of("daniel-reyes", "maya-okafor", "Happy to. I'll bring the latency charts."),
      List.of("elena-petrova", "lucas-moreau", "The hospital pilot is live. Numbers for the board by Friday."),
      List.of("sofia-marquez", "noah-brooks", "Hi Noah, Brightline has backend internships in Austin this summer. "
          + "Would you like to hear more?"));

  private long invite(Map<String, Long> ids, String from, String to, Optional<String> note) {
    return rapport.invitations().invite(ids.get(from), new SendInvitation(Handle.of(to), note, Optional.empty()))
        .invitation().id();
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A showcased member with a fresh token. */
  record Shown(Member member, String token, String why) {}

  /** How a person signs in as a demo member: email and a fresh password. */
  record SignIn(String handle, String email, String password) {}

  /** What {@link #seedIfAbsent} did, the members to try, and how to sign in as each demo member. */
  record Showcase(boolean seededNow, List<Shown> members, List<SignIn> signIns) {
    Showcase {
      members = List.copyOf(members);
      signIns = List.copyOf(signIns);
    }

    /** Prints the members, their tokens and a curl line to paste. */
    void print(PrintWriter out, String url) {
      if (seededNow) {
        out.printf("Demo network seeded: %d people at Northwind Analytics, Brightline Health and Kestrel Robotics, "
            + "with connections, follows, pending invitations, posts and conversations.%n", PEOPLE.size());
      } else {
        out.println("Demo network already seeded; fresh tokens for some of its members:");
      }
      for (Shown shown : members) {
        out.printf("  %-14s %s (%s)%n", shown.member().handle(), shown.member().name(), shown.why());
        out.printf("  %-14s token %s%n", "", shown.token());
      }
      out.println("Sign in as any demo member (POST /v1/sessions, or the web app) with:");
      for (SignIn signIn : signIns) {
        out.printf("  %-16s %-30s password %s%n", signIn.handle(), signIn.email(), signIn.password());
      }
      members.stream().filter(s -> s.member().handle().value().equals("maya-okafor")).findFirst().ifPresent(maya -> {
        out.println("Try (Maya's received invitations):");
        out.printf("  curl -s -w '\\n' -H 'Authorization: Bearer %s' '%s/v1/me/invitations?box=received'%n",
            maya.token(), url);
      });
    }
  }
}
