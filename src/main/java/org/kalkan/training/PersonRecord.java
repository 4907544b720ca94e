package org.kalkan.training;

import java.util.List;

/** A person with their history: completions, every qualification granted (current and past), nominations. */
public record PersonRecord(Person person, List<Completion> completions, List<Qualification> qualifications,
        List<Nomination> nominations) {

    public PersonRecord {
        completions = List.copyOf(completions);
        qualifications = List.copyOf(qualifications);
        nominations = List.copyOf(nominations);
    }
}
