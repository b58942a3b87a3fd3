package dev.rapport.store.sql;

import dev.rapport.contract.RulesContract;
import dev.rapport.store.Store;

/** The rules of PRODUCT.md on PostgreSQL. */
class PostgresRulesIT extends RulesContract {
  @Override
  protected Store openStore() {
    return TestStores.freshPostgres();
  }
}
