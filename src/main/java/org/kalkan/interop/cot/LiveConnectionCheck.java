package org.kalkan.interop.cot;

/** Re-checks the live CoT connections against revocations and accounts; a poller in {@code internal} runs it. */
public interface LiveConnectionCheck {

    void check();
}
