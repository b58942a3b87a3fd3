package dev.rapport.server.logging;

import dev.rapport.importing.ImportReport;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A line per administrator's action (PRODUCT A4) on the logger {@code dev.rapport.audit}: a member
 * created, a token issued, an invite link made, the dev clock moved, a network imported. It names the member and the
 * action, never a token.
 */
public final class Audit {
  public static final String LOGGER = "dev.rapport.audit";
  private static final System.Logger LOG = System.getLogger(LOGGER);

  private Audit() {}

  public static void memberCreated(Member member) {
    log(new Action("member-created", Map.of("member", member.id(), "handle", member.handle().value(),
        "tier", member.tier())));
  }

  public static void tokenIssued(Handle handle) {
    log(new Action("token-issued", Map.of("handle", handle.value())));
  }

  /** A4: the operator made a member an admin of a company page (CP1). */
  public static void pageAdminAdded(Handle page, Handle member) {
    log(new Action("page-admin-added", Map.of("page", page.value(), "handle", member.value())));
  }

  /** A sign-up invite link the administrator made: its id and expiry, never its code. */
  public static void inviteCreated(long id, Instant expiresAt) {
    log(new Action("invite-created", Map.of("invite", id, "expiresAt", expiresAt.toString())));
  }

  public static void clockAdvanced(Duration by, Instant now) {
    log(new Action("clock-advanced", Map.of("by", by.toString(), "now", now.toString())));
  }

  /** An import, which writes straight to the store: its format, for whom, and what it created. */
  public static void networkImported(String format, Optional<Handle> member, ImportReport report) {
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("format", format);
    member.ifPresent(handle -> about.put("handle", handle.value()));
    about.put("membersCreated", report.membersCreated());
    about.put("connectionsCreated", report.connectionsCreated());
    about.put("skipped", report.skippedTotal());
    log(new Action("network-imported", about));
  }

  private static void log(Action action) {
    LOG.log(System.Logger.Level.INFO, "{0}", action);
  }

  /** One action and what it was about, in a stable order. */
  record Action(String action, Map<String, Object> about) implements LogFields {
    @Override
    public Map<String, Object> fields() {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("action", action);
      about.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> fields.put(e.getKey(), e.getValue()));
      return fields;
    }

    @Override
    public String toString() {
      StringBuilder line = new StringBuilder("admin ").append(action);
      about.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> line.append(' ').append(e.getKey()).append('=').append(e.getValue()));
      return line.toString();
    }
  }
}
