package org.kalkan.platform.web;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What the node's error page ({@code templates/error.html}) shows: the status, a translated title for it and, for
 * a refusal of the caller's own input, the detail that names the field or parameter. Exception messages and stack
 * traces are never shown ({@code server.error.include-message: never}).
 */
@Component
class PageErrorAttributes extends DefaultErrorAttributes {

    private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 409, 413, 429, 500, 503);

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        int status = attributes.get("status") instanceof Integer code ? code : 500;
        attributes.put("titleKey", "error.status." + (EXPLAINED.contains(status) ? status : "other"));
        if (request.getAttribute(BadRequests.DETAIL, RequestAttributes.SCOPE_REQUEST) instanceof String detail
                && status >= 400 && status < 500) {
            attributes.put("detail", detail);
        }
        return attributes;
    }
}
