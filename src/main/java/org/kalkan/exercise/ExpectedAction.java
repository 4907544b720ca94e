package org.kalkan.exercise;

/**
 * The player action an inject is meant to provoke, chosen so it can be measured: acknowledging the delivered alert
 * (from the notification module's events), opening a crisis, answering an RFI, adopting a Council decision (recorded
 * when they happen, or by EXCON and evaluators), or free text an evaluator judges ({@code FREE_TEXT}, {@code NONE}).
 */
public enum ExpectedAction {
    ACKNOWLEDGE_ALERT, OPEN_CRISIS, ANSWER_RFI, ADOPT_DECISION, FILE_REPORT, FREE_TEXT, NONE;

    /** Whether the action can be missed: it has a measurable outcome. */
    public boolean measurable() {
        return this != FREE_TEXT && this != NONE;
    }
}
