package dev.tocsin.engine.cli;

/** What a finished process printed and returned. */
public record ProcessResult(int exitCode, String stdout, String stderr) {}
