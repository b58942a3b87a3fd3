package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.model.Handle;
import org.junit.jupiter.api.Test;

/** How a LinkedIn export's row becomes a valid handle (M1: 3-40 of a-z, 0-9 and -). */
class LinkedInHandlesTest {
  @Test
  void slug_isThePathAfterIn_percentDecoded_withoutQueryOrTrailingSlash() {
    assertThat(LinkedInConnections.slug("https://www.linkedin.com/in/grace-hopper-1906")).contains("grace-hopper-1906");
    assertThat(LinkedInConnections.slug("https://www.linkedin.com/in/AlanTuring/?trk=x#top")).contains("AlanTuring");
    assertThat(LinkedInConnections.slug("https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller")).contains("jürgen-müller");
    assertThat(LinkedInConnections.slug("https://www.linkedin.com/in/bad%zzescape")).contains("bad%zzescape");
    assertThat(LinkedInConnections.slug("https://www.linkedin.com/company/acme")).isEmpty();
    assertThat(LinkedInConnections.slug("https://www.linkedin.com/in/")).isEmpty();
  }

  @Test
  void handleFrom_dropsAccents_lowersCase_andHyphensTheRest() {
    assertThat(LinkedInConnections.handleFrom("Jürgen Müller-Lüdenscheidt")).contains("jurgen-muller-ludenscheidt");
    assertThat(LinkedInConnections.handleFrom("Øystein Strauß")).contains("oystein-strauss");
    assertThat(LinkedInConnections.handleFrom("  --Ada__Lovelace!!  ")).contains("ada-lovelace");
    assertThat(LinkedInConnections.handleFrom("AlanTuring")).contains("alanturing");
  }

  @Test
  void handleFrom_cutsAt40_andGivesNothingBelow3() {
    String cut = LinkedInConnections.handleFrom("a-very-long-profile-slug-that-someone-chose-on-purpose-2024").orElseThrow();
    assertThat(cut).hasSizeLessThanOrEqualTo(40).doesNotEndWith("-").startsWith("a-very-long-profile-slug");
    assertThat(LinkedInConnections.handleFrom("Li")).isEmpty();
    assertThat(LinkedInConnections.handleFrom("李明")).isEmpty();
  }

  @Test
  void hashedHandle_isValid_andTheSameForTheSameRow() {
    String handle = LinkedInConnections.hashedHandle("李明");
    assertThat(Handle.of(handle).value()).matches("li-[0-9a-f]{8}").isEqualTo(LinkedInConnections.hashedHandle("李明"));
    assertThat(LinkedInConnections.hashedHandle("王芳")).isNotEqualTo(handle);
  }
}
