package dev.rapport.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.Fixtures;
import dev.rapport.problem.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * X1's period, ISO weeks and acceptance rate, and what ranks an X2 prospect, on literal values
 * without a store; the store's counts are checked by {@code OutreachRulesContract} on both stores.
 */
class OutreachValuesTest {

  @Test
  void X1_thePeriod_startsOnTheMondayOfItsFirstIsoWeek_inUtc() {
    Instant sundayNight = Instant.parse("2026-12-06T23:59:59Z");
    Instant mondayMorning = Instant.parse("2026-12-07T00:00:00Z");

    assertThat(new AnalyticsPeriod(1).start(sundayNight)).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    assertThat(new AnalyticsPeriod(1).start(mondayMorning)).isEqualTo(mondayMorning);
    assertThat(new AnalyticsPeriod(3).mondays(mondayMorning)).containsExactly(
        LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-07"));
  }

  @Test
  void X1_isoWeeks_areNamedByTheirWeekBasedYear() {
    assertThat(new WeekGrowth(LocalDate.parse("2026-12-28"), 0, 0, 0, 0).isoWeek()).isEqualTo("2026-W53");
    assertThat(new WeekGrowth(LocalDate.parse("2027-01-04"), 0, 0, 0, 0).isoWeek()).isEqualTo("2027-W01");
    assertThat(new WeekGrowth(LocalDate.parse("2024-12-30"), 0, 0, 0, 0).isoWeek()).isEqualTo("2025-W01");
  }

  @Test
  void X1_weeks_outside1To104_areRefused() {
    assertThatThrownBy(() -> new AnalyticsPeriod(0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("from 1 to 104");
    assertThatThrownBy(() -> new AnalyticsPeriod(105)).isInstanceOf(InvalidInputException.class);
    assertThat(AnalyticsPeriod.byDefault().weeks()).isEqualTo(12);
  }

  @Test
  void X1_theAcceptanceRate_isAcceptedOverAcceptedAndPending_withdrawnLeftOut() {
    assertThat(new InvitationFigures(1, 3, 6).acceptanceRate()).hasValue(0.25);
    assertThat(new InvitationFigures(1, 3, 6).sent()).isEqualTo(10);
    assertThat(new InvitationFigures(0, 0, 4).acceptanceRate()).isEmpty();
    assertThat(new OutreachAnalytics(Instant.EPOCH, Instant.EPOCH, new InvitationFigures(1, 0, 0),
        new InvitationFigures(0, 2, 1), List.of()).all()).isEqualTo(new InvitationFigures(1, 2, 1));
  }

  @Test
  void X2_aProspectsEngagement_isTheirReactionsAndCommentsTogether() {
    Prospect prospect = new Prospect(Fixtures.member("ada"), 2, 3, Instant.EPOCH, Instant.EPOCH);

    assertThat(prospect.engagement()).isEqualTo(5);
  }
}
