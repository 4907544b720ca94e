package org.kalkan.crisis.internal;

import java.util.Locale;
import org.kalkan.council.DecisionAdopted;
import org.kalkan.council.MeasureActivated;
import org.kalkan.crisis.AlertLevel;
import org.kalkan.crisis.AlertLevels;
import org.kalkan.crisis.AlertTarget;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.CrisisLog;
import org.kalkan.crisis.LogEntryKind;
import org.kalkan.members.MemberStates;
import org.kalkan.members.Nation;
import org.kalkan.shared.NationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Makes Council decisions act where they belong: an adopted decision is logged in its crisis, a
 * {@code RAISE_ALERT_LEVEL} measure sets the alert level it names, {@code ACTIVATE_CRISIS_TEAM} is logged as the
 * team's activation. Each log entry carries the decision's own label.
 */
@Component
class CouncilMeasures {

    private static final Logger log = LoggerFactory.getLogger(CouncilMeasures.class);
    private static final String AUTHOR = AlertLevels.COUNCIL;

    private final AlertLevels levels;
    private final CrisisLog crisisLog;
    private final MemberStates nations;

    CouncilMeasures(AlertLevels levels, CrisisLog crisisLog, MemberStates nations) {
        this.levels = levels;
        this.crisisLog = crisisLog;
        this.nations = nations;
    }

    private java.util.Set<NationCode> members() {
        return nations.nations().stream().filter(Nation::isMember).map(Nation::code)
                .collect(java.util.stream.Collectors.toSet());
    }

    @ApplicationModuleListener
    void on(DecisionAdopted adopted) {
        if (adopted.crisisId() != null) {
            crisisLog.append(new CrisisId(adopted.crisisId()), AUTHOR, "Council decision " + adopted.registerNumber()
                    + " " + adopted.outcome() + ": " + adopted.title(), LogEntryKind.DECISION_ADOPTED,
                    adopted.label(), adopted.exerciseId());
        }
    }

    @ApplicationModuleListener
    void on(MeasureActivated measure) {
        switch (measure.measureCode()) {
            case "RAISE_ALERT_LEVEL" -> raise(measure);
            case "ACTIVATE_CRISIS_TEAM" -> logInCrisis(measure, "Crisis response team activated under Council "
                    + "decision " + measure.registerNumber());
            default -> log.debug("measure {} acts elsewhere", measure.measureCode());
        }
    }

    private void raise(MeasureActivated measure) {
        AlertTarget target = target(measure.parameters().getOrDefault("target", ""));
        AlertLevel level = level(measure.parameters().getOrDefault("level", ""));
        if (measure.exerciseId() != null) {
            // Alert levels are real-world state: an exercise decision is recorded in its crisis, never applied.
            logInCrisis(measure, "EXERCISE: alert level of " + target.name() + " to " + level + " under Council "
                    + "decision " + measure.registerNumber() + " (exercise play; real-world alert levels unchanged)");
            return;
        }
        if (!nations.expand(measure.label().releasableTo()).containsAll(members())) {
            // The Council checked this as the decision took effect; a level binds every member, so check it here too.
            log.warn("Council decision {} is not releasable to every member state: alert level not changed",
                    measure.registerNumber());
            logInCrisis(measure, "Alert level of " + target.name() + " NOT changed under Council decision "
                    + measure.registerNumber() + ": the decision is not releasable to every member state");
            return;
        }
        levels.change(target, level, "Council measure RAISE_ALERT_LEVEL", measure.registerNumber(), AUTHOR,
                measure.label());
        logInCrisis(measure, "Alert level of " + target.name() + " set to " + level + " under Council decision "
                + measure.registerNumber());
    }

    private void logInCrisis(MeasureActivated measure, String text) {
        if (measure.crisisId() != null) {
            crisisLog.append(new CrisisId(measure.crisisId()), AUTHOR, text, LogEntryKind.MEASURE_ACTIVATED,
                    measure.label(), measure.exerciseId());
        }
    }

    /** {@code AZE} or {@code NATION:AZE} for a member state, {@code REGION:Caspian} for a region. */
    static AlertTarget target(String text) {
        String value = text.trim();
        if (value.regionMatches(true, 0, "REGION:", 0, 7)) {
            return AlertTarget.region(value.substring(7).trim());
        }
        if (value.regionMatches(true, 0, "NATION:", 0, 7)) {
            value = value.substring(7).trim();
        }
        return AlertTarget.nation(value.toUpperCase(Locale.ROOT));
    }

    /** A level by name, or by its rank 0–3 (NORMAL … SEVERE). */
    static AlertLevel level(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT);
        if (value.matches("[0-3]")) {
            return AlertLevel.values()[Integer.parseInt(value)];
        }
        return AlertLevel.valueOf(value);
    }
}
