package org.kalkan.shared;

import java.util.List;

/**
 * One bad field of a request (a 400, as any {@link IllegalArgumentException}), naming the field and, for pages, a
 * message-bundle key with its arguments, so a form shows the reason at the field and in the user's language. The
 * English {@link #getMessage()} stays what the API answers.
 */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;
    private final String messageKey;
    private final List<String> arguments;

    /** {@code arguments} fill {@code {0}}, {@code {1}}, … of the text {@code messageKey} names. */
    public InvalidFieldException(String field, String message, String messageKey, String... arguments) {
        super(message);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** The request field (form input name, JSON property) that holds the bad value. */
    public String field() {
        return field;
    }

    /** A message-bundle key for the reason; empty when there is none. */
    public String messageKey() {
        return messageKey;
    }

    public List<String> arguments() {
        return arguments;
    }
}
