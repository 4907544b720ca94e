package org.kalkan.platform;

/**
 * Says on a page why a form was refused, in the user's language, and which field it was about. A page controller
 * puts {@link #message(Throwable)} where it shows the refusal; the node then keeps what was typed in the form and
 * shows the message at the field (implemented in {@code platform.web}, with {@code KeptForms} and
 * {@code js/forms.js}).
 * <ul>
 * <li>a domain refusal with a {@code DomainException#messageKey()}, or an {@code InvalidFieldException} with a key:
 * that text, translated;</li>
 * <li>any other refusal: its kind, translated ("Not possible in this state: …"), then its detail.</li>
 * </ul>
 */
public interface FormErrors {

    /** The refusal as the user reads it, in their language; remembers the field it was about for this request. */
    String message(Throwable refusal);
}
