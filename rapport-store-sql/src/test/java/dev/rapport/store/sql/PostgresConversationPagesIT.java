package dev.rapport.store.sql;

import dev.rapport.testing.seeded.SeededProperty;
import org.junit.jupiter.api.Test;

/** {@link ConversationPagesProperties} on PostgreSQL: the remembered first pages of conversations equal the store's. */
class PostgresConversationPagesIT {
  @Test
  void MS1_MS4_rememberedFirstPages_equalTheStores_afterRandomMessagesReadsAnswersBlocksAndRemovals() {
    SeededProperty.tries(12).forAll(ConversationPagesProperties::steps,
        steps -> ConversationPagesProperties.agree(steps, TestStores::freshPostgres));
  }
}
