package org.kalkan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.KalkanTest;
import org.kalkan.security.Role;
import org.kalkan.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

@KalkanTest
class OidcAccountsTests {

    @Autowired OidcAccounts oidc;

    @Test
    void claimsMapToNationRolesAndClearance() {
        KalkanPrincipal p = oidc.map(Map.of("preferred_username", "Ayse.Kaya", "name", "Ayşe Kaya",
                "kalkan_nation", "TUR", "kalkan_clearance", "CONFIDENTIAL",
                "kalkan_roles", List.of("WATCH_OFFICER", "SOME_OTHER_APP_ROLE")));
        assertThat(p.username()).isEqualTo("ayse.kaya");
        assertThat(p.nation().value()).isEqualTo("TUR");
        assertThat(p.clearance()).isEqualTo(Classification.CONFIDENTIAL);
        assertThat(p.roles()).containsExactly(Role.WATCH_OFFICER);
    }

    @Test
    void anUnknownNationOrClearanceIsRefused() {
        assertThatThrownBy(() -> oidc.map(Map.of("preferred_username", "x", "kalkan_nation", "USA",
                "kalkan_clearance", "SECRET"))).isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> oidc.map(Map.of("preferred_username", "x", "kalkan_nation", "KAZ",
                "kalkan_clearance", "TOP_SECRET"))).isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> oidc.map(Map.of("preferred_username", "x", "kalkan_clearance", "SECRET")))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }
}
