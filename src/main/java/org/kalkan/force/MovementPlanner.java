package org.kalkan.force;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.internal.TransportNetwork;
import org.kalkan.force.internal.TransportNetwork.Place;
import org.kalkan.shared.GeoPoint;
import org.springframework.stereotype.Service;

/**
 * Estimates a movement: notice to move, then the fastest path over the modes a unit can use (Dijkstra over
 * place × arrival mode, so boarding a different mode costs its loading time), joined to the network by a road
 * stretch at each end.
 */
@Service
public class MovementPlanner {

    private static final int ACCESS_CANDIDATES = 3;
    private static final double DIRECT_ROAD_KM = 50;
    private static final double ACCESS_REACH_KM = 150;

    private final TransportNetwork network;
    private final ForceProperties.Movement settings;
    private final Clock clock;
    private final Map<Set<MovementMode>, Map<Node, List<Edge>>> networks = new ConcurrentHashMap<>();

    MovementPlanner(TransportNetwork network, ForceProperties properties, Clock clock) {
        this.network = network;
        this.settings = properties.movement();
        this.clock = clock;
    }

    public MovementEstimate estimate(GeoPoint from, GeoPoint to, Set<MovementMode> modes, double noticeToMoveHours) {
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("a unit needs at least one movement mode");
        }
        if (noticeToMoveHours < 0 || noticeToMoveHours > 24 * 365) {
            throw new IllegalArgumentException("notice to move must be between 0 and 8760 hours");
        }
        Node start = new Node("start", "start", from);
        Node end = new Node("end", "destination", to);
        Map<Node, List<Edge>> network = network(EnumSet.copyOf(modes));
        Map<Node, List<Edge>> access = access(start, end);
        List<MovementLeg> legs = shortest(node -> edges(network, access, node), start, end);
        double total = noticeToMoveHours + legs.stream().mapToDouble(MovementLeg::hours).sum();
        return new MovementEstimate(noticeToMoveHours, legs, round(total),
                clock.instant().plusSeconds(Math.round(total * 3600)));
    }

    private record Node(String id, String name, GeoPoint at) {
    }

    private record Edge(Node to, MovementMode mode, double km) {
    }

    private record State(Node node, @Nullable MovementMode arrivedBy) {
    }

    /** The network's links usable with a set of modes; built once per set, since the sourcing engine asks often. */
    private Map<Node, List<Edge>> network(Set<MovementMode> modes) {
        return networks.computeIfAbsent(modes, m -> {
            Map<Node, List<Edge>> graph = new HashMap<>();
            for (TransportNetwork.Link link : network.links()) {
                if (m.contains(link.mode())) {
                    Node a = node(link.a());
                    Node b = node(link.b());
                    graph.computeIfAbsent(a, k -> new ArrayList<>()).add(new Edge(b, link.mode(), link.km()));
                    graph.computeIfAbsent(b, k -> new ArrayList<>()).add(new Edge(a, link.mode(), link.km()));
                }
            }
            graph.replaceAll((node, edges) -> List.copyOf(edges));
            return Map.copyOf(graph);
        });
    }

    private static Node node(Place place) {
        return new Node(place.id(), place.name(), place.at());
    }

    /** The road legs off the network for one estimate; the network itself is shared, never copied. */
    private Map<Node, List<Edge>> access(Node start, Node end) {
        Map<Node, List<Edge>> graph = new HashMap<>();
        // Off the network every unit moves by road to and from the nearest places.
        for (Place place : nearest(start.at())) {
            graph.computeIfAbsent(start, k -> new ArrayList<>()).add(new Edge(node(place),
                    MovementMode.ROAD, start.at().distanceKm(place.at()) * settings.accessWinding()));
        }
        for (Place place : nearest(end.at())) {
            graph.computeIfAbsent(node(place), k -> new ArrayList<>()).add(new Edge(end, MovementMode.ROAD,
                    end.at().distanceKm(place.at()) * settings.accessWinding()));
        }
        // A straight road only between close points: farther apart, a sea or a range may lie between them.
        double direct = start.at().distanceKm(end.at());
        if (direct <= DIRECT_ROAD_KM) {
            graph.computeIfAbsent(start, k -> new ArrayList<>()).add(new Edge(end, MovementMode.ROAD,
                    direct * settings.accessWinding()));
        }
        return graph;
    }

    /** Up to three nearby places, never farther than the nearest one plus a short drive (no road across a sea). */
    private List<Place> nearest(GeoPoint point) {
        List<Place> sorted = network.places().stream()
                .sorted(Comparator.comparingDouble(p -> p.at().distanceKm(point))).toList();
        double reach = sorted.get(0).at().distanceKm(point) + ACCESS_REACH_KM;
        return sorted.stream().filter(p -> p.at().distanceKm(point) <= reach).limit(ACCESS_CANDIDATES).toList();
    }

    private static List<Edge> edges(Map<Node, List<Edge>> network, Map<Node, List<Edge>> access, Node node) {
        List<Edge> shared = network.getOrDefault(node, List.of());
        List<Edge> own = access.get(node);
        if (own == null) {
            return shared;
        }
        List<Edge> both = new ArrayList<>(shared);
        both.addAll(own);
        return both;
    }

    private List<MovementLeg> shortest(java.util.function.Function<Node, List<Edge>> graph, Node start, Node end) {
        record Visit(State state, double hours) {
        }
        record Step(State previous, Edge edge, double hours) {
        }
        Map<State, Double> best = new HashMap<>();
        Map<State, Step> via = new HashMap<>();
        PriorityQueue<Visit> queue = new PriorityQueue<>(Comparator.comparingDouble(Visit::hours));
        State origin = new State(start, null);
        best.put(origin, 0.0);
        queue.add(new Visit(origin, 0));
        State reached = null;
        while (!queue.isEmpty()) {
            Visit visit = queue.poll();
            if (visit.hours() > best.getOrDefault(visit.state(), Double.MAX_VALUE)) {
                continue;
            }
            if (visit.state().node().equals(end)) {
                reached = visit.state();
                break;
            }
            for (Edge edge : graph.apply(visit.state().node())) {
                double boarding = edge.mode() == visit.state().arrivedBy() ? 0 : settings.boarding(edge.mode());
                double hours = boarding + edge.km() / settings.speed(edge.mode());
                State next = new State(edge.to(), edge.mode());
                double total = visit.hours() + hours;
                if (total < best.getOrDefault(next, Double.MAX_VALUE)) {
                    best.put(next, total);
                    via.put(next, new Step(visit.state(), edge, hours));
                    queue.add(new Visit(next, total));
                }
            }
        }
        if (reached == null) {
            throw new IllegalArgumentException("no route between these places with the unit's movement modes");
        }
        List<MovementLeg> legs = new ArrayList<>();
        for (State state = reached; via.containsKey(state); state = via.get(state).previous()) {
            Step step = via.get(state);
            legs.add(0, new MovementLeg(step.previous().node().name(), state.node().name(), step.edge().mode(),
                    step.edge().km(), step.hours(), List.of(step.previous().node().at(), state.node().at())));
        }
        return merge(legs);
    }

    /** Consecutive legs in the same mode read as one. */
    private static List<MovementLeg> merge(List<MovementLeg> legs) {
        List<MovementLeg> merged = new ArrayList<>();
        for (MovementLeg leg : legs) {
            MovementLeg last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.mode() == leg.mode()) {
                List<GeoPoint> path = new ArrayList<>(last.path());
                path.addAll(leg.path().subList(1, leg.path().size()));
                merged.set(merged.size() - 1, new MovementLeg(last.from(), leg.to(), leg.mode(), last.km() + leg.km(),
                        last.hours() + leg.hours(), path));
            } else {
                merged.add(leg);
            }
        }
        return merged.stream().map(l -> new MovementLeg(l.from(), l.to(), l.mode(), round(l.km()), round(l.hours()),
                l.path())).toList();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
