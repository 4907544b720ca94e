package org.kalkan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityLabelTests {

    @Test
    void aNullOrBlankReleasabilityEntryIsBadInputNotANullPointer() {
        assertThatThrownBy(() -> SecurityLabel.of(Classification.RESTRICTED, Arrays.asList("AZE", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("releasableTo");
        assertThatThrownBy(() -> SecurityLabel.of(Classification.RESTRICTED, Arrays.asList((String) null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecurityLabel.of(Classification.RESTRICTED, List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecurityLabel.of(Classification.RESTRICTED, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("releasableTo");
    }

    @Test
    void entriesAreSortedWithoutDuplicates() {
        SecurityLabel label = SecurityLabel.of(Classification.CONFIDENTIAL, List.of("TUR", "AZE", "TUR"));
        assertThat(label.releasableTo()).containsExactly("AZE", "TUR");
        assertThat(label.marking()).isEqualTo("CONFIDENTIAL // REL TO AZE, TUR");
    }
}
