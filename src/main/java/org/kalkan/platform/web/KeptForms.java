package org.kalkan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forms keep what was typed: when a page's form is refused (the controller shows an {@code error}, on the same page or
 * after a redirect), what was submitted goes back to the page as {@code kept}, with the field the refusal named, and
 * {@code js/forms.js} puts every value back into that form and the message at the field. Secrets (passwords, one-time
 * codes) are never kept.
 */
@Configuration(proxyBeanMethods = false)
class KeptForms implements WebMvcConfigurer, HandlerInterceptor {

    /** Flash and model attributes by which page controllers show a refusal. */
    private static final List<String> ERRORS = List.of("error", "refused");
    private static final Set<String> SECRETS = Set.of("password", "currentpassword", "newpassword", "totp", "code",
            "_csrf", "back");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A refused form: where it was posted, what it held, and the field the refusal named. */
    record KeptForm(String action, Map<String, List<String>> values, @Nullable String field)
            implements Serializable {

        public String valuesJson() {
            return JSON.writeValueAsString(values);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/ogc/**", "/taxii2/**", "/actuator/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable ModelAndView view) {
        if (!"POST".equals(request.getMethod()) || view == null || !isPage(handler)) {
            return;
        }
        String name = view.getViewName();
        if (name != null && name.startsWith("redirect:")) {
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            ERRORS.stream().map(flash::get).filter(e -> e != null).findFirst()
                    .ifPresent(error -> flash.put("kept", keep(request, error)));
        } else {
            ERRORS.stream().map(view.getModel()::get).filter(e -> e != null).findFirst()
                    .ifPresent(error -> view.addObject("kept", keep(request, error)));
        }
    }

    static KeptForm keep(HttpServletRequest request, Object error) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, given) -> {
            if (!SECRETS.contains(name.toLowerCase(Locale.ROOT))) {
                values.put(name, List.of(given));
            }
        });
        Object message = request.getAttribute(TranslatedFormErrors.MESSAGE) instanceof String translated
                ? translated : error;
        String field = request.getAttribute(TranslatedFormErrors.FIELD) instanceof String named ? named
                : TranslatedFormErrors.namedIn(message instanceof String text ? text : null,
                        new ArrayList<>(values.keySet()));
        String action = request.getRequestURI().substring(request.getContextPath().length());
        return new KeptForm(action, values, field != null && values.containsKey(field) ? field : null);
    }

    private static boolean isPage(Object handler) {
        return handler instanceof HandlerMethod method
                && !method.getBeanType().isAnnotationPresent(RestController.class)
                && !method.hasMethodAnnotation(ResponseBody.class);
    }
}
