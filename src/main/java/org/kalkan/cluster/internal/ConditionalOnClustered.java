package org.kalkan.cluster.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Only on an instance of a cluster ({@code kalkan.cluster.kafka-bootstrap} set), or with {@code false} only on a
 * single node. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(ConditionalOnClustered.OnClustered.class)
@interface ConditionalOnClustered {

    boolean value() default true;

    final class OnClustered implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var attributes = metadata.getAnnotationAttributes(ConditionalOnClustered.class.getName());
            boolean wanted = attributes == null || Boolean.TRUE.equals(attributes.get("value"));
            boolean clustered = !context.getEnvironment().getProperty("kalkan.cluster.kafka-bootstrap", "").isBlank();
            return clustered == wanted;
        }
    }
}
