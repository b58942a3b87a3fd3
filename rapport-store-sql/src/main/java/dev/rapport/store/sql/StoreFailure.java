package dev.rapport.store.sql;

import dev.rapport.store.StoreUnavailableException;
import java.sql.SQLException;

/** The SPI's {@link StoreUnavailableException} for a failing database or a closed store. */
final class StoreFailure {
  private StoreFailure() {}

  static StoreUnavailableException of(String action, Exception cause) {
    String detail = cause instanceof SQLException sql && sql.getSQLState() != null
        ? " (SQLState " + sql.getSQLState() + ")" : "";
    return new StoreUnavailableException("could not " + action + ": " + cause.getMessage() + detail, cause);
  }

  static StoreUnavailableException closed() {
    return new StoreUnavailableException("the store is closed");
  }
}
