package org.kalkan.force.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kalkan.force.MovementMode;
import org.kalkan.shared.GeoPoint;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The region's road, rail, sea (Caspian ferries) and air links, from {@code force/transport-network.json} (a data
 * file with its sources). Air links join every pair of airfields.
 */
@Component
public class TransportNetwork {

    /** A city, port or airfield. */
    public record Place(String id, String name, GeoPoint at, boolean airfield) {
    }

    /** A link usable both ways. */
    public record Link(Place a, Place b, MovementMode mode, double km) {
    }

    private final List<Place> places;
    private final List<Link> links;

    public TransportNetwork() throws IOException {
        JsonNode root;
        try (InputStream in = new ClassPathResource("force/transport-network.json").getInputStream()) {
            root = JsonMapper.builder().build().readTree(in);
        }
        List<Place> loaded = new ArrayList<>();
        root.get("nodes").forEach(n -> loaded.add(new Place(n.get("id").asString(), n.get("name").asString(),
                new GeoPoint(n.get("lat").asDouble(), n.get("lon").asDouble()), n.get("airfield").asBoolean())));
        Map<String, Place> byId = loaded.stream().collect(Collectors.toMap(Place::id, Function.identity()));
        List<Link> linked = new ArrayList<>();
        root.get("edges").forEach(e -> {
            Place a = byId.get(e.get("from").asString());
            Place b = byId.get(e.get("to").asString());
            if (a == null || b == null) {
                throw new IllegalStateException("transport-network.json: edge " + e + " names an unknown node");
            }
            linked.add(new Link(a, b, MovementMode.valueOf(e.get("mode").asString()),
                    a.at().distanceKm(b.at()) * e.get("winding").asDouble()));
        });
        List<Place> airfields = loaded.stream().filter(Place::airfield).toList();
        for (int i = 0; i < airfields.size(); i++) {
            for (int j = i + 1; j < airfields.size(); j++) {
                Place a = airfields.get(i);
                Place b = airfields.get(j);
                linked.add(new Link(a, b, MovementMode.AIR, a.at().distanceKm(b.at()) * 1.05));
            }
        }
        this.places = List.copyOf(loaded);
        this.links = List.copyOf(linked);
    }

    public List<Place> places() {
        return places;
    }

    public List<Link> links() {
        return links;
    }
}
