package dev.rapport.model;

/** People connect and follow; company pages (CP1) share the handle namespace and are only followed. */
public enum MemberKind {
  PERSON,
  COMPANY
}
