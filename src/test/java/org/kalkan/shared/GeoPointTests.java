package org.kalkan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTests {

    @Test
    void mgrsRoundTripsWithinAMetre() {
        GeoPoint baku = new GeoPoint(40.4093, 49.8671);
        String mgrs = baku.mgrs();
        assertThat(mgrs).startsWith("39T");
        GeoPoint back = GeoPoint.fromMgrs(mgrs);
        assertThat(back.distanceKm(baku)).isLessThan(0.002);
    }

    @Test
    void invalidInputIsRefused() {
        assertThatThrownBy(() -> GeoPoint.fromMgrs("not-mgrs")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(0, -180.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void distanceBakuToAktauIsAboutThreeHundredKilometres() {
        assertThat(new GeoPoint(40.4093, 49.8671).distanceKm(new GeoPoint(43.65, 51.17))).isCloseTo(375, within(15.0));
    }
}
