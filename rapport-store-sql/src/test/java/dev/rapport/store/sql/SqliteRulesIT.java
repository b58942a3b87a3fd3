package dev.rapport.store.sql;

import dev.rapport.contract.RulesContract;
import dev.rapport.store.Store;

/** The rules of PRODUCT.md on SQLite. */
class SqliteRulesIT extends RulesContract {
  @Override
  protected Store openStore() {
    return TestStores.freshSqlite();
  }
}
