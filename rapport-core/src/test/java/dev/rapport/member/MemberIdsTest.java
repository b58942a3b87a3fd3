package dev.rapport.member;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemberIdsTest {
  private final Map<Handle, Long> taken = new HashMap<>(Map.of(h("ada"), 1L, h("bob"), 2L, h("cyd"), 3L));
  private final List<List<Handle>> asked = new ArrayList<>();

  private Map<Handle, Member> lookup(Collection<Handle> handles) {
    asked.add(List.copyOf(handles));
    Map<Handle, Member> found = new HashMap<>();
    handles.forEach(handle -> {
      if (taken.containsKey(handle)) {
        found.put(handle, new Member(taken.get(handle), handle, MemberKind.PERSON, "Someone", "", Optional.empty(),
            "basic", Instant.EPOCH, Settings.DEFAULTS, 0, 0));
      }
    });
    return found;
  }

  @Test
  void idsComeInOrder_withMinusOneForHandlesNobodyHas_andKnownOnesAreNotAskedAgain() {
    MemberIds ids = new MemberIds(100);
    assertThat(ids.idsOf(List.of(h("bob"), h("nobody"), h("ada"), h("bob")), this::lookup))
        .containsExactly(2, -1, 1, 2);
    assertThat(ids.idsOf(List.of(h("ada"), h("bob")), this::lookup)).containsExactly(1, 2);
    assertThat(asked).hasSize(1);

    taken.put(h("nobody"), 4L); // a handle nobody had is asked again, so a new member is found
    assertThat(ids.idsOf(List.of(h("nobody"), h("ada")), this::lookup)).containsExactly(4, 1);
    assertThat(asked.getLast()).containsExactly(h("nobody"));
  }

  @Test
  void pastItsCapacity_itStartsOver_andStillAnswersRight() {
    MemberIds ids = new MemberIds(2);
    assertThat(ids.idsOf(List.of(h("ada"), h("bob")), this::lookup)).containsExactly(1, 2);
    assertThat(ids.idsOf(List.of(h("cyd")), this::lookup)).containsExactly(3);
    assertThat(ids.idsOf(List.of(h("ada"), h("cyd")), this::lookup)).containsExactly(1, 3);
    assertThat(asked).hasSize(3);
  }

  private static Handle h(String handle) {
    return Handle.of(handle);
  }
}
