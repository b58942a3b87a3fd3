package dev.rapport.store;

import dev.rapport.kernel.Decided;

/**
 * One command's step from state to commit, which {@link Store#run} makes atomic. It reads what it
 * needs through the reads it is given and returns what it decided. It may run more than once, so it
 * must do nothing but read and return.
 */
@FunctionalInterface
public interface Command<D extends Decided> {

  D decide(StoreReads reads);
}
