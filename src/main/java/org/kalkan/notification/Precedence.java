package org.kalkan.notification;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How urgent an alert is, highest first; each has a default acknowledgement deadline (see the properties). */
public enum Precedence {
    FLASH,
    IMMEDIATE,
    PRIORITY,
    ROUTINE;

    public static Precedence parse(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown precedence '" + name + "'; use one of "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
