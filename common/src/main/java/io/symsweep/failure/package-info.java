/**
 * Failures sorted by who can fix them, each a one-line message with no stack trace of its own (a cause,
 * when there is one, is kept for {@code --debug}): {@link io.symsweep.failure.InputException}, the user's
 * input is wrong (a spec, an option, a path; exit status 2), and
 * {@link io.symsweep.failure.EnvironmentException}, the machine or the cluster is (a full or read-only disk,
 * a permission, a cluster that does not answer, a results folder another run holds; exit status 3). Anything
 * else that escapes a command is a defect of symsweep.
 */
package io.symsweep.failure;
