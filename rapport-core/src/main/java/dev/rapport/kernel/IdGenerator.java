package dev.rapport.kernel;

/** Makes ids for members, invitations and notifications. Thread safe. */
@FunctionalInterface
public interface IdGenerator {
  /** A new positive id, never returned before by this generator. */
  long next();
}
