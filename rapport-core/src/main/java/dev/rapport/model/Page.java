package dev.rapport.model;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a list, newest first, and the cursor of the next page if there is one. */
public record Page<T>(List<T> items, Optional<String> next) {
  public Page {
    items = List.copyOf(items);
    next = next == null ? Optional.empty() : next;
  }

  public <U> Page<U> map(Function<? super T, ? extends U> f) {
    return new Page<>(items.stream().<U>map(f).toList(), next);
  }
}
