package dev.rapport.problem;

/** The caller may not do this to this member: their settings do not allow it (F5, C9). */
public final class ForbiddenException extends RapportException {
  public ForbiddenException(String type, String message) {
    super(type, message, java.util.Map.of());
  }
}
