package org.kalkan.force;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Movement planning: speeds per mode (km/h), hours to board a mode (loading, transfer), and the factor by which
 * the first and last road stretch off the network is longer than the straight line.
 */
@ConfigurationProperties("kalkan.force")
public record ForceProperties(@DefaultValue Movement movement) {

    public record Movement(
            @DefaultValue("55") double roadKmh,
            @DefaultValue("40") double railKmh,
            @DefaultValue("22") double seaKmh,
            @DefaultValue("600") double airKmh,
            @DefaultValue("0") double roadBoardingHours,
            @DefaultValue("6") double railBoardingHours,
            @DefaultValue("8") double seaBoardingHours,
            @DefaultValue("4") double airBoardingHours,
            @DefaultValue("1.3") double accessWinding) {

        public double speed(MovementMode mode) {
            return switch (mode) {
                case ROAD -> roadKmh;
                case RAIL -> railKmh;
                case SEA -> seaKmh;
                case AIR -> airKmh;
            };
        }

        public double boarding(MovementMode mode) {
            return switch (mode) {
                case ROAD -> roadBoardingHours;
                case RAIL -> railBoardingHours;
                case SEA -> seaBoardingHours;
                case AIR -> airBoardingHours;
            };
        }
    }
}
