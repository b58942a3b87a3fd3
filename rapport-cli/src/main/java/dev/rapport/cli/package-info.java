/**
 * The {@code rapport} command line: {@link dev.rapport.cli.Main} runs the HTTP service
 * ({@code serve}) and the demo network ({@code demo}). Packaged as one runnable jar.
 */
package dev.rapport.cli;
