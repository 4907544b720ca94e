package org.kalkan.interop.cap.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** The areas of a message as one GeoJSON FeatureCollection (info and area numbers, description) for the mini map. */
final class CapAreas {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CapAreas() {
    }

    public static @Nullable String featureCollection(CapMessage message) {
        List<String> features = new ArrayList<>();
        for (int i = 0; i < message.infos().size(); i++) {
            List<CapMessage.Area> areas = message.infos().get(i).areas();
            for (int a = 0; a < areas.size(); a++) {
                String geometry = areas.get(a).geoJson();
                if (geometry != null) {
                    features.add("{\"type\":\"Feature\",\"properties\":{\"info\":" + (i + 1) + ",\"area\":" + (a + 1)
                            + ",\"areaDesc\":" + JSON.writeValueAsString(areas.get(a).description()) + "},\"geometry\":"
                            + geometry + "}");
                }
            }
        }
        return features.isEmpty() ? null
                : "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }
}
