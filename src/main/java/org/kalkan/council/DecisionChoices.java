package org.kalkan.council;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;

/**
 * What a chair may pick when drafting a decision, offered by the module that owns it (issue 16: pick, never paste):
 * the crisis a decision answers and the values of the measures' parameters. Implemented by {@code crisis} (its open
 * crises the chair may read in the chair's context, alert levels, member states and regions); the Council depends
 * on no implementation. Whatever is picked is still resolved through {@link DecisionReferences} when circulated.
 */
public interface DecisionChoices {

    /** The key of the decision's crisis; the other keys are measure parameter names ({@code level}, {@code target}). */
    String CRISIS = "crisis";

    /** The choices this module offers the chair, by key; only valid choices, in the order to show them. */
    Map<String, List<Choice>> choices(Subject chair);

    /**
     * One value to pick: what is posted, what a person reads, and the message key that says it in the reader's
     * language when there is one (then {@code text} is the fallback).
     */
    record Choice(String value, String text, @Nullable String messageKey) {
    }
}
