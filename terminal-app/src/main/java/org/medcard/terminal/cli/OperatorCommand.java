package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.terminal.AccountsWiring;
import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.operator.Operator;
import org.medcard.terminal.operator.OperatorAdmin;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medcard operator list|add|disable|enable|unlock|passwd}: the local operator accounts in
 * {@code terminal.db}. Opens only the terminal database (no reader, PSAM or center). Passwords come from standard
 * input, one per line — the supervisor's first (with {@code --supervisor}), then the new one — and are never echoed
 * or logged. Exit 0 done, 1 refused (wrong credentials, unknown operator, weak password, last supervisor), 2 usage.
 */
@Command(name = "operator", description = "Local operator accounts (cashier, supervisor, technician).", mixinStandardHelpOptions = true,
        subcommands = {OperatorCommand.ListAccounts.class, OperatorCommand.Add.class, OperatorCommand.Disable.class,
                OperatorCommand.Enable.class, OperatorCommand.Unlock.class, OperatorCommand.Passwd.class})
final class OperatorCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: list, add, disable, enable, unlock or passwd");
    }

    /** The accounts of the configured data folder, for one command (the root's one wiring of them). */
    private static AccountsWiring accounts(CommonOptions options, TerminalEnvironment env, PrintWriter err) {
        ConfigLoader.Loaded loaded = options.load(env.defaultDataDir());
        loaded.warnings().forEach(w -> err.println("warning: " + w));
        return new AccountsWiring(loaded.config(), env.clock());
    }

    /** What the changing commands share: the options, the supervisor, standard input, and printing the result. */
    abstract static class Change implements Callable<Integer> {
        final TerminalEnvironment env;

        @Mixin
        CommonOptions options;

        @Option(names = "--supervisor", paramLabel = "NAME",
                description = "the supervisor who authorises the change; the password is the first line of standard input")
        String supervisor;

        @Spec
        CommandSpec spec;

        Change(TerminalEnvironment env) {
            this.env = env;
        }

        /** The supervisor's credentials from the first line of standard input, or null without --supervisor. */
        OperatorAdmin.Credentials supervisorCredentials(StdinLines stdin) {
            if (supervisor == null) {
                return null;
            }
            return new OperatorAdmin.Credentials(supervisor, requiredLine(stdin, "the password of supervisor " + supervisor));
        }

        char[] requiredLine(StdinLines stdin, String what) {
            char[] line = stdin.next();
            if (line == null || line.length == 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "expected " + what + " on standard input");
            }
            return line;
        }

        /** The new password (second line); if it is missing, the first line's password is wiped before the usage error. */
        char[] newPassword(StdinLines stdin, String name, OperatorAdmin.Credentials by) {
            try {
                return requiredLine(stdin, "the new password of " + name);
            } catch (CommandLine.ParameterException e) {
                if (by != null) {
                    java.util.Arrays.fill(by.password(), '\0');
                }
                throw e;
            }
        }

        int report(OperatorAdmin.Result r) {
            if (r.done()) {
                spec.commandLine().getOut().println(r.message());
                return 0;
            }
            spec.commandLine().getErr().println("refused: " + r.message());
            return 1;
        }

        @Override
        public Integer call() {
            StdinLines stdin = new StdinLines(env.stdin());
            try (AccountsWiring a = accounts(options, env, spec.commandLine().getErr())) {
                return report(change(a.admin(), stdin));
            }
        }

        abstract OperatorAdmin.Result change(OperatorAdmin admin, StdinLines stdin);
    }

    @Command(name = "list", description = "List the accounts: name, display name, role, active, locked.", mixinStandardHelpOptions = true)
    static final class ListAccounts implements Callable<Integer> {
        private final TerminalEnvironment env;

        @Mixin
        CommonOptions options;

        @Spec
        CommandSpec spec;

        ListAccounts(TerminalEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Instant now = env.clock().instant();
            try (AccountsWiring a = accounts(options, env, spec.commandLine().getErr())) {
                var all = a.operators().statuses();
                if (options.json) {
                    ObjectNode root = TerminalCommands.JSON.createObjectNode();
                    ArrayNode list = root.putArray("operators");
                    for (Operators.Status s : all) {
                        list.addObject().put("name", s.operator().name()).put("display_name", s.operator().displayName())
                                .put("role", s.operator().role().name()).put("active", s.operator().active())
                                .put("locked", s.lockedAt(now)).put("locked_until", s.lockedAt(now) ? s.lockedUntil().toString() : null)
                                .put("failed_attempts", s.failedAttempts());
                    }
                    root.put("supervisor_exists", a.admin().supervisorExists());
                    TerminalCommands.printJson(out, root);
                    return 0;
                }
                if (all.isEmpty()) {
                    out.println("No operators yet. Create the first supervisor: medcard operator add NAME --role SUPERVISOR --display-name TEXT");
                }
                for (Operators.Status s : all) {
                    out.printf("%-16s %-10s %-8s %-8s %s%n", s.operator().name(), s.operator().role(),
                            s.operator().active() ? "active" : "disabled", s.lockedAt(now) ? "LOCKED" : "", s.operator().displayName());
                }
                return 0;
            }
        }
    }

    @Command(name = "add", description = "Add an account. Standard input: the supervisor's password (with --supervisor),"
            + " then the new account's password (at least 8 characters).", mixinStandardHelpOptions = true)
    static final class Add extends Change {
        @Parameters(index = "0", paramLabel = "NAME", description = "sign-in name: 2–32 letters, digits, '.', '_' or '-'")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "CASHIER, SUPERVISOR or TECHNICIAN")
        Role role;

        @Option(names = "--display-name", paramLabel = "TEXT", description = "the name shown on screens and receipts (default: NAME)")
        String displayName;

        Add(TerminalEnvironment env) {
            super(env);
        }

        @Override
        OperatorAdmin.Result change(OperatorAdmin admin, StdinLines stdin) {
            Operator op;
            try {
                op = new Operator(name, displayName == null ? name : displayName, role, true);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            OperatorAdmin.Credentials by = supervisorCredentials(stdin);
            return admin.add(op, newPassword(stdin, name, by), by);
        }
    }

    @Command(name = "disable", description = "Disable an account (kept for the audit trail). Standard input: the supervisor's password.",
            mixinStandardHelpOptions = true)
    static final class Disable extends Change {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        Disable(TerminalEnvironment env) {
            super(env);
        }

        @Override
        OperatorAdmin.Result change(OperatorAdmin admin, StdinLines stdin) {
            return admin.disable(name, supervisorCredentials(stdin));
        }
    }

    @Command(name = "enable", description = "Enable a disabled account. Standard input: the supervisor's password.",
            mixinStandardHelpOptions = true)
    static final class Enable extends Change {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        Enable(TerminalEnvironment env) {
            super(env);
        }

        @Override
        OperatorAdmin.Result change(OperatorAdmin admin, StdinLines stdin) {
            return admin.enable(name, supervisorCredentials(stdin));
        }
    }

    @Command(name = "unlock", description = "Unlock an account locked after wrong passwords. Standard input: the supervisor's password.",
            mixinStandardHelpOptions = true)
    static final class Unlock extends Change {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        Unlock(TerminalEnvironment env) {
            super(env);
        }

        @Override
        OperatorAdmin.Result change(OperatorAdmin admin, StdinLines stdin) {
            return admin.unlock(name, supervisorCredentials(stdin));
        }
    }

    @Command(name = "passwd", description = "Set a new password. Standard input: the supervisor's password (with --supervisor)"
            + " or the operator's current password, then the new password.", mixinStandardHelpOptions = true)
    static final class Passwd extends Change {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        Passwd(TerminalEnvironment env) {
            super(env);
        }

        @Override
        OperatorAdmin.Result change(OperatorAdmin admin, StdinLines stdin) {
            OperatorAdmin.Credentials by = supervisor != null ? supervisorCredentials(stdin)
                    : new OperatorAdmin.Credentials(name, requiredLine(stdin, "the current password of " + name));
            return admin.changePassword(name, newPassword(stdin, name, by), by);
        }
    }
}
