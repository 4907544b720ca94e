package org.kalkan.security.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.LabelAccessDeniedException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one mechanism behind "unreadable and absent are indistinguishable": whatever record a module loaded by id
 * without its SQL filter, the access policy's refusal ({@code assertReadable}) is answered as a 404 in the words of
 * {@code NotFoundException.noVisible}, never a 403 naming the record.
 */
class AuditingAccessDeniedHandlerTests {

    private final AuditTrail audit = mock(AuditTrail.class);

    @Test
    void aLabelRefusalIsAnsweredLikeAnAbsentRecordAndNamesNothing() throws Exception {
        MockHttpServletResponse api = new MockHttpServletResponse();
        new AuditingAccessDeniedHandler(audit, true).handle(new MockHttpServletRequest("GET", "/api/v1/x/42"), api,
                new LabelAccessDeniedException("incident:7d1c0a52-0000-4000-8000-000000000042"));

        assertThat(api.getStatus()).isEqualTo(404);
        assertThat(api.getContentType()).startsWith("application/problem+json");
        assertThat(api.getContentAsString()).contains("\"title\":\"Not found\"",
                "There is no incident you can see.").doesNotContain("7d1c0a52", "cleared");

        MockHttpServletResponse page = new MockHttpServletResponse();
        new AuditingAccessDeniedHandler(audit, false).handle(new MockHttpServletRequest("GET", "/incidents/42"), page,
                new LabelAccessDeniedException("incident:42"));
        assertThat(page.getStatus()).isEqualTo(404);
        // Already audited by the access policy with the refused record: not a second time as a role refusal.
        verify(audit, never()).recordDenial(org.mockito.ArgumentMatchers.anyString(),
                org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyString(),
                org.mockito.ArgumentMatchers.anyString());
    }

    @Test
    void aRoleRefusalIsA403AndAudited() throws Exception {
        MockHttpServletResponse api = new MockHttpServletResponse();
        new AuditingAccessDeniedHandler(audit, true).handle(new MockHttpServletRequest("GET", "/api/v1/audit/verify"),
                api, new AccessDeniedException("no"));

        assertThat(api.getStatus()).isEqualTo(403);
        verify(audit).recordDenial("anonymous", "GET", "/api/v1/audit/verify", "not permitted for role");
    }
}
