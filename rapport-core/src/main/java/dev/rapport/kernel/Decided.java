package dev.rapport.kernel;

/** What a command decided: the commit it needs applied (empty when it changes nothing). */
public interface Decided {
  Commit commit();
}
