package dev.rapport.problem;

/**
 * The thing addressed does not exist for the caller: it does not exist at all, or a block (B2) or
 * ownership hides it. The two are deliberately indistinguishable.
 */
public final class NotFoundException extends RapportException {
  public NotFoundException(String type, String message) {
    super(type, message, java.util.Map.of());
  }

  public static NotFoundException member(String handle) {
    return new NotFoundException("member-not-found", "no member with handle '" + handle + "'");
  }

  public static NotFoundException invitation(String id) {
    return new NotFoundException("invitation-not-found", "no invitation " + id + " for you");
  }
}
