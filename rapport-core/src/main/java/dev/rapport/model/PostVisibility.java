package dev.rapport.model;

/** P2: who may see a post besides its author: anyone, or only the author's 1st-degree connections. */
public enum PostVisibility {
  ANYONE,
  CONNECTIONS
}
