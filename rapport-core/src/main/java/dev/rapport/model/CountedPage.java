package dev.rapport.model;

/**
 * A page of a list together with how many items the whole list holds, for lists whose count is
 * part of what a member is shown (N2: "12 mutual connections").
 *
 * @param total how many items all pages hold together
 * @param page this page
 */
public record CountedPage<T>(int total, Page<T> page) {
}
