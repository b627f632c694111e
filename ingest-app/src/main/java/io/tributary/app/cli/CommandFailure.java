package io.tributary.app.cli;

/** A command that cannot do what was asked, for a reason its message tells in one line: printed, exit status 2. */
public final class CommandFailure extends RuntimeException {
  public CommandFailure(String message) {
    super(message);
  }
}
