package dev.rapport.store.sql;

import static dev.rapport.store.sql.Statements.first;

import dev.rapport.model.InviteLink;
import dev.rapport.store.Credential;
import dev.rapport.store.IssuedToken;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Accounts' credentials, a member's API tokens and invite links. Thread safe if the readers are. */
final class AccountSqlReads {
  private static final String CREDENTIAL_COLUMNS = "SELECT member_id, email_key, password_hash, changed_at FROM credentials";
  private static final String CREDENTIAL_BY_EMAIL = CREDENTIAL_COLUMNS + " WHERE email_key = ?";
  private static final String CREDENTIAL_BY_MEMBER = CREDENTIAL_COLUMNS + " WHERE member_id = ?";
  private static final String EMAIL_TAKEN = "SELECT 1 FROM credentials WHERE email_key = ? "
      + "UNION ALL SELECT 1 FROM members WHERE lower(email) = ? AND email IS NOT NULL";
  private static final String API_TOKENS = "SELECT id, name, created_at, expires_at FROM tokens "
      + "WHERE member_id = ? AND kind = 'API' AND id IS NOT NULL ORDER BY created_at, id";
  private static final String INVITE = "SELECT id, code_hash, created_by, created_at, expires_at, used_by, used_at "
      + "FROM invite_links WHERE code_hash = ?";

  private final Readers readers;

  AccountSqlReads(Readers readers) {
    this.readers = readers;
  }

  Optional<Credential> credential(String emailKey) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(CREDENTIAL_BY_EMAIL);
      statement.setString(1, emailKey);
      return first(statement, AccountSqlReads::credential);
    });
  }

  Optional<Credential> credentialOf(long memberId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(CREDENTIAL_BY_MEMBER);
      statement.setLong(1, memberId);
      return first(statement, AccountSqlReads::credential);
    });
  }

  boolean emailTaken(String emailKey) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(EMAIL_TAKEN);
      statement.setString(1, emailKey);
      statement.setString(2, emailKey);
      return first(statement, (row, c) -> true).isPresent();
    });
  }

  List<IssuedToken> apiTokens(long memberId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(API_TOKENS);
      statement.setLong(1, memberId);
      return Statements.all(statement, (row, c) -> new IssuedToken(row.getLong(c), Optional.ofNullable(row.getString(c + 1)),
          Instant.ofEpochMilli(row.getLong(c + 2)), Instant.ofEpochMilli(row.getLong(c + 3))));
    });
  }

  Optional<InviteLink> inviteLink(String codeHash) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(INVITE);
      statement.setString(1, codeHash);
      return first(statement, (row, c) -> {
        long usedAt = row.getLong(c + 6);
        Optional<Instant> used = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(usedAt));
        return new InviteLink(row.getLong(c), row.getString(c + 1), row.getLong(c + 2),
            Instant.ofEpochMilli(row.getLong(c + 3)), Instant.ofEpochMilli(row.getLong(c + 4)), row.getLong(c + 5), used);
      });
    });
  }

  private static Credential credential(ResultSet row, int c) throws SQLException {
    return new Credential(row.getLong(c), row.getString(c + 1), row.getString(c + 2),
        Instant.ofEpochMilli(row.getLong(c + 3)));
  }
}
