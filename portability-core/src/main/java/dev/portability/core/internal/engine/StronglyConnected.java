package dev.portability.core.internal.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Tarjan's strongly connected components of a graph of tables (an edge: a table references, or must come after,
 * another), walked with a stack of its own rather than the thread's: a chain of thousands of foreign keys would
 * overflow that.
 */
final class StronglyConnected {

    private final Function<String, ? extends Collection<String>> successors;
    private final Set<String> nodes;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final List<List<String>> components = new ArrayList<>();
    private int next;

    private StronglyConnected(Collection<String> nodes, Function<String, ? extends Collection<String>> successors) {
        this.nodes = new HashSet<>(nodes);
        this.successors = successors;
    }

    /**
     * @param nodes the tables, in the order to start walks from
     * @param successors per table, the tables it points at; those not among {@code nodes} are passed over
     * @return the components, each after every component it points at; members in the order the walk closed them
     */
    static List<List<String>> components(Collection<String> nodes,
            Function<String, ? extends Collection<String>> successors) {
        StronglyConnected walk = new StronglyConnected(nodes, successors);
        for (String node : nodes) {
            if (!walk.index.containsKey(node)) {
                walk.visit(node);
            }
        }
        return walk.components;
    }

    /** A table being visited and the tables it points at still to follow. */
    private record Frame(String name, Iterator<String> successors) {
    }

    private void visit(String root) {
        Deque<Frame> frames = new ArrayDeque<>();
        enter(root, frames);
        while (!frames.isEmpty()) {
            Frame frame = frames.peek();
            String name = frame.name();
            if (frame.successors().hasNext()) {
                String to = frame.successors().next();
                if (!nodes.contains(to)) {
                    continue;
                }
                if (!index.containsKey(to)) {
                    enter(to, frames);
                } else if (onStack.contains(to)) {
                    low.put(name, Math.min(low.get(name), index.get(to)));
                }
                continue;
            }
            frames.pop();
            if (low.get(name).equals(index.get(name))) {
                List<String> members = new ArrayList<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    members.add(member);
                } while (!member.equals(name));
                components.add(members);
            }
            if (!frames.isEmpty()) {
                String parent = frames.peek().name();
                low.put(parent, Math.min(low.get(parent), low.get(name)));
            }
        }
    }

    private void enter(String name, Deque<Frame> frames) {
        index.put(name, next);
        low.put(name, next);
        next++;
        stack.push(name);
        onStack.add(name);
        frames.push(new Frame(name, successors.apply(name).iterator()));
    }
}
