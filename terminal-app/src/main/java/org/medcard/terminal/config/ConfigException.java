package org.medcard.terminal.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration cannot be used; every problem names the key and how to fix it. */
public class ConfigException extends RuntimeException {

    /** One bad value: the key, what is wrong, and what to write instead. */
    public record Problem(String key, String problem, String fix) {
        @Override
        public String toString() {
            return key + ": " + problem + " — " + fix;
        }
    }

    private final List<Problem> problems;

    public ConfigException(String source, List<Problem> problems) {
        super("configuration " + source + " has " + problems.size() + " problem(s):\n  "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
