package dev.rapport.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.invitation.SendInvitation;
import dev.rapport.model.Handle;
import dev.rapport.model.MemberKind;
import dev.rapport.problem.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The email addresses members give (M1) and inviters name (C9), decided on literal values. */
class EmailRulesTest {

  private static NewMember withEmail(String email) {
    return new NewMember(Handle.of("ada"), MemberKind.PERSON, "Ada", "", Optional.of(email), Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ada@example.com", "Ada.Lovelace+rapport@mail.example.co.uk", "o'hara@xn--bcher-kva.example",
      "a@b.io", "x_y-z!#$%&*/=?^`{|}~@sub-domain.example", "1234@123.example"})
  void M1_commonAddresses_areKept(String email) {
    assertThat(withEmail("  " + email + " ").email()).contains(email);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nope", "@example.com", "ada@", "ada@example", "ada@@example.com", "ada@exa mple.com",
      ".ada@example.com", "ada.@example.com", "a..da@example.com", "ada@-example.com", "ada@example-.com",
      "ada@example..com", "ada@192.0.2.1", "ada@[192.0.2.1]", "\"ada lovelace\"@example.com", "ada(x)@example.com",
      "ad\u00e1@example.com", "ada@b\u00fccher.example", "ada@example.com\u0000", "ada@ex_ample.com"})
  void M1_addressesOutsideTheConservativeSyntax_areRefusedNamingTheField(String email) {
    assertThatThrownBy(() -> withEmail(email)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
      assertThat(e.type()).isEqualTo("invalid-email");
      assertThat(e.details()).containsEntry("field", "email");
    });
  }

  @Test
  void M1_rfc5321Lengths_64BeforeTheAt_63ALabel_254InAll() {
    String label63 = "d".repeat(63);
    assertThat(withEmail("l".repeat(64) + "@example.com").email()).isPresent();
    assertThatThrownBy(() -> withEmail("l".repeat(65) + "@example.com")).hasMessageContaining("1 to 64");
    assertThat(withEmail("ada@" + label63 + ".com").email()).isPresent();
    assertThatThrownBy(() -> withEmail("ada@" + label63 + "d.com")).hasMessageContaining("1 to 63");
    // 64 + 1 + 63 + 1 + 63 + 1 + 61 = 254 characters: the longest address kept.
    String longest = "l".repeat(64) + "@" + label63 + "." + label63 + "." + "e".repeat(61);
    assertThat(longest).hasSize(254);
    assertThat(withEmail(longest).email()).contains(longest);
    assertThatThrownBy(() -> withEmail(longest + "e")).hasMessageContaining("more than 254");
  }

  @Test
  void C9_theInvitersEmailIsCheckedTheSameWay() {
    assertThatThrownBy(() -> new SendInvitation(Handle.of("bob"), Optional.empty(), Optional.of("bob at example")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.type()).isEqualTo("invalid-email"));
    assertThat(new SendInvitation(Handle.of("bob"), Optional.empty(), Optional.of(" bob@example.com ")).email())
        .contains("bob@example.com");
  }
}
