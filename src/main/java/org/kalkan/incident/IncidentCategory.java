package org.kalkan.incident;

/**
 * What a report is about, with its APP-6D / MIL-STD-2525D symbol: standard identity and an entity of symbol set
 * 40 (Activities/Events).
 */
public enum IncidentCategory {
    TERRORISM('6', "110200"),               // bomb
    CYBER_ATTACK('6', "110122"),            // sabotage
    TRAFFICKING_DRUGS('6', "110105"),       // drug related activities
    TRAFFICKING_ARMS('6', "110119"),        // smuggling
    TRAFFICKING_PERSONS('6', "110119"),     // smuggling
    BORDER_INCIDENT('6', "110100"),         // criminal activity incident
    CRITICAL_INFRASTRUCTURE('6', "110122"), // sabotage
    CBRN('6', "150101"),                    // chemical agent
    NATURAL_DISASTER('4', "170000"),        // natural event (neutral)
    OTHER('1', "110000");                   // incident (unknown)

    private final char identity;
    private final String entity;

    IncidentCategory(char identity, String entity) {
        this.identity = identity;
        this.entity = entity;
    }

    /** The 20-digit SIDC; context 0 is reality, 1 is exercise (every exercise symbol is marked as such). */
    public String sidc(boolean exercise) {
        return "10" + (exercise ? '1' : '0') + identity + "40" + "0" + "0" + "00" + entity + "0000";
    }
}
