package org.medcard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A main: the desktop app's start against the floor, in the same run. Alternately starts
 * {@code java [options] -jar <medcard-terminal.jar>} with a fresh data folder (TRAINING MODE, first start) and the
 * {@link HelloWindow}, each time reading the process's own "... ready N ms after the process started" line, and
 * prints the medians and their ratio as the last line: {@code start app=<ms> ms hello=<ms> ms ratio=<r>}.
 *
 * <pre>
 * DISPLAY=:77 java -cp bench/target/benchmarks.jar org.medcard.bench.StartBench terminal-app/target/medcard-terminal.jar 5 [java options for the app...]
 * DISPLAY=:77 java -cp bench/target/benchmarks.jar org.medcard.bench.StartBench /opt/medcard-terminal/bin/medcard-terminal 5 [java options]
 * </pre>
 */
public final class StartBench {
    private static final Pattern READY = Pattern.compile("(Sign-in screen|Hello window) ready (\\d+) ms after the process started");

    private StartBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> appOptions = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String self = System.getProperty("java.class.path");
        List<Long> app = new ArrayList<>();
        List<Long> hello = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Path home = Files.createTempDirectory("start-bench");
            long a;
            if (jar.toString().endsWith(".jar")) {
                List<String> cmd = new ArrayList<>(List.of(java, "-Duser.home=" + home, "-Dmedcard.log.level=INFO"));
                cmd.addAll(appOptions);
                cmd.addAll(List.of("-jar", jar.toString()));
                a = ready(cmd, Map.of());
            } else {
                // An installed launcher (the .deb's bin/medcard-terminal): its JVM takes the options from the environment.
                a = ready(List.of(jar.toString()), Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString(),
                        "JAVA_TOOL_OPTIONS", String.join(" ", "-Duser.home=" + home, "-Dmedcard.log.level=INFO",
                                String.join(" ", appOptions)).trim()));
            }
            long h = ready(List.of(java, "-cp", self, HelloWindow.class.getName()), Map.of());
            System.out.printf(Locale.ROOT, "round %d: app %d ms, hello %d ms%n", i + 1, a, h);
            app.add(a);
            hello.add(h);
        }
        long am = median(app);
        long hm = median(hello);
        System.out.printf(Locale.ROOT, "start app=%d ms hello=%d ms ratio=%.2f%n", am, hm, (double) am / hm);
    }

    private static long ready(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        b.environment().putAll(env);
        Process p = b.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    return Long.parseLong(m.group(2));
                }
            }
            throw new IllegalStateException("no 'ready' line from " + cmd);
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static long median(List<Long> v) {
        List<Long> s = v.stream().sorted().toList();
        return s.get(s.size() / 2);
    }
}
