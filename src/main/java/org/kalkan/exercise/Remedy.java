package org.kalkan.exercise;

/**
 * What a remedial action changes (DOTMLPF-I): doctrine, organisation, training, materiel, leadership, personnel,
 * facilities, interoperability. A lesson whose remedy is {@code TRAINING} becomes a training requirement.
 */
public enum Remedy {
    DOCTRINE, ORGANISATION, TRAINING, MATERIEL, LEADERSHIP, PERSONNEL, FACILITIES, INTEROPERABILITY
}
