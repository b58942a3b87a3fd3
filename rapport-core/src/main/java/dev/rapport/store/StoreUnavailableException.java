package dev.rapport.store;

/**
 * The store could not do what was asked: the database failed, is unreachable, or the store is
 * closed. Not a verdict on the request: nothing was applied, and the same request may succeed
 * later. The HTTP edge answers 503.
 */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreUnavailableException(String message) {
    super(message);
  }
}
