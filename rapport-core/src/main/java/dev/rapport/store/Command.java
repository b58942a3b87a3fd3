package dev.rapport.store;

/**
 * One command's step from state to commit, which {@link Store#run} makes atomic. It reads what it
 * needs through the reads it is given and returns what it decided. It may run more than once, so it
 * must do nothing but read and return.
 */
@FunctionalInterface
public interface Command<D extends Command.Decided> {

  /** What a command decided: the commit it needs applied (empty when it changes nothing). */
  interface Decided {
    Commit commit();
  }

  D decide(StoreReads reads);
}
