package org.kalkan.council;

import java.util.List;

/** A pre-agreed response measure of the catalogue: the parameters it needs and whether it acts on a crisis. */
public record Measure(String code, String name, String description, List<String> parameters,
        boolean requiresCrisis) {

    public Measure {
        parameters = List.copyOf(parameters);
    }
}
