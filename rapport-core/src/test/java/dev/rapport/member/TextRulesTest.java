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

/** The text people write (M1 names and headlines, C8 notes), decided on literal values. */
class TextRulesTest {

  private static NewMember named(String name, String headline) {
    return new NewMember(Handle.of("ada"), MemberKind.PERSON, name, headline, Optional.empty(), Optional.empty());
  }

  private static SendInvitation note(String note) {
    return new SendInvitation(Handle.of("bob"), Optional.of(note), Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ada\u0000", "Ada\tLovelace", "Ada\nLovelace", "Ada\rL", "Ada\u007f", "Ada\u0085x",
      "Ada\u2028L", "Ada\u202eecalevol", "Ada\u202aL", "Ada\u2066L\u2069", "Ada\u200fL", "Ada\u061cL", "Ada\ufffeL",
      "Ada\ud800L", "Ada\udc00"})
  void M1_aNameWithAControlBidiOrBrokenCharacter_isRefusedNamingTheField(String name) {
    assertThatThrownBy(() -> named(name, ""))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.type()).isEqualTo("invalid-name");
          assertThat(e.details()).containsEntry("field", "name");
          assertThat(e.getMessage()).contains("U+");
        });
    assertThatThrownBy(() -> new ProfileUpdate(Optional.of(name), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void M1_aHeadlineWithABidiOverride_isRefusedNamingTheField() {
    assertThatThrownBy(() -> named("Ada", "CEO at \u202eevil"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.type()).isEqualTo("invalid-headline");
          assertThat(e.details()).containsEntry("field", "headline");
          assertThat(e.getMessage()).contains("U+202E").contains("character 8");
        });
  }

  @Test
  void M1_namesAndHeadlines_areStoredInNfc_strippedAndWithTheirLettersAndEmoji() {
    NewMember member = named("  Jose\u0301 Zo\u00eb \uD83D\uDE00 ", "Cafe\u0301 owner \u05e9\u05dc\u05d5\u05dd");

    assertThat(member.name()).isEqualTo("Jos\u00e9 Zo\u00eb \uD83D\uDE00");
    assertThat(member.headline()).isEqualTo("Caf\u00e9 owner \u05e9\u05dc\u05d5\u05dd");
  }

  @Test
  void M1_aNameOnlyOfSpacesOrTooLongAfterNfc_isRefused() {
    assertThatThrownBy(() -> named(" \u00a0 ", "")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("1 to 100");
    // 100 letters with a combining accent each: 200 characters as typed, 100 in NFC.
    assertThat(named("e\u0301".repeat(100), "").name()).isEqualTo("\u00e9".repeat(100));
  }

  @Test
  void C8_aNoteKeepsItsLineBreaks_andIsStoredInNfc() {
    assertThat(note("Hi Bob,\n\nshall we connect?\nCafe\u0301").note())
        .contains("Hi Bob,\n\nshall we connect?\nCaf\u00e9");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Hi\tBob", "Hi\r\nBob", "Hi\u0007", "Hi \u202e", "Hi\u2029Bob", "Hi \ud83d"})
  void C8_aNoteWithAnyOtherControlOrBidiCharacter_isRefused(String text) {
    assertThatThrownBy(() -> note(text))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.type()).isEqualTo("invalid-note");
          assertThat(e.details()).containsEntry("field", "note");
        });
  }
}
