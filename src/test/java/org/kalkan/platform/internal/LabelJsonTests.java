package org.kalkan.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import tools.jackson.databind.json.JsonMapper;

class LabelJsonTests {

    private final JsonMapper json = JsonMapper.builder().addModule(new LabelJson().securityLabelModule()).build();

    record Carrier(SecurityLabel label) {
    }

    @Test
    void aLabelIsWrittenWithItsMarkingAndReadBack() {
        SecurityLabel label = SecurityLabel.of(Classification.CONFIDENTIAL, "TUR", "AZE");
        String written = json.writeValueAsString(label);
        assertThat(written).isEqualTo("{\"classification\":\"CONFIDENTIAL\",\"releasableTo\":[\"AZE\",\"TUR\"],"
                + "\"marking\":\"CONFIDENTIAL // REL TO AZE, TUR\"}");
        assertThat(json.readValue(written, SecurityLabel.class)).isEqualTo(label);
    }

    @Test
    void eachBadPartIsRefusedByName() {
        assertRefused("{\"label\":{\"releasableTo\":[\"AZE\"]}}", "label.classification is required");
        assertRefused("{\"label\":{\"classification\":\"TOP\",\"releasableTo\":[\"AZE\"]}}", "unknown classification 'TOP'");
        assertRefused("{\"label\":{\"classification\":\"SECRET\",\"releasableTo\":[]}}", "label.releasableTo needs");
        assertRefused("{\"label\":{\"classification\":\"SECRET\",\"releasableTo\":[null]}}", "label.releasableTo[0]");
        assertRefused("{\"label\":{\"classification\":\"SECRET\",\"releasableTo\":[\"AZE\",\" \"]}}",
                "label.releasableTo[1]");
        assertRefused("{\"label\":\"SECRET\"}", "label must be an object");
    }

    private void assertRefused(String body, String message) {
        assertThatThrownBy(() -> json.readValue(body, Carrier.class)).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining(message);
    }
}
