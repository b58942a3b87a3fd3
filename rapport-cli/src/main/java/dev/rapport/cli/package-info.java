/**
 * The {@code rapport} command line: {@link dev.rapport.cli.Main} runs the HTTP service
 * ({@code serve}), the demo network ({@code demo}) and imports of networks from files
 * ({@code import}: SNAP, LDBC, LinkedIn's export). Packaged as one runnable jar.
 */
package dev.rapport.cli;
