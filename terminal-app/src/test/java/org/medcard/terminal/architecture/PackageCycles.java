package org.medcard.terminal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * "No package is in an import cycle", as {@code jdeps -verbose:package} sees it: every package under a root
 * (the root package included) is a node, a class's dependency on a class of another such package an edge.
 * Each edge inside a strongly connected component is reported as one violation, {@code a -> b (in a package
 * cycle)}: one stable line per package edge (no class, method or line number), so a frozen store of them
 * survives edits inside the packages, shrinks when an edge is cut, and a new edge that closes or joins a cycle
 * is a new violation.
 */
final class PackageCycles {

    private PackageCycles() {
    }

    static ArchRule rule(String root) {
        return classes().that().resideInAPackage(root + "..").should(new NoCycles(root))
                .as("no package under " + root + " is in an import cycle");
    }

    private static final class NoCycles extends ArchCondition<JavaClass> {
        private final String root;
        private final Map<String, Set<String>> edges = new TreeMap<>();

        NoCycles(String root) {
            super("be in no package cycle");
            this.root = root;
        }

        private boolean inside(String pkg) {
            return pkg.equals(root) || pkg.startsWith(root + ".");
        }

        @Override
        public void check(JavaClass item, ConditionEvents events) {
            String from = item.getPackageName();
            for (Dependency d : item.getDirectDependenciesFromSelf()) {
                String to = d.getTargetClass().getBaseComponentType().getPackageName();
                if (!to.equals(from) && inside(to)) {
                    edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }

        @Override
        public void finish(ConditionEvents events) {
            Map<String, Integer> component = components();
            Map<Integer, Integer> sizes = new HashMap<>();
            component.values().forEach(c -> sizes.merge(c, 1, Integer::sum));
            edges.forEach((from, targets) -> targets.forEach(to -> {
                Integer c = component.get(from);
                if (c != null && c.equals(component.get(to)) && sizes.get(c) > 1) {
                    events.add(SimpleConditionEvent.violated(from, from + " -> " + to + " (in a package cycle)"));
                }
            }));
        }

        /** Tarjan's strongly connected components: package → component number. */
        private Map<String, Integer> components() {
            Map<String, Integer> index = new HashMap<>();
            Map<String, Integer> low = new HashMap<>();
            Map<String, Integer> component = new HashMap<>();
            Deque<String> stack = new ArrayDeque<>();
            Set<String> onStack = new TreeSet<>();
            int[] counter = {0, 0};
            Set<String> nodes = new TreeSet<>(edges.keySet());
            edges.values().forEach(nodes::addAll);
            for (String n : nodes) {
                if (!index.containsKey(n)) {
                    connect(n, index, low, component, stack, onStack, counter);
                }
            }
            return component;
        }

        private void connect(String v, Map<String, Integer> index, Map<String, Integer> low, Map<String, Integer> component,
                             Deque<String> stack, Set<String> onStack, int[] counter) {
            index.put(v, counter[0]);
            low.put(v, counter[0]);
            counter[0]++;
            stack.push(v);
            onStack.add(v);
            for (String w : edges.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    connect(w, index, low, component, stack, onStack, counter);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.put(w, counter[1]);
                } while (!w.equals(v));
                counter[1]++;
            }
        }
    }
}
