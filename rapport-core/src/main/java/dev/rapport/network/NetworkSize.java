package dev.rapport.network;

/**
 * N3: how many members are 1st, 2nd and 3rd-degree to a viewer; the viewer is none of them.
 *
 * @param first the viewer's connections
 * @param second members who share a connection with the viewer and are not connected to them
 * @param third members connected to a 2nd-degree member who are neither 1st nor 2nd-degree
 */
public record NetworkSize(int first, int second, int third) {}
