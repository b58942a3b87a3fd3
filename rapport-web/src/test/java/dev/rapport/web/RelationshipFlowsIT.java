package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * Two members, each in a browser context of their own, through the relationships of PRODUCT.md by
 * the app's pages: follow, invite with a note, accept, ignore, withdraw and its cooldown, remove a
 * connection, block, hidden connections, Creator Mode and the weekly limit.
 */
class RelationshipFlowsIT extends WebFixture {

  private static void sendInvitation(MemberBrowser from, String note) {
    from.click("Connect");
    Locator dialog = from.page.getByRole(AriaRole.DIALOG);
    assertThat(dialog).isVisible();
    if (note != null) {
      dialog.getByLabel("Add a note (optional)").fill(note);
    }
    dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send invitation")).click();
  }

  @Test
  void F1_C1_C3_follow_thenInviteWithANote_andTheOtherAccepts() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");

    ada.open("/in/" + bob.member.handle());
    assertThat(ada.page.locator(".badge")).hasText("Out of network");
    ada.click("More");
    ada.click("Follow");
    assertThat(ada.page.locator(".relationship")).hasText("You follow them");

    ada.click("Connect");
    Locator note = ada.page.getByLabel("Add a note (optional)");
    assertThat(note).isFocused();
    assertThat(ada.page.getByText("5 of 5 personalised notes left this month.")).isVisible();
    note.fill("Hello Bob, we met at the engine workshop.");
    assertThat(ada.page.getByText("41 of 200 characters")).isVisible();
    ada.confirm("Send invitation");
    assertThat(ada.button("Pending: withdraw your invitation")).isVisible();
    assertThat(ada.page.locator(".relationship")).containsText("Your invitation is pending");

    bob.open("/mynetwork");
    assertThat(bob.page.locator("#nav .count")).containsText("2");
    bob.open("/notifications");
    assertThat(bob.main()).containsText("Ada Lovelace followed you");
    assertThat(bob.main()).containsText("Ada Lovelace invited you to connect");
    bob.click("Mark all as read");
    assertThat(bob.page.locator("#nav .count")).isHidden();

    bob.open("/mynetwork/invitations");
    assertThat(bob.main()).containsText("Hello Bob, we met at the engine workshop.");
    bob.page.getByLabel("Accept @" + ada.member.handle()).click();
    assertThat(bob.page.locator("#status")).containsText("now connected");

    ada.open("/in/" + bob.member.handle());
    assertThat(ada.page.locator(".relationship")).hasText("You are connected");
    assertThat(ada.page.locator(".meta .badge")).containsText("1st");
  }

  @Test
  void C2_C5_ignoring_leavesTheFollow_andTheSenderStillSeesPending() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    ada.open("/in/" + bob.member.handle());
    sendInvitation(ada, null);
    assertThat(ada.button("Pending: withdraw your invitation")).isVisible();

    bob.open("/mynetwork/invitations");
    bob.page.getByLabel("Ignore @" + ada.member.handle()).click();
    assertThat(bob.page.locator("#status")).containsText("ignored");
    assertThat(bob.page.locator("[aria-labelledby=ignored-title]")).containsText("@" + ada.member.handle());
    bob.open("/mynetwork/followers");
    assertThat(bob.main()).containsText("Ada Lovelace");

    ada.open("/in/" + bob.member.handle());
    assertThat(ada.button("Pending: withdraw your invitation")).isVisible();
  }

  @Test
  void C6_withdrawing_thenInvitingAgain_saysWhenItIsAllowed() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    ada.open("/in/" + bob.member.handle());
    sendInvitation(ada, null);
    ada.click("Pending: withdraw your invitation");
    ada.confirm("Withdraw");
    assertThat(ada.button("Connect")).isVisible();

    ada.expectRefusal("/v1/invitations");
    sendInvitation(ada, null);
    Locator alert = ada.page.getByRole(AriaRole.ALERT);
    assertThat(alert).containsText("You withdrew your invitation to this member recently. You can invite them again on");
    assertThat(alert).not().containsText("{");
    bob.open("/mynetwork/invitations");
    assertThat(bob.main()).containsText("No invitations waiting for you.");
  }

  @Test
  void C10_removingAConnection_endsItForBoth() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    connect(ada.member, bob.member);
    ada.open("/in/" + bob.member.handle());
    ada.click("More");
    ada.click("Remove connection");
    ada.confirm("Remove connection");
    assertThat(ada.button("Connect")).isVisible();
    assertThat(ada.page.locator(".relationship")).hasCount(0);

    bob.open("/mynetwork/connections");
    assertThat(bob.main()).containsText("No connections yet.");
  }

  @Test
  void B1_B2_blocking_makesEachDisappearForTheOther() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    connect(ada.member, bob.member);
    bob.open("/search?q=" + ada.member.handle());
    assertThat(bob.main()).containsText("Ada Lovelace");

    ada.open("/in/" + bob.member.handle());
    ada.click("More");
    ada.click("Block");
    ada.confirm("Block");
    assertThat(ada.page.locator("#status")).containsText("You blocked Bob Babbage");
    assertThat(ada.main()).containsText("No connections yet.");
    ada.open("/search?q=" + bob.member.handle());
    assertThat(ada.main()).containsText("No member matches");

    bob.expectRefusal("/v1/members/" + ada.member.handle());
    bob.open("/in/" + ada.member.handle());
    assertThat(bob.page.locator("h1")).hasText("Member not found");
    bob.open("/search?q=" + ada.member.handle());
    assertThat(bob.main()).containsText("No member matches");
  }

  @Test
  void P1_hiddenConnections_showOthersOnlyTheOnesTheyShare() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    WebServer.Member cyd = server.member(WebServer.unique("cyd"), "Cyd Charisse");
    connect(ada.member, bob.member);
    connect(ada.member, cyd);
    bob.open("/in/" + ada.member.handle());
    assertThat(bob.page.locator("[aria-labelledby=connections-title]")).containsText("Cyd Charisse");

    ada.open("/settings");
    ada.page.getByLabel("Only you (others see only connections you share)").check();
    ada.click("Save settings");
    assertThat(ada.page.locator("#status")).containsText("Settings saved.");

    bob.open("/in/" + ada.member.handle());
    assertThat(bob.page.locator("[aria-labelledby=connections-title]")).not().containsText("Cyd Charisse");
  }

  @Test
  void PR1_creatorMode_makesFollowThePrimaryAction_withConnectUnderMore() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    bob.open("/in/" + ada.member.handle());
    assertThat(bob.page.locator(".profile .actions > button.primary")).hasText("Connect");

    ada.open("/settings");
    ada.page.getByLabel("Creator Mode").check();
    ada.click("Save settings");
    assertThat(ada.page.locator("#status")).containsText("Settings saved.");

    bob.open("/in/" + ada.member.handle());
    assertThat(bob.page.locator(".profile .actions > button.primary")).hasText("Follow");
    assertThat(bob.page.locator(".meta")).containsText("0 followers");
    bob.click("More");
    assertThat(bob.button("Connect")).isVisible();
    bob.click("Follow");
    assertThat(bob.page.locator(".meta")).containsText("1 follower");
  }

  @Test
  void L2_theWeeklyLimit_saysWhenTheNextInvitationIsPossible_andTheDevClockFreesIt() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    for (int i = 0; i < WebServer.WEEKLY_INVITATIONS; i++) {
      WebServer.Member other = server.member(WebServer.unique("peer"), "Peer " + i);
      server.call("POST", "/v1/invitations", ada.member.token(), "{\"to\":\"" + other.handle() + "\"}", 201);
    }
    WebServer.Member bob = server.member(WebServer.unique("bob"), "Bob Babbage");
    ada.expectRefusal("/v1/invitations");
    ada.open("/in/" + bob.handle());
    sendInvitation(ada, null);
    Locator alert = ada.page.getByRole(AriaRole.ALERT);
    assertThat(alert).containsText("You have sent " + WebServer.WEEKLY_INVITATIONS
        + " invitations this week, the most your plan allows. You can invite again on");
    ada.page.keyboard().press("Escape");

    ada.open("/limits");
    assertThat(ada.main()).containsText(WebServer.WEEKLY_INVITATIONS + " of " + WebServer.WEEKLY_INVITATIONS);
    assertThat(ada.main()).containsText("Next slot");

    server.advanceClock("P7D");
    ada.open("/in/" + bob.handle());
    sendInvitation(ada, null);
    assertThat(ada.button("Pending: withdraw your invitation")).isVisible();
    assertThat(ada.consoleErrors).isEmpty();
  }
}
